// Unit tests for the OpenSSL-backed crypto helpers: digests, HMAC, PBKDF2, random, compare, base64, hex.
#include "auth/crypto.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

namespace duckgres::auth {
namespace {

TEST(CryptoTest, Sha256KnownVectors) {
    EXPECT_EQ(HexEncode(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(HexEncode(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256("abc").size(), 32u);
}

TEST(CryptoTest, HmacSha256Rfc4231) {
    // RFC 4231 test case 1.
    EXPECT_EQ(HexEncode(HmacSha256(std::string(20, '\x0b'), "Hi There")),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // RFC 4231 test case 2.
    EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // RFC 4231 test case 6: key longer than the block size.
    EXPECT_EQ(HexEncode(HmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(CryptoTest, HmacSha256EmptyKeyAndData) {
    EXPECT_EQ(HexEncode(HmacSha256("", "")), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(CryptoTest, Pbkdf2HmacSha256KnownVectors) {
    EXPECT_EQ(HexEncode(Pbkdf2HmacSha256("password", "salt", 1)),
              "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    EXPECT_EQ(HexEncode(Pbkdf2HmacSha256("password", "salt", 4096)),
              "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    // RFC 7914 section 11, 64-byte output.
    EXPECT_EQ(HexEncode(Pbkdf2HmacSha256("passwd", "salt", 1, 64)),
              "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
              "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}

TEST(CryptoTest, Pbkdf2RejectsBadArguments) {
    EXPECT_THROW(Pbkdf2HmacSha256("password", "salt", 0), std::invalid_argument);
    EXPECT_THROW(Pbkdf2HmacSha256("password", "salt", -5), std::invalid_argument);
    EXPECT_THROW(Pbkdf2HmacSha256("password", "salt", 1, 0), std::invalid_argument);
}

TEST(CryptoTest, Md5HexKnownVectors) {
    EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
    EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
    EXPECT_EQ(Md5Hex("The quick brown fox jumps over the lazy dog"), "9e107d9d372bb6826bd81d3542a419d6");
}

TEST(CryptoTest, RandomBytesLengthAndVariety) {
    EXPECT_EQ(RandomBytes(0).size(), 0u);
    EXPECT_EQ(RandomBytes(1).size(), 1u);
    EXPECT_EQ(RandomBytes(18).size(), 18u);
    std::set<std::string> seen;
    for (int i = 0; i < 16; i++) {
        seen.insert(RandomBytes(16));
    }
    EXPECT_EQ(seen.size(), 16u);
}

TEST(CryptoTest, ConstantTimeEqualsSemantics) {
    EXPECT_TRUE(ConstantTimeEquals("", ""));
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "Abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
    EXPECT_FALSE(ConstantTimeEquals("ab", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("", "a"));
    // Embedded NUL bytes are compared like any other byte.
    EXPECT_TRUE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
    EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
    EXPECT_FALSE(ConstantTimeEquals(std::string("a\0", 2), "a"));
    std::string big(4096, 'x');
    std::string other = big;
    other.back() = 'y';
    EXPECT_TRUE(ConstantTimeEquals(big, std::string(4096, 'x')));
    EXPECT_FALSE(ConstantTimeEquals(big, other));
}

TEST(CryptoTest, Base64Rfc4648Vectors) {
    const std::pair<std::string, std::string> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto &[plain, encoded] : vectors) {
        EXPECT_EQ(Base64Encode(plain), encoded) << plain;
        auto decoded = Base64Decode(encoded);
        ASSERT_TRUE(decoded.has_value()) << encoded;
        EXPECT_EQ(*decoded, plain) << encoded;
    }
}

TEST(CryptoTest, Base64RoundTripsBinary) {
    std::string all;
    for (int i = 0; i < 256; i++) {
        all.push_back(static_cast<char>(i));
    }
    EXPECT_EQ(Base64Encode(std::string("\xfb\xff", 2)), "+/8=");
    for (size_t length = 0; length <= all.size(); length++) {
        std::string data = all.substr(0, length);
        auto decoded = Base64Decode(Base64Encode(data));
        ASSERT_TRUE(decoded.has_value()) << length;
        EXPECT_EQ(*decoded, data) << length;
    }
}

TEST(CryptoTest, Base64RoundTripsLargeInput) {
    // Larger than the internal chunk sizes, and not a multiple of 3.
    std::string data = RandomBytes(100000 + 2);
    std::string encoded = Base64Encode(data);
    EXPECT_EQ(encoded.size(), (data.size() + 2) / 3 * 4);
    auto decoded = Base64Decode(encoded);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, data);
}

TEST(CryptoTest, Base64DecodeRejectsInvalid) {
    const char *invalid[] = {
        "Zg",       // missing padding
        "Zg=",      // incomplete quad
        "Z===",     // too much padding
        "====",     // only padding
        "Zg==Zg==", // padding in the middle
        "=Zg=",     // padding first
        "Zm9v\n",   // trailing newline
        " Zm9v",    // leading space
        "Zm 9v",    // inner space
        "Zm-v",     // base64url alphabet
        "Zm_v",     // base64url alphabet
        "Zm9v====", // padding quad
        "Zh==",     // non-zero unused bits (non-canonical "Zg==")
        "Zm9=",     // non-zero unused bits (non-canonical "Zm8=")
        "Zm\x80v",  // non-ASCII
        "Zm9vY",    // length not a multiple of 4
    };
    for (const char *text : invalid) {
        EXPECT_FALSE(Base64Decode(text).has_value()) << text;
    }
    EXPECT_FALSE(Base64Decode(std::string("Zm\0v", 4)).has_value());
}

TEST(CryptoTest, HexEncodeIsLowerCase) {
    EXPECT_EQ(HexEncode(""), "");
    EXPECT_EQ(HexEncode(std::string("\x00\x01\xab\xff", 4)), "0001abff");
}

} // namespace
} // namespace duckgres::auth
