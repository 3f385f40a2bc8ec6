// Table-driven tests of the foreign keys with actions Duckgres enforces: their declaration, encoding and work.
#include "common/sql_error.hpp"
#include "sql/foreign_key_actions.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>
#include <pg_query.pb.h>

namespace duckgres::sql {
namespace {

//! p (id primary key, code unique), q (no keys), and the managed key c.p_id -> p.id (ON DELETE CASCADE).
class KeyedTables : public TableLocator {
public:
    std::optional<std::string> SchemaOf(const std::string &name) const override {
        const auto table = name == "P" ? std::string("p") : name; // DuckDB finds tables without case
        return table == "p" || table == "q" || table == "c" ? std::optional<std::string>("public") : std::nullopt;
    }
    std::vector<std::string> ColumnNames(const std::string &, const std::string &table) const override {
        if (table == "p") {
            return {"id", "code"};
        }
        return table == "q" || table == "c" ? std::vector<std::string>{"id", "p_id"} : std::vector<std::string>{};
    }
    std::vector<std::string> ConstraintColumns(const std::string &, const std::string &,
                                               const std::string &) const override {
        return {};
    }
    std::vector<UniqueKey> UniqueKeys(const std::string &, const std::string &table) const override {
        return table == "p" ? std::vector<UniqueKey>{{true, {"id"}}, {false, {"code"}}} : std::vector<UniqueKey>{};
    }
    std::vector<ManagedForeignKey> ManagedForeignKeys() const override {
        return {{"c_p_id_fkey", "public", "c", {"p_id"}, "public", "p", {"id"}, 'c', 'a'}};
    }
};

std::string Declared(const std::string &sql) {
    auto parsed = ParseQuery(sql);
    const auto &create = parsed.statements.at(0).tree->create_stmt();
    const pg_query::Constraint *constraint = nullptr;
    std::string column;
    for (const auto &element : create.table_elts()) {
        if (element.has_column_def()) {
            for (const auto &inner : element.column_def().constraints()) {
                if (inner.constraint().contype() == pg_query::CONSTR_FOREIGN) {
                    constraint = &inner.constraint();
                    column = element.column_def().colname();
                }
            }
        } else if (element.has_constraint() && element.constraint().contype() == pg_query::CONSTR_FOREIGN) {
            constraint = &element.constraint();
        }
    }
    KeyedTables tables;
    try {
        auto key = DeclaredForeignKey(*constraint, column, "public", create.relation().relname(), &create, &tables);
        std::string text = key.name + " " + key.referenced_schema + "." + key.referenced_table + " " +
                           std::string{key.on_delete, key.on_update};
        for (const auto &name : key.referenced_columns) {
            text += " " + name;
        }
        return text;
    } catch (const SqlError &error) {
        return error.sqlstate;
    }
}

TEST(ForeignKeyActions, Declarations) {
    struct {
        const char *sql;
        const char *declared;
    } cases[] = {
        {"CREATE TABLE c (p_id int REFERENCES p ON DELETE CASCADE)", "c_p_id_fkey public.p ca id"},
        {"CREATE TABLE c (k text CONSTRAINT k_fk REFERENCES p (code) ON UPDATE CASCADE ON DELETE SET NULL)",
         "k_fk public.p nc code"},
        {"CREATE TABLE c (a int, FOREIGN KEY (a) REFERENCES public.p ON DELETE SET DEFAULT)",
         "c_a_fkey public.p da id"},
        {"CREATE TABLE tree (id int PRIMARY KEY, up int REFERENCES tree ON DELETE CASCADE)",
         "tree_up_fkey public.tree ca id"},
        // PostgreSQL's errors: no table, no primary key, no unique key on the columns, columns that do not pair up.
        {"CREATE TABLE c (p_id int REFERENCES nowhere ON DELETE CASCADE)", "42P01"},
        {"CREATE TABLE c (p_id int REFERENCES q ON DELETE CASCADE)", "42704"},
        {"CREATE TABLE c (p_id int REFERENCES p (id, code) ON DELETE CASCADE)", "42830"},
        {"CREATE TABLE c (a int, b int, FOREIGN KEY (a, b) REFERENCES p (id) ON DELETE CASCADE)", "42830"},
        {"CREATE TABLE c (p_id int REFERENCES q (id) ON DELETE CASCADE)", "42830"},
        // What Duckgres does not enforce.
        {"CREATE TEMP TABLE c (p_id int REFERENCES p ON DELETE CASCADE)", "0A000"},
        {"CREATE TABLE c (p_id int REFERENCES p MATCH FULL ON DELETE CASCADE)", "0A000"},
        {"CREATE TABLE c (a int, b int, FOREIGN KEY (a, b) REFERENCES p ON DELETE SET NULL (a))", "0A000"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(Declared(c.sql), c.declared) << c.sql;
    }
}

TEST(ForeignKeyActions, EncodedInAComment) {
    const ManagedForeignKey key{"", "", "", {"a", "b c"}, "s", "p", {"x", "y"}, 'n', 'c'};
    auto decoded = DecodeForeignKey(EncodeForeignKey(key));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, key);
    EXPECT_FALSE(DecodeForeignKey("nc\x1c"
                                  "a\x1cs\x1cp")
                     .has_value()); // a field short
    EXPECT_FALSE(DecodeForeignKey("nc\x1c"
                                  "a\x1bz\x1cs\x1cp\x1cx")
                     .has_value()); // two columns, one referenced
    EXPECT_FALSE(KeepableName("a\x1c"
                              "b"));
    EXPECT_TRUE(KeepableName("a, b"));
}

TEST(ForeignKeyActions, WorkAroundStatements) {
    struct {
        const char *sql;
        size_t captures;
        size_t follow_ups;
        const char *first; //!< the first capture's statement, else the first follow-up's start
    } cases[] = {
        // After the DELETE: the rows left without their referenced row go too, then the key is checked.
        {"DELETE FROM p WHERE id = $1", 0, 2,
         "DELETE FROM \"public\".\"c\" AS duckgres_child WHERE duckgres_child.\"p_id\" IS NOT NULL AND NOT EXISTS "
         "(SELECT 1 FROM \"public\".\"p\" AS duckgres_parent WHERE duckgres_parent.\"id\" = duckgres_child.\"p_id\")"},
        {"DELETE FROM \"P\"", 0, 2, "DELETE FROM \"public\".\"c\""},
        {"INSERT INTO c VALUES (1, 2)", 0, 1, "SELECT error('SQLSTATE 23503: insert or update on table \"c\""},
        {"UPDATE c SET id = 3", 0, 0, ""},
        {"UPDATE p SET id = id + 1", 0, 1, "SELECT error('SQLSTATE 23503: update or delete on table \"p\""},
        {"UPDATE p SET code = 'x'", 0, 0, ""},
        {"DELETE FROM q", 0, 0, ""},
        {"TRUNCATE p CASCADE", 0, 1, "TRUNCATE \"public\".\"c\""},
    };
    RewriteContext context;
    context.tables = std::make_shared<KeyedTables>();
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        RewriteEffects effects;
        EnforceManagedForeignKeys(*parsed.statements.at(0).tree, context, effects);
        const auto &steps = effects.foreign_keys;
        EXPECT_EQ(steps.before.size(), c.captures) << c.sql;
        EXPECT_EQ(steps.after.size(), c.follow_ups) << c.sql;
        if (!steps.before.empty()) {
            EXPECT_EQ(steps.before[0].run, c.first) << c.sql;
        } else if (!steps.after.empty()) {
            EXPECT_EQ(steps.after[0].run.substr(0, std::string(c.first).size()), c.first) << c.sql;
        }
    }
    for (const auto *refused : {"TRUNCATE p", "DROP TABLE p", "ALTER TABLE p DROP COLUMN id",
                                "WITH gone AS (DELETE FROM p RETURNING id) SELECT count(*) FROM gone",
                                "PREPARE d AS DELETE FROM p WHERE id = $1"}) {
        auto parsed = ParseQuery(refused);
        RewriteEffects effects;
        EXPECT_THROW(EnforceManagedForeignKeys(*parsed.statements.at(0).tree, context, effects), SqlError) << refused;
    }
}

} // namespace
} // namespace duckgres::sql
