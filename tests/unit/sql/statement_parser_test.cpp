// Table-driven tests of statement splitting, classification and command tags.
#include "sql/command_tag.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

struct TagCase {
    const char *sql;
    const char *tag;
    bool has_rows;
    bool returns_rows;
    StatementKind kind;
};

TEST(StatementParser, ClassifiesStatements) {
    const TagCase cases[] = {
        {"select 1", "SELECT", true, true, StatementKind::Generic},
        {"select 1 into t2", "SELECT", true, false, StatementKind::Generic},
        {"insert into t values (1)", "INSERT", true, false, StatementKind::Generic},
        {"insert into t values (1) returning a", "INSERT", true, true, StatementKind::Generic},
        {"update t set a = 1", "UPDATE", true, false, StatementKind::Generic},
        {"delete from t", "DELETE", true, false, StatementKind::Generic},
        {"create table t (a int)", "CREATE TABLE", false, false, StatementKind::Generic},
        {"create table t2 as select 1", "SELECT", true, false, StatementKind::Generic},
        {"create view v as select 1", "CREATE VIEW", false, false, StatementKind::Generic},
        {"drop table t", "DROP TABLE", false, false, StatementKind::Generic},
        {"drop view if exists v", "DROP VIEW", false, false, StatementKind::Generic},
        {"drop materialized view v", "DROP MATERIALIZED VIEW", false, false, StatementKind::Generic},
        {"alter table t add column b int", "ALTER TABLE", false, false, StatementKind::Generic},
        {"alter table t rename column b to c", "ALTER TABLE", false, false, StatementKind::Generic},
        {"create schema s", "CREATE SCHEMA", false, false, StatementKind::Generic},
        {"create sequence s", "CREATE SEQUENCE", false, false, StatementKind::Generic},
        {"create index i on t (a)", "CREATE INDEX", false, false, StatementKind::Generic},
        {"truncate t", "TRUNCATE TABLE", false, false, StatementKind::Generic},
        {"begin", "BEGIN", false, false, StatementKind::Begin},
        {"prepare transaction 'x'", "PREPARE TRANSACTION", false, false, StatementKind::Rollback},
        {"lock table t in access exclusive mode", "LOCK TABLE", false, false, StatementKind::Ignored},
        {"start transaction isolation level serializable", "START TRANSACTION", false, false, StatementKind::Begin},
        {"commit", "COMMIT", false, false, StatementKind::Commit},
        {"end", "COMMIT", false, false, StatementKind::Commit},
        {"rollback", "ROLLBACK", false, false, StatementKind::Rollback},
        {"abort", "ROLLBACK", false, false, StatementKind::Rollback},
        {"savepoint a", "SAVEPOINT", false, false, StatementKind::Savepoint},
        {"set search_path to public", "SET", false, false, StatementKind::Set},
        {"reset all", "RESET", false, false, StatementKind::Reset},
        {"show timezone", "SHOW", false, true, StatementKind::Show},
        {"explain select 1", "EXPLAIN", false, true, StatementKind::Generic},
        {"copy t from stdin", "COPY", true, false, StatementKind::CopyFrom},
        {"copy t to stdout", "COPY", true, false, StatementKind::CopyTo},
        {"copy (select 1) to stdout", "COPY", true, false, StatementKind::CopyTo},
        {"copy t from '/tmp/x.csv'", "COPY", true, false, StatementKind::CopyFile},
        {"declare c cursor for select 1", "DECLARE CURSOR", false, false, StatementKind::DeclareCursor},
        {"fetch 10 from c", "FETCH", true, true, StatementKind::Fetch},
        {"move 10 in c", "MOVE", true, false, StatementKind::Fetch},
        {"close c", "CLOSE CURSOR", false, false, StatementKind::CloseCursor},
        {"close all", "CLOSE CURSOR ALL", false, false, StatementKind::CloseCursor},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_TRUE(parsed.postgres_syntax_ok) << c.sql;
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        const auto &s = parsed.statements[0];
        EXPECT_EQ(s.tag, c.tag) << c.sql;
        EXPECT_EQ(s.tag_has_rows, c.has_rows) << c.sql;
        EXPECT_EQ(s.returns_rows, c.returns_rows) << c.sql;
        EXPECT_EQ(s.kind, c.kind) << c.sql;
    }
}

TEST(StatementParser, SplitsMultipleStatements) {
    auto parsed = ParseQuery("select 1; select 'a;b' ;\n  insert into t values (2);");
    ASSERT_EQ(parsed.statements.size(), 3u);
    EXPECT_EQ(parsed.statements[0].text, "select 1");
    EXPECT_EQ(parsed.statements[1].text, "select 'a;b' ");
    EXPECT_EQ(parsed.statements[2].text, "insert into t values (2)");
    EXPECT_EQ(parsed.statements[2].location, 27);
}

TEST(StatementParser, EmptyQueries) {
    for (const char *q : {"", "   ", ";", " ; ; ", "-- just a comment", "/* c */ ;"}) {
        auto parsed = ParseQuery(q);
        EXPECT_TRUE(parsed.statements.empty()) << q;
    }
}

TEST(StatementParser, DuckDbSyntaxFallsBackToLexicalSplit) {
    auto parsed = ParseQuery("from t select a; select * exclude (a) from t");
    EXPECT_FALSE(parsed.postgres_syntax_ok);
    ASSERT_EQ(parsed.statements.size(), 2u);
    EXPECT_EQ(parsed.statements[0].text, "from t select a");
    EXPECT_EQ(parsed.statements[0].tag, "");
    EXPECT_EQ(parsed.statements[1].text, "select * exclude (a) from t");
}

TEST(StatementParser, SyntaxErrorPosition) {
    auto parsed = ParseQuery("selec 1");
    EXPECT_FALSE(parsed.postgres_syntax_ok);
    EXPECT_EQ(parsed.syntax_error, "syntax error at or near \"selec\"");
    EXPECT_EQ(parsed.syntax_error_position, 1);
}

TEST(StatementParser, SetValues) {
    struct {
        const char *sql;
        const char *variable;
        const char *value;
        bool local;
    } cases[] = {
        {"set application_name = 'x y'", "application_name", "x y", false},
        {"SET TimeZone TO 'Europe/Berlin'", "timezone", "Europe/Berlin", false},
        {"set local statement_timeout = 5000", "statement_timeout", "5000", true},
        {"set search_path = a, b", "search_path", "a, b", false},
        {"set extra_float_digits to default", "extra_float_digits", "DEFAULT", false},
        {"set datestyle = iso, mdy", "datestyle", "iso, mdy", false},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u);
        EXPECT_EQ(parsed.statements[0].variable, c.variable) << c.sql;
        EXPECT_EQ(parsed.statements[0].value, c.value) << c.sql;
        EXPECT_EQ(parsed.statements[0].is_local, c.local) << c.sql;
    }
}

TEST(StatementParser, TransactionCharacteristics) {
    const struct {
        const char *sql;
        std::optional<bool> read_only;
        std::optional<std::string> isolation;
        bool chain;
    } cases[] = {
        {"begin", std::nullopt, std::nullopt, false},
        {"begin isolation level repeatable read, read only", true, "repeatable read", false},
        {"start transaction read write isolation level serializable", false, "serializable", false},
        {"set transaction isolation level read committed", std::nullopt, "read committed", false},
        {"set session characteristics as transaction isolation level read uncommitted", std::nullopt,
         "read uncommitted", false},
        {"set transaction read only", true, std::nullopt, false},
        {"commit and chain", std::nullopt, std::nullopt, true},
        {"rollback and no chain", std::nullopt, std::nullopt, false},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        const auto &statement = parsed.statements[0];
        EXPECT_EQ(statement.read_only, c.read_only) << c.sql;
        EXPECT_EQ(statement.isolation, c.isolation) << c.sql;
        EXPECT_EQ(statement.chain, c.chain) << c.sql;
    }
}

TEST(StatementParser, CopyOptions) {
    auto parsed = ParseQuery("copy s.t (a, b) from stdin with (format csv, header, delimiter ';', "
                             "force_not_null (a, b), null 'NA')");
    ASSERT_EQ(parsed.statements.size(), 1u);
    const auto &s = parsed.statements[0];
    EXPECT_EQ(s.copy_schema, "s");
    EXPECT_EQ(s.copy_table, "t");
    EXPECT_EQ(s.copy_columns, (std::vector<std::string>{"a", "b"}));
    std::vector<std::pair<std::string, std::string>> options = {
        {"format", "csv"}, {"header", "true"}, {"delimiter", ";"}, {"force_not_null", "a,b"}, {"null", "NA"}};
    EXPECT_EQ(s.copy_options, options);
    auto legacy = ParseQuery("copy t to stdout with csv header force quote *");
    ASSERT_EQ(legacy.statements.size(), 1u);
    std::vector<std::pair<std::string, std::string>> legacy_options = {
        {"format", "csv"}, {"header", "true"}, {"force_quote", "*"}};
    EXPECT_EQ(legacy.statements[0].copy_options, legacy_options);
}

TEST(CommandTag, Formats) {
    EXPECT_EQ(FormatCommandTag("INSERT", true, 3), "INSERT 0 3");
    EXPECT_EQ(FormatCommandTag("SELECT", true, 0), "SELECT 0");
    EXPECT_EQ(FormatCommandTag("CREATE TABLE", false, 0), "CREATE TABLE");
}

} // namespace
} // namespace duckgres::sql
