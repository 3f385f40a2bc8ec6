// Unit tests for the generated auto mode certificate and the recognition of old generated ones.
#include "net/self_signed_certificate.hpp"
#include "test_certificates.hpp"

#include <gtest/gtest.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <filesystem>

namespace duckgres::net {
namespace {

class SelfSignedCertificateTest : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/duckgres-cert-test-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string Path(const char *name) const { return (dir_ / name).string(); }

    std::filesystem::path dir_;
};

X509Ptr ReadPem(const std::string &path) {
    FilePtr file(std::fopen(path.c_str(), "rb"));
    return X509Ptr(file ? PEM_read_X509(file.get(), nullptr, nullptr, nullptr) : nullptr);
}

TEST_F(SelfSignedCertificateTest, GeneratedCertificateNamesLocalAddresses) {
    GenerateSelfSignedCertificate(Path("server.crt"), Path("server.key"));
    auto cert = ReadPem(Path("server.crt"));
    ASSERT_NE(cert, nullptr);
    struct Case {
        const char *name;
        bool is_ip;
        bool matches;
    };
    const Case cases[] = {
        {"localhost", false, true},    {"127.0.0.1", true, true},  {"::1", true, true},
        {"example.com", false, false}, {"127.0.0.2", true, false}, {"10.0.0.1", true, false},
    };
    for (const Case &test_case : cases) {
        int result = test_case.is_ip ? X509_check_ip_asc(cert.get(), test_case.name, 0)
                                     : X509_check_host(cert.get(), test_case.name, 0, 0, nullptr);
        EXPECT_EQ(result == 1, test_case.matches) << test_case.name;
    }
    struct stat key_stat {};
    ASSERT_EQ(stat(Path("server.key").c_str(), &key_stat), 0);
    EXPECT_EQ(key_stat.st_mode & 0777, 0600u);
    EXPECT_TRUE(HasSubjectAltName(Path("server.crt")));
    EXPECT_FALSE(IsGeneratedWithoutSubjectAltName(Path("server.crt")));
}

TEST_F(SelfSignedCertificateTest, RecognizesOldGeneratedCertificates) {
    auto key = MakeTestKey("EC");
    struct Case {
        const char *name;
        SubjectEntries subject;
        SubjectEntries issuer;
        std::string alt_name;
        bool old_generated;
    };
    const Case cases[] = {
        {"as generated before subjectAltName", {{"CN", "localhost"}}, {}, "", true},
        {"with subjectAltName", {{"CN", "localhost"}}, {}, "DNS:localhost", false},
        {"issued by a CA", {{"CN", "localhost"}}, {{"CN", "Some CA"}}, "", false},
        {"another name", {{"CN", "db.example.com"}}, {}, "", false},
        {"more than a CN", {{"O", "Example"}, {"CN", "localhost"}}, {}, "", false},
    };
    for (const Case &test_case : cases) {
        auto cert =
            MakeTestCertificate({key.get(), EVP_sha256(), test_case.subject, test_case.issuer, test_case.alt_name});
        WritePem(cert.get(), Path("server.crt"));
        EXPECT_EQ(IsGeneratedWithoutSubjectAltName(Path("server.crt")), test_case.old_generated) << test_case.name;
        EXPECT_EQ(HasSubjectAltName(Path("server.crt")), !test_case.alt_name.empty()) << test_case.name;
    }
    EXPECT_FALSE(IsGeneratedWithoutSubjectAltName(Path("missing.crt")));
    EXPECT_FALSE(HasSubjectAltName(Path("missing.crt")));
}

} // namespace
} // namespace duckgres::net
