// PasswordVerifier: a stored credential in PostgreSQL's formats (SCRAM, md5) or plaintext.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::auth {

enum class VerifierKind { ScramSha256, Md5, Plaintext };

//! What the server stores for a user. Parsed from configuration:
//!   "SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>"
//!   "md5" + 32 lower-case hex digits   (md5(password || username))
//!   anything else is a plaintext password (only accepted when configuration allows it).
struct PasswordVerifier {
    VerifierKind kind = VerifierKind::Plaintext;
    std::string text; //!< the original text (for plaintext: the password itself)
    // SCRAM parts (binary, decoded). For a plaintext password they may hold keys derived from it once, with a
    // random salt, so that SCRAM exchanges need not derive them on every login.
    int iterations = 0;
    std::string salt;
    std::string stored_key;
    std::string server_key;

    //! Parses a stored verifier. Text starting with "SCRAM-SHA-256$" or "md5" that is
    //! malformed yields nullopt (never silently treated as plaintext).
    static std::optional<PasswordVerifier> Parse(std::string_view text);
};

//! Builds a SCRAM-SHA-256 verifier string the way PostgreSQL does (random 16-byte salt).
std::string MakeScramVerifier(std::string_view password, int iterations = 4096);
//! Same with a given salt (for tests).
std::string MakeScramVerifier(std::string_view password, std::string_view salt, int iterations);
//! "md5" + md5hex(password + user).
std::string MakeMd5Verifier(std::string_view password, std::string_view user);

} // namespace duckgres::auth
