// Checks md5 challenge responses and cleartext passwords against stored verifiers, in constant time.
#include "auth/md5_auth.hpp"

#include "auth/crypto.hpp"

namespace duckgres::auth {

namespace {

constexpr std::string_view kMd5Prefix = "md5";

} // namespace

bool CheckMd5Response(const PasswordVerifier &verifier, std::string_view user, const uint8_t salt[4],
                      std::string_view response) {
    // The shared secret is md5hex(password + user): the md5 verifier without its prefix.
    std::string inner;
    switch (verifier.kind) {
    case VerifierKind::Md5:
        if (verifier.text.size() <= kMd5Prefix.size()) {
            return false;
        }
        inner = verifier.text.substr(kMd5Prefix.size());
        break;
    case VerifierKind::Plaintext:
        inner = MakeMd5Verifier(verifier.text, user).substr(kMd5Prefix.size());
        break;
    case VerifierKind::ScramSha256:
        // A SCRAM secret cannot produce the md5 shared secret.
        return false;
    }
    inner.append(reinterpret_cast<const char *>(salt), 4);
    std::string expected = std::string(kMd5Prefix) + Md5Hex(inner);
    return ConstantTimeEquals(expected, response);
}

bool CheckCleartextPassword(const PasswordVerifier &verifier, std::string_view user, std::string_view password) {
    switch (verifier.kind) {
    case VerifierKind::Plaintext:
        return ConstantTimeEquals(verifier.text, password);
    case VerifierKind::Md5:
        return ConstantTimeEquals(verifier.text, MakeMd5Verifier(password, user));
    case VerifierKind::ScramSha256: {
        if (verifier.iterations < 1 || verifier.salt.empty()) {
            return false;
        }
        // Re-derive the keys with the stored salt and iteration count (same SASLprep handling as the verifier).
        auto derived = PasswordVerifier::Parse(MakeScramVerifier(password, verifier.salt, verifier.iterations));
        if (!derived) {
            return false;
        }
        // Evaluate both comparisons (no short-circuit) so timing does not depend on which key differs.
        bool stored_ok = ConstantTimeEquals(derived->stored_key, verifier.stored_key);
        bool server_ok = ConstantTimeEquals(derived->server_key, verifier.server_key);
        return stored_ok & server_ok;
    }
    }
    return false;
}

} // namespace duckgres::auth
