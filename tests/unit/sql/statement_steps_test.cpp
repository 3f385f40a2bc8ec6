// Table-driven tests of the statements run in steps (captures): data-modifying WITH, UPDATE ... FROM ... RETURNING,
// multi-row upserts.
#include "sql/data_modifying_with.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "sql/update_from_returning.hpp"
#include "sql/upsert_returning_order.hpp"

#include <gtest/gtest.h>

#include <pg_query.pb.h>

namespace duckgres::sql {
namespace {

TEST(DataModifyingWith, CapturedInOrder) {
    struct {
        const char *sql;
        const char *statement;              //!< what runs after the captures
        std::vector<CapturedRows> captures; //!< table, create, run
    } cases[] = {
        {"with i as (insert into t values (1) returning a) select count(*) from i",
         "WITH i AS (SELECT * FROM temp.main.duckgres_with_0_i) SELECT count(*) FROM i",
         {{"duckgres_with_0_i",
           "CREATE OR REPLACE TEMPORARY TABLE \"duckgres_with_0_i\" AS SELECT a FROM t WHERE false",
           "INSERT INTO t VALUES (1) RETURNING a"}}},
        // The CTEs before a data-modifying statement are its own WITH; one without RETURNING leaves the WITH.
        {"with s as (select 1 as a), d as (delete from t where a in (select a from s)), "
         "u as (update t x set b = 2 from s where x.a = s.a returning x.a) insert into v select * from u",
         "WITH s AS (SELECT 1 AS a), u AS (SELECT * FROM temp.main.duckgres_with_1_u) INSERT INTO v SELECT * FROM u",
         {{"", "", "WITH s AS (SELECT 1 AS a) DELETE FROM t WHERE a IN (SELECT a FROM s)"},
          {"duckgres_with_1_u",
           "CREATE OR REPLACE TEMPORARY TABLE \"duckgres_with_1_u\" AS SELECT x.a FROM t x WHERE false",
           "WITH s AS (SELECT 1 AS a) UPDATE t x SET b = 2 FROM s WHERE x.a = s.a RETURNING x.a"}}},
        // A later statement reads an earlier one's rows.
        {"with d as (delete from t returning a, b) insert into arch select a, b from d",
         "WITH d AS (SELECT * FROM temp.main.duckgres_with_0_d) INSERT INTO arch SELECT a, b FROM d",
         {{"duckgres_with_0_d",
           "CREATE OR REPLACE TEMPORARY TABLE \"duckgres_with_0_d\" AS SELECT a, b FROM t WHERE false",
           "DELETE FROM t RETURNING a, b"}}},
        {"with d as (delete from t) select 1", "SELECT 1", {{"", "", "DELETE FROM t"}}},
        {"with s as (select 1) select * from s", nullptr, {}},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        pg_query::Node tree = *parsed.statements[0].tree;
        RewriteEffects effects;
        const bool changed = CaptureDataModifyingWith(tree, effects);
        EXPECT_EQ(changed, c.statement != nullptr) << c.sql;
        EXPECT_EQ(HasDataModifyingWith(*parsed.statements[0].tree), c.statement != nullptr) << c.sql;
        if (c.statement) {
            EXPECT_EQ(DeparseStatement(tree), c.statement) << c.sql;
        }
        ASSERT_EQ(effects.captures.size(), c.captures.size()) << c.sql;
        size_t tables = 0;
        for (size_t i = 0; i < c.captures.size(); i++) {
            EXPECT_EQ(effects.captures[i].table, c.captures[i].table) << c.sql;
            EXPECT_EQ(effects.captures[i].create, c.captures[i].create) << c.sql;
            EXPECT_EQ(effects.captures[i].run, c.captures[i].run) << c.sql;
            tables += c.captures[i].table.empty() ? 0 : 1;
        }
        EXPECT_EQ(effects.after.size(), tables) << c.sql; // each table dropped afterwards
    }
}

TEST(UpdateFromReturning, MatchedRowsKeptFirst) {
    struct {
        const char *sql;
        const char *statement; //!< nullptr: left as it is
        const char *kept;      //!< the first capture's statement
        const char *update;    //!< the second's
        const char *check;     //!< the third's: every changed row joins back
    } cases[] = {
        {"update t a set b = a.b + u.d from u where u.a = a.a returning a.a, a.b, u.d",
         "SELECT a.a, a.b, u.d FROM t a JOIN temp.main.duckgres_update_from ON a.rowid = "
         "duckgres_update_from.duckgres_row",
         "SELECT DISTINCT ON (a.rowid) a.rowid AS duckgres_row, u AS u FROM t a, u WHERE u.a = a.a",
         "UPDATE t a SET b = a.b + u.d FROM u WHERE u.a = a.a",
         "SELECT CASE WHEN (SELECT count(*) FROM t a JOIN temp.main.duckgres_update_from ON a.rowid = "
         "duckgres_update_from.duckgres_row) = (SELECT count(*) FROM temp.main.duckgres_update_from) THEN true ELSE "
         "error('SQLSTATE 0A000: RETURNING of this UPDATE ... FROM cannot read the FROM rows: DuckDB moved the changed "
         "rows (an indexed column changed)') END"},
        {"update t set b = s.b from (select 1 as a, 2 as b) s where t.a = s.a returning t.a, s.b",
         "SELECT t.a, s.b FROM t JOIN temp.main.duckgres_update_from ON t.rowid = duckgres_update_from.duckgres_row",
         "SELECT DISTINCT ON (t.rowid) t.rowid AS duckgres_row, s AS s FROM t, (SELECT 1 AS a, 2 AS b) s WHERE t.a = "
         "s.a",
         "UPDATE t SET b = s.b FROM (SELECT 1 AS a, 2 AS b) s WHERE t.a = s.a",
         "SELECT CASE WHEN (SELECT count(*) FROM t JOIN temp.main.duckgres_update_from ON t.rowid = "
         "duckgres_update_from.duckgres_row) = (SELECT count(*) FROM temp.main.duckgres_update_from) THEN true ELSE "
         "error('SQLSTATE 0A000: RETURNING of this UPDATE ... FROM cannot read the FROM rows: DuckDB moved the changed "
         "rows (an indexed column changed)') END"},
        // RETURNING of the target only: DuckDB runs it as it is.
        {"update t set b = u.d from u where u.a = t.a returning t.a, t.b", nullptr, nullptr, nullptr, nullptr},
        {"update t set b = 1 returning b", nullptr, nullptr, nullptr, nullptr},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        pg_query::Node tree = *parsed.statements[0].tree;
        RewriteEffects effects;
        EXPECT_EQ(CaptureUpdateFromReturning(tree, effects), c.statement != nullptr) << c.sql;
        if (!c.statement) {
            EXPECT_TRUE(effects.captures.empty()) << c.sql;
            continue;
        }
        EXPECT_EQ(DeparseStatement(tree), c.statement) << c.sql;
        ASSERT_EQ(effects.captures.size(), 3u) << c.sql;
        EXPECT_EQ(effects.captures[2].run, c.check) << c.sql;
        EXPECT_EQ(effects.captures[0].run, c.kept) << c.sql;
        EXPECT_EQ(effects.captures[0].table, "duckgres_update_from") << c.sql;
        EXPECT_EQ(effects.captures[1].run, c.update) << c.sql;
        EXPECT_TRUE(effects.captures[1].table.empty()) << c.sql;
    }
}

TEST(UpsertReturningOrder, ReadBackInValuesOrder) {
    struct {
        const char *sql;
        const char *statement; //!< nullptr: left as it is
        const char *run;       //!< the captured INSERT
    } cases[] = {
        {"insert into t (k, v) values ('a', 1), ('b', 2) on conflict (k) do update set v = excluded.v returning id",
         "SELECT duckgres_r0 AS id FROM temp.main.duckgres_upsert ORDER BY CASE WHEN duckgres_k0 IS NOT DISTINCT "
         "FROM 'a' THEN 0 WHEN duckgres_k0 IS NOT DISTINCT FROM 'b' THEN 1 END",
         "INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING id "
         "AS duckgres_r0, k AS duckgres_k0"},
        {"insert into t (a, b, v) values ($1, $2, 1), ($3, $4, 2) on conflict (a, b) do nothing returning v + 1",
         "SELECT duckgres_r0 AS \"?column?\" FROM temp.main.duckgres_upsert ORDER BY CASE WHEN duckgres_k0 IS NOT "
         "DISTINCT FROM $1 AND duckgres_k1 IS NOT DISTINCT FROM $2 THEN 0 WHEN duckgres_k0 IS NOT DISTINCT FROM $3 AND "
         "duckgres_k1 IS NOT DISTINCT FROM $4 THEN 1 END",
         "INSERT INTO t (a, b, v) VALUES ($1, $2, 1), ($3, $4, 2) ON CONFLICT (a, b) DO NOTHING RETURNING v + 1 AS "
         "duckgres_r0, a AS duckgres_k0, b AS duckgres_k1"},
        // One row, a key computed, RETURNING *: DuckDB's order is the only one.
        {"insert into t (k, v) values ('a', 1) on conflict (k) do nothing returning id", nullptr, nullptr},
        {"insert into t (k, v) values (lower('A'), 1), ('b', 2) on conflict (k) do nothing returning id", nullptr,
         nullptr},
        {"insert into t (k, v) values ('a', 1), ('b', 2) on conflict (k) do nothing returning *", nullptr, nullptr},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        pg_query::Node tree = *parsed.statements[0].tree;
        RewriteEffects effects;
        EXPECT_EQ(OrderUpsertReturning(tree, effects), c.statement != nullptr) << c.sql;
        if (!c.statement) {
            EXPECT_TRUE(effects.captures.empty()) << c.sql;
            continue;
        }
        EXPECT_EQ(DeparseStatement(tree), c.statement) << c.sql;
        ASSERT_EQ(effects.captures.size(), 1u) << c.sql;
        EXPECT_EQ(effects.captures[0].run, c.run) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
