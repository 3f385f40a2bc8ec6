// money as its own DuckDB type (a BIGINT of cents under the alias money), its casts and arithmetic.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers the money type, its casts (text and literals parsed as PostgreSQL's cash input; integers and
//! DECIMALs as amounts; money -> VARCHAR as its text) and the functions the rewriter calls for money's operators
//! and aggregates: duckgres_money_add, _sub, _mul, _div, duckgres_money_of_cents, duckgres_money_numeric_text.
void RegisterMoneyFunctions(duckdb_connection connection);

} // namespace duckgres::engine
