// Unit tests for the tls-server-end-point hash and the client certificate subject fields.
#include "net/certificate_fields.hpp"
#include "test_certificates.hpp"

#include <gtest/gtest.h>

namespace duckgres::net {
namespace {

//! The certificate's DER encoding hashed with `digest`, computed apart from X509_digest.
std::string HashOfDer(X509 *cert, const EVP_MD *digest) {
    unsigned char *der = nullptr;
    int length = i2d_X509(cert, &der);
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int hash_length = 0;
    EVP_Digest(der, length, hash, &hash_length, digest, nullptr);
    OPENSSL_free(der);
    return std::string(reinterpret_cast<const char *>(hash), hash_length);
}

TEST(CertificateFieldsTest, TlsServerEndPointHashFollowsTheSignatureDigest) {
    auto ec = MakeTestKey("EC");
    auto rsa = MakeTestKey("RSA");
    auto ed25519 = MakeTestKey("ED25519");
    struct Case {
        const char *name;
        EVP_PKEY *key;
        const EVP_MD *signature_digest;
        const EVP_MD *expected_hash; // null: no channel binding data
    };
    const Case cases[] = {
        {"ECDSA with SHA-256", ec.get(), EVP_sha256(), EVP_sha256()},
        {"ECDSA with SHA-384", ec.get(), EVP_sha384(), EVP_sha384()},
        {"ECDSA with SHA-512", ec.get(), EVP_sha512(), EVP_sha512()},
        {"RSA with SHA-256", rsa.get(), EVP_sha256(), EVP_sha256()},
        {"RSA with SHA-512", rsa.get(), EVP_sha512(), EVP_sha512()},
        {"RSA with SHA-1 uses SHA-256", rsa.get(), EVP_sha1(), EVP_sha256()},
        {"RSA with MD5 uses SHA-256", rsa.get(), EVP_md5(), EVP_sha256()},
        {"ECDSA with SHA-1 uses SHA-256", ec.get(), EVP_sha1(), EVP_sha256()},
        {"Ed25519 has no digest", ed25519.get(), nullptr, nullptr},
    };
    for (const Case &test_case : cases) {
        auto cert = MakeTestCertificate({test_case.key, test_case.signature_digest, {{"CN", "server"}}, {}, ""});
        std::string hash = TlsServerEndPointHash(cert.get());
        if (test_case.expected_hash == nullptr) {
            EXPECT_TRUE(hash.empty()) << test_case.name;
            continue;
        }
        EXPECT_EQ(hash.size(), static_cast<size_t>(EVP_MD_get_size(test_case.expected_hash))) << test_case.name;
        EXPECT_EQ(hash, HashOfDer(cert.get(), test_case.expected_hash)) << test_case.name;
    }
}

TEST(CertificateFieldsTest, HashDiffersBetweenCertificates) {
    auto key = MakeTestKey("EC");
    auto first = MakeTestCertificate({key.get(), EVP_sha256(), {{"CN", "server"}}, {}, ""});
    auto second = MakeTestCertificate({key.get(), EVP_sha256(), {{"CN", "server2"}}, {}, ""});
    EXPECT_NE(TlsServerEndPointHash(first.get()), TlsServerEndPointHash(second.get()));
}

TEST(CertificateFieldsTest, ClientSubject) {
    auto key = MakeTestKey("EC");
    struct Case {
        const char *name;
        SubjectEntries subject;
        std::string common_name;
        std::string distinguished_name;
    };
    const Case cases[] = {
        {"CN only", {{"CN", "alice"}}, "alice", "CN=alice"},
        {"RFC 2253 order is most specific first", {{"O", "Example"}, {"CN", "bob"}}, "bob", "CN=bob,O=Example"},
        {"no CN", {{"O", "Example"}, {"OU", "Ops"}}, "", "OU=Ops,O=Example"},
        {"UTF-8 CN", {{"CN", "jos\xc3\xa9"}}, "jos\xc3\xa9", "CN=jos\\C3\\A9"},
        {"comma in CN is escaped in the DN", {{"CN", "a,b"}}, "a,b", "CN=a\\,b"},
        {"first CN counts", {{"CN", "first"}, {"CN", "second"}}, "first", "CN=second,CN=first"},
        {"embedded NUL hides the CN", {{"CN", std::string("admin\0.evil", 11)}}, "", "CN=admin\\00.evil"},
        {"empty subject", {}, "", ""},
    };
    for (const Case &test_case : cases) {
        auto cert = MakeTestCertificate({key.get(), EVP_sha256(), test_case.subject, {{"CN", "Test CA"}}, ""});
        auto subject = ClientCertificateOf(cert.get());
        EXPECT_EQ(subject.common_name, test_case.common_name) << test_case.name;
        EXPECT_EQ(subject.distinguished_name, test_case.distinguished_name) << test_case.name;
    }
}

} // namespace
} // namespace duckgres::net
