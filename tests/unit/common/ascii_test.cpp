// The ASCII helpers: exact character classes for all 256 byte values, case folding, comparison and trimming.
#include "common/ascii.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

namespace duckgres {
namespace {

struct ClassCase {
    const char *name;
    bool (*classify)(char);
    std::string_view members; //!< every byte the class holds, nothing else
    int (*c_locale)(int);     //!< C's classifier, which agrees in the C locale; nullptr when there is none
};

const ClassCase kClasses[] = {
    {"IsAsciiSpace", IsAsciiSpace, " \t\n\r\v\f", std::isspace},
    {"IsAsciiDigit", IsAsciiDigit, "0123456789", std::isdigit},
    {"IsAsciiOctalDigit", IsAsciiOctalDigit, "01234567", nullptr},
    {"IsAsciiAlpha", IsAsciiAlpha, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", std::isalpha},
    {"IsAsciiAlnum", IsAsciiAlnum, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", std::isalnum},
    {"IsAsciiPunct", IsAsciiPunct, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", std::ispunct},
};

TEST(AsciiTest, ClassesHoldExactlyTheirMembers) {
    for (const auto &test : kClasses) {
        for (int value = 0; value < 256; value++) {
            const char c = static_cast<char>(value);
            const bool member = test.members.find(c) != std::string_view::npos;
            EXPECT_EQ(test.classify(c), member) << test.name << " byte " << value;
            if (test.c_locale) {
                EXPECT_EQ(test.classify(c), test.c_locale(value) != 0) << test.name << " vs C, byte " << value;
            }
        }
    }
}

TEST(AsciiTest, HexValue) {
    const std::pair<char, int> cases[] = {{'0', 0},  {'9', 9},   {'a', 10}, {'f', 15},    {'A', 10},   {'F', 15},
                                          {'g', -1}, {'G', -1},  {'/', -1}, {':', -1},    {'@', -1},   {'`', -1},
                                          {' ', -1}, {'\0', -1}, {'x', -1}, {'\xC1', -1}, {'\xE1', -1}};
    for (const auto &[c, value] : cases) {
        EXPECT_EQ(AsciiHexValue(c), value) << static_cast<int>(static_cast<unsigned char>(c));
    }
}

struct FoldCase {
    std::string_view text;
    std::string_view lower;
    std::string_view upper;
};

const FoldCase kFolds[] = {
    {"", "", ""},
    {"Europe/Berlin", "europe/berlin", "EUROPE/BERLIN"},
    {"@[`{", "@[`{", "@[`{"},                                                    // neighbours of the letters stay
    {"\xC3\x84rger \xC3\xA4", "\xC3\x84rger \xC3\xA4", "\xC3\x84RGER \xC3\xA4"}, // UTF-8 bytes stay
    {"DateStyle_2", "datestyle_2", "DATESTYLE_2"},
};

TEST(AsciiTest, CaseFolding) {
    for (const auto &test : kFolds) {
        EXPECT_EQ(AsciiLower(test.text), test.lower) << test.text;
        EXPECT_EQ(AsciiUpper(test.text), test.upper) << test.text;
        for (size_t i = 0; i < test.text.size(); i++) {
            EXPECT_EQ(AsciiToLower(test.text[i]), test.lower[i]) << test.text << " at " << i;
            EXPECT_EQ(AsciiToUpper(test.text[i]), test.upper[i]) << test.text << " at " << i;
        }
    }
}

struct EqualsCase {
    std::string_view a;
    std::string_view b;
    bool equal;
};

const EqualsCase kEquals[] = {
    {"", "", true},
    {"NULL", "null", true},
    {"NuLl", "nULL", true},
    {"null", "nul", false},
    {"Infinity", "INFINITY", true},
    {"@", "`", false},               // differ only in bit 0x20, but are no letters
    {"\r", "-", false},              // likewise
    {"[", "{", false},               // likewise
    {"\xC3\x84", "\xC3\xA4", false}, // no folding beyond ASCII
    {"abc", "abd", false},
};

TEST(AsciiTest, ContainsIgnoreAsciiCase) {
    struct Case {
        const char *text;
        const char *needle;
        bool found;
    };
    const Case cases[] = {
        {"SELECT NEXTVAL('s')", "nextval", true},
        {"select setval('s', 3)", "setval", true},
        {"select 1", "nextval", false},
        {"", "nextval", false},
        {"nextva", "nextval", false},
        {"x", "", true},
    };
    for (const auto &test : cases) {
        EXPECT_EQ(ContainsIgnoreAsciiCase(test.text, test.needle), test.found) << test.text << " / " << test.needle;
    }
}

TEST(AsciiTest, EqualsIgnoreAsciiCase) {
    for (const auto &test : kEquals) {
        EXPECT_EQ(EqualsIgnoreAsciiCase(test.a, test.b), test.equal) << test.a << " / " << test.b;
        EXPECT_EQ(EqualsIgnoreAsciiCase(test.b, test.a), test.equal) << test.b << " / " << test.a;
    }
}

TEST(AsciiTest, TrimAsciiSpace) {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"", ""},
        {" \t\n\r\v\f", ""},
        {"  12 ", "12"},
        {"\v1 2\f", "1 2"},
        {"\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0"}, // no-break space is not ASCII white space
        {"x", "x"},
    };
    for (const auto &[text, trimmed] : cases) {
        EXPECT_EQ(TrimAsciiSpace(text), trimmed) << text;
    }
}

// The helpers are usable in constant expressions.
static_assert(IsAsciiSpace('\v') && !IsAsciiSpace('a'));
static_assert(AsciiHexValue('c') == 12);
static_assert(EqualsIgnoreAsciiCase("On", "oN"));
static_assert(TrimAsciiSpace(" x ") == "x");

} // namespace
} // namespace duckgres
