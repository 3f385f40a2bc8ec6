// The geometric types as DuckDB types (VARCHARs of their canonical text under their names), casts and functions.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers point, lseg, path, box, polygon, line and circle, their casts (text and literals read by the types'
//! input, to VARCHAR as their text), PostgreSQL's geometric functions (area, center, npoints, point(x, y)...) and
//! the duckgres_geo_* functions the rewriter calls for the geometric operators.
void RegisterGeometricFunctions(duckdb_connection connection);

} // namespace duckgres::engine
