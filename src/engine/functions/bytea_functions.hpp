// bytea as PostgreSQL reads and converts it: text -> bytea input, encode/decode, convert_to/convert_from, sha256.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! The cast VARCHAR -> BLOB reading PostgreSQL's bytea input (hex `\x0102`, escape `a\\b\000`), and the functions
//! convert_to(VARCHAR, VARCHAR), convert_from(BLOB, VARCHAR), and duckgres_encode(BLOB, VARCHAR),
//! duckgres_decode(VARCHAR, VARCHAR) and duckgres_sha256(BLOB) -> BLOB, which the catalog's encode, decode and
//! sha256 macros call (DuckDB has functions of those names, which a registration cannot extend);
//! duckgres_bytea_escape_text(BLOB): bytea::text under bytea_output = escape.
void RegisterByteaFunctions(duckdb_connection connection);

} // namespace duckgres::engine
