// TLS server context: configured certificate files or a self-signed pair made at first start.
#pragma once

#include "config/server_config.hpp"

#include <asio/ssl/context.hpp>

#include <memory>

namespace duckgres::net {

//! Builds the server's TLS context, or returns nullptr when TLS is off. In auto mode a
//! self-signed certificate and key are generated once into <data_dir>/server.crt and
//! server.key (key file mode 0600) and reused afterwards. Throws std::runtime_error.
std::unique_ptr<asio::ssl::context> MakeTlsContext(const config::ServerConfig &config);

//! Writes a new self-signed certificate (EC P-256, CN=localhost, 10 years) and its key.
void GenerateSelfSignedCertificate(const std::string &cert_path, const std::string &key_path);

} // namespace duckgres::net
