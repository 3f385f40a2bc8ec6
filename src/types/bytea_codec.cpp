// encode()/decode() and convert_to()/convert_from() of PostgreSQL 15, byte for byte and error for error.
#include "types/bytea_codec.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "common/utf8.hpp"
#include "types/text_input.hpp"

#include <cstdio>

namespace duckgres::types {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64Digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
//! PostgreSQL ends a base64 line after this many characters.
constexpr size_t kBase64LineLength = 76;

//! The bytes of the character starting `text` (one byte when they are not valid UTF-8), as errors show it.
size_t Utf8ValidLengthOrOne(std::string_view text) {
    const size_t length = Utf8ValidLength(text[0]);
    return length == 0 || length > text.size() ? 1 : length;
}

bool IsBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string EncodeHex(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kHexDigits[c >> 4];
        out += kHexDigits[c & 0xF];
    }
    return out;
}

void AppendBase64Group(std::string &out, uint32_t group, int bytes) {
    out += kBase64Digits[(group >> 18) & 0x3F];
    out += kBase64Digits[(group >> 12) & 0x3F];
    out += bytes > 1 ? kBase64Digits[(group >> 6) & 0x3F] : '=';
    out += bytes > 2 ? kBase64Digits[group & 0x3F] : '=';
}

std::string EncodeBase64(std::string_view bytes) {
    std::string out;
    size_t line = 0;
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t group = static_cast<unsigned char>(bytes[i]) << 16 |
                               static_cast<unsigned char>(bytes[i + 1]) << 8 | static_cast<unsigned char>(bytes[i + 2]);
        AppendBase64Group(out, group, 3);
        line += 4;
        // As PostgreSQL: the line break follows a full line, even at the end of the data.
        if (line >= kBase64LineLength) {
            out += '\n';
            line = 0;
        }
    }
    if (i < bytes.size()) {
        uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) {
            group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        }
        AppendBase64Group(out, group, static_cast<int>(bytes.size() - i));
    }
    return out;
}

int Base64Value(char c) {
    for (int i = 0; i < 64; i++) {
        if (kBase64Digits[i] == c) {
            return i;
        }
    }
    return -1;
}

std::string DecodeBase64(std::string_view text) {
    std::string out;
    uint32_t buffer = 0;
    int position = 0;
    int end = 0; // the group ends after `end` bytes once '=' padding started
    for (size_t i = 0; i < text.size(); i++) {
        const char c = text[i];
        if (IsBlank(c)) {
            continue;
        }
        int value = 0;
        if (c == '=') {
            if (end == 0) {
                if (position == 2) {
                    end = 1;
                } else if (position == 3) {
                    end = 2;
                } else {
                    throw SqlError("22023", "unexpected \"=\" while decoding base64 sequence");
                }
            }
        } else {
            value = Base64Value(c);
            if (value < 0) {
                const size_t length = Utf8ValidLengthOrOne(text.substr(i));
                throw SqlError("22023", "invalid symbol \"" + std::string(text.substr(i, length)) +
                                            "\" found while decoding base64 sequence");
            }
        }
        buffer = (buffer << 6) | static_cast<uint32_t>(value);
        if (++position == 4) {
            out += static_cast<char>((buffer >> 16) & 0xFF);
            if (end == 0 || end > 1) {
                out += static_cast<char>((buffer >> 8) & 0xFF);
            }
            if (end == 0 || end > 2) {
                out += static_cast<char>(buffer & 0xFF);
            }
            buffer = 0;
            position = 0;
        }
    }
    if (position != 0) {
        throw SqlError("22023", "invalid base64 end sequence", "",
                       "Input data is missing padding, is truncated, or is otherwise corrupted.");
    }
    return out;
}

std::string EncodeEscape(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (unsigned char c : bytes) {
        if (c == 0 || c >= 0x80) {
            char octal[5];
            std::snprintf(octal, sizeof(octal), "\\%03o", c);
            out += octal;
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

enum class Format { kHex, kBase64, kEscape };

Format FormatNamed(std::string_view name) {
    const std::string lower = AsciiLower(name);
    if (lower == "hex") {
        return Format::kHex;
    }
    if (lower == "base64") {
        return Format::kBase64;
    }
    if (lower == "escape") {
        return Format::kEscape;
    }
    throw SqlError("22023", "unrecognized encoding: \"" + std::string(name) + "\"");
}

enum class Encoding { kUtf8, kLatin1, kSqlAscii, kUnknown };

//! PostgreSQL compares encoding names ignoring case and every character that is not a letter or digit.
Encoding EncodingNamed(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (IsAsciiAlnum(c)) {
            key += AsciiToLower(c);
        }
    }
    if (key == "utf8" || key == "unicode") {
        return Encoding::kUtf8;
    }
    if (key == "latin1" || key == "iso88591") {
        return Encoding::kLatin1;
    }
    if (key == "sqlascii") {
        return Encoding::kSqlAscii;
    }
    return Encoding::kUnknown;
}

std::string ByteList(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) {
        char hex[6];
        std::snprintf(hex, sizeof(hex), "%s0x%02x", out.empty() ? "" : " ", c);
        out += hex;
    }
    return out;
}

} // namespace

std::string DecodeHexBytes(std::string_view text) {
    std::string out;
    out.reserve(text.size() / 2);
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (IsBlank(c)) {
            i++;
            continue;
        }
        const int high = AsciiHexValue(c);
        if (high < 0) {
            throw SqlError("22023", "invalid hexadecimal digit: \"" + std::string(text.substr(i, 1)) + "\"");
        }
        if (i + 1 >= text.size()) {
            throw SqlError("22023", "invalid hexadecimal data: odd number of digits");
        }
        const int low = AsciiHexValue(text[i + 1]);
        if (low < 0) {
            throw SqlError("22023", "invalid hexadecimal digit: \"" + std::string(text.substr(i + 1, 1)) + "\"");
        }
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

std::string DecodeEscapeBytes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text[i] != '\\') {
            out += text[i++];
        } else if (i + 1 < text.size() && text[i + 1] == '\\') {
            out += '\\';
            i += 2;
        } else if (i + 3 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '3' && IsAsciiOctalDigit(text[i + 2]) &&
                   IsAsciiOctalDigit(text[i + 3])) {
            out += static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 + (text[i + 3] - '0'));
            i += 4;
        } else {
            throw SqlError("22P02", "invalid input syntax for type bytea");
        }
    }
    return out;
}

std::string EncodeBytes(std::string_view bytes, std::string_view format) {
    switch (FormatNamed(format)) {
    case Format::kHex:
        return EncodeHex(bytes);
    case Format::kBase64:
        return EncodeBase64(bytes);
    case Format::kEscape:
        return EncodeEscape(bytes);
    }
    return {};
}

std::string DecodeBytes(std::string_view text, std::string_view format) {
    switch (FormatNamed(format)) {
    case Format::kHex:
        return DecodeHexBytes(text);
    case Format::kBase64:
        return DecodeBase64(text);
    case Format::kEscape:
        return DecodeEscapeBytes(text);
    }
    return {};
}

std::string ConvertToEncoding(std::string_view text, std::string_view encoding) {
    switch (EncodingNamed(encoding)) {
    case Encoding::kUtf8:
    case Encoding::kSqlAscii:
        return std::string(text);
    case Encoding::kLatin1: {
        std::string out;
        for (size_t i = 0; i < text.size();) {
            const auto lead = static_cast<unsigned char>(text[i]);
            if (lead < 0x80) {
                out += text[i++];
                continue;
            }
            const size_t length = Utf8ValidLengthOrOne(text.substr(i));
            // U+0080..U+00FF are the two-byte sequences led by 0xC2 and 0xC3.
            if (length == 2 && (lead == 0xC2 || lead == 0xC3)) {
                out += static_cast<char>(((lead & 0x03) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F));
                i += 2;
                continue;
            }
            throw SqlError("22P05", "character with byte sequence " + ByteList(text.substr(i, length)) +
                                        " in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\"");
        }
        return out;
    }
    case Encoding::kUnknown:
        break;
    }
    throw SqlError("22023", "invalid destination encoding name \"" + std::string(encoding) + "\"");
}

std::string ConvertFromEncoding(std::string_view bytes, std::string_view encoding) {
    switch (EncodingNamed(encoding)) {
    case Encoding::kUtf8:
    case Encoding::kSqlAscii:
        VerifyUtf8(bytes);
        return std::string(bytes);
    case Encoding::kLatin1: {
        std::string out;
        for (unsigned char c : bytes) {
            if (c == 0) {
                throw SqlError("22021", "invalid byte sequence for encoding \"LATIN1\": 0x00");
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
            } else {
                out += static_cast<char>(0xC0 | (c >> 6));
                out += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        return out;
    }
    case Encoding::kUnknown:
        break;
    }
    throw SqlError("22023", "invalid source encoding name \"" + std::string(encoding) + "\"");
}

} // namespace duckgres::types
