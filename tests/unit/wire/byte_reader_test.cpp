// Unit tests for ByteReader: byte order, strings, byte runs and bounds checks.
#include "wire/byte_reader.hpp"

#include "wire_test_util.hpp"

namespace duckgres::wire::test {
namespace {

TEST(ByteReaderTest, ReadsNetworkOrderIntegers) {
    std::string data = Hex("7f 1234 fedc 12345678 fffffffe 80000000");
    ByteReader reader(AsBytes(data));
    EXPECT_EQ(reader.ReadByte(), 0x7f);
    EXPECT_EQ(reader.ReadInt16(), 0x1234);
    EXPECT_EQ(reader.ReadInt16(), static_cast<int16_t>(-292));
    EXPECT_EQ(reader.ReadInt32(), 0x12345678);
    EXPECT_EQ(reader.ReadInt32(), -2);
    EXPECT_EQ(reader.ReadInt32(), INT32_MIN);
    EXPECT_TRUE(reader.AtEnd());
    EXPECT_NO_THROW(reader.ExpectEnd("test"));
}

TEST(ByteReaderTest, ReadsCStrings) {
    std::string data = "abc\0\0xyz\0"s;
    ByteReader reader(AsBytes(data));
    EXPECT_EQ(reader.ReadCString(), "abc");
    EXPECT_EQ(reader.ReadCString(), "");
    EXPECT_EQ(reader.ReadCString(), "xyz");
    EXPECT_TRUE(reader.AtEnd());
}

TEST(ByteReaderTest, ReadsBytesAndRest) {
    std::string data = "hello world";
    ByteReader reader(AsBytes(data));
    EXPECT_EQ(ToString(reader.ReadBytes(0)), "");
    EXPECT_EQ(ToString(reader.ReadBytes(5)), "hello");
    EXPECT_EQ(reader.Remaining(), 6u);
    EXPECT_EQ(ToString(reader.Rest()), " world");
    EXPECT_TRUE(reader.AtEnd());
    EXPECT_EQ(ToString(reader.Rest()), "");
}

struct UnderflowCase {
    const char *name;
    std::string data;
    void (*read)(ByteReader &);
};

TEST(ByteReaderTest, UnderflowThrowsProtocolError) {
    const std::vector<UnderflowCase> cases = {
        {"byte from empty", "", [](ByteReader &r) { r.ReadByte(); }},
        {"int16 from 1 byte", "\x01", [](ByteReader &r) { r.ReadInt16(); }},
        {"int32 from 3 bytes", "\x01\x02\x03", [](ByteReader &r) { r.ReadInt32(); }},
        {"cstring without NUL", "abc", [](ByteReader &r) { r.ReadCString(); }},
        {"cstring from empty", "", [](ByteReader &r) { r.ReadCString(); }},
        {"bytes past end", "abc", [](ByteReader &r) { r.ReadBytes(4); }},
        {"negative byte count", "abc", [](ByteReader &r) { r.ReadBytes(-1); }},
        {"huge byte count", "abc", [](ByteReader &r) { r.ReadBytes(INT64_MAX); }},
        {"trailing bytes", "abc", [](ByteReader &r) { r.ExpectEnd("Test"); }},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        ByteReader reader(AsBytes(c.data));
        ExpectProtocolError<MalformedMessage>([&] { c.read(reader); });
    }
}

TEST(ByteReaderTest, FailedReadDoesNotAdvance) {
    std::string data = "\x01\x02\x03"s;
    ByteReader reader(AsBytes(data));
    ExpectProtocolError<MalformedMessage>([&] { reader.ReadInt32(); });
    EXPECT_EQ(reader.Remaining(), 3u);
    EXPECT_EQ(reader.ReadInt16(), 0x0102);
}

TEST(ByteReaderTest, ExpectEndNamesTheMessage) {
    std::string data = "xy";
    ByteReader reader(AsBytes(data));
    std::string message = ExpectProtocolError<MalformedMessage>([&] { reader.ExpectEnd("Bind"); });
    EXPECT_NE(message.find("Bind"), std::string::npos) << message;
    EXPECT_NE(message.find("2"), std::string::npos) << message;
}

} // namespace
} // namespace duckgres::wire::test
