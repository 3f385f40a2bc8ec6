// PostgreSQL binary output of numerics, dates, timestamps, times, intervals, uuids and bit strings; date/time input.
#include "types/binary_format.hpp"

#include "common/sql_error.hpp"
#include "types/civil_date.hpp"
#include "types/int128.hpp"
#include "types/storage_format.hpp"
#include "types/text_format.hpp"

#include <limits>

namespace duckgres::types {

namespace {

constexpr int64_t kMinDays = -2440588;                     // 4714-11-24 BC, days since 1970
constexpr int64_t kDateEndDays = 2147483494LL - 2440588;   // 5874898-01-01
constexpr int64_t kPgMinTimestamp = -211813488000000000LL; // 4714-11-24 BC 00:00, microseconds since 2000
constexpr int64_t kPgEndTimestamp = 9223371331200000000LL; // 294277-01-01 00:00

constexpr uint16_t kNumericPositive = 0x0000;
constexpr uint16_t kNumericNegative = 0x4000;

} // namespace

void AppendNumericBinary(std::string &out, bool negative, std::string_view digits, int32_t scale) {
    const size_t first = digits.find_first_not_of('0');
    if (first == std::string_view::npos) { // zero: no digits, weight 0, positive
        AppendBigEndian<int16_t>(out, 0);
        AppendBigEndian<int16_t>(out, 0);
        AppendBigEndian<uint16_t>(out, kNumericPositive);
        AppendBigEndian<int16_t>(out, static_cast<int16_t>(scale));
        return;
    }
    digits.remove_prefix(first);
    // The digits aligned on the decimal point in groups of four: `lead` zeros before them pad the
    // integer part (or start the fraction), `trail` zeros after them pad the fraction.
    const int64_t int_digits = static_cast<int64_t>(digits.size()) - scale;
    const int64_t lead = int_digits > 0 ? (4 - int_digits % 4) % 4 : -int_digits;
    const int64_t trail = (4 - scale % 4) % 4;
    const int64_t group_count = (lead + static_cast<int64_t>(digits.size()) + trail) / 4;
    const auto group = [&](int64_t g) {
        int16_t value = 0;
        for (int64_t p = 4 * g; p < 4 * g + 4; p++) {
            const int64_t i = p - lead;
            value = static_cast<int16_t>(value * 10 + (i >= 0 && i < static_cast<int64_t>(digits.size())
                                                           ? digits[static_cast<size_t>(i)] - '0'
                                                           : 0));
        }
        return value;
    };
    int64_t begin = 0;
    while (group(begin) == 0) {
        begin++;
    }
    int64_t end = group_count;
    while (group(end - 1) == 0) {
        end--;
    }
    const int64_t int_groups = int_digits > 0 ? (int_digits + 3) / 4 : 0;
    AppendBigEndian<int16_t>(out, static_cast<int16_t>(end - begin));
    AppendBigEndian<int16_t>(out, static_cast<int16_t>(int_groups - 1 - begin));
    AppendBigEndian<uint16_t>(out, negative ? kNumericNegative : kNumericPositive);
    AppendBigEndian<int16_t>(out, static_cast<int16_t>(scale));
    for (int64_t g = begin; g < end; g++) {
        AppendBigEndian<int16_t>(out, group(g));
    }
}

void AppendDecimalBinary(std::string &out, duckdb_hugeint scaled, uint8_t scale) {
    const Int128 value = ToInt128(scaled);
    UInt128 magnitude = value < 0 ? -static_cast<UInt128>(value) : static_cast<UInt128>(value);
    char buffer[40];
    char *begin = buffer + sizeof(buffer);
    while (magnitude > UINT64_MAX) {
        *--begin = static_cast<char>('0' + static_cast<int>(magnitude % 10));
        magnitude /= 10;
    }
    auto rest = static_cast<uint64_t>(magnitude); // the common case: 64-bit division only
    do {
        *--begin = static_cast<char>('0' + rest % 10);
        rest /= 10;
    } while (rest != 0);
    AppendNumericBinary(out, value < 0, std::string_view(begin, static_cast<size_t>(buffer + sizeof(buffer) - begin)),
                        scale);
}

void AppendBignumBinary(std::string &out, std::string_view storage) {
    std::string text;
    AppendBignum(text, storage);
    const bool negative = !text.empty() && text[0] == '-';
    AppendNumericBinary(out, negative, std::string_view(text).substr(negative ? 1 : 0), 0);
}

void AppendDateBinary(std::string &out, int32_t days_since_1970) {
    constexpr int32_t kInfinity = std::numeric_limits<int32_t>::max();
    int32_t days;
    if (days_since_1970 == kInfinity) {
        days = kInfinity;
    } else if (days_since_1970 <= -kInfinity + kPgEpochDays) { // -infinity, or too early to shift
        days = std::numeric_limits<int32_t>::min();
    } else {
        days = days_since_1970 - kPgEpochDays;
    }
    AppendBigEndian(out, days);
}

void AppendTimestampBinary(std::string &out, int64_t micros_since_1970) {
    constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max();
    int64_t micros;
    if (micros_since_1970 == kInfinity) {
        micros = kInfinity;
    } else if (__builtin_sub_overflow(micros_since_1970, kPgEpochMicros, &micros) || micros <= -kInfinity) {
        micros = std::numeric_limits<int64_t>::min(); // DuckDB's -infinity (-INT64_MAX) lands here too
    }
    AppendBigEndian(out, micros);
}

void AppendTimeTzBinary(std::string &out, int64_t micros, int32_t offset_seconds_east) {
    AppendBigEndian(out, micros);
    AppendBigEndian(out, -offset_seconds_east);
}

void AppendIntervalBinary(std::string &out, duckdb_interval v) {
    AppendBigEndian(out, v.micros);
    AppendBigEndian(out, v.days);
    AppendBigEndian(out, v.months);
}

void AppendUuidBinary(std::string &out, duckdb_hugeint storage) {
    AppendBigEndian(out, static_cast<uint64_t>(storage.upper) ^ (uint64_t(1) << 63));
    AppendBigEndian(out, storage.lower);
}

void AppendVarbitBinary(std::string &out, std::string_view storage) {
    if (storage.empty()) {
        AppendBigEndian<int32_t>(out, 0);
        return;
    }
    const size_t padding = static_cast<uint8_t>(storage[0]);
    const size_t bit_count = (storage.size() - 1) * 8 - padding;
    AppendBigEndian(out, static_cast<int32_t>(bit_count));
    const size_t start = out.size();
    out.append((bit_count + 7) / 8, '\0');
    for (size_t bit = 0; bit < bit_count; bit++) {
        const size_t source = bit + padding;
        if ((static_cast<uint8_t>(storage[1 + source / 8]) >> (7 - source % 8)) & 1) {
            out[start + bit / 8] = static_cast<char>(static_cast<uint8_t>(out[start + bit / 8]) | (0x80 >> (bit % 8)));
        }
    }
}

bool SupportsBinary(const PgType &type) {
    return HasBinarySend(type.oid);
}

int32_t ReadDateBinary(BinaryReader &reader) {
    const auto days = reader.Read<int32_t>();
    if (days == std::numeric_limits<int32_t>::max()) {
        return days;
    }
    if (days == std::numeric_limits<int32_t>::min()) {
        return -std::numeric_limits<int32_t>::max();
    }
    const int64_t since_1970 = int64_t(days) + kPgEpochDays;
    if (since_1970 < kMinDays || since_1970 >= kDateEndDays) {
        throw SqlError("22008", "date out of range");
    }
    return static_cast<int32_t>(since_1970);
}

int64_t ReadTimestampBinary(BinaryReader &reader) {
    const auto micros = reader.Read<int64_t>();
    if (micros == std::numeric_limits<int64_t>::max()) {
        return micros;
    }
    if (micros == std::numeric_limits<int64_t>::min()) {
        return -std::numeric_limits<int64_t>::max();
    }
    int64_t since_1970;
    if (micros < kPgMinTimestamp || micros >= kPgEndTimestamp ||
        __builtin_add_overflow(micros, kPgEpochMicros, &since_1970) ||
        since_1970 == std::numeric_limits<int64_t>::max()) {
        throw SqlError("22008", "timestamp out of range");
    }
    return since_1970;
}

int64_t ReadTimeBinary(BinaryReader &reader) {
    const auto micros = reader.Read<int64_t>();
    if (micros < 0 || micros > kMicrosPerDay) {
        throw SqlError("22008", "time out of range");
    }
    return micros;
}

NumericValue ReadNumericBinary(BinaryReader &reader) {
    const auto ndigits = reader.Read<uint16_t>();
    const auto weight = reader.Read<int16_t>();
    const auto sign = reader.Read<uint16_t>();
    const auto dscale = reader.Read<uint16_t>();
    NumericValue value;
    if (sign != 0x0000 && sign != 0x4000 && sign != 0xC000 && sign != 0xD000 && sign != 0xF000) {
        throw SqlError("22P03", "invalid sign in external \"numeric\" value");
    }
    if ((dscale & 0x3FFF) != dscale) {
        throw SqlError("22P03", "invalid scale in external \"numeric\" value");
    }
    std::string digits;
    for (uint16_t i = 0; i < ndigits; i++) {
        const auto digit = reader.Read<int16_t>();
        if (digit < 0 || digit >= 10000) {
            throw SqlError("22P03", "invalid digit in external \"numeric\" value");
        }
        const char group[4] = {static_cast<char>('0' + digit / 1000), static_cast<char>('0' + digit / 100 % 10),
                               static_cast<char>('0' + digit / 10 % 10), static_cast<char>('0' + digit % 10)};
        digits.append(group, 4);
    }
    if (sign == 0xC000) {
        value.kind = NumericValue::Kind::kNaN;
        return value;
    }
    if (sign == 0xD000 || sign == 0xF000) {
        value.kind = sign == 0xD000 ? NumericValue::Kind::kPositiveInfinity : NumericValue::Kind::kNegativeInfinity;
        return value;
    }
    // value = digits * 10^(4 * (weight - ndigits + 1)); scaled by 10^dscale.
    const int64_t shift = 4 * (int64_t(weight) - ndigits + 1) + dscale;
    if (shift >= 0) {
        digits.append(static_cast<size_t>(shift), '0');
    } else {
        digits.resize(digits.size() > static_cast<size_t>(-shift) ? digits.size() - static_cast<size_t>(-shift) : 0);
    }
    const size_t first = digits.find_first_not_of('0');
    value.digits = first == std::string::npos ? "" : digits.substr(first);
    value.negative = sign == 0x4000 && !value.digits.empty();
    value.scale = dscale;
    return value;
}

duckdb_interval ReadIntervalBinary(BinaryReader &reader) {
    duckdb_interval interval;
    interval.micros = reader.Read<int64_t>();
    interval.days = reader.Read<int32_t>();
    interval.months = reader.Read<int32_t>();
    return interval;
}

uint8_t BinaryReader::ReadByte() {
    if (Remaining() == 0) {
        throw SqlError("08P01", "no data left in message");
    }
    return Read<uint8_t>();
}

void BinaryReader::Need(size_t n) const {
    if (data_.size() - pos_ < n) {
        throw SqlError("08P01", "insufficient data left in message");
    }
}

} // namespace duckgres::types
