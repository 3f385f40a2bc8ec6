// Table-driven tests of the rewrite passes: the SQL text DuckDB receives.
#include "common/sql_error.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "test_settings.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(Rewriter, Passes) {
    struct {
        const char *sql;
        const char *rewritten; //!< nullptr: left unchanged
    } cases[] = {
        {"select 1 / 2, a % 3", nullptr},
        {"select a / 2.5, 7.0 / 2, 1::numeric / 3, 7 / 2 from t",
         "SELECT duckgres_catalog.main.duckgres_divide(a, 2.5, a, 2.5), '3.5000000000000000'::\"numeric\"(17, 16), "
         "'0.33333333333333333333'::\"numeric\"(20, 20), 7 / 2 FROM t"},
        {"select a / b from t",
         "SELECT duckgres_catalog.main.duckgres_divide(a, CASE WHEN b = 0 THEN error('division by zero') ELSE b END, "
         "a, CASE WHEN b = 0 THEN error('division by zero') ELSE b END) FROM t"},
        {"select 100.0 * sum(a) / count(*), avg(a)::numeric from t",
         "SELECT duckgres_catalog.main.duckgres_divide(100.0 * duckgres_catalog.main.duckgres_sum_result(sum(a), a), "
         "CASE WHEN count(*) = 0 THEN error('division by zero') ELSE count(*) END, 100.0 * "
         "duckgres_catalog.main.duckgres_sum_result(a, a), CASE WHEN 1::bigint = 0 THEN error('division by zero') "
         "ELSE 1::bigint END), "
         "duckgres_catalog.main.duckgres_to_numeric(duckgres_catalog.main.duckgres_avg_result(avg(a), "
         "sum(a), count(a), a), duckgres_catalog.main.duckgres_avg_result(a, a, 1::bigint, a)) FROM t"},
        {"select a % b from t", "SELECT a % CASE WHEN b = 0 THEN error('division by zero') ELSE b END FROM t"},
        {"select 1 / 0", "SELECT duckgres_catalog.main.duckgres_divide(1, CASE WHEN 0 = 0 THEN error('division by "
                         "zero') ELSE 0 END, 1, "
                         "CASE WHEN 0 = 0 THEN error('division by zero') ELSE 0 END)"},
        {"select current_user, session_user", "SELECT 'alice'::name, 'alice'::name"},
        {"select current_schema(), current_database(), current_schema",
         "SELECT \"nullif\"(\"current_schema\"(), 'main')::name, current_database()::name, "
         "\"nullif\"(current_schema, 'main')::name"},
        {"select pg_backend_pid()", "SELECT 4242"},
        {"select current_setting('TimeZone'), current_setting('threads')", "SELECT 'UTC', current_setting('threads')"},
        {"select g from generate_series(1, 3) g",
         "SELECT g FROM (SELECT x::int4 AS g FROM generate_series(1, 3) s(x)) g"},
        {"select g from generate_series(1, t.n) g", "SELECT g FROM generate_series(1, t.n) g(g)"},
        {"select g from generate_series(1, 3) as g(x)",
         "SELECT g FROM (SELECT x::int4 AS x FROM generate_series(1, 3) s(x)) g"},
        {"select * from read_csv('x') t", nullptr},
        {"select generate_series(1, 3)", "SELECT unnest(generate_series(1, 3))::int4"},
        {"select generate_series(1, 3000000000)", "SELECT unnest(generate_series(1, 3000000000))"},
        {"select a from t where b = 1 order by a desc", nullptr},
        {"create table c (p int references parent (id))", "CREATE TABLE c (p int REFERENCES public.parent (id))"},
        {"create table c (p int references s.parent (id))", nullptr},
        {"create table s.c (p int references parent (id))", "CREATE TABLE s.c (p int REFERENCES public.parent (id))"},
        {"create table s.c (id int primary key, up int references c (id))",
         "CREATE TABLE s.c (id int PRIMARY KEY, up int REFERENCES s.c (id))"},
        {"alter table s.c add foreign key (p) references parent (id)",
         "ALTER TABLE s.c ADD FOREIGN KEY (p) REFERENCES public.parent (id)"},
        {"select length(s), upper(s) from t", "SELECT length(s)::int, duckgres_upper(s) FROM t"},
        {"select a / length(s) from t",
         "SELECT duckgres_catalog.main.duckgres_divide(a, CASE WHEN length(s)::int = 0 THEN error('division by zero') "
         "ELSE length(s)::int END, a, "
         "CASE WHEN length(s)::int = 0 THEN error('division by zero') ELSE length(s)::int END) FROM t"},
        // Catalog references go to duckgres_catalog; other pg_catalog qualifiers are dropped.
        {"select relname from pg_class", "SELECT relname FROM duckgres_catalog.main.pg_class pg_class"},
        {"select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace",
         "SELECT c.relname FROM duckgres_catalog.main.pg_class c JOIN duckgres_catalog.main.pg_namespace n "
         "ON n.oid = c.relnamespace"},
        {"select * from myschema.pg_class", nullptr},
        {"select column_name from information_schema.columns",
         "SELECT column_name FROM duckgres_catalog.main.information_schema_columns \"columns\""},
        {"select * from information_schema.character_sets", nullptr},
        {"select pg_catalog.array_upper(a, 1), format_type(t, -1), pg_catalog.lower(s) from t",
         "SELECT duckgres_catalog.main.array_upper(a, 1)::int, duckgres_catalog.main.format_type(t, -1), "
         "duckgres_lower(s) "
         "FROM "
         "t"},
        {"select 'pg_class'::regclass, c.oid::pg_catalog.regclass, x::pg_catalog.text from t",
         "SELECT duckgres_catalog.main.duckgres_regclass_oid('pg_class'), "
         "duckgres_catalog.main.duckgres_regclass_name(c.oid), "
         "x::text FROM t"},
        {"select 't'::regtype, 'f(int)'::regprocedure",
         "SELECT "
         "duckgres_catalog.main.duckgres_regtype_name(duckgres_catalog.main.duckgres_regtype_oid('t'))::regtype, "
         "'f(int)'"},
        {"select a ~ 'x', a ~* 'x', a !~ 'x', a !~* 'x', a OPERATOR(pg_catalog.~) '^b$' from t",
         "SELECT regexp_matches(a, 'x'), regexp_matches(a, 'x', 'i'), NOT regexp_matches(a, 'x'), "
         "NOT regexp_matches(a, 'x', 'i'), regexp_matches(a, '^b$') FROM t"},
        {"select a from t where a OPERATOR(pg_catalog.=) 1", "SELECT a FROM t WHERE a = 1"},
        {"select a COLLATE pg_catalog.default, b COLLATE \"C\" from t", "SELECT a, b FROM t"},
        {"select a COLLATE \"de_DE\" from t", nullptr},
        {"select json_build_object('a', 1), json_agg(x), btrim(s) from t",
         "SELECT duckgres_json_build_format(json_object('a'::text, 1)), duckgres_json_build_format(to_json(list(x))), "
         "\"trim\"(s) FROM t"},
        {"select trim(s) from t", nullptr},
        {"select a from t where b = 1 for update", "SELECT a FROM t WHERE b = 1"},
        {"select string_to_table(s, ','), regexp_split_to_table(s, '[ ]+') from t",
         "SELECT unnest(string_split(s, ',')), unnest(string_split_regex(s, '[ ]+')) FROM t"},
        {"select a from t for no key update of t skip locked", "SELECT a FROM t"},
        {"select every(b), lpad(s, 3), rpad(s, 4), lpad(s, 3, '0') from t",
         "SELECT bool_and(b), lpad(s, 3, ' '), rpad(s, 4, ' '), lpad(s, 3, '0') FROM t"},
        {"select int4('12'), float8(x), text(12), count(x) from t",
         "SELECT '12'::int4, x::float8, 12::text, count(x) FROM t"},
        {"select 1 from t where a = any(b) and c <> all(d) and e = any(select 1)",
         "SELECT 1 FROM t WHERE list_contains(b, a) AND NOT list_contains(d, c) AND e = ANY (SELECT 1)"},
        {"select 1 = any(array[1, null]), 2 <> all('{1}'::int[])",
         "SELECT duckgres_catalog.main.duckgres_any_equal(ARRAY[1, NULL], 1), NOT "
         "duckgres_catalog.main.duckgres_any_equal('{1}'::int[], 2)"},
        // Array literals nest their cast's type as deep as they are; array || element; array functions in FROM.
        {"select '{{1,2},{3,4}}'::int[], '{}'::text[], cast('{1}' as int[][])",
         "SELECT '{{1,2},{3,4}}'::int[][], '{}'::text[], '{1}'::int[]"},
        {"select array[1] || 2, 0 || coalesce(a, array[]::int[]), a || 3, array[1] || array[2], array['a'] || 'b' from "
         "t",
         "SELECT list_append(ARRAY[1], 2), list_prepend(0, COALESCE(a, ARRAY[]::int[])), a || 3, ARRAY[1] || ARRAY[2], "
         "ARRAY['a'] || 'b' FROM t"},
        {"select s from generate_subscripts(a, 1) as s",
         "SELECT s FROM (SELECT generate_subscripts(a, 1)::int AS s) s"},
        {"select * from unnest(array[1], array['x'])",
         "SELECT * FROM (SELECT unnest(ARRAY[1]) AS unnest, unnest(ARRAY['x']) AS unnest) unnest"},
        {"select array[[1], [2, 3]], array[[1, 2], [3, 4]]",
         "SELECT error('multidimensional arrays must have array expressions with matching dimensions'), "
         "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]"},
        // An untyped literal takes its list type from the value compared.
        {"select 1 from t where a = any('{1,2}')", "SELECT 1 FROM t WHERE list_contains('{1,2}', a)"},
        {"select ix.indkey::varchar, x::oid from t",
         "SELECT array_to_string(ix.indkey::int4[]::int2[], ' '), x::uinteger FROM t"},
        {"create table o (a oid)", "CREATE TABLE o (a uinteger)"},
        {"select $1::regclass", "SELECT duckgres_catalog.main.duckgres_regclass_oid($1::\"varchar\")"},
        // reg values compare as OIDs; an oid list cast to regtype[] becomes the types' names.
        {"select 1 from a where a.t = any ('{int, int8}'::regtype[])",
         "SELECT 1 FROM a WHERE "
         "duckgres_catalog.main.duckgres_any_equal(ARRAY[duckgres_catalog.main.duckgres_regtype_oid("
         "'int'), duckgres_catalog.main.duckgres_regtype_oid('int8')], a.t)"},
        {"select 'pg_class'::regclass::text",
         "SELECT "
         "duckgres_catalog.main.duckgres_regclass_name(duckgres_catalog.main.duckgres_regclass_oid('pg_class'))"},
        {"select 1 from p where p.t::regtype != 'trigger'::regtype",
         "SELECT 1 FROM p WHERE p.t <> duckgres_catalog.main.duckgres_regtype_oid('trigger')"},
        {"select p.a::regtype[], proargtypes::regtype[] from p",
         "SELECT duckgres_catalog.main.duckgres_regtype_names(p.a), "
         "duckgres_catalog.main.duckgres_regtype_names(proargtypes::int8[]::uinteger[]) FROM p"},
        // int2vector / oidvector subscripts start at 0; regproc columns compare with OIDs as their functions'.
        {"select i.indkey[k - 1], p.proargtypes[0], a[1] from t",
         "SELECT (i.indkey::int4[]::int2[])[(k - 1) + 1], (p.proargtypes::int8[]::uinteger[])[0 + 1], a[1] FROM "
         "t"},
        {"select 1 from pg_type t left join pg_proc p on p.oid = t.typreceive where t.typsend::oid <> 0 "
         "and t.typinput = 'pg_catalog.array_in'::regproc",
         "SELECT 1 FROM duckgres_catalog.main.pg_type t LEFT JOIN duckgres_catalog.main.pg_proc p ON p.oid = "
         "duckgres_catalog.main.duckgres_regproc_lookup(t.typreceive) WHERE "
         "duckgres_catalog.main.duckgres_regproc_lookup(t.typsend) <> 0 AND t.typinput = 'array_in'"},
        {"select format('%I.%I', s, t)::regclass::oid, x::regclass from t",
         "SELECT duckgres_catalog.main.duckgres_regclass_oid(concat(duckgres_catalog.main.quote_ident(s::\"varchar\"), "
         "'.', duckgres_catalog.main.quote_ident(t::\"varchar\"))::\"varchar\")::uinteger, "
         "duckgres_catalog.main.duckgres_regclass_name(x) FROM t"},
        {"select * from \"postgres\".information_schema.columns",
         "SELECT * FROM duckgres_catalog.main.information_schema_columns \"columns\""},
        {"select n.xmin, t.xmin from pg_namespace n, t", "SELECT 2::xid, t.xmin FROM "
                                                         "duckgres_catalog.main.pg_namespace n, t"},
        // PostgreSQL semantics: LIKE escapes with a backslash, format()'s conversions, output names.
        {"select a like 'x\\_%', a not ilike b, a like 'x_%', a like 'x\\_' escape '' from t",
         "SELECT like_escape(a, E'x\\\\_%', E'\\\\'), not_ilike_escape(a, b, E'\\\\'), a LIKE 'x_%', "
         "a LIKE E'x\\\\_' FROM t"},
        {"select format('%s-%%-%2$L', a, b), format('%5s', a) from t",
         "SELECT concat(a::\"varchar\", '-%-', duckgres_catalog.main.quote_nullable(b)), "
         "concat(duckgres_catalog.main.duckgres_format_pad(a::\"varchar\", 5, 0)) FROM t"},
        {"select t.oid, x from t join u on true order by oid, x",
         "SELECT t.oid, x FROM t JOIN u ON true ORDER BY 1, x"},
        {"select s.name as s, count(*) from t join s on true group by s",
         "SELECT s.name AS s, count(*) FROM t JOIN s ON true GROUP BY 1"},
        {"select a, count(*) from t group by a", nullptr},
        {"select s[1] from string_to_array('a,b', ',') s, current_schemas(false) as c(n)",
         "SELECT s[1] FROM (SELECT duckgres_catalog.main.string_to_array('a,b', ',') AS s) s, (SELECT "
         "duckgres_catalog.main.current_schemas(false) AS n) c"},
        // JSON: jsonb is a type of its own; PostgreSQL's operators become the functions of jsonb_functions.cpp.
        {"select j #> '{a,b,1}', j #>> '{a}', j ? 'k/x', j @> '{\"a\":1}'::jsonb from t",
         "SELECT duckgres_json_get_path(j, '{a,b,1}'::text[]), duckgres_json_get_path_text(j, '{a}'::text[]), "
         "duckgres_jsonb_exists(j, 'k/x'), duckgres_jsonb_contains(j, '{\"a\":1}'::jsonb) FROM t"},
        {"create table tj (j jsonb)", nullptr},
        {"select (j -> 'a') is null, j ->> $1, j -> 0 from t",
         "SELECT duckgres_json_get(j, 'a') IS NULL, duckgres_json_get_text(j, $1), duckgres_json_get(j, 0) FROM t"},
        {"select list_transform(l, x -> x + 1) from t", nullptr},
        // LIKE ... ESCAPE, and an empty select list in a subquery.
        {"select 1 from t where a like 'x#_%' escape '#' and b not ilike c escape '!'",
         "SELECT 1 FROM t WHERE like_escape(a, 'x#_%', '#') AND not_ilike_escape(b, c, '!')"},
        {"select exists (select from t where a = 1)", "SELECT EXISTS (SELECT 1 FROM t WHERE a = 1)"},
        {"prepare p (int, text) as select $1 + 1, $2 from t", "PREPARE p AS SELECT $1::int + 1, $2::text FROM t"},
        {"select a like 'x\\_y', a like 'x_y%', a like $1 from t",
         "SELECT like_escape(a, E'x\\\\_y', E'\\\\'), a LIKE 'x_y%', like_escape(a, $1, E'\\\\') FROM t"},
        {"select x::name from t", nullptr},
        {"create table t (n name)", nullptr},
        {"select a @> b from t", nullptr},
        // DDL: storage clauses dropped (with notices, see DdlNotices), serial columns expanded.
        {"create table t (a int) tablespace pg_default", "CREATE TABLE t (a int)"},
        {"create table t (a int) using heap with (fillfactor=70)", "CREATE TABLE t (a int)"},
        {"create index i on t using gin (a) with (fastupdate=off)", "CREATE INDEX i ON t (a)"},
        {"create index i on t (a)", "CREATE INDEX i ON t (a)"},
        {"create table s (id serial primary key, b bigserial)",
         "CREATE TABLE s (id int PRIMARY KEY NOT NULL, b bigint NOT NULL)"},
        // varchar(n) / char(n): the typmod aliases, the length enforced by a CHECK (trailing blanks do not count).
        {"create table v (a varchar(3) not null, \"B c\" char(2), d varchar, e text)",
         "CREATE TABLE v (a pg_varchar_3 NOT NULL CHECK (length(rtrim(a, ' ')) <= 3), "
         "\"B c\" pg_bpchar_2 CHECK (length(rtrim(\"B c\")) <= 2), d character_data, e text)"},
        {"create table v (a varchar(3)[])", nullptr},
        // Numeric constants keep their own scale; exponent literals are numeric; float literals are read exactly.
        {"select 1.25::numeric, numeric '1.50', ' 3.5 '::decimal, -2::numeric",
         "SELECT '1.25'::\"numeric\"(3, 2), '1.50'::\"numeric\"(3, 2), '3.5'::\"numeric\"(2, 1), "
         "- '2'::\"numeric\"(1, 0)"},
        {"select 1e3, 2.5e-3, 1e3::numeric, 1e3::float8",
         "SELECT '1000'::\"numeric\"(4, 0), '0.0025'::\"numeric\"(4, 4), '1000'::\"numeric\"(4, 0), '1000'::float8"},
        {"select 1.23456789012345678::float8, 0.1::real", "SELECT '1.23456789012345678'::float8, '0.1'::real"},
        {"select 'x'::numeric, 'NaN'::numeric, 1.5::numeric(5,2), 1e50, $1::numeric from t", nullptr},
        // Other casts to numeric: integers scale 0, numerics as they are; float constants as PostgreSQL reads them.
        {"select a::numeric, 0.5::float8::numeric, 2.5::real::numeric from t",
         "SELECT duckgres_catalog.main.duckgres_to_numeric(a, a), '0.5'::\"numeric\"(1, 1), '2.5'::\"numeric\"(2, 1) "
         "FROM t"},
        {"select 1.5::numeric(5,2)::numeric, '1.55'::numeric(2,1)::float8",
         "SELECT (1.5)::numeric(5, 2), '1.55'::numeric(2, 1)::float8"},
    };
    RewriteContext context;
    context.user = "alice";
    context.backend_pid = 4242;
    context.settings = std::make_shared<TestSettings>(std::map<std::string, std::string>{{"timezone", "UTC"}});
    context.engine_settings = true; // current_setting('threads') is DuckDB's own for such a user
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        auto rewritten = RewriteForDuckDb(*parsed.statements[0].tree, context).text;
        if (c.rewritten == nullptr) {
            EXPECT_FALSE(rewritten.has_value()) << c.sql << " -> " << rewritten.value_or("");
        } else {
            ASSERT_TRUE(rewritten.has_value()) << c.sql;
            EXPECT_EQ(*rewritten, c.rewritten) << c.sql;
        }
    }
}

} // namespace
} // namespace duckgres::sql

namespace duckgres::sql {
namespace {

TEST(Rewriter, DdlNoticesAndStatementsBefore) {
    struct {
        const char *sql;
        std::vector<std::string> notices;
        std::vector<std::string> before;
    } cases[] = {
        {"create table t (a int) tablespace pg_default",
         {"TABLESPACE pg_default is accepted and ignored: DuckDB keeps each database in one file"},
         {}},
        {"create table t (a int) using heap", {}, {}},
        {"create index i on t using btree (a)", {}, {}},
        {"create index i on t using gin (a)",
         {"index method \"gin\" is not available: the index is DuckDB's ART index"},
         {}},
        {"create table s.t (id serial, b smallserial)",
         {},
         {"CREATE SEQUENCE IF NOT EXISTS s.t_id_seq", "CREATE SEQUENCE IF NOT EXISTS s.t_b_seq"}},
        {"create table \"T\" (id serial)", {}, {"CREATE SEQUENCE IF NOT EXISTS \"T_id_seq\""}},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        auto effects = RewriteForDuckDb(*parsed.statements[0].tree, RewriteContext{}).effects;
        EXPECT_EQ(effects.notices, c.notices) << c.sql;
        EXPECT_EQ(effects.before, c.before) << c.sql;
        EXPECT_TRUE(effects.setting_changes.empty()) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql

namespace duckgres::sql {
namespace {

TEST(Rewriter, CurrentSettingOfDuckDbSettingsNeedsTheEngineGrant) {
    RewriteContext context;
    context.settings = std::make_shared<TestSettings>(std::map<std::string, std::string>{{"timezone", "UTC"}});
    auto rewrite = [&](const char *sql) { return RewriteForDuckDb(*ParseQuery(sql).statements[0].tree, context).text; };
    EXPECT_EQ(rewrite("select current_setting('TimeZone')").value_or(""), "SELECT 'UTC'");
    EXPECT_EQ(rewrite("select current_setting('temp_directory', true)").value_or(""), "SELECT NULL::text");
    try {
        rewrite("select current_setting('temp_directory')");
        FAIL() << "a DuckDB setting was answered";
    } catch (const SqlError &error) {
        EXPECT_EQ(error.sqlstate, "42704");
        EXPECT_STREQ(error.what(), "unrecognized configuration parameter \"temp_directory\"");
    }
}

} // namespace
} // namespace duckgres::sql

namespace duckgres::sql {
namespace {

//! DDL and queries DuckDB's grammar lacks, as the statements DuckDB gets.
TEST(Rewriter, StatementsDuckDbSpellsOtherwise) {
    struct {
        const char *sql;
        const char *rewritten;
    } cases[] = {
        {"create function f(a int, b int) returns int language sql immutable as $$ select a + b $$",
         "CREATE MACRO f(a, b) AS CAST(a + b AS int)"},
        {"create or replace function s.f(int) returns bigint language sql as 'select $1 * 2'",
         "CREATE OR REPLACE MACRO s.f(duckgres_arg1) AS CAST(duckgres_arg1 * 2 AS bigint)"},
        {"create function f(a int) returns int language sql return a + 1", "CREATE MACRO f(a) AS CAST(a + 1 AS int)"},
        {"create function f(a int) returns int language sql begin atomic select a + 1; end",
         "CREATE MACRO f(a) AS CAST(a + 1 AS int)"},
        {"create function f(x int) returns text language sql as 'select b from t where a = x'",
         "CREATE MACRO f(x) AS (SELECT b FROM t WHERE a = x LIMIT 1)::text"},
        {"create function f(a int) returns int language sql strict as 'select a'",
         "CREATE MACRO f(a) AS CASE WHEN a IS NULL THEN NULL::int ELSE a::int END"},
        {"create function f(x int) returns setof t language sql as 'select * from t where a > x'",
         "CREATE MACRO f(x) AS TABLE SELECT * FROM t WHERE a > x"},
        {"create function f(x int) returns table (p int, q text) language sql as 'select a, b from t where a > x'",
         "CREATE MACRO f(x) AS TABLE SELECT * FROM (SELECT a, b FROM t WHERE a > x) AS duckgres_result(p, q)"},
        {"drop function if exists s.f(int, int)", "DROP MACRO IF EXISTS s.f"},
        {"create table g (w int, h int, area int generated always as (w * h) stored)",
         "CREATE TABLE g (w int, h int, area int GENERATED ALWAYS AS (w * h))"},
        {"create unique index i on t (a, lower(b)) where c",
         "CREATE UNIQUE INDEX i ON t ((CASE WHEN c THEN a END), (CASE WHEN c THEN duckgres_lower(b) END))"},
        {"select", "SELECT 1 AS \"?duckgres: no columns?\""},
        {"select from t where a > 1", "SELECT 1 AS \"?duckgres: no columns?\" FROM t WHERE a > 1"},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        auto rewritten = RewriteForDuckDb(*parsed.statements[0].tree, RewriteContext{}).text;
        ASSERT_TRUE(rewritten.has_value()) << c.sql;
        EXPECT_EQ(*rewritten, c.rewritten) << c.sql;
    }
}

TEST(Rewriter, FunctionsAMacroCannotBe) {
    const char *refused[] = {
        "create function f() returns int language plpgsql as 'begin return 1; end'",
        "create procedure p() language sql as 'select 1'",
        "create function f(out a int) returns int language sql as 'select 1'",
        "create function f() returns int language sql as 'select 1; select 2'",
    };
    for (const auto *sql : refused) {
        auto parsed = ParseQuery(sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << sql;
        try {
            RewriteForDuckDb(*parsed.statements[0].tree, RewriteContext{});
            ADD_FAILURE() << "accepted: " << sql;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "0A000") << sql;
        }
    }
}

TEST(Rewriter, OneStatementPerActionOrObject) {
    struct {
        const char *sql;
        std::vector<std::string> parts;
    } cases[] = {
        {"alter table t add column b int default 0, alter column a set not null",
         {"ALTER TABLE t ADD COLUMN b int DEFAULT 0", "ALTER TABLE t ALTER COLUMN a SET NOT NULL"}},
        {"drop table a, b cascade", {"DROP TABLE a CASCADE", "DROP TABLE b CASCADE"}},
        {"drop function f(int), g()", {"DROP MACRO f", "DROP MACRO g"}},
        {"create domain s.pos as int check (value > 0)",
         {"CREATE TYPE s.pos AS int", "COMMENT ON TYPE s.pos IS 'CREATE DOMAIN s.pos AS int CHECK (value > 0)'"}},
        {"alter table t add column b int", {}},
        {"drop table a", {}},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        EXPECT_EQ(SplitIntoSingleStatements(*parsed.statements[0].tree), c.parts) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
