// PostgreSQL binary (send/recv) format of scalar values: big-endian writers and a bounds-checked reader.
#pragma once

#include "types/pg_type.hpp"
#include "types/text_input.hpp"

#include <duckdb.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace duckgres::types {

//! Days and microseconds between DuckDB's epoch (1970-01-01) and PostgreSQL's (2000-01-01).
constexpr int32_t kPgEpochDays = 10957;
constexpr int64_t kPgEpochMicros = int64_t(kPgEpochDays) * 86400 * 1000000;

//! Writes `v` most significant byte first at `out` (sizeof(T) bytes).
template <class T>
void StoreBigEndian(char *out, T v) {
    using U = std::make_unsigned_t<T>;
    auto u = static_cast<U>(v);
    for (size_t i = 0; i < sizeof(T); i++) {
        out[sizeof(T) - 1 - i] = static_cast<char>(u & 0xFF);
        u = static_cast<U>(u >> 8);
    }
}

template <class T>
void AppendBigEndian(std::string &out, T v) {
    char buf[sizeof(T)];
    StoreBigEndian(buf, v);
    out.append(buf, sizeof(T));
}

inline void AppendFloat4Binary(std::string &out, float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, sizeof(bits));
    AppendBigEndian(out, bits);
}

inline void AppendFloat8Binary(std::string &out, double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof(bits));
    AppendBigEndian(out, bits);
}

//! Reserves the int32 length word of a value about to be appended; returns its position.
inline size_t BeginLength(std::string &out) {
    const size_t at = out.size();
    out.append(4, '\0');
    return at;
}
//! Fills in the length word reserved at `at` with the number of bytes appended since.
inline void EndLength(std::string &out, size_t at) {
    auto length = static_cast<uint32_t>(out.size() - at - 4);
    for (int i = 3; i >= 0; i--) {
        out[at + i] = static_cast<char>(length & 0xFF);
        length >>= 8;
    }
}

//! numeric_send of sign * digits * 10^-scale: `digits` are the decimal digits of the scaled
//! magnitude (leading zeros allowed); scale is the display scale (dscale), 0..16383.
void AppendNumericBinary(std::string &out, bool negative, std::string_view digits, int32_t scale);
//! numeric_send of a DECIMAL's scaled integer.
void AppendDecimalBinary(std::string &out, duckdb_hugeint scaled, uint8_t scale);
//! numeric_send of a DuckDB BIGNUM (its storage bytes).
void AppendBignumBinary(std::string &out, std::string_view storage);
//! date_send: days since 2000-01-01; DuckDB's +/-infinity become INT32_MAX/INT32_MIN.
void AppendDateBinary(std::string &out, int32_t days_since_1970);
//! timestamp_send/timestamptz_send: microseconds since 2000-01-01 (UTC); infinities become
//! INT64_MAX/INT64_MIN, and values beyond int64 after the epoch shift saturate to them.
void AppendTimestampBinary(std::string &out, int64_t micros_since_1970);
//! timetz_send: microseconds since midnight, then the zone in seconds WEST of UTC.
void AppendTimeTzBinary(std::string &out, int64_t micros, int32_t offset_seconds_east);
//! interval_send: microseconds, days, months.
void AppendIntervalBinary(std::string &out, duckdb_interval v);
//! uuid_send: the 16 bytes in text order (DuckDB's storage has the top bit flipped).
void AppendUuidBinary(std::string &out, duckdb_hugeint storage);
//! varbit_send of DuckDB BIT storage: int32 bit count, then the bits MSB first, zero-padded.
void AppendVarbitBinary(std::string &out, std::string_view storage);

//! False when values of `type` cannot be sent in binary format (result format code 1): the types
//! without binary send in pg_type.cpp's table, and OIDs not in it. Every type MapLogicalType
//! reports can be sent in binary, so this is false only for OIDs Duckgres never reports.
bool SupportsBinary(const PgType &type);

//! Reads a binary parameter value: big-endian fields with PostgreSQL's errors (08P01
//! "insufficient data left in message" on underflow).
class BinaryReader {
public:
    explicit BinaryReader(std::string_view data) : data_(data) {}

    template <class T>
    T Read() {
        Need(sizeof(T));
        using U = std::make_unsigned_t<T>;
        U u = 0;
        for (size_t i = 0; i < sizeof(T); i++) {
            u = static_cast<U>((u << 8) | static_cast<uint8_t>(data_[pos_ + i]));
        }
        pos_ += sizeof(T);
        return static_cast<T>(u);
    }
    //! One byte, with the error PostgreSQL's pq_getmsgbyte gives when there is none.
    uint8_t ReadByte();
    float ReadFloat4() {
        const uint32_t bits = Read<uint32_t>();
        float v;
        std::memcpy(&v, &bits, sizeof(v));
        return v;
    }
    double ReadFloat8() {
        const uint64_t bits = Read<uint64_t>();
        double v;
        std::memcpy(&v, &bits, sizeof(v));
        return v;
    }
    std::string_view ReadBytes(size_t n) {
        Need(n);
        std::string_view result = data_.substr(pos_, n);
        pos_ += n;
        return result;
    }
    std::string_view Rest() {
        std::string_view result = data_.substr(pos_);
        pos_ = data_.size();
        return result;
    }
    size_t Remaining() const { return data_.size() - pos_; }

private:
    void Need(size_t n) const;

    std::string_view data_;
    size_t pos_ = 0;
};

//! date_recv, timestamp_recv (also timestamptz) and time_recv into DuckDB's storage: days or microseconds
//! since 1970 (PostgreSQL counts from 2000), the infinities as DuckDB's markers; 22008 when out of range.
int32_t ReadDateBinary(BinaryReader &reader);
int64_t ReadTimestampBinary(BinaryReader &reader);
int64_t ReadTimeBinary(BinaryReader &reader);
//! numeric_recv into a NumericValue (digits beyond dscale are truncated, as PostgreSQL does); 22P03 for a bad
//! sign, scale or digit.
NumericValue ReadNumericBinary(BinaryReader &reader);
//! interval_recv: microseconds, days, months.
duckdb_interval ReadIntervalBinary(BinaryReader &reader);

} // namespace duckgres::types
