// Frontend (client to server) messages of the PostgreSQL v3 protocol, and their parsers.
#pragma once

#include "wire/message_framer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace duckgres::wire {

//! Request codes carried in the startup-phase packets.
constexpr int32_t kProtocolVersion3 = 196608; // 3.0
constexpr int32_t kSslRequestCode = 80877103;
constexpr int32_t kGssEncRequestCode = 80877104;
constexpr int32_t kCancelRequestCode = 80877102;

struct SslRequest {};
struct GssEncRequest {};
struct CancelRequest {
    int32_t process_id = 0;
    int32_t secret_key = 0;
};
struct StartupMessage {
    int32_t major = 3;
    int32_t minor = 0;
    //! Parameters in the order sent (user, database, options, application_name, _pq_.* ...).
    std::vector<std::pair<std::string, std::string>> parameters;
    //! Value of a parameter, or nullopt when it was not sent.
    std::optional<std::string> Get(const std::string &name) const;
};
using StartupPacket = std::variant<SslRequest, GssEncRequest, CancelRequest, StartupMessage>;

//! Parses an untyped startup-phase packet (payload = bytes after the length word).
//! Throws MalformedMessage for unknown request codes, major version != 3, missing terminators,
//! or a StartupMessage without "user" (SQLSTATE 28000 in that case, as PostgreSQL).
StartupPacket ParseStartupPacket(std::span<const uint8_t> payload);

//! Frontend message type bytes after startup.
enum class FrontendType : char {
    Query = 'Q',
    Parse = 'P',
    Bind = 'B',
    Describe = 'D',
    Execute = 'E',
    Close = 'C',
    Sync = 'S',
    Flush = 'H',
    Terminate = 'X',
    Password = 'p', //!< PasswordMessage, SASLInitialResponse and SASLResponse share it
    CopyData = 'd',
    CopyDone = 'c',
    CopyFail = 'f',
    FunctionCall = 'F',
};

struct Query {
    std::string sql;
};
struct PasswordMessage {
    std::string password;
};
struct SaslInitialResponse {
    std::string mechanism;
    //! The client-first-message; empty when the length field was -1.
    std::string data;
};
struct SaslResponse {
    std::string data;
};

//! Parse ('P'): statement name, query, parameter type OIDs (0 = unspecified).
struct ParseMessage {
    std::string statement;
    std::string query;
    std::vector<uint32_t> param_types;
};
//! Bind ('B'): portal, statement, parameter format codes, values (nullopt = NULL), result formats.
struct BindMessage {
    std::string portal;
    std::string statement;
    std::vector<int16_t> param_formats;
    std::vector<std::optional<std::string>> params;
    std::vector<int16_t> result_formats;
};
//! Describe ('D') and Close ('C'): kind 'S' (statement) or 'P' (portal), and the name.
struct DescribeMessage {
    char kind = 'S';
    std::string name;
};
struct CloseMessage {
    char kind = 'S';
    std::string name;
};
struct ExecuteMessage {
    std::string portal;
    int32_t max_rows = 0; //!< 0 = no limit
};
struct CopyFailMessage {
    std::string message;
};

//! Parsers for typed messages; each validates every length and count against the payload
//! before allocating, rejects trailing bytes, and throws MalformedMessage on malformed input.
Query ParseQuery(std::span<const uint8_t> payload);
PasswordMessage ParsePasswordMessage(std::span<const uint8_t> payload);
SaslInitialResponse ParseSaslInitialResponse(std::span<const uint8_t> payload);
SaslResponse ParseSaslResponse(std::span<const uint8_t> payload);
ParseMessage ParseParse(std::span<const uint8_t> payload);
BindMessage ParseBind(std::span<const uint8_t> payload);
//! The portal and statement names that begin a Bind message (`params` and formats left empty): PostgreSQL looks the
//! statement up before it reads the rest, so a missing statement is reported before a malformed remainder.
BindMessage ParseBindTarget(std::span<const uint8_t> payload);
DescribeMessage ParseDescribe(std::span<const uint8_t> payload);
CloseMessage ParseClose(std::span<const uint8_t> payload);
ExecuteMessage ParseExecute(std::span<const uint8_t> payload);
CopyFailMessage ParseCopyFail(std::span<const uint8_t> payload);

} // namespace duckgres::wire
