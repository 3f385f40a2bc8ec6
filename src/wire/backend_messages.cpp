// Backend (server to client) messages of the PostgreSQL v3 protocol, appended to a buffer.
#include "wire/backend_messages.hpp"

#include "wire/packet_builder.hpp"

#include <limits>
#include <stdexcept>

namespace duckgres::wire {

namespace {

enum class AuthCode : int32_t {
    Ok = 0,
    CleartextPassword = 3,
    Md5Password = 5,
    Sasl = 10,
    SaslContinue = 11,
    SaslFinal = 12
};

//! Element counts go out as Int16; clients read them unsigned, so up to 65535 is representable.
int16_t CountToInt16(size_t count, const char *what) {
    if (count > std::numeric_limits<uint16_t>::max()) {
        throw std::length_error(std::string("too many ") + what + " for one message: " + std::to_string(count));
    }
    return static_cast<int16_t>(static_cast<uint16_t>(count));
}

void WriteEmpty(std::string &out, char type) {
    PacketBuilder(out).Begin(type).Finish();
}

void WriteAuthentication(std::string &out, AuthCode code, std::string_view data = {}) {
    PacketBuilder builder(out);
    builder.Begin('R').Int32(static_cast<int32_t>(code)).Bytes(data);
    builder.Finish();
}

void AddField(PacketBuilder &builder, char code, std::string_view value, bool required = false) {
    if (value.empty() && !required) {
        return;
    }
    builder.Byte(static_cast<uint8_t>(code)).CString(value);
}

void WriteErrorOrNotice(std::string &out, char type, const ErrorFields &fields) {
    PacketBuilder builder(out);
    builder.Begin(type);
    // Severity, SQLSTATE and message are always present in PostgreSQL's own responses.
    AddField(builder, 'S', fields.severity, true);
    AddField(builder, 'V', fields.severity, true);
    AddField(builder, 'C', fields.sqlstate, true);
    AddField(builder, 'M', fields.message, true);
    AddField(builder, 'D', fields.detail);
    AddField(builder, 'H', fields.hint);
    if (fields.position > 0) {
        AddField(builder, 'P', std::to_string(fields.position));
    }
    AddField(builder, 'q', fields.internal_query);
    AddField(builder, 'W', fields.where);
    AddField(builder, 's', fields.schema_name);
    AddField(builder, 't', fields.table_name);
    AddField(builder, 'c', fields.column_name);
    AddField(builder, 'd', fields.data_type_name);
    AddField(builder, 'n', fields.constraint_name);
    AddField(builder, 'F', fields.file);
    AddField(builder, 'L', fields.line);
    AddField(builder, 'R', fields.routine);
    builder.Byte(0);
    builder.Finish();
}

} // namespace

void WriteSslResponse(std::string &out, bool accept) {
    out.push_back(accept ? 'S' : 'N');
}

void WriteAuthenticationOk(std::string &out) {
    WriteAuthentication(out, AuthCode::Ok);
}

void WriteAuthenticationCleartextPassword(std::string &out) {
    WriteAuthentication(out, AuthCode::CleartextPassword);
}

void WriteAuthenticationMd5Password(std::string &out, const uint8_t salt[4]) {
    WriteAuthentication(out, AuthCode::Md5Password, std::string_view(reinterpret_cast<const char *>(salt), 4));
}

void WriteAuthenticationSasl(std::string &out, const std::vector<std::string> &mechanisms) {
    PacketBuilder builder(out);
    builder.Begin('R').Int32(static_cast<int32_t>(AuthCode::Sasl));
    for (const auto &mechanism : mechanisms) {
        builder.CString(mechanism);
    }
    builder.Byte(0);
    builder.Finish();
}

void WriteAuthenticationSaslContinue(std::string &out, std::string_view data) {
    WriteAuthentication(out, AuthCode::SaslContinue, data);
}

void WriteAuthenticationSaslFinal(std::string &out, std::string_view data) {
    WriteAuthentication(out, AuthCode::SaslFinal, data);
}

void WriteParameterStatus(std::string &out, std::string_view name, std::string_view value) {
    PacketBuilder builder(out);
    builder.Begin('S').CString(name).CString(value);
    builder.Finish();
}

void WriteBackendKeyData(std::string &out, int32_t process_id, int32_t secret_key) {
    PacketBuilder builder(out);
    builder.Begin('K').Int32(process_id).Int32(secret_key);
    builder.Finish();
}

void WriteReadyForQuery(std::string &out, TransactionStatus status) {
    PacketBuilder builder(out);
    builder.Begin('Z').Byte(static_cast<uint8_t>(status));
    builder.Finish();
}

void WriteNegotiateProtocolVersion(std::string &out, int32_t newest_version,
                                   const std::vector<std::string> &unrecognized_options) {
    PacketBuilder builder(out);
    builder.Begin('v').Int32(newest_version);
    builder.Int32(static_cast<int32_t>(unrecognized_options.size()));
    for (const auto &option : unrecognized_options) {
        builder.CString(option);
    }
    builder.Finish();
}

void WriteRowDescription(std::string &out, std::span<const FieldDescription> fields) {
    PacketBuilder builder(out);
    builder.Begin('T').Int16(CountToInt16(fields.size(), "columns"));
    for (const auto &field : fields) {
        builder.CString(field.name)
            .Int32(static_cast<int32_t>(field.table_oid))
            .Int16(field.column_number)
            .Int32(static_cast<int32_t>(field.type_oid))
            .Int16(field.type_size)
            .Int32(field.type_modifier)
            .Int16(field.format);
    }
    builder.Finish();
}

void WriteCommandComplete(std::string &out, std::string_view tag) {
    PacketBuilder builder(out);
    builder.Begin('C').CString(tag);
    builder.Finish();
}

void WriteEmptyQueryResponse(std::string &out) {
    WriteEmpty(out, 'I');
}

void WriteErrorResponse(std::string &out, const ErrorFields &fields) {
    WriteErrorOrNotice(out, 'E', fields);
}

void WriteNoticeResponse(std::string &out, const ErrorFields &fields) {
    WriteErrorOrNotice(out, 'N', fields);
}

void WriteParseComplete(std::string &out) {
    WriteEmpty(out, '1');
}

void WriteBindComplete(std::string &out) {
    WriteEmpty(out, '2');
}

void WriteCloseComplete(std::string &out) {
    WriteEmpty(out, '3');
}

void WriteNoData(std::string &out) {
    WriteEmpty(out, 'n');
}

void WritePortalSuspended(std::string &out) {
    WriteEmpty(out, 's');
}

void WriteParameterDescription(std::string &out, std::span<const uint32_t> type_oids) {
    PacketBuilder builder(out);
    builder.Begin('t').Int16(CountToInt16(type_oids.size(), "parameters"));
    for (uint32_t oid : type_oids) {
        builder.Int32(static_cast<int32_t>(oid));
    }
    builder.Finish();
}

// DataRowWriter keeps offsets, not a PacketBuilder, so the caller may append to the buffer
// directly between BeginValue() and EndValue().

void DataRowWriter::Begin(int16_t column_count) {
    row_start_ = out_.size();
    PacketBuilder builder(out_);
    builder.Byte('D');
    builder.ReserveInt32();
    builder.Int16(column_count);
}

void DataRowWriter::Null() {
    PacketBuilder(out_).Int32(-1);
}

void DataRowWriter::Value(std::string_view bytes) {
    if (bytes.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("DataRow value longer than 2^31-1 bytes");
    }
    PacketBuilder(out_).Int32(static_cast<int32_t>(bytes.size())).Bytes(bytes);
}

std::string &DataRowWriter::BeginValue() {
    value_start_ = out_.size();
    PacketBuilder(out_).ReserveInt32();
    return out_;
}

void DataRowWriter::EndValue() {
    size_t length = out_.size() - value_start_ - 4;
    if (length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("DataRow value longer than 2^31-1 bytes");
    }
    PacketBuilder(out_).PatchInt32(value_start_, static_cast<int32_t>(length));
}

void DataRowWriter::End() {
    size_t length = out_.size() - row_start_ - 1;
    if (length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("DataRow longer than 2^31-1 bytes");
    }
    PacketBuilder(out_).PatchInt32(row_start_ + 1, static_cast<int32_t>(length));
}

namespace {
void WriteCopyResponse(std::string &out, char type, int8_t format, std::span<const int16_t> column_formats) {
    PacketBuilder builder(out);
    builder.Begin(type).Byte(static_cast<uint8_t>(format)).Int16(static_cast<int16_t>(column_formats.size()));
    for (auto column_format : column_formats) {
        builder.Int16(column_format);
    }
    builder.Finish();
}
} // namespace

void WriteCopyInResponse(std::string &out, int8_t format, std::span<const int16_t> column_formats) {
    WriteCopyResponse(out, 'G', format, column_formats);
}

void WriteCopyOutResponse(std::string &out, int8_t format, std::span<const int16_t> column_formats) {
    WriteCopyResponse(out, 'H', format, column_formats);
}

void WriteCopyData(std::string &out, std::string_view data) {
    PacketBuilder builder(out);
    builder.Begin('d').Bytes(data);
    builder.Finish();
}

void WriteCopyDone(std::string &out) {
    PacketBuilder builder(out);
    builder.Begin('c');
    builder.Finish();
}

} // namespace duckgres::wire
