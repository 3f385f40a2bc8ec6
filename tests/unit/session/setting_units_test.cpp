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

namespace {

struct NumericCase {
    NumericSetting setting;
    const char *text;
    const char *shown; //!< SHOW after SET; nullptr: rejected
};

// Checked against PostgreSQL 15: SET <parameter> = '<text>'; SHOW <parameter>.
const NumericCase kNumericCases[] = {
    {{"work_mem", true, "kB", 64, 2147483647}, "1.5MB", "1536kB"},
    {{"work_mem", true, "kB", 64, 2147483647}, "1000kB", "1000kB"},
    {{"work_mem", true, "kB", 64, 2147483647}, "100000", "100000kB"},
    {{"work_mem", true, "kB", 64, 2147483647}, "64 MB", "64MB"},
    {{"work_mem", true, "kB", 64, 2147483647}, "4096", "4MB"},
    {{"work_mem", true, "kB", 64, 2147483647}, "10", nullptr},
    {{"work_mem", true, "kB", 64, 2147483647}, "1s", nullptr},
    {{"temp_buffers", true, "8kB", 100, 1073741823}, "100", "800kB"},
    {{"temp_buffers", true, "8kB", 100, 1073741823}, "8MB", "8MB"},
    {{"shared_buffers", true, "8kB", 16, 1073741823}, "16384", "128MB"},
    {{"track_activity_query_size", true, "B", 100, 1048576}, "1024", "1kB"},
    {{"max_wal_size", true, "MB", 2, 2147483647}, "1024", "1GB"},
    {{"checkpoint_timeout", true, "s", 30, 86400}, "300", "5min"},
    {{"log_rotation_age", true, "min", 0, 35791394}, "1440", "1d"},
    {{"vacuum_cost_delay", false, "ms", 0, 100}, "1.5", "1500us"},
    {{"vacuum_cost_delay", false, "ms", 0, 100}, "0.5ms", "500us"},
    {{"vacuum_cost_delay", false, "ms", 0, 100}, "2", "2ms"},
    {{"vacuum_cost_delay", false, "ms", 0, 100}, "0", "0"},
    {{"random_page_cost", false, "", 0, 1.79769e+308}, "1.1", "1.1"},
    {{"random_page_cost", false, "", 0, 1.79769e+308}, "1e10", "1e+10"},
    {{"random_page_cost", false, "", 0, 1.79769e+308}, "0.0000001", "1e-07"},
    {{"random_page_cost", false, "", 0, 1.79769e+308}, "-1", nullptr},
    {{"random_page_cost", false, "", 0, 1.79769e+308}, "fast", nullptr},
    {{"geqo_threshold", true, "", 2, 2147483647}, "0x10", "16"},
    {{"geqo_threshold", true, "", 2, 2147483647}, "010", "8"},
    {{"geqo_threshold", true, "", 2, 2147483647}, " 12 ", "12"},
    {{"geqo_threshold", true, "", 2, 2147483647}, "2.5", "2"},
    {{"geqo_threshold", true, "", 2, 2147483647}, "12kB", nullptr},
    {{"log_min_duration_statement", true, "ms", -1, 2147483647}, "-1", "-1"},
    {{"extra_float_digits", true, "", -15, 3}, "4", nullptr},
};

TEST(SettingUnitsTest, NumericParametersAsPostgres) {
    for (const auto &c : kNumericCases) {
        std::string error, hint;
        auto value = ParseNumericSetting(c.setting, c.text, error, hint);
        if (!c.shown) {
            EXPECT_FALSE(value) << c.setting.name << " " << c.text;
            EXPECT_FALSE(error.empty()) << c.text;
        } else {
            ASSERT_TRUE(value) << c.setting.name << " " << c.text << ": " << error;
            EXPECT_EQ(FormatNumericSetting(c.setting, *value), c.shown) << c.setting.name << " " << c.text;
        }
    }
}

TEST(SettingUnitsTest, BooleanAndEnumSpellings) {
    const std::pair<const char *, std::optional<bool>> booleans[] = {
        {"on", true},  {"OFF", false},      {"Of", false},          {"t", true},
        {"tru", true}, {"yes", true},       {"n", false},           {"1", true},
        {"0", false},  {"o", std::nullopt}, {" off", std::nullopt}, {"onn", std::nullopt}};
    for (const auto &[text, expected] : booleans) {
        EXPECT_EQ(ParseBoolSetting(text), expected) << text;
    }
    EXPECT_EQ(MatchEnumSetting("content,document", "CONTENT"), "content");
    EXPECT_EQ(MatchEnumSetting("local,remote_write,remote_apply,on,off", "true"), "on");
    EXPECT_EQ(MatchEnumSetting("content,document", "true"), std::nullopt);
    EXPECT_EQ(MatchEnumSetting("serializable,repeatable read,read committed,read uncommitted", "Read Committed"),
              "read committed");
}

} // namespace
