// Rewrite passes for PostgreSQL's jsonb type and JSON operators DuckDB spells differently.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! jsonb (in casts and column types) becomes DuckDB's JSON, name becomes VARCHAR; `#>` and `#>>` with a constant path
//! become json_extract / json_extract_string with a JSON pointer; `?` becomes json_exists; `@>` and `<@` between JSON
//! values (one side cast to json or jsonb) become json_contains. Returns true when it changed the node.
bool RewriteJson(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
