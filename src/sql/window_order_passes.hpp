// Rewrite pass giving a window statistic over a whole partition the row order PostgreSQL's plan feeds it.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! In a SELECT, `duckgres_float8_<statistic>_single_state(x) OVER (PARTITION BY p)` (no ORDER BY, the whole partition
//! as frame): an ORDER BY inside the call with the sort keys of the query's other windows that start with p, when
//! those form one chain (each a prefix of the longest). PostgreSQL evaluates such a window after the sort of the
//! longest and so adds the rows in that order; the last digit of a float8 variance depends on it. Without such
//! windows the rows come in scan order in both. (After the passes renaming the statistics.)
bool OrderWholePartitionStatistics(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
