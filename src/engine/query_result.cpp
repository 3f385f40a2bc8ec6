// Reads DuckDB streaming results chunk by chunk.
#include "engine/query_result.hpp"

#include "engine/error_mapping.hpp"

namespace duckgres::engine {

QueryResult::QueryResult(std::string statement_text) : statement_text_(std::move(statement_text)) {}

void QueryResult::Initialize() {
    auto *result = result_.Get();
    statement_type_ = duckdb_result_statement_type(*result);
    switch (duckdb_result_return_type(*result)) {
    case DUCKDB_RESULT_TYPE_CHANGED_ROWS:
        kind_ = ResultKind::ChangedRows;
        break;
    case DUCKDB_RESULT_TYPE_NOTHING:
        kind_ = ResultKind::Nothing;
        break;
    default:
        kind_ = ResultKind::Rows;
        break;
    }
    auto count = duckdb_column_count(result);
    names_.reserve(count);
    types_.reserve(count);
    for (idx_t i = 0; i < count; i++) {
        const char *name = duckdb_column_name(result, i);
        names_.emplace_back(name ? name : "?column?");
        types_.emplace_back(duckdb_column_logical_type(result, i));
    }
    // CREATE TABLE ... AS reports "nothing" but carries the inserted row count.
    if (kind_ == ResultKind::Nothing && count == 1 && names_[0] == "Count" &&
        duckdb_get_type_id(types_[0].Get()) == DUCKDB_TYPE_BIGINT) {
        kind_ = ResultKind::ChangedRows;
    }
}

DataChunkHandle QueryResult::Fetch() {
    if (!buffered_.empty()) {
        auto chunk = std::move(buffered_.front());
        buffered_.pop_front();
        return chunk;
    }
    auto *result = result_.Get();
    DataChunkHandle chunk(duckdb_fetch_chunk(*result));
    if (!chunk) {
        const char *error = duckdb_result_error(result);
        if (error) {
            throw MapDuckDbError(duckdb_result_error_type(result), error, statement_text_);
        }
    }
    return chunk;
}

void QueryResult::Materialize() {
    std::deque<DataChunkHandle> rest;
    auto *result = result_.Get();
    while (true) {
        DataChunkHandle chunk(duckdb_fetch_chunk(*result));
        if (!chunk) {
            if (const char *error = duckdb_result_error(result)) {
                throw MapDuckDbError(duckdb_result_error_type(result), error, statement_text_);
            }
            break;
        }
        rest.push_back(std::move(chunk));
    }
    for (auto &chunk : rest) {
        buffered_.push_back(std::move(chunk));
    }
}

uint64_t QueryResult::ReadChangedRows() {
    uint64_t total = 0;
    while (auto chunk = Fetch()) {
        auto size = duckdb_data_chunk_get_size(chunk.Get());
        if (size == 0 || duckdb_data_chunk_get_column_count(chunk.Get()) == 0) {
            continue;
        }
        auto vector = duckdb_data_chunk_get_vector(chunk.Get(), 0);
        auto *data = static_cast<int64_t *>(duckdb_vector_get_data(vector));
        for (idx_t i = 0; i < size; i++) {
            total += static_cast<uint64_t>(data[i]);
        }
    }
    return total;
}

} // namespace duckgres::engine
