// PostgreSQL's array shape functions over DuckDB lists (nested lists for multidimensional arrays).
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers duckgres_array_ndims(list), duckgres_array_dims(list), duckgres_array_length(list, dimension) and
//! duckgres_cardinality(list), taking lists of any type and nesting: PostgreSQL's array_ndims, array_dims,
//! array_length / array_upper and cardinality (the catalog's macros of those names call them). An empty array has
//! no dimensions: NULL from all but cardinality (0).
void RegisterArrayFunctions(duckdb_connection connection);

} // namespace duckgres::engine
