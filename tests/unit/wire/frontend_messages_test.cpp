// Unit tests for the typed frontend message parsers: values, round trips, malformed input.
#include "wire/frontend_messages.hpp"

#include "wire_test_util.hpp"

#include <functional>
#include <random>

namespace duckgres::wire::test {
namespace {

//! Which parser a payload goes to.
enum class Kind { Query, Password, SaslInitial, SaslResponse, Parse, Bind, Describe, Close, Execute, CopyFail };

void ParseAs(Kind kind, const std::string &payload) {
    auto bytes = AsBytes(payload);
    switch (kind) {
    case Kind::Query:
        ParseQuery(bytes);
        break;
    case Kind::Password:
        ParsePasswordMessage(bytes);
        break;
    case Kind::SaslInitial:
        ParseSaslInitialResponse(bytes);
        break;
    case Kind::SaslResponse:
        ParseSaslResponse(bytes);
        break;
    case Kind::Parse:
        ParseParse(bytes);
        break;
    case Kind::Bind:
        ParseBind(bytes);
        break;
    case Kind::Describe:
        ParseDescribe(bytes);
        break;
    case Kind::Close:
        ParseClose(bytes);
        break;
    case Kind::Execute:
        ParseExecute(bytes);
        break;
    case Kind::CopyFail:
        ParseCopyFail(bytes);
        break;
    }
}

TEST(FrontendMessagesTest, Query) {
    EXPECT_EQ(ParseQuery(AsBytes(Cstr("SELECT 1; SELECT 2"))).sql, "SELECT 1; SELECT 2");
    EXPECT_EQ(ParseQuery(AsBytes(Cstr(""))).sql, "");
}

TEST(FrontendMessagesTest, PasswordMessage) {
    EXPECT_EQ(ParsePasswordMessage(AsBytes(Cstr("md5abc"))).password, "md5abc");
}

TEST(FrontendMessagesTest, SaslInitialResponse) {
    std::string first = "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL";
    auto m = ParseSaslInitialResponse(AsBytes(Cstr("SCRAM-SHA-256") + Be32(first.size()) + first));
    EXPECT_EQ(m.mechanism, "SCRAM-SHA-256");
    EXPECT_EQ(m.data, first);

    auto none = ParseSaslInitialResponse(AsBytes(Cstr("SCRAM-SHA-256") + Be32(0xffffffff)));
    EXPECT_EQ(none.mechanism, "SCRAM-SHA-256");
    EXPECT_EQ(none.data, "");
}

TEST(FrontendMessagesTest, SaslResponseTakesAllBytes) {
    std::string data = "c=biws,r=abc\0binary"s;
    EXPECT_EQ(ParseSaslResponse(AsBytes(data)).data, data);
    EXPECT_EQ(ParseSaslResponse(AsBytes("")).data, "");
}

TEST(FrontendMessagesTest, ParseExactBytes) {
    auto m = ParseParse(AsBytes(Hex("733100 53454c454354202431 00 0002 00000017 00000000")));
    EXPECT_EQ(m.statement, "s1");
    EXPECT_EQ(m.query, "SELECT $1");
    EXPECT_EQ(m.param_types, (std::vector<uint32_t>{23, 0}));
}

TEST(FrontendMessagesTest, ParseRoundTrips) {
    const std::vector<ParseMessage> cases = {
        {"", "SELECT 1", {}},
        {"stmt", "SELECT $1, $2", {23, 25}},
        {"big oid", "SELECT $1", {0xfffffff0u}},
    };
    for (const auto &c : cases) {
        auto m = ParseParse(AsBytes(EncodeParse(c)));
        EXPECT_EQ(m.statement, c.statement);
        EXPECT_EQ(m.query, c.query);
        EXPECT_EQ(m.param_types, c.param_types);
    }
}

TEST(FrontendMessagesTest, BindExactBytes) {
    // portal "", statement "s", 1 format (binary), 2 params: 'ab' and NULL, 1 result format (text).
    auto m = ParseBind(AsBytes(Hex("00 7300 0001 0001 0002 00000002 6162 ffffffff 0001 0000")));
    EXPECT_EQ(m.portal, "");
    EXPECT_EQ(m.statement, "s");
    EXPECT_EQ(m.param_formats, (std::vector<int16_t>{1}));
    ASSERT_EQ(m.params.size(), 2u);
    EXPECT_EQ(m.params[0], "ab");
    EXPECT_EQ(m.params[1], std::nullopt);
    EXPECT_EQ(m.result_formats, (std::vector<int16_t>{0}));
}

TEST(FrontendMessagesTest, BindTargetReadsOnlyTheNames) {
    // The rest is truncated: the names still read, as PostgreSQL reads them before looking the statement up.
    auto m = ParseBindTarget(AsBytes(Hex("70 00 7300 0001")));
    EXPECT_EQ(m.portal, "p");
    EXPECT_EQ(m.statement, "s");
    EXPECT_THROW(ParseBind(AsBytes(Hex("70 00 7300 0001"))), MalformedMessage);
    EXPECT_THROW(ParseBindTarget(AsBytes(Hex("70 00 73"))), MalformedMessage);
}

TEST(FrontendMessagesTest, BindRoundTrips) {
    const std::vector<BindMessage> cases = {
        {"", "", {}, {}, {}},
        {"p", "s", {0, 1}, {std::string("42"), std::nullopt}, {1, 0, 1}},
        {"", "s", {1}, {std::string(""), std::string("\0\1\2"s), std::nullopt}, {1}},
        {"portal", "", {}, {std::string(1000, 'v')}, {}},
    };
    for (const auto &c : cases) {
        auto m = ParseBind(AsBytes(EncodeBind(c)));
        EXPECT_EQ(m.portal, c.portal);
        EXPECT_EQ(m.statement, c.statement);
        EXPECT_EQ(m.param_formats, c.param_formats);
        EXPECT_EQ(m.params, c.params);
        EXPECT_EQ(m.result_formats, c.result_formats);
    }
}

TEST(FrontendMessagesTest, DescribeAndClose) {
    auto d = ParseDescribe(AsBytes("S" + Cstr("stmt")));
    EXPECT_EQ(d.kind, 'S');
    EXPECT_EQ(d.name, "stmt");
    d = ParseDescribe(AsBytes("P" + Cstr("")));
    EXPECT_EQ(d.kind, 'P');
    EXPECT_EQ(d.name, "");

    auto c = ParseClose(AsBytes("P" + Cstr("portal")));
    EXPECT_EQ(c.kind, 'P');
    EXPECT_EQ(c.name, "portal");
}

TEST(FrontendMessagesTest, Execute) {
    auto e = ParseExecute(AsBytes(Cstr("p") + Be32(100)));
    EXPECT_EQ(e.portal, "p");
    EXPECT_EQ(e.max_rows, 100);
    EXPECT_EQ(ParseExecute(AsBytes(Cstr("") + Be32(0))).max_rows, 0);
    // Non-positive limits mean "all rows", as in PostgreSQL.
    EXPECT_EQ(ParseExecute(AsBytes(Cstr("") + Be32(0xffffffff))).max_rows, 0);
}

TEST(FrontendMessagesTest, CopyFail) {
    EXPECT_EQ(ParseCopyFail(AsBytes(Cstr("client gave up"))).message, "client gave up");
}

struct Malformed {
    const char *name;
    Kind kind;
    std::string payload;
};

std::vector<Malformed> MalformedCases() {
    return {
        {"query empty payload", Kind::Query, ""},
        {"query missing NUL", Kind::Query, "SELECT 1"},
        {"query trailing garbage", Kind::Query, Cstr("SELECT 1") + "x"},
        {"query two strings", Kind::Query, Cstr("SELECT 1") + Cstr("SELECT 2")},
        {"password missing NUL", Kind::Password, "secret"},
        {"password trailing garbage", Kind::Password, Cstr("secret") + '\0'},
        {"sasl initial missing length", Kind::SaslInitial, Cstr("SCRAM-SHA-256")},
        {"sasl initial truncated length", Kind::SaslInitial, Cstr("SCRAM-SHA-256") + "\0\0"s},
        {"sasl initial negative length", Kind::SaslInitial, Cstr("SCRAM-SHA-256") + Be32(0xfffffffe)},
        {"sasl initial length past end", Kind::SaslInitial, Cstr("SCRAM-SHA-256") + Be32(10) + "abc"},
        {"sasl initial huge length", Kind::SaslInitial, Cstr("SCRAM-SHA-256") + Be32(0x7fffffff) + "abc"},
        {"sasl initial trailing garbage", Kind::SaslInitial, Cstr("SCRAM-SHA-256") + Be32(1) + "ab"},
        {"sasl initial null then garbage", Kind::SaslInitial, Cstr("SCRAM-SHA-256") + Be32(0xffffffff) + "a"},
        {"sasl initial missing mechanism NUL", Kind::SaslInitial, "SCRAM"},
        {"parse missing query", Kind::Parse, Cstr("s")},
        {"parse missing count", Kind::Parse, Cstr("s") + Cstr("SELECT 1")},
        {"parse truncated count", Kind::Parse, Cstr("s") + Cstr("SELECT 1") + "\0"s},
        {"parse count larger than payload", Kind::Parse, Cstr("s") + Cstr("SELECT $1") + Be16(2) + Be32(23)},
        {"parse count 65535 with no data", Kind::Parse, Cstr("s") + Cstr("SELECT 1") + Be16(0xffff)},
        {"parse truncated oid", Kind::Parse, Cstr("s") + Cstr("SELECT $1") + Be16(1) + "\0\0\0"s},
        {"parse trailing garbage", Kind::Parse, Cstr("s") + Cstr("SELECT 1") + Be16(0) + "x"},
        {"bind empty", Kind::Bind, ""},
        {"bind missing statement NUL", Kind::Bind, Cstr("") + "s"},
        {"bind format count larger than payload", Kind::Bind, Cstr("") + Cstr("") + Be16(3) + Be16(0)},
        {"bind param count larger than payload", Kind::Bind, Cstr("") + Cstr("") + Be16(0) + Be16(100) + Be32(1)},
        {"bind param count 65535", Kind::Bind, Cstr("") + Cstr("") + Be16(0) + Be16(0xffff) + Be16(0)},
        {"bind negative value length", Kind::Bind,
         Cstr("") + Cstr("") + Be16(0) + Be16(1) + Be32(0xfffffffe) + Be16(0)},
        {"bind INT32_MIN value length", Kind::Bind,
         Cstr("") + Cstr("") + Be16(0) + Be16(1) + Be32(0x80000000) + Be16(0)},
        {"bind value length past end", Kind::Bind, Cstr("") + Cstr("") + Be16(0) + Be16(1) + Be32(50) + "ab" + Be16(0)},
        {"bind huge value length", Kind::Bind, Cstr("") + Cstr("") + Be16(0) + Be16(1) + Be32(0x7fffffff) + Be16(0)},
        {"bind missing result count", Kind::Bind, Cstr("") + Cstr("") + Be16(0) + Be16(0)},
        {"bind result count larger than payload", Kind::Bind,
         Cstr("") + Cstr("") + Be16(0) + Be16(0) + Be16(2) + Be16(0)},
        {"bind format count mismatch", Kind::Bind,
         Cstr("") + Cstr("") + Be16(2) + Be16(0) + Be16(0) + Be16(1) + Be32(0xffffffff) + Be16(0)},
        {"bind trailing garbage", Kind::Bind, Cstr("") + Cstr("") + Be16(0) + Be16(0) + Be16(0) + "x"},
        {"describe empty", Kind::Describe, ""},
        {"describe bad subtype", Kind::Describe, "X" + Cstr("name")},
        {"describe missing NUL", Kind::Describe, "Sname"},
        {"describe trailing garbage", Kind::Describe, "S" + Cstr("name") + "x"},
        {"close bad subtype", Kind::Close, "s" + Cstr("name")},
        {"close missing NUL", Kind::Close, "P"},
        {"close trailing garbage", Kind::Close, "P" + Cstr("") + Cstr("")},
        {"execute missing max rows", Kind::Execute, Cstr("p")},
        {"execute truncated max rows", Kind::Execute, Cstr("p") + "\0\0\0"s},
        {"execute trailing garbage", Kind::Execute, Cstr("p") + Be32(0) + "x"},
        {"copy fail missing NUL", Kind::CopyFail, "oops"},
        {"copy fail trailing garbage", Kind::CopyFail, Cstr("oops") + "!"},
    };
}

TEST(FrontendMessagesTest, MalformedMessagesThrowProtocolViolation) {
    for (const auto &c : MalformedCases()) {
        SCOPED_TRACE(c.name);
        ExpectProtocolError<MalformedMessage>([&] { ParseAs(c.kind, c.payload); }, "08P01");
    }
}

struct Valid {
    Kind kind;
    std::string payload;
};

std::vector<Valid> ValidCases() {
    BindMessage bind{"p", "s", {0, 1}, {std::string("42"), std::nullopt}, {1}};
    ParseMessage parse{"s", "SELECT $1, $2", {23, 25}};
    return {
        {Kind::Query, Cstr("SELECT 1")},
        {Kind::Password, Cstr("pw")},
        {Kind::SaslInitial, Cstr("SCRAM-SHA-256") + Be32(3) + "n,,"},
        {Kind::Parse, EncodeParse(parse)},
        {Kind::Bind, EncodeBind(bind)},
        {Kind::Describe, "S" + Cstr("s")},
        {Kind::Close, "P" + Cstr("p")},
        {Kind::Execute, Cstr("p") + Be32(5)},
        {Kind::CopyFail, Cstr("no")},
    };
}

TEST(FrontendMessagesTest, EveryTruncationOfAValidMessageThrows) {
    for (const auto &c : ValidCases()) {
        ASSERT_NO_THROW(ParseAs(c.kind, c.payload));
        for (size_t len = 0; len < c.payload.size(); len++) {
            SCOPED_TRACE("kind " + std::to_string(static_cast<int>(c.kind)) + " length " + std::to_string(len));
            ExpectProtocolError<MalformedMessage>([&] { ParseAs(c.kind, c.payload.substr(0, len)); });
        }
    }
}

TEST(FrontendMessagesTest, AnyTrailingByteThrows) {
    for (const auto &c : ValidCases()) {
        SCOPED_TRACE("kind " + std::to_string(static_cast<int>(c.kind)));
        ExpectProtocolError<MalformedMessage>([&] { ParseAs(c.kind, c.payload + '\0'); });
        ExpectProtocolError<MalformedMessage>([&] { ParseAs(c.kind, c.payload + "zz"); });
    }
}

TEST(FrontendMessagesTest, RandomInputOnlyEverThrowsProtocolError) {
    std::mt19937 rng(12345);
    const Kind kinds[] = {Kind::Query, Kind::Password, Kind::SaslInitial, Kind::SaslResponse, Kind::Parse,
                          Kind::Bind,  Kind::Describe, Kind::Close,       Kind::Execute,      Kind::CopyFail};
    auto valid = ValidCases();
    for (int i = 0; i < 20000; i++) {
        std::string payload;
        Kind kind = kinds[rng() % std::size(kinds)];
        if (i % 2 == 0) {
            // Mutate a valid message of some kind.
            const auto &base = valid[rng() % valid.size()];
            kind = base.kind;
            payload = base.payload;
            for (int flips = 1 + rng() % 3; flips > 0 && !payload.empty(); flips--) {
                payload[rng() % payload.size()] = static_cast<char>(rng());
            }
        } else {
            payload.resize(rng() % 24);
            for (auto &ch : payload) {
                ch = static_cast<char>(rng() % 4 == 0 ? 0 : rng());
            }
        }
        try {
            ParseAs(kind, payload);
        } catch (const ProtocolError &) {
        } catch (const std::exception &e) {
            FAIL() << "unexpected exception type: " << e.what();
        }
    }
}

} // namespace
} // namespace duckgres::wire::test
