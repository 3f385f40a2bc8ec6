// Table-driven tests of the constraint names kept in a table's comment.
#include "sql/constraint_metadata.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>
#include <pg_query.pb.h>

namespace duckgres::sql {
namespace {

std::string Flatten(const std::vector<KeptConstraintName> &names) {
    std::string text;
    for (const auto &name : names) {
        text += (text.empty() ? "" : " ") + std::string(1, name.contype) + ":" + name.key + "=" + name.name;
    }
    return text;
}

TEST(ConstraintMetadata, NamedConstraintsOfCreateTable) {
    struct {
        const char *sql;
        const char *names;
    } cases[] = {
        {"CREATE TABLE t (id int PRIMARY KEY, v text UNIQUE, q int CHECK (q > 0))", ""},
        {"CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY)", "p:1=t_pk"},
        {"CREATE TABLE t (a int, b int, CONSTRAINT t_ab UNIQUE (a, b))", "u:1=t_ab"},
        {"CREATE TABLE t (p_id int CONSTRAINT t_fk REFERENCES p (id))", "f:1=t_fk"},
        {"CREATE TABLE t (a int, CONSTRAINT t_fk FOREIGN KEY (a) REFERENCES p)", "f:1=t_fk"},
        // Each by its place among the table's constraints of its kind, named or not, column or table constraints.
        {"CREATE TABLE t (a int CHECK (a > 0), b int CONSTRAINT b_pos CHECK (b > 0), CONSTRAINT ab CHECK (a < b))",
         "c:2=b_pos c:3=ab"},
        {"CREATE TABLE t (a int NOT NULL CONSTRAINT a_key UNIQUE DEFAULT 1)", "u:1=a_key"},
        {"CREATE TABLE t (a int UNIQUE, b int, UNIQUE (a, b), c int CONSTRAINT c_key UNIQUE, CONSTRAINT a_pk PRIMARY "
         "KEY (a))",
         "u:3=c_key p:1=a_pk"},
        {"CREATE TABLE \"T\" (\"A\" int CONSTRAINT \"Odd, name\" UNIQUE)", "u:1=Odd, name"},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        EXPECT_EQ(Flatten(NamedConstraints(parsed.statements[0].tree->create_stmt())), c.names) << c.sql;
    }
}

TEST(ConstraintMetadata, DefaultNamesOfAddedConstraints) {
    struct {
        const char *sql;
        const char *name;
    } cases[] = {
        {"ALTER TABLE t ADD PRIMARY KEY (id)", "t_pkey"},
        {"ALTER TABLE t ADD UNIQUE (a, b)", "t_a_b_key"},
        {"ALTER TABLE t ADD FOREIGN KEY (p_id) REFERENCES p (id)", "t_p_id_fkey"},
        {"ALTER TABLE t ADD CHECK (qty > 0 AND price > 0)", "t_qty_check"},
        {"ALTER TABLE t ADD CHECK (random() > 0)", "t_check"},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        const auto *change = ConstraintChange(*parsed.statements[0].tree);
        ASSERT_NE(change, nullptr) << c.sql;
        EXPECT_EQ(DefaultConstraintName("t", change->def().constraint()), c.name) << c.sql;
    }
    // Other ALTER TABLE actions are no constraint change.
    EXPECT_EQ(ConstraintChange(*ParseQuery("ALTER TABLE t ADD COLUMN c int").statements[0].tree), nullptr);
    EXPECT_EQ(ConstraintChange(*ParseQuery("ALTER TABLE t ADD c int, DROP CONSTRAINT x").statements[0].tree), nullptr);
    EXPECT_NE(ConstraintChange(*ParseQuery("ALTER TABLE ONLY t DROP CONSTRAINT x").statements[0].tree), nullptr);
    EXPECT_TRUE(RenamesConstraint(*ParseQuery("ALTER TABLE t RENAME CONSTRAINT a TO b").statements[0].tree));
    EXPECT_FALSE(RenamesConstraint(*ParseQuery("ALTER TABLE t RENAME COLUMN a TO b").statements[0].tree));
}

TEST(ConstraintMetadata, CommentRoundTrip) {
    struct {
        TableComment comment;
        const char *formatted;
    } cases[] = {
        {{"plain text", {}}, "plain text"},
        {{"", {{'u', "a,b", "t_ab"}}},
         "\x1du\x1f"
         "a,b\x1ft_ab"},
        {{"rows of t", {{'p', "id", "t_pk"}, {'c', "2", "q_pos"}}},
         "rows of t\x1dp\x1fid\x1ft_pk\x1e"
         "c\x1f"
         "2\x1fq_pos"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(FormatTableComment(c.comment), c.formatted);
        EXPECT_EQ(ParseTableComment(c.formatted), c.comment) << c.formatted;
    }
    // A user's text or a quoted name holding the separators cannot forge entries: they are left out.
    EXPECT_EQ(FormatTableComment({"a\x1du\x1f"
                                  "x\x1f"
                                  "forged",
                                  {{'c', "1",
                                    "n\x1e"
                                    "d"}}}),
              "au"
              "xforged\x1d"
              "c\x1f"
              "1\x1fnd");
    EXPECT_EQ(WithoutSeparators("ok\x1d\x1e\x1f!"), "ok!");
    // Entries that are not kind, key and name are skipped.
    EXPECT_EQ(ParseTableComment("x\x1dgarbage\x1eu\x1f"
                                "a\x1fn"),
              (TableComment{"x", {{'u', "a", "n"}}}));
}

} // namespace
} // namespace duckgres::sql
