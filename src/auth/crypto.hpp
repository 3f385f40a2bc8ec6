// Crypto primitives Duckgres uses, as thin RAII wrappers over OpenSSL 3.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::auth {

//! Raw digests are returned as byte strings (std::string holding binary data).
std::string Sha256(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);
std::string Pbkdf2HmacSha256(std::string_view password, std::string_view salt, int iterations, size_t length = 32);
//! Lower-case hex MD5 of data (32 characters).
std::string Md5Hex(std::string_view data);
//! Cryptographically secure random bytes (RAND_bytes); throws std::runtime_error on failure.
std::string RandomBytes(size_t n);
//! Constant-time equality (CRYPTO_memcmp); false when lengths differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
std::string Base64Encode(std::string_view data);
//! Strict standard base64 with padding; nullopt on any invalid character or length.
std::optional<std::string> Base64Decode(std::string_view text);
std::string HexEncode(std::string_view data);

} // namespace duckgres::auth
