// Protocol messages for session tests: frontend messages as bytes, backend bytes as readable lines.
#pragma once

#include "wire/message_framer.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace duckgres::session::test {

//! Frontend messages, framed as a client sends them.
namespace frontend {

using Parameters = std::vector<std::pair<std::string, std::string>>;

//! A protocol 3.0 StartupMessage with these parameters (user, database, options...).
std::string Startup(const Parameters &parameters);
std::string Query(const std::string &sql);
std::string Parse(const std::string &sql, const std::string &statement = "",
                  const std::vector<uint32_t> &parameter_types = {});
//! Bind with text parameters (nullopt: NULL) and result formats (none: all text).
std::string Bind(const std::string &portal = "", const std::string &statement = "",
                 const std::vector<std::optional<std::string>> &parameters = {},
                 const std::vector<int16_t> &result_formats = {});
//! Describe of a statement ('S') or portal ('P').
std::string Describe(char kind, const std::string &name = "");
std::string Execute(const std::string &portal = "", int32_t max_rows = 0);
std::string Close(char kind, const std::string &name = "");
std::string Sync();
std::string Flush();
std::string CopyData(const std::string &data);
std::string CopyDone();
std::string CopyFail(const std::string &message);
std::string Terminate();
//! Any typed message: type byte, length word, payload.
std::string Message(char type, const std::string &payload);

} // namespace frontend

//! One backend message: its type byte, a readable line (see DecodeBackend), and for ErrorResponse and
//! NoticeResponse their fields by code ('C' SQLSTATE, 'M' message, 'W' where...).
struct BackendMessage {
    char type = 0;
    std::string line;
    std::map<char, std::string> fields;
};

//! Cuts backend messages out of bytes as they arrive (with the wire layer's framer) and describes each in a line:
//!   ParseComplete, BindComplete, CloseComplete, NoData, PortalSuspended, EmptyQueryResponse, CopyDone,
//!   AuthenticationOk, BackendKeyData (its values are random), ParameterStatus TimeZone=UTC,
//!   RowDescription a:int4 b:text (":binary" after a binary column), DataRow 1|NULL (values as text, control
//!   characters escaped), CommandComplete SELECT 1, ReadyForQuery T, ParameterDescription int4 text,
//!   ErrorResponse 25P02 / NoticeResponse 00000 (SQLSTATE; the severity first when it is not ERROR / NOTICE:
//!   ErrorResponse FATAL 08P01, NoticeResponse WARNING 25P01), CopyInResponse text 2 / CopyOutResponse text 2
//!   (format and number of columns), CopyData 1\tx\n (escaped).
//! Types show by PostgreSQL's name for common OIDs, else by number.
class BackendDecoder {
public:
    BackendDecoder();
    //! The messages completed by `bytes`; a partial message waits for the rest. Throws wire::ProtocolError for
    //! a malformed message.
    std::vector<BackendMessage> Decode(const std::string &bytes);
    //! Bytes of an incomplete message still waiting.
    size_t Pending() const { return framer_.Buffered(); }

private:
    wire::MessageFramer framer_;
};

//! The lines of `messages`.
std::vector<std::string> Lines(const std::vector<BackendMessage> &messages);

} // namespace duckgres::session::test
