// RewriteSettings: the value set_config() returns, as SET would store it, worked out without changing the session.
#include "session/rewrite_settings.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace duckgres::session;
using duckgres::sql::SettingChange;

namespace {

TEST(RewriteSettingsTest, ValueAsSetWouldStoreIt) {
    struct {
        std::vector<SettingChange> changes;
        bool in_transaction;
        std::optional<std::string> shown; //!< nullopt: applying the changes fails
    } cases[] = {
        {{{"DateStyle", "dmy", false}}, false, "ISO, DMY"},
        // An order set earlier in the statement stays, as SET DateStyle = ISO after DMY keeps DMY.
        {{{"datestyle", "dmy", false}, {"DateStyle", "iso", false}}, false, "ISO, DMY"},
        {{{"statement_timeout", "90000", false}}, false, "90s"},
        {{{"myapp.flag", "on", false}}, false, "on"},
        {{{"application_name", "x", true}}, true, "x"},
        // SET LOCAL outside a transaction only warns: the value stays.
        {{{"application_name", "x", true}}, false, ""},
        {{{"myapp.flag", "on", true}}, false, "on"},
        {{{"no_such_parameter", "1", false}}, false, std::nullopt},
        {{{"server_version", "9", false}}, false, std::nullopt},
        {{{"DateStyle", "German", false}}, false, "German, DMY"},
        {{{"DateStyle", "German, ISO", false}}, false, std::nullopt},
        {{{"no_such_parameter", "1", false}, {"application_name", "x", false}}, false, std::nullopt},
    };
    SessionSettings settings;
    for (const auto &c : cases) {
        auto draft = RewriteSettings(settings, c.in_transaction).Draft();
        std::optional<std::string> shown;
        for (const auto &change : c.changes) {
            shown = draft->Apply(change);
        }
        EXPECT_EQ(shown, c.shown) << c.changes.back().name << " = " << c.changes.back().value;
    }
    // Nothing was set.
    EXPECT_EQ(settings.Get("DateStyle").value_or(""), "ISO, MDY");
    EXPECT_EQ(settings.Get("myapp.flag"), std::nullopt);
    EXPECT_EQ(RewriteSettings(settings, false).Get("TimeZone").value_or(""), "UTC");
}

} // namespace
