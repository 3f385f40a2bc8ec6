// Certificates made in memory for the net layer's unit tests (header-only: the test glob builds *_test.cpp).
#pragma once

#include "net/openssl_handles.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace duckgres::net {

//! Subject entries in order, e.g. {{"O", "Example"}, {"CN", "alice"}}; values are UTF-8 and may hold NUL bytes.
using SubjectEntries = std::vector<std::pair<std::string, std::string>>;

struct TestCertificateSpec {
    EVP_PKEY *key = nullptr;        //!< subject key, which also signs (the issuer name is only a name)
    const EVP_MD *digest = nullptr; //!< signature digest; null for Ed25519
    SubjectEntries subject;
    SubjectEntries issuer;        //!< empty: the subject (self-signed)
    std::string subject_alt_name; //!< e.g. "DNS:localhost"; empty: no extension
};

namespace test_detail {

inline void Require(bool ok, const char *what) {
    if (!ok) {
        throw std::runtime_error(std::string("test certificate: ") + what);
    }
}

inline void AddEntries(X509_NAME *name, const SubjectEntries &entries) {
    for (const auto &[field, value] : entries) {
        test_detail::Require(X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                                        reinterpret_cast<const unsigned char *>(value.data()),
                                                        static_cast<int>(value.size()), -1, 0) == 1,
                             "name entry");
    }
}

} // namespace test_detail

//! "EC" (P-256), "RSA" (2048 bits) or "ED25519".
inline PkeyPtr MakeTestKey(const char *type) {
    std::string name = type;
    PkeyPtr key(name == "EC"    ? EVP_EC_gen("P-256")
                : name == "RSA" ? EVP_RSA_gen(2048)
                                : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    test_detail::Require(key != nullptr, "key generation");
    return key;
}

inline X509Ptr MakeTestCertificate(const TestCertificateSpec &spec) {
    X509Ptr cert(X509_new());
    test_detail::Require(cert != nullptr, "X509_new");
    test_detail::Require(X509_set_version(cert.get(), X509_VERSION_3) == 1, "version");
    test_detail::Require(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 7) == 1, "serial");
    test_detail::Require(X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) != nullptr, "notBefore");
    test_detail::Require(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600) != nullptr, "notAfter");
    test_detail::Require(X509_set_pubkey(cert.get(), spec.key) == 1, "pubkey");
    test_detail::AddEntries(X509_get_subject_name(cert.get()), spec.subject);
    test_detail::AddEntries(X509_get_issuer_name(cert.get()), spec.issuer.empty() ? spec.subject : spec.issuer);
    if (!spec.subject_alt_name.empty()) {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
        X509ExtensionPtr extension(
            X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, spec.subject_alt_name.c_str()));
        test_detail::Require(extension != nullptr && X509_add_ext(cert.get(), extension.get(), -1) == 1,
                             "subjectAltName");
    }
    test_detail::Require(X509_sign(cert.get(), spec.key, spec.digest) > 0, "sign");
    return cert;
}

inline void WritePem(X509 *cert, const std::string &path) {
    FilePtr file(std::fopen(path.c_str(), "wb"));
    test_detail::Require(file != nullptr && PEM_write_X509(file.get(), cert) == 1, "write");
}

} // namespace duckgres::net
