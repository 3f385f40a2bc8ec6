// What the server reads out of X.509 certificates: channel binding hashes and subject names.
#pragma once

#include "session/client_channel.hpp"

#include <openssl/x509.h>

#include <string>

namespace duckgres::net {

//! The tls-server-end-point channel binding data of a server certificate (RFC 5929 section 4.1): the
//! certificate's DER encoding hashed with its signature's digest, SHA-256 when that is MD5 or SHA-1. Empty when
//! the signature algorithm names no digest (Ed25519, RSA-PSS): channel binding is then not offered.
std::string TlsServerEndPointHash(X509 *cert);

//! The subject of a (verified) client certificate: its commonName as UTF-8 (empty when there is none, or when it
//! holds a NUL byte, which could fake a shorter name) and the whole subject in RFC 2253 form.
session::ClientCertificate ClientCertificateOf(X509 *cert);

} // namespace duckgres::net
