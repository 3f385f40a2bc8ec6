// Frontend message builders and the backend message decoder of the session tests.
#include "protocol_messages.hpp"

#include "wire/byte_reader.hpp"
#include "wire/frontend_messages.hpp"
#include "wire_test_util.hpp"

#include <cstdio>

namespace duckgres::session::test {

namespace frontend {

using wire::test::Be16;
using wire::test::Be32;
using wire::test::Cstr;
using wire::test::Framed;

std::string Startup(const Parameters &parameters) {
    std::string payload = Be32(static_cast<uint32_t>(wire::kProtocolVersion3));
    for (const auto &[name, value] : parameters) {
        payload += Cstr(name) + Cstr(value);
    }
    return wire::test::StartupFramed(payload + '\0');
}

std::string Query(const std::string &sql) {
    return Framed('Q', Cstr(sql));
}

std::string Parse(const std::string &sql, const std::string &statement, const std::vector<uint32_t> &parameter_types) {
    return Framed('P', wire::test::EncodeParse({statement, sql, parameter_types}));
}

std::string Bind(const std::string &portal, const std::string &statement,
                 const std::vector<std::optional<std::string>> &parameters,
                 const std::vector<int16_t> &result_formats) {
    return Framed('B', wire::test::EncodeBind({portal, statement, {}, parameters, result_formats}));
}

std::string Describe(char kind, const std::string &name) {
    return Framed('D', std::string(1, kind) + Cstr(name));
}

std::string Execute(const std::string &portal, int32_t max_rows) {
    return Framed('E', Cstr(portal) + Be32(static_cast<uint32_t>(max_rows)));
}

std::string Close(char kind, const std::string &name) {
    return Framed('C', std::string(1, kind) + Cstr(name));
}

std::string Sync() {
    return Framed('S', "");
}

std::string Flush() {
    return Framed('H', "");
}

std::string CopyData(const std::string &data) {
    return Framed('d', data);
}

std::string CopyDone() {
    return Framed('c', "");
}

std::string CopyFail(const std::string &message) {
    return Framed('f', Cstr(message));
}

std::string Terminate() {
    return Framed('X', "");
}

std::string Message(char type, const std::string &payload) {
    return Framed(type, payload);
}

} // namespace frontend

namespace {

//! PostgreSQL's name of the type OIDs tests meet; others by number.
std::string TypeName(uint32_t oid) {
    static const std::map<uint32_t, const char *> names = {
        {16, "bool"},      {17, "bytea"},   {18, "char"},        {19, "name"},          {20, "int8"},
        {21, "int2"},      {23, "int4"},    {25, "text"},        {26, "oid"},           {114, "json"},
        {700, "float4"},   {701, "float8"}, {705, "unknown"},    {1042, "bpchar"},      {1043, "varchar"},
        {1082, "date"},    {1083, "time"},  {1114, "timestamp"}, {1184, "timestamptz"}, {1186, "interval"},
        {1700, "numeric"}, {2950, "uuid"},  {3802, "jsonb"},     {1007, "_int4"},       {1009, "_text"},
    };
    auto found = names.find(oid);
    return found != names.end() ? found->second : std::to_string(oid);
}

//! Bytes as text with backslash, tab, newline, carriage return and other control characters escaped.
std::string Escaped(std::string_view bytes) {
    std::string out;
    for (char c : bytes) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof(hex), "\\x%02x", byte);
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

std::string AsString(std::span<const uint8_t> bytes) {
    return std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size());
}

//! ErrorResponse and NoticeResponse: the fields, and the line (the severity when it is not the usual one).
void DecodeFields(wire::ByteReader &reader, BackendMessage &message) {
    while (true) {
        auto code = static_cast<char>(reader.ReadByte());
        if (code == '\0') {
            break;
        }
        message.fields[code] = std::string(reader.ReadCString());
    }
    const bool error = message.type == 'E';
    auto severity = message.fields.count('V') ? message.fields['V'] : message.fields['S'];
    message.line = error ? "ErrorResponse " : "NoticeResponse ";
    if (severity != (error ? "ERROR" : "NOTICE")) {
        message.line += severity + " ";
    }
    message.line += message.fields['C'];
}

std::string CopyResponse(const char *name, wire::ByteReader &reader) {
    auto format = reader.ReadByte();
    auto columns = reader.ReadInt16();
    for (int16_t i = 0; i < columns; i++) {
        reader.ReadInt16();
    }
    return std::string(name) + (format == 0 ? " text " : " binary ") + std::to_string(columns);
}

BackendMessage DecodeOne(const wire::RawMessage &raw) {
    BackendMessage message;
    message.type = raw.type;
    wire::ByteReader reader(raw.payload);
    switch (raw.type) {
    case 'R': {
        auto code = reader.ReadInt32();
        reader.Rest();
        message.line = code == 0 ? "AuthenticationOk" : "Authentication " + std::to_string(code);
        break;
    }
    case 'S': {
        std::string name(reader.ReadCString());
        message.line = "ParameterStatus " + name + "=" + std::string(reader.ReadCString());
        break;
    }
    case 'K':
        reader.ReadInt32();
        reader.ReadInt32();
        message.line = "BackendKeyData";
        break;
    case 'Z':
        message.line = std::string("ReadyForQuery ") + static_cast<char>(reader.ReadByte());
        break;
    case 'T': {
        message.line = "RowDescription";
        auto count = reader.ReadInt16();
        for (int16_t i = 0; i < count; i++) {
            std::string name(reader.ReadCString());
            reader.ReadInt32(); // table OID
            reader.ReadInt16(); // column number
            auto type_oid = static_cast<uint32_t>(reader.ReadInt32());
            reader.ReadInt16(); // type size
            reader.ReadInt32(); // type modifier
            auto format = reader.ReadInt16();
            message.line += " " + name + ":" + TypeName(type_oid) + (format == 1 ? ":binary" : "");
        }
        break;
    }
    case 'D': {
        message.line = "DataRow";
        auto count = reader.ReadInt16();
        for (int16_t i = 0; i < count; i++) {
            auto length = reader.ReadInt32();
            message.line += i == 0 ? " " : "|";
            message.line += length < 0 ? "NULL" : Escaped(AsString(reader.ReadBytes(length)));
        }
        break;
    }
    case 'C':
        message.line = "CommandComplete " + std::string(reader.ReadCString());
        break;
    case 'E':
    case 'N':
        DecodeFields(reader, message);
        break;
    case 't': {
        message.line = "ParameterDescription";
        auto count = reader.ReadInt16();
        for (int16_t i = 0; i < count; i++) {
            message.line += " " + TypeName(static_cast<uint32_t>(reader.ReadInt32()));
        }
        break;
    }
    case 'G':
        message.line = CopyResponse("CopyInResponse", reader);
        break;
    case 'H':
        message.line = CopyResponse("CopyOutResponse", reader);
        break;
    case 'd':
        message.line = "CopyData " + Escaped(AsString(reader.Rest()));
        break;
    case 'v':
        reader.Rest();
        message.line = "NegotiateProtocolVersion";
        break;
    default: {
        static const std::map<char, const char *> bare = {
            {'1', "ParseComplete"},   {'2', "BindComplete"},       {'3', "CloseComplete"}, {'n', "NoData"},
            {'s', "PortalSuspended"}, {'I', "EmptyQueryResponse"}, {'c', "CopyDone"},
        };
        auto found = bare.find(raw.type);
        message.line = found != bare.end() ? found->second : "Unknown '" + std::string(1, raw.type) + "'";
        if (found == bare.end()) {
            reader.Rest();
        }
        break;
    }
    }
    reader.ExpectEnd(message.line.c_str());
    return message;
}

} // namespace

BackendDecoder::BackendDecoder() : framer_(1u << 30) {
    framer_.SetStartupPhase(false);
}

std::vector<BackendMessage> BackendDecoder::Decode(const std::string &bytes) {
    framer_.Append(std::span<const uint8_t>(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
    std::vector<BackendMessage> messages;
    while (auto raw = framer_.Next()) {
        messages.push_back(DecodeOne(*raw));
    }
    return messages;
}

std::vector<std::string> Lines(const std::vector<BackendMessage> &messages) {
    std::vector<std::string> lines;
    for (const auto &message : messages) {
        lines.push_back(message.line);
    }
    return lines;
}

} // namespace duckgres::session::test
