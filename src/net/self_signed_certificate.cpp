// Generates the auto mode certificate and recognizes the older generated ones that lack a subjectAltName.
#include "net/self_signed_certificate.hpp"

#include "net/openssl_handles.hpp"

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <stdexcept>

namespace duckgres::net {

namespace {

constexpr const char *kGeneratedCommonName = "localhost";
constexpr const char *kGeneratedSubjectAltName = "DNS:localhost,IP:127.0.0.1,IP:::1";

void Check(bool ok, const char *what) {
    if (!ok) {
        throw std::runtime_error(std::string("TLS certificate generation failed: ") + what);
    }
}

X509Ptr ReadCertificate(const std::string &path) {
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        return nullptr;
    }
    return X509Ptr(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
}

bool HasSubjectAltName(X509 *cert) {
    return X509_get_ext_by_NID(cert, NID_subject_alt_name, -1) >= 0;
}

//! Whether the name is exactly one CN=localhost entry.
bool IsGeneratedName(const X509_NAME *name) {
    if (X509_NAME_entry_count(name) != 1) {
        return false;
    }
    const X509_NAME_ENTRY *entry = X509_NAME_get_entry(name, 0);
    if (OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry)) != NID_commonName) {
        return false;
    }
    const ASN1_STRING *value = X509_NAME_ENTRY_get_data(entry);
    return std::string(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)), ASN1_STRING_length(value)) ==
           kGeneratedCommonName;
}

} // namespace

void GenerateSelfSignedCertificate(const std::string &cert_path, const std::string &key_path) {
    PkeyPtr key(EVP_EC_gen("P-256"));
    Check(key != nullptr, "key generation");
    X509Ptr cert(X509_new());
    Check(cert != nullptr, "X509_new");
    Check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "version");
    // A random positive serial number.
    unsigned char serial[16];
    FilePtr urandom(std::fopen("/dev/urandom", "rb"));
    Check(urandom && std::fread(serial, 1, sizeof(serial), urandom.get()) == sizeof(serial), "serial");
    serial[0] &= 0x7F;
    BignumPtr bn(BN_bin2bn(serial, sizeof(serial), nullptr));
    Check(bn != nullptr, "serial");
    Check(BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get())) != nullptr, "serial");
    Check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) != nullptr, "notBefore");
    Check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600) != nullptr, "notAfter");
    Check(X509_set_pubkey(cert.get(), key.get()) == 1, "pubkey");
    X509_NAME *name = X509_get_subject_name(cert.get());
    Check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char *>(kGeneratedCommonName), -1, -1, 0) == 1,
          "subject");
    Check(X509_set_issuer_name(cert.get(), name) == 1, "issuer");
    // The names clients connect with locally: libpq's verify-full matches host=localhost, 127.0.0.1 and ::1.
    X509V3_CTX extension_context;
    X509V3_set_ctx_nodb(&extension_context);
    X509V3_set_ctx(&extension_context, cert.get(), cert.get(), nullptr, nullptr, 0);
    X509ExtensionPtr alt_names(
        X509V3_EXT_conf_nid(nullptr, &extension_context, NID_subject_alt_name, kGeneratedSubjectAltName));
    Check(alt_names != nullptr && X509_add_ext(cert.get(), alt_names.get(), -1) == 1, "subjectAltName");
    Check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "sign");

    {
        auto old_mask = umask(077);
        FilePtr key_file(std::fopen(key_path.c_str(), "wb"));
        umask(old_mask);
        Check(key_file != nullptr, "cannot write key file");
        Check(PEM_write_PrivateKey(key_file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1, "write key");
    }
    FilePtr cert_file(std::fopen(cert_path.c_str(), "wb"));
    Check(cert_file != nullptr, "cannot write certificate file");
    Check(PEM_write_X509(cert_file.get(), cert.get()) == 1, "write certificate");
}

bool IsGeneratedWithoutSubjectAltName(const std::string &cert_path) {
    auto cert = ReadCertificate(cert_path);
    return cert && !HasSubjectAltName(cert.get()) && IsGeneratedName(X509_get_subject_name(cert.get())) &&
           IsGeneratedName(X509_get_issuer_name(cert.get()));
}

bool HasSubjectAltName(const std::string &cert_path) {
    auto cert = ReadCertificate(cert_path);
    return cert && HasSubjectAltName(cert.get());
}

} // namespace duckgres::net
