// Rewrite pass for PostgreSQL's range operators and the range functions whose names DuckDB uses otherwise.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! Where an operand is a range (a cast to a range type, a range constructor or function, a range column): the range
//! operators @> <@ && << >> &< &> -|- + * - become the duckgres_range_* functions range_functions.cpp registers (a
//! string constant on the other side cast to that range type, as PostgreSQL reads it), lower() and upper() become
//! duckgres_range_lower/upper, and numrange()'s bounds are passed as text (which keeps their scale). Returns true
//! when it changed the node.
bool RewriteRanges(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
