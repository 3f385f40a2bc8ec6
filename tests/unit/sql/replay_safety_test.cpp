// Table-driven tests of ReplayRefusal and InsertTarget: which writes ROLLBACK TO SAVEPOINT may run again.
#include "sql/replay_safety.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(ReplaySafety, WritesThatRunAgainAlike) {
    struct {
        const char *sql;
        std::optional<std::string> refusal; //!< nullopt: it may run again
        std::string insert_target;
    } cases[] = {
        {"insert into t values (1, 'a')", std::nullopt, "t"},
        {"insert into s.t (a) select a from u where a > 1", std::nullopt, "s.t"},
        {"insert into t values ($1, $2) on conflict (a) do update set b = excluded.b", std::nullopt, "t"},
        {"update t set b = b || '!' where a = $1", std::nullopt, ""},
        {"delete from t where a in (select a from u)", std::nullopt, ""},
        {"merge into t using u on t.a = u.a when matched then update set b = u.b", std::nullopt, "t"},
        {"create table t2 (a int, b text)", std::nullopt, ""},
        {"create table t2 as select * from t", std::nullopt, ""},
        {"create index i on t (a)", std::nullopt, ""},
        {"create view v as select a from t", std::nullopt, ""},
        {"select a into t3 from t", std::nullopt, ""},
        {"insert into t values (nextval('s'))", "INSERT calling nextval", "t"},
        {"insert into t values (1, gen_random_uuid()::text)", "INSERT calling random", "t"},
        {"update t set changed = now()", "UPDATE calling now", ""},
        {"update t set changed = current_timestamp", "UPDATE calling current_timestamp", ""},
        {"insert into t select clock_timestamp()", "INSERT calling clock_", "t"},
        {"create table t2 (id serial, b text)", "CREATE TABLE calling serial", ""},
        {"create table t2 (id int generated always as identity)", "CREATE TABLE with an identity column", ""},
        {"drop table t", "DROP TABLE", ""},
        {"alter table t add column c int", "ALTER TABLE", ""},
        {"truncate t", "TRUNCATE TABLE", ""},
        {"copy t from stdin", "COPY", ""},
        {"with d as (delete from t returning a) insert into u select a from d", "INSERT with a data-modifying WITH",
         "u"},
        {"with i as (insert into t values (1) returning a) select a from i", "SELECT with a data-modifying WITH", ""},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        EXPECT_EQ(ReplayRefusal(parsed.statements[0]), c.refusal) << c.sql;
        EXPECT_EQ(InsertTarget(parsed.statements[0]), c.insert_target) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
