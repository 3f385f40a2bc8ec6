// MD5 password authentication as PostgreSQL does it (AuthenticationMD5Password).
#pragma once

#include "auth/password_verifier.hpp"

#include <string>
#include <string_view>

namespace duckgres::auth {

//! Checks the client's response "md5" + md5hex(md5hex(password + user) + salt) against a
//! verifier (md5 verifier, or plaintext). SCRAM verifiers cannot answer md5: returns false.
//! The comparison is constant-time.
bool CheckMd5Response(const PasswordVerifier &verifier, std::string_view user, const uint8_t salt[4],
                      std::string_view response);

//! Checks a cleartext password (PasswordMessage) against any verifier kind, constant-time.
bool CheckCleartextPassword(const PasswordVerifier &verifier, std::string_view user, std::string_view password);

} // namespace duckgres::auth
