// Rewrite passes giving numeric expressions and aggregates PostgreSQL's result types.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! sum(x) and avg(x) (with DISTINCT, FILTER, OVER...), round(x), sign(x), gcd(a, b), lcm(a, b): wrapped in a
//! catalog macro overloaded on the arguments' types, which DuckDB binds (the arguments are type witnesses, not
//! evaluated unless the macro computes anew): sum(int) is bigint, sum(bigint) numeric, avg(int) and avg(numeric)
//! numeric (computed exactly from sum() and count()), round(float8) half to even, sign() of the argument's type,
//! gcd(int, int) integer; grouping() is integer, regr_count() bigint.
bool AggregateResultTypes(pg_query::Node &node, PassContext &context);

//! `-2147483648`: the grammar folds the sign into a constant too large for an integer literal, which PostgreSQL
//! then types integer; DuckDB negates BIGINT 2147483648. Cast to int4.
bool IntegerMinimumConstant(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
