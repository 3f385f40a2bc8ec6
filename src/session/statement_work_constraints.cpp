// StatementWork's ALTER TABLE ... ADD / DROP CONSTRAINT: DuckDB adds and drops few constraints of an existing table,
// so the table is made again with its rows (sql/table_rebuild.hpp), the constraint names kept in its comment.
#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "session/statement_work.hpp"
#include "sql/constraint_metadata.hpp"
#include "sql/foreign_key_actions.hpp"
#include "sql/rewriter.hpp"
#include "sql/table_locator.hpp"
#include "sql/table_rebuild.hpp"

#include <pg_query.pb.h>

#include <algorithm>
#include <map>
#include <optional>

namespace duckgres::session {

namespace {

//! A constraint the table has, as DuckDB and the catalog describe it.
struct ExistingConstraint {
    std::string text;           //!< DuckDB's (CHECK((a > 0)))
    std::string contype;        //!< empty: a CHECK Duckgres made (varchar(n) lengths), which keeps no name
    std::string conname;        //!< as pg_constraint shows it
    std::string generated_name; //!< what PostgreSQL would call it unnamed
};

//! The text of the constraint an ALTER TABLE ... ADD adds, in DuckDB's terms, without its name (DuckDB keeps none).
std::string AddedConstraintText(const pg_query::Node &statement, const sql::RewriteContext &context) {
    pg_query::Node unnamed = statement;
    unnamed.mutable_alter_table_stmt()
        ->mutable_cmds(0)
        ->mutable_alter_table_cmd()
        ->mutable_def()
        ->mutable_constraint()
        ->clear_conname();
    auto text = sql::RewriteForDuckDb(unnamed, context).text;
    if (!text) {
        text = sql::DeparseStatement(unnamed);
    }
    const auto add = text ? text->find(" ADD ") : std::string::npos;
    if (add == std::string::npos) {
        throw SqlError("0A000", "this constraint cannot be added");
    }
    return text->substr(add + 5);
}

//! The columns (DuckDB's types, defaults, NOT NULL, comments) and CREATE INDEX statements of the table `oid`.
void AddColumnsAndIndexes(engine::EngineConnection &engine, sql::TableRebuild &rebuild, const std::string &oid) {
    for (auto &row : engine.QueryStrings("SELECT column_name, data_type, coalesce(column_default, ''), "
                                         "(NOT is_nullable)::VARCHAR, coalesce(comment, '') FROM duckdb_columns() "
                                         "WHERE table_oid = " +
                                         oid + " ORDER BY column_index")) {
        rebuild.columns.push_back({row[0], row[1], row[2], row[3] == "true", row[4]});
    }
    for (auto &row :
         engine.QueryStrings("SELECT sql FROM duckdb_indexes() WHERE sql IS NOT NULL AND table_oid = " + oid)) {
        rebuild.indexes.push_back(row[0]);
    }
}

//! ALTER TABLE ... RENAME CONSTRAINT: the table's comment (`comment` now) with the new name of the constraint.
void RenameConstraint(engine::EngineConnection &engine, const pg_query::RenameStmt &rename, const std::string &oid,
                      const std::string &table, const std::string &comment) {
    const auto &relation = rename.relation().relname();
    auto constraints = engine.QueryStrings("SELECT contype, conname, generated_name FROM "
                                           "duckgres_catalog.main.duckgres_constraints WHERE table_oid = " +
                                           oid + " ORDER BY constraint_index");
    auto kept = sql::ParseTableComment(comment);
    bool found = false;
    for (const auto &constraint : constraints) {
        if (constraint[1] == rename.newname()) {
            throw SqlError("42710",
                           "constraint \"" + rename.newname() + "\" for relation \"" + relation + "\" already exists");
        }
        found |= constraint[1] == rename.subname();
    }
    if (!found) {
        throw SqlError("42704",
                       "constraint \"" + rename.subname() + "\" of relation \"" + relation + "\" does not exist");
    }
    // A foreign key Duckgres enforces keeps its name in its own entry (listed in the catalog view too).
    for (auto &name : kept.names) {
        if (name.contype == sql::kManagedForeignKeyKind && name.name == rename.subname()) {
            name.name = rename.newname();
            engine.Run("COMMENT ON TABLE " + table + " IS " + QuoteLiteral(sql::FormatTableComment(kept)));
            return;
        }
    }
    std::erase_if(kept.names, [](const auto &name) { return name.contype != sql::kManagedForeignKeyKind; });
    std::map<char, int> counts;
    for (const auto &constraint : constraints) {
        const char kind = constraint[0][0];
        const auto key = std::to_string(++counts[kind]);
        const auto &name = constraint[1] == rename.subname() ? rename.newname() : constraint[1];
        if (name != constraint[2]) {
            kept.names.push_back({kind, key, name});
        }
    }
    engine.Run("COMMENT ON TABLE " + table + " IS " + QuoteLiteral(sql::FormatTableComment(kept)));
}

//! The text between the first `open` after `after` and the next `close` of DuckDB's message; empty when not there.
std::string Between(const std::string &message, const std::string &after, char close) {
    auto start = message.find(after);
    if (start == std::string::npos) {
        return "";
    }
    start += after.size();
    auto end = message.find(close, start);
    return end == std::string::npos ? "" : message.substr(start, end - start);
}

//! The columns a table constraint names, as PostgreSQL's messages list them ("a, b").
std::string ListedColumns(const pg_query::Constraint &constraint) {
    std::string listed;
    for (const auto &part :
         constraint.contype() == pg_query::CONSTR_FOREIGN ? constraint.fk_attrs() : constraint.keys()) {
        listed += (listed.empty() ? "" : ", ") + part.string().sval();
    }
    return listed;
}

//! A row the added constraint refuses: PostgreSQL's message for it (DuckDB's speaks of inserting rows).
void RefusedRowsError(SqlError &error, const std::string &table, const pg_query::Constraint &constraint) {
    const auto name =
        constraint.conname().empty() ? sql::DefaultConstraintName(table, constraint) : constraint.conname();
    const std::string message = error.what();
    if (error.sqlstate == "23505") {
        const auto key = Between(message, "duplicate key \"", '"');
        error = SqlError(error.sqlstate, "could not create unique index \"" + name + "\"",
                         key.empty() ? "" : "Key (" + ListedColumns(constraint) + ")=(" + key + ") is duplicated.");
    } else if (error.sqlstate == "23514") {
        error = SqlError(error.sqlstate,
                         "check constraint \"" + name + "\" of relation \"" + table + "\" is violated by some row");
    } else if (error.sqlstate == "23503") {
        const auto key = Between(message, "key \"", '"');
        const auto value = key.find(": ") == std::string::npos ? "" : key.substr(key.find(": ") + 2);
        const auto &target = constraint.pktable().relname();
        error = SqlError(error.sqlstate,
                         "insert or update on table \"" + table + "\" violates foreign key constraint \"" + name + "\"",
                         value.empty() ? ""
                                       : "Key (" + ListedColumns(constraint) + ")=(" + value +
                                             ") is not present in table \"" + target + "\".");
    } else if (error.sqlstate == "23502") {
        const auto column = message.substr(message.rfind('.') + 1);
        error =
            SqlError(error.sqlstate, "column \"" + column + "\" of relation \"" + table + "\" contains null values");
    }
}

} // namespace

bool StatementWork::ChangeManagedForeignKey(const pg_query::AlterTableCmd &cmd, const std::string &schema,
                                            const std::string &table, const std::string &quoted_table,
                                            const std::string &comment_text, bool temporary,
                                            const sql::RewriteContext &context) {
    auto comment = sql::ParseTableComment(comment_text);
    const auto kept = [&](const std::string &name) {
        return std::find_if(comment.names.begin(), comment.names.end(), [&](const sql::KeptConstraintName &entry) {
            return entry.contype == sql::kManagedForeignKeyKind && entry.name == name;
        });
    };
    if (cmd.subtype() == pg_query::AT_DropConstraint) {
        auto dropped = kept(cmd.name());
        if (dropped == comment.names.end()) {
            return false;
        }
        comment.names.erase(dropped);
    } else {
        const auto &constraint = cmd.def().constraint();
        if (!sql::HasReferentialAction(constraint)) {
            return false;
        }
        if (temporary) {
            throw SqlError("0A000",
                           "foreign keys with ON DELETE or ON UPDATE actions are not supported on temporary tables");
        }
        auto key = sql::DeclaredForeignKey(constraint, "", schema, table, nullptr, context.tables.get());
        const bool taken = kept(key.name) != comment.names.end() ||
                           !Engine()
                                .QueryStrings("SELECT 1 FROM duckgres_catalog.main.duckgres_constraints WHERE "
                                              "schema_name = " +
                                              QuoteLiteral(schema) + " AND table_name = " + QuoteLiteral(table) +
                                              " AND conname = " + QuoteLiteral(key.name))
                                .empty();
        if (taken) {
            throw SqlError("42710", "constraint \"" + key.name + "\" for relation \"" + table + "\" already exists");
        }
        MaterializeOpenStreams();
        if (!constraint.skip_validation()) {
            Engine().Run(sql::ForeignKeyCheck(key, false)); // the rows there are must have their keys (not NOT VALID)
        }
        comment.names.push_back({sql::kManagedForeignKeyKind, sql::EncodeForeignKey(key), key.name});
    }
    Engine().Run("COMMENT ON TABLE " + quoted_table + " IS " + QuoteLiteral(sql::FormatTableComment(comment)));
    return true;
}

void StatementWork::ChangeConstraints(const sql::ParsedStatement &statement) {
    const bool rename = statement.tree->has_rename_stmt();
    const auto &relation =
        rename ? statement.tree->rename_stmt().relation() : statement.tree->alter_table_stmt().relation();
    const std::string table = relation.relname();
    auto context = RewriteContextFor();

    // The table: a temporary one first, then the search path, as PostgreSQL finds it.
    const std::string tables = "SELECT table_oid, schema_name, temporary, coalesce(comment, '') FROM duckdb_tables() "
                               "WHERE table_name = " +
                               QuoteLiteral(table);
    std::vector<std::vector<std::string>> found;
    if (relation.schemaname().empty()) {
        found = Engine().QueryStrings(tables + " AND temporary");
    }
    if (found.empty()) {
        auto schema = relation.schemaname().empty() && context.tables
                          ? context.tables->SchemaOf(table)
                          : std::optional<std::string>(relation.schemaname());
        if (schema) {
            found = Engine().QueryStrings(tables +
                                          " AND NOT temporary AND database_name = current_database() AND "
                                          "schema_name = " +
                                          QuoteLiteral(*schema));
        }
    }
    if (found.empty()) {
        if (rename ? statement.tree->rename_stmt().missing_ok() : statement.tree->alter_table_stmt().missing_ok()) {
            Notice("NOTICE", "00000", "relation \"" + table + "\" does not exist, skipping");
            return;
        }
        throw SqlError("42P01", "relation \"" + table + "\" does not exist");
    }
    const std::string oid = found[0][0];
    const std::string schema = found[0][1];
    sql::TableRebuild rebuild;
    rebuild.temporary = found[0][2] == "true";
    rebuild.table = rebuild.temporary ? QuoteIdentifier(table) : QuoteIdentifier(schema) + "." + QuoteIdentifier(table);
    if (rename) {
        RenameConstraint(Engine(), statement.tree->rename_stmt(), oid, rebuild.table, found[0][3]);
        return;
    }
    const auto &cmd = *sql::ConstraintChange(*statement.tree);
    if (ChangeManagedForeignKey(cmd, schema, table, rebuild.table, found[0][3], rebuild.temporary, context)) {
        return;
    }
    rebuild.copy_name = "duckgres_rebuild_" + oid;

    // DuckDB drops no table another one's foreign key references: those tables are made again without their keys
    // to it first, and with them after it.
    std::vector<sql::TableRebuild> unkeyed;
    std::vector<sql::TableRebuild> keyed;
    for (auto &row : Engine().QueryStrings("SELECT DISTINCT table_oid, table_name FROM duckdb_constraints() WHERE "
                                           "constraint_type = 'FOREIGN KEY' AND referenced_table = " +
                                           QuoteLiteral(table) + " AND schema_name = " + QuoteLiteral(schema) +
                                           " AND table_oid <> " + oid + " ORDER BY table_oid")) {
        if (!Engine()
                 .QueryStrings("SELECT 1 FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY' AND "
                               "referenced_table = " +
                               QuoteLiteral(row[1]) + " AND schema_name = " + QuoteLiteral(schema) +
                               " AND table_oid <> " + row[0])
                 .empty()) {
            throw SqlError("0A000",
                           "cannot change the constraints of table \"" + table + "\": table \"" + row[1] +
                               "\", which references it, is referenced in turn",
                           "", "DuckDB makes the tables again to change a constraint, which such a chain prevents.");
        }
        sql::TableRebuild referencing;
        referencing.table = QuoteIdentifier(schema) + "." + QuoteIdentifier(row[1]);
        referencing.copy_name = "duckgres_rebuild_" + row[0];
        referencing.comment = Engine().QueryStrings(
            "SELECT coalesce(comment, '') FROM duckdb_tables() WHERE table_oid = " + row[0])[0][0];
        AddColumnsAndIndexes(Engine(), referencing, row[0]);
        keyed.push_back(referencing);
        for (auto &constraint :
             Engine().QueryStrings("SELECT constraint_text, (constraint_type = 'FOREIGN KEY' AND referenced_table = " +
                                   QuoteLiteral(table) +
                                   ")::VARCHAR FROM duckdb_constraints() WHERE constraint_type <> 'NOT NULL' AND "
                                   "table_oid = " +
                                   row[0] + " ORDER BY constraint_index")) {
            keyed.back().constraints.push_back(constraint[0]);
            if (constraint[1] != "true") {
                referencing.constraints.push_back(constraint[0]);
            }
        }
        unkeyed.push_back(std::move(referencing));
    }

    std::vector<ExistingConstraint> existing;
    for (auto &row :
         Engine().QueryStrings("SELECT c.constraint_text, coalesce(n.contype, ''), coalesce(n.conname, ''), "
                               "coalesce(n.generated_name, '') "
                               "FROM duckdb_constraints() c LEFT JOIN duckgres_catalog.main.duckgres_constraints n "
                               "ON n.table_oid = c.table_oid AND n.constraint_index = c.constraint_index "
                               "WHERE c.table_oid = " +
                               oid + " AND c.constraint_type <> 'NOT NULL' ORDER BY c.constraint_index")) {
        existing.push_back({row[0], row[1], row[2], row[3]});
    }

    // The CHECKs' texts as the client wrote them (sql::kCheckTextKind) by constraint name: their keys are positions,
    // which a dropped CHECK changes.
    std::map<std::string, std::string> check_texts; // name -> the key after the position, and the text
    {
        int position = 0;
        const auto entries = sql::ParseTableComment(found[0][3]).names;
        for (const auto &constraint : existing) {
            if (constraint.contype != "c") {
                continue;
            }
            const auto prefix = std::to_string(++position);
            for (const auto &entry : entries) {
                if (entry.contype == sql::kCheckTextKind &&
                    (entry.key == prefix || entry.key.starts_with(prefix + "\x1b"))) {
                    check_texts[constraint.conname] = entry.key.substr(prefix.size()) + '\x1f' + entry.name;
                }
            }
        }
    }
    const pg_query::Constraint *added_constraint = nullptr;
    if (cmd.subtype() == pg_query::AT_DropConstraint) {
        auto dropped = std::find_if(existing.begin(), existing.end(),
                                    [&](const ExistingConstraint &c) { return c.conname == cmd.name(); });
        if (dropped == existing.end()) {
            const std::string message =
                "constraint \"" + cmd.name() + "\" of relation \"" + table + "\" does not exist";
            if (cmd.missing_ok()) {
                Notice("NOTICE", "00000", message + ", skipping");
                return;
            }
            throw SqlError("42704", message);
        }
        existing.erase(dropped);
    } else {
        added_constraint = &cmd.def().constraint();
        const auto &name = added_constraint->conname();
        const char kind = sql::ConstraintKind(*added_constraint);
        for (const auto &constraint : existing) {
            if (!name.empty() && constraint.conname == name) {
                // A primary key's or unique constraint's name is its index's, a relation's name in PostgreSQL.
                if (kind == 'p' || kind == 'u') {
                    throw SqlError("42P07", "relation \"" + name + "\" already exists");
                }
                throw SqlError("42710", "constraint \"" + name + "\" for relation \"" + table + "\" already exists");
            }
        }
        existing.push_back({
            AddedConstraintText(*statement.tree, context),
            std::string(1, kind),
            name,
            "",
        });
    }

    auto comment = sql::ParseTableComment(found[0][3]);
    // The foreign keys Duckgres enforces stay as they are; the other names follow DuckDB's constraints.
    std::erase_if(comment.names, [](const auto &name) { return name.contype != sql::kManagedForeignKeyKind; });
    std::map<char, int> counts;
    for (const auto &constraint : existing) {
        rebuild.constraints.push_back(constraint.text);
        if (constraint.contype.empty()) {
            continue;
        }
        const char kind = constraint.contype[0];
        const auto key = std::to_string(++counts[kind]);
        if (!constraint.conname.empty() && constraint.conname != constraint.generated_name) {
            comment.names.push_back({kind, key, constraint.conname});
        }
        if (auto text = check_texts.find(constraint.conname); kind == 'c' && text != check_texts.end()) {
            const auto split = text->second.find('\x1f');
            comment.names.push_back(
                {sql::kCheckTextKind, key + text->second.substr(0, split), text->second.substr(split + 1)});
        } else if (kind == 'c' && added_constraint && &constraint == &existing.back()) {
            if (auto added = sql::CheckText(*added_constraint, counts[kind])) {
                comment.names.push_back(std::move(*added));
            }
        }
    }
    rebuild.comment = sql::FormatTableComment(comment);

    AddColumnsAndIndexes(Engine(), rebuild, oid);
    MaterializeOpenStreams();
    for (const auto &referencing : unkeyed) {
        for (const auto &sql : sql::TableRebuildStatements(referencing)) {
            Engine().Run(sql);
        }
    }
    for (const auto &sql : sql::TableRebuildStatements(rebuild)) {
        try {
            Engine().Run(sql);
        } catch (SqlError &error) {
            if (added_constraint) {
                RefusedRowsError(error, table, *added_constraint);
            }
            throw;
        }
    }
    for (const auto &referencing : keyed) {
        for (const auto &sql : sql::TableRebuildStatements(referencing)) {
            Engine().Run(sql);
        }
    }
}

sql::RewriteEffects StatementWork::ForeignKeyEffects(const sql::ParsedStatement &statement) {
    sql::RewriteEffects effects;
    sql::EnforceManagedForeignKeys(*statement.tree, RewriteContextFor(), effects);
    for (const auto &notice : effects.notices) {
        Notice("NOTICE", "00000", notice);
    }
    return effects;
}

void StatementWork::CheckForeignKeysOf(const std::string &schema, const std::string &table) {
    const auto context = RewriteContextFor();
    if (!context.tables) {
        return;
    }
    for (const auto &key : context.tables->ManagedForeignKeys()) {
        if (key.schema == schema && key.table == table) {
            Engine().Run(sql::ForeignKeyCheck(key, false));
        }
    }
}

void StatementWork::RunForeignKeyFollowUps(const sql::RewriteEffects &effects) {
    RunCaptures(effects.foreign_keys.after, nullptr);
}

void StatementWork::RefreshForeignKeyEffects(const sql::ParsedStatement &statement, sql::RewriteEffects &effects) {
    if (!statement.tree) {
        return;
    }
    sql::RewriteEffects fresh;
    sql::EnforceManagedForeignKeys(*statement.tree, RewriteContextFor(), fresh);
    effects.foreign_keys = std::move(fresh.foreign_keys);
}

} // namespace duckgres::session
