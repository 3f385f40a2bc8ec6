// PostgreSQL string conversions DuckDB does otherwise: boolean input, SIMILAR TO patterns, values' text output.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers the VARCHAR -> BOOLEAN cast with PostgreSQL's input rules (blanks around, on/off, any unique prefix of
//! true/false/yes/no, 1/0; else 22P02), similar_to_escape(pattern, escape) (SIMILAR TO's pattern as an anchored
//! regular expression) and duckgres_text_out(any) (a value as PostgreSQL's output function writes it).
void RegisterStringFunctions(duckdb_connection connection);

} // namespace duckgres::engine
