// PostgreSQL text input of scalar values (PostgreSQL 15's input functions), throwing its SQLSTATEs.
#pragma once

#include "types/text_format.hpp"

#include <duckdb.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

//! A PostgreSQL numeric: NaN, +/-Infinity, or sign * digits * 10^-scale.
struct NumericValue {
    enum class Kind : uint8_t { kFinite, kNaN, kPositiveInfinity, kNegativeInfinity };
    Kind kind = Kind::kFinite;
    bool negative = false; //!< never set for zero
    std::string digits;    //!< decimal digits of |value| * 10^scale without leading zeros; "" for zero
    int32_t scale = 0;     //!< display scale: digits after the decimal point
};

//! numeric_out of a NumericValue ("-1.50", "NaN", "Infinity").
std::string NumericToText(const NumericValue &value);

// Each Parse*Text function accepts what the PostgreSQL type's input function accepts (leading
// and trailing whitespace included) and throws SqlError with PostgreSQL's SQLSTATE and message.
bool ParseBoolText(std::string_view text);    // t/f/true/false/yes/no/on/off/1/0 and prefixes
int16_t ParseInt2Text(std::string_view text); // 22P02 syntax, 22003 range
int32_t ParseInt4Text(std::string_view text);
int64_t ParseInt8Text(std::string_view text);
uint32_t ParseOidText(std::string_view text); // -2147483648..4294967295, negatives wrap
float ParseFloat4Text(std::string_view text); // strtof rules plus NaN/Infinity/inf
double ParseFloat8Text(std::string_view text);
NumericValue ParseNumericText(std::string_view text); // [+-]digits[.digits][e[+-]digits], NaN, Infinity
std::string ParseByteaText(std::string_view text);    // \x hex (whitespace between bytes) or escape format
duckdb_uhugeint ParseUuidText(std::string_view text); // 32 hex digits, optional {}, '-' after groups of 4
//! The bits of a bit string literal ("0101") as DuckDB BIT storage (a padding-count byte, then
//! the bits with leading padding bits set to 1); 22P02 for other characters.
std::string ParseBitText(std::string_view text);

//! Throws 22021 `invalid byte sequence for encoding "UTF8": 0x..` unless `text` is valid UTF-8
//! without NUL bytes, as PostgreSQL checks every text parameter.
void VerifyUtf8(std::string_view text);

} // namespace duckgres::types
