// Table-driven tests of PostgreSQL's result column naming rules.
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(ColumnNames, FollowPostgresRules) {
    struct {
        const char *sql;
        std::vector<std::string> names;
    } cases[] = {
        {"select 1", {"?column?"}},
        {"select 1 as a, b, t.c, count(*), sum(x)", {"a", "b", "c", "count", "sum"}},
        {"select 1::int, 'a'::text, x::varchar(3), (1)::numeric(5,2)", {"int4", "text", "x", "numeric"}},
        {"select 7/2, null, 'x'", {"?column?", "?column?", "?column?"}},
        {"select case when true then 1 end, case when true then 1 else y end", {"case", "y"}},
        {"select coalesce(a, 1), nullif(a, 1), greatest(1, 2), least(1, 2)",
         {"coalesce", "nullif", "greatest", "least"}},
        {"select array[1,2], row(1,2), exists(select 1), (select z from t)", {"array", "row", "exists", "z"}},
        {"select current_date, current_timestamp, current_user, session_user",
         {"current_date", "current_timestamp", "current_user", "session_user"}},
        {"select pg_catalog.upper(x), a[1], (r).f", {"upper", "a", "f"}},
        {"select date '2020-01-01', interval '1 day'", {"date", "interval"}},
        {"values (1, 2), (3, 4)", {"column1", "column2"}},
        {"select a from t union all select b from u", {"a"}},
        {"insert into t values (1) returning a, a + 1", {"a", "?column?"}},
        {"select * from t", {}},
        {"select t.* from t", {}},
        {"create table t (a int)", {}},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        EXPECT_EQ(parsed.statements[0].column_names, c.names) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
