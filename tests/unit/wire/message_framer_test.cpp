// Unit tests for MessageFramer: reassembly, startup framing, length checks, bounded buffer.
#include "wire/message_framer.hpp"

#include "wire_test_util.hpp"

#include <cstring>
#include <stdexcept>

namespace duckgres::wire::test {
namespace {

struct Collected {
    char type;
    std::string payload;
    bool operator==(const Collected &) const = default;
};

std::vector<Collected> Drain(MessageFramer &framer) {
    std::vector<Collected> messages;
    while (auto message = framer.Next()) {
        messages.push_back({message->type, ToString(message->payload)});
    }
    return messages;
}

const std::vector<Collected> kStream = {
    {'Q', Cstr("SELECT 1")},      {'S', ""}, {'P', Cstr("s1") + Cstr("SELECT $1") + Be16(1) + Be32(23)},
    {'d', std::string(300, 'x')}, {'X', ""},
};

std::string Encode(const std::vector<Collected> &messages) {
    std::string bytes;
    for (const auto &m : messages) {
        bytes += Framed(m.type, m.payload);
    }
    return bytes;
}

TEST(MessageFramerTest, EmptyFramerHasNoMessage) {
    MessageFramer framer(1024);
    EXPECT_FALSE(framer.Next().has_value());
    EXPECT_EQ(framer.Buffered(), 0u);
}

TEST(MessageFramerTest, SeveralMessagesInOneChunk) {
    MessageFramer framer(1024);
    framer.Append(AsBytes(Encode(kStream)));
    EXPECT_EQ(Drain(framer), kStream);
    EXPECT_EQ(framer.Buffered(), 0u);
}

TEST(MessageFramerTest, MessagesSplitByteByByte) {
    MessageFramer framer(1024);
    std::string bytes = Encode(kStream);
    std::vector<Collected> got;
    for (size_t i = 0; i < bytes.size(); i++) {
        framer.Append(AsBytes(bytes).subspan(i, 1));
        auto drained = Drain(framer);
        got.insert(got.end(), drained.begin(), drained.end());
    }
    EXPECT_EQ(got, kStream);
    EXPECT_EQ(framer.Buffered(), 0u);
}

TEST(MessageFramerTest, MessagesSplitAtEveryChunkSize) {
    std::string bytes = Encode(kStream);
    for (size_t chunk = 1; chunk <= bytes.size(); chunk++) {
        SCOPED_TRACE("chunk " + std::to_string(chunk));
        MessageFramer framer(1024);
        std::vector<Collected> got;
        for (size_t i = 0; i < bytes.size(); i += chunk) {
            framer.Append(AsBytes(bytes).subspan(i, std::min(chunk, bytes.size() - i)));
            auto drained = Drain(framer);
            got.insert(got.end(), drained.begin(), drained.end());
        }
        ASSERT_EQ(got, kStream);
    }
}

TEST(MessageFramerTest, HasMessageAgreesWithNextAtEveryByte) {
    // Byte by byte, HasMessage() is true exactly when Next() would return a message.
    std::string bytes = Encode(kStream);
    MessageFramer framer(1024);
    size_t seen = 0;
    for (size_t i = 0; i < bytes.size(); i++) {
        framer.Append(AsBytes(bytes).subspan(i, 1));
        while (framer.HasMessage()) {
            ASSERT_TRUE(framer.Next().has_value()) << "byte " << i;
            seen++;
        }
        ASSERT_FALSE(framer.Next().has_value()) << "byte " << i;
    }
    EXPECT_EQ(seen, kStream.size());
}

TEST(MessageFramerTest, HasMessageForBadLengthWords) {
    // A length Next() rejects counts as a message: reading it raises the error at once.
    for (uint32_t length : {0u, 3u, 5000u}) {
        MessageFramer framer(1024);
        framer.Append(AsBytes(std::string(1, 'Q') + Be32(length)));
        EXPECT_TRUE(framer.HasMessage()) << length;
        EXPECT_THROW(framer.Next(), FramingError) << length;
    }
}

TEST(MessageFramerTest, PrepareWriteAndCommit) {
    MessageFramer framer(1024);
    std::string bytes = Encode(kStream);
    std::vector<Collected> got;
    size_t offset = 0;
    while (offset < bytes.size()) {
        auto space = framer.PrepareWrite(7);
        ASSERT_GE(space.size(), 7u);
        size_t n = std::min<size_t>(7, bytes.size() - offset);
        std::memcpy(space.data(), bytes.data() + offset, n);
        framer.Commit(n);
        offset += n;
        auto drained = Drain(framer);
        got.insert(got.end(), drained.begin(), drained.end());
    }
    EXPECT_EQ(got, kStream);
}

TEST(MessageFramerTest, CommitBeyondPreparedSpaceIsALogicError) {
    MessageFramer framer(1024);
    auto space = framer.PrepareWrite(16);
    EXPECT_THROW(framer.Commit(space.size() + 1), std::out_of_range);
}

TEST(MessageFramerTest, StartupPhaseThenTypedMessages) {
    MessageFramer framer(10000);
    framer.SetStartupPhase(true);
    std::string ssl = Be32(80877103);
    std::string startup = Be32(196608) + Cstr("user") + Cstr("alice") + Cstr("");
    framer.Append(AsBytes(StartupFramed(ssl) + StartupFramed(startup)));

    auto first = framer.Next();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->type, 0);
    EXPECT_EQ(ToString(first->payload), ssl);
    auto second = framer.Next();
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->type, 0);
    EXPECT_EQ(ToString(second->payload), startup);
    EXPECT_FALSE(framer.Next().has_value());

    framer.SetStartupPhase(false);
    framer.Append(AsBytes(Framed('p', Cstr("secret"))));
    auto password = framer.Next();
    ASSERT_TRUE(password.has_value());
    EXPECT_EQ(password->type, 'p');
    EXPECT_EQ(ToString(password->payload), Cstr("secret"));
}

TEST(MessageFramerTest, BufferedReportsBytesAfterSslRequest) {
    MessageFramer framer(10000);
    framer.SetStartupPhase(true);
    framer.Append(AsBytes(StartupFramed(Be32(80877103)) + "\x16\x03\x01"s));
    ASSERT_TRUE(framer.Next().has_value());
    EXPECT_EQ(framer.Buffered(), 3u);
    EXPECT_FALSE(framer.Next().has_value());
}

struct BadLengthCase {
    const char *name;
    bool startup;
    std::string header; //!< only the header: the payload never arrives
};

TEST(MessageFramerTest, BadLengthWordsRejectedBeforePayload) {
    const uint32_t max = 100;
    const std::vector<BadLengthCase> cases = {
        {"typed length 0", false, "Q" + Be32(0)},
        {"typed length 3", false, "Q" + Be32(3)},
        {"typed negative length", false, "Q" + Be32(0xfffffff0)},
        {"typed INT32_MIN length", false, "Q" + Be32(0x80000000)},
        {"typed one over the limit", false, "Q" + Be32(max + 5)},
        {"typed INT32_MAX length", false, "d" + Be32(0x7fffffff)},
        {"startup length 0", true, Be32(0)},
        {"startup length 3", true, Be32(3)},
        {"startup negative length", true, Be32(0xffffffff)},
        {"startup one over the limit", true, Be32(max + 5)},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        MessageFramer framer(max);
        framer.SetStartupPhase(c.startup);
        framer.Append(AsBytes(c.header));
        ExpectProtocolError<FramingError>([&] { framer.Next(); });
    }
}

TEST(MessageFramerTest, OversizeMessagesNamedTooLarge) {
    MessageFramer framer(100);
    framer.Append(AsBytes("Q" + Be32(1000)));
    std::string message = ExpectProtocolError<FramingError>([&] { framer.Next(); });
    EXPECT_NE(message.find("too large"), std::string::npos) << message;

    MessageFramer short_framer(100);
    short_framer.Append(AsBytes("Q" + Be32(2)));
    message = ExpectProtocolError<FramingError>([&] { short_framer.Next(); });
    EXPECT_NE(message.find("invalid message length"), std::string::npos) << message;
}

TEST(MessageFramerTest, OversizeRejectedWhenHeaderArrivesByteByByte) {
    MessageFramer framer(100);
    std::string header = "d" + Be32(1u << 30);
    for (size_t i = 0; i + 1 < header.size(); i++) {
        framer.Append(AsBytes(header).subspan(i, 1));
        EXPECT_FALSE(framer.Next().has_value());
    }
    framer.Append(AsBytes(header).subspan(header.size() - 1, 1));
    ExpectProtocolError<FramingError>([&] { framer.Next(); });
}

TEST(MessageFramerTest, MessageOfExactlyTheLimitIsAccepted) {
    MessageFramer framer(100);
    std::string payload(100, 'a');
    framer.Append(AsBytes(Framed('d', payload)));
    auto message = framer.Next();
    ASSERT_TRUE(message.has_value());
    EXPECT_EQ(ToString(message->payload), payload);
}

TEST(MessageFramerTest, LimitCanBeChanged) {
    MessageFramer framer(10);
    framer.SetMaxMessageSize(1000);
    framer.Append(AsBytes(Framed('d', std::string(500, 'b'))));
    EXPECT_TRUE(framer.Next().has_value());
}

TEST(MessageFramerTest, BufferStaysBoundedOverALongStream) {
    MessageFramer framer(1 << 20);
    std::string message = Framed('d', std::string(1000, 'z'));
    for (int i = 0; i < 5000; i++) {
        auto space = framer.PrepareWrite(4096);
        // Free space never grows beyond one read plus one partial message.
        ASSERT_LE(space.size(), 4096u + 2 * message.size());
        size_t n = std::min(space.size(), message.size());
        std::memcpy(space.data(), message.data(), n);
        framer.Commit(n);
        if (n < message.size()) {
            framer.Append(AsBytes(message).subspan(n));
        }
        auto got = framer.Next();
        ASSERT_TRUE(got.has_value());
        ASSERT_EQ(got->payload.size(), 1000u);
        ASSERT_FALSE(framer.Next().has_value());
    }
}

TEST(MessageFramerTest, BufferShrinksAfterAHugeMessage) {
    MessageFramer framer(4 << 20);
    std::string big = Framed('d', std::string(2 << 20, 'q'));
    framer.Append(AsBytes(big));
    auto message = framer.Next();
    ASSERT_TRUE(message.has_value());
    EXPECT_EQ(message->payload.size(), size_t{2} << 20);
    EXPECT_LE(framer.PrepareWrite(8192).size(), size_t{64} * 1024);

    framer.Append(AsBytes(Framed('S', "")));
    auto sync = framer.Next();
    ASSERT_TRUE(sync.has_value());
    EXPECT_EQ(sync->type, 'S');
}

TEST(MessageFramerTest, PartialMessageSurvivesCompaction) {
    MessageFramer framer(1 << 16);
    // A complete message followed by half of the next one; then a large PrepareWrite forces
    // the unread half to move to the front of the buffer.
    std::string first = Framed('Q', Cstr("SELECT 1"));
    std::string second = Framed('Q', Cstr(std::string(5000, 'y')));
    framer.Append(AsBytes(first + second.substr(0, 2500)));
    ASSERT_TRUE(framer.Next().has_value());
    EXPECT_FALSE(framer.Next().has_value());
    auto space = framer.PrepareWrite(30000);
    std::memcpy(space.data(), second.data() + 2500, second.size() - 2500);
    framer.Commit(second.size() - 2500);
    auto message = framer.Next();
    ASSERT_TRUE(message.has_value());
    EXPECT_EQ(ToString(message->payload), Cstr(std::string(5000, 'y')));
}

} // namespace
} // namespace duckgres::wire::test
