// Rewrite passes for PostgreSQL operators and string syntax DuckDB's parser lacks or reads otherwise.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! `x BETWEEN SYMMETRIC a AND b`: `x BETWEEN a AND b OR x BETWEEN b AND a` (NOT: negated), as PostgreSQL defines it.
bool ExpandBetweenSymmetric(pg_query::Node &node, PassContext &context);

//! PostgreSQL's operators DuckDB lacks or types otherwise: `a # b` (xor), `|/ x` (sqrt), `||/ x` (cbrt), `a ^ b`
//! (power(a, b): numeric for numeric operands).
bool RewriteMathOperators(pg_query::Node &node, PassContext &context);

//! upper(s), lower(s), initcap(s) (not of a range: RewriteRanges ran before): duckgres_upper() ... , which map
//! letters as PostgreSQL's libc in a UTF-8 locale does ('ß' stays 'ß' in upper case; DuckDB: 'ẞ').
bool LibcCaseMapping(pg_query::Node &node, PassContext &context);

//! `ROW(a, b) op ROW(c, d)` for = <> < <= > >=: element-wise, so a NULL element gives NULL as in PostgreSQL
//! (DuckDB compares structs treating NULL as a value).
bool ExpandRowComparison(pg_query::Node &node, PassContext &context);

//! `s LIKE ANY (array)`, `s NOT LIKE ALL (array)` (and ILIKE): a subquery over the array's elements with
//! PostgreSQL's NULL rules.
bool ExpandLikeArray(pg_query::Node &node, PassContext &context);

//! `'x' || NULL`, `NULL || 'x'`: typed text, as PostgreSQL resolves an unknown operand of || (DuckDB: integer).
bool TypeConcatNull(pg_query::Node &node, PassContext &context);

//! `s SIMILAR TO p [ESCAPE e]`: regexp_matches(s, similar_to_escape(p[, e])), the SQL pattern translated to a
//! regular expression as PostgreSQL does (DuckDB's SIMILAR TO takes a regular expression).
bool RewriteSimilarTo(pg_query::Node &node, PassContext &context);

//! substring(s FROM 'pattern'): the first match of the regular expression (or of its first group), NULL without
//! one. substring(s, start[, count]) / substr(): PostgreSQL's positions (a start below 1 is not counted from the
//! end as in DuckDB).
bool RewriteSubstring(pg_query::Node &node, PassContext &context);

//! `x::varchar` / CAST(x AS character varying) without a length: cast to character_data, the VARCHAR alias clients
//! see as character varying (1043), as PostgreSQL types it (DuckDB's VARCHAR is reported as text).
bool TypeVarcharCasts(pg_query::Node &node, PassContext &context);

//! `x::text` / `x::varchar` in a session whose DateStyle output or IntervalStyle is not the default becomes
//! duckgres_text_cast(x, DateStyle, IntervalStyle, TimeZone): the registered casts to VARCHAR have no session and
//! write ISO and postgres. Constants and parameters are left alone. A bytea under bytea_output = escape becomes
//! duckgres_bytea_escape_text(x).
bool StyledTextCasts(pg_query::Node &node, PassContext &context);

//! concat() / concat_ws() arguments that are boolean (by their form or their column's type): t/f, as PostgreSQL's
//! output function writes them (DuckDB: true/false; text || boolean casts, which writes true/false in both).
//! `ROW(...)::text`: PostgreSQL's row text through duckgres_text_out().
bool PostgresTextOfValues(pg_query::Node &node, PassContext &context);

//! Whether `node` is boolean: by its form (constants, comparisons, ::boolean...) or its column's type.
bool IsBooleanValue(const pg_query::Node &node, PassContext &context);

//! A boolean `value` as PostgreSQL's text of it: 't', 'f' or NULL.
pg_query::Node BooleanText(pg_query::Node value);

} // namespace duckgres::sql
