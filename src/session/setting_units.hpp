// Time-valued PostgreSQL parameters (statement_timeout...): parsing with units and display as SHOW prints it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::session {

//! Parses a time parameter whose base unit is milliseconds, as PostgreSQL does: a number (decimals
//! allowed, rounded to whole milliseconds) with an optional unit "us", "ms", "s", "min", "h" or "d"
//! (case-sensitive; a bare number is milliseconds), within 0 .. 2147483647 ms. On failure returns
//! nullopt and sets `error` and `hint` to PostgreSQL's messages for parameter `name`.
std::optional<int64_t> ParseMilliseconds(std::string_view name, std::string_view text, std::string &error,
                                         std::string &hint);

//! The value as SHOW displays it: "0", or in the largest unit that divides it ("1500ms", "5s", "2min").
std::string FormatMilliseconds(int64_t milliseconds);

} // namespace duckgres::session
