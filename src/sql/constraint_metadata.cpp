// Constraint names DuckDB does not keep, carried after the user's text in the table's comment.
#include "sql/constraint_metadata.hpp"

#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"

#include <pg_query.pb.h>

#include <algorithm>
#include <map>

namespace duckgres::sql {

namespace {

constexpr char kGroupSeparator = '\x1d';
constexpr char kRecordSeparator = '\x1e';
constexpr char kUnitSeparator = '\x1f';

std::vector<std::string> SplitAt(std::string_view text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        auto end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

//! The columns a PRIMARY KEY, UNIQUE or FOREIGN KEY table constraint names, joined with `separator`.
std::string ColumnsJoined(const pg_query::Constraint &constraint, char separator) {
    const auto &columns = constraint.contype() == pg_query::CONSTR_FOREIGN ? constraint.fk_attrs() : constraint.keys();
    std::string joined;
    for (const auto &part : columns) {
        joined += (joined.empty() ? "" : std::string(1, separator)) + part.string().sval();
    }
    return joined;
}

} // namespace

TableComment ParseTableComment(std::string_view comment) {
    TableComment parsed;
    auto group = comment.find(kGroupSeparator);
    parsed.text = std::string(comment.substr(0, group));
    if (group == std::string_view::npos) {
        return parsed;
    }
    for (const auto &entry : SplitAt(comment.substr(group + 1), kRecordSeparator)) {
        auto fields = SplitAt(entry, kUnitSeparator);
        if (fields.size() == 3 && fields[0].size() == 1) {
            parsed.names.push_back({fields[0][0], fields[1], fields[2]});
        }
    }
    return parsed;
}

std::string WithoutSeparators(std::string text) {
    std::erase_if(text, [](char c) { return c == kGroupSeparator || c == kRecordSeparator || c == kUnitSeparator; });
    return text;
}

std::string FormatTableComment(const TableComment &comment) {
    std::string text = WithoutSeparators(comment.text);
    for (size_t i = 0; i < comment.names.size(); i++) {
        const auto &name = comment.names[i];
        text += i == 0 ? kGroupSeparator : kRecordSeparator;
        text += std::string(1, name.contype) + kUnitSeparator + WithoutSeparators(name.key) + kUnitSeparator +
                WithoutSeparators(name.name);
    }
    return text;
}

char ConstraintKind(const pg_query::Constraint &constraint) {
    switch (constraint.contype()) {
    case pg_query::CONSTR_PRIMARY:
        return 'p';
    case pg_query::CONSTR_UNIQUE:
        return 'u';
    case pg_query::CONSTR_FOREIGN:
        return 'f';
    case pg_query::CONSTR_CHECK:
        return 'c';
    default:
        return 0;
    }
}

std::string DefaultConstraintName(const std::string &table, const pg_query::Constraint &constraint) {
    switch (ConstraintKind(constraint)) {
    case 'p':
        return table + "_pkey";
    case 'u':
        return table + "_" + ColumnsJoined(constraint, '_') + "_key";
    case 'f':
        return table + "_" + ColumnsJoined(constraint, '_') + "_fkey";
    default: {
        std::string column;
        pg_query::Node expression = constraint.raw_expr();
        WalkNodes(expression, [&](pg_query::Node &node) {
            if (column.empty() && node.has_column_ref() && node.column_ref().fields_size() > 0 &&
                node.column_ref().fields(node.column_ref().fields_size() - 1).has_string()) {
                column = node.column_ref().fields(node.column_ref().fields_size() - 1).string().sval();
            }
        });
        return table + (column.empty() ? "" : "_" + column) + "_check";
    }
    }
}

namespace {

//! Calls `visit` with each constraint of a CREATE TABLE in the order DuckDB keeps them: column constraints where their
//! column is, table constraints where they are declared.
template <typename Visit>
void ForEachConstraint(const pg_query::CreateStmt &create, Visit &&visit) {
    for (const auto &element : create.table_elts()) {
        if (element.has_column_def()) {
            for (const auto &constraint : element.column_def().constraints()) {
                visit(constraint.constraint());
            }
        } else if (element.has_constraint()) {
            visit(element.constraint());
        }
    }
}

} // namespace

std::vector<KeptConstraintName> NamedConstraints(const pg_query::CreateStmt &create) {
    std::vector<KeptConstraintName> names;
    std::map<char, int> counts;
    auto note = [&](const pg_query::Constraint &constraint) {
        const char kind = ConstraintKind(constraint);
        if (kind == 0 || HasReferentialAction(constraint)) {
            return; // a foreign key with actions is not DuckDB's: kept whole (ManagedForeignKey)
        }
        const int key = ++counts[kind];
        if (!constraint.conname().empty()) {
            names.push_back({kind, std::to_string(key), constraint.conname()});
        }
    };
    ForEachConstraint(create, note);
    return names;
}

std::optional<KeptConstraintName> CheckText(const pg_query::Constraint &constraint, int position) {
    pg_query::Node select;
    *select.mutable_select_stmt()->add_target_list()->mutable_res_target()->mutable_val() = constraint.raw_expr();
    auto text = DeparseStatement(select);
    constexpr std::string_view kSelect = "SELECT ";
    if (ConstraintKind(constraint) != 'c' || !text || !text->starts_with(kSelect) || !KeepableName(*text)) {
        return std::nullopt;
    }
    std::string key = std::to_string(position);
    bool keepable = true;
    pg_query::Node expression = constraint.raw_expr();
    WalkNodes(expression, [&](pg_query::Node &node) {
        if (node.has_column_ref() && node.column_ref().fields(node.column_ref().fields_size() - 1).has_string()) {
            const auto column = LastName(node.column_ref().fields());
            keepable &= KeepableName(column);
            key += '\x1b' + column;
        }
    });
    if (!keepable) {
        return std::nullopt;
    }
    return KeptConstraintName{kCheckTextKind, key, "(" + text->substr(kSelect.size()) + ")"};
}

std::vector<KeptConstraintName> CheckTexts(const pg_query::CreateStmt &create) {
    std::vector<KeptConstraintName> texts;
    int position = 0;
    auto note = [&](const pg_query::Constraint &constraint) {
        if (ConstraintKind(constraint) != 'c') {
            return;
        }
        if (auto text = CheckText(constraint, ++position)) {
            texts.push_back(std::move(*text));
        }
    };
    ForEachConstraint(create, note);
    return texts;
}

bool HasReferentialAction(const pg_query::Constraint &constraint) {
    const auto passive = [](const std::string &action) { return action.empty() || action == "a" || action == "r"; };
    return constraint.contype() == pg_query::CONSTR_FOREIGN &&
           (!passive(constraint.fk_del_action()) || !passive(constraint.fk_upd_action()));
}

namespace {

constexpr char kFieldSeparator = '\x1c';
constexpr char kListSeparator = '\x1b';

std::string Joined(const std::vector<std::string> &names) {
    std::string joined;
    for (const auto &name : names) {
        joined += (joined.empty() ? "" : std::string(1, kListSeparator)) + name;
    }
    return joined;
}

} // namespace

bool KeepableName(std::string_view name) {
    return std::none_of(name.begin(), name.end(), [](char c) { return c >= '\x1b' && c <= '\x1f'; });
}

std::string EncodeForeignKey(const ManagedForeignKey &key) {
    return std::string{key.on_delete, key.on_update} + kFieldSeparator + Joined(key.columns) + kFieldSeparator +
           key.referenced_schema + kFieldSeparator + key.referenced_table + kFieldSeparator +
           Joined(key.referenced_columns);
}

std::optional<ManagedForeignKey> DecodeForeignKey(std::string_view text) {
    const auto fields = SplitAt(text, kFieldSeparator);
    if (fields.size() != 5 || fields[0].size() != 2) {
        return std::nullopt;
    }
    ManagedForeignKey key;
    key.on_delete = fields[0][0];
    key.on_update = fields[0][1];
    key.columns = SplitAt(fields[1], kListSeparator);
    key.referenced_schema = fields[2];
    key.referenced_table = fields[3];
    key.referenced_columns = SplitAt(fields[4], kListSeparator);
    if (key.columns.size() != key.referenced_columns.size()) {
        return std::nullopt;
    }
    return key;
}

bool RenamesConstraint(const pg_query::Node &statement) {
    return statement.has_rename_stmt() && statement.rename_stmt().rename_type() == pg_query::OBJECT_TABCONSTRAINT;
}

const pg_query::AlterTableCmd *ConstraintChange(const pg_query::Node &statement) {
    if (!statement.has_alter_table_stmt() || statement.alter_table_stmt().objtype() != pg_query::OBJECT_TABLE ||
        statement.alter_table_stmt().cmds_size() != 1) {
        return nullptr;
    }
    const auto &cmd = statement.alter_table_stmt().cmds(0).alter_table_cmd();
    if (cmd.subtype() == pg_query::AT_DropConstraint ||
        (cmd.subtype() == pg_query::AT_AddConstraint && cmd.def().has_constraint() &&
         ConstraintKind(cmd.def().constraint()) != 0)) {
        return &cmd;
    }
    return nullptr;
}

} // namespace duckgres::sql
