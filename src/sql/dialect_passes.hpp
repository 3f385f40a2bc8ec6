// Rewrite passes for PostgreSQL query semantics DuckDB spells or resolves differently: LIKE's default
// escape, format(), output-column names in ORDER BY and GROUP BY, scalar functions in FROM, division by zero,
// result types.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! `a LIKE b` / `ILIKE` / `NOT LIKE` whose pattern may hold a backslash becomes DuckDB's like_escape(a, b,
//! '\'): PostgreSQL's LIKE escapes with a backslash by default, DuckDB's LIKE has no escape character.
bool LikeDefaultEscape(pg_query::Node &node, PassContext &context);

//! `format('%I.%s', a, b)` with a constant format of %s, %I, %L and %% conversions becomes
//! concat(quote_ident(a), '.', b::varchar): DuckDB's format() uses fmt's {} placeholders.
bool FormatToConcat(pg_query::Node &node, PassContext &context);

//! `ORDER BY name` where the select list has a qualified column `t.name` becomes `ORDER BY <its position>`
//! (PostgreSQL sorts by the output column; DuckDB finds the name ambiguous when two relations have it).
//! `GROUP BY name` where `name` is both an output column alias and a FROM item's alias becomes the output
//! column's position (PostgreSQL groups by the output column; DuckDB takes the whole row of that item).
bool ResolveOutputNames(pg_query::Node &node, PassContext &context);

//! `x AT TIME ZONE z` as the call timezone(z, x): deparsed under a cast, `(x AT TIME ZONE z)::date`, the syntax
//! loses its parentheses and DuckDB would cast the zone.
bool TimeZoneAsCall(pg_query::Node &node, PassContext &context);

//! `SELECT * FROM a JOIN b USING (k)` over two tables: PostgreSQL lists the USING columns first, then each table's
//! other columns; DuckDB keeps the left table's order. The star becomes that list (RewriteContext::tables).
bool OrderStarOverUsingJoin(pg_query::Node &node, PassContext &context);

//! GROUP BY a table's whole primary key, selecting its other columns (Django's annotate() does): PostgreSQL knows they
//! depend on the key, DuckDB refuses them (42803). Set only after DuckDB refused the statement
//! (RewriteContext::group_by_key_columns): those columns are added to the GROUP BY, which changes no group.
bool GroupByKeyColumns(pg_query::Node &node, PassContext &context);

//! `SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [NOWAIT | SKIP LOCKED]`: DuckDB locks no rows, so the
//! clause is dropped; the session takes its write lock for the statement instead (RowLock), which makes other
//! writers wait until the transaction ends, as the row locks would.
bool DropLockingClauses(pg_query::Node &node, PassContext &context);

//! `FROM string_to_array(...) AS s` (a scalar function PostgreSQL lets FROM call, as one row) becomes
//! `FROM (SELECT string_to_array(...) AS s) AS s`.
bool ScalarFunctionInFrom(pg_query::Node &node, PassContext &context);

//! `a / b` and `a % b` with a divisor that is not a non-zero constant: the divisor becomes
//! CASE WHEN b = 0 THEN error('division by zero') ELSE b END, raising 22012 as PostgreSQL does (DuckDB gives NULL).
bool GuardDivision(pg_query::Node &node, PassContext &context);

//! length(), position(), array_length() and the other functions whose PostgreSQL result is integer where DuckDB's is
//! BIGINT: the call is cast to int4, so clients see the type PostgreSQL gives.
bool CastInt4Function(pg_query::Node &node, PassContext &context);

//! `SELECT NULL AS x`: PostgreSQL types an untyped NULL in a select list as text (DuckDB: integer).
bool TypeSelectedNull(pg_query::Node &node, PassContext &context);

//! to_char(value, template): strftime for dates and timestamps, duckgres_to_char_number for numbers (by typeof);
//! to_date / to_timestamp(text, template): strptime (to_timestamp(epoch) stays DuckDB's); to_number(text,
//! 'template'): cast to numeric with the template's scale (the value prints as PostgreSQL's).
bool TemplateFunctionResults(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
