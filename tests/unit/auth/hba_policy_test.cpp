// Unit tests for HbaPolicy: loading hba and ident files from disk, errors of both with file:line, and warnings.
#include "auth/hba_policy.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace duckgres::auth {
namespace {

class HbaPolicyTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir =
            std::filesystem::temp_directory_path() / ("duckgres_hba_policy_" + std::to_string(::getpid()) + "_" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir / "sub");
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    std::string Write(const std::string &name, const std::string &text) {
        auto path = (dir / name).string();
        std::ofstream(path) << text;
        return path;
    }

    std::filesystem::path dir;
};

TEST_F(HbaPolicyTest, DefaultWithoutFiles) {
    auto policy = HbaPolicy::Load({"", "", HbaMethod::Md5, false});
    EXPECT_TRUE(policy.Errors().empty());
    EXPECT_TRUE(policy.Warnings().empty());
    ASSERT_EQ(policy.Hba().Rules().size(), 3u);
    EXPECT_EQ(policy.Hba().Rules()[2].connection_type, HbaConnectionType::HostSsl);
    EXPECT_EQ(policy.Hba().Rules()[2].method, HbaMethod::Md5);
}

TEST_F(HbaPolicyTest, LoadsFilesWithIncludesRelativeToTheirDirectory) {
    Write("sub/admins", "alice\n+admin\n");
    auto hba = Write("sub/pg_hba.conf", "hostssl all @admins all cert map=certs\n"
                                        "host all all 127.0.0.1/32 scram-sha-256\n");
    auto ident = Write("pg_ident.conf", "certs /^(.*)$ \\1\n");
    auto policy = HbaPolicy::Load({hba, ident, HbaMethod::ScramSha256, true});
    EXPECT_TRUE(policy.Errors().empty()) << policy.Errors()[0];
    EXPECT_TRUE(policy.Warnings().empty()) << policy.Warnings()[0];
    ASSERT_EQ(policy.Hba().Rules().size(), 2u);
    EXPECT_EQ(policy.Hba().Rules()[0].users.size(), 2u);
    EXPECT_TRUE(policy.Ident().Allows("certs", "alice", "alice"));
}

TEST_F(HbaPolicyTest, ErrorsOfBothFilesWithLineNumbers) {
    auto hba = Write("pg_hba.conf", "host all all all md5\n"
                                    "host all all all ldap\n"
                                    "host all all example.com md5\n");
    auto ident = Write("pg_ident.conf", "m1 a\n# ok\nm2 \"/(\" x\n");
    auto policy = HbaPolicy::Load({hba, ident, HbaMethod::ScramSha256, true});
    auto errors = policy.Errors();
    ASSERT_EQ(errors.size(), 4u);
    EXPECT_EQ(errors[0], hba + ":2: authentication method \"ldap\" is not supported by Duckgres");
    EXPECT_EQ(errors[1].rfind(hba + ":3: host name \"example.com\" is not supported", 0), 0u) << errors[1];
    EXPECT_EQ(errors[2], ident + ":1: missing entry at end of line");
    EXPECT_EQ(errors[3].rfind(ident + ":3: invalid regular expression \"(\"", 0), 0u) << errors[3];
}

TEST_F(HbaPolicyTest, MissingFilesAreErrors) {
    auto policy = HbaPolicy::Load(
        {(dir / "none.conf").string(), (dir / "none_ident.conf").string(), HbaMethod::ScramSha256, true});
    auto errors = policy.Errors();
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0], (dir / "none.conf").string() + ": could not open file: No such file or directory");
    EXPECT_EQ(errors[1], (dir / "none_ident.conf").string() + ": could not open file: No such file or directory");
    auto directory = HbaPolicy::Load({(dir / "sub").string(), "", HbaMethod::ScramSha256, true});
    EXPECT_EQ(directory.Errors(),
              (std::vector<std::string>{(dir / "sub").string() + ": could not open file: Is a directory"}));
}

TEST_F(HbaPolicyTest, Warnings) {
    auto hba = Write("pg_hba.conf", "host all all 127.0.0.1/32 trust\n"
                                    "hostssl all all all cert map=certs\n"
                                    "hostssl all all all cert map=other\n");
    auto ident = Write("pg_ident.conf", "certs a a\n");
    auto with_tls = HbaPolicy::Load({hba, ident, HbaMethod::ScramSha256, true});
    EXPECT_EQ(with_tls.Warnings(), (std::vector<std::string>{
                                       hba + ":1: trust lets anyone matching this line connect without a password",
                                       hba + ":3: map \"other\" is not defined in " + ident,
                                   }));
    auto without = HbaPolicy::Load({hba, "", HbaMethod::ScramSha256, false});
    EXPECT_EQ(without.Warnings(), (std::vector<std::string>{
                                      hba + ":1: trust lets anyone matching this line connect without a password",
                                      hba + ":2: hostssl cannot match any connection: TLS is off (tls.mode: off)",
                                      hba + ":2: map \"certs\" cannot match: no ident_file is configured",
                                      hba + ":3: hostssl cannot match any connection: TLS is off (tls.mode: off)",
                                      hba + ":3: map \"other\" cannot match: no ident_file is configured",
                                  }));
}

} // namespace
} // namespace duckgres::auth
