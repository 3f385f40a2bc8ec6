// Rewrite passes giving date/time functions and operators PostgreSQL's result types.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! extract(field FROM x) becomes a numeric of PostgreSQL's scale (second: 6, milliseconds: 3, epoch: that of
//! duckgres_epoch, others: 0; DuckDB gives BIGINT and drops fractional seconds); date_part('field', x) the same as
//! double precision; date_trunc(unit, x) a timestamp (DuckDB: a DATE for units of a day and more), and for a
//! date written as such, date_trunc of it as timestamptz, as PostgreSQL does.
bool DateTimeFunctionTypes(pg_query::Node &node, PassContext &context);

//! `(s1, e1) OVERLAPS (s2, e2)` becomes duckgres_overlaps(s1, e1, s2, e2) (a catalog macro; DuckDB has no
//! OVERLAPS); an end written as an interval becomes start + interval.
bool RewriteOverlaps(pg_query::Node &node, PassContext &context);

//! `a - b` with an operand written as a date (date 'x', x::date): duckgres_date_difference(a - b), so date - date
//! is integer; with an operand written as a time: duckgres_time_minus(a, b) (time - time is an interval).
bool DateTimeSubtraction(pg_query::Node &node, PassContext &context);

//! `interval '2' hour`, `interval '1-2' year to month`: a bare number gets the unit of its lowest field, as PostgreSQL
//! reads it; the text is read by PostgreSQL's interval input. The qualifier stays for typmod_types (typmod_passes.hpp),
//! which makes it the type's alias.
bool IntervalQualifiers(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
