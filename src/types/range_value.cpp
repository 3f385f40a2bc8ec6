// Range values: construction and canonical form, storage bytes, text and binary forms, and the range operators.
#include "types/range_value.hpp"

#include "common/sql_error.hpp"
#include "types/binary_format.hpp"
#include "types/datetime_input.hpp"
#include "types/decimal_input.hpp"
#include "types/pg_type.hpp"
#include "types/range_text.hpp"
#include "types/text_input.hpp"

#include <limits>

namespace duckgres::types {

namespace {

struct KindInfo {
    RangeKind kind;
    const char *name;
    uint32_t oid;
    uint32_t array_oid;
};

constexpr KindInfo kKindInfo[] = {
    {RangeKind::kInt4, "int4range", 3904, 3905},    {RangeKind::kInt8, "int8range", 3926, 3927},
    {RangeKind::kNumeric, "numrange", 3906, 3907},  {RangeKind::kDate, "daterange", 3912, 3913},
    {RangeKind::kTimestamp, "tsrange", 3908, 3909}, {RangeKind::kTimestampTz, "tstzrange", 3910, 3911},
};

const KindInfo &Info(RangeKind kind) {
    return kKindInfo[static_cast<size_t>(kind)];
}

// range_send's flags.
constexpr uint8_t kFlagEmpty = 0x01;
constexpr uint8_t kFlagLowerInclusive = 0x02;
constexpr uint8_t kFlagUpperInclusive = 0x04;
constexpr uint8_t kFlagLowerInfinite = 0x08;
constexpr uint8_t kFlagUpperInfinite = 0x10;

//! Bytes of a stored bound value: numrange's 128-bit, the others 64-bit.
size_t ValueWidth(RangeKind kind) {
    return kind == RangeKind::kNumeric ? 16 : 8;
}

void AppendOrderedValue(std::string &out, Int128 value, size_t width) {
    // Big-endian with the sign bit flipped: byte order is numeric order.
    UInt128 bits = static_cast<UInt128>(value);
    bits ^= static_cast<UInt128>(1) << (width * 8 - 1);
    for (size_t i = width; i-- > 0;) {
        out += static_cast<char>(static_cast<uint8_t>(bits >> (i * 8)));
    }
}

Int128 ReadOrderedValue(std::string_view bytes, size_t &at, size_t width) {
    UInt128 bits = 0;
    for (size_t i = 0; i < width; i++) {
        bits = (bits << 8) | static_cast<uint8_t>(bytes[at++]);
    }
    bits ^= static_cast<UInt128>(1) << (width * 8 - 1);
    if (width == 8) {
        return static_cast<int64_t>(static_cast<uint64_t>(bits));
    }
    return static_cast<Int128>(bits);
}

Int128 PowerOfTen(int exponent) {
    Int128 result = 1;
    for (int i = 0; i < exponent; i++) {
        result *= 10;
    }
    return result;
}

//! The discrete types' step: the next value, unless the value is an infinity (dates) or overflows (22003).
Int128 NextValue(RangeKind kind, Int128 value) {
    if (kind == RangeKind::kInt4) {
        if (value == std::numeric_limits<int32_t>::max()) {
            throw SqlError("22003", "integer out of range");
        }
    } else if (kind == RangeKind::kInt8) {
        if (value == std::numeric_limits<int64_t>::max()) {
            throw SqlError("22003", "bigint out of range");
        }
    } else if (value == std::numeric_limits<int32_t>::max() || value == -std::numeric_limits<int32_t>::max()) {
        return value; // date infinities stay as they are
    }
    return value + 1;
}

//! Whether `value` of a date range is infinity or -infinity.
bool IsInfiniteDate(RangeKind kind, Int128 value) {
    return kind == RangeKind::kDate &&
           (value == std::numeric_limits<int32_t>::max() || value == -std::numeric_limits<int32_t>::max());
}

} // namespace

const char *RangeTypeName(RangeKind kind) {
    return Info(kind).name;
}

std::optional<RangeKind> RangeKindFromName(std::string_view name) {
    for (const auto &info : kKindInfo) {
        if (name == info.name) {
            return info.kind;
        }
    }
    return std::nullopt;
}

uint32_t RangeOid(RangeKind kind) {
    return Info(kind).oid;
}

uint32_t RangeArrayOid(RangeKind kind) {
    return Info(kind).array_oid;
}

std::optional<RangeKind> RangeKindFromOid(uint32_t type_oid) {
    for (const auto &info : kKindInfo) {
        if (type_oid == info.oid) {
            return info.kind;
        }
    }
    return std::nullopt;
}

bool IsDiscreteRange(RangeKind kind) {
    return kind == RangeKind::kInt4 || kind == RangeKind::kInt8 || kind == RangeKind::kDate;
}

Range MakeRange(RangeKind kind, RangeBound lower, RangeBound upper) {
    if (lower.infinite) {
        lower.inclusive = false;
        lower.value = 0;
        lower.scale = 0;
    }
    if (upper.infinite) {
        upper.inclusive = false;
        upper.value = 0;
        upper.scale = 0;
    }
    if (!lower.infinite && !upper.infinite) {
        if (lower.value > upper.value) {
            throw SqlError("22000", "range lower bound must be less than or equal to range upper bound");
        }
        if (lower.value == upper.value && !(lower.inclusive && upper.inclusive)) {
            return EmptyRange();
        }
    }
    if (IsDiscreteRange(kind)) {
        if (!lower.infinite && !lower.inclusive && !IsInfiniteDate(kind, lower.value)) {
            lower.value = NextValue(kind, lower.value);
            lower.inclusive = true;
        }
        if (!upper.infinite && upper.inclusive && !IsInfiniteDate(kind, upper.value)) {
            upper.value = NextValue(kind, upper.value);
            upper.inclusive = false;
        }
        if (!lower.infinite && !upper.infinite && lower.value >= upper.value &&
            !(lower.value == upper.value && lower.inclusive && upper.inclusive)) {
            return EmptyRange();
        }
    }
    Range range;
    range.lower = lower;
    range.upper = upper;
    return range;
}

std::string EncodeRange(RangeKind kind, const Range &range) {
    // Empty first (one byte 0); otherwise 1, then the lower bound (-infinity 0 before finite 1, the value, inclusive
    // 0 before exclusive 1), then the upper bound (finite 0 before +infinity 1, the value, exclusive 0 before
    // inclusive 1); numrange appends the display scales, which the order does not use.
    if (range.empty) {
        return std::string(1, '\0');
    }
    const size_t width = ValueWidth(kind);
    std::string out;
    out += '\x01';
    out += range.lower.infinite ? '\0' : '\x01';
    AppendOrderedValue(out, range.lower.infinite ? 0 : range.lower.value, width);
    out += range.lower.infinite || range.lower.inclusive ? '\0' : '\x01';
    out += range.upper.infinite ? '\x01' : '\0';
    AppendOrderedValue(out, range.upper.infinite ? 0 : range.upper.value, width);
    out += !range.upper.infinite && range.upper.inclusive ? '\x01' : '\0';
    if (kind == RangeKind::kNumeric) {
        out += static_cast<char>(range.lower.infinite ? 0 : range.lower.scale);
        out += static_cast<char>(range.upper.infinite ? 0 : range.upper.scale);
    }
    return out;
}

Range DecodeRange(RangeKind kind, std::string_view bytes) {
    const size_t width = ValueWidth(kind);
    const size_t size = 5 + 2 * width + (kind == RangeKind::kNumeric ? 2 : 0);
    if (bytes.empty() || bytes[0] == '\0') {
        return EmptyRange();
    }
    if (bytes.size() != size) {
        throw SqlError("XX000", std::string("invalid stored value of type ") + RangeTypeName(kind));
    }
    Range range;
    size_t at = 1;
    range.lower.infinite = bytes[at++] == '\0';
    range.lower.value = ReadOrderedValue(bytes, at, width);
    range.lower.inclusive = !range.lower.infinite && bytes[at++] == '\0';
    if (range.lower.infinite) {
        at++;
    }
    range.upper.infinite = bytes[at++] == '\x01';
    range.upper.value = ReadOrderedValue(bytes, at, width);
    range.upper.inclusive = bytes[at++] == '\x01';
    if (kind == RangeKind::kNumeric) {
        range.lower.scale = static_cast<uint8_t>(bytes[at++]);
        range.upper.scale = static_cast<uint8_t>(bytes[at++]);
    }
    return range;
}

RangeBound ParseRangeBound(RangeKind kind, std::string_view text, const TextFormatOptions &options) {
    RangeBound bound;
    bound.infinite = false;
    switch (kind) {
    case RangeKind::kInt4:
        bound.value = ParseInt4Text(text);
        break;
    case RangeKind::kInt8:
        bound.value = ParseInt8Text(text);
        break;
    case RangeKind::kNumeric: {
        const NumericValue numeric = ParseNumericText(text);
        if (numeric.kind == NumericValue::Kind::kNaN) {
            throw SqlError("22000", "range bound cannot be NaN");
        }
        bound.value = NumericToDecimal(numeric, 38, kRangeNumericScale);
        bound.scale = static_cast<uint8_t>(std::min<int32_t>(numeric.scale, kRangeNumericScale));
        break;
    }
    case RangeKind::kDate:
        bound.value = ParseDateText(text, options);
        break;
    case RangeKind::kTimestamp:
        bound.value = ParseTimestampText(text, options);
        break;
    case RangeKind::kTimestampTz:
        bound.value = ParseTimestampTzText(text, options);
        break;
    }
    return bound;
}

std::string FormatRangeBound(RangeKind kind, const RangeBound &bound, const TextFormatOptions &options) {
    std::string out;
    switch (kind) {
    case RangeKind::kInt4:
    case RangeKind::kInt8:
        AppendInt64(out, static_cast<int64_t>(bound.value));
        break;
    case RangeKind::kNumeric:
        AppendDecimal(out, FromInt128(bound.value / PowerOfTen(kRangeNumericScale - bound.scale)), bound.scale);
        break;
    case RangeKind::kDate:
        AppendDate(out, static_cast<int32_t>(bound.value), options.date_style);
        break;
    case RangeKind::kTimestamp:
        AppendTimestamp(out, static_cast<int64_t>(bound.value), options.date_style);
        break;
    case RangeKind::kTimestampTz:
        AppendTimestampTz(out, static_cast<int64_t>(bound.value), options.time_zone, options.date_style);
        break;
    }
    return out;
}

Range ParseRange(RangeKind kind, std::string_view text, const TextFormatOptions &options) {
    const RangeText parts = ParseRangeText(text);
    if (parts.empty) {
        return EmptyRange();
    }
    RangeBound lower;
    RangeBound upper;
    if (parts.lower) {
        lower = ParseRangeBound(kind, *parts.lower, options);
        lower.inclusive = parts.lower_inclusive;
    }
    if (parts.upper) {
        upper = ParseRangeBound(kind, *parts.upper, options);
        upper.inclusive = parts.upper_inclusive;
    }
    return MakeRange(kind, lower, upper);
}

std::string FormatRange(RangeKind kind, const Range &range, const TextFormatOptions &options) {
    RangeText parts;
    parts.empty = range.empty;
    if (!range.empty) {
        if (!range.lower.infinite) {
            parts.lower = FormatRangeBound(kind, range.lower, options);
        }
        if (!range.upper.infinite) {
            parts.upper = FormatRangeBound(kind, range.upper, options);
        }
        parts.lower_inclusive = range.lower.inclusive;
        parts.upper_inclusive = range.upper.inclusive;
    }
    return FormatRangeText(parts);
}

void AppendRangeBinary(std::string &out, RangeKind kind, const Range &range) {
    uint8_t flags = 0;
    if (range.empty) {
        out += static_cast<char>(kFlagEmpty);
        return;
    }
    flags |= range.lower.inclusive ? kFlagLowerInclusive : 0;
    flags |= range.upper.inclusive ? kFlagUpperInclusive : 0;
    flags |= range.lower.infinite ? kFlagLowerInfinite : 0;
    flags |= range.upper.infinite ? kFlagUpperInfinite : 0;
    out += static_cast<char>(flags);
    for (const RangeBound *bound : {&range.lower, &range.upper}) {
        if (bound->infinite) {
            continue;
        }
        const size_t at = BeginLength(out);
        switch (kind) {
        case RangeKind::kInt4:
            AppendBigEndian(out, static_cast<int32_t>(bound->value));
            break;
        case RangeKind::kInt8:
            AppendBigEndian(out, static_cast<int64_t>(bound->value));
            break;
        case RangeKind::kNumeric:
            AppendDecimalBinary(out, FromInt128(bound->value / PowerOfTen(kRangeNumericScale - bound->scale)),
                                bound->scale);
            break;
        case RangeKind::kDate:
            AppendDateBinary(out, static_cast<int32_t>(bound->value));
            break;
        case RangeKind::kTimestamp:
        case RangeKind::kTimestampTz:
            AppendTimestampBinary(out, static_cast<int64_t>(bound->value));
            break;
        }
        EndLength(out, at);
    }
}

std::string RangeBinaryToText(RangeKind kind, std::string_view bytes) {
    BinaryReader reader(bytes);
    const uint8_t flags = reader.ReadByte();
    RangeText parts;
    parts.empty = (flags & kFlagEmpty) != 0;
    if (!parts.empty) {
        parts.lower_inclusive = (flags & kFlagLowerInclusive) != 0;
        parts.upper_inclusive = (flags & kFlagUpperInclusive) != 0;
        for (bool lower : {true, false}) {
            if (flags & (lower ? kFlagLowerInfinite : kFlagUpperInfinite)) {
                continue;
            }
            const auto length = reader.Read<int32_t>();
            if (length < 0) {
                throw SqlError("22P03", "incorrect binary data format in range bound");
            }
            BinaryReader element(reader.ReadBytes(static_cast<size_t>(length)));
            std::string text;
            switch (kind) {
            case RangeKind::kInt4:
                AppendInt64(text, element.Read<int32_t>());
                break;
            case RangeKind::kInt8:
                AppendInt64(text, element.Read<int64_t>());
                break;
            case RangeKind::kNumeric:
                text = NumericToText(ReadNumericBinary(element));
                break;
            case RangeKind::kDate:
                AppendDate(text, ReadDateBinary(element));
                break;
            case RangeKind::kTimestamp:
                AppendTimestamp(text, ReadTimestampBinary(element));
                break;
            case RangeKind::kTimestampTz:
                AppendTimestampTz(text, ReadTimestampBinary(element), nullptr);
                break;
            }
            if (element.Remaining() != 0) {
                throw SqlError("22P03", "incorrect binary data format in range bound");
            }
            (lower ? parts.lower : parts.upper) = text;
        }
    }
    if (reader.Remaining() != 0) {
        throw SqlError("22P03", "incorrect binary data format in range");
    }
    return FormatRangeText(parts);
}

int CompareRangeBounds(const RangeBound &a, bool a_lower, const RangeBound &b, bool b_lower) {
    if (a.infinite && b.infinite) {
        return a_lower == b_lower ? 0 : (a_lower ? -1 : 1);
    }
    if (a.infinite) {
        return a_lower ? -1 : 1;
    }
    if (b.infinite) {
        return b_lower ? 1 : -1;
    }
    if (a.value != b.value) {
        return a.value < b.value ? -1 : 1;
    }
    if (!a.inclusive && !b.inclusive) {
        return a_lower == b_lower ? 0 : (a_lower ? 1 : -1);
    }
    if (!a.inclusive) {
        return a_lower ? 1 : -1;
    }
    if (!b.inclusive) {
        return b_lower ? -1 : 1;
    }
    return 0;
}

bool RangeContains(const Range &a, const Range &b) {
    if (b.empty) {
        return true;
    }
    if (a.empty) {
        return false;
    }
    return CompareRangeBounds(a.lower, true, b.lower, true) <= 0 &&
           CompareRangeBounds(a.upper, false, b.upper, false) >= 0;
}

bool RangeContainsElement(const Range &a, Int128 element) {
    if (a.empty) {
        return false;
    }
    if (!a.lower.infinite && (a.lower.value > element || (a.lower.value == element && !a.lower.inclusive))) {
        return false;
    }
    if (!a.upper.infinite && (a.upper.value < element || (a.upper.value == element && !a.upper.inclusive))) {
        return false;
    }
    return true;
}

bool RangeOverlaps(const Range &a, const Range &b) {
    if (a.empty || b.empty) {
        return false;
    }
    if (CompareRangeBounds(a.lower, true, b.lower, true) >= 0 &&
        CompareRangeBounds(a.lower, true, b.upper, false) <= 0) {
        return true;
    }
    return CompareRangeBounds(b.lower, true, a.lower, true) >= 0 &&
           CompareRangeBounds(b.lower, true, a.upper, false) <= 0;
}

bool RangeBefore(const Range &a, const Range &b) {
    return !a.empty && !b.empty && CompareRangeBounds(a.upper, false, b.lower, true) < 0;
}

bool RangeAfter(const Range &a, const Range &b) {
    return !a.empty && !b.empty && CompareRangeBounds(a.lower, true, b.upper, false) > 0;
}

bool RangeOverLeft(const Range &a, const Range &b) {
    return !a.empty && !b.empty && CompareRangeBounds(a.upper, false, b.upper, false) <= 0;
}

bool RangeOverRight(const Range &a, const Range &b) {
    return !a.empty && !b.empty && CompareRangeBounds(a.lower, true, b.lower, true) >= 0;
}

namespace {

//! Whether an upper bound and a lower bound touch with nothing between them (discrete ranges are canonical [), so
//! equal values with one side inclusive is the only case).
bool BoundsAdjacent(const RangeBound &upper, const RangeBound &lower) {
    return !upper.infinite && !lower.infinite && upper.value == lower.value && upper.inclusive != lower.inclusive;
}

const RangeBound &MinBound(const RangeBound &a, const RangeBound &b, bool lower) {
    return CompareRangeBounds(a, lower, b, lower) <= 0 ? a : b;
}

const RangeBound &MaxBound(const RangeBound &a, const RangeBound &b, bool lower) {
    return CompareRangeBounds(a, lower, b, lower) >= 0 ? a : b;
}

} // namespace

bool RangeAdjacent(const Range &a, const Range &b) {
    if (a.empty || b.empty) {
        return false;
    }
    return BoundsAdjacent(a.upper, b.lower) || BoundsAdjacent(b.upper, a.lower);
}

Range RangeMerge(RangeKind kind, const Range &a, const Range &b) {
    if (a.empty) {
        return b;
    }
    if (b.empty) {
        return a;
    }
    return MakeRange(kind, MinBound(a.lower, b.lower, true), MaxBound(a.upper, b.upper, false));
}

Range RangeUnion(RangeKind kind, const Range &a, const Range &b) {
    if (!a.empty && !b.empty && !RangeOverlaps(a, b) && !RangeAdjacent(a, b)) {
        throw SqlError("22000", "result of range union would not be contiguous");
    }
    return RangeMerge(kind, a, b);
}

Range RangeIntersection(RangeKind kind, const Range &a, const Range &b) {
    if (a.empty || b.empty || !RangeOverlaps(a, b)) {
        return EmptyRange();
    }
    return MakeRange(kind, MaxBound(a.lower, b.lower, true), MinBound(a.upper, b.upper, false));
}

Range RangeDifference(RangeKind kind, const Range &a, const Range &b) {
    if (a.empty || b.empty) {
        return a;
    }
    const int lower_lower = CompareRangeBounds(a.lower, true, b.lower, true);
    const int lower_upper = CompareRangeBounds(a.lower, true, b.upper, false);
    const int upper_lower = CompareRangeBounds(a.upper, false, b.lower, true);
    const int upper_upper = CompareRangeBounds(a.upper, false, b.upper, false);
    if (lower_lower < 0 && upper_upper > 0) {
        throw SqlError("22000", "result of range difference would not be contiguous");
    }
    if (lower_upper > 0 || upper_lower < 0) {
        return a;
    }
    if (lower_lower >= 0 && upper_upper <= 0) {
        return EmptyRange();
    }
    if (lower_lower <= 0 && upper_lower >= 0 && upper_upper <= 0) {
        RangeBound upper = b.lower;
        upper.inclusive = !upper.inclusive;
        return MakeRange(kind, a.lower, upper);
    }
    if (lower_lower >= 0 && upper_upper >= 0 && lower_upper <= 0) {
        RangeBound lower = b.upper;
        lower.inclusive = !lower.inclusive;
        return MakeRange(kind, lower, a.upper);
    }
    throw SqlError("XX000", "unexpected case in range difference");
}

} // namespace duckgres::types
