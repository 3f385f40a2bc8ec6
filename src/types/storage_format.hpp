// Decoders for DuckDB's in-vector storage of strings, TIME_TZ, BIT and BIGNUM values.
#pragma once

#include <duckdb.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

//! The bytes of a VARCHAR/BLOB/BIT/BIGNUM value (inlined when at most 12 bytes long).
inline std::string_view StringAt(const duckdb_string_t *strings, idx_t row) {
    auto *s = const_cast<duckdb_string_t *>(&strings[row]);
    return {duckdb_string_t_data(s), duckdb_string_t_length(*s)};
}

struct TimeTzParts {
    int64_t micros = 0;         //!< since midnight
    int32_t offset_seconds = 0; //!< east of UTC
};

//! TIME_TZ packs the time in the upper 40 bits and (max offset - offset) in the lower 24 bits.
TimeTzParts DecodeTimeTz(uint64_t bits);

//! BIT storage: a padding-count byte, then the bits MSB first with leading padding bits.
void AppendBitString(std::string &out, std::string_view storage);

//! BIGNUM storage: 3 header bytes (sign bit, byte count) and a big-endian magnitude, all
//! bytes inverted for negative numbers. Appends the decimal digits.
void AppendBignum(std::string &out, std::string_view storage);

//! Appends a scalar's text as an element of DuckDB's own nested text ({k=v}, [a, b]): in single
//! quotes with ' and \ escaped when it is empty, "NULL", padded with spaces or contains "'(),:=[]{}.
void AppendDuckDbElementText(std::string &out, std::string_view text);
//! Appends s in single quotes with ' and \ escaped (DuckDB struct keys).
void AppendDuckDbQuoted(std::string &out, std::string_view s);

} // namespace duckgres::types
