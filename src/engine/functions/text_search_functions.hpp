// tsvector, tsquery and regconfig as DuckDB types (VARCHARs under aliases) and the text search functions.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers the types tsvector, tsquery and regconfig with their casts (text -> type parses and normalizes; type ->
//! VARCHAR implicitly), the to_tsvector / to_tsquery family, ts_rank, ts_rank_cd, numnode, setweight, strip,
//! tsquery_phrase and the functions the rewriter calls for the operators (duckgres_ts_match, duckgres_ts_concat,
//! duckgres_tsquery_and / _or / _not, duckgres_ts_length).
void RegisterTextSearchFunctions(duckdb_connection connection);

} // namespace duckgres::engine
