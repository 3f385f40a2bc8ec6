// Decodes DuckDB's TIME_TZ, BIT and BIGNUM storage and quotes text the way DuckDB's VARCHAR cast does.
#include "types/storage_format.hpp"

#include "common/ascii.hpp"

#include <vector>

namespace duckgres::types {

namespace {

constexpr int32_t kMaxTimeTzOffset = 16 * 60 * 60 - 1;

} // namespace

TimeTzParts DecodeTimeTz(uint64_t bits) {
    TimeTzParts parts;
    parts.micros = static_cast<int64_t>(bits >> 24);
    parts.offset_seconds = kMaxTimeTzOffset - static_cast<int32_t>(bits & 0xFFFFFF);
    return parts;
}

void AppendBitString(std::string &out, std::string_view storage) {
    if (storage.empty()) {
        return;
    }
    const size_t padding = static_cast<uint8_t>(storage[0]);
    const size_t total_bits = (storage.size() - 1) * 8;
    for (size_t bit = padding; bit < total_bits; bit++) {
        const auto byte = static_cast<uint8_t>(storage[1 + bit / 8]);
        out += (byte >> (7 - bit % 8)) & 1 ? '1' : '0';
    }
}

void AppendBignum(std::string &out, std::string_view storage) {
    if (storage.size() < 3) {
        return;
    }
    const bool negative = (static_cast<uint8_t>(storage[0]) & 0x80) == 0;
    const uint8_t flip = negative ? 0xFF : 0x00;
    // Magnitude in base 10^9 limbs, least significant first.
    constexpr uint32_t kBase = 1000000000;
    std::vector<uint32_t> limbs;
    for (size_t i = 3; i < storage.size(); i++) {
        uint64_t carry = static_cast<uint8_t>(storage[i]) ^ flip;
        for (auto &limb : limbs) {
            const uint64_t value = static_cast<uint64_t>(limb) * 256 + carry;
            limb = static_cast<uint32_t>(value % kBase);
            carry = value / kBase;
        }
        while (carry != 0) {
            limbs.push_back(static_cast<uint32_t>(carry % kBase));
            carry /= kBase;
        }
    }
    while (!limbs.empty() && limbs.back() == 0) {
        limbs.pop_back();
    }
    if (limbs.empty()) {
        out += '0';
        return;
    }
    if (negative) {
        out += '-';
    }
    out += std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        const std::string digits = std::to_string(limbs[i]);
        out.append(9 - digits.size(), '0');
        out += digits;
    }
}

void AppendDuckDbQuoted(std::string &out, std::string_view s) {
    out += '\'';
    for (char c : s) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '\'';
}

void AppendDuckDbElementText(std::string &out, std::string_view text) {
    bool needs_quotes = text.empty() || IsAsciiSpace(text.front()) || IsAsciiSpace(text.back());
    if (EqualsIgnoreAsciiCase(text, "null")) {
        needs_quotes = true;
    }
    for (char c : text) {
        switch (c) {
        case '"':
        case '\'':
        case '(':
        case ')':
        case ',':
        case ':':
        case '=':
        case '[':
        case ']':
        case '{':
        case '}':
            needs_quotes = true;
            break;
        default:
            break;
        }
    }
    if (needs_quotes) {
        AppendDuckDbQuoted(out, text);
    } else {
        out += text;
    }
}

} // namespace duckgres::types
