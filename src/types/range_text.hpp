// PostgreSQL's range literal syntax: splitting '[a,b)' into its bound texts and writing bound texts back as one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

//! A range literal taken apart: `empty`, or two bounds whose text is nullopt when the bound is omitted (infinite).
struct RangeText {
    bool empty = false;
    std::optional<std::string> lower;
    std::optional<std::string> upper;
    bool lower_inclusive = false;
    bool upper_inclusive = false;
};

//! range_in's syntax: 'empty' (any case), or `[` or `(`, the lower bound, `,`, the upper bound, `]` or `)`, with
//! whitespace around; a bound is omitted, or characters up to the next unquoted `,` `)` `]` with double quotes
//! (`""` inside them is one quote) and backslash escapes. An omitted bound is never inclusive. Throws SqlError 22P02
//! `malformed range literal: "<text>"` with PostgreSQL's detail.
RangeText ParseRangeText(std::string_view text);

//! range_out's form: "empty", or the brackets around the bounds, each quoted when it is empty or holds one of
//! `"\,()[]` or whitespace (with `"` and `\` doubled).
std::string FormatRangeText(const RangeText &range);

} // namespace duckgres::types
