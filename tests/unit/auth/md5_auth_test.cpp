// Unit tests for md5 challenge-response checking and cleartext password checking against every verifier kind.
#include "auth/md5_auth.hpp"
#include "auth/password_verifier.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::auth {
namespace {

PasswordVerifier MustParse(std::string_view text) {
    auto verifier = PasswordVerifier::Parse(text);
    EXPECT_TRUE(verifier.has_value()) << text;
    return verifier.value_or(PasswordVerifier{});
}

// Expected responses computed independently with Python's hashlib.
constexpr uint8_t kSalt1234[4] = {0x01, 0x02, 0x03, 0x04};
constexpr uint8_t kSaltDeadBeef[4] = {0xde, 0xad, 0xbe, 0xef};
constexpr uint8_t kSaltEdgeBytes[4] = {0x00, 0xff, 0x7f, 0x80};

TEST(Md5AuthTest, ResponseAgainstMd5Verifier) {
    PasswordVerifier verifier = MustParse("md53175bce1d3201d16594cebf9d7eb3f9d"); // postgres/postgres
    ASSERT_EQ(verifier.kind, VerifierKind::Md5);
    EXPECT_TRUE(CheckMd5Response(verifier, "postgres", kSalt1234, "md568be9ed08db75f318087ab337aaea044"));
    EXPECT_TRUE(CheckMd5Response(verifier, "postgres", kSaltDeadBeef, "md58ee245854025535aedb7b15709315318"));
    // Wrong salt, altered case, truncated, missing prefix, trailing data, empty.
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSaltDeadBeef, "md568be9ed08db75f318087ab337aaea044"));
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSalt1234, "md568BE9ED08DB75F318087AB337AAEA044"));
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSalt1234, "md568be9ed08db75f318087ab337aaea04"));
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSalt1234, "68be9ed08db75f318087ab337aaea044"));
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSalt1234, "md568be9ed08db75f318087ab337aaea0440"));
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSalt1234, ""));
}

TEST(Md5AuthTest, ResponseUsesSaltBytesRaw) {
    PasswordVerifier verifier = MustParse(MakeMd5Verifier("secret", "alice"));
    EXPECT_TRUE(CheckMd5Response(verifier, "alice", kSaltEdgeBytes, "md59e2ae044bfb84eafdd4111945308acb9"));
}

TEST(Md5AuthTest, ResponseAgainstPlaintextVerifier) {
    PasswordVerifier verifier = MustParse("postgres");
    ASSERT_EQ(verifier.kind, VerifierKind::Plaintext);
    EXPECT_TRUE(CheckMd5Response(verifier, "postgres", kSalt1234, "md568be9ed08db75f318087ab337aaea044"));
    // The user name is part of the md5 secret.
    EXPECT_FALSE(CheckMd5Response(verifier, "other", kSalt1234, "md568be9ed08db75f318087ab337aaea044"));
}

TEST(Md5AuthTest, ScramVerifierCannotAnswerMd5) {
    PasswordVerifier verifier = MustParse(MakeScramVerifier("postgres", "0123456789abcdef", 4096));
    EXPECT_FALSE(CheckMd5Response(verifier, "postgres", kSalt1234, "md568be9ed08db75f318087ab337aaea044"));
}

TEST(Md5AuthTest, CleartextAgainstPlaintext) {
    PasswordVerifier verifier = MustParse("hunter2");
    EXPECT_TRUE(CheckCleartextPassword(verifier, "anyone", "hunter2"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "anyone", "hunter3"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "anyone", "hunter"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "anyone", "hunter22"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "anyone", ""));
}

TEST(Md5AuthTest, CleartextAgainstEmptyPlaintext) {
    PasswordVerifier verifier = MustParse("");
    EXPECT_TRUE(CheckCleartextPassword(verifier, "u", ""));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "u", "x"));
}

TEST(Md5AuthTest, CleartextAgainstMd5) {
    PasswordVerifier verifier = MustParse("md5cccabbaf1ba7c687c87efbeefcd6f1dc"); // PostgreSQL 15, carol/postgres
    EXPECT_TRUE(CheckCleartextPassword(verifier, "carol", "postgres"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "postgres", "postgres"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "carol", "Postgres"));
    // The md5 text itself is not a valid password ("pass the hash" only works through md5 auth).
    EXPECT_FALSE(CheckCleartextPassword(verifier, "carol", "md5cccabbaf1ba7c687c87efbeefcd6f1dc"));
}

TEST(Md5AuthTest, CleartextAgainstScram) {
    // PostgreSQL 15 verifier for password 'correct horse battery staple'.
    PasswordVerifier verifier =
        MustParse("SCRAM-SHA-256$4096:9pfE/94UaThbjFrG6zDaBw==$rxXq/HMGSGNUKp71lREoDSxWps48QzerjPskrSw7Nvc=:"
                  "DL1Xxhh4/ivRBhWTeC/80wIbMQsFib9HvmaN7lCeT1Q=");
    ASSERT_EQ(verifier.kind, VerifierKind::ScramSha256);
    EXPECT_TRUE(CheckCleartextPassword(verifier, "alice", "correct horse battery staple"));
    // The SCRAM user name plays no part.
    EXPECT_TRUE(CheckCleartextPassword(verifier, "someone-else", "correct horse battery staple"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "alice", "correct horse battery stapl"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "alice", ""));
}

TEST(Md5AuthTest, CleartextAgainstScramRequiresBothKeys) {
    PasswordVerifier verifier = MustParse(MakeScramVerifier("pw", "0123456789abcdef", 1000));
    EXPECT_TRUE(CheckCleartextPassword(verifier, "u", "pw"));
    PasswordVerifier bad_server_key = verifier;
    bad_server_key.server_key[0] = static_cast<char>(bad_server_key.server_key[0] ^ 1);
    EXPECT_FALSE(CheckCleartextPassword(bad_server_key, "u", "pw"));
    PasswordVerifier bad_stored_key = verifier;
    bad_stored_key.stored_key[31] = static_cast<char>(bad_stored_key.stored_key[31] ^ 0x80);
    EXPECT_FALSE(CheckCleartextPassword(bad_stored_key, "u", "pw"));
}

TEST(Md5AuthTest, CleartextAgainstNonAsciiScram) {
    // PostgreSQL 15 verifier for 'pässwörd' (NFC UTF-8, unchanged by SASLprep).
    PasswordVerifier verifier =
        MustParse("SCRAM-SHA-256$4096:bmdnxZLz5BYs1ryBoTZanw==$PiqhwujVuFX/ki2MEBdpPlM7LyuejgNiywdBADC7bWo=:"
                  "MFSDE8MWyVkFdq5E31Ybsolw3D3i6M8uyeowEwgTuvg=");
    EXPECT_TRUE(CheckCleartextPassword(verifier, "bob", "p\xc3\xa4ssw\xc3\xb6rd"));
    EXPECT_FALSE(CheckCleartextPassword(verifier, "bob", "passwort"));
}

} // namespace
} // namespace duckgres::auth
