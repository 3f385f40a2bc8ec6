// Loads or generates the server certificate and sets up TLS 1.2+ for client connections.
#include "net/tls_context.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace duckgres::net {

namespace {

struct PkeyDeleter {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Deleter {
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct FileCloser {
    void operator()(FILE *file) const { std::fclose(file); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using FilePtr = std::unique_ptr<FILE, FileCloser>;

void Check(bool ok, const char *what) {
    if (!ok) {
        throw std::runtime_error(std::string("TLS certificate generation failed: ") + what);
    }
}

} // namespace

void GenerateSelfSignedCertificate(const std::string &cert_path, const std::string &key_path) {
    PkeyPtr key(EVP_EC_gen("P-256"));
    Check(key != nullptr, "key generation");
    X509Ptr cert(X509_new());
    Check(cert != nullptr, "X509_new");
    Check(X509_set_version(cert.get(), 2) == 1, "version");
    // A random positive serial number.
    unsigned char serial[16];
    FilePtr urandom(std::fopen("/dev/urandom", "rb"));
    Check(urandom && std::fread(serial, 1, sizeof(serial), urandom.get()) == sizeof(serial), "serial");
    serial[0] &= 0x7F;
    BIGNUM *bn = BN_bin2bn(serial, sizeof(serial), nullptr);
    Check(bn != nullptr, "serial");
    ASN1_INTEGER *serial_asn1 = BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    Check(serial_asn1 != nullptr, "serial");
    Check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) != nullptr, "notBefore");
    Check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600) != nullptr, "notAfter");
    Check(X509_set_pubkey(cert.get(), key.get()) == 1, "pubkey");
    X509_NAME *name = X509_get_subject_name(cert.get());
    Check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("localhost"), -1,
                                     -1, 0) == 1,
          "subject");
    Check(X509_set_issuer_name(cert.get(), name) == 1, "issuer");
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

std::unique_ptr<asio::ssl::context> MakeTlsContext(const config::ServerConfig &config) {
    if (config.tls.mode == config::TlsMode::Off) {
        return nullptr;
    }
    std::string cert = config.tls.cert_file;
    std::string key = config.tls.key_file;
    if (config.tls.mode == config::TlsMode::Auto) {
        auto dir = std::filesystem::path(config.data_dir);
        cert = (dir / "server.crt").string();
        key = (dir / "server.key").string();
        if (!std::filesystem::exists(cert) || !std::filesystem::exists(key)) {
            spdlog::info("generating a self-signed TLS certificate in {}", cert);
            GenerateSelfSignedCertificate(cert, key);
        }
    }
    auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                         asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                         asio::ssl::context::single_dh_use);
    context->use_certificate_chain_file(cert);
    context->use_private_key_file(key, asio::ssl::context::pem);
    return context;
}

} // namespace duckgres::net
