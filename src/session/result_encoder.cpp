// Encodes DuckDB data chunks as PostgreSQL DataRow messages, in text or binary per column.
#include "session/result_encoder.hpp"

#include "common/sql_error.hpp"
#include "session/row_description.hpp"
#include "sql/column_names.hpp"

namespace duckgres::session {

ResultEncoder::ResultEncoder(engine::QueryResult &result, const types::TextFormatOptions &options,
                             const std::vector<std::string> &names, const std::vector<int16_t> &formats)
    : result_(result), options_(options) {
    CheckFormats(formats, result.ColumnCount(), "result");
    if (result.ColumnCount() == 1 && result.ColumnName(0) == sql::kNoColumnsPlaceholder) {
        return; // SELECT with an empty select list
    }
    bool rename = names.size() == result.ColumnCount();
    for (size_t i = 0; i < result.ColumnCount(); i++) {
        auto type = result.ColumnType(i);
        fields_.push_back(DescribeField(rename ? names[i] : result.ColumnName(i), type, FormatFor(formats, i)));
        encoders_.push_back(types::ValueEncoder::Create(type));
    }
}

void ResultEncoder::SetFormats(const std::vector<int16_t> &formats) {
    CheckFormats(formats, fields_.size(), "result");
    for (size_t i = 0; i < fields_.size(); i++) {
        fields_[i].format = FormatFor(formats, i);
    }
}

void ResultEncoder::WriteRowDescription(std::string &out) const {
    wire::WriteRowDescription(out, fields_);
}

EncodeStatus ResultEncoder::EncodeRows(std::string &out, size_t budget, uint64_t max_rows) {
    size_t start = out.size();
    auto columns = static_cast<int16_t>(encoders_.size());
    uint64_t sent = 0;
    while (true) {
        if (next_row_ >= chunk_size_) {
            if (out.size() - start >= budget) {
                return EncodeStatus::BudgetFull;
            }
            chunk_ = result_.Fetch();
            if (!chunk_) {
                return EncodeStatus::Finished;
            }
            chunk_size_ = duckdb_data_chunk_get_size(chunk_.Get());
            next_row_ = 0;
            for (size_t c = 0; c < encoders_.size(); c++) {
                encoders_[c]->Bind(duckdb_data_chunk_get_vector(chunk_.Get(), c));
            }
        }
        wire::DataRowWriter row(out);
        for (; next_row_ < chunk_size_; next_row_++) {
            if (max_rows > 0 && sent == max_rows) {
                return EncodeStatus::RowLimitHit;
            }
            size_t row_start = out.size();
            try {
                row.Begin(columns);
                for (size_t c = 0; c < encoders_.size(); c++) {
                    auto &encoder = *encoders_[c];
                    if (encoder.IsNull(next_row_)) {
                        row.Null();
                    } else if (fields_[c].format == 1) {
                        encoder.AppendBinary(next_row_, row.BeginValue(), options_);
                        row.EndValue();
                    } else {
                        encoder.AppendText(next_row_, row.BeginValue(), options_);
                        row.EndValue();
                    }
                }
                row.End();
            } catch (...) {
                // A value that cannot be sent (a ragged array in binary, say): the half-built
                // DataRow must not reach the client before the ErrorResponse.
                out.resize(row_start);
                throw;
            }
            sent++;
            rows_++;
        }
        if (max_rows > 0 && sent == max_rows) {
            // As PostgreSQL: reaching the limit suspends the portal even when no rows remain;
            // the next Execute then completes with zero rows.
            return EncodeStatus::RowLimitHit;
        }
    }
}

} // namespace duckgres::session
