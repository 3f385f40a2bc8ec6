// Unit tests for PacketBuilder: framing, byte order, patching and misuse.
#include "wire/packet_builder.hpp"

#include "wire_test_util.hpp"

#include <stdexcept>

namespace duckgres::wire::test {
namespace {

TEST(PacketBuilderTest, EmptyMessageHasLengthFour) {
    std::string out;
    PacketBuilder(out).Begin('1').Finish();
    EXPECT_EQ(out, Hex("31 00000004"));
}

TEST(PacketBuilderTest, WritesNetworkOrderFields) {
    std::string out;
    PacketBuilder builder(out);
    const uint8_t raw[] = {0x00, 0xff};
    builder.Begin('X').Byte(0xab).Int16(-2).Int32(0x01020304).CString("hi").Bytes(std::string_view("ab"));
    builder.Bytes(std::span<const uint8_t>(raw, 2));
    builder.Finish();
    // 4 (length) + 1 + 2 + 4 + 3 + 2 + 2 = 18 = 0x12
    EXPECT_EQ(out, Hex("58 00000012 ab fffe 01020304 686900 6162 00ff"));
}

TEST(PacketBuilderTest, BuildsSeveralMessagesIntoOneBuffer) {
    std::string out = "prefix";
    PacketBuilder builder(out);
    builder.Begin('C').CString("SELECT 1");
    builder.Finish();
    builder.Begin('Z').Byte('I');
    builder.Finish();
    EXPECT_EQ(out, "prefix" + Framed('C', Cstr("SELECT 1")) + Framed('Z', "I"));
}

TEST(PacketBuilderTest, ReserveAndPatchInt32) {
    std::string out;
    PacketBuilder builder(out);
    builder.Begin('t');
    size_t slot = builder.ReserveInt32();
    builder.Int16(7);
    builder.PatchInt32(slot, -1);
    builder.Finish();
    EXPECT_EQ(slot, 5u);
    EXPECT_EQ(out, Hex("74 0000000a ffffffff 0007"));
    EXPECT_THROW(builder.PatchInt32(out.size() - 3, 1), std::out_of_range);
}

TEST(PacketBuilderTest, CStringTruncatesAtEmbeddedNul) {
    std::string out;
    PacketBuilder builder(out);
    builder.Begin('C').CString("ab\0cd"s);
    builder.Finish();
    EXPECT_EQ(out, Framed('C', Cstr("ab")));
}

TEST(PacketBuilderTest, MisuseIsALogicError) {
    std::string out;
    PacketBuilder builder(out);
    EXPECT_THROW(builder.Finish(), std::logic_error);
    builder.Begin('A');
    EXPECT_THROW(builder.Begin('B'), std::logic_error);
    builder.Finish();
    EXPECT_EQ(out, Hex("41 00000004"));
}

} // namespace
} // namespace duckgres::wire::test
