// OpenSSL 3 implementations of the hash, MAC, KDF, random and encoding helpers used by authentication.
#include "auth/crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <stdexcept>

namespace duckgres::auth {

namespace {

struct EvpMdDeleter {
    void operator()(EVP_MD *md) const { EVP_MD_free(md); }
};
struct EvpMdCtxDeleter {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EvpMacDeleter {
    void operator()(EVP_MAC *mac) const { EVP_MAC_free(mac); }
};
struct EvpMacCtxDeleter {
    void operator()(EVP_MAC_CTX *ctx) const { EVP_MAC_CTX_free(ctx); }
};
using EvpMdPtr = std::unique_ptr<EVP_MD, EvpMdDeleter>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxDeleter>;
using EvpMacPtr = std::unique_ptr<EVP_MAC, EvpMacDeleter>;
using EvpMacCtxPtr = std::unique_ptr<EVP_MAC_CTX, EvpMacCtxDeleter>;

//! Throws std::runtime_error carrying the oldest queued OpenSSL error (and clears the queue).
[[noreturn]] void ThrowOpenSslError(const char *what) {
    std::string message = what;
    unsigned long code = ERR_get_error();
    if (code != 0) {
        std::array<char, 256> buffer{};
        ERR_error_string_n(code, buffer.data(), buffer.size());
        message += ": ";
        message += buffer.data();
    }
    ERR_clear_error();
    throw std::runtime_error(message);
}

const unsigned char *Bytes(std::string_view data) {
    // OpenSSL wants a non-null pointer even for empty input in a few places (e.g. HMAC keys).
    static const unsigned char empty = 0;
    return data.empty() ? &empty : reinterpret_cast<const unsigned char *>(data.data());
}

//! Explicitly fetched algorithms, shared by all threads (fetched objects are immutable and refcounted).
const EVP_MD *FetchedSha256() {
    static const EvpMdPtr sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    return sha256.get();
}

const EVP_MD *FetchedMd5() {
    static const EvpMdPtr md5(EVP_MD_fetch(nullptr, "MD5", nullptr));
    return md5.get();
}

const EVP_MAC *FetchedHmac() {
    static const EvpMacPtr hmac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return hmac.get();
}

std::string Digest(const EVP_MD *md, std::string_view data) {
    if (md == nullptr) {
        ThrowOpenSslError("digest algorithm unavailable");
    }
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) {
        ThrowOpenSslError("EVP_MD_CTX_new failed");
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int out_length = 0;
    if (EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 || EVP_DigestUpdate(ctx.get(), Bytes(data), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), out.data(), &out_length) != 1) {
        ThrowOpenSslError("digest computation failed");
    }
    return std::string(reinterpret_cast<const char *>(out.data()), out_length);
}

//! Value of a base64 alphabet character, or -1.
int Base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

// EVP_EncodeBlock / EVP_DecodeBlock take int lengths: work in bounded chunks.
constexpr size_t kEncodeChunk = 3 * 4096; // input bytes per chunk (multiple of 3)
constexpr size_t kDecodeChunk = 4 * 4096; // input characters per chunk (multiple of 4)

} // namespace

std::string Sha256(std::string_view data) {
    return Digest(FetchedSha256(), data);
}

std::string HmacSha256(std::string_view key, std::string_view data) {
    const EVP_MAC *mac = FetchedHmac();
    if (mac == nullptr) {
        ThrowOpenSslError("HMAC unavailable");
    }
    EvpMacCtxPtr ctx(EVP_MAC_CTX_new(const_cast<EVP_MAC *>(mac)));
    if (!ctx) {
        ThrowOpenSslError("EVP_MAC_CTX_new failed");
    }
    char digest_name[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                                 OSSL_PARAM_construct_end()};
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    size_t out_length = 0;
    if (EVP_MAC_init(ctx.get(), Bytes(key), key.size(), params) != 1 ||
        EVP_MAC_update(ctx.get(), Bytes(data), data.size()) != 1 ||
        EVP_MAC_final(ctx.get(), out.data(), &out_length, out.size()) != 1) {
        ThrowOpenSslError("HMAC-SHA-256 computation failed");
    }
    return std::string(reinterpret_cast<const char *>(out.data()), out_length);
}

std::string Pbkdf2HmacSha256(std::string_view password, std::string_view salt, int iterations, size_t length) {
    if (iterations < 1) {
        throw std::invalid_argument("PBKDF2 iteration count must be positive");
    }
    if (length == 0 || length > static_cast<size_t>(INT_MAX) || password.size() > static_cast<size_t>(INT_MAX) ||
        salt.size() > static_cast<size_t>(INT_MAX)) {
        throw std::invalid_argument("PBKDF2 length out of range");
    }
    const EVP_MD *md = FetchedSha256();
    if (md == nullptr) {
        ThrowOpenSslError("SHA-256 unavailable");
    }
    std::string out(length, '\0');
    if (PKCS5_PBKDF2_HMAC(password.empty() ? "" : password.data(), static_cast<int>(password.size()), Bytes(salt),
                          static_cast<int>(salt.size()), iterations, md, static_cast<int>(length),
                          reinterpret_cast<unsigned char *>(out.data())) != 1) {
        ThrowOpenSslError("PBKDF2-HMAC-SHA-256 failed");
    }
    return out;
}

std::string Md5Hex(std::string_view data) {
    return HexEncode(Digest(FetchedMd5(), data));
}

std::string RandomBytes(size_t n) {
    std::string out(n, '\0');
    size_t done = 0;
    while (done < n) {
        size_t chunk = std::min<size_t>(n - done, INT_MAX);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data() + done), static_cast<int>(chunk)) != 1) {
            ThrowOpenSslError("RAND_bytes failed");
        }
        done += chunk;
    }
    return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    // The length is not secret (digests and keys have fixed sizes); only the contents are compared in constant time.
    if (a.size() != b.size()) {
        return false;
    }
    if (a.empty()) {
        return true;
    }
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Base64Encode(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::array<unsigned char, kEncodeChunk / 3 * 4 + 1> buffer{};
    for (size_t offset = 0; offset < data.size(); offset += kEncodeChunk) {
        size_t chunk = std::min(kEncodeChunk, data.size() - offset);
        int written = EVP_EncodeBlock(buffer.data(), Bytes(data.substr(offset)), static_cast<int>(chunk));
        out.append(reinterpret_cast<const char *>(buffer.data()), static_cast<size_t>(written));
    }
    return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
    // Strict RFC 4648 section 4: full quads, alphabet only (no whitespace), '=' only as final padding, and the
    // unused bits before padding must be zero (so every byte string has exactly one accepted encoding).
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    if (text.empty()) {
        return std::string();
    }
    size_t padding = 0;
    if (text.back() == '=') {
        padding = text[text.size() - 2] == '=' ? 2 : 1;
    }
    size_t data_chars = text.size() - padding;
    for (size_t i = 0; i < data_chars; i++) {
        if (Base64Value(text[i]) < 0) {
            return std::nullopt;
        }
    }
    if (padding == 2 && (Base64Value(text[data_chars - 1]) & 0x0F) != 0) {
        return std::nullopt;
    }
    if (padding == 1 && (Base64Value(text[data_chars - 1]) & 0x03) != 0) {
        return std::nullopt;
    }

    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::array<unsigned char, kDecodeChunk / 4 * 3> buffer{};
    for (size_t offset = 0; offset < text.size(); offset += kDecodeChunk) {
        size_t chunk = std::min(kDecodeChunk, text.size() - offset);
        int written = EVP_DecodeBlock(buffer.data(), Bytes(text.substr(offset)), static_cast<int>(chunk));
        if (written < 0) {
            return std::nullopt;
        }
        out.append(reinterpret_cast<const char *>(buffer.data()), static_cast<size_t>(written));
    }
    // EVP_DecodeBlock emits a zero byte for each '=' of padding.
    out.resize(out.size() - padding);
    return out;
}

std::string HexEncode(std::string_view data) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 2);
    for (unsigned char c : data) {
        out.push_back(kDigits[c >> 4]);
        out.push_back(kDigits[c & 0x0F]);
    }
    return out;
}

} // namespace duckgres::auth
