// RETURNING of a multi-row INSERT ... ON CONFLICT in the order of its VALUES rows (DuckDB returns them in its own).
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! INSERT INTO t (cols) VALUES (...), (...) ON CONFLICT (keys) DO ... RETURNING r, whose VALUES give each key column
//! a constant or parameter: the INSERT runs first as a RewriteEffects::captures entry, returning r and the keys into
//! a temporary table, and the statement selects r from it ordered by the VALUES row each key comes from, as
//! PostgreSQL returns them (ORMs assign the returned ids in that order). True when it changed `statement`.
bool OrderUpsertReturning(pg_query::Node &statement, RewriteEffects &effects);

} // namespace duckgres::sql
