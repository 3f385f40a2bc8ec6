// Numeric functions DuckDB lacks with PostgreSQL's result type: exact quotients and square roots of decimals.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! duckgres_numeric_divide(a, b): the exact quotient of two DECIMAL or integer values (at least one a DECIMAL: the
//! catalog macro duckgres_divide picks it) as DECIMAL(38,16), rounded half away from zero as PostgreSQL's numeric
//! division; DuckDB divides DECIMALs as DOUBLE. Division by zero is 22012, a quotient beyond 38 digits 22003.
//! duckgres_numeric_sqrt(a): the square root of a DECIMAL or integer as DECIMAL(38,15), correctly rounded (DuckDB:
//! DOUBLE); a negative argument is 2201F. duckgres_deviation_sqrt(a): the same as DECIMAL(38,16), the scale of a
//! standard deviation (its variance's).
void RegisterNumericFunctions(duckdb_connection connection);

} // namespace duckgres::engine
