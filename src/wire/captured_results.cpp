// Walks whole backend messages, keeping rows and tags and passing notices and parameter changes on.
#include "wire/captured_results.hpp"

#include "wire/byte_reader.hpp"
#include "wire/protocol_error.hpp"

namespace duckgres::wire {

namespace {

std::span<const uint8_t> Bytes(std::string_view text) {
    return {reinterpret_cast<const uint8_t *>(text.data()), text.size()};
}

void ReadRowDescription(ByteReader &reader, CapturedResults &out) {
    out.columns.clear();
    const int16_t count = reader.ReadInt16();
    for (int16_t i = 0; i < count; i++) {
        FieldDescription field;
        field.name = std::string(reader.ReadCString());
        field.table_oid = static_cast<uint32_t>(reader.ReadInt32());
        field.column_number = reader.ReadInt16();
        field.type_oid = static_cast<uint32_t>(reader.ReadInt32());
        field.type_size = reader.ReadInt16();
        field.type_modifier = reader.ReadInt32();
        field.format = reader.ReadInt16();
        out.columns.push_back(std::move(field));
    }
}

void ReadDataRow(ByteReader &reader, CapturedResults &out) {
    const int16_t count = reader.ReadInt16();
    std::vector<std::optional<std::string>> row;
    for (int16_t i = 0; i < count; i++) {
        const int32_t length = reader.ReadInt32();
        if (length < 0) {
            row.emplace_back(std::nullopt);
            continue;
        }
        auto bytes = reader.ReadBytes(length);
        row.emplace_back(std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size()));
    }
    out.rows.push_back(std::move(row));
}

} // namespace

CapturedResults CaptureResults(std::string_view messages) {
    CapturedResults out;
    size_t at = 0;
    while (at < messages.size()) {
        if (messages.size() - at < 5) {
            throw MalformedMessage("truncated backend message");
        }
        ByteReader header(Bytes(messages.substr(at + 1, 4)));
        const int32_t length = header.ReadInt32();
        if (length < 4 || messages.size() - at - 1 < static_cast<size_t>(length)) {
            throw MalformedMessage("truncated backend message");
        }
        const char type = messages[at];
        const std::string_view whole = messages.substr(at, static_cast<size_t>(length) + 1);
        ByteReader body(Bytes(whole.substr(5)));
        switch (type) {
        case 'T':
            ReadRowDescription(body, out);
            break;
        case 'D':
            ReadDataRow(body, out);
            break;
        case 'C':
            out.tags.emplace_back(body.ReadCString());
            break;
        case 'N':
        case 'S':
            out.passed_on.append(whole);
            break;
        default:
            break; // EmptyQueryResponse, NoData: nothing to keep
        }
        at += whole.size();
    }
    return out;
}

} // namespace duckgres::wire
