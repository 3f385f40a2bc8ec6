// The C++ functions and casts Duckgres registers in each DuckDB database, one Register function per family.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Runs every family's Register function (function_registry.cpp's table) on `connection`.
void RegisterFunctions(duckdb_connection connection);

} // namespace duckgres::engine
