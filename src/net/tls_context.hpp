// TlsContext: one loaded set of TLS files (certificate, key, client CA, CRL) that new connections handshake with.
#pragma once

#include "config/server_config.hpp"

#include <asio/ssl/context.hpp>

#include <memory>
#include <string>
#include <vector>

namespace duckgres::net {

//! The OpenSSL server context built from the configuration, and what is derived from its certificate once rather
//! than per connection. Not changed after Load; connections hold it by shared_ptr for as long as they live, so a
//! reload that replaces it never pulls the files from under an open connection.
class TlsContext {
public:
    //! Builds the context, or returns nullptr when tls.mode is off. Throws std::runtime_error naming the file or
    //! setting at fault. In auto mode a self-signed pair is generated into <data_dir>/server.crt and server.key
    //! when missing, and a pair an earlier version generated without subjectAltName is replaced.
    static std::shared_ptr<TlsContext> Load(const config::ServerConfig &config);

    asio::ssl::context &Ssl() { return ssl_; }
    //! tls-server-end-point channel binding data of the server certificate; empty when it cannot be computed.
    const std::string &ServerEndPoint() const { return server_end_point_; }
    //! Whether clients are asked for a certificate (tls.client_ca_file is set).
    bool RequestsClientCertificates() const { return requests_client_certificates_; }
    //! For the log: the files in use and the certificate's subject and expiry.
    const std::string &Description() const { return description_; }

private:
    TlsContext();

    asio::ssl::context ssl_;
    std::string server_end_point_;
    bool requests_client_certificates_ = false;
    std::string description_;
};

//! Checks what a server start would: the certificate and key parse and match (unless auto mode has not generated
//! them yet), the CA and CRL files parse, the cipher list is usable. Appends "key: problem" lines to `errors`.
void CheckTlsFiles(const config::ServerConfig &config, std::vector<std::string> &errors);

} // namespace duckgres::net
