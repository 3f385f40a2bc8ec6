// Finds the objects of DROP ... IF EXISTS and CREATE ... IF NOT EXISTS statements.
#include "sql/existence_checks.hpp"

#include "sql/node_builders.hpp"

namespace duckgres::sql {

namespace {

using Kind = ExistenceCheck::Kind;

const char *Word(Kind kind) {
    switch (kind) {
    case Kind::Table:
        return "table";
    case Kind::View:
        return "view";
    case Kind::Sequence:
        return "sequence";
    case Kind::Index:
        return "index";
    case Kind::Schema:
        return "schema";
    case Kind::Type:
        return "type";
    case Kind::Relation:
        return "relation";
    case Kind::Column:
        return "column";
    }
    return "relation";
}

ExistenceCheck FromRangeVar(const pg_query::RangeVar &relation, Kind kind, bool creating) {
    return ExistenceCheck{kind, creating, relation.schemaname(), relation.relname()};
}

} // namespace

std::string ExistenceCheck::Message() const {
    const std::string of_table = kind == Kind::Column ? " of relation \"" + table + "\"" : "";
    return std::string(Word(kind)) + " \"" + name + "\"" + of_table + " " +
           (creating ? "already exists" : "does not exist") + ", skipping";
}

std::string ExistenceCheck::Sqlstate() const {
    if (!creating) {
        return "00000";
    }
    return kind == Kind::Schema ? "42P06" : kind == Kind::Column ? "42701" : "42P07";
}

std::vector<ExistenceCheck> ExistenceChecks(const pg_query::Node &statement) {
    std::vector<ExistenceCheck> checks;
    if (statement.has_drop_stmt() && statement.drop_stmt().missing_ok()) {
        Kind kind;
        switch (statement.drop_stmt().remove_type()) {
        case pg_query::OBJECT_TABLE:
            kind = Kind::Table;
            break;
        case pg_query::OBJECT_VIEW:
            kind = Kind::View;
            break;
        case pg_query::OBJECT_SEQUENCE:
            kind = Kind::Sequence;
            break;
        case pg_query::OBJECT_INDEX:
            kind = Kind::Index;
            break;
        case pg_query::OBJECT_SCHEMA:
            kind = Kind::Schema;
            break;
        case pg_query::OBJECT_TYPE:
            kind = Kind::Type;
            break;
        default:
            return checks;
        }
        for (const auto &object : statement.drop_stmt().objects()) {
            ExistenceCheck check{kind, false, "", ""};
            if (object.has_list()) { // [schema.]name as a list of String
                const auto &items = object.list().items();
                check.name = LastName(items);
                if (items.size() >= 2 && items[items.size() - 2].has_string()) {
                    check.schema = items[items.size() - 2].string().sval();
                }
            } else if (object.has_string()) { // DROP SCHEMA name
                check.name = object.string().sval();
            } else if (object.has_type_name()) { // DROP TYPE name
                check.name = LastName(object.type_name().names());
            }
            if (!check.name.empty()) {
                checks.push_back(std::move(check));
            }
        }
        return checks;
    }
    if (statement.has_create_stmt() && statement.create_stmt().if_not_exists()) {
        checks.push_back(FromRangeVar(statement.create_stmt().relation(), Kind::Relation, true));
    } else if (statement.has_create_seq_stmt() && statement.create_seq_stmt().if_not_exists()) {
        checks.push_back(FromRangeVar(statement.create_seq_stmt().sequence(), Kind::Relation, true));
    } else if (statement.has_index_stmt() && statement.index_stmt().if_not_exists() &&
               !statement.index_stmt().idxname().empty()) {
        checks.push_back(ExistenceCheck{Kind::Relation, true, statement.index_stmt().relation().schemaname(),
                                        statement.index_stmt().idxname()});
    } else if (statement.has_create_schema_stmt() && statement.create_schema_stmt().if_not_exists()) {
        checks.push_back(ExistenceCheck{Kind::Schema, true, "", statement.create_schema_stmt().schemaname()});
    } else if (statement.has_alter_table_stmt() && statement.alter_table_stmt().objtype() == pg_query::OBJECT_TABLE) {
        const auto &alter = statement.alter_table_stmt();
        if (alter.missing_ok()) {
            checks.push_back(FromRangeVar(alter.relation(), Kind::Relation, false));
        }
        for (const auto &command : alter.cmds()) {
            if (!command.has_alter_table_cmd() || !command.alter_table_cmd().missing_ok()) {
                continue;
            }
            const auto &cmd = command.alter_table_cmd();
            ExistenceCheck column{Kind::Column, false, alter.relation().schemaname(), "", alter.relation().relname()};
            if (cmd.subtype() == pg_query::AT_AddColumn && cmd.def().has_column_def()) {
                column.creating = true;
                column.name = cmd.def().column_def().colname();
            } else if (cmd.subtype() == pg_query::AT_DropColumn) {
                column.name = cmd.name();
            }
            if (!column.name.empty()) {
                checks.push_back(std::move(column));
            }
        }
    }
    return checks;
}

} // namespace duckgres::sql
