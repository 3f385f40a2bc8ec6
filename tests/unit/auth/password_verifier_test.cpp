// Unit tests for PasswordVerifier parsing and SCRAM/md5 verifier construction, cross-checked with PostgreSQL 15.
#include "auth/crypto.hpp"
#include "auth/password_verifier.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::auth {
namespace {

// Produced by PostgreSQL 15: SET password_encryption='scram-sha-256'; CREATE ROLE x PASSWORD 'y'.
constexpr const char *kPostgresVerifierY = "SCRAM-SHA-256$4096:Em7vSYr94X8EcpuZH0/QcA==$A1s2ePzLpdW08m03fARi37BET34"
                                           "MbJvUEqaGtqVw7aw=:Nw6fhGFnQ7zvX2WJnQIu6q/A3OCgnOLiLcHxU1fhjfo=";
// PostgreSQL 15, password 'correct horse battery staple'.
constexpr const char *kPostgresVerifierAlice = "SCRAM-SHA-256$4096:9pfE/94UaThbjFrG6zDaBw==$rxXq/HMGSGNUKp71lREoDSxWps4"
                                               "8QzerjPskrSw7Nvc=:DL1Xxhh4/ivRBhWTeC/80wIbMQsFib9HvmaN7lCeT1Q=";
// PostgreSQL 15, password 'pässwörd' (UTF-8, NFC: SASLprep leaves it unchanged).
constexpr const char *kPostgresVerifierNonAscii =
    "SCRAM-SHA-256$4096:bmdnxZLz5BYs1ryBoTZanw==$PiqhwujVuFX/ki2MEBdpPlM7Ly"
    "uejgNiywdBADC7bWo=:MFSDE8MWyVkFdq5E31Ybsolw3D3i6M8uyeowEwgTuvg=";

//! Rebuilds a verifier from a parsed one's salt and iterations, which must reproduce the text exactly.
std::string Rebuild(std::string_view password, const PasswordVerifier &verifier) {
    return MakeScramVerifier(password, verifier.salt, verifier.iterations);
}

TEST(PasswordVerifierTest, ScramVerifierWithFixedSaltHasExactText) {
    // RFC 7677 example salt and password; expected text computed independently (Python hashlib/hmac).
    auto salt = Base64Decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    ASSERT_TRUE(salt.has_value());
    EXPECT_EQ(MakeScramVerifier("pencil", *salt, 4096),
              "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
              "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");
    std::string salt16;
    for (int i = 0; i < 16; i++) {
        salt16.push_back(static_cast<char>(i));
    }
    EXPECT_EQ(MakeScramVerifier("secret", salt16, 10000),
              "SCRAM-SHA-256$10000:AAECAwQFBgcICQoLDA0ODw==$CKQloE1j43AtXqnxbtKTUOS3pJFHpkjOzIj+0LaF32o=:"
              "Zx4iufpnScpV+GUVRmPFiTGZ7BDpUqLg1ouUHynhBGE=");
}

TEST(PasswordVerifierTest, MatchesPostgresVerifiers) {
    const std::pair<const char *, const char *> cases[] = {
        {kPostgresVerifierY, "y"},
        {kPostgresVerifierAlice, "correct horse battery staple"},
        {kPostgresVerifierNonAscii, "p\xc3\xa4ssw\xc3\xb6rd"},
    };
    for (const auto &[text, password] : cases) {
        auto verifier = PasswordVerifier::Parse(text);
        ASSERT_TRUE(verifier.has_value()) << text;
        EXPECT_EQ(verifier->kind, VerifierKind::ScramSha256);
        EXPECT_EQ(verifier->iterations, 4096);
        EXPECT_EQ(verifier->salt.size(), 16u);
        EXPECT_EQ(verifier->text, text);
        EXPECT_EQ(Rebuild(password, *verifier), text) << password;
        EXPECT_NE(Rebuild("wrong", *verifier), text);
    }
}

TEST(PasswordVerifierTest, ParseScramFields) {
    auto verifier = PasswordVerifier::Parse(kPostgresVerifierY);
    ASSERT_TRUE(verifier.has_value());
    EXPECT_EQ(Base64Encode(verifier->salt), "Em7vSYr94X8EcpuZH0/QcA==");
    EXPECT_EQ(Base64Encode(verifier->stored_key), "A1s2ePzLpdW08m03fARi37BET34MbJvUEqaGtqVw7aw=");
    EXPECT_EQ(Base64Encode(verifier->server_key), "Nw6fhGFnQ7zvX2WJnQIu6q/A3OCgnOLiLcHxU1fhjfo=");
}

TEST(PasswordVerifierTest, MakeScramVerifierUsesRandomSalt) {
    std::string first = MakeScramVerifier("hunter2");
    std::string second = MakeScramVerifier("hunter2");
    EXPECT_NE(first, second);
    auto verifier = PasswordVerifier::Parse(first);
    ASSERT_TRUE(verifier.has_value());
    EXPECT_EQ(verifier->kind, VerifierKind::ScramSha256);
    EXPECT_EQ(verifier->iterations, 4096);
    EXPECT_EQ(verifier->salt.size(), 16u);
    EXPECT_EQ(Rebuild("hunter2", *verifier), first);

    auto custom = PasswordVerifier::Parse(MakeScramVerifier("hunter2", 1000));
    ASSERT_TRUE(custom.has_value());
    EXPECT_EQ(custom->iterations, 1000);
}

TEST(PasswordVerifierTest, MakeScramVerifierRejectsBadArguments) {
    EXPECT_ANY_THROW(MakeScramVerifier("pw", "", 4096));
    EXPECT_ANY_THROW(MakeScramVerifier("pw", "salt", 0));
}

TEST(PasswordVerifierTest, ScramVerifierForEmptyPassword) {
    std::string text = MakeScramVerifier("", "0123456789abcdef", 4096);
    auto verifier = PasswordVerifier::Parse(text);
    ASSERT_TRUE(verifier.has_value());
    EXPECT_EQ(Rebuild("", *verifier), text);
}

TEST(PasswordVerifierTest, Md5Vectors) {
    EXPECT_EQ(MakeMd5Verifier("postgres", "postgres"), "md53175bce1d3201d16594cebf9d7eb3f9d");
    EXPECT_EQ(MakeMd5Verifier("secret", "alice"), "md54a0a68b43b6cd5cf266fa02f196e2371");
    // PostgreSQL 15: SET password_encryption='md5'; CREATE ROLE carol PASSWORD 'postgres'.
    EXPECT_EQ(MakeMd5Verifier("postgres", "carol"), "md5cccabbaf1ba7c687c87efbeefcd6f1dc");
}

TEST(PasswordVerifierTest, ParseMd5) {
    auto verifier = PasswordVerifier::Parse("md53175bce1d3201d16594cebf9d7eb3f9d");
    ASSERT_TRUE(verifier.has_value());
    EXPECT_EQ(verifier->kind, VerifierKind::Md5);
    EXPECT_EQ(verifier->text, "md53175bce1d3201d16594cebf9d7eb3f9d");
}

TEST(PasswordVerifierTest, ParsePlaintext) {
    const char *plaintexts[] = {"hunter2",
                                "",
                                "MD53175bce1d3201d16594cebf9d7eb3f9d",
                                "scram-sha-256$4096:x$y:z",
                                "SCRAM-SHA-256",
                                "SCRAM-SHA-1$4096:abc$def:ghi"};
    for (const char *text : plaintexts) {
        auto verifier = PasswordVerifier::Parse(text);
        ASSERT_TRUE(verifier.has_value()) << text;
        EXPECT_EQ(verifier->kind, VerifierKind::Plaintext) << text;
        EXPECT_EQ(verifier->text, text);
    }
}

TEST(PasswordVerifierTest, ParseRejectsMalformed) {
    const std::string key = "A1s2ePzLpdW08m03fARi37BET34MbJvUEqaGtqVw7aw=";
    const std::string salt = "Em7vSYr94X8EcpuZH0/QcA==";
    const std::string malformed[] = {
        // md5 prefix with a wrong body.
        "md5",
        "md5abc",
        "md53175BCE1d3201d16594cebf9d7eb3f9d",  // upper-case hex
        "md53175bce1d3201d16594cebf9d7eb3f9d0", // 33 digits
        "md53175bce1d3201d16594cebf9d7eb3f9",   // 31 digits
        "md53175bce1d3201d16594cebf9d7eb3f9g",  // not hex
        // SCRAM prefix with a wrong body.
        "SCRAM-SHA-256$",
        "SCRAM-SHA-256$4096",
        "SCRAM-SHA-256$4096:" + salt,
        "SCRAM-SHA-256$4096:" + salt + "$",
        "SCRAM-SHA-256$4096:" + salt + "$" + key,
        "SCRAM-SHA-256$4096:" + salt + "$" + key + ":",
        "SCRAM-SHA-256$4096:" + salt + "$:" + key,
        "SCRAM-SHA-256$" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$0:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$-1:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$+4096:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$ 4096:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$4096x:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$99999999999:" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$4096::" + salt + "$" + key + ":" + key,
        "SCRAM-SHA-256$4096:$" + key + ":" + key,                         // empty salt
        "SCRAM-SHA-256$4096:Em7v*Yr94X8EcpuZH0/QcA==$" + key + ":" + key, // bad base64 salt
        "SCRAM-SHA-256$4096:" + salt + "$" + salt + ":" + key,            // StoredKey of 16 bytes
        "SCRAM-SHA-256$4096:" + salt + "$" + key + ":" + salt,            // ServerKey of 16 bytes
        "SCRAM-SHA-256$4096:" + salt + "$" + key + ":" + key + ":" + key,
        "SCRAM-SHA-256$4096:" + salt + "$" + key + ":" + key + "$",
        "SCRAM-SHA-256$4096:" + salt + "$" + key + ":" + key + " ",
        "SCRAM-SHA-256$4096:" + salt + "$" + key + "$" + key,
    };
    for (const std::string &text : malformed) {
        EXPECT_FALSE(PasswordVerifier::Parse(text).has_value()) << text;
    }
    // Sanity check: the well-formed version of the above parses.
    EXPECT_TRUE(PasswordVerifier::Parse("SCRAM-SHA-256$4096:" + salt + "$" + key + ":" + key).has_value());
}

} // namespace
} // namespace duckgres::auth
