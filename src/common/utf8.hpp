// UTF-8 byte rules as PostgreSQL applies them (pg_utf_mblen, pg_utf8_islegal), character counting and encoding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace duckgres {

//! Whether `byte` continues a multi-byte sequence (10xxxxxx) rather than starting a character.
constexpr bool IsUtf8Continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

//! The number of characters in `text`, counting every byte that is not a continuation byte (for valid UTF-8 the
//! number of code points, as PostgreSQL counts characters in error positions).
constexpr size_t Utf8CharacterCount(std::string_view text) {
    size_t count = 0;
    for (char byte : text) {
        count += IsUtf8Continuation(byte) ? 0 : 1;
    }
    return count;
}

//! The sequence length the first byte `lead` announces, as PostgreSQL's pg_utf_mblen: 1 for ASCII, 2 for
//! 0xC0-0xDF, 3 for 0xE0-0xEF, 4 for 0xF0-0xF7 and 1 for anything else (continuation bytes, 0xF8-0xFF). Used to
//! show the bytes of an invalid character in errors.
constexpr size_t Utf8AnnouncedLength(char lead) {
    const auto byte = static_cast<unsigned char>(lead);
    return byte >= 0xF8 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
}

//! The length of a valid sequence starting with `lead`, or 0 when none can: NUL, continuation bytes, the overlong
//! leads 0xC0 and 0xC1, and 0xF5-0xFF (beyond U+10FFFF). The following bytes must pass IsUtf8Follower.
constexpr size_t Utf8ValidLength(char lead) {
    const auto byte = static_cast<unsigned char>(lead);
    if (byte == 0) {
        return 0;
    }
    if (byte < 0x80) {
        return 1;
    }
    if (byte >= 0xC2 && byte <= 0xDF) {
        return 2;
    }
    if (byte >= 0xE0 && byte <= 0xEF) {
        return 3;
    }
    if (byte >= 0xF0 && byte <= 0xF4) {
        return 4;
    }
    return 0;
}

//! Whether `byte` may stand at position `index` (1-based after the lead) of a sequence led by `lead`, as
//! pg_utf8_islegal: a continuation byte, narrowed after 0xE0 (no overlong forms), 0xED (no surrogates), 0xF0 (no
//! overlong forms) and 0xF4 (nothing above U+10FFFF).
constexpr bool IsUtf8Follower(char lead, size_t index, char byte) {
    const auto first = static_cast<unsigned char>(lead);
    const auto value = static_cast<unsigned char>(byte);
    unsigned char min = 0x80;
    unsigned char max = 0xBF;
    if (index == 1) {
        switch (first) {
        case 0xE0:
            min = 0xA0;
            break;
        case 0xED:
            max = 0x9F;
            break;
        case 0xF0:
            min = 0x90;
            break;
        case 0xF4:
            max = 0x8F;
            break;
        default:
            break;
        }
    }
    return value >= min && value <= max;
}

//! Appends the UTF-8 encoding of the code point `code` to `out`.
inline void AppendUtf8(std::string &out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

} // namespace duckgres
