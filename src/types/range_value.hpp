// PostgreSQL's range types over DuckDB: the six built-in kinds, their values, order-preserving storage, operators.
#pragma once

#include "types/int128.hpp"
#include "types/text_format.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

enum class RangeKind : uint8_t { kInt4, kInt8, kNumeric, kDate, kTimestamp, kTimestampTz };

inline constexpr RangeKind kRangeKinds[] = {RangeKind::kInt4, RangeKind::kInt8,      RangeKind::kNumeric,
                                            RangeKind::kDate, RangeKind::kTimestamp, RangeKind::kTimestampTz};

//! numrange's bounds are stored with this many fraction digits (DECIMAL(38,16)); each keeps its display scale.
inline constexpr uint8_t kRangeNumericScale = 16;

const char *RangeTypeName(RangeKind kind); //!< "int4range", ...
std::optional<RangeKind> RangeKindFromName(std::string_view name);
uint32_t RangeOid(RangeKind kind);      //!< 3904, 3926, 3906, 3912, 3908, 3910
uint32_t RangeArrayOid(RangeKind kind); //!< 3905, 3927, 3907, 3913, 3909, 3911
std::optional<RangeKind> RangeKindFromOid(uint32_t type_oid);
//! int4range, int8range and daterange: canonical form [).
bool IsDiscreteRange(RangeKind kind);

//! One bound: a value (the element's DuckDB storage as an integer; numrange's scaled by 10^16) unless infinite.
struct RangeBound {
    bool infinite = true;
    bool inclusive = false;
    Int128 value = 0;
    uint8_t scale = 0; //!< numrange: the display scale of the value as typed
};

struct Range {
    bool empty = false;
    RangeBound lower;
    RangeBound upper;
};

//! range_serialize and the discrete types' canonical function: 22000 when lower > upper, empty when the bounds meet
//! without both being inclusive, discrete bounds turned to [).
Range MakeRange(RangeKind kind, RangeBound lower, RangeBound upper);
inline Range EmptyRange() {
    Range range;
    range.empty = true;
    return range;
}

//! The storage bytes (a BLOB whose byte order is PostgreSQL's range order) and back.
std::string EncodeRange(RangeKind kind, const Range &range);
Range DecodeRange(RangeKind kind, std::string_view bytes);

//! Text input and output, bounds read and written as the element type is with `options` (DateStyle, TimeZone).
Range ParseRange(RangeKind kind, std::string_view text, const TextFormatOptions &options);
std::string FormatRange(RangeKind kind, const Range &range, const TextFormatOptions &options);
//! A bound's value from its text, and the text of a value (numrange at its display scale).
RangeBound ParseRangeBound(RangeKind kind, std::string_view text, const TextFormatOptions &options);
std::string FormatRangeBound(RangeKind kind, const RangeBound &bound, const TextFormatOptions &options);
//! range_send: the flags byte, then each finite bound as int32 length and the element's binary form.
void AppendRangeBinary(std::string &out, RangeKind kind, const Range &range);

//! range_recv: the binary form read back, as a range literal in ISO form (timestamptz bounds in UTC) that reads
//! as the same range in any session. Throws SqlError 22P03 for a malformed value.
std::string RangeBinaryToText(RangeKind kind, std::string_view bytes);

//! range_cmp_bounds: the order of two bounds (each a lower or an upper bound).
int CompareRangeBounds(const RangeBound &a, bool a_lower, const RangeBound &b, bool b_lower);

// The operators of chapter 9.20.
bool RangeContains(const Range &a, const Range &b);                      // @>
bool RangeContainsElement(const Range &a, Int128 element);               // @> element
bool RangeOverlaps(const Range &a, const Range &b);                      // &&
bool RangeBefore(const Range &a, const Range &b);                        // <<
bool RangeAfter(const Range &a, const Range &b);                         // >>
bool RangeOverLeft(const Range &a, const Range &b);                      // &<
bool RangeOverRight(const Range &a, const Range &b);                     // &>
bool RangeAdjacent(const Range &a, const Range &b);                      // -|-
Range RangeUnion(RangeKind kind, const Range &a, const Range &b);        // + (22000 when not contiguous)
Range RangeMerge(RangeKind kind, const Range &a, const Range &b);        // range_merge
Range RangeIntersection(RangeKind kind, const Range &a, const Range &b); // *
Range RangeDifference(RangeKind kind, const Range &a, const Range &b);   // - (22000 when not contiguous)

} // namespace duckgres::types
