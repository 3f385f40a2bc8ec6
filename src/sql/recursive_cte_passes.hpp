// Rewrite passes for recursive CTE clauses DuckDB's grammar lacks: SEARCH and CYCLE.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! `WITH RECURSIVE t AS (base UNION [ALL] step) SEARCH DEPTH | BREADTH FIRST BY c SET ord CYCLE c SET mark USING path`
//! becomes the explicit columns PostgreSQL defines these clauses by: `ord` the list of row(c) from the root (depth
//! first) or row(depth, c) (breadth first); `mark` whether row(c) was on `path` already (the step stops below such
//! a row), `path` the list of row(c) from the root. The columns are the CTE's, after its own, as in PostgreSQL.
bool ExpandSearchCycleClauses(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
