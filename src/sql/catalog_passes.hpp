// Rewrite passes that send PostgreSQL catalog references (pg_catalog relations, functions, reg* casts,
// OPERATOR(pg_catalog.op), COLLATE pg_catalog.default) to Duckgres' catalog and DuckDB's equivalents.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! `pg_class` or `pg_catalog.pg_class` (any relation the catalog scripts define) becomes
//! duckgres_catalog.main.pg_class, keeping its name as the alias; other pg_catalog.x lose the qualifier
//! (DuckDB's own). information_schema.x goes to duckgres_catalog.main.information_schema_x where the
//! catalog defines one. Returns true when it changed the node.
bool RedirectCatalogRelation(pg_query::Node &node, PassContext &context);

//! Calls of catalog functions (format_type, pg_get_expr, ...) go to duckgres_catalog.main; other
//! pg_catalog-qualified calls lose the qualifier and go to DuckDB's function of that name.
bool RedirectCatalogFunction(pg_query::Node &node, PassContext &context);

//! `x::regclass`, `::regtype`, `::regnamespace`, `::regproc`, `::regprocedure`, `::regrole`: a string
//! literal, a parameter or a text expression (format(...), a || b) becomes the object's OID (by name),
//! anything else the object's name (by OID). Type names qualified with pg_catalog lose the qualifier. A
//! regproc column compared with an OID or cast to oid becomes its function's OID.
bool RewriteRegCasts(pg_query::Node &node, PassContext &context);

//! A result column of the statement's own SELECT that is a type name cast to regtype ('varchar'::regtype, made a
//! catalog lookup by RewriteRegCasts) is sent as a regtype, its name as text and its OID in binary, as PostgreSQL
//! sends it; elsewhere (compared, stored, nested) it stays an OID.
bool TypeResultRegtypes(pg_query::Node &node, PassContext &context);

//! `c.xmin` and `c.tableoid` of a catalog relation (DataGrip's state numbers, pg_dump's object identities): the
//! system columns PostgreSQL's rows have, as a constant xid and the catalog's own OID.
bool CatalogSystemColumns(pg_query::Node &node, PassContext &context);

//! int2vector and oidvector columns (pg_index.indkey, pg_proc.proargtypes...) are lists under those names, which
//! clients get as PostgreSQL prints them ("1 3"); DuckDB's list functions refuse the names: a column used in an
//! expression (or selected by a subquery) is cast to a plain list of its elements. (Selected as it is by the statement,
//! it keeps its type.)
bool PlainVectorOperands(pg_query::Node &node, PassContext &context);

//! `indkey[0]`: int2vector and oidvector columns (pg_index.indkey, pg_proc.proargtypes...) are subscripted
//! from 0 in PostgreSQL; the catalog keeps them as lists, subscripted from 1.
bool VectorSubscriptsFromZero(pg_query::Node &node, PassContext &context);

//! `OPERATOR(pg_catalog.op)` becomes the plain operator; the regular-expression operators ~, ~*, !~
//! and !~* become regexp_matches() (DuckDB's ~ matches the whole string, PostgreSQL's any part).
bool RewriteOperators(pg_query::Node &node, PassContext &context);

//! `COMMENT ON COLUMN schema.table.column` (as pg_dump writes it): DuckDB reads three names as a catalog's table, so
//! the statement runs with the session's database put in front, as an effect after DuckDB's SELECT 1.
bool QualifyCommentColumn(pg_query::Node &node, PassContext &context);

//! `EXISTS (SELECT FROM t ...)`: PostgreSQL allows an empty select list (ORMs send it); DuckDB does not, so a
//! subquery's empty list gets the constant 1 (its rows, not its columns, matter there).
bool FillEmptySubquerySelect(pg_query::Node &node, PassContext &context);

//! `PREPARE p (int, text) AS ...`: DuckDB takes no parameter types there, so each `$n` of the statement is
//! cast to its declared type instead.
bool PrepareArgumentTypes(pg_query::Node &node, PassContext &context);

//! PostgreSQL functions DuckDB has under another name: json_build_object -> json_object, json_agg ->
//! json_group_array, btrim -> trim, every -> bool_and, ...; function-style casts (int4('12'), float8(x), text(12))
//! become casts; lpad / rpad without the fill text get ' '; string_to_table / regexp_split_to_table become
//! unnest(string_split / string_split_regex(...)).
bool RenameEquivalentFunctions(pg_query::Node &node, PassContext &context);

//! `x = ANY(array)` becomes list_contains(array, x) and `x <> ALL(array)` its negation when the array is an
//! expression, not a subquery (DuckDB cannot put ANY over a list in an outer join's condition); an array written
//! out (ARRAY[...], '{...}'::int[]) gets duckgres_any_equal, list_contains with PostgreSQL's NULL results.
bool RewriteArrayComparisons(pg_query::Node &node, PassContext &context);

//! `expr COLLATE pg_catalog.default` (or "default", "C", "POSIX") becomes `expr`.
bool DropDefaultCollation(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
