// Text made inside SQL as PostgreSQL writes it: casts to VARCHAR through the wire's text encoders.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Casts to VARCHAR that write PostgreSQL's text (types/value_encoder.hpp) for the types whose DuckDB text differs:
//! real and double precision (shortest, 1e+20, Infinity), bytea (\x0a0b), date, time, timestamp,
//! interval (1 year 2 mons). They serve ::text, CAST(... AS varchar) and every conversion DuckDB makes to VARCHAR:
//! ||, concat(), string_agg()... timestamptz keeps DuckDB's cast, which writes the session's TimeZone (DuckDB's
//! setting) as PostgreSQL does; lists and structs keep DuckDB's text (the C API registers no nested casts): for
//! them the rewriter calls duckgres_text_out(any), registered here too, which writes any value's PostgreSQL text.
//! duckgres_text_cast(any, DateStyle, IntervalStyle, TimeZone) writes it in the given styles: the rewriter's ::text
//! in a session whose DateStyle or IntervalStyle is not the default.
void RegisterTextOutputFunctions(duckdb_connection connection);

} // namespace duckgres::engine
