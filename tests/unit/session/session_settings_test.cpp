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

namespace {

TEST(SessionSettingsTest, EveryPostgresParameterByItsType) {
    const Step steps[] = {
        {"enable_seqscan", "off", "off"},
        {"random_page_cost", "1.1", "1.1"},
        {"synchronize_seqscans", "false", "off"},
        {"default_tablespace", "", ""},
        {"default_table_access_method", "heap", "heap"},
        {"row_security", "off", "off"},
        {"xmloption", "DOCUMENT", "document"},
        {"lock_timeout", "0", "0"},
        {"lock_timeout", "2s", "2s"},
        {"work_mem", "64MB", "64MB"},
        {"check_function_bodies", "false", "off"},
        {"client_min_messages", "WARNING", "warning"},
        {"synchronous_commit", "local", "local"},
        {"enable_hashjoin", nullptr, "on"},
        {"jit_above_cost", "100000", "100000"},
    };
    SessionSettings settings;
    for (const auto &step : steps) {
        if (step.value) {
            auto error = settings.Set(step.name, step.value);
            EXPECT_FALSE(error) << step.name << ": " << (error ? error->what() : "");
        } else {
            settings.Reset(step.name);
        }
        EXPECT_EQ(settings.Get(step.name).value_or("?"), step.shown) << step.name;
    }
    EXPECT_EQ(SessionSettings::Definitions().size(), 356u); // pg_settings of PostgreSQL 15, and two it hides
}

TEST(SessionSettingsTest, InvalidValuesAreRejectedAs22023) {
    const std::pair<const char *, const char *> invalid[] = {
        {"enable_seqscan", "maybe"}, {"random_page_cost", "-1"},    {"work_mem", "10"},
        {"xmloption", "html"},       {"lock_timeout", "5 parsecs"}, {"geqo_threshold", "1"},
    };
    SessionSettings settings;
    for (const auto &[name, value] : invalid) {
        auto error = settings.Set(name, value);
        ASSERT_TRUE(error) << name << " = " << value;
        EXPECT_EQ(error->sqlstate, "22023") << name;
    }
}

TEST(SessionSettingsTest, WhatDuckgresFixesAndWhatFollowsTheDefault) {
    EXPECT_EQ(SessionSettings::Find("shared_buffers")->effect, SettingEffect::ReadOnly);   // postmaster
    EXPECT_EQ(SessionSettings::Find("wal_level")->effect, SettingEffect::ReadOnly);        // postmaster
    EXPECT_EQ(SessionSettings::Find("enable_seqscan")->effect, SettingEffect::Accepted);   // user
    EXPECT_EQ(SessionSettings::Find("statement_timeout")->effect, SettingEffect::Session); // used by Duckgres
    SessionSettings settings;
    EXPECT_EQ(*settings.Get("transaction_read_only"), "off");
    ASSERT_FALSE(settings.Set("default_transaction_read_only", "on"));
    EXPECT_EQ(*settings.Get("transaction_read_only"), "on");
    EXPECT_EQ(*settings.Get("transaction_isolation"), "read committed");
    EXPECT_EQ(*settings.Get("shared_buffers"), "128MB");
    EXPECT_EQ(*settings.Get("server_version_num"), "150000");
}

} // namespace

TEST(SessionSettingsTest, ChangesFollowTheParameterContext) {
    struct Case {
        const char *name;
        bool superuser;
        const char *sqlstate; // "" when the change is allowed
    };
    const Case cases[] = {
        {"statement_timeout", false, ""},     {"deadlock_timeout", true, ""},
        {"deadlock_timeout", false, "42501"}, {"lc_messages", false, "42501"},
        {"max_connections", true, "55P02"},   {"ssl", true, "55P02"},
        {"log_connections", true, "55P02"},   {"jit_debugging_support", false, "55P02"},
        {"server_version", true, "55P02"},    {"log_checkpoints", false, "55P02"},
    };
    for (const auto &c : cases) {
        const auto *definition = SessionSettings::Find(c.name);
        ASSERT_NE(definition, nullptr) << c.name;
        auto refusal = SessionSettings::RefuseChange(*definition, c.superuser);
        EXPECT_EQ(refusal ? refusal->sqlstate : "", c.sqlstate) << c.name << " superuser=" << c.superuser;
    }
}
