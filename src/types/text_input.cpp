// PostgreSQL 15 text input of bool, integers, oid, floats, numeric, bytea, uuid and bit strings.
#include "types/text_input.hpp"

#include "types/bytea_codec.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "common/utf8.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace duckgres::types {

namespace {

[[noreturn]] void ThrowSyntax(const char *type_name, std::string_view text) {
    throw SqlError("22P02",
                   std::string("invalid input syntax for type ") + type_name + ": \"" + std::string(text) + "\"");
}

[[noreturn]] void ThrowRange(const char *type_name, std::string_view text) {
    throw SqlError("22003", "value \"" + std::string(text) + "\" is out of range for type " + type_name);
}

//! pg_strtoint16/32/64: optional whitespace, sign, at least one digit, optional whitespace.
template <class T>
T ParseInteger(std::string_view text, const char *type_name) {
    std::string_view s = TrimAsciiSpace(text);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) {
        ThrowSyntax(type_name, text);
    }
    // Accumulate negatively so that the minimum value parses.
    T value = 0;
    bool overflow = false;
    for (char c : s) {
        if (!IsAsciiDigit(c)) {
            ThrowSyntax(type_name, text);
        }
        if (__builtin_mul_overflow(value, T(10), &value) || __builtin_sub_overflow(value, T(c - '0'), &value)) {
            overflow = true;
        }
    }
    if (overflow || (!negative && value == std::numeric_limits<T>::min())) {
        ThrowRange(type_name, text);
    }
    return negative ? value : static_cast<T>(-value);
}

//! The special float spellings float8in accepts before strtod; false when `s` is none of them.
template <class T>
bool ParseFloatSpecial(std::string_view s, T &value) {
    bool negative = false;
    std::string_view word = s;
    if (!word.empty() && (word[0] == '+' || word[0] == '-')) {
        negative = word[0] == '-';
        word.remove_prefix(1);
    }
    if (EqualsIgnoreAsciiCase(s, "NaN")) {
        value = std::numeric_limits<T>::quiet_NaN();
        return true;
    }
    if (EqualsIgnoreAsciiCase(word, "Infinity") || EqualsIgnoreAsciiCase(word, "inf")) {
        value = negative ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity();
        return true;
    }
    return false;
}

template <class T>
T ParseFloat(std::string_view text, const char *type_name) {
    const std::string_view s = TrimAsciiSpace(text);
    T value;
    if (ParseFloatSpecial(s, value)) {
        return value;
    }
    if (s.empty()) {
        ThrowSyntax(type_name, text);
    }
    // The common case without a copy: a finite decimal number std::from_chars reads whole (correctly
    // rounded, as strtod). Anything else (hex, '+', out of range) takes strtod's path and its errors.
    const auto [end_fast, error_fast] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error_fast == std::errc() && end_fast == s.data() + s.size() && std::isfinite(value)) {
        return value;
    }
    const std::string buffer(s);
    char *end = nullptr;
    errno = 0;
    if constexpr (std::is_same_v<T, float>) {
        value = std::strtof(buffer.c_str(), &end);
    } else {
        value = std::strtod(buffer.c_str(), &end);
    }
    if (end == buffer.c_str() || end != buffer.c_str() + buffer.size()) {
        ThrowSyntax(type_name, text);
    }
    // strtod itself parses "nan"/"inf" spellings PostgreSQL rejects, e.g. "nan(1)", "infinityx".
    if (std::isnan(value) || (std::isinf(value) && errno != ERANGE)) {
        ThrowSyntax(type_name, text);
    }
    if (errno == ERANGE && (value == 0 || std::isinf(value))) {
        throw SqlError("22003", "\"" + std::string(text) + "\" is out of range for type " + type_name);
    }
    return value;
}

//! The bytes of the UTF-8 character starting at s[i], as the hex PostgreSQL prints in errors.
std::string HexOfCharacter(std::string_view s, size_t i) {
    const size_t length = std::min(Utf8AnnouncedLength(s[i]), s.size() - i);
    std::string out;
    constexpr char kHex[] = "0123456789abcdef";
    for (size_t k = 0; k < length; k++) {
        const auto b = static_cast<uint8_t>(s[i + k]);
        out += k == 0 ? "0x" : " 0x";
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

//! Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid (overlong forms,
//! surrogates and code points above U+10FFFF are invalid, as in pg_utf8_islegal).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
    const size_t length = Utf8ValidLength(s[i]);
    if (length == 0 || s.size() - i < length) {
        return 0;
    }
    for (size_t k = 1; k < length; k++) {
        if (!IsUtf8Follower(s[i], k, s[i + k])) {
            return 0;
        }
    }
    return length;
}

} // namespace

void VerifyUtf8(std::string_view text) {
    constexpr uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr uint64_t kLowBits = 0x0101010101010101ULL;
    for (size_t i = 0; i < text.size();) {
        // Eight ASCII bytes at a time: no high bit set and no zero byte.
        if (text.size() - i >= 8) {
            uint64_t word;
            std::memcpy(&word, text.data() + i, sizeof(word));
            if (((word | ((word - kLowBits) & ~word)) & kHighBits) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<uint8_t>(text[i]) < 0x80 && text[i] != '\0') {
            i++;
            continue;
        }
        const size_t length = Utf8SequenceLength(text, i);
        if (length == 0) {
            throw SqlError("22021", "invalid byte sequence for encoding \"UTF8\": " + HexOfCharacter(text, i));
        }
        i += length;
    }
}

bool ParseBoolText(std::string_view text) {
    const std::string_view s = TrimAsciiSpace(text);
    const auto is_prefix_of = [&s](std::string_view word, size_t min_length) {
        return s.size() >= min_length && s.size() <= word.size() && EqualsIgnoreAsciiCase(s, word.substr(0, s.size()));
    };
    if (!s.empty()) {
        switch (AsciiToLower(s[0])) {
        case 't':
            if (is_prefix_of("true", 1)) {
                return true;
            }
            break;
        case 'f':
            if (is_prefix_of("false", 1)) {
                return false;
            }
            break;
        case 'y':
            if (is_prefix_of("yes", 1)) {
                return true;
            }
            break;
        case 'n':
            if (is_prefix_of("no", 1)) {
                return false;
            }
            break;
        case 'o':
            if (is_prefix_of("on", 2)) {
                return true;
            }
            if (is_prefix_of("off", 2)) {
                return false;
            }
            break;
        case '1':
        case '0':
            if (s.size() == 1) {
                return s[0] == '1';
            }
            break;
        default:
            break;
        }
    }
    ThrowSyntax("boolean", text);
}

int16_t ParseInt2Text(std::string_view text) {
    return ParseInteger<int16_t>(text, "smallint");
}

int32_t ParseInt4Text(std::string_view text) {
    return ParseInteger<int32_t>(text, "integer");
}

int64_t ParseInt8Text(std::string_view text) {
    return ParseInteger<int64_t>(text, "bigint");
}

uint32_t ParseOidText(std::string_view text) {
    // oidin: strtoul-like with whitespace; values -2^31..2^32-1, negatives wrap around.
    const std::string_view s = TrimAsciiSpace(text);
    std::string_view digits = s;
    bool negative = false;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
        negative = digits[0] == '-';
        digits.remove_prefix(1);
    }
    if (digits.empty()) {
        ThrowSyntax("oid", text);
    }
    uint64_t magnitude = 0;
    bool overflow = false;
    for (char c : digits) {
        if (!IsAsciiDigit(c)) {
            ThrowSyntax("oid", text);
        }
        magnitude = magnitude * 10 + static_cast<uint64_t>(c - '0');
        if (magnitude > 0xFFFFFFFFULL) {
            overflow = true;
            magnitude = 0xFFFFFFFFULL + 1;
        }
    }
    if (overflow || (negative && magnitude > 0x80000000ULL)) {
        ThrowRange("oid", text);
    }
    return negative ? static_cast<uint32_t>(-static_cast<int64_t>(magnitude)) : static_cast<uint32_t>(magnitude);
}

float ParseFloat4Text(std::string_view text) {
    return ParseFloat<float>(text, "real");
}

double ParseFloat8Text(std::string_view text) {
    return ParseFloat<double>(text, "double precision");
}

NumericValue ParseNumericText(std::string_view text) {
    constexpr int64_t kMaxIntegerDigits = 131072; // NUMERIC_WEIGHT_MAX 32767, + 1, times 4 digits
    constexpr int64_t kMaxScale = 16383;          // NUMERIC_DSCALE_MAX
    const std::string_view s = TrimAsciiSpace(text);
    NumericValue result;
    if (EqualsIgnoreAsciiCase(s, "NaN")) {
        result.kind = NumericValue::Kind::kNaN;
        return result;
    }
    {
        std::string_view word = s;
        const bool negative = !word.empty() && word[0] == '-';
        if (!word.empty() && (word[0] == '+' || word[0] == '-')) {
            word.remove_prefix(1);
        }
        if (EqualsIgnoreAsciiCase(word, "Infinity") || EqualsIgnoreAsciiCase(word, "inf")) {
            result.kind = negative ? NumericValue::Kind::kNegativeInfinity : NumericValue::Kind::kPositiveInfinity;
            return result;
        }
    }
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        i++;
    }
    std::string mantissa;
    int64_t fraction_digits = 0;
    bool seen_point = false;
    for (; i < s.size(); i++) {
        if (IsAsciiDigit(s[i])) {
            mantissa += s[i];
            fraction_digits += seen_point ? 1 : 0;
        } else if (s[i] == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (mantissa.empty()) {
        ThrowSyntax("numeric", text);
    }
    int64_t exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool exponent_negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            exponent_negative = s[i] == '-';
            i++;
        }
        if (i == s.size() || !IsAsciiDigit(s[i])) {
            ThrowSyntax("numeric", text);
        }
        bool overflow = false;
        for (; i < s.size() && IsAsciiDigit(s[i]); i++) {
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > std::numeric_limits<int32_t>::max()) {
                overflow = true;
                exponent = std::numeric_limits<int32_t>::max();
            }
        }
        if (overflow) {
            throw SqlError("22003", "value overflows numeric format");
        }
        exponent = exponent_negative ? -exponent : exponent;
    }
    if (i != s.size()) {
        ThrowSyntax("numeric", text);
    }
    const size_t first = mantissa.find_first_not_of('0');
    const int64_t scale = std::max<int64_t>(0, fraction_digits - exponent);
    if (first == std::string::npos) {
        if (scale > kMaxScale) {
            throw SqlError("22003", "value overflows numeric format");
        }
        result.scale = static_cast<int32_t>(scale);
        return result;
    }
    // Value = mantissa * 10^(exponent - fraction_digits); scaled by 10^scale.
    const int64_t significant = static_cast<int64_t>(mantissa.size() - first);
    const int64_t integer_digits = significant - fraction_digits + exponent;
    if (integer_digits > kMaxIntegerDigits || scale > kMaxScale) {
        throw SqlError("22003", "value overflows numeric format");
    }
    result.negative = negative;
    result.scale = static_cast<int32_t>(scale);
    result.digits = mantissa.substr(first);
    result.digits.append(static_cast<size_t>(exponent - fraction_digits + scale), '0');
    return result;
}

std::string NumericToText(const NumericValue &value) {
    switch (value.kind) {
    case NumericValue::Kind::kNaN:
        return "NaN";
    case NumericValue::Kind::kPositiveInfinity:
        return "Infinity";
    case NumericValue::Kind::kNegativeInfinity:
        return "-Infinity";
    default:
        break;
    }
    std::string digits = value.digits;
    const auto scale = static_cast<size_t>(value.scale);
    if (digits.size() <= scale) {
        digits.insert(0, scale + 1 - digits.size(), '0');
    }
    std::string out = value.negative ? "-" : "";
    out.append(digits, 0, digits.size() - scale);
    if (scale > 0) {
        out += '.';
        out.append(digits, digits.size() - scale, scale);
    }
    return out;
}

std::string ParseByteaText(std::string_view text) {
    if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x') {
        return DecodeHexBytes(text.substr(2));
    }
    return DecodeEscapeBytes(text);
}

duckdb_uhugeint ParseUuidText(std::string_view text) {
    size_t i = 0;
    const bool braces = !text.empty() && text[0] == '{';
    i += braces ? 1 : 0;
    uint8_t bytes[16];
    for (int b = 0; b < 16; b++) {
        if (i + 1 >= text.size() || AsciiHexValue(text[i]) < 0 || AsciiHexValue(text[i + 1]) < 0) {
            ThrowSyntax("uuid", text);
        }
        bytes[b] = static_cast<uint8_t>(AsciiHexValue(text[i]) * 16 + AsciiHexValue(text[i + 1]));
        i += 2;
        if (i < text.size() && text[i] == '-' && b % 2 == 1 && b < 15) {
            i++;
        }
    }
    if (braces) {
        if (i >= text.size() || text[i] != '}') {
            ThrowSyntax("uuid", text);
        }
        i++;
    }
    if (i != text.size()) {
        ThrowSyntax("uuid", text);
    }
    duckdb_uhugeint result{0, 0};
    for (int b = 0; b < 8; b++) {
        result.upper = (result.upper << 8) | bytes[b];
        result.lower = (result.lower << 8) | bytes[b + 8];
    }
    return result;
}

std::string ParseBitText(std::string_view text) {
    std::string_view bits = text;
    // bit_in also accepts B'...'-style prefixes: "b0101" binary, "x1f" hex.
    bool hex = false;
    if (!bits.empty() && (bits[0] == 'b' || bits[0] == 'B')) {
        bits.remove_prefix(1);
    } else if (!bits.empty() && (bits[0] == 'x' || bits[0] == 'X')) {
        bits.remove_prefix(1);
        hex = true;
    }
    std::string expanded;
    for (char c : bits) {
        if (hex) {
            const int v = AsciiHexValue(c);
            if (v < 0) {
                throw SqlError("22P02", "\"" + std::string(1, c) + "\" is not a valid hexadecimal digit");
            }
            for (int k = 3; k >= 0; k--) {
                expanded += ((v >> k) & 1) ? '1' : '0';
            }
        } else if (c == '0' || c == '1') {
            expanded += c;
        } else {
            throw SqlError("22P02", "\"" + std::string(1, c) + "\" is not a valid binary digit");
        }
    }
    const size_t padding = (8 - expanded.size() % 8) % 8;
    std::string storage(1 + (expanded.size() + padding) / 8, '\0');
    storage[0] = static_cast<char>(padding);
    for (size_t bit = 0; bit < padding + expanded.size(); bit++) {
        if (bit < padding || expanded[bit - padding] == '1') {
            storage[1 + bit / 8] = static_cast<char>(static_cast<uint8_t>(storage[1 + bit / 8]) | (0x80 >> (bit % 8)));
        }
    }
    return storage;
}

} // namespace duckgres::types
