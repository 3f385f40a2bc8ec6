// Unit tests for the TLS settings: parsing from YAML and environment, and validation.
#include "config/config_loader.hpp"
#include "config/server_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace duckgres::config {
namespace {

TEST(TlsConfigTest, ParseTlsVersion) {
    struct Case {
        const char *text;
        std::optional<TlsVersion> expected;
    };
    const Case cases[] = {
        {"TLSv1.2", TlsVersion::Tls12}, {"tlsv1.3", TlsVersion::Tls13}, {"TLSV1.3", TlsVersion::Tls13},
        {"TLSv1.1", std::nullopt},      {"1.2", std::nullopt},          {"", std::nullopt},
        {"TLSv1.2 ", std::nullopt},
    };
    for (const Case &test_case : cases) {
        EXPECT_EQ(ParseTlsVersion(test_case.text), test_case.expected) << test_case.text;
    }
    EXPECT_STREQ(TlsVersionName(TlsVersion::Tls12), "TLSv1.2");
    EXPECT_STREQ(TlsVersionName(TlsVersion::Tls13), "TLSv1.3");
}

TEST(TlsConfigTest, DefaultsAreSecure) {
    ServerConfig config;
    EXPECT_EQ(config.tls.min_protocol_version, TlsVersion::Tls12);
    EXPECT_EQ(config.tls.ciphers, "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL");
    EXPECT_TRUE(config.tls.client_ca_file.empty());
    EXPECT_TRUE(config.tls.crl_file.empty());
}

TEST(TlsConfigTest, YamlAndEnvironment) {
    ServerConfig config;
    std::vector<std::string> errors;
    ApplyYaml(config,
              "tls:\n  min_protocol_version: TLSv1.3\n  ciphers: ECDHE+AESGCM\n  client_ca_file: /ca.pem\n"
              "  crl_file: /crl.pem\n",
              errors);
    EXPECT_TRUE(errors.empty()) << errors.front();
    EXPECT_EQ(config.tls.min_protocol_version, TlsVersion::Tls13);
    EXPECT_EQ(config.tls.ciphers, "ECDHE+AESGCM");
    EXPECT_EQ(config.tls.client_ca_file, "/ca.pem");
    EXPECT_EQ(config.tls.crl_file, "/crl.pem");

    ApplyEnvironment(
        config,
        [](const char *name) -> const char * {
            return std::string(name) == "DUCKGRES_TLS_MIN_PROTOCOL_VERSION" ? "TLSv1.2" : nullptr;
        },
        errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(config.tls.min_protocol_version, TlsVersion::Tls12);

    ApplyYaml(config, "tls:\n  min_protocol_version: SSLv3\n", errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("tls.min_protocol_version"), std::string::npos) << errors[0];
}

TEST(TlsConfigTest, Validation) {
    char pattern[] = "/tmp/duckgres-tls-config-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    std::string dir = pattern;
    std::string existing = dir + "/exists.pem";
    std::ofstream(existing) << "not checked here\n";
    std::string missing = dir + "/missing.pem";

    struct Case {
        const char *name;
        TlsConfig tls;
        std::string expected_error; // empty: valid; else a substring of the only error
    };
    auto make = [](TlsMode mode, std::string cert, std::string key, std::string ca, std::string crl,
                   std::string ciphers = kDefaultTlsCiphers) {
        TlsConfig tls;
        tls.mode = mode;
        tls.cert_file = std::move(cert);
        tls.key_file = std::move(key);
        tls.client_ca_file = std::move(ca);
        tls.crl_file = std::move(crl);
        tls.ciphers = std::move(ciphers);
        return tls;
    };
    const Case cases[] = {
        {"auto defaults", make(TlsMode::Auto, "", "", "", ""), ""},
        {"files", make(TlsMode::Files, existing, existing, "", ""), ""},
        {"files with CA and CRL", make(TlsMode::Files, existing, existing, existing, existing), ""},
        {"files without key", make(TlsMode::Files, existing, "", "", ""), "tls: mode files needs"},
        {"missing certificate", make(TlsMode::Files, missing, existing, "", ""), "tls.cert_file"},
        {"missing key", make(TlsMode::Files, existing, missing, "", ""), "tls.key_file"},
        {"missing CA", make(TlsMode::Auto, "", "", missing, ""), "tls.client_ca_file"},
        {"missing CRL", make(TlsMode::Auto, "", "", existing, missing), "tls.crl_file"},
        {"CRL without CA", make(TlsMode::Auto, "", "", "", existing), "tls.crl_file: needs tls.client_ca_file"},
        {"directory as CA", make(TlsMode::Auto, "", "", dir, ""), "tls.client_ca_file"},
        {"empty cipher list", make(TlsMode::Auto, "", "", "", "", ""), "tls.ciphers"},
        {"off ignores files", make(TlsMode::Off, missing, missing, missing, ""), ""},
    };
    for (const Case &test_case : cases) {
        ServerConfig config;
        config.tls = test_case.tls;
        std::vector<std::string> errors;
        Validate(config, errors);
        if (test_case.expected_error.empty()) {
            EXPECT_TRUE(errors.empty()) << test_case.name << ": " << errors.front();
        } else {
            ASSERT_EQ(errors.size(), 1u) << test_case.name;
            EXPECT_NE(errors[0].find(test_case.expected_error), std::string::npos)
                << test_case.name << ": " << errors[0];
        }
    }
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace duckgres::config
