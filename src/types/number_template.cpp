// to_char(number, template) and to_number(text, template) with PostgreSQL's number patterns.
#include "types/number_template.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace duckgres::types {

namespace {

enum class Pattern {
    Nine,
    Zero,
    Point,
    Group,
    Sign,
    Minus,
    Plus,
    SignBoth,
    Brackets,
    Currency,
    Fill,
    Ordinal,
    Shift,
    Text
};

struct Token {
    Pattern pattern;
    std::string text; //!< Text: the characters; Ordinal: "TH" or "th"
};

//! The patterns of a template, longest names first; letters in either case except TH / th.
std::vector<Token> Tokenize(std::string_view format) {
    static constexpr std::pair<std::string_view, Pattern> kNames[] = {
        {"FM", Pattern::Fill},     {"PR", Pattern::Brackets}, {"PL", Pattern::Plus}, {"MI", Pattern::Minus},
        {"SG", Pattern::SignBoth}, {"TH", Pattern::Ordinal},  {"S", Pattern::Sign},  {"L", Pattern::Currency},
        {"D", Pattern::Point},     {"G", Pattern::Group},     {"V", Pattern::Shift}, {"9", Pattern::Nine},
        {"0", Pattern::Zero},      {".", Pattern::Point},     {",", Pattern::Group},
    };
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < format.size()) {
        if (format[i] == '"') {
            auto end = format.find('"', i + 1);
            auto text = format.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
            tokens.push_back({Pattern::Text, std::string(text)});
            i = end == std::string_view::npos ? format.size() : end + 1;
            continue;
        }
        bool matched = false;
        for (const auto &[name, pattern] : kNames) {
            if (format.size() - i < name.size()) {
                continue;
            }
            bool same = true;
            for (size_t k = 0; k < name.size(); k++) {
                char c = format[i + k];
                same &= (c == name[k] || (c >= 'a' && c <= 'z' && c - 'a' + 'A' == name[k]));
            }
            if (same) {
                tokens.push_back({pattern, std::string(format.substr(i, name.size()))});
                i += name.size();
                matched = true;
                break;
            }
        }
        if (!matched) {
            tokens.push_back({Pattern::Text, std::string(1, format[i])});
            i++;
        }
    }
    return tokens;
}

bool IsDigitPattern(Pattern pattern) {
    return pattern == Pattern::Nine || pattern == Pattern::Zero;
}

//! A decimal number as sign, integer digits (no leading zeros) and fraction digits.
struct Decimal {
    bool negative = false;
    std::string whole;
    std::string fraction;
};

//! `number` (exact decimal text) times 10^shift, rounded half away from zero to `scale` fraction digits.
Decimal RoundExact(std::string_view number, int shift, int scale) {
    Decimal value;
    if (!number.empty() && (number[0] == '-' || number[0] == '+')) {
        value.negative = number[0] == '-';
        number.remove_prefix(1);
    }
    auto point = number.find('.');
    std::string whole(number.substr(0, point));
    std::string fraction(point == std::string_view::npos ? "" : number.substr(point + 1));
    for (; shift > 0; shift--) {
        whole += fraction.empty() ? '0' : fraction[0];
        fraction = fraction.empty() ? "" : fraction.substr(1);
    }
    bool round_up = static_cast<int>(fraction.size()) > scale && fraction[scale] >= '5';
    fraction.resize(scale, '0');
    std::string digits = whole + fraction;
    for (size_t i = digits.size(); round_up && i > 0; i--) {
        if (digits[i - 1] == '9') {
            digits[i - 1] = '0';
        } else {
            digits[i - 1]++;
            round_up = false;
        }
    }
    if (round_up) {
        digits.insert(digits.begin(), '1');
    }
    value.whole = digits.substr(0, digits.size() - scale);
    value.fraction = digits.substr(digits.size() - scale);
    value.whole.erase(0, value.whole.find_first_not_of('0'));
    return value;
}

//! A floating-point value times 10^shift, rounded as printf rounds to `scale` fraction digits.
Decimal RoundFloat(std::string_view number, int shift, int scale) {
    double value = std::strtod(std::string(number).c_str(), nullptr) * std::pow(10.0, shift);
    char buffer[400];
    std::snprintf(buffer, sizeof(buffer), "%.*f", scale, std::fabs(value));
    Decimal rounded = RoundExact(buffer, 0, scale);
    rounded.negative = value < 0;
    return rounded;
}

std::string OrdinalSuffix(const std::string &whole, bool upper) {
    int last_two = whole.empty() ? 0 : std::atoi(whole.substr(whole.size() > 2 ? whole.size() - 2 : 0).c_str());
    const char *suffix = "th";
    if (last_two < 11 || last_two > 13) {
        suffix = last_two % 10 == 1 ? "st" : last_two % 10 == 2 ? "nd" : last_two % 10 == 3 ? "rd" : "th";
    }
    std::string text = suffix;
    if (upper) {
        for (auto &c : text) {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

} // namespace

std::string NumberToChar(std::string_view number, bool is_float, std::string_view format) {
    const auto tokens = Tokenize(format);
    int whole_positions = 0, fraction_positions = 0, shift = 0, zero_start = -1;
    bool has_point = false, fill = false, explicit_sign = false;
    bool seen_shift = false;
    for (const auto &token : tokens) {
        if (IsDigitPattern(token.pattern)) {
            if (has_point) {
                fraction_positions++;
            } else {
                if (token.pattern == Pattern::Zero && zero_start < 0) {
                    zero_start = whole_positions;
                }
                whole_positions++;
                shift += seen_shift ? 1 : 0;
            }
        }
        has_point |= token.pattern == Pattern::Point;
        seen_shift |= token.pattern == Pattern::Shift;
        fill |= token.pattern == Pattern::Fill;
        explicit_sign |= token.pattern == Pattern::Sign || token.pattern == Pattern::Minus ||
                         token.pattern == Pattern::SignBoth || token.pattern == Pattern::Brackets;
    }
    Decimal value =
        is_float ? RoundFloat(number, shift, fraction_positions) : RoundExact(number, shift, fraction_positions);
    const bool is_zero = value.whole.empty() && value.fraction.find_first_not_of('0') == std::string::npos;
    const bool overflow = static_cast<int>(std::max<size_t>(value.whole.size(), 1)) > whole_positions;
    const std::string whole = overflow ? "" : std::string(whole_positions - value.whole.size(), '0') + value.whole;
    // The first integer position printed: the first significant digit or forced zero; the last one prints 0
    // when nothing else would and the template has no decimal point (or, in fill mode, the value is zero).
    int start = overflow ? 0 : static_cast<int>(whole.find_first_not_of('0'));
    if (start < 0 || start > whole_positions) {
        start = whole_positions;
    }
    if (zero_start >= 0 && zero_start < start) {
        start = zero_start;
    }
    if (start == whole_positions && whole_positions > 0 && (!has_point || (fill && is_zero))) {
        start = whole_positions - 1;
    }
    // In fill mode, trailing zeros in 9 positions after the point are left out.
    int fraction_kept = fraction_positions;
    {
        std::vector<Pattern> fraction_patterns;
        bool after = false;
        for (const auto &token : tokens) {
            after |= token.pattern == Pattern::Point;
            if (after && IsDigitPattern(token.pattern)) {
                fraction_patterns.push_back(token.pattern);
            }
        }
        while (fill && !overflow && fraction_kept > 0 && fraction_patterns[fraction_kept - 1] == Pattern::Nine &&
               value.fraction[fraction_kept - 1] == '0') {
            fraction_kept--;
        }
    }
    const bool negative = value.negative && !is_zero;
    // What goes just before the first printed character: the sign (unless a sign pattern places it), '<' for PR.
    std::string anchor;
    bool leading_sign = false;
    for (const auto &token : tokens) {
        if (IsDigitPattern(token.pattern) || token.pattern == Pattern::Point) {
            break;
        }
        leading_sign |= token.pattern == Pattern::Sign;
    }
    for (const auto &token : tokens) {
        if (token.pattern == Pattern::Brackets) {
            anchor = negative ? "<" : (fill ? "" : " ");
        }
    }
    if (leading_sign) {
        anchor = negative ? "-" : "+";
    } else if (!explicit_sign) {
        anchor = negative ? "-" : (fill ? "" : " ");
    }
    std::string out;
    bool anchored = false;
    auto place_anchor = [&]() {
        if (!anchored) {
            out += anchor;
            anchored = true;
        }
    };
    int whole_index = 0, fraction_index = 0;
    bool after_point = false;
    for (const auto &token : tokens) {
        switch (token.pattern) {
        case Pattern::Nine:
        case Pattern::Zero:
            if (after_point) {
                if (fraction_index < fraction_kept) {
                    out += overflow ? '#' : value.fraction[fraction_index];
                }
                fraction_index++;
            } else {
                if (whole_index < start) {
                    out += fill ? "" : " ";
                } else {
                    place_anchor();
                    out += overflow ? '#' : whole[whole_index];
                }
                whole_index++;
            }
            break;
        case Pattern::Point:
            place_anchor();
            out += '.';
            after_point = true;
            break;
        case Pattern::Group:
            if (after_point || whole_index > start) {
                out += ',';
            } else if (!fill) {
                out += ' ';
            }
            break;
        case Pattern::Sign:
            if (!leading_sign) {
                out += negative ? "-" : "+";
            }
            break;
        case Pattern::Minus:
            out += negative ? "-" : (fill ? "" : " ");
            break;
        case Pattern::SignBoth:
            out += negative ? "-" : "+";
            break;
        case Pattern::Plus:
            out += negative ? (fill ? "" : " ") : "+";
            break;
        case Pattern::Brackets:
            out += negative ? ">" : (fill ? "" : " ");
            break;
        case Pattern::Currency:
            out += ' ';
            break;
        case Pattern::Ordinal:
            out += overflow ? "" : OrdinalSuffix(value.whole, token.text == "TH");
            break;
        case Pattern::Fill:
        case Pattern::Shift:
            break;
        case Pattern::Text:
            out += token.text;
            break;
        }
    }
    return out;
}

std::optional<std::string> NumberFromText(std::string_view text, std::string_view format) {
    int whole_positions = 0;
    int scale = 0;
    bool has_point = false;
    for (const auto &token : Tokenize(format)) {
        if (IsDigitPattern(token.pattern)) {
            (has_point ? scale : whole_positions)++;
        }
        has_point |= token.pattern == Pattern::Point;
    }
    bool negative = false, in_fraction = false;
    std::string whole, fraction;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            if (!in_fraction && static_cast<int>(whole.size()) < whole_positions) {
                whole += c;
            } else if (in_fraction && static_cast<int>(fraction.size()) < scale) {
                fraction += c;
            }
        } else if (c == '-' || c == '<') {
            negative = true;
        } else if (c == '.' && !in_fraction) {
            if (!has_point) {
                break;
            }
            in_fraction = true;
        }
    }
    if (whole.empty() && fraction.empty()) {
        return std::nullopt;
    }
    whole.erase(0, whole.find_first_not_of('0'));
    fraction.resize(scale, '0');
    return std::string(negative ? "-" : "") + (whole.empty() ? "0" : whole) + (scale > 0 ? "." + fraction : "");
}

} // namespace duckgres::types
