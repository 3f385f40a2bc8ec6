// money text input and output under the C locale's monetary conventions.
#include "types/money_format.hpp"

#include "common/sql_error.hpp"

#include <cmath>
#include <limits>

namespace duckgres::types {

namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

[[noreturn]] void InvalidMoney(std::string_view text) {
    throw SqlError("22P02", "invalid input syntax for type money: \"" + std::string(text) + "\"");
}

[[noreturn]] void MoneyOutOfRange(std::string_view text) {
    throw SqlError("22003", "value \"" + std::string(text) + "\" is out of range for type money");
}

} // namespace

int64_t ParseMoney(std::string_view text) {
    size_t at = 0;
    auto skip_space = [&] {
        while (at < text.size() && IsSpace(text[at])) {
            at++;
        }
    };
    auto skip_symbol = [&] {
        if (at < text.size() && text[at] == '$') {
            at++;
            skip_space();
        }
    };
    bool negative = false;
    skip_space();
    if (at < text.size() && text[at] == '(') {
        negative = true;
        at++;
        skip_space();
    }
    skip_symbol();
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) {
        negative = negative || text[at] == '-';
        at++;
        skip_space();
    }
    skip_symbol();
    __int128 value = 0;
    bool seen_dot = false;
    int decimals = 0;
    bool round_up = false;
    constexpr __int128 kLimit = static_cast<__int128>(std::numeric_limits<int64_t>::max()) + 1;
    for (; at < text.size(); at++) {
        const char c = text[at];
        if (c >= '0' && c <= '9') {
            if (decimals < 2 || !seen_dot) {
                value = value * 10 + (c - '0');
                if (value > kLimit) {
                    MoneyOutOfRange(text);
                }
                decimals += seen_dot ? 1 : 0;
            } else if (decimals == 2) {
                round_up = c >= '5';
                decimals++;
            }
        } else if (c == '.' && !seen_dot) {
            seen_dot = true;
        } else if (c == ',' && !seen_dot) {
            continue;
        } else {
            break;
        }
    }
    for (int d = std::min(decimals, 2); d < 2; d++) {
        value *= 10;
    }
    value += round_up ? 1 : 0;
    // Trailing: a minus sign or the closing parenthesis of a negative amount, the currency symbol, blanks.
    while (at < text.size()) {
        const char c = text[at];
        if (c == '-' || c == ')') {
            negative = true;
        } else if (c != '$' && !IsSpace(c)) {
            InvalidMoney(text);
        }
        at++;
    }
    if (negative) {
        value = -value;
    }
    if (value > std::numeric_limits<int64_t>::max() || value < std::numeric_limits<int64_t>::min()) {
        MoneyOutOfRange(text);
    }
    return static_cast<int64_t>(value);
}

std::string FormatMoney(int64_t cents) {
    const bool negative = cents < 0;
    // The magnitude as unsigned: the most negative value has none as int64_t.
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
    std::string digits = std::to_string(magnitude);
    while (digits.size() < 3) {
        digits.insert(digits.begin(), '0');
    }
    const std::string whole = digits.substr(0, digits.size() - 2);
    std::string grouped;
    for (size_t i = 0; i < whole.size(); i++) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += whole[i];
    }
    return std::string(negative ? "-$" : "$") + grouped + "." + digits.substr(digits.size() - 2);
}

int64_t MoneyFromDouble(double cents) {
    const double rounded = std::rint(cents);
    if (!std::isfinite(rounded) || rounded < -9223372036854775808.0 || rounded >= 9223372036854775808.0) {
        throw SqlError("22003", "money out of range");
    }
    return static_cast<int64_t>(rounded);
}

} // namespace duckgres::types
