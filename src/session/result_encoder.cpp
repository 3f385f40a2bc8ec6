// Encodes DuckDB data chunks as PostgreSQL DataRow messages in text format.
#include "session/result_encoder.hpp"

#include "types/type_mapping.hpp"

namespace duckgres::session {

ResultEncoder::ResultEncoder(engine::QueryResult &result, const types::TextFormatOptions &options,
                             const std::vector<std::string> &names)
    : result_(result), options_(options) {
    bool rename = names.size() == result.ColumnCount();
    for (size_t i = 0; i < result.ColumnCount(); i++) {
        auto type = result.ColumnType(i);
        auto pg_type = types::MapLogicalType(type);
        wire::FieldDescription field;
        field.name = rename ? names[i] : result.ColumnName(i);
        field.type_oid = pg_type.oid;
        field.type_size = pg_type.typlen;
        field.type_modifier = pg_type.typmod;
        field.format = 0;
        fields_.push_back(std::move(field));
        encoders_.push_back(types::ValueEncoder::Create(type));
    }
}

void ResultEncoder::WriteRowDescription(std::string &out) const {
    wire::WriteRowDescription(out, fields_);
}

bool ResultEncoder::EncodeRows(std::string &out, size_t budget) {
    size_t start = out.size();
    auto columns = static_cast<int16_t>(encoders_.size());
    while (out.size() - start < budget) {
        auto chunk = result_.Fetch();
        if (!chunk) {
            return true;
        }
        auto size = duckdb_data_chunk_get_size(chunk.Get());
        for (size_t c = 0; c < encoders_.size(); c++) {
            encoders_[c]->Bind(duckdb_data_chunk_get_vector(chunk.Get(), c));
        }
        wire::DataRowWriter row(out);
        for (idx_t r = 0; r < size; r++) {
            row.Begin(columns);
            for (auto &encoder : encoders_) {
                if (encoder->IsNull(r)) {
                    row.Null();
                } else {
                    encoder->AppendText(r, row.BeginValue(), options_);
                    row.EndValue();
                }
            }
            row.End();
        }
        rows_ += size;
    }
    return false;
}

} // namespace duckgres::session
