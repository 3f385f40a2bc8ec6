// Time-valued parameters: the values PostgreSQL 15 accepts, how SHOW prints them, and its errors.
#include "session/setting_units.hpp"

#include <gtest/gtest.h>

using namespace duckgres::session;

namespace {

struct ParseCase {
    const char *text;
    int64_t milliseconds; //!< -1: rejected
    const char *shown;    //!< SHOW after SET, or the error message when rejected
    const char *hint;
};

// Checked against PostgreSQL 15: SET statement_timeout = '<text>'; SHOW statement_timeout.
const ParseCase kCases[] = {
    {"0", 0, "0", ""},
    {"1500", 1500, "1500ms", ""},
    {"1.5s", 1500, "1500ms", ""},
    {"60000", 60000, "1min", ""},
    {"5 s", 5000, "5s", ""},
    {" 250ms ", 250, "250ms", ""},
    {"0.4", 0, "0", ""},
    {"10us", 0, "0", ""},
    {"600us", 1, "1ms", ""},
    {"1d", 86400000, "1d", ""},
    {"25h", 90000000, "25h", ""},
    {"2147483647", 2147483647, "2147483647ms", ""},
    {"5S", -1, "invalid value for parameter \"statement_timeout\": \"5S\"",
     "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"."},
    {"-1", -1, "-1 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)", ""},
    {"3000000000", -1, "invalid value for parameter \"statement_timeout\": \"3000000000\"",
     "Value exceeds integer range."},
    {"abc", -1, "invalid value for parameter \"statement_timeout\": \"abc\"", ""},
    {"", -1, "invalid value for parameter \"statement_timeout\": \"\"", ""},
};

TEST(SettingUnitsTest, ParsesAndShowsAsPostgres) {
    for (const auto &c : kCases) {
        std::string error, hint;
        auto value = ParseMilliseconds("statement_timeout", c.text, error, hint);
        if (c.milliseconds < 0) {
            EXPECT_FALSE(value) << c.text;
            EXPECT_EQ(error, c.shown) << c.text;
            EXPECT_EQ(hint, c.hint) << c.text;
        } else {
            ASSERT_TRUE(value) << c.text << ": " << error;
            EXPECT_EQ(*value, c.milliseconds) << c.text;
            EXPECT_EQ(FormatMilliseconds(*value), c.shown) << c.text;
        }
    }
}

} // namespace
