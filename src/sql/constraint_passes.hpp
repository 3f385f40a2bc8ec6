// Rewrite passes that keep the names given with CONSTRAINT name, which DuckDB drops, in the table's comment.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! CREATE TABLE with named constraints: a COMMENT ON TABLE after it (the effects' `after`) keeps the names
//! (sql/constraint_metadata.hpp), which pg_constraint, \d and ON CONFLICT ON CONSTRAINT then find. Runs before the
//! passes that add CHECKs of their own (domains, varchar lengths): the CHECKs are counted as the user wrote them.
//! CREATE TABLE IF NOT EXISTS of a table there is (RewriteContext::tables) makes no comment.
bool KeepConstraintNames(pg_query::Node &node, PassContext &context);

//! COMMENT ON TABLE / VIEW replaces the user's text of the comment and keeps the entries after it (constraint names,
//! a view's query; RewriteContext::tables reads the comment there is).
bool CommentKeepsConstraintNames(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
