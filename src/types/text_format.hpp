// PostgreSQL text output of scalar values, byte-identical to PostgreSQL 15's output functions.
#pragma once

#include "types/time_zone.hpp"

#include <duckdb.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

//! Session settings that change text output.
struct TextFormatOptions {
    const TimeZone *time_zone = nullptr; //!< nullptr = UTC
    int extra_float_digits = 1;          //!< > 0: shortest round-trip (PostgreSQL 12+ default)
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
void AppendBytea(std::string &out, std::string_view bytes);                  // \x0a1b (hex)
void AppendDate(std::string &out, int32_t days_since_epoch);                 // 2024-01-31, 0044-03-15 BC, infinity
void AppendTime(std::string &out, int64_t micros_since_midnight);            // 13:45:00.5
void AppendTimeTz(std::string &out, int64_t micros, int32_t offset_seconds); // 13:45:00+02
void AppendTimestamp(std::string &out, int64_t micros_since_epoch);          // 2024-01-31 13:45:00.123
void AppendTimestampTz(std::string &out, int64_t micros_since_epoch, const TimeZone *tz); // ...+01
void AppendInterval(std::string &out, duckdb_interval v); // 1 year 2 mons 3 days 04:05:06
void AppendUuid(std::string &out, duckdb_hugeint v);      // DuckDB's flipped-sign storage
//! Appends `s` as one element of an array literal: quoted and escaped when PostgreSQL would.
void AppendArrayElement(std::string &out, std::string_view s);
//! Appends `s` as one field of a composite (record) literal, quoted when needed.
void AppendRecordField(std::string &out, std::string_view s);

} // namespace duckgres::types
