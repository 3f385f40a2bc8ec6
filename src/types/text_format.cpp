// PostgreSQL text output of booleans, integers, numerics, bytea, uuid, and array/record quoting.
#include "types/text_format.hpp"

#include "common/ascii.hpp"
#include "types/int128.hpp"

#include <charconv>

namespace duckgres::types {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

template <class T>
void AppendInteger(std::string &out, T v) {
    char buf[24];
    auto result = std::to_chars(buf, buf + sizeof(buf), v);
    out.append(buf, result.ptr);
}

//! Writes the digits of `v` right-aligned ending at `end`; returns the first digit's position.
char *FormatDigits(char *end, UInt128 v) {
    constexpr uint64_t kChunk = 10000000000000000000ULL; // 10^19
    char *p = end;
    while (v > UINT64_MAX) {
        uint64_t low = static_cast<uint64_t>(v % kChunk);
        v /= kChunk;
        for (int i = 0; i < 19; i++) {
            *--p = static_cast<char>('0' + low % 10);
            low /= 10;
        }
    }
    uint64_t rest = static_cast<uint64_t>(v);
    do {
        *--p = static_cast<char>('0' + rest % 10);
        rest /= 10;
    } while (rest != 0);
    return p;
}

} // namespace

void AppendUInt128Digits(std::string &out, UInt128 v) {
    char buf[40];
    char *end = buf + sizeof(buf);
    out.append(FormatDigits(end, v), end);
}

void AppendBool(std::string &out, bool v) {
    out += v ? 't' : 'f';
}

void AppendInt64(std::string &out, int64_t v) {
    AppendInteger(out, v);
}

void AppendUInt64(std::string &out, uint64_t v) {
    AppendInteger(out, v);
}

void AppendHugeint(std::string &out, duckdb_hugeint v) {
    AppendDecimal(out, v, 0);
}

void AppendUHugeint(std::string &out, duckdb_uhugeint v) {
    AppendUInt128Digits(out, ToUInt128(v));
}

void AppendDecimal(std::string &out, duckdb_hugeint scaled, uint8_t scale) {
    const Int128 value = ToInt128(scaled);
    const UInt128 magnitude = value < 0 ? -static_cast<UInt128>(value) : static_cast<UInt128>(value);
    char buf[48];
    char *end = buf + sizeof(buf);
    char *begin = FormatDigits(end, magnitude);
    while (end - begin <= scale) { // at least one digit before the point
        *--begin = '0';
    }
    if (value < 0) {
        out += '-';
    }
    out.append(begin, end - scale);
    if (scale > 0) {
        out += '.';
        out.append(end - scale, end);
    }
}

void AppendBytea(std::string &out, std::string_view bytes, ByteaOutput style) {
    if (style == ByteaOutput::kEscape) {
        for (unsigned char c : bytes) {
            if (c == '\\') {
                out += "\\\\";
            } else if (c < 0x20 || c > 0x7E) {
                out += '\\';
                out += static_cast<char>('0' + (c >> 6));
                out += static_cast<char>('0' + ((c >> 3) & 7));
                out += static_cast<char>('0' + (c & 7));
            } else {
                out += static_cast<char>(c);
            }
        }
        return;
    }
    out.reserve(out.size() + 2 + bytes.size() * 2);
    out += "\\x";
    for (unsigned char c : bytes) {
        out += kHexDigits[c >> 4];
        out += kHexDigits[c & 0xF];
    }
}

void AppendUuid(std::string &out, duckdb_hugeint v) {
    // DuckDB flips the top bit so that UUIDs sort as signed 128-bit integers.
    const uint64_t high = static_cast<uint64_t>(v.upper) ^ (uint64_t(1) << 63);
    const uint64_t halves[2] = {high, v.lower};
    for (int i = 0; i < 32; i++) {
        if (i == 8 || i == 12 || i == 16 || i == 20) {
            out += '-';
        }
        const uint64_t half = halves[i / 16];
        out += kHexDigits[(half >> (60 - 4 * (i % 16))) & 0xF];
    }
}

void AppendArrayElement(std::string &out, std::string_view s) {
    bool needs_quotes = s.empty() || EqualsIgnoreAsciiCase(s, "null");
    for (char c : s) {
        if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || IsAsciiSpace(c)) {
            needs_quotes = true;
            break;
        }
    }
    if (!needs_quotes) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
}

void AppendRecordField(std::string &out, std::string_view s) {
    bool needs_quotes = s.empty();
    for (char c : s) {
        if (c == '(' || c == ')' || c == ',' || c == '"' || c == '\\' || IsAsciiSpace(c)) {
            needs_quotes = true;
            break;
        }
    }
    if (!needs_quotes) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += c; // record_out doubles quotes and backslashes
        }
        out += c;
    }
    out += '"';
}

} // namespace duckgres::types
