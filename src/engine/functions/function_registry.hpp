// The C++ scalar functions and casts registered in every DuckDB database, family by family.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Runs every family's Register*Functions on `connection` (once per database, from BuildCatalog).
void RegisterFunctions(duckdb_connection connection);

} // namespace duckgres::engine
