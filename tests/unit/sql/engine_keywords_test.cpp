// Table-driven tests of the quoting of names DuckDB reserves and PostgreSQL does not.
#include "sql/engine_keywords.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(EngineKeywords, Words) {
    for (const char *word : {"at", "by", "map", "qualify", "show", "struct", "unpivot", "try_cast", "anti"}) {
        EXPECT_TRUE(IsEngineOnlyKeyword(word)) << word;
    }
    for (const char *word : {"AT", "select", "attname", "time", "zone", "grouping_id", "", "mapping"}) {
        EXPECT_FALSE(IsEngineOnlyKeyword(word)) << word;
    }
}

TEST(EngineKeywords, QuotesBareLowerCaseWordsOnly) {
    struct {
        const char *sql;
        const char *quoted;
    } cases[] = {
        {"SELECT at.attname FROM pg_attribute at", "SELECT \"at\".attname FROM pg_attribute \"at\""},
        {"SELECT x AT TIME ZONE 'UTC' FROM t", "SELECT x AT TIME ZONE 'UTC' FROM t"},
        {"SELECT 'at show', \"map\", E'it''s \\' at', $$ at $$, $q$ show $q$ FROM t",
         "SELECT 'at show', \"map\", E'it''s \\' at', $$ at $$, $q$ show $q$ FROM t"},
        {"SELECT $1 + show FROM t ORDER BY qualify", "SELECT $1 + \"show\" FROM t ORDER BY \"qualify\""},
        {"CREATE TABLE t (pivot int, \"At\" text, at_x int, x_at int)",
         "CREATE TABLE t (\"pivot\" int, \"At\" text, at_x int, x_at int)"},
        {"SELECT 1e5, t.by", "SELECT 1e5, t.\"by\""},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(QuoteEngineOnlyKeywords(c.sql), c.quoted) << c.sql;
    }
}

TEST(EngineKeywords, StatementsNamingThemAreDeparsedQuoted) {
    struct {
        const char *sql;
        const char *rewritten; //!< nullptr: left unchanged
    } cases[] = {
        {"select at.attname from t at where at.by = 1", "SELECT \"at\".attname FROM t \"at\" WHERE \"at\".\"by\" = 1"},
        {"create table s.show (qualify int, map text)", "CREATE TABLE s.\"show\" (\"qualify\" int, \"map\" text)"},
        {"select x from t order by x", nullptr},
        {"select 'at'", "SELECT 'at'"},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        auto rewritten = RewriteForDuckDb(*parsed.statements[0].tree, RewriteContext{}).text;
        if (c.rewritten) {
            ASSERT_TRUE(rewritten.has_value()) << c.sql;
            EXPECT_EQ(*rewritten, c.rewritten) << c.sql;
        } else {
            EXPECT_FALSE(rewritten.has_value()) << c.sql << " -> " << rewritten.value_or("");
        }
    }
}

} // namespace
} // namespace duckgres::sql
