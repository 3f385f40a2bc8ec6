// Rewrite passes giving numeric expressions and aggregates PostgreSQL's result types.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! sum(x) and avg(x) (with DISTINCT, FILTER, OVER...), round(x), sign(x), gcd(a, b), lcm(a, b): wrapped in a
//! catalog macro overloaded on the arguments' types, which DuckDB binds (the arguments are type witnesses, not
//! evaluated unless the macro computes anew): sum(int) is bigint, sum(bigint) numeric, avg(int) and avg(numeric)
//! numeric (computed exactly from sum() and count()), round(float8) half to even, sign() of the argument's type,
//! gcd(int, int) integer; grouping() is integer, regr_count() bigint; sum() of an interval duckgres_sum_interval().
bool AggregateResultTypes(pg_query::Node &node, PassContext &context);

//! A quotient of constants with at least one numeric (1.0 / 3, 1::numeric / 3, 10.0 / 4): the constant PostgreSQL
//! computes, with its division scale chosen from the values (0.33333333333333333333, 2.5000000000000000), as the
//! DECIMAL of its own shape. Runs before GuardDivision (a zero divisor is left to it).
bool FoldNumericQuotients(pg_query::Node &node, PassContext &context);

//! trim_scale(c) of a numeric constant: the constant without trailing fractional zeros (1.23 for 1.2300), as
//! PostgreSQL. Of a column it stays unknown: its result type would depend on the value. (scale() and min_scale()
//! are catalog macros.)
bool FoldTrimScale(pg_query::Node &node, PassContext &context);

//! Every other `a / b`: duckgres_divide(a, b, a, b), the catalog macro that divides numeric (DECIMAL) by numeric or
//! integer exactly to DECIMAL(38,16) (DuckDB: DOUBLE) and leaves other operands to `/`; the last two arguments are type
//! witnesses. Not inside CREATE / ALTER TABLE (defaults and checks stay plain), nor over aggregates or window functions
//! (DuckDB cannot type them as witnesses: sum(a) / sum(b) stays double precision).
bool NumericQuotients(pg_query::Node &node, PassContext &context);

//! `expr::numeric` of a non-constant: duckgres_to_numeric(expr, expr), which keeps a DECIMAL as it is, gives an
//! integer scale 0, as PostgreSQL, and anything else DECIMAL(38,16) (DuckDB: DECIMAL(18,3) for all); a float constant
//! (0.5::float8::numeric) becomes the numeric constant PostgreSQL makes of it (15 significant digits, 6 for real).
//! Not inside CREATE / ALTER TABLE, nor of aggregates or untyped parameters (DuckDB's DECIMAL(18,3) stays).
bool NumericCasts(pg_query::Node &node, PassContext &context);

//! `-2147483648`: the grammar folds the sign into a constant too large for an integer literal, which PostgreSQL
//! then types integer; DuckDB negates BIGINT 2147483648. Cast to int4.
bool IntegerMinimumConstant(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
