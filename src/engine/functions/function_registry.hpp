// The C++ scalar functions Duckgres registers in every DuckDB database, family by family.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers every family of functions (function_registry.cpp lists them) on `connection`'s database.
void RegisterFunctions(duckdb_connection connection);

} // namespace duckgres::engine
