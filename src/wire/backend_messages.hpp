// Backend (server to client) messages of the PostgreSQL v3 protocol, appended to a buffer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::wire {

//! Transaction status reported in ReadyForQuery.
enum class TransactionStatus : char { Idle = 'I', InBlock = 'T', Failed = 'E' };

//! One column of a RowDescription.
struct FieldDescription {
    std::string name;
    uint32_t table_oid = 0;
    int16_t column_number = 0;
    uint32_t type_oid = 0;
    int16_t type_size = -1;
    int32_t type_modifier = -1;
    int16_t format = 0; //!< 0 text, 1 binary
};

//! Fields of an ErrorResponse or NoticeResponse. Empty strings and position 0 are not sent.
struct ErrorFields {
    std::string severity = "ERROR"; //!< localized severity ('S') and non-localized ('V')
    std::string sqlstate = "XX000";
    std::string message;
    std::string detail;
    std::string hint;
    int32_t position = 0; //!< 1-based character position in the query text
    std::string internal_query;
    std::string where;
    std::string schema_name;
    std::string table_name;
    std::string column_name;
    std::string data_type_name;
    std::string constraint_name;
    std::string file;
    std::string line;
    std::string routine;
};

// Single-byte replies to SSLRequest / GSSENCRequest (not framed messages).
void WriteSslResponse(std::string &out, bool accept);

void WriteAuthenticationOk(std::string &out);
void WriteAuthenticationCleartextPassword(std::string &out);
void WriteAuthenticationMd5Password(std::string &out, const uint8_t salt[4]);
//! AuthenticationSASL with the mechanism names, in order of preference.
void WriteAuthenticationSasl(std::string &out, const std::vector<std::string> &mechanisms);
void WriteAuthenticationSaslContinue(std::string &out, std::string_view data);
void WriteAuthenticationSaslFinal(std::string &out, std::string_view data);

void WriteParameterStatus(std::string &out, std::string_view name, std::string_view value);
void WriteBackendKeyData(std::string &out, int32_t process_id, int32_t secret_key);
void WriteReadyForQuery(std::string &out, TransactionStatus status);
//! `newest_version` is the full protocol version number the server supports (3.0 is 196608),
//! as PostgreSQL sends it; libpq 17 and later read it that way.
void WriteNegotiateProtocolVersion(std::string &out, int32_t newest_version,
                                   const std::vector<std::string> &unrecognized_options);

void WriteRowDescription(std::string &out, std::span<const FieldDescription> fields);
void WriteCommandComplete(std::string &out, std::string_view tag);
void WriteEmptyQueryResponse(std::string &out);
void WriteErrorResponse(std::string &out, const ErrorFields &fields);
void WriteNoticeResponse(std::string &out, const ErrorFields &fields);

// Extended protocol replies.
void WriteParseComplete(std::string &out);
void WriteBindComplete(std::string &out);
void WriteCloseComplete(std::string &out);
void WriteNoData(std::string &out);
void WritePortalSuspended(std::string &out);
void WriteParameterDescription(std::string &out, std::span<const uint32_t> type_oids);

// COPY: overall format (0 text, 1 binary) and one format code per column.
void WriteCopyInResponse(std::string &out, int8_t format, std::span<const int16_t> column_formats);
void WriteCopyOutResponse(std::string &out, int8_t format, std::span<const int16_t> column_formats);
void WriteCopyData(std::string &out, std::string_view data);
void WriteCopyDone(std::string &out);

//! Builds one DataRow in place: Begin(), then per column Null() or Value() or
//! BeginValue()/append bytes to the buffer/EndValue(), then End().
class DataRowWriter {
public:
    explicit DataRowWriter(std::string &out) : out_(out) {}
    void Begin(int16_t column_count);
    void Null();
    void Value(std::string_view bytes);
    //! For encoders that append straight into the output buffer: returns the buffer, and
    //! EndValue() patches the value's length from what was appended since BeginValue().
    std::string &BeginValue();
    void EndValue();
    void End();

private:
    std::string &out_;
    size_t row_start_ = 0;
    size_t value_start_ = 0;
};

} // namespace duckgres::wire
