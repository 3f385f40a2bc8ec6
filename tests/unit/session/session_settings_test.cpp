// SessionSettings: SET / RESET / SHOW values as PostgreSQL 15 keeps them, from tables of steps.
#include "session/session_settings.hpp"

#include <gtest/gtest.h>

using namespace duckgres::session;

namespace {

struct Step {
    const char *name;
    const char *value; //!< nullptr: RESET
    const char *shown; //!< SHOW afterwards; nullptr: unknown (42704)
};

TEST(SessionSettingsTest, ValuesAsPostgresKeepsThem) {
    const Step steps[] = {
        {"DateStyle", "ISO, DMY", "ISO, DMY"},
        {"datestyle", "ISO", "ISO, DMY"}, // no order given: the current one stays
        {"DateStyle", nullptr, "ISO, MDY"},
        {"statement_timeout", "90000", "90s"},
        {"myapp.flag", "on", "on"}, // a custom placeholder
        {"myapp.flag", nullptr, ""},
        {"no_such_parameter", "1", nullptr},
    };
    SessionSettings settings;
    for (const auto &step : steps) {
        if (step.value) {
            auto error = settings.Set(step.name, step.value);
            EXPECT_EQ(static_cast<bool>(error), step.shown == nullptr) << step.name;
        } else {
            settings.Reset(step.name);
        }
        auto shown = settings.Get(step.name);
        if (step.shown) {
            ASSERT_TRUE(shown) << step.name;
            EXPECT_EQ(*shown, step.shown) << step.name;
        } else {
            EXPECT_FALSE(shown) << step.name;
        }
    }
}

TEST(SessionSettingsTest, ResetReturnsToTheConfiguredDefault) {
    SessionSettings settings;
    ASSERT_FALSE(settings.SetDefault("statement_timeout", "300"));
    ASSERT_FALSE(settings.Set("statement_timeout", "0"));
    settings.Reset("statement_timeout");
    EXPECT_EQ(*settings.Get("statement_timeout"), "300ms");
    EXPECT_EQ(settings.Milliseconds("statement_timeout"), 300);
}

} // namespace

namespace {

TEST(SessionSettingsTest, SearchPathSchemas) {
    const std::pair<const char *, std::vector<std::string>> cases[] = {
        {"\"$user\", public", {"alice", "public"}},
        {"app,Public", {"app", "public"}},
        {" \"My Schema\" , x ", {"My Schema", "x"}},
        {"\"a\"\"b\"", {"a\"b"}},
        {"", {}},
    };
    for (const auto &[value, expected] : cases) {
        EXPECT_EQ(SearchPathSchemas(value, "alice"), expected) << value;
    }
}

} // namespace
