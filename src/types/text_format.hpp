// PostgreSQL text output of scalar values, byte-identical to PostgreSQL 15's output functions.
#pragma once

#include "types/time_zone.hpp"

#include <duckdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

//! DateStyle's output part: how dates and timestamps are written.
enum class DateOutput { kIso, kSql, kPostgres, kGerman };
//! DateStyle's field order: how ambiguous numeric dates are read, and the order SQL and Postgres output use.
enum class DateOrder { kMdy, kDmy, kYmd };
//! IntervalStyle.
enum class IntervalOutput { kPostgres, kPostgresVerbose, kSqlStandard, kIso8601 };
//! bytea_output.
enum class ByteaOutput { kHex, kEscape };

struct DateStyle {
    DateOutput output = DateOutput::kIso;
    DateOrder order = DateOrder::kMdy;
};

//! The DateStyle parameter's value as SHOW gives it ("ISO, MDY", "German, DMY"); nullopt for anything else.
std::optional<DateStyle> DateStyleFromSetting(std::string_view value);
//! The IntervalStyle parameter's value ("postgres", "iso_8601", ...); nullopt for anything else.
std::optional<IntervalOutput> IntervalOutputFromSetting(std::string_view value);

//! Session settings that change text output (and how date/time text is read).
struct TextFormatOptions {
    const TimeZone *time_zone = nullptr; //!< nullptr = UTC
    int extra_float_digits = 1;          //!< > 0: shortest round-trip (PostgreSQL 12+ default)
    DateStyle date_style;
    IntervalOutput interval_style = IntervalOutput::kPostgres;
    ByteaOutput bytea_output = ByteaOutput::kHex;
};

// Each function appends PostgreSQL's text form of one value to `out`.
void AppendBool(std::string &out, bool v); // t / f
void AppendInt64(std::string &out, int64_t v);
void AppendUInt64(std::string &out, uint64_t v);
void AppendHugeint(std::string &out, duckdb_hugeint v);
void AppendUHugeint(std::string &out, duckdb_uhugeint v);
void AppendFloat4(std::string &out, float v, int extra_float_digits);  // 1e+06, 1.5, NaN, Infinity
void AppendFloat8(std::string &out, double v, int extra_float_digits); // 1e+20, 0.1, -Infinity
//! DECIMAL stored as a scaled integer: value * 10^-scale, always `scale` fraction digits.
void AppendDecimal(std::string &out, duckdb_hugeint scaled, uint8_t scale);
// \x0a1b (hex); escape: printable ASCII as is, a backslash doubled, other bytes \ooo in octal
void AppendBytea(std::string &out, std::string_view bytes, ByteaOutput style = ByteaOutput::kHex);
// 2024-01-31, 0044-03-15 BC, infinity; SQL: 01/31/2024, German: 31.01.2024, Postgres: 01-31-2024
void AppendDate(std::string &out, int32_t days_since_epoch, DateStyle style = {});
void AppendTime(std::string &out, int64_t micros_since_midnight);            // 13:45:00.5
void AppendTimeTz(std::string &out, int64_t micros, int32_t offset_seconds); // 13:45:00+02
// 2024-01-31 13:45:00.123; SQL: 01/31/2024 13:45:00.123, Postgres: Wed Jan 31 13:45:00.123 2024
void AppendTimestamp(std::string &out, int64_t micros_since_epoch, DateStyle style = {});
// ...+01; other styles end with the zone's abbreviation (" CET") or, without one, the offset (" +05:30")
void AppendTimestampTz(std::string &out, int64_t micros_since_epoch, const TimeZone *tz, DateStyle style = {});
// 1 year 2 mons 3 days 04:05:06; verbose: @ 1 year 2 mons 3 days 4 hours 5 mins 6 secs, sql_standard: +1-2 +3
// +4:05:06, ISO 8601: P1Y2M3DT4H5M6S
void AppendInterval(std::string &out, duckdb_interval v, IntervalOutput style = IntervalOutput::kPostgres);
void AppendUuid(std::string &out, duckdb_hugeint v); // DuckDB's flipped-sign storage
//! Appends `s` as one element of an array literal: quoted and escaped when PostgreSQL would.
void AppendArrayElement(std::string &out, std::string_view s);
//! Appends `s` as one field of a composite (record) literal, quoted when needed.
void AppendRecordField(std::string &out, std::string_view s);

} // namespace duckgres::types
