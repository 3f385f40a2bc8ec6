// Data-modifying statements in WITH (DuckDB refuses them there): run first, their RETURNING rows kept for the query.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! Whether the WITH of `statement` (SELECT, INSERT, UPDATE or DELETE) holds an INSERT, UPDATE, DELETE or MERGE.
bool HasDataModifyingWith(const pg_query::Node &statement);

//! The data-modifying statements of the top-level WITH of `statement` become RewriteEffects::captures, in their order
//! (each with the CTEs before it as its own WITH), and each such CTE reads the temporary table that keeps its
//! RETURNING rows instead (one without RETURNING is dropped from the WITH). Runs on the statement as the passes left
//! it, so the statements are rewritten like any other. True when it changed anything.
bool CaptureDataModifyingWith(pg_query::Node &statement, RewriteEffects &effects);

} // namespace duckgres::sql
