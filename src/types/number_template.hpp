// PostgreSQL's number template patterns (to_char(numeric, text), to_number(text, text)).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

//! to_char of a number: `number` is its exact decimal text ("-1234.50", as numeric and integers print) or, with
//! `is_float`, a floating-point value's text (rounded as printf does, as PostgreSQL does for float4/float8).
//! Patterns: 9 0 . , D G (C locale: '.' and ','), S MI PL SG PR L, FM, TH th, V, "quoted text"; other characters
//! are copied. Digits that do not fit print as '#'.
std::string NumberToChar(std::string_view number, bool is_float, std::string_view format);

//! to_number: the number `text` shows, read by `format` (its digits, decimal point, sign, group separators and
//! other characters skipped), as decimal text with as many fraction digits as the format has 9 and 0 positions
//! after its decimal point; nullopt when
//! it holds no digit.
std::optional<std::string> NumberFromText(std::string_view text, std::string_view format);

} // namespace duckgres::types
