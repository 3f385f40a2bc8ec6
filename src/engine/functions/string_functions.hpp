// PostgreSQL string conversions DuckDB does otherwise: boolean input, SIMILAR TO patterns.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers the VARCHAR -> BOOLEAN cast with PostgreSQL's input rules (blanks around, on/off, any unique prefix of
//! true/false/yes/no, 1/0; else 22P02) and similar_to_escape(pattern, escape) (SIMILAR TO's pattern as an anchored
//! regular expression).
void RegisterStringFunctions(duckdb_connection connection);

} // namespace duckgres::engine
