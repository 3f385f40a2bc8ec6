// Locale-independent ASCII character classes, case folding and trimming for parsers of PostgreSQL input.
#pragma once

#include <string>
#include <string_view>

namespace duckgres {

//! PostgreSQL's white space for input values (C's isspace in the C locale): space, \t, \n, \r, \v, \f. The
//! pg_hba.conf tokenizer's blanks and bytea's hex white space are narrower sets, kept where they are used.
constexpr bool IsAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

//! 0-9.
constexpr bool IsAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

//! 0-7.
constexpr bool IsAsciiOctalDigit(char c) {
    return c >= '0' && c <= '7';
}

//! A-Z and a-z.
constexpr bool IsAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

//! A-Z, a-z and 0-9.
constexpr bool IsAsciiAlnum(char c) {
    return IsAsciiAlpha(c) || IsAsciiDigit(c);
}

//! The printable ASCII characters that are neither letters, digits nor space (C's ispunct in the C locale).
constexpr bool IsAsciiPunct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

//! The value of a hex digit (0-9, a-f, A-F), or -1 for any other character.
constexpr int AsciiHexValue(char c) {
    if (IsAsciiDigit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

//! `c` with A-Z folded to a-z; any other byte unchanged.
constexpr char AsciiToLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

//! `c` with a-z folded to A-Z; any other byte unchanged.
constexpr char AsciiToUpper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

//! `text` with A-Z folded to a-z; other bytes (including UTF-8) unchanged.
inline std::string AsciiLower(std::string_view text) {
    std::string out(text);
    for (auto &c : out) {
        c = AsciiToLower(c);
    }
    return out;
}

//! `text` with A-Z folded to a-z, as a view that copies only when `text` has an upper-case letter (for map
//! lookups on hot paths). The view may point into `text`, which must outlive it.
class AsciiLowerView {
public:
    explicit AsciiLowerView(std::string_view text) : view_(text) {
        for (char c : text) {
            if (c >= 'A' && c <= 'Z') {
                folded_ = AsciiLower(text);
                view_ = folded_;
                break;
            }
        }
    }
    AsciiLowerView(const AsciiLowerView &) = delete;
    AsciiLowerView &operator=(const AsciiLowerView &) = delete;
    std::string_view View() const { return view_; }

private:
    std::string folded_;
    std::string_view view_;
};

//! `text` with a-z folded to A-Z; other bytes (including UTF-8) unchanged.
inline std::string AsciiUpper(std::string_view text) {
    std::string out(text);
    for (auto &c : out) {
        c = AsciiToUpper(c);
    }
    return out;
}

//! Whether `a` and `b` are equal when A-Z and a-z are taken as the same; other bytes must match exactly.
constexpr bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); i++) {
        if (AsciiToLower(a[i]) != AsciiToLower(b[i])) {
            return false;
        }
    }
    return true;
}

//! Whether `text` contains `lower_needle` (lower case) with A-Z and a-z taken as the same; no allocation.
constexpr bool ContainsIgnoreAsciiCase(std::string_view text, std::string_view lower_needle) {
    for (size_t start = 0; start + lower_needle.size() <= text.size(); start++) {
        size_t i = 0;
        while (i < lower_needle.size() && AsciiToLower(text[start + i]) == lower_needle[i]) {
            i++;
        }
        if (i == lower_needle.size()) {
            return true;
        }
    }
    return false;
}

//! `text` without leading and trailing white space (IsAsciiSpace).
constexpr std::string_view TrimAsciiSpace(std::string_view text) {
    while (!text.empty() && IsAsciiSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && IsAsciiSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace duckgres
