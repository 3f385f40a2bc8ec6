// Table-driven tests of the pass table: its names and order, each pass switched off, side effects as data.
#include "common/sql_error.hpp"
#include "sql/rewrite_passes.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "test_settings.hpp"
#include "types/text_format.hpp"
#include "version.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace duckgres::sql {
namespace {

RewriteResult RewriteSql(const std::string &sql, const RewriteContext &context) {
    auto parsed = ParseQuery(sql);
    EXPECT_EQ(parsed.statements.size(), 1u) << sql;
    return RewriteForDuckDb(*parsed.statements.at(0).tree, context);
}

//! A catalog of one table, t (a, b, c), wherever it is looked for.
class TestTables : public TableLocator {
public:
    std::optional<std::string> SchemaOf(const std::string &table) const override {
        return table == "t" ? std::optional<std::string>("public") : std::nullopt;
    }
    std::vector<std::string> ColumnNames(const std::string &, const std::string &table) const override {
        return table == "t" ? std::vector<std::string>{"a", "b", "c"} : std::vector<std::string>{};
    }
    std::vector<std::string> ConstraintColumns(const std::string &, const std::string &table,
                                               const std::string &constraint) const override {
        return table == "t" && constraint == "t_pkey" ? std::vector<std::string>{"a", "b"} : std::vector<std::string>{};
    }
    std::vector<ColumnType> ColumnTypes(const std::string &, const std::string &table) const override {
        if (table != "typed") {
            return {};
        }
        return {{"r", "real", {}},
                {"mood", "enum", {"sad", "ok"}},
                {"tag", "text", {}},
                {"flag", "boolean", {}},
                {"day", "date", {}}};
    }
    bool IsTableMacro(const std::string &, const std::string &name) const override { return name == "rows_of"; }
    std::map<std::string, std::string> Domains() const override {
        return {{"pos", "CREATE DOMAIN pos AS int NOT NULL CHECK (value > 0)"}};
    }
    std::vector<ColumnDefinition> ColumnDefinitions(const std::string &, const std::string &table) const override {
        if (table != "t") {
            return {};
        }
        return {
            {"a", "integer", true, ""}, {"b", "character varying(3)", false, "'x'::text"}, {"c", "text", false, ""}};
    }
    std::optional<std::string> SequenceSchema(const std::string &schema, const std::string &name) const override {
        return name == "seq" ? std::optional<std::string>(schema.empty() ? "public" : schema) : std::nullopt;
    }
    std::string TableComment(const std::string &, const std::string &table) const override {
        return table == "t" ? "old\x1du\x1f"
                              "b\x1ft_b_uq"
                            : "";
    }
};

RewriteContext SessionFacts(const std::string &date_style = "ISO, MDY") {
    RewriteContext context;
    context.tables = std::make_shared<TestTables>();
    context.fill_insert_columns = true;
    context.group_by_key_columns = true;
    context.sequence_relations = true;
    context.last_sequence = [] { return std::string("public.s"); };
    context.user = "alice";
    context.database = "shop";
    context.backend_pid = 4242;
    context.parameter_casts = {{1, "int4"}};
    context.settings =
        std::make_shared<TestSettings>(std::map<std::string, std::string>{{"timezone", "UTC"},
                                                                          {"application_name", "psql"},
                                                                          {"search_path", "\"$user\", public"},
                                                                          {"datestyle", date_style},
                                                                          {"intervalstyle", "postgres"}},
                                       std::set<std::string>{"server_version"});
    context.text_options.date_style = types::DateStyleFromSetting(date_style).value();
    return context;
}

TEST(RewritePasses, ListedInOrder) {
    const std::vector<std::string> expected = {
        "set_operation_types",
        "check_comparison_types",
        "check_insert_value_types",
        "expand_table_like_clauses",
        "keep_view_definition",
        "keep_constraint_names",
        "comment_keeps_constraint_names",
        "drop_storage_clauses",
        "on_commit_as_session_action",
        "expand_domain_constraints",
        "simplify_index_definition",
        "expand_serial_columns",
        "sequence_defaults_after_create",
        "create_sequence_options",
        "add_identity_as_sequence_default",
        "alter_sequence_as_change",
        "enforce_character_lengths",
        "expand_search_cycle_clauses",
        "select_into_as_create_table",
        "fill_omitted_insert_columns",
        "conflict_constraint_as_columns",
        "fail_repeated_conflict_keys",
        "qualify_merge_insert_values",
        "split_multi_column_assignment",
        "truncate_without_identity_clause",
        "format_to_concat",
        "expand_between_symmetric",
        "rewrite_money_and_geometry",
        "rewrite_math_operators",
        "expand_row_comparison",
        "expand_like_array",
        "type_concat_null",
        "rewrite_similar_to",
        "rewrite_substring",
        "postgres_text_of_values",
        "styled_text_casts",
        "like_default_escape",
        "drop_locking_clauses",
        "scalar_function_in_from",
        "time_zone_as_call",
        "order_star_over_using_join",
        "group_by_key_columns",
        "resolve_output_names",
        "vector_subscripts_from_zero",
        "sequence_name_arguments",
        "setval_as_sequence_change",
        "setval_from_query",
        "lastval_as_currval",
        "sequence_as_relation",
        "redirect_catalog_function",
        "template_function_results",
        "redirect_catalog_relation",
        "catalog_system_columns",
        "rewrite_reg_casts",
        "plain_vector_operands",
        "type_result_regtypes",
        "rewrite_network_operators",
        "rewrite_operators",
        "qualify_comment_column",
        "fill_empty_subquery_select",
        "prepare_argument_types",
        "drop_default_collation",
        "rename_equivalent_functions",
        "compare_enum_with_literal",
        "widen_real_arithmetic",
        "widen_smallint_arithmetic",
        "length_of_bytea",
        "resolve_unknown_literals",
        "rewrite_ranges",
        "libc_case_mapping",
        "rewrite_json",
        "rewrite_text_search",
        "array_literal_cast_dimensions",
        "array_element_concat",
        "array_functions_in_from",
        "unnest_multidimensional_array",
        "ragged_array_constructor",
        "rewrite_array_comparisons",
        "cast_int4_function",
        "qualify_foreign_key_target",
        "cast_parameter",
        "type_numeric_constants",
        "numeric_casts",
        "read_bytea_constants",
        "read_datetime_constants",
        "read_datetime_column_constants",
        "aggregate_result_types",
        "order_whole_partition_statistics",
        "integer_minimum_constant",
        "fold_trim_scale",
        "fold_numeric_quotients",
        "guard_division",
        "numeric_quotients",
        "inline_current_user",
        "type_name_functions",
        "inline_current_setting",
        "inline_current_schemas",
        "inline_set_config",
        "inline_backend_pid",
        "postgres_version",
        "numeric_series_in_from",
        "integer_series_in_from",
        "ordinality_of_table_macro",
        "name_single_column_function",
        "unnest_expand_array_field",
        "datetime_function_types",
        "interval_qualifiers",
        "rewrite_overlaps",
        "datetime_subtraction",
        "type_selected_null",
        "guard_series_step",
        "unnest_target_set_function",
        "typmod_types",
        "type_varchar_casts",
    };
    std::vector<std::string> names;
    for (const auto &pass : RewritePasses()) {
        EXPECT_NE(pass.function, nullptr) << pass.name;
        names.emplace_back(pass.name);
    }
    EXPECT_EQ(names, expected);
}

//! One row a pass: a statement it changes, rewritten with every pass and with this one switched off.
struct SwitchedOff {
    std::string pass;
    std::string sql;
    std::optional<std::string> rewritten;  //!< with every pass
    std::optional<std::string> without_it; //!< with this pass off; nullopt: no other pass changes the statement
    std::string date_style = "ISO, MDY";   //!< the session's DateStyle
};

const std::string kVersion = std::string("PostgreSQL ") + kPostgresVersion + " (Duckgres " + kDuckgresVersion +
                             ", DuckDB " + kDuckDbVersion + ") on x86_64-pc-linux-gnu, 64-bit";

const SwitchedOff kSwitchedOff[] = {
    {"comment_keeps_constraint_names", "comment on table t is 'rows'",
     "COMMENT ON TABLE t IS 'rows\x1du\x1f"
     "b\x1ft_b_uq'",
     std::nullopt},
    {"expand_table_like_clauses", "create table t2 (like t including defaults)",
     "CREATE TABLE t2 (a int NOT NULL, b pg_varchar_3 DEFAULT 'x'::text CHECK (length(rtrim(b, ' ')) <= 3), c text)",
     std::nullopt},
    {"expand_domain_constraints", "create table t2 (a pos, b text)",
     "CREATE TABLE t2 (a pos NOT NULL CHECK (a > 0), b text)", std::nullopt},
    {"simplify_index_definition", "create index i on t (a desc nulls last) include (b) where a > 0",
     "CREATE INDEX i ON t (a)", "CREATE INDEX i ON t (a DESC NULLS LAST) INCLUDE (b) WHERE a > 0"},
    {"expand_search_cycle_clauses",
     "with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) cycle n set c using p select n from "
     "r",
     "WITH RECURSIVE r(n, c, p) AS (SELECT 1, false AS c, list_value(ROW(1)) AS p UNION ALL SELECT n + 1, CASE WHEN "
     "list_contains(r.p, ROW(n + 1)) THEN true ELSE false END AS c, list_append(r.p, ROW(n + 1)) AS p FROM r WHERE n "
     "< 3 AND r.c <> true) SELECT n FROM r",
     std::nullopt},
    {"drop_storage_clauses", "create table t (a int) tablespace x", "CREATE TABLE t (a int)", std::nullopt},
    {"on_commit_as_session_action", "create temp table t (a int) on commit drop", "CREATE TEMPORARY TABLE t (a int)",
     std::nullopt},
    {"expand_serial_columns", "create table t (id serial)", "CREATE TABLE t (id int NOT NULL)", std::nullopt},
    {"sequence_defaults_after_create", "create table t (id int default nextval('s'))", "CREATE TABLE t (id int)",
     std::nullopt},
    {"create_sequence_options", "create sequence s as integer cache 1 no minvalue",
     "CREATE SEQUENCE s INCREMENT 1 MAXVALUE 2147483647 START 1", std::nullopt},
    {"add_identity_as_sequence_default", "alter table t alter column a add generated by default as identity",
     "ALTER TABLE t ALTER COLUMN a SET DEFAULT nextval('t_a_seq')", std::nullopt},
    {"alter_sequence_as_change", "alter sequence s restart", "SELECT 1", std::nullopt},
    {"enforce_character_lengths", "create table t (a varchar(2))",
     "CREATE TABLE t (a pg_varchar_2 CHECK (length(rtrim(a, ' ')) <= 2))", "CREATE TABLE t (a pg_varchar_2)"},
    {"select_into_as_create_table", "select a into t2 from t", "CREATE TABLE t2 AS SELECT a FROM t", std::nullopt},
    {"fill_omitted_insert_columns", "insert into t values (1)", "INSERT INTO t (a) VALUES (1)", std::nullopt},
    {"conflict_constraint_as_columns", "insert into t (a, b) values (1, 2) on conflict on constraint t_pkey do nothing",
     "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a, b) DO NOTHING", std::nullopt},
    {"fail_repeated_conflict_keys", "insert into t values (1, 2, 3), (1, 2, 4) on conflict (a, b) do update set c = 0",
     "INSERT INTO t VALUES (1, 2, 3), (error('SQLSTATE 21000: ON CONFLICT DO UPDATE command cannot affect row a second "
     "time'), 2, 4) ON CONFLICT (a, b) DO UPDATE SET c = 0",
     std::nullopt},
    {"qualify_merge_insert_values",
     "merge into t using u as s on s.a = t.a when not matched then insert (a, b) values (a, b + 1)",
     "MERGE INTO t USING u s ON s.a = t.a WHEN NOT MATCHED THEN INSERT (a, b) VALUES (s.a, s.b + 1)", std::nullopt},
    {"split_multi_column_assignment", "update t set (a, b) = (select x, y from s where s.id = t.id)",
     "UPDATE t SET a = (SELECT duckgres_multi_assign.c1 FROM (SELECT x, y FROM s WHERE s.id = t.id) "
     "duckgres_multi_assign(c1, c2)), b = (SELECT duckgres_multi_assign.c2 FROM (SELECT x, y FROM s WHERE s.id = "
     "t.id) duckgres_multi_assign(c1, c2))",
     std::nullopt},
    {"truncate_without_identity_clause", "truncate t continue identity", "TRUNCATE t", std::nullopt},
    {"format_to_concat", "select format('%s!', a) from t", "SELECT concat(a::\"varchar\", '!') FROM t", std::nullopt},
    {"expand_between_symmetric", "select a between symmetric 1 and 2 from t",
     "SELECT a BETWEEN 1 AND 2 OR a BETWEEN 2 AND 1 FROM t", std::nullopt},
    {"rewrite_money_and_geometry", "select '(1,2)'::point <-> '(3,4)'::point",
     "SELECT duckgres_geo_distance('(1,2)'::point, '(3,4)'::point)", std::nullopt},
    {"rewrite_math_operators", "select a # b from t", "SELECT xor(a, b) FROM t", std::nullopt},
    {"expand_row_comparison", "select (a, b) = (1, 2) from t", "SELECT a = 1 AND b = 2 FROM t", std::nullopt},
    {"expand_like_array", "select a like any (array['x%']) from t",
     "SELECT (SELECT CASE WHEN bool_or(duckgres_match) THEN true WHEN count(*) > count(duckgres_match) THEN NULL ELSE "
     "false END FROM (SELECT a LIKE duckgres_pattern AS duckgres_match FROM unnest(ARRAY['x%']) "
     "duckgres_u(duckgres_pattern)) duckgres_s) FROM t",
     std::nullopt},
    {"type_concat_null", "select 'x' || null", "SELECT CAST('x' || NULL AS text)", std::nullopt},
    {"rewrite_similar_to", "select a similar to 'x%' from t",
     "SELECT regexp_full_match(a, similar_to_escape('x%', E'\\\\')) FROM t", "SELECT a SIMILAR TO 'x%' FROM t"},
    {"rewrite_substring", "select substring(a from 2 for 3) from t",
     "SELECT \"substring\"(a, GREATEST(2, 1), CASE WHEN 3 < 0 THEN error('SQLSTATE 22011: negative substring length "
     "not allowed') ELSE GREATEST((2 + 3) - GREATEST(2, 1), 0) END) FROM t",
     std::nullopt},
    {"postgres_text_of_values", "select row(1, 'a')::text", "SELECT duckgres_text_out(ROW(1, 'a'))", std::nullopt},
    {"styled_text_casts", "select a::text from t", "SELECT duckgres_text_cast(a, 'SQL, DMY', 'postgres', 'UTC') FROM t",
     std::nullopt, "SQL, DMY"},
    {"type_varchar_casts", "select a::varchar from t", "SELECT a::character_data FROM t", std::nullopt},
    {"like_default_escape", "select a like 'x\\_' from t", "SELECT like_escape(a, E'x\\\\_', E'\\\\') FROM t",
     std::nullopt},
    {"drop_locking_clauses", "select a from t for update", "SELECT a FROM t", std::nullopt},
    {"scalar_function_in_from", "select s from string_to_array('a', ',') s",
     "SELECT s FROM (SELECT duckgres_catalog.main.string_to_array('a', ',') AS s) s",
     "SELECT s FROM duckgres_catalog.main.string_to_array('a', ',') s"},
    {"time_zone_as_call", "select (a at time zone 'UTC')::date from t", "SELECT timezone('UTC', a)::date FROM t",
     std::nullopt},
    {"order_star_over_using_join", "select * from t as x join t as y using (b)",
     "SELECT b, x.a, x.c, y.a, y.c FROM t x JOIN t y USING (b)", std::nullopt},
    {"group_by_key_columns", "select a, b, c, count(*) from t group by b, a",
     "SELECT a, b, c, count(*) FROM t GROUP BY b, a, t.c", std::nullopt},
    {"resolve_output_names", "select t.oid from t join u on true order by oid",
     "SELECT t.oid FROM t JOIN u ON true ORDER BY 1", std::nullopt},
    {"vector_subscripts_from_zero", "select i.indkey[0] from t", "SELECT (i.indkey::int4[]::int2[])[0 + 1] FROM t",
     "SELECT (i.indkey::int4[]::int2[])[0] FROM t"},
    {"sequence_name_arguments", "select nextval('s'::regclass)", "SELECT nextval('s')",
     "SELECT nextval(duckgres_catalog.main.duckgres_regclass_oid('s'))"},
    {"setval_as_sequence_change", "select setval('s', 5)", "SELECT '5'::int8", "SELECT 5::int8"},
    {"setval_from_query", "select setval('s', max(a)) from t", "SELECT max(a)::int8 FROM t", std::nullopt},
    {"lastval_as_currval", "select lastval()", "SELECT currval('public.s')", std::nullopt},
    {"sequence_as_relation", "select last_value, is_called from seq",
     "SELECT last_value, is_called FROM (SELECT COALESCE(duckgres_catalog.main.duckgres_sequence_last(last_value, sql, "
     "increment_by), start_value) AS last_value, 0::bigint AS log_cnt, last_value IS NOT NULL AS is_called FROM "
     "duckdb_sequences() WHERE database_name = current_database() AND schema_name = 'public' AND sequence_name = "
     "'seq') seq",
     std::nullopt},
    {"redirect_catalog_function", "select pg_catalog.ltrim(s) from t", "SELECT ltrim(s) FROM t", std::nullopt},
    {"template_function_results", "select to_number(s, '9D99') from t",
     "SELECT duckgres_catalog.main.to_number(s, '9D99')::\"numeric\"(38, 2) FROM t",
     "SELECT duckgres_catalog.main.to_number(s, '9D99') FROM t"},
    {"redirect_catalog_relation", "select relname from pg_class",
     "SELECT relname FROM duckgres_catalog.main.pg_class pg_class", std::nullopt},
    {"catalog_system_columns", "select n.xmin from pg_namespace n",
     "SELECT 2::xid FROM duckgres_catalog.main.pg_namespace n",
     "SELECT n.xmin FROM duckgres_catalog.main.pg_namespace n"},
    {"catalog_system_columns", "select tableoid, oid from pg_type",
     "SELECT duckgres_catalog.main.duckgres_catalog_oid('pg_type'), oid FROM duckgres_catalog.main.pg_type pg_type",
     "SELECT tableoid, oid FROM duckgres_catalog.main.pg_type pg_type"},
    {"plain_vector_operands", "select i.indkey, unnest(i.indclass) from pg_index i",
     "SELECT i.indkey, unnest(i.indclass::int8[]::uinteger[]) FROM duckgres_catalog.main.pg_index i",
     "SELECT i.indkey, unnest(i.indclass) FROM duckgres_catalog.main.pg_index i"},
    {"rewrite_reg_casts", "select ('t'::regtype)::oid",
     "SELECT duckgres_catalog.main.duckgres_regtype_oid('t')::uinteger", std::nullopt},
    {"type_result_regtypes", "select 't'::regtype",
     "SELECT duckgres_catalog.main.duckgres_regtype_name(duckgres_catalog.main.duckgres_regtype_oid('t'))::regtype",
     "SELECT duckgres_catalog.main.duckgres_regtype_oid('t')"},
    {"rewrite_network_operators", "select inet '10.0.0.1' << '10.0.0.0/8'",
     "SELECT duckgres_inet_contained('10.0.0.1'::inet, '10.0.0.0/8'::inet)", std::nullopt},
    {"rewrite_operators", "select a ~ 'x' from t", "SELECT regexp_matches(a, 'x') FROM t", std::nullopt},
    {"qualify_comment_column", "comment on column s.t.a is 'x'", "SELECT 1", std::nullopt},
    {"fill_empty_subquery_select", "select exists (select from t)", "SELECT EXISTS (SELECT 1 FROM t)", std::nullopt},
    {"prepare_argument_types", "prepare p (int, text) as select $2", "PREPARE p AS SELECT $2::text", std::nullopt},
    {"drop_default_collation", "select a collate \"C\" from t", "SELECT a FROM t", std::nullopt},
    {"rename_equivalent_functions", "select btrim(s) from t", "SELECT \"trim\"(s) FROM t", std::nullopt},
    {"compare_enum_with_literal", "select 1 from typed where mood > 'sad'",
     "SELECT 1 FROM typed WHERE mood > 'sad'::enum('sad', 'ok')", std::nullopt},
    {"widen_real_arithmetic", "select r * 2 from typed", "SELECT r::float8 * 2 FROM typed", std::nullopt},
    {"widen_smallint_arithmetic", "select 1::int2 + 1", "SELECT 1::int2 + 1::int", std::nullopt},
    {"set_operation_types", "select 1 union select '2'", "SELECT 1 UNION SELECT '2'::int4", std::nullopt},
    {"resolve_unknown_literals", "select case when a then 1 else '2' end from t",
     "SELECT CASE WHEN a THEN 1 ELSE '2'::int4 END FROM t", std::nullopt},
    {"length_of_bytea", "select length(b::bytea) from t", "SELECT octet_length(b::bytea)::int FROM t",
     "SELECT length(b::bytea)::int FROM t"},
    {"rewrite_ranges", "select int4range(1, 5) && '[2,3)'",
     "SELECT duckgres_range_overlaps(int4range(1, 5), '[2,3)'::int4range)", std::nullopt},
    {"libc_case_mapping", "select upper(s), pg_catalog.lower(s) from t",
     "SELECT duckgres_upper(s), duckgres_lower(s) FROM t", "SELECT upper(s), lower(s) FROM t"},
    {"rewrite_json", "select j ? 'a' from t", "SELECT duckgres_jsonb_exists(j, 'a') FROM t", std::nullopt},
    {"rewrite_text_search", "select v::tsvector @@ q::tsquery from t",
     "SELECT duckgres_ts_match(v::tsvector, q::tsquery) FROM t", std::nullopt},
    {"array_literal_cast_dimensions", "select '{{1,2},{3,4}}'::int[]", "SELECT '{{1,2},{3,4}}'::int[][]", std::nullopt},
    {"array_element_concat", "select array[1] || 2", "SELECT list_append(ARRAY[1], 2)", std::nullopt},
    {"array_functions_in_from", "select a from unnest(x, y) t(a, b)",
     "SELECT a FROM (SELECT unnest(x) AS a, unnest(y) AS b) t", std::nullopt},
    {"unnest_multidimensional_array", "select unnest(array[[1, 2], [3, 4]])",
     "SELECT unnest(flatten(ARRAY[ARRAY[1, 2], ARRAY[3, 4]]))", std::nullopt},
    {"ragged_array_constructor", "select array[[1, 2], [3]]",
     "SELECT error('multidimensional arrays must have array expressions with matching dimensions')", std::nullopt},
    {"rewrite_array_comparisons", "select 1 from t where a = any(b)", "SELECT 1 FROM t WHERE list_contains(b, a)",
     std::nullopt},
    {"cast_int4_function", "select length(s) from t", "SELECT length(s)::int FROM t", std::nullopt},
    {"qualify_foreign_key_target", "create table c (p int references parent (id))",
     "CREATE TABLE c (p int REFERENCES public.parent (id))", std::nullopt},
    {"cast_parameter", "select $1", "SELECT $1::int4", std::nullopt},
    {"type_numeric_constants", "select 1.25::numeric", "SELECT '1.25'::\"numeric\"(3, 2)", std::nullopt},
    {"read_bytea_constants", "select '\\x01'::bytea", "SELECT E'\\\\x01'::\"varchar\"::bytea", std::nullopt},
    {"read_datetime_constants", "select 'January 8, 1999'::date", "SELECT '1999-01-08'::date", std::nullopt},
    {"read_datetime_column_constants", "update typed set day = '03/04/2024' where day < '1/2/2024'",
     "UPDATE typed SET day = '2024-04-03' WHERE day < '2024-02-01'", std::nullopt, "ISO, DMY"},
    {"aggregate_result_types", "select sum(a), avg(a) over () from t",
     "SELECT duckgres_catalog.main.duckgres_sum_result(sum(a), a), duckgres_catalog.main.duckgres_avg_result(avg(a) "
     "OVER (), sum(a) OVER (), count(a) OVER (), a) FROM t",
     std::nullopt},
    {"order_whole_partition_statistics", "select corr(a, b) over (), sum(a) over (order by b) from t",
     "SELECT duckgres_float8_corr_single_state(a, b ORDER BY b) OVER (), "
     "duckgres_catalog.main.duckgres_sum_result(sum(a) OVER (ORDER BY b), a) FROM t",
     "SELECT duckgres_float8_corr_single_state(a, b) OVER (), "
     "duckgres_catalog.main.duckgres_sum_result(sum(a) OVER (ORDER BY b), a) FROM t"},
    {"integer_minimum_constant", "select -2147483648", "SELECT (-2147483648)::int", std::nullopt},
    {"numeric_casts", "select a::numeric from t", "SELECT duckgres_catalog.main.duckgres_to_numeric(a, a) FROM t",
     std::nullopt},
    {"fold_trim_scale", "select trim_scale(1.50)", "SELECT '1.5'::\"numeric\"(2, 1)", std::nullopt},
    {"fold_numeric_quotients", "select 1.0 / 3", "SELECT '0.33333333333333333333'::\"numeric\"(20, 20)",
     "SELECT duckgres_catalog.main.duckgres_divide(1.0, 3, 1.0, 3)"},
    {"guard_division", "select a % b from t",
     "SELECT a % CASE WHEN b = 0 THEN error('division by zero') ELSE b END FROM t", std::nullopt},
    {"numeric_quotients", "select a / 2.5 from t",
     "SELECT duckgres_catalog.main.duckgres_divide(a, 2.5, a, 2.5) FROM t", std::nullopt},
    {"inline_current_user", "select current_user", "SELECT 'alice'::name", std::nullopt},
    {"type_name_functions", "select current_database()", "SELECT current_database()::name", std::nullopt},
    {"inline_current_setting", "select current_setting('TimeZone')", "SELECT 'UTC'", std::nullopt},
    // "$user" is the user's schema, kept when it exists.
    {"inline_current_schemas", "select current_schemas(true)",
     "SELECT (SELECT COALESCE(list(p.s ORDER BY p.i), ARRAY[]::varchar[]) FROM (SELECT unnest(ARRAY['pg_catalog', "
     "'alice', 'public']::varchar[]) AS s, generate_subscripts(ARRAY['pg_catalog', 'alice', 'public']::varchar[], 1) "
     "AS i) p WHERE p.s "
     "= 'pg_catalog' OR EXISTS (SELECT 1 FROM duckdb_schemas() d WHERE d.database_name = current_database() AND "
     "d.schema_name = p.s))",
     "SELECT duckgres_catalog.main.current_schemas(true)"},
    {"inline_set_config", "select set_config('a.b', 'on', false)", "SELECT 'ON'",
     "SELECT duckgres_catalog.main.set_config('a.b', 'on', false)"},
    {"inline_backend_pid", "select pg_backend_pid()", "SELECT 4242", std::nullopt},
    {"postgres_version", "select version()", "SELECT '" + kVersion + "'", std::nullopt},
    {"numeric_series_in_from", "select g from generate_series(0.5, 2, 0.5) g",
     "SELECT g FROM (SELECT x AS g FROM duckgres_catalog.main.duckgres_numeric_series(0.5, 2, 0.5) s(x)) g",
     "SELECT g FROM generate_series(0.5, 2, 0.5) g(g)"},
    {"integer_series_in_from", "select g from generate_series(1, 3) g",
     "SELECT g FROM (SELECT x::int4 AS g FROM generate_series(1, 3) s(x)) g",
     "SELECT g FROM generate_series(1, 3) g(g)"},
    {"ordinality_of_table_macro", "select n from json_array_elements(j) with ordinality as e(v, n)",
     "SELECT n FROM (SELECT *, row_number() OVER () AS ordinality FROM "
     "duckgres_catalog.main.json_array_elements(j) f) e(v, n)",
     "SELECT n FROM duckgres_catalog.main.json_array_elements(j) WITH ORDINALITY e(v, n)"},
    {"name_single_column_function", "select u from unnest(a) u", "SELECT u FROM unnest(a) u(u)", std::nullopt},
    {"unnest_expand_array_field", "select (_pg_expandarray(a)).x from t", "SELECT unnest(a) FROM t",
     "SELECT (duckgres_catalog.main._pg_expandarray(a)).x FROM t"},
    {"datetime_function_types", "select extract(year from d) from t",
     "SELECT date_part('year', d)::numeric(18, 0) FROM t", std::nullopt},
    {"interval_qualifiers", "select interval '2' hour", "SELECT '2 hour'::\"interval\"::pg_interval_67174399",
     "SELECT '2'::\"interval\"::pg_interval_67174399"},
    {"rewrite_overlaps", "select (a, b) overlaps (c, d) from t",
     "SELECT duckgres_catalog.main.duckgres_overlaps(a, b, c, d) FROM t", std::nullopt},
    {"datetime_subtraction", "select date '2024-01-02' - d from t",
     "SELECT duckgres_date_difference('2024-01-02'::date - d) FROM t", std::nullopt},
    {"type_selected_null", "select null as x", "SELECT NULL::text AS x", std::nullopt},
    {"guard_series_step", "select * from generate_series(1, 9, 0)",
     "SELECT * FROM generate_series(1, 9, duckgres_catalog.main.duckgres_series_step(0))",
     "SELECT * FROM (SELECT x::int4 AS generate_series FROM generate_series(1, 9, 0) s(x)) generate_series"},
    {"unnest_target_set_function", "select generate_series(1, 3)", "SELECT unnest(generate_series(1, 3))::int4",
     std::nullopt},
    {"typmod_types", "select 'abcd'::varchar(2), x::timestamp(3) from t",
     "SELECT \"left\"('abcd'::text, 2)::pg_varchar_2, x::\"timestamp\"::pg_timestamp_3 FROM t", std::nullopt},
};

//! Passes that only refuse what PostgreSQL refuses: the statement fails with them, and goes to DuckDB without.
const struct {
    const char *pass;
    const char *sql;
    const char *sqlstate;
} kRefusals[] = {
    {"set_operation_types", "select 1 union select 'a'::text", "42804"},
    {"set_operation_types", "select 1 union all select 'a'::text", "42804"},
    {"check_comparison_types", "select 1 from typed where tag = 1", "42883"},
    {"check_insert_value_types", "insert into typed (flag) values (1)", "42804"},
};

//! Passes whose work is a statement run after this one (the effects' `after`), not a change of its text.
const struct {
    const char *pass;
    const char *sql;
    const char *after;
} kStatementsAfter[] = {
    {"keep_constraint_names", "create table t2 (a int constraint t2_a_pos check (a > 0), b int, unique (b))",
     "COMMENT ON TABLE \"t2\" IS '\x1d"
     "c\x1f"
     "1\x1ft2_a_pos\x1e"
     "C\x1f"
     "1\x1b"
     "a\x1f(a > 0)'"},
    {"keep_view_definition", "create view v (x) as with w as (select a from t) select a from w join u using (a)",
     "COMMENT ON VIEW \"public\".\"v\" IS '\x1dV\x1f\x1fSELECT * FROM (WITH w AS (SELECT a FROM public.t) SELECT a "
     "FROM w JOIN public.u USING (a)) AS \"v\"(\"x\")'"},
};

TEST(RewritePasses, EachSwitchedOff) {
    std::set<std::string> tested;
    for (const auto &row : kStatementsAfter) {
        tested.insert(row.pass);
        auto context = SessionFacts();
        auto with_it = RewriteSql(row.sql, context).effects.after;
        context.disabled_passes = {row.pass};
        auto without_it = RewriteSql(row.sql, context).effects.after;
        EXPECT_EQ(with_it, std::vector<std::string>{row.after}) << row.pass;
        EXPECT_TRUE(without_it.empty()) << row.pass;
    }
    for (const auto &row : kRefusals) {
        tested.insert(row.pass);
        auto context = SessionFacts();
        try {
            RewriteSql(row.sql, context);
            ADD_FAILURE() << row.pass << " let through " << row.sql;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, row.sqlstate) << row.pass;
        }
        context.disabled_passes = {row.pass};
        EXPECT_NO_THROW(RewriteSql(row.sql, context)) << row.pass;
    }
    for (const auto &row : kSwitchedOff) {
        tested.insert(row.pass);
        auto context = SessionFacts(row.date_style);
        auto with_it = RewriteSql(row.sql, context).text;
        context.disabled_passes = {row.pass};
        auto without_it = RewriteSql(row.sql, context).text;
        EXPECT_EQ(with_it, row.rewritten) << row.pass;
        EXPECT_EQ(without_it, row.without_it) << row.pass;
        EXPECT_NE(with_it, without_it) << row.pass;
    }
    for (const auto &pass : RewritePasses()) {
        EXPECT_TRUE(tested.count(pass.name)) << "no row switches off " << pass.name;
    }
}

TEST(RewritePasses, UnknownNameSwitchedOffIsAnError) {
    auto context = SessionFacts();
    context.disabled_passes = {"no_such_pass"};
    EXPECT_THROW(RewriteSql("select 1", context), std::invalid_argument);
}

TEST(RewritePasses, SetConfigIsASettingChange) {
    struct {
        const char *sql;
        const char *rewritten; //!< nullptr: left to DuckDB
        std::vector<SettingChange> changes;
    } cases[] = {
        {"select set_config('application_name', 'x', false)", "SELECT 'X'", {{"application_name", "x", false}}},
        // current_setting() later in the statement sees the value set_config() gives.
        {"select set_config('My.Flag', 'v', true), current_setting('my.flag'), current_setting('application_name')",
         "SELECT 'V', 'V', 'psql'",
         {{"My.Flag", "v", true}}},
        {"select set_config('a.b', '1', false), set_config('a.b', '2', true)",
         "SELECT '1', '2'",
         {{"a.b", "1", false}, {"a.b", "2", true}}},
        // Unknown and read-only parameters: the change fails when the session applies it (42704, 55P02).
        {"select set_config('no_such', '1', false)", "SELECT '1'", {{"no_such", "1", false}}},
        {"select set_config('server_version', '9', false)", "SELECT '9'", {{"server_version", "9", false}}},
        // A name read from rows: the catalog's set_config(), which refuses a row that reaches it (0A000) ...
        {"select set_config(name, '1', false) from t",
         "SELECT duckgres_catalog.main.set_config(name, '1', false) FROM t",
         {}},
        // ... except pg_dump's way of setting a parameter the server has.
        {"select set_config(name, 'on', false) from pg_settings where name = 'application_name'",
         "SELECT 'ON' FROM duckgres_catalog.main.pg_settings pg_settings WHERE name = 'application_name'",
         {{"application_name", "on", false}}},
    };
    auto context = SessionFacts();
    for (const auto &c : cases) {
        auto result = RewriteSql(c.sql, context);
        EXPECT_EQ(result.text.value_or("(unchanged)"), c.rewritten ? c.rewritten : "(unchanged)") << c.sql;
        EXPECT_EQ(result.effects.setting_changes, c.changes) << c.sql;
        EXPECT_TRUE(result.effects.notices.empty() && result.effects.before.empty()) << c.sql;
    }
    // Nothing changed in the session's settings: they are the session's to apply.
    EXPECT_EQ(context.settings->Get("application_name").value_or(""), "psql");
    // Without settings, set_config() is the catalog's.
    EXPECT_EQ(RewriteSql("select set_config('a.b', '1', false)", RewriteContext{}).text.value_or(""),
              "SELECT duckgres_catalog.main.set_config('a.b', '1', false)");
}

TEST(RewritePasses, EffectsAreData) {
    auto result = RewriteSql("create table s.t (id serial, n int) tablespace fast", SessionFacts());
    EXPECT_EQ(result.text.value_or(""), "CREATE TABLE s.t (id int NOT NULL, n int)");
    EXPECT_EQ(
        result.effects.notices,
        std::vector<std::string>{"TABLESPACE fast is accepted and ignored: DuckDB keeps each database in one file"});
    EXPECT_EQ(result.effects.before, std::vector<std::string>{"CREATE SEQUENCE IF NOT EXISTS s.t_id_seq"});
    EXPECT_EQ(
        result.effects.after,
        std::vector<std::string>{"ALTER TABLE \"s\".\"t\" ALTER COLUMN \"id\" SET DEFAULT nextval('s.t_id_seq')"});
    EXPECT_TRUE(result.effects.setting_changes.empty());
}

TEST(RewritePasses, CommentOnQualifiedColumn) {
    auto result = RewriteSql("comment on column app.\"Users\".email is 'it''s'", SessionFacts());
    EXPECT_EQ(result.effects.after,
              std::vector<std::string>{"COMMENT ON COLUMN \"shop\".\"app\".\"Users\".\"email\" IS 'it''s'"});
    result = RewriteSql("comment on column app.t.email is null", SessionFacts());
    EXPECT_EQ(result.effects.after,
              std::vector<std::string>{"COMMENT ON COLUMN \"shop\".\"app\".\"t\".\"email\" IS NULL"});
    EXPECT_FALSE(RewriteSql("comment on column t.email is 'x'", SessionFacts()).text.has_value());
}

TEST(RewritePasses, IdentityAsPgDumpWritesIt) {
    auto result = RewriteSql("ALTER TABLE app.orders ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE "
                             "NAME app.orders_id_seq START WITH 5 INCREMENT BY 2 NO MINVALUE NO MAXVALUE CACHE 1)",
                             SessionFacts());
    EXPECT_EQ(result.text.value_or(""),
              "ALTER TABLE app.orders ALTER COLUMN id SET DEFAULT nextval('app.orders_id_seq')");
    EXPECT_EQ(result.effects.before, std::vector<std::string>{"CREATE SEQUENCE app.orders_id_seq INCREMENT 2 START 5"});
}

TEST(RewritePasses, TypmodTypesAreEffects) {
    auto result =
        RewriteSql("create table t (a varchar(20), b char(5), c timestamp(0), d interval day, e text)", SessionFacts());
    EXPECT_EQ(result.effects.typmod_types,
              (std::vector<std::string>{"pg_varchar_20", "pg_bpchar_5", "pg_timestamp_0", "pg_interval_589823"}));
    // A varchar column without a length is character varying too.
    EXPECT_EQ(RewriteSql("create table t (v varchar, w text)", SessionFacts()).text.value_or(""),
              "CREATE TABLE t (v character_data, w text)");
    // Arrays and modifiers PostgreSQL would refuse keep DuckDB's plain types.
    EXPECT_TRUE(
        RewriteSql("select a::varchar(3)[], b::varchar(0) from t", SessionFacts()).effects.typmod_types.empty());
}

TEST(RewritePasses, SequenceChangesAreData) {
    struct {
        const char *sql;
        const char *rewritten;
        std::vector<SequenceChange> changes;
    } cases[] = {
        {"select pg_catalog.setval('public.s_id_seq', 3, true)",
         "SELECT '3'::int8",
         {{.schema = "public", .name = "s_id_seq", .set_value = 3}}},
        {"select setval('\"S\"', 7, false), 1",
         "SELECT '7'::int8, 1",
         {{.name = "S", .set_value = 7, .set_is_called = false}}},
        {"alter sequence if exists s restart with 5",
         "SELECT 1",
         {{.name = "s", .missing_ok = true, .restart = true, .restart_with = 5}}},
        {"alter sequence s owned by t.id", "SELECT 1", {{.name = "s"}}},
        // Not constant: the arguments are queried first (setval_queries).
        {"select setval('s', max(a)) from t", "SELECT max(a)::int8 FROM t", {}},
    };
    for (const auto &c : cases) {
        auto result = RewriteSql(c.sql, SessionFacts());
        EXPECT_EQ(result.text.value_or("(unchanged)"), c.rewritten ? c.rewritten : "(unchanged)") << c.sql;
        EXPECT_EQ(result.effects.sequence_changes, c.changes) << c.sql;
    }
}

TEST(RewritePasses, InnerQueriesHandBackTheirEffects) {
    auto context = SessionFacts();
    auto declare = ParseQuery("declare c cursor for select set_config('a.b', 'x', false) for update");
    auto cursor = RewriteCursorQuery(*declare.statements.at(0).tree, context);
    EXPECT_EQ(cursor.text.value_or(""), "SELECT 'X'");
    EXPECT_EQ(cursor.effects.setting_changes, (std::vector<SettingChange>{{"a.b", "x", false}}));
    EXPECT_TRUE(cursor.effects.notices.empty()); // FOR UPDATE is dropped without one (the session locks instead)
    auto copy = ParseQuery("copy (select current_user) to stdout");
    EXPECT_EQ(RewriteCopyQuery(*copy.statements.at(0).tree, context).text.value_or(""), "SELECT 'alice'::name");
}

TEST(RewritePasses, CatalogFactsOfDdl) {
    struct {
        const char *sql;
        const char *rewritten;
    } cases[] = {
        {"drop function rows_of(int)", "DROP MACRO TABLE rows_of"},
        {"drop function if exists f(int)", "DROP MACRO IF EXISTS f"},
        {"drop domain if exists pos", "DROP TYPE IF EXISTS pos"},
        {"create table t2 (id int, like t)",
         "CREATE TABLE t2 (id int, a int NOT NULL, b pg_varchar_3 CHECK (length(rtrim(b, ' ')) <= 3), c text)"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(RewriteSql(c.sql, SessionFacts()).text.value_or(""), c.rewritten) << c.sql;
    }
    EXPECT_THROW(RewriteSql("create table t2 (like missing)", SessionFacts()), SqlError);
}

} // namespace
} // namespace duckgres::sql
