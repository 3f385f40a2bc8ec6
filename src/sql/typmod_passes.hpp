// Rewrite pass for PostgreSQL types with a modifier: varchar(n), char(n), timestamp(p), interval fields.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! varchar(n), char(n), timestamp(p), timestamptz(p) and interval with fields or precision, as column types and in
//! casts, become the DuckDB type alias that carries the modifier (types/typmod_alias.hpp: varchar(20) is
//! pg_varchar_20), so that results report PostgreSQL's type and typmod; the aliases go to the effects' typmod_types
//! (registered before the statement prepares). A cast also applies the modifier as PostgreSQL's explicit cast does:
//! x::varchar(n) and x::char(n) keep the first n characters (left(x::text, n)), x::timestamp(p) reads x as a timestamp
//! first, then the alias's cast rounds it. Arrays of such types keep DuckDB's plain type. A column declared varchar
//! without a length becomes the catalog's character_data alias, reported as character varying (1043).
bool TypmodTypes(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
