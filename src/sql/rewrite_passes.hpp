// The table of rewrite passes: every pass, by name, in the order they run at each node of a statement.
#pragma once

#include "sql/pass_context.hpp"

#include <span>

namespace duckgres::sql {

//! One row of the table: a pass and the name tests and RewriteContext::disabled_passes know it by.
struct RewritePass {
    const char *name;
    PassFunction function;
};

//! Every pass, in order. The tree is walked once, children before parents; at each node every pass runs, in this
//! order, each seeing what the passes before it made of the node.
std::span<const RewritePass> RewritePasses();

} // namespace duckgres::sql
