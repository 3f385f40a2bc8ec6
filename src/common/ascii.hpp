// ASCII case folding and white space for SQL identifiers, parameter values and option names (locale-independent).
#pragma once

#include <string>
#include <string_view>

namespace duckgres {

//! `text` with A-Z folded to a-z; other bytes (including UTF-8) unchanged.
inline std::string AsciiLower(std::string_view text) {
    std::string out(text);
    for (auto &c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

//! PostgreSQL's white space for input values: space, \t, \n, \r, \v, \f.
inline bool IsAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

//! `text` without leading and trailing white space.
inline std::string_view TrimAsciiSpace(std::string_view text) {
    while (!text.empty() && IsAsciiSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && IsAsciiSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace duckgres
