// Numeric PostgreSQL parameters (work_mem, statement_timeout, random_page_cost...): parsing with units and
// ranges, and display as SHOW prints them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::session {

//! What PostgreSQL knows of a numeric parameter: integer or real, its base unit ("" for none; memory "B", "kB",
//! "8kB", "MB"; time "us", "ms", "s", "min") and its range in that unit.
struct NumericSetting {
    std::string_view name;
    bool integer = true;
    std::string_view unit;
    double min_value = 0;
    double max_value = 0;
};

//! Parses a value as PostgreSQL does: an integer (decimal, 0x hexadecimal or 0 octal; a fraction is rounded)
//! or a real, with an optional unit of the parameter's kind after optional blanks (memory "B", "kB", "MB", "GB",
//! "TB"; time "us", "ms", "s", "min", "h", "d"; case-sensitive), converted to the base unit and checked against
//! the range. On failure returns nullopt and sets `error` and `hint` to PostgreSQL's messages.
std::optional<double> ParseNumericSetting(const NumericSetting &setting, std::string_view text, std::string &error,
                                          std::string &hint);

//! The value (in the base unit) as SHOW prints it: in the largest unit that divides it ("4MB", "1min", "1500us"),
//! without a unit when it is zero or negative; reals as printf's %g.
std::string FormatNumericSetting(const NumericSetting &setting, double value);

//! PostgreSQL's Boolean spellings: on, off, true, false, yes, no, 1, 0 and unique prefixes of the words
//! (case-insensitive, "o" being ambiguous, no blanks). nullopt when `text` is none of them.
std::optional<bool> ParseBoolSetting(std::string_view text);

//! An enum parameter's value: one of `values` (comma-separated, as SHOW prints them) matched without regard to
//! case; where the values include on and off, the other Boolean spellings too. nullopt when none matches.
std::optional<std::string> MatchEnumSetting(std::string_view values, std::string_view text);

//! A time parameter whose base unit is milliseconds (statement_timeout...), within 0 .. 2147483647.
std::optional<int64_t> ParseMilliseconds(std::string_view name, std::string_view text, std::string &error,
                                         std::string &hint);

//! The value as SHOW displays it: "0", or in the largest unit that divides it ("1500ms", "5s", "2min").
std::string FormatMilliseconds(int64_t milliseconds);

} // namespace duckgres::session
