// Date/time functions with PostgreSQL's result types, which the rewriter's datetime passes call.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! The casts text -> DATE, TIMESTAMP and INTERVAL by PostgreSQL's input functions (types/datetime_input), the cast
//! INTERVAL -> TIME (the time part wrapped to a time of day), and
//! duckgres_epoch(x): PostgreSQL's extract(epoch FROM x) as a DECIMAL, an overload per argument type: DATE ->
//! DECIMAL(18,0), TIMESTAMP, TIMESTAMPTZ, TIME, INTERVAL -> DECIMAL(18,6) (intervals count a year as 365.25 days
//! and a month as 30, as PostgreSQL does). Infinite dates and timestamps give NULL.
//! duckgres_trunc_timestamp(x): date_trunc's DATE result as a TIMESTAMP (TIMESTAMP, TIMESTAMPTZ, INTERVAL unchanged).
//! duckgres_date_difference(x): a subtraction with a date operand: BIGINT (date - date) as INTEGER; DATE,
//! TIMESTAMP, INTERVAL unchanged.
//! duckgres_time_minus(a, b): time - time as an INTERVAL, time - interval as a TIME wrapping at midnight.
//! duckgres_interval_divide(interval, double): interval / number as PostgreSQL computes it.
//! duckgres_sum_interval(interval): the aggregate sum() of intervals, field by field as PostgreSQL adds them.
void RegisterDateTimeFunctions(duckdb_connection connection);

} // namespace duckgres::engine
