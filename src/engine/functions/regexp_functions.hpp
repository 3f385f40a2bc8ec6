// regexp_match / regexp_matches: PostgreSQL's capture-group results as DuckDB lists.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! duckgres_regexp_matches(string, pattern, flags) -> VARCHAR[][]: per match (the first, or every one with
//! flag 'g'), its capture groups' texts (NULL for a group that took no part), or the whole match when the
//! pattern has no group. Flag 'i' matches without regard to case.
void RegisterRegexpFunctions(duckdb_connection connection);

} // namespace duckgres::engine
