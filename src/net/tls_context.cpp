// Builds the server's OpenSSL context from the TLS settings: certificate and key, protocol floor, ciphers, and the
// client CA and CRL that client certificates are verified against.
#include "net/tls_context.hpp"

#include "net/certificate_fields.hpp"
#include "net/openssl_handles.hpp"
#include "net/self_signed_certificate.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509err.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>

namespace duckgres::net {

namespace {

//! The certificate and key files in use and the names errors give them.
struct CertificateFiles {
    std::string cert;
    std::string key;
    std::string cert_label;
    std::string key_label;
};

//! Drains OpenSSL's error queue into one line.
std::string OpenSslErrors() {
    std::string text;
    while (unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof(buffer));
        text += text.empty() ? "" : "; ";
        text += buffer;
    }
    return text.empty() ? "unknown error" : text;
}

[[noreturn]] void Fail(const std::string &subject, const std::string &problem) {
    throw std::runtime_error(subject + ": " + problem);
}

std::string Quoted(const std::string &label, const std::string &path) {
    return label + " \"" + path + "\"";
}

CertificateFiles ResolveFiles(const config::ServerConfig &config) {
    if (config.tls.mode == config::TlsMode::Files) {
        return {config.tls.cert_file, config.tls.key_file, "tls.cert_file", "tls.key_file"};
    }
    auto dir = std::filesystem::path(config.data_dir);
    return {(dir / "server.crt").string(), (dir / "server.key").string(), "generated certificate", "generated key"};
}

//! Auto mode: makes the pair when it is missing, and replaces one an earlier version generated without
//! subjectAltName (libpq's verify-full then fails for host=127.0.0.1).
void EnsureGeneratedPair(const CertificateFiles &files) {
    if (!std::filesystem::exists(files.cert) || !std::filesystem::exists(files.key)) {
        spdlog::info("generating a self-signed TLS certificate in {}", files.cert);
        GenerateSelfSignedCertificate(files.cert, files.key);
        return;
    }
    if (IsGeneratedWithoutSubjectAltName(files.cert)) {
        spdlog::warn("replacing the generated TLS certificate {}, which has no subjectAltName (sslmode=verify-full "
                     "fails with it for host=127.0.0.1); clients that use the old one as sslrootcert need the new one",
                     files.cert);
        std::filesystem::remove(files.key);
        GenerateSelfSignedCertificate(files.cert, files.key);
    }
}

void ConfigureProtocol(SSL_CTX *ctx, const config::TlsConfig &tls) {
    int floor = tls.min_protocol_version == config::TlsVersion::Tls13 ? TLS1_3_VERSION : TLS1_2_VERSION;
    if (SSL_CTX_set_min_proto_version(ctx, floor) != 1) {
        Fail("tls.min_protocol_version", OpenSslErrors());
    }
    if (SSL_CTX_set_cipher_list(ctx, tls.ciphers.c_str()) != 1) {
        ERR_clear_error();
        Fail("tls.ciphers", "no usable cipher in \"" + tls.ciphers + "\"");
    }
    // No session resumption, as PostgreSQL: every connection runs a full handshake (and client certificate check)
    // against the context it started with.
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(ctx, 0);
}

void LoadCertificate(SSL_CTX *ctx, const CertificateFiles &files) {
    if (SSL_CTX_use_certificate_chain_file(ctx, files.cert.c_str()) != 1) {
        Fail(Quoted(files.cert_label, files.cert), "could not load the certificate: " + OpenSslErrors());
    }
    if (SSL_CTX_use_PrivateKey_file(ctx, files.key.c_str(), SSL_FILETYPE_PEM) != 1) {
        if (ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH) {
            ERR_clear_error();
            Fail(Quoted(files.key_label, files.key), "does not match the certificate " + files.cert);
        }
        Fail(Quoted(files.key_label, files.key), "could not load the private key: " + OpenSslErrors());
    }
    if (SSL_CTX_check_private_key(ctx) != 1) {
        ERR_clear_error();
        Fail(Quoted(files.key_label, files.key), "does not match the certificate " + files.cert);
    }
}

void LoadRevocationLists(SSL_CTX *ctx, const std::string &path) {
    BioPtr bio(BIO_new_file(path.c_str(), "r"));
    if (!bio) {
        Fail(Quoted("tls.crl_file", path), OpenSslErrors());
    }
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    int count = 0;
    while (X509CrlPtr crl{PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr)}) {
        if (X509_STORE_add_crl(store, crl.get()) != 1) {
            Fail(Quoted("tls.crl_file", path), OpenSslErrors());
        }
        count++;
    }
    ERR_clear_error(); // the read past the last CRL
    if (count == 0) {
        Fail(Quoted("tls.crl_file", path), "contains no PEM certificate revocation list");
    }
    // Like PostgreSQL: every certificate of the client's chain is checked, so the file needs a CRL from each CA.
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
}

void LoadClientVerification(SSL_CTX *ctx, const config::TlsConfig &tls) {
    if (tls.client_ca_file.empty()) {
        return;
    }
    auto label = Quoted("tls.client_ca_file", tls.client_ca_file);
    if (SSL_CTX_load_verify_locations(ctx, tls.client_ca_file.c_str(), nullptr) != 1) {
        Fail(label, "could not load the CA certificates: " + OpenSslErrors());
    }
    STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(tls.client_ca_file.c_str());
    if (names == nullptr) {
        Fail(label, "contains no PEM CA certificate");
    }
    SSL_CTX_set_client_CA_list(ctx, names); // takes ownership
    // Ask for a certificate but do not require one: whether a connection needs one is the business of its
    // authentication rule. A certificate that is sent must verify, or the handshake fails.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    if (!tls.crl_file.empty()) {
        LoadRevocationLists(ctx, tls.crl_file);
    }
}

std::string DescribeCertificate(X509 *cert) {
    auto subject = ClientCertificateOf(cert).distinguished_name;
    BioPtr bio(BIO_new(BIO_s_mem()));
    std::string expiry;
    if (bio && ASN1_TIME_print(bio.get(), X509_get0_notAfter(cert)) == 1) {
        char *data = nullptr;
        long size = BIO_get_mem_data(bio.get(), &data);
        expiry.assign(data, size > 0 ? size : 0);
    }
    return "subject " + subject + ", expires " + expiry;
}

} // namespace

TlsContext::TlsContext() : ssl_(asio::ssl::context::tls_server) {}

std::shared_ptr<TlsContext> TlsContext::Load(const config::ServerConfig &config) {
    if (config.tls.mode == config::TlsMode::Off) {
        return nullptr;
    }
    auto files = ResolveFiles(config);
    if (config.tls.mode == config::TlsMode::Auto) {
        EnsureGeneratedPair(files);
    }
    std::shared_ptr<TlsContext> context(new TlsContext());
    SSL_CTX *ctx = context->ssl_.native_handle();
    context->ssl_.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                              asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                              asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    ConfigureProtocol(ctx, config.tls);
    LoadCertificate(ctx, files);
    LoadClientVerification(ctx, config.tls);
    context->requests_client_certificates_ = !config.tls.client_ca_file.empty();

    X509 *cert = SSL_CTX_get0_certificate(ctx);
    context->server_end_point_ = TlsServerEndPointHash(cert);
    if (context->server_end_point_.empty()) {
        spdlog::warn("the TLS certificate {} is signed with an algorithm that names no digest: SCRAM channel binding "
                     "(SCRAM-SHA-256-PLUS) is not offered",
                     files.cert);
    }
    if (X509_get_ext_by_NID(cert, NID_subject_alt_name, -1) < 0) {
        spdlog::warn("the TLS certificate {} has no subjectAltName: clients that verify the host name "
                     "(sslmode=verify-full) can match only its common name",
                     files.cert);
    }
    context->description_ = "certificate " + files.cert + " (" + DescribeCertificate(cert) + "), key " + files.key +
                            ", minimum " + config::TlsVersionName(config.tls.min_protocol_version);
    if (context->requests_client_certificates_) {
        context->description_ += ", client CA " + config.tls.client_ca_file;
    }
    if (!config.tls.crl_file.empty()) {
        context->description_ += ", CRL " + config.tls.crl_file;
    }
    return context;
}

void CheckTlsFiles(const config::ServerConfig &config, std::vector<std::string> &errors) {
    if (config.tls.mode == config::TlsMode::Off) {
        return;
    }
    asio::ssl::context ssl(asio::ssl::context::tls_server);
    SSL_CTX *ctx = ssl.native_handle();
    auto step = [&errors](auto &&run) {
        try {
            run();
        } catch (const std::exception &e) {
            errors.push_back(e.what());
        }
    };
    step([&]() { ConfigureProtocol(ctx, config.tls); });
    auto files = ResolveFiles(config);
    bool generated_later = config.tls.mode == config::TlsMode::Auto &&
                           (!std::filesystem::exists(files.cert) || !std::filesystem::exists(files.key));
    if (!generated_later) {
        step([&]() { LoadCertificate(ctx, files); });
    }
    step([&]() { LoadClientVerification(ctx, config.tls); });
}

} // namespace duckgres::net
