// Test helpers for the wire codec: hand-rolled big-endian encoders independent of the codec.
#pragma once

#include "wire/frontend_messages.hpp"
#include "wire/protocol_error.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::wire::test {

using namespace std::string_literals;

inline std::string Be16(uint16_t v) {
    return std::string{static_cast<char>(v >> 8), static_cast<char>(v)};
}

inline std::string Be32(uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
}

//! A string followed by its NUL terminator.
inline std::string Cstr(std::string_view s) {
    return std::string(s) + '\0';
}

//! A typed frontend/backend message: type byte, length word (including itself), payload.
inline std::string Framed(char type, const std::string &payload) {
    return std::string(1, type) + Be32(static_cast<uint32_t>(payload.size() + 4)) + payload;
}

//! An untyped startup-phase packet: length word, payload.
inline std::string StartupFramed(const std::string &payload) {
    return Be32(static_cast<uint32_t>(payload.size() + 4)) + payload;
}

//! The payload of a Parse message, written independently of the parser.
inline std::string EncodeParse(const ParseMessage &m) {
    std::string out = Cstr(m.statement) + Cstr(m.query) + Be16(static_cast<uint16_t>(m.param_types.size()));
    for (uint32_t oid : m.param_types) {
        out += Be32(oid);
    }
    return out;
}

//! The payload of a Bind message, written independently of the parser.
inline std::string EncodeBind(const BindMessage &m) {
    std::string out = Cstr(m.portal) + Cstr(m.statement);
    out += Be16(static_cast<uint16_t>(m.param_formats.size()));
    for (int16_t f : m.param_formats) {
        out += Be16(static_cast<uint16_t>(f));
    }
    out += Be16(static_cast<uint16_t>(m.params.size()));
    for (const auto &p : m.params) {
        out += p ? Be32(static_cast<uint32_t>(p->size())) + *p : Be32(0xffffffff);
    }
    out += Be16(static_cast<uint16_t>(m.result_formats.size()));
    for (int16_t f : m.result_formats) {
        out += Be16(static_cast<uint16_t>(f));
    }
    return out;
}

//! Bytes from hex digits; spaces are ignored ("52 00000008").
inline std::string Hex(std::string_view hex) {
    std::string out;
    int pending = -1;
    for (char c : hex) {
        if (c == ' ') {
            continue;
        }
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
        if (pending < 0) {
            pending = v;
        } else {
            out.push_back(static_cast<char>(pending * 16 + v));
            pending = -1;
        }
    }
    return out;
}

inline std::span<const uint8_t> AsBytes(const std::string &s) {
    return std::span<const uint8_t>(reinterpret_cast<const uint8_t *>(s.data()), s.size());
}

inline std::string ToString(std::span<const uint8_t> bytes) {
    return std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size());
}

//! Runs `fn`, expecting a protocol error of kind `Error` (MalformedMessage or FramingError) with the given
//! SQLSTATE; returns its message.
template <class Error, class Fn>
std::string ExpectProtocolError(Fn &&fn, const std::string &sqlstate = "08P01") {
    try {
        fn();
    } catch (const Error &e) {
        EXPECT_EQ(e.SqlState(), sqlstate) << e.what();
        return e.what();
    } catch (const std::exception &e) {
        ADD_FAILURE() << "expected another kind of error, got: " << e.what();
        return {};
    }
    ADD_FAILURE() << "expected a protocol error, nothing was thrown";
    return {};
}

} // namespace duckgres::wire::test
