// to_char(number, template) and to_number(text, template): the results PostgreSQL 15 gives, from tables of cases.
#include "types/number_template.hpp"

#include <gtest/gtest.h>

using namespace duckgres::types;

namespace {

struct ToCharCase {
    const char *number;
    bool is_float;
    const char *format;
    const char *expected;
};

// Each checked against PostgreSQL 15: SELECT to_char(<number>, '<format>').
const ToCharCase kToChar[] = {
    {"0.5", false, "9.99", "  .50"},
    {"0", false, "9", " 0"},
    {"0", false, "99.99", "   .00"},
    {"-0.5", false, "9.99", " -.50"},
    {"0.5", false, "0.99", " 0.50"},
    {"5", false, "999", "   5"},
    {"-5", false, "999", "  -5"},
    {"12345", false, "999", " ###"},
    {"-12345", false, "999", "-###"},
    {"12345", false, "FM999", "###"},
    {"-5", false, "S999", "  -5"},
    {"5", false, "S999", "  +5"},
    {"5", false, "999S", "  5+"},
    {"-5", false, "999MI", "  5-"},
    {"5", false, "999MI", "  5 "},
    {"-5", false, "MI999", "-  5"},
    {"5", false, "PL999", "+   5"},
    {"-5", false, "SG999", "-  5"},
    {"-5", false, "999PR", "  <5>"},
    {"5", false, "999PR", "   5 "},
    {"-5", false, "FM999PR", "<5>"},
    {"1234567.891", false, "9,999,999.99", " 1,234,567.89"},
    {"123", false, "9,999", "   123"},
    {"123", false, "FM9,999", "123"},
    {"1.5", false, "FM9.999", "1.5"},
    {"1", false, "FM9.99", "1."},
    {"1", false, "FM9.00", "1.00"},
    {"10", false, "FM99.9", "10."},
    {"0.157", false, "FM990.0%", "0.2%"},
    {"1234.5", false, "FM9,999.00", "1,234.50"},
    {"42", false, "00000", " 00042"},
    {"1234.5", false, "9999.99", " 1234.50"},
    {"42", false, "000", " 042"},
    {"1.25", false, "9.9", " 1.3"},
    {"-1.25", false, "9.9", "-1.3"},
    {"2.5", false, "9", " 3"},
    {"12", false, "0999", " 0012"},
    {"12", false, "9099", "  012"},
    {"3.14159", true, "9.999", " 3.142"},
    {"1.5", true, "9", " 2"},
    {"2.5", true, "9", " 2"},
    {"1234.5", false, "L9999.99", "  1234.50"},
    {"485", false, "9 9 9", " 4 8 5"},
    {"12", false, "\"N:\"99", "N: 12"},
    {"12.3", false, "99D9", " 12.3"},
    {"12345", false, "99G999", " 12,345"},
    {"-12.3", false, "FM99.99", "-12.3"},
    {"0", false, "FM9.99", "0."},
    {"0", false, "FM0.99", "0."},
    {"0.5", false, "FM9.99", ".5"},
    {"0", false, "FM99", "0"},
    {"-0.5", false, "FM9.99", "-.5"},
    {"5", false, "FMS999", "+5"},
    {"-5", false, "FM999MI", "5-"},
    {"21", false, "99th", " 21st"},
    {"12.4", false, "99V9", " 124"},
    {"0.05", false, ".9", " .#"},
    {"-0.05", false, ".99", "-.##"},
};

TEST(NumberTemplateTest, ToCharAsPostgres) {
    for (const auto &c : kToChar) {
        EXPECT_EQ(NumberToChar(c.number, c.is_float, c.format), c.expected) << c.number << " " << c.format;
    }
}

struct ToNumberCase {
    const char *text;
    const char *format;
    const char *expected; //!< nullptr: invalid input (22P02)
};

// Checked against PostgreSQL 15: SELECT to_number('<text>', '<format>').
const ToNumberCase kToNumber[] = {
    {"1,234.50", "9G999D99", "1234.50"},
    {"  -42", "999", "-42"},
    {"12,454.8-", "99G999D9S", "-12454.8"},
    {"$1,234", "L9,999", "1234"},
    {"<5>", "9PR", "-5"},
    {"12abc", "99", "12"},
    {"12345", "99", "12"},
    {"1.23456", "9.99", "1.23"},
    {"-1.5", "S9.9", "-1.5"},
    {"1 234", "9 999", "1234"},
    {"5-", "9MI", "-5"},
    {"0.5", "9.9", "0.5"},
    {"12.5", "999", "12"},
    {"", "999", nullptr},
    {"abc", "999", nullptr},
};

TEST(NumberTemplateTest, ToNumberAsPostgres) {
    for (const auto &c : kToNumber) {
        auto number = NumberFromText(c.text, c.format);
        if (c.expected) {
            ASSERT_TRUE(number) << c.text;
            EXPECT_EQ(*number, c.expected) << c.text << " " << c.format;
        } else {
            EXPECT_FALSE(number) << c.text;
        }
    }
}

} // namespace
