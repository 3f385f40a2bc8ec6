// The DuckDB type alias of one PostgreSQL type with a modifier (varchar(20), timestamp(3)...) and its casts.
#pragma once

#include "types/typmod_alias.hpp"

#include <duckdb.h>

namespace duckgres::engine {

//! Registers `alias` as a DuckDB type with its casts: to its storage type implicitly (every function of that type
//! takes it); from text and its storage type as PostgreSQL assigns a value to a column of it: varchar(n) drops excess
//! trailing blanks (a column's CHECK refuses longer values with 22001), char(n) keeps its value without trailing
//! blanks (comparisons ignore them, the encoders pad them back); timestamp(p) rounds to p fractional digits. Explicit
//! casts truncate first (the rewriter's typmod_types pass). Throws XX000 when DuckDB refuses it.
void RegisterTypmodAlias(duckdb_connection connection, const types::TypmodAlias &alias);

} // namespace duckgres::engine
