// Rewrite passes for set-returning functions (generate_series, unnest...), whose rows and names DuckDB shapes
// differently.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! `FROM generate_series(0.5, 2.5, 0.5) AS g(n)` with a numeric constant among the arguments: a subquery over the
//! catalog's duckgres_numeric_series(), as PostgreSQL's generate_series(numeric, numeric[, numeric]) (DuckDB has
//! none for DECIMAL).
bool NumericSeriesInFrom(pg_query::Node &node, PassContext &context);

//! `FROM generate_series(1, 3) AS g(n)` with integer constants or integer / smallint expressions (a column of a
//! LATERAL outer relation): a subquery casting the values to int4, as PostgreSQL's generate_series(int, int)
//! returns them (DuckDB's are always BIGINT).
bool IntegerSeriesInFrom(pg_query::Node &node, PassContext &context);

//! `FROM generate_series(1, t.n) AS g`: PostgreSQL names the single column after the alias, so `g` is the value;
//! DuckDB would make `g` the whole row. Adds the column alias: `AS g(g)`.
bool NameSingleColumnFunction(pg_query::Node &node, PassContext &context);

//! `(_pg_expandarray(a)).x` / `.n` in a select list: the elements / their positions as rows (zipped with the other
//! set-returning functions of the list, as PostgreSQL runs them).
bool UnnestExpandArrayField(pg_query::Node &node, PassContext &context);

//! `SELECT generate_series(1, 3)`: a set-returning function in the select list returns rows in PostgreSQL, but a
//! list in DuckDB: wrapped in unnest() (cast to int4 for integer constants). json_object_keys(),
//! jsonb_object_keys() and jsonb_path_query() (table macros in FROM): unnest() of the list of their values.
bool UnnestTargetSetFunction(pg_query::Node &node, PassContext &context);

//! generate_series(start, stop, step) with a constant step of zero (0, -0, interval '0'): PostgreSQL's 22023 where
//! DuckDB returns no rows, raised by duckgres_series_step() when the call is evaluated. A step read from a column is
//! left alone: DuckDB may evaluate it for rows that a PostgreSQL filter removes first.
bool GuardSeriesStep(pg_query::Node &node, PassContext &context);

//! `FROM json_array_elements(j) WITH ORDINALITY AS e(value, n)`: the catalog's table macros ignore WITH
//! ORDINALITY, so the call becomes a subquery numbering its rows (row_number() in the function's order).
bool OrdinalityOfTableMacro(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
