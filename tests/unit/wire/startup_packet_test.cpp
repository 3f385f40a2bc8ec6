// Unit tests for ParseStartupPacket: request codes, parameters and malformed packets.
#include "wire/frontend_messages.hpp"

#include "wire_test_util.hpp"

namespace duckgres::wire::test {
namespace {

StartupPacket Parse(const std::string &payload) {
    return ParseStartupPacket(AsBytes(payload));
}

std::string Startup(uint32_t version, const std::vector<std::pair<std::string, std::string>> &params) {
    std::string payload = Be32(version);
    for (const auto &[name, value] : params) {
        payload += Cstr(name) + Cstr(value);
    }
    return payload + '\0';
}

TEST(StartupPacketTest, SslRequest) {
    EXPECT_TRUE(std::holds_alternative<SslRequest>(Parse(Hex("04d2162f"))));
}

TEST(StartupPacketTest, GssEncRequest) {
    EXPECT_TRUE(std::holds_alternative<GssEncRequest>(Parse(Hex("04d21630"))));
}

TEST(StartupPacketTest, CancelRequest) {
    auto packet = Parse(Hex("04d2162e 00003039 fffffffe"));
    ASSERT_TRUE(std::holds_alternative<CancelRequest>(packet));
    EXPECT_EQ(std::get<CancelRequest>(packet).process_id, 12345);
    EXPECT_EQ(std::get<CancelRequest>(packet).secret_key, -2);
}

TEST(StartupPacketTest, StartupMessageWithParameters) {
    auto packet = Parse(
        Startup(196608, {{"user", "alice"}, {"database", "db"}, {"application_name", ""}, {"_pq_.option", "on"}}));
    ASSERT_TRUE(std::holds_alternative<StartupMessage>(packet));
    const auto &startup = std::get<StartupMessage>(packet);
    EXPECT_EQ(startup.major, 3);
    EXPECT_EQ(startup.minor, 0);
    ASSERT_EQ(startup.parameters.size(), 4u);
    EXPECT_EQ(startup.parameters[0], (std::pair<std::string, std::string>{"user", "alice"}));
    EXPECT_EQ(startup.parameters[3], (std::pair<std::string, std::string>{"_pq_.option", "on"}));
    EXPECT_EQ(startup.Get("user"), "alice");
    EXPECT_EQ(startup.Get("database"), "db");
    EXPECT_EQ(startup.Get("application_name"), "");
    EXPECT_EQ(startup.Get("options"), std::nullopt);
}

TEST(StartupPacketTest, NewerMinorVersionIsAccepted) {
    auto packet = Parse(Startup(0x00030002, {{"user", "bob"}}));
    const auto &startup = std::get<StartupMessage>(packet);
    EXPECT_EQ(startup.major, 3);
    EXPECT_EQ(startup.minor, 2);
}

TEST(StartupPacketTest, RepeatedParameterLastOneWins) {
    auto packet = Parse(Startup(196608, {{"user", "first"}, {"user", "second"}}));
    const auto &startup = std::get<StartupMessage>(packet);
    EXPECT_EQ(startup.parameters.size(), 2u);
    EXPECT_EQ(startup.Get("user"), "second");
}

struct MalformedStartup {
    const char *name;
    std::string payload;
    std::string sqlstate;
};

TEST(StartupPacketTest, MalformedPacketsThrow) {
    const std::vector<MalformedStartup> cases = {
        {"empty", "", "08P01"},
        {"truncated code", Hex("04d216"), "08P01"},
        {"ssl request with trailing byte", Hex("04d2162f 00"), "08P01"},
        {"gssenc request with trailing byte", Hex("04d21630 00"), "08P01"},
        {"cancel request too short", Hex("04d2162e 00003039 0000"), "08P01"},
        {"cancel request without key", Hex("04d2162e 00003039"), "08P01"},
        {"cancel request too long", Hex("04d2162e 00003039 00000001 00"), "08P01"},
        {"unknown request code", Hex("04d21699"), "0A000"},
        {"protocol 2.0", Be32(0x00020000) + Cstr("user") + Cstr("alice") + '\0', "0A000"},
        {"protocol 4.0", Be32(0x00040000) + Cstr("user") + Cstr("alice") + '\0', "0A000"},
        {"no terminator at all", Be32(196608), "08P01"},
        {"missing final NUL", Be32(196608) + Cstr("user") + Cstr("alice"), "08P01"},
        {"name without NUL", Be32(196608) + "user", "08P01"},
        {"value without NUL", Be32(196608) + Cstr("user") + "alice", "08P01"},
        {"name without value", Be32(196608) + Cstr("user"), "08P01"},
        {"garbage after terminator", Startup(196608, {{"user", "alice"}}) + "x", "08P01"},
        {"missing user", Startup(196608, {{"database", "db"}}), "28000"},
        {"no parameters", Startup(196608, {}), "28000"},
        {"empty user", Startup(196608, {{"user", ""}}), "28000"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        ExpectProtocolError<MalformedMessage>([&] { Parse(c.payload); }, c.sqlstate);
    }
}

TEST(StartupPacketTest, ErrorTextsMatchPostgres) {
    std::string message = ExpectProtocolError<MalformedMessage>(
        [] {
            Parse(Startup(0x00020000, {{"user", "a"}}));
        },
        "0A000");
    EXPECT_EQ(message, "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
    message = ExpectProtocolError<MalformedMessage>([] { Parse(Startup(196608, {{"database", "d"}})); }, "28000");
    EXPECT_EQ(message, "no PostgreSQL user name specified in startup packet");
}

TEST(StartupPacketTest, EveryTruncationOfAValidPacketThrows) {
    std::string payload = Startup(196608, {{"user", "alice"}, {"database", "db"}});
    ASSERT_TRUE(std::holds_alternative<StartupMessage>(Parse(payload)));
    for (size_t len = 0; len < payload.size(); len++) {
        SCOPED_TRACE("length " + std::to_string(len));
        EXPECT_THROW(Parse(payload.substr(0, len)), MalformedMessage);
    }
}

} // namespace
} // namespace duckgres::wire::test
