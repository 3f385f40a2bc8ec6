// Unit tests for the hba_file and ident_file settings from YAML and DUCKGRES_* environment variables.
#include "config/config_loader.hpp"

#include <gtest/gtest.h>

#include <map>

namespace duckgres::config {
namespace {

TEST(HbaConfigTest, FromYaml) {
    ServerConfig config;
    std::vector<std::string> errors;
    ApplyYaml(config, "hba_file: /etc/duckgres/pg_hba.conf\nident_file: pg_ident.conf\n", errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(config.hba_file, "/etc/duckgres/pg_hba.conf");
    EXPECT_EQ(config.ident_file, "pg_ident.conf");
}

TEST(HbaConfigTest, DefaultsAreEmpty) {
    ServerConfig config;
    EXPECT_EQ(config.hba_file, "");
    EXPECT_EQ(config.ident_file, "");
}

TEST(HbaConfigTest, FromEnvironmentOverridesYaml) {
    ServerConfig config;
    std::vector<std::string> errors;
    ApplyYaml(config, "hba_file: a.conf\nident_file: b.conf\n", errors);
    const std::map<std::string, std::string> environment = {{"DUCKGRES_HBA_FILE", "/env/hba.conf"},
                                                            {"DUCKGRES_IDENT_FILE", "/env/ident.conf"}};
    ApplyEnvironment(
        config,
        [&](const char *name) -> const char * {
            auto it = environment.find(name);
            return it == environment.end() ? nullptr : it->second.c_str();
        },
        errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(config.hba_file, "/env/hba.conf");
    EXPECT_EQ(config.ident_file, "/env/ident.conf");
}

TEST(HbaConfigTest, NestedValueIsAnError) {
    ServerConfig config;
    std::vector<std::string> errors;
    ApplyYaml(config, "hba_file: [a, b]\n", errors);
    EXPECT_EQ(errors, (std::vector<std::string>{"hba_file: expected a single value"}));
}

} // namespace
} // namespace duckgres::config
