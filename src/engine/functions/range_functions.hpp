// PostgreSQL's range types as DuckDB types (BLOBs under the range type names) with their casts and functions.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers int4range, int8range, numrange, daterange, tsrange and tstzrange (types/range_value.hpp's storage, whose
//! byte order is the range order, so comparison, ORDER BY, GROUP BY and UNIQUE are DuckDB's own), the casts from
//! and to text, the constructors, lower/upper (as duckgres_range_lower/upper), isempty, lower_inc, upper_inc,
//! lower_inf, upper_inf, range_merge, and the functions the rewriter calls for the range operators
//! (duckgres_range_contains, _contained, _overlaps, _before, _after, _overleft, _overright, _adjacent, _union,
//! _intersect, _minus).
void RegisterRangeFunctions(duckdb_connection connection);

} // namespace duckgres::engine
