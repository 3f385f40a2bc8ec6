// ASCII case folding for SQL identifiers, parameter and option names (locale-independent).
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

} // namespace duckgres
