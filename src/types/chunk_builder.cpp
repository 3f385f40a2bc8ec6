// Parses PostgreSQL text values into DuckDB vectors for chunk-wise COPY FROM loading.
#include "types/chunk_builder.hpp"

#include "types/datetime_input.hpp"
#include "types/text_input.hpp"

#include "common/sql_error.hpp"

#include <cstring>
#include <type_traits>

namespace duckgres::types {

namespace {

template <class T>
void Store(duckdb_vector vector, idx_t row, T value) {
    static_cast<T *>(duckdb_vector_get_data(vector))[row] = value;
}

} // namespace

bool ChunkBuilder::Supports(duckdb_logical_type type) {
    switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_BOOLEAN:
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE:
    case DUCKDB_TYPE_VARCHAR:
    case DUCKDB_TYPE_BLOB:
    case DUCKDB_TYPE_DATE:
    case DUCKDB_TYPE_TIME:
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
    case DUCKDB_TYPE_INTERVAL:
        return true;
    default:
        return false;
    }
}

bool ChunkBuilder::AllSupported(const std::vector<duckdb_logical_type> &types) {
    for (auto type : types) {
        if (!Supports(type)) {
            return false;
        }
    }
    return true;
}

ChunkBuilder::ChunkBuilder(const std::vector<duckdb_logical_type> &types, const TextFormatOptions &options)
    : types_(types), options_(options), capacity_(duckdb_vector_size()) {
    for (auto type : types) {
        type_ids_.push_back(duckdb_get_type_id(type));
    }
    chunk_ = DataChunkHandle(duckdb_create_data_chunk(types_.data(), types_.size()));
}

void ChunkBuilder::Set(size_t column, const std::optional<std::string> &text) {
    auto vector = duckdb_data_chunk_get_vector(chunk_.Get(), column);
    if (!text) {
        duckdb_vector_ensure_validity_writable(vector);
        duckdb_validity_set_row_invalid(duckdb_vector_get_validity(vector), rows_);
        return;
    }
    std::string_view value = *text;
    switch (type_ids_[column]) {
    case DUCKDB_TYPE_BOOLEAN:
        Store<bool>(vector, rows_, ParseBoolText(value));
        break;
    case DUCKDB_TYPE_SMALLINT:
        Store<int16_t>(vector, rows_, ParseInt2Text(value));
        break;
    case DUCKDB_TYPE_INTEGER:
        Store<int32_t>(vector, rows_, ParseInt4Text(value));
        break;
    case DUCKDB_TYPE_BIGINT:
        Store<int64_t>(vector, rows_, ParseInt8Text(value));
        break;
    case DUCKDB_TYPE_FLOAT:
        Store<float>(vector, rows_, ParseFloat4Text(value));
        break;
    case DUCKDB_TYPE_DOUBLE:
        Store<double>(vector, rows_, ParseFloat8Text(value));
        break;
    case DUCKDB_TYPE_VARCHAR:
        VerifyUtf8(value);
        duckdb_vector_assign_string_element_len(vector, rows_, value.data(), value.size());
        break;
    case DUCKDB_TYPE_BLOB: {
        auto bytes = ParseByteaText(value);
        duckdb_vector_assign_string_element_len(vector, rows_, bytes.data(), bytes.size());
        break;
    }
    case DUCKDB_TYPE_DATE:
        Store<int32_t>(vector, rows_, ParseDateText(value, options_));
        break;
    case DUCKDB_TYPE_TIME:
        Store<int64_t>(vector, rows_, ParseTimeText(value, options_));
        break;
    case DUCKDB_TYPE_TIMESTAMP:
        Store<int64_t>(vector, rows_, ParseTimestampText(value, options_));
        break;
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        Store<int64_t>(vector, rows_, ParseTimestampTzText(value, options_));
        break;
    case DUCKDB_TYPE_INTERVAL:
        Store<duckdb_interval>(vector, rows_, ParseIntervalText(value));
        break;
    default:
        break;
    }
}

namespace {

template <class T>
T ReadBigEndian(const std::string &bytes) {
    if (bytes.size() != sizeof(T)) {
        throw SqlError("22P03", "incorrect binary data format");
    }
    std::make_unsigned_t<T> value = 0;
    for (unsigned char c : bytes) {
        value = static_cast<std::make_unsigned_t<T>>((value << 8) | c);
    }
    return static_cast<T>(value);
}

// PostgreSQL counts days and microseconds from 2000-01-01, DuckDB from 1970-01-01.
constexpr int32_t kEpochDays = 10957;
constexpr int64_t kEpochMicros = int64_t(kEpochDays) * 86400 * 1000000;

int32_t DateFromBinary(const std::string &bytes) {
    auto days = ReadBigEndian<int32_t>(bytes);
    if (days == INT32_MAX || days == INT32_MIN) {
        return days; // infinity keeps its sentinel
    }
    return days + kEpochDays;
}

int64_t TimestampFromBinary(const std::string &bytes) {
    auto micros = ReadBigEndian<int64_t>(bytes);
    if (micros == INT64_MAX || micros == INT64_MIN) {
        return micros;
    }
    return micros + kEpochMicros;
}

} // namespace

void ChunkBuilder::SetBinary(size_t column, const std::optional<std::string> &bytes) {
    auto vector = duckdb_data_chunk_get_vector(chunk_.Get(), column);
    if (!bytes) {
        duckdb_vector_ensure_validity_writable(vector);
        duckdb_validity_set_row_invalid(duckdb_vector_get_validity(vector), rows_);
        return;
    }
    const auto &value = *bytes;
    switch (type_ids_[column]) {
    case DUCKDB_TYPE_BOOLEAN:
        Store<bool>(vector, rows_, ReadBigEndian<int8_t>(value) != 0);
        break;
    case DUCKDB_TYPE_SMALLINT:
        Store<int16_t>(vector, rows_, ReadBigEndian<int16_t>(value));
        break;
    case DUCKDB_TYPE_INTEGER:
        Store<int32_t>(vector, rows_, ReadBigEndian<int32_t>(value));
        break;
    case DUCKDB_TYPE_BIGINT:
        Store<int64_t>(vector, rows_, ReadBigEndian<int64_t>(value));
        break;
    case DUCKDB_TYPE_FLOAT: {
        auto raw = ReadBigEndian<int32_t>(value);
        float result;
        std::memcpy(&result, &raw, sizeof(result));
        Store<float>(vector, rows_, result);
        break;
    }
    case DUCKDB_TYPE_DOUBLE: {
        auto raw = ReadBigEndian<int64_t>(value);
        double result;
        std::memcpy(&result, &raw, sizeof(result));
        Store<double>(vector, rows_, result);
        break;
    }
    case DUCKDB_TYPE_VARCHAR:
        VerifyUtf8(value);
        duckdb_vector_assign_string_element_len(vector, rows_, value.data(), value.size());
        break;
    case DUCKDB_TYPE_BLOB:
        duckdb_vector_assign_string_element_len(vector, rows_, value.data(), value.size());
        break;
    case DUCKDB_TYPE_DATE:
        Store<int32_t>(vector, rows_, DateFromBinary(value));
        break;
    case DUCKDB_TYPE_TIME:
        Store<int64_t>(vector, rows_, ReadBigEndian<int64_t>(value));
        break;
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        Store<int64_t>(vector, rows_, TimestampFromBinary(value));
        break;
    case DUCKDB_TYPE_INTERVAL: {
        if (value.size() != 16) {
            throw SqlError("22P03", "incorrect binary data format");
        }
        duckdb_interval interval;
        interval.micros = ReadBigEndian<int64_t>(value.substr(0, 8));
        interval.days = ReadBigEndian<int32_t>(value.substr(8, 4));
        interval.months = ReadBigEndian<int32_t>(value.substr(12, 4));
        Store<duckdb_interval>(vector, rows_, interval);
        break;
    }
    default:
        break;
    }
}

bool ChunkBuilder::EndRow() {
    rows_++;
    return rows_ == capacity_;
}

DataChunkHandle ChunkBuilder::TakeChunk() {
    duckdb_data_chunk_set_size(chunk_.Get(), rows_);
    DataChunkHandle full(duckdb_create_data_chunk(types_.data(), types_.size()));
    std::swap(full, chunk_);
    rows_ = 0;
    return full;
}

} // namespace duckgres::types
