// jsonb as its own DuckDB type (a VARCHAR under the alias jsonb) and PostgreSQL's json/jsonb operators and functions.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers the jsonb type, its casts (text and JSON -> jsonb normalize; jsonb -> VARCHAR and JSON implicitly),
//! the functions the rewriter calls for the JSON operators (duckgres_json_get[_text], duckgres_json_get_path[_text],
//! duckgres_jsonb_contains, duckgres_jsonb_exists[_any|_all], duckgres_jsonb_concat, duckgres_jsonb_delete[_path])
//! and jsonb_set, jsonb_insert, jsonb_pretty, jsonb_strip_nulls, jsonb_array_length, the SQL/JSON path functions
//! jsonb_path_exists, jsonb_path_match, jsonb_path_query_array, jsonb_path_query_first (types/json_path.hpp).
void RegisterJsonbFunctions(duckdb_connection connection);

} // namespace duckgres::engine
