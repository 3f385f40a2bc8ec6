// ParseRangeText and FormatRangeText: range_in's literal syntax and range_out's quoting.
#include "types/range_text.hpp"

#include "common/sql_error.hpp"

namespace duckgres::types {

namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

[[noreturn]] void ThrowMalformed(std::string_view text, const char *detail) {
    throw SqlError("22P02", "malformed range literal: \"" + std::string(text) + "\"", detail);
}

//! Reads one bound starting at `at`: nullopt when it is omitted (the next character ends it).
std::optional<std::string> ReadBound(std::string_view text, size_t &at) {
    if (at < text.size() && (text[at] == ',' || text[at] == ')' || text[at] == ']')) {
        return std::nullopt;
    }
    std::string bound;
    bool quoted = false;
    while (true) {
        if (at >= text.size()) {
            ThrowMalformed(text, "Unexpected end of input.");
        }
        const char c = text[at];
        if (!quoted && (c == ',' || c == ')' || c == ']')) {
            return bound;
        }
        at++;
        if (c == '\\') {
            if (at >= text.size()) {
                ThrowMalformed(text, "Unexpected end of input.");
            }
            bound += text[at++];
        } else if (c == '"') {
            if (!quoted) {
                quoted = true;
            } else if (at < text.size() && text[at] == '"') {
                bound += '"';
                at++;
            } else {
                quoted = false;
            }
        } else {
            bound += c;
        }
    }
}

bool EqualsEmptyWord(std::string_view word) {
    constexpr std::string_view kEmpty = "empty";
    if (word.size() != kEmpty.size()) {
        return false;
    }
    for (size_t i = 0; i < word.size(); i++) {
        if ((word[i] | 0x20) != kEmpty[i]) {
            return false;
        }
    }
    return true;
}

void AppendBound(std::string &out, const std::string &bound) {
    bool quote = bound.empty();
    for (char c : bound) {
        if (c == '"' || c == '\\' || c == ',' || c == '(' || c == ')' || c == '[' || c == ']' || IsSpace(c)) {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out += bound;
        return;
    }
    out += '"';
    for (char c : bound) {
        if (c == '"' || c == '\\') {
            out += c;
        }
        out += c;
    }
    out += '"';
}

} // namespace

RangeText ParseRangeText(std::string_view text) {
    RangeText range;
    size_t at = 0;
    while (at < text.size() && IsSpace(text[at])) {
        at++;
    }
    size_t end = text.size();
    while (end > at && IsSpace(text[end - 1])) {
        end--;
    }
    if (EqualsEmptyWord(text.substr(at, end - at))) {
        range.empty = true;
        return range;
    }
    if (at >= text.size() || (text[at] != '[' && text[at] != '(')) {
        ThrowMalformed(text, "Missing left parenthesis or bracket.");
    }
    range.lower_inclusive = text[at++] == '[';
    range.lower = ReadBound(text, at);
    if (at >= text.size() || text[at] != ',') {
        ThrowMalformed(text, "Missing comma after lower bound.");
    }
    at++;
    range.upper = ReadBound(text, at);
    if (at >= text.size() || (text[at] != ']' && text[at] != ')')) {
        ThrowMalformed(text, "Too many commas.");
    }
    range.upper_inclusive = text[at++] == ']';
    while (at < text.size() && IsSpace(text[at])) {
        at++;
    }
    if (at != text.size()) {
        ThrowMalformed(text, "Junk after right parenthesis or bracket.");
    }
    range.lower_inclusive = range.lower_inclusive && range.lower.has_value();
    range.upper_inclusive = range.upper_inclusive && range.upper.has_value();
    return range;
}

std::string FormatRangeText(const RangeText &range) {
    if (range.empty) {
        return "empty";
    }
    std::string out(1, range.lower_inclusive ? '[' : '(');
    if (range.lower) {
        AppendBound(out, *range.lower);
    }
    out += ',';
    if (range.upper) {
        AppendBound(out, *range.upper);
    }
    out += range.upper_inclusive ? ']' : ')';
    return out;
}

} // namespace duckgres::types
