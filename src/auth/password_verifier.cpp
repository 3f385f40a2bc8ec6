// Parsing and construction of stored password verifiers in PostgreSQL's SCRAM-SHA-256 and md5 formats.
#include "auth/password_verifier.hpp"

#include "auth/crypto.hpp"

#include <charconv>
#include <stdexcept>

namespace duckgres::auth {

namespace {

constexpr std::string_view kScramPrefix = "SCRAM-SHA-256$";
constexpr std::string_view kMd5Prefix = "md5";
constexpr size_t kMd5HexLength = 32;
constexpr size_t kScramKeyLength = 32;    // SHA-256 output
constexpr size_t kDefaultSaltLength = 16; // PostgreSQL's SCRAM_DEFAULT_SALT_LEN

//! Decimal digits only (no sign, no spaces), value in [1, INT_MAX].
std::optional<int> ParseIterations(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1) {
        return std::nullopt;
    }
    return value;
}

bool IsLowerHex(std::string_view text) {
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

//! The password bytes fed to PBKDF2. PostgreSQL applies SASLprep (RFC 4013) and, when that fails, uses the raw
//! bytes. For pure ASCII its SASLprep returns the input unchanged, which we reproduce exactly.
//! Known gap: we do not implement SASLprep for non-ASCII input and always use the raw bytes. That matches
//! PostgreSQL for invalid UTF-8, for passwords containing prohibited characters, and for already NFKC-normalized
//! text without mapped characters (the common case), but differs for e.g. non-ASCII spaces (mapped to U+0020),
//! "commonly mapped to nothing" characters (soft hyphen, zero-width joiners) and non-NFKC-normalized text.
std::string_view PreparePassword(std::string_view password) {
    return password;
}

} // namespace

std::optional<PasswordVerifier> PasswordVerifier::Parse(std::string_view text) {
    PasswordVerifier verifier;
    verifier.text = std::string(text);

    if (text.starts_with(kScramPrefix)) {
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        std::string_view rest = text.substr(kScramPrefix.size());
        size_t dollar = rest.find('$');
        if (dollar == std::string_view::npos) {
            return std::nullopt;
        }
        std::string_view salt_part = rest.substr(0, dollar);
        std::string_view key_part = rest.substr(dollar + 1);
        size_t colon = salt_part.find(':');
        if (colon == std::string_view::npos) {
            return std::nullopt;
        }
        auto iterations = ParseIterations(salt_part.substr(0, colon));
        auto salt = Base64Decode(salt_part.substr(colon + 1));
        colon = key_part.find(':');
        if (!iterations || !salt || salt->empty() || colon == std::string_view::npos) {
            return std::nullopt;
        }
        auto stored_key = Base64Decode(key_part.substr(0, colon));
        auto server_key = Base64Decode(key_part.substr(colon + 1));
        if (!stored_key || !server_key || stored_key->size() != kScramKeyLength ||
            server_key->size() != kScramKeyLength) {
            return std::nullopt;
        }
        verifier.kind = VerifierKind::ScramSha256;
        verifier.iterations = *iterations;
        verifier.salt = std::move(*salt);
        verifier.stored_key = std::move(*stored_key);
        verifier.server_key = std::move(*server_key);
        return verifier;
    }

    if (text.starts_with(kMd5Prefix)) {
        std::string_view hex = text.substr(kMd5Prefix.size());
        if (hex.size() != kMd5HexLength || !IsLowerHex(hex)) {
            return std::nullopt;
        }
        verifier.kind = VerifierKind::Md5;
        return verifier;
    }

    verifier.kind = VerifierKind::Plaintext;
    return verifier;
}

std::string MakeScramVerifier(std::string_view password, int iterations) {
    return MakeScramVerifier(password, RandomBytes(kDefaultSaltLength), iterations);
}

std::string MakeScramVerifier(std::string_view password, std::string_view salt, int iterations) {
    if (salt.empty()) {
        throw std::invalid_argument("SCRAM salt must not be empty");
    }
    std::string salted_password = Pbkdf2HmacSha256(PreparePassword(password), salt, iterations);
    std::string client_key = HmacSha256(salted_password, "Client Key");
    std::string stored_key = Sha256(client_key);
    std::string server_key = HmacSha256(salted_password, "Server Key");
    std::string verifier(kScramPrefix);
    verifier += std::to_string(iterations);
    verifier += ':';
    verifier += Base64Encode(salt);
    verifier += '$';
    verifier += Base64Encode(stored_key);
    verifier += ':';
    verifier += Base64Encode(server_key);
    return verifier;
}

std::string MakeMd5Verifier(std::string_view password, std::string_view user) {
    std::string input;
    input.reserve(password.size() + user.size());
    input += password;
    input += user;
    return std::string(kMd5Prefix) + Md5Hex(input);
}

} // namespace duckgres::auth
