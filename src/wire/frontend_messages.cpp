// Frontend (client to server) message parsers: startup packets and typed messages.
#include "wire/frontend_messages.hpp"

#include "wire/byte_reader.hpp"
#include "wire/protocol_error.hpp"

#include <string_view>

namespace duckgres::wire {

namespace {

std::string ToString(std::string_view s) {
    return std::string(s);
}

std::string ToString(std::span<const uint8_t> bytes) {
    return std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size());
}

//! Reads a 16-bit element count (unsigned, as PostgreSQL reads it) and checks that `count`
//! elements of at least `min_element_size` bytes each fit in what is left of the payload.
size_t ReadCount(ByteReader &reader, size_t min_element_size, const char *what) {
    size_t count = static_cast<uint16_t>(reader.ReadInt16());
    if (count * min_element_size > reader.Remaining()) {
        throw MalformedMessage(std::string("invalid ") + what + " count " + std::to_string(count) + ": only " +
                               std::to_string(reader.Remaining()) + " bytes remain in the message");
    }
    return count;
}

//! Reads an Int32 length-prefixed value: -1 is NULL, other negative lengths are errors.
std::optional<std::string> ReadNullableValue(ByteReader &reader, const char *what) {
    int32_t length = reader.ReadInt32();
    if (length == -1) {
        return std::nullopt;
    }
    if (length < 0) {
        throw MalformedMessage(std::string("invalid ") + what + " length " + std::to_string(length));
    }
    return ToString(reader.ReadBytes(length));
}

char ReadTargetKind(ByteReader &reader, const char *message_name) {
    uint8_t kind = reader.ReadByte();
    if (kind != 'S' && kind != 'P') {
        throw MalformedMessage(std::string("invalid ") + message_name + " message subtype " + std::to_string(kind));
    }
    return static_cast<char>(kind);
}

StartupMessage ParseStartupMessage(ByteReader &reader, int32_t version) {
    StartupMessage startup;
    startup.major = static_cast<int32_t>(static_cast<uint32_t>(version) >> 16);
    startup.minor = version & 0xFFFF;
    if (startup.major != 3) {
        throw MalformedMessage("unsupported frontend protocol " + std::to_string(startup.major) + "." +
                                   std::to_string(startup.minor) + ": server supports 3.0 to 3.0",
                               "0A000");
    }
    try {
        // Name/value pairs, ended by an empty name (the final NUL), which must be the last byte.
        while (true) {
            std::string_view name = reader.ReadCString();
            if (name.empty()) {
                break;
            }
            std::string_view value = reader.ReadCString();
            startup.parameters.emplace_back(ToString(name), ToString(value));
        }
        reader.ExpectEnd("startup");
    } catch (const ProtocolError &) {
        throw MalformedMessage("invalid startup packet layout: expected terminator as last byte");
    }
    auto user = startup.Get("user");
    if (!user || user->empty()) {
        throw MalformedMessage("no PostgreSQL user name specified in startup packet", "28000");
    }
    return startup;
}

} // namespace

std::optional<std::string> StartupMessage::Get(const std::string &name) const {
    // The last occurrence wins, as in PostgreSQL.
    for (auto it = parameters.rbegin(); it != parameters.rend(); ++it) {
        if (it->first == name) {
            return it->second;
        }
    }
    return std::nullopt;
}

StartupPacket ParseStartupPacket(std::span<const uint8_t> payload) {
    if (payload.size() < 4) {
        throw MalformedMessage("invalid length of startup packet: " + std::to_string(payload.size() + 4));
    }
    ByteReader reader(payload);
    int32_t code = reader.ReadInt32();
    switch (code) {
    case kSslRequestCode:
        reader.ExpectEnd("SSLRequest");
        return SslRequest{};
    case kGssEncRequestCode:
        reader.ExpectEnd("GSSENCRequest");
        return GssEncRequest{};
    case kCancelRequestCode: {
        if (reader.Remaining() != 8) {
            throw MalformedMessage("invalid length of cancel request packet: " + std::to_string(payload.size() + 4));
        }
        CancelRequest cancel;
        cancel.process_id = reader.ReadInt32();
        cancel.secret_key = reader.ReadInt32();
        return cancel;
    }
    default:
        return ParseStartupMessage(reader, code);
    }
}

Query ParseQuery(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    Query query;
    query.sql = ToString(reader.ReadCString());
    reader.ExpectEnd("Query");
    return query;
}

PasswordMessage ParsePasswordMessage(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    PasswordMessage message;
    message.password = ToString(reader.ReadCString());
    reader.ExpectEnd("PasswordMessage");
    return message;
}

SaslInitialResponse ParseSaslInitialResponse(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    SaslInitialResponse message;
    message.mechanism = ToString(reader.ReadCString());
    auto data = ReadNullableValue(reader, "SASL initial response");
    if (data) {
        message.data = std::move(*data);
    }
    reader.ExpectEnd("SASLInitialResponse");
    return message;
}

SaslResponse ParseSaslResponse(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    SaslResponse message;
    message.data = ToString(reader.Rest());
    return message;
}

ParseMessage ParseParse(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    ParseMessage message;
    message.statement = ToString(reader.ReadCString());
    message.query = ToString(reader.ReadCString());
    size_t count = ReadCount(reader, 4, "parameter type");
    message.param_types.reserve(count);
    for (size_t i = 0; i < count; i++) {
        message.param_types.push_back(static_cast<uint32_t>(reader.ReadInt32()));
    }
    reader.ExpectEnd("Parse");
    return message;
}

namespace {

BindMessage ReadBindTarget(ByteReader &reader) {
    BindMessage message;
    message.portal = ToString(reader.ReadCString());
    message.statement = ToString(reader.ReadCString());
    return message;
}

} // namespace

BindMessage ParseBindTarget(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    return ReadBindTarget(reader);
}

BindMessage ParseBind(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    BindMessage message = ReadBindTarget(reader);

    size_t format_count = ReadCount(reader, 2, "parameter format");
    message.param_formats.reserve(format_count);
    for (size_t i = 0; i < format_count; i++) {
        message.param_formats.push_back(reader.ReadInt16());
    }

    // Each parameter takes at least its 4-byte length word.
    size_t param_count = ReadCount(reader, 4, "parameter");
    if (format_count > 1 && format_count != param_count) {
        throw MalformedMessage("bind message has " + std::to_string(format_count) + " parameter formats but " +
                               std::to_string(param_count) + " parameters");
    }
    message.params.reserve(param_count);
    for (size_t i = 0; i < param_count; i++) {
        message.params.push_back(ReadNullableValue(reader, "parameter value"));
    }

    size_t result_count = ReadCount(reader, 2, "result format");
    message.result_formats.reserve(result_count);
    for (size_t i = 0; i < result_count; i++) {
        message.result_formats.push_back(reader.ReadInt16());
    }
    reader.ExpectEnd("Bind");
    return message;
}

DescribeMessage ParseDescribe(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    DescribeMessage message;
    message.kind = ReadTargetKind(reader, "Describe");
    message.name = ToString(reader.ReadCString());
    reader.ExpectEnd("Describe");
    return message;
}

CloseMessage ParseClose(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    CloseMessage message;
    message.kind = ReadTargetKind(reader, "Close");
    message.name = ToString(reader.ReadCString());
    reader.ExpectEnd("Close");
    return message;
}

ExecuteMessage ParseExecute(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    ExecuteMessage message;
    message.portal = ToString(reader.ReadCString());
    int32_t max_rows = reader.ReadInt32();
    // PostgreSQL treats every non-positive row limit as "fetch all".
    message.max_rows = max_rows > 0 ? max_rows : 0;
    reader.ExpectEnd("Execute");
    return message;
}

CopyFailMessage ParseCopyFail(std::span<const uint8_t> payload) {
    ByteReader reader(payload);
    CopyFailMessage message;
    message.message = ToString(reader.ReadCString());
    reader.ExpectEnd("CopyFail");
    return message;
}

} // namespace duckgres::wire
