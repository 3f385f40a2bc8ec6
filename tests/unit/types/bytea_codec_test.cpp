// encode()/decode() and convert_to()/convert_from() against PostgreSQL 15's results, from tables of cases.
#include "common/sql_error.hpp"
#include "types/bytea_codec.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace duckgres::types {
namespace {

using namespace std::string_literals;

struct CodecCase {
    std::string bytes;
    const char *format;
    std::string text; //!< encode(bytes, format); decode(text, format) gives the bytes back
};

const CodecCase kCodecCases[] = {
    {"Hello", "hex", "48656c6c6f"},
    {""s, "hex", ""},
    {"\x00\xff"s, "HEX", "00ff"},
    {"\x00\xff"s, "base64", "AP8="},
    {"a", "base64", "YQ=="},
    {"abc", "base64", "YWJj"},
    {"", "base64", ""},
    {"a\\b\x00\x80"s, "escape", "a\\\\b\\000\\200"},
    {"plain", "escape", "plain"},
};

TEST(ByteaCodec, EncodesAndDecodes) {
    for (const auto &row : kCodecCases) {
        EXPECT_EQ(EncodeBytes(row.bytes, row.format), row.text) << row.format << " " << row.text;
        EXPECT_EQ(DecodeBytes(row.text, row.format), row.bytes) << row.format << " " << row.text;
    }
}

//! A full line of 76 characters (57 bytes) ends with a line break, even at the end, as PostgreSQL writes it.
TEST(ByteaCodec, FullBase64LineEndsWithABreak) {
    const std::string bytes(57, 'x');
    std::string line;
    for (int i = 0; i < 19; i++) {
        line += "eHh4";
    }
    EXPECT_EQ(EncodeBytes(bytes, "base64"), line + "\n");
    EXPECT_EQ(EncodeBytes(bytes + "x", "base64"), line + "\neA==");
    EXPECT_EQ(DecodeBytes(line + "\neA==", "base64"), bytes + "x");
}

TEST(ByteaCodec, DecodeSkipsBlanks) {
    EXPECT_EQ(DecodeBytes(" 48 65\n6c ", "hex"), "Hel");
    EXPECT_EQ(DecodeBytes("YW\nJj", "base64"), "abc");
    EXPECT_EQ(DecodeHexBytes("de ad\tbe\r\nef"), "\xde\xad\xbe\xef");
}

struct ErrorCase {
    const char *text;
    const char *format;
    const char *sqlstate;
    const char *message;
};

const ErrorCase kDecodeErrors[] = {
    {"4", "hex", "22023", "invalid hexadecimal data: odd number of digits"},
    {"4g", "hex", "22023", "invalid hexadecimal digit: \"g\""},
    {"zz", "hex", "22023", "invalid hexadecimal digit: \"z\""},
    {"YQ=", "base64", "22023", "invalid base64 end sequence"},
    {"Y===", "base64", "22023", "unexpected \"=\" while decoding base64 sequence"},
    {"YQ*=", "base64", "22023", "invalid symbol \"*\" found while decoding base64 sequence"},
    {"a\\b", "escape", "22P02", "invalid input syntax for type bytea"},
    {"a\\400", "escape", "22P02", "invalid input syntax for type bytea"},
    {"x", "rot13", "22023", "unrecognized encoding: \"rot13\""},
};

TEST(ByteaCodec, DecodeErrorsArePostgresqls) {
    for (const auto &row : kDecodeErrors) {
        try {
            DecodeBytes(row.text, row.format);
            ADD_FAILURE() << row.text << " decoded";
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, row.sqlstate) << row.text;
            EXPECT_STREQ(error.what(), row.message) << row.text;
        }
    }
}

TEST(ByteaCodec, EncodeOfAnUnknownFormat) {
    try {
        EncodeBytes("x", "base32");
        ADD_FAILURE() << "encoded";
    } catch (const SqlError &error) {
        EXPECT_EQ(error.sqlstate, "22023");
        EXPECT_STREQ(error.what(), "unrecognized encoding: \"base32\"");
    }
}

struct ConvertCase {
    const char *encoding;
    std::string text;  //!< UTF-8
    std::string bytes; //!< convert_to(text, encoding)
};

const ConvertCase kConvertCases[] = {
    {"UTF8", "\xc3\xa9", "\xc3\xa9"},
    {"utf-8", "abc", "abc"},
    {"Unicode", "x", "x"},
    {"LATIN1", "caf\xc3\xa9", "caf\xe9"},
    {"iso_8859_1", "\xc2\xa0", "\xa0"},
    {"SQL_ASCII", "abc", "abc"},
};

TEST(ByteaCodec, ConvertsBetweenEncodings) {
    for (const auto &row : kConvertCases) {
        EXPECT_EQ(ConvertToEncoding(row.text, row.encoding), row.bytes) << row.encoding;
        EXPECT_EQ(ConvertFromEncoding(row.bytes, row.encoding), row.text) << row.encoding;
    }
}

TEST(ByteaCodec, ConvertErrorsArePostgresqls) {
    const struct {
        std::function<void()> call;
        const char *sqlstate;
        const char *message;
    } cases[] = {
        {[] { ConvertToEncoding("x", "klingon"); }, "22023", "invalid destination encoding name \"klingon\""},
        {[] { ConvertFromEncoding("x", "klingon"); }, "22023", "invalid source encoding name \"klingon\""},
        {[] { ConvertFromEncoding("\xff", "UTF8"); }, "22021", "invalid byte sequence for encoding \"UTF8\": 0xff"},
        {[] { ConvertToEncoding("\xe2\x82\xac", "LATIN1"); }, "22P05",
         "character with byte sequence 0xe2 0x82 0xac in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\""},
    };
    for (const auto &row : cases) {
        try {
            row.call();
            ADD_FAILURE() << row.message;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, row.sqlstate) << row.message;
            EXPECT_STREQ(error.what(), row.message);
        }
    }
}

} // namespace
} // namespace duckgres::types
