// The UTF-8 helpers: character counting, announced lengths and PostgreSQL's rules for valid sequences.
#include "common/utf8.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace duckgres {
namespace {

TEST(Utf8Test, CharacterCount) {
    const std::pair<std::string_view, size_t> cases[] = {
        {"", 0},
        {"SELECT 1", 8},
        {"\xC3\xA9t\xC3\xA9", 3},        // été
        {"\xE6\x97\xA5\xE6\x9C\xAC", 2}, // 日本
        {"\xF0\x9F\x98\x80!", 2},        // 😀!
        {"\x80\xBF", 0},                 // continuation bytes alone count nothing
        {"\xC3", 1},                     // a cut sequence counts its lead
        {std::string_view("a\0b", 3), 3},
    };
    for (const auto &[text, count] : cases) {
        EXPECT_EQ(Utf8CharacterCount(text), count) << text;
    }
}

TEST(Utf8Test, Continuation) {
    for (int value = 0; value < 256; value++) {
        EXPECT_EQ(IsUtf8Continuation(static_cast<char>(value)), value >= 0x80 && value <= 0xBF) << value;
    }
}

struct LeadCase {
    int first; //!< a range of lead bytes, inclusive
    int last;
    size_t announced; //!< pg_utf_mblen
    size_t valid;     //!< 0: no valid sequence starts with it
};

const LeadCase kLeads[] = {
    {0x00, 0x00, 1, 0}, {0x01, 0x7F, 1, 1}, {0x80, 0xBF, 1, 0}, {0xC0, 0xC1, 2, 0}, {0xC2, 0xDF, 2, 2},
    {0xE0, 0xEF, 3, 3}, {0xF0, 0xF4, 4, 4}, {0xF5, 0xF7, 4, 0}, {0xF8, 0xFF, 1, 0},
};

TEST(Utf8Test, LeadBytes) {
    for (const auto &test : kLeads) {
        for (int value = test.first; value <= test.last; value++) {
            EXPECT_EQ(Utf8AnnouncedLength(static_cast<char>(value)), test.announced) << value;
            EXPECT_EQ(Utf8ValidLength(static_cast<char>(value)), test.valid) << value;
        }
    }
}

//! Whether `bytes` is exactly one valid sequence by the two rules.
bool IsOneValidSequence(std::string_view bytes) {
    const size_t length = Utf8ValidLength(bytes[0]);
    if (length == 0 || length != bytes.size()) {
        return false;
    }
    for (size_t i = 1; i < length; i++) {
        if (!IsUtf8Follower(bytes[0], i, bytes[i])) {
            return false;
        }
    }
    return true;
}

TEST(Utf8Test, ValidSequences) {
    const std::pair<std::string_view, bool> cases[] = {
        {"a", true},
        {"\xC2\x80", true},          // U+0080
        {"\xDF\xBF", true},          // U+07FF
        {"\xC2\x7F", false},         // follower below 0x80
        {"\xC2\xC0", false},         // follower above 0xBF
        {"\xE0\xA0\x80", true},      // U+0800
        {"\xE0\x9F\xBF", false},     // overlong
        {"\xED\x9F\xBF", true},      // U+D7FF
        {"\xED\xA0\x80", false},     // surrogate U+D800
        {"\xEE\x80\x80", true},      // U+E000
        {"\xEF\xBF\xC0", false},     // third byte out of range
        {"\xF0\x90\x80\x80", true},  // U+10000
        {"\xF0\x8F\xBF\xBF", false}, // overlong
        {"\xF4\x8F\xBF\xBF", true},  // U+10FFFF
        {"\xF4\x90\x80\x80", false}, // above U+10FFFF
        {"\xF3\xBF\xBF\x7F", false}, // fourth byte out of range
        {"\xF5\x80\x80\x80", false}, // lead beyond U+10FFFF
        {std::string_view("\0", 1), false},
    };
    for (const auto &[bytes, valid] : cases) {
        EXPECT_EQ(IsOneValidSequence(bytes), valid) << testing::PrintToString(bytes);
    }
}

static_assert(Utf8CharacterCount("\xC3\xA9t\xC3\xA9") == 3);
static_assert(Utf8AnnouncedLength('\xE2') == 3);

} // namespace
} // namespace duckgres
