// The self-signed certificate tls.mode auto generates into the data directory.
#pragma once

#include <string>

namespace duckgres::net {

//! Writes a new self-signed certificate (EC P-256, CN=localhost, subjectAltName DNS:localhost, IP:127.0.0.1,
//! IP:::1, 10 years) and its key (mode 0600). Throws std::runtime_error.
void GenerateSelfSignedCertificate(const std::string &cert_path, const std::string &key_path);

//! Whether the PEM certificate at `cert_path` is one an earlier Duckgres generated (self-signed, subject and issuer
//! exactly CN=localhost) without a subjectAltName: such a certificate fails sslmode=verify-full for 127.0.0.1 and
//! is replaced. False when the file is unreadable or anything else.
bool IsGeneratedWithoutSubjectAltName(const std::string &cert_path);

//! Whether the PEM certificate at `cert_path` has a subjectAltName extension (false when unreadable).
bool HasSubjectAltName(const std::string &cert_path);

} // namespace duckgres::net
