// Numeric functions DuckDB lacks with PostgreSQL's result type: quotients, roots, exp, logs and powers of decimals.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! duckgres_numeric_divide(a, b): the exact quotient of two DECIMAL or integer values (at least one a DECIMAL: the
//! catalog macro duckgres_divide picks it) as DECIMAL(38,16), rounded half away from zero as PostgreSQL's numeric
//! division; DuckDB divides DECIMALs as DOUBLE. Division by zero is 22012, a quotient beyond 38 digits 22003.
//! duckgres_numeric_sqrt(a): the square root of a DECIMAL or integer as DECIMAL(38,15), correctly rounded (DuckDB:
//! DOUBLE); a negative argument is 2201F. duckgres_deviation_sqrt(a): the same as DECIMAL(38,16), the scale of a
//! standard deviation (its variance's). duckgres_numeric_exp(a), duckgres_numeric_ln(a), duckgres_numeric_log10(a),
//! duckgres_numeric_log(b, a) and duckgres_numeric_power(a, b): PostgreSQL's numeric exp, ln, log and power as
//! DECIMAL(38,16), the scale PostgreSQL gives results from 1 to 9.99 (DuckDB: DOUBLE); see ComputeTranscendental.
void RegisterNumericFunctions(duckdb_connection connection);

} // namespace duckgres::engine
