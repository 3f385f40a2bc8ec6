// PostgreSQL text input of date, time, timetz, timestamp, timestamptz and interval values.
#pragma once

#include "types/storage_format.hpp"
#include "types/text_format.hpp"

#include <duckdb.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

// ISO dates (YYYY-MM-DD, YYYYMMDD, YYMMDD), numeric dates in DateStyle's field order (01/02/2024 is January 2 in
// MDY, February 1 in DMY), month names and abbreviations (January 8, 1999; 1999-Jan-08; 08-Jan-1999), the day of
// the year (1999.008), times HH:MM[:SS[.ffffff]] or HHMMSS / HHMM with optional am/pm, a 'T' or space between date
// and time, day names (ignored), zones as
// +HH[:MM[:SS]], +HHMM, Z, PostgreSQL's default abbreviations (UTC, EST, CET, ...) or IANA names
// (Europe/Berlin), BC/AD, and the special values infinity, -infinity, epoch, now, today, tomorrow,
// yesterday, allballs. Errors use PostgreSQL's SQLSTATEs: 22007 syntax, 22008 field or value out of
// range, 22009 zone displacement out of range, 22023 unknown zone name.

//! date_in: DuckDB days since 1970-01-01 (infinities as DuckDB's INT32_MAX / -INT32_MAX).
int32_t ParseDateText(std::string_view text, const TextFormatOptions &options);
//! time_in: microseconds since midnight (0 .. 24:00:00); a date or zone in the input is ignored.
int64_t ParseTimeText(std::string_view text, const TextFormatOptions &options);
//! timetz_in: time and offset east of UTC; without a zone, the session zone's current offset.
TimeTzParts ParseTimeTzText(std::string_view text, const TextFormatOptions &options);
//! timestamp_in: DuckDB microseconds since 1970-01-01 (a zone in the input is ignored).
int64_t ParseTimestampText(std::string_view text, const TextFormatOptions &options);
//! timestamptz_in: UTC microseconds since 1970-01-01; without a zone, local time in the session zone.
int64_t ParseTimestampTzText(std::string_view text, const TextFormatOptions &options);
//! interval_in with IntervalStyle postgres: "1 year 2 mons -3 days 04:05:06.5", "@ 1 hour ago",
//! "1.5 weeks", "1-2" (years-months), "3 4:05:06", ISO 8601 "P1Y2M3DT4H5M6.5S". 22007 syntax,
//! 22015 field out of range, 22008 result out of range.
duckdb_interval ParseIntervalText(std::string_view text);

enum class DateTimeType { kDate, kTime, kTimeTz, kTimestamp, kTimestampTz };

//! `text` read as `type` with `options` (DateStyle's order, TimeZone for zone-less and relative input) and written
//! back in ISO, a timestamptz in UTC ("2024-01-15 12:00:00+00"): text that reads as the same value in any session.
//! Throws SqlError as the Parse functions do.
std::string NormalizeDateTimeText(DateTimeType type, std::string_view text, const TextFormatOptions &options);

//! Offset east of UTC in seconds of the local wall-clock time `local_seconds` (seconds since
//! 1970-01-01 as if UTC) in `zone` (nullptr = UTC). For a local time that occurs twice or not at all
//! around a transition, PostgreSQL's choice: the later instant / the offset before the transition.
int32_t LocalTimeOffset(const TimeZone *zone, int64_t local_seconds);

} // namespace duckgres::types
