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
    StatementCommand kind; //!< compared by alternative only
};

TEST(StatementParser, ClassifiesStatements) {
    const TagCase cases[] = {
        {"select 1", "SELECT", true, true, GenericStatement{}},
        {"select 1 into t2", "SELECT", true, false, GenericStatement{}},
        {"insert into t values (1)", "INSERT", true, false, GenericStatement{}},
        {"insert into t values (1) returning a", "INSERT", true, true, GenericStatement{}},
        {"update t set a = 1", "UPDATE", true, false, GenericStatement{}},
        {"delete from t", "DELETE", true, false, GenericStatement{}},
        {"create table t (a int)", "CREATE TABLE", false, false, GenericStatement{}},
        {"create table t2 as select 1", "SELECT", true, false, GenericStatement{}},
        {"create view v as select 1", "CREATE VIEW", false, false, GenericStatement{}},
        {"drop table t", "DROP TABLE", false, false, GenericStatement{}},
        {"drop view if exists v", "DROP VIEW", false, false, GenericStatement{}},
        {"drop materialized view v", "DROP MATERIALIZED VIEW", false, false, GenericStatement{}},
        {"alter table t add column b int", "ALTER TABLE", false, false, GenericStatement{}},
        {"alter table t rename column b to c", "ALTER TABLE", false, false, GenericStatement{}},
        {"alter table s.t owner to bob", "ALTER TABLE", false, false, IgnoredStatement{}},
        {"alter table s.v owner to bob, add column x int", "ALTER TABLE", false, false, MultiObjectStatement{}},
        {"create database d", "CREATE DATABASE", false, false, DatabaseStatement{}},
        {"drop database d", "DROP DATABASE", false, false, DatabaseStatement{}},
        {"alter database d rename to e", "ALTER DATABASE", false, false, DatabaseStatement{}},
        {"create schema s", "CREATE SCHEMA", false, false, GenericStatement{}},
        {"create sequence s", "CREATE SEQUENCE", false, false, GenericStatement{}},
        {"create index i on t (a)", "CREATE INDEX", false, false, GenericStatement{}},
        {"truncate t", "TRUNCATE TABLE", false, false, GenericStatement{}},
        {"begin", "BEGIN", false, false, TransactionStatement{}},
        {"prepare transaction 'x'", "PREPARE TRANSACTION", false, false, TransactionStatement{}},
        {"lock table t in access exclusive mode", "LOCK TABLE", false, false, LockTableStatement{}},
        {"start transaction isolation level serializable", "START TRANSACTION", false, false, TransactionStatement{}},
        {"commit", "COMMIT", false, false, TransactionStatement{}},
        {"end", "COMMIT", false, false, TransactionStatement{}},
        {"rollback", "ROLLBACK", false, false, TransactionStatement{}},
        {"abort", "ROLLBACK", false, false, TransactionStatement{}},
        {"savepoint a", "SAVEPOINT", false, false, SavepointStatement{}},
        {"set search_path to public", "SET", false, false, SetStatement{}},
        {"reset all", "RESET", false, false, ResetStatement{}},
        {"show timezone", "SHOW", false, true, ShowStatement{}},
        {"explain select 1", "EXPLAIN", false, true, GenericStatement{}},
        {"copy t from stdin", "COPY", true, false, CopyFromStatement{}},
        {"copy t to stdout", "COPY", true, false, CopyToStatement{}},
        {"copy (select 1) to stdout", "COPY", true, false, CopyToStatement{}},
        {"copy t from '/tmp/x.csv'", "COPY", true, false, CopyFileStatement{}},
        {"declare c cursor for select 1", "DECLARE CURSOR", false, false, DeclareCursorStatement{}},
        {"fetch 10 from c", "FETCH", true, true, FetchStatement{}},
        {"move 10 in c", "MOVE", true, false, FetchStatement{}},
        {"close c", "CLOSE CURSOR", false, false, CloseCursorStatement{}},
        {"close all", "CLOSE CURSOR ALL", false, false, CloseCursorStatement{}},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_TRUE(parsed.postgres_syntax_ok) << c.sql;
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        const auto &s = parsed.statements[0];
        EXPECT_EQ(s.tag, c.tag) << c.sql;
        EXPECT_EQ(s.tag_has_rows, c.has_rows) << c.sql;
        EXPECT_EQ(s.returns_rows, c.returns_rows) << c.sql;
        EXPECT_EQ(s.command.index(), c.kind.index()) << c.sql;
    }
}

TEST(StatementParser, RefusesWhatDuckDbCannotHoldNamingIt) {
    const struct {
        const char *sql;
        const char *tag;
        const char *error; //!< empty: accepted (ignored, with a notice)
    } cases[] = {
        {"create trigger trg before insert on t for each row execute function f()", "CREATE TRIGGER",
         "triggers are not supported: trigger \"trg\" on table \"t\" was not created"},
        {"create table m (a int) partition by range (a)", "CREATE TABLE",
         "partitioned tables are not supported: table \"m\" was not created"},
        {"create table m1 partition of m for values from (1) to (2)", "CREATE TABLE",
         "partitions are not supported: table \"m1\" was not created"},
        {"create table k (a int) inherits (m)", "CREATE TABLE",
         "table inheritance is not supported: table \"k\" was not created"},
        {"alter table t enable row level security", "ALTER TABLE",
         "row-level security is not supported: table \"t\" is unchanged"},
        {"create policy p on t using (true)", "CREATE POLICY",
         "row-level security policies are not supported: policy \"p\" on table \"t\" was not created"},
        {"alter table only t add constraint ex exclude using gist (a with =)", "ALTER TABLE",
         "exclusion constraints are not supported: constraint \"ex\" on table \"t\" was not created"},
        {"create rule r as on insert to t do nothing", "CREATE RULE",
         "rules are not supported: rule \"r\" on table \"t\" was not created"},
        {"comment on extension plpgsql is 'PL/pgSQL procedural language'", "COMMENT", ""},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        EXPECT_EQ(parsed.statements[0].tag, c.tag) << c.sql;
        const auto *ignored = parsed.statements[0].As<IgnoredStatement>();
        ASSERT_NE(ignored, nullptr) << c.sql;
        EXPECT_EQ(ignored->error, c.error) << c.sql;
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
        {"set time zone interval '+05:30' hour to minute", "timezone", "<+05:30>-05:30", false},
        {"set time zone interval '-08:00'", "timezone", "<-08>+08", false},
        {"set time zone 'UTC'", "timezone", "UTC", false},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u);
        auto *set = parsed.statements[0].As<SetStatement>();
        ASSERT_NE(set, nullptr) << c.sql;
        EXPECT_EQ(set->name, c.variable) << c.sql;
        EXPECT_EQ(set->value, c.value) << c.sql;
        EXPECT_EQ(set->is_local, c.local) << c.sql;
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
        if (auto *set = statement.As<SetStatement>()) {
            EXPECT_EQ(set->read_only, c.read_only) << c.sql;
            EXPECT_EQ(set->isolation, c.isolation) << c.sql;
            EXPECT_FALSE(c.chain) << c.sql;
        } else {
            auto *transaction = statement.As<TransactionStatement>();
            ASSERT_NE(transaction, nullptr) << c.sql;
            EXPECT_EQ(transaction->read_only, c.read_only) << c.sql;
            EXPECT_EQ(transaction->isolation, c.isolation) << c.sql;
            EXPECT_EQ(transaction->chain, c.chain) << c.sql;
        }
    }
}

TEST(StatementParser, CopyOptions) {
    auto parsed = ParseQuery("copy s.t (a, b) from stdin with (format csv, header, delimiter ';', "
                             "force_not_null (a, b), null 'NA')");
    ASSERT_EQ(parsed.statements.size(), 1u);
    auto *copy = parsed.statements[0].As<CopyFromStatement>();
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(copy->target.schema, "s");
    EXPECT_EQ(copy->target.table, "t");
    EXPECT_EQ(copy->target.columns, (std::vector<std::string>{"a", "b"}));
    std::vector<std::pair<std::string, std::string>> options = {
        {"format", "csv"}, {"header", "true"}, {"delimiter", ";"}, {"force_not_null", "a,b"}, {"null", "NA"}};
    EXPECT_EQ(copy->target.options, options);
    auto legacy = ParseQuery("copy t to stdout with csv header force quote *");
    ASSERT_EQ(legacy.statements.size(), 1u);
    std::vector<std::pair<std::string, std::string>> legacy_options = {
        {"format", "csv"}, {"header", "true"}, {"force_quote", "*"}};
    auto *legacy_copy = legacy.statements[0].As<CopyToStatement>();
    ASSERT_NE(legacy_copy, nullptr);
    EXPECT_EQ(legacy_copy->target.options, legacy_options);
}

//! The command of `sql`'s only statement, which must be a `T`.
template <class T>
T CommandOf(const char *sql) {
    auto parsed = ParseQuery(sql);
    EXPECT_EQ(parsed.statements.size(), 1u) << sql;
    auto *command = parsed.statements.empty() ? nullptr : parsed.statements[0].As<T>();
    EXPECT_NE(command, nullptr) << sql;
    return command ? *command : T{};
}

TEST(StatementParser, SubKinds) {
    using Transaction = TransactionStatement::Action;
    EXPECT_EQ(CommandOf<TransactionStatement>("begin").action, Transaction::Begin);
    EXPECT_EQ(CommandOf<TransactionStatement>("end").action, Transaction::Commit);
    EXPECT_EQ(CommandOf<TransactionStatement>("abort").action, Transaction::Rollback);
    EXPECT_EQ(CommandOf<TransactionStatement>("prepare transaction 'x'").action, Transaction::PrepareTransaction);
    using Savepoint = SavepointStatement::Action;
    EXPECT_EQ(CommandOf<SavepointStatement>("savepoint a").action, Savepoint::Define);
    EXPECT_EQ(CommandOf<SavepointStatement>("release savepoint a").action, Savepoint::Release);
    EXPECT_EQ(CommandOf<SavepointStatement>("rollback to savepoint a").action, Savepoint::RollbackTo);
    EXPECT_EQ(CommandOf<SavepointStatement>("rollback to a").name, "a");
    auto move = CommandOf<FetchStatement>("move all in c");
    EXPECT_TRUE(move.move);
    EXPECT_EQ(move.count, 0);
    EXPECT_EQ(move.cursor, "c");
    EXPECT_FALSE(CommandOf<FetchStatement>("fetch 2 from c").move);
    EXPECT_TRUE(CommandOf<GenericStatement>("create schema s").schema_change);
    EXPECT_TRUE(CommandOf<MultiObjectStatement>("drop schema a, b").schema_change);
    EXPECT_FALSE(CommandOf<GenericStatement>("drop table t").schema_change);
    EXPECT_TRUE(CommandOf<DiscardStatement>("discard all").all);
    EXPECT_EQ(CommandOf<DeallocateStatement>("deallocate all").name, "");
}

TEST(CommandTag, Formats) {
    EXPECT_EQ(FormatCommandTag("INSERT", true, 3), "INSERT 0 3");
    EXPECT_EQ(FormatCommandTag("SELECT", true, 0), "SELECT 0");
    EXPECT_EQ(FormatCommandTag("CREATE TABLE", false, 0), "CREATE TABLE");
}

} // namespace
} // namespace duckgres::sql
