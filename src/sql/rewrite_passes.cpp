// The table of rewrite passes, in order, with what each fixes.
#include "sql/rewrite_passes.hpp"

#include "sql/array_passes.hpp"
#include "sql/catalog_passes.hpp"
#include "sql/column_type_passes.hpp"
#include "sql/constraint_passes.hpp"
#include "sql/datetime_passes.hpp"
#include "sql/ddl_passes.hpp"
#include "sql/dialect_passes.hpp"
#include "sql/dml_passes.hpp"
#include "sql/geometric_passes.hpp"
#include "sql/json_passes.hpp"
#include "sql/literal_passes.hpp"
#include "sql/network_passes.hpp"
#include "sql/numeric_passes.hpp"
#include "sql/range_passes.hpp"
#include "sql/recursive_cte_passes.hpp"
#include "sql/sequence_passes.hpp"
#include "sql/session_passes.hpp"
#include "sql/set_function_passes.hpp"
#include "sql/string_passes.hpp"
#include "sql/text_search_passes.hpp"
#include "sql/type_checks.hpp"
#include "sql/typmod_passes.hpp"
#include "sql/window_order_passes.hpp"

namespace duckgres::sql {

namespace {

constexpr RewritePass kRewritePasses[] = {
    // SELECT 1 UNION SELECT '2': integer; SELECT 1 UNION SELECT 'a'::text: 42804 (first: other passes change casts).
    {"set_operation_types", SetOperationTypes},
    // text_column = 1: 42883.
    {"check_comparison_types", CheckComparisonTypes},
    // INSERT INTO t (boolean_column) VALUES (1): 42804.
    {"check_insert_value_types", CheckInsertValueTypes},
    // CREATE TABLE (LIKE other): other's columns, from the catalog. First: the passes after it see the columns.
    {"expand_table_like_clauses", ExpandTableLikeClauses},
    // CREATE VIEW: the query in PostgreSQL's terms, kept in the view's comment.
    {"keep_view_definition", KeepViewDefinition},
    // CREATE TABLE (... CONSTRAINT name ...): the names kept in the table's comment (before CHECKs are added).
    {"keep_constraint_names", KeepConstraintNames},
    // COMMENT ON TABLE: the kept constraint names stay after the new text.
    {"comment_keeps_constraint_names", CommentKeepsConstraintNames},
    // TABLESPACE / USING method / WITH (...) of CREATE TABLE and CREATE INDEX: dropped, with a notice.
    {"drop_storage_clauses", DropStorageClauses},
    // CREATE TEMP TABLE ... ON COMMIT DROP / DELETE ROWS: dropped or emptied by the session at commit.
    {"on_commit_as_session_action", OnCommitAsSessionAction},
    // Columns of a domain: its NOT NULL and CHECKs; DROP DOMAIN: DROP TYPE.
    {"expand_domain_constraints", ExpandDomainConstraints},
    // CREATE INDEX ... WHERE / CONCURRENTLY / INCLUDE / DESC: a plain index (partial UNIQUE: keys NULL off the WHERE).
    {"simplify_index_definition", SimplifyIndexDefinition},
    // serial columns: integer DEFAULT nextval(...) NOT NULL, their sequences created before the statement.
    {"expand_serial_columns", ExpandSerialColumns},
    // CREATE TABLE ... DEFAULT nextval(...): set by an ALTER TABLE after it (the sequence stays replaceable).
    {"sequence_defaults_after_create", SequenceDefaultsAfterCreate},
    // CREATE SEQUENCE ... AS integer / NO MAXVALUE / CACHE / OWNED BY: the options in DuckDB's terms.
    {"create_sequence_options", CreateSequenceOptions},
    // ALTER TABLE ... ALTER COLUMN c ADD GENERATED AS IDENTITY (...): its sequence, and a nextval default.
    {"add_identity_as_sequence_default", AddIdentityAsSequenceDefault},
    // ALTER SEQUENCE: a sequence change for the session.
    {"alter_sequence_as_change", AlterSequenceAsChange},
    // varchar(n) / char(n) columns: a CHECK enforces the length DuckDB ignores.
    {"enforce_character_lengths", EnforceCharacterLengths},
    // WITH RECURSIVE ... SEARCH / CYCLE: the ordering, mark and path columns PostgreSQL defines them by.
    {"expand_search_cycle_clauses", ExpandSearchCycleClauses},
    // SELECT ... INTO new_table: CREATE TABLE new_table AS SELECT ...
    {"select_into_as_create_table", SelectIntoAsCreateTable},
    // INSERT without a column list and fewer values than columns, DEFAULT for a generated column (after DuckDB refused
    // it): the columns named, the generated one left out.
    {"fill_omitted_insert_columns", FillOmittedInsertColumns},
    // ON CONFLICT ON CONSTRAINT name: ON CONFLICT (the constraint's columns).
    {"conflict_constraint_as_columns", ConflictConstraintAsColumns},
    // ON CONFLICT DO UPDATE with two VALUES rows of one constant key: 21000, as in PostgreSQL.
    {"fail_repeated_conflict_keys", FailRepeatedConflictKeys},
    // MERGE ... WHEN NOT MATCHED THEN INSERT VALUES (a): the source's a.
    {"qualify_merge_insert_values", QualifyMergeInsertValues},
    // UPDATE ... SET (a, b) = (SELECT ...) / (1, 2): one assignment per column.
    {"split_multi_column_assignment", SplitMultiColumnAssignment},
    // TRUNCATE ... CONTINUE / RESTART IDENTITY: the clause dropped (the session restarts the sequences).
    {"truncate_without_identity_clause", TruncateWithoutIdentityClause},
    // format() with %s / %I / %L: concat() (DuckDB's format() takes {} placeholders).
    {"format_to_concat", FormatToConcat},
    // BETWEEN SYMMETRIC: both orders of the bounds.
    {"expand_between_symmetric", ExpandBetweenSymmetric},
    // Operators of money and the geometric types, sum(money), money::numeric, length(path): registered functions.
    // Before the passes that read # ?| @> <@ as integer or JSON operators.
    {"rewrite_money_and_geometry", RewriteMoneyAndGeometry},
    // # (xor), |/ (square root), ||/ (cube root): DuckDB's functions.
    {"rewrite_math_operators", RewriteMathOperators},
    // ROW(a, b) = ROW(c, d) and the orderings: element by element, with PostgreSQL's NULLs.
    {"expand_row_comparison", ExpandRowComparison},
    // s LIKE ANY (array) / NOT LIKE ALL (array): a subquery over the elements.
    {"expand_like_array", ExpandLikeArray},
    // 'x' || NULL: the NULL typed text.
    {"type_concat_null", TypeConcatNull},
    // SIMILAR TO: regexp_matches() with the pattern translated by similar_to_escape().
    {"rewrite_similar_to", RewriteSimilarTo},
    // substring(s FROM 'regex'), substring(s, start, count) with PostgreSQL's positions.
    {"rewrite_substring", RewriteSubstring},
    // concat() arguments and ROW(...)::text: PostgreSQL's text output.
    {"postgres_text_of_values", PostgresTextOfValues},
    // x::text with DateStyle or IntervalStyle not the default: duckgres_text_cast(x, styles...).
    {"styled_text_casts", StyledTextCasts},
    // LIKE escapes with a backslash by default, as in PostgreSQL.
    {"like_default_escape", LikeDefaultEscape},
    // FOR UPDATE / FOR SHARE: dropped (DuckDB locks no rows; the session's write lock stands for them).
    {"drop_locking_clauses", DropLockingClauses},
    // A scalar function in FROM: a one-row subquery.
    {"scalar_function_in_from", ScalarFunctionInFrom},
    // x AT TIME ZONE z: timezone(z, x), which keeps its place under a cast.
    {"time_zone_as_call", TimeZoneAsCall},
    // SELECT * over JOIN ... USING: the USING columns first, as PostgreSQL orders them.
    {"order_star_over_using_join", OrderStarOverUsingJoin},
    // GROUP BY a primary key selecting the table's other columns (after DuckDB refused it): those columns grouped too.
    {"group_by_key_columns", GroupByKeyColumns},
    // ORDER BY / GROUP BY names that are output columns: their positions.
    {"resolve_output_names", ResolveOutputNames},
    // int2vector / oidvector subscripts start at 0 in PostgreSQL.
    {"vector_subscripts_from_zero", VectorSubscriptsFromZero},
    // nextval('s'::regclass) and the other sequence functions: the name as DuckDB takes it.
    {"sequence_name_arguments", SequenceNameArguments},
    // setval('s', n): a sequence change for the session, and n.
    {"setval_as_sequence_change", SetvalAsSequenceChange},
    // SELECT setval(name, max(id)) FROM t: the arguments queried first, for the session to make the calls.
    {"setval_from_query", SetvalFromQuery},
    // lastval(): currval() of the sequence this session's nextval() drew from last.
    {"lastval_as_currval", LastvalAsCurrval},
    // A sequence in FROM: its last_value, log_cnt and is_called.
    {"sequence_as_relation", SequenceAsRelation},
    // pg_catalog functions: the catalog's or DuckDB's.
    {"redirect_catalog_function", RedirectCatalogFunction},
    // to_char, to_date, to_timestamp, to_number with templates: strftime / strptime / number patterns.
    {"template_function_results", TemplateFunctionResults},
    // pg_catalog and information_schema relations: the catalog's.
    {"redirect_catalog_relation", RedirectCatalogRelation},
    // xmin of a catalog relation: a constant xid.
    {"catalog_system_columns", CatalogSystemColumns},
    // ::regclass, ::regtype and the other reg* casts: OIDs or names through the catalog.
    {"rewrite_reg_casts", RewriteRegCasts},
    // int2vector / oidvector columns in expressions: plain lists.
    {"plain_vector_operands", PlainVectorOperands},
    // SELECT 'varchar'::regtype: the result column a regtype.
    {"type_result_regtypes", TypeResultRegtypes},
    // inet << cidr, ~ inet, inet + 1, macaddr & macaddr, trunc(macaddr): the network address functions.
    {"rewrite_network_operators", RewriteNetworkOperators},
    // OPERATOR(pg_catalog.op) and the regular-expression operators.
    {"rewrite_operators", RewriteOperators},
    // COMMENT ON COLUMN schema.table.column: the database's catalog in front.
    {"qualify_comment_column", QualifyCommentColumn},
    // EXISTS (SELECT FROM ...): an empty select list gets a constant.
    {"fill_empty_subquery_select", FillEmptySubquerySelect},
    // PREPARE p (types): each $n cast to its declared type.
    {"prepare_argument_types", PrepareArgumentTypes},
    // COLLATE pg_catalog.default / "C" / "POSIX": dropped.
    {"drop_default_collation", DropDefaultCollation},
    // Functions DuckDB has under another name, function-style casts.
    {"rename_equivalent_functions", RenameEquivalentFunctions},
    // enum column < 'literal': the literal cast to the enum type (its declared order, not the text's).
    {"compare_enum_with_literal", CompareEnumWithLiteral},
    // real * integer (or numeric): double precision, as in PostgreSQL.
    {"widen_real_arithmetic", WidenRealArithmetic},
    // smallint + 1: integer, as in PostgreSQL (DuckDB types the constant smallint).
    {"widen_smallint_arithmetic", WidenSmallintArithmetic},
    // length(bytea): octet_length().
    {"length_of_bytea", LengthOfBytea},
    // CASE WHEN c THEN 1 ELSE '2' END, coalesce(n, '0'): the literals take the other values' type.
    {"resolve_unknown_literals", ResolveUnknownLiterals},
    // Range operators, lower()/upper() of ranges, numrange()'s bounds: the range functions (before the JSON pass,
    // which would take '[1,2)' beside @> for a JSON array).
    {"rewrite_ranges", RewriteRanges},
    // upper()/lower()/initcap() of text: registered functions mapping letters as PostgreSQL's libc.
    {"libc_case_mapping", LibcCaseMapping},
    // jsonb and the JSON operators: DuckDB's JSON type and functions.
    {"rewrite_json", RewriteJson},
    // tsvector and tsquery: @@, ||, &&, !!, <-> and length() as registered functions; the default configuration.
    {"rewrite_text_search", RewriteTextSearch},
    // '{{1,2},{3,4}}'::int[]: the array type nested as deep as the literal.
    {"array_literal_cast_dimensions", ArrayLiteralCastDimensions},
    // ARRAY[1, 2] || 3, 0 || ARRAY[1, 2]: list_append / list_prepend.
    {"array_element_concat", ArrayElementConcat},
    // FROM unnest(a, b) and FROM generate_subscripts(a, d): select-list subqueries.
    {"array_functions_in_from", ArrayFunctionsInFrom},
    // unnest(ARRAY[[1, 2], [3, 4]]): flattened first, every element a row.
    {"unnest_multidimensional_array", UnnestMultidimensionalArray},
    // ARRAY[[1, 2], [3]]: error 2202E.
    {"ragged_array_constructor", RaggedArrayConstructor},
    // x = ANY(array) / x <> ALL(array): duckgres_any_equal() (list_contains() with PostgreSQL's NULLs).
    {"rewrite_array_comparisons", RewriteArrayComparisons},
    // length(), position()... return int4, as in PostgreSQL (DuckDB: BIGINT).
    {"cast_int4_function", CastInt4Function},
    // Unqualified REFERENCES targets: found through the search path, as in PostgreSQL.
    {"qualify_foreign_key_target", QualifyForeignKeyTarget},
    // $n whose type only the client knows: cast to it.
    {"cast_parameter", CastParameter},
    // Numeric constants (1.25::numeric, 1e3) and $n::numeric: DECIMALs of their own scale (DuckDB: DECIMAL(18,3)).
    {"type_numeric_constants", TypeNumericConstants},
    // Other expr::numeric: integers scale 0, numerics as they are (DuckDB: DECIMAL(18,3)).
    {"numeric_casts", NumericCasts},
    // '\x0102'::bytea: read by PostgreSQL's bytea input (DuckDB reads literals with its own blob syntax).
    {"read_bytea_constants", ReadByteaConstants},
    // '01/02/2024'::date, 'today'::date: read with the session's DateStyle and TimeZone, as PostgreSQL's parser does.
    {"read_datetime_constants", ReadDateTimeConstants},
    // '03/04/2024' stored into or compared with a date column under DateStyle DMY: read as the column's type then.
    {"read_datetime_column_constants", ReadDateTimeColumnConstants},
    // sum(), avg(), regr_count(): PostgreSQL's result types (sum(int) bigint, avg(int) numeric...).
    {"aggregate_result_types", AggregateResultTypes},
    // var_pop(x) OVER () beside OVER (ORDER BY y): its rows added in y order, as PostgreSQL's plan adds them.
    {"order_whole_partition_statistics", OrderWholePartitionStatistics},
    // -2147483648: integer, as PostgreSQL types it (DuckDB: BIGINT).
    {"integer_minimum_constant", IntegerMinimumConstant},
    // trim_scale(1.2300): the constant 1.23.
    {"fold_trim_scale", FoldTrimScale},
    // 1.0 / 3, 1::numeric / 3: the numeric constant PostgreSQL computes, with its value-chosen scale.
    {"fold_numeric_quotients", FoldNumericQuotients},
    // Division and modulo by zero raise 22012 (DuckDB: NULL).
    {"guard_division", GuardDivision},
    // numeric / numeric, numeric / integer: exact numeric (DuckDB: DOUBLE).
    {"numeric_quotients", NumericQuotients},
    // current_user and friends: the session's user.
    {"inline_current_user", InlineCurrentUser},
    // current_schema, current_database() and friends: typed name.
    {"type_name_functions", TypeNameFunctions},
    // current_setting(): the session's value of its parameters.
    {"inline_current_setting", InlineCurrentSetting},
    // current_schemas(): the session's search path.
    {"inline_current_schemas", InlineCurrentSchemas},
    // set_config(): a SettingChange for the session, replaced by the value it sets.
    {"inline_set_config", InlineSetConfig},
    // pg_backend_pid(): the session's backend process id.
    {"inline_backend_pid", InlineBackendPid},
    // version(): PostgreSQL-shaped.
    {"postgres_version", PostgresVersion},
    // FROM generate_series(numeric constants): numeric values (DuckDB has no DECIMAL series).
    {"numeric_series_in_from", NumericSeriesInFrom},
    // FROM generate_series(int constants): int4 values.
    {"integer_series_in_from", IntegerSeriesInFrom},
    // FROM table macro WITH ORDINALITY: a subquery numbering its rows.
    {"ordinality_of_table_macro", OrdinalityOfTableMacro},
    // FROM srf(...) AS a: the single column is named a.
    {"name_single_column_function", NameSingleColumnFunction},
    // (_pg_expandarray(a)).x / .n in a select list: rows.
    {"unnest_expand_array_field", UnnestExpandArrayField},
    // extract() numeric, date_part() double precision, date_trunc() timestamp, as in PostgreSQL.
    {"datetime_function_types", DateTimeFunctionTypes},
    // interval '2' hour, interval '1-2' year to month: the qualifier applied to the text.
    {"interval_qualifiers", IntervalQualifiers},
    // (a, b) OVERLAPS (c, d): duckgres_overlaps().
    {"rewrite_overlaps", RewriteOverlaps},
    // date - date: integer; time - time: interval.
    {"datetime_subtraction", DateTimeSubtraction},
    // SELECT NULL: typed text.
    {"type_selected_null", TypeSelectedNull},
    // generate_series() with a zero step: 22023.
    {"guard_series_step", GuardSeriesStep},
    // generate_series() in a select list: rows (unnest).
    {"unnest_target_set_function", UnnestTargetSetFunction},
    // varchar(n), char(n), timestamp(p), interval fields: the DuckDB alias that carries the modifier, in column types
    // and casts (explicit casts truncate and round).
    {"typmod_types", TypmodTypes},
    // ::varchar without a length: character varying (1043). Last, so that every other pass sees the varchar cast.
    {"type_varchar_casts", TypeVarcharCasts},
};

} // namespace

std::span<const RewritePass> RewritePasses() {
    return kRewritePasses;
}

} // namespace duckgres::sql
