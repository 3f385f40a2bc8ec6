// ChunkBuilder: fills DuckDB data chunks straight from PostgreSQL text values (fast COPY FROM).
#pragma once

#include "common/duckdb_handles.hpp"
#include "types/text_format.hpp"

#include <duckdb.h>

#include <optional>
#include <string_view>
#include <vector>

namespace duckgres::types {

//! Builds chunks of up to duckdb_vector_size() rows for columns of the given types, parsing each
//! value with PostgreSQL's input rules directly into the vectors (no per-value allocation).
//! Only for column types listed in Supports(); the caller checks AllSupported() first.
class ChunkBuilder {
public:
    //! The types are borrowed and must outlive the builder.
    ChunkBuilder(const std::vector<duckdb_logical_type> &types, const TextFormatOptions &options);

    static bool Supports(duckdb_logical_type type);
    static bool AllSupported(const std::vector<duckdb_logical_type> &types);

    //! Sets column `column` of the current row; nullopt is NULL. Throws SqlError on bad input.
    void Set(size_t column, const std::optional<std::string> &text);
    //! The same from PostgreSQL's binary form of the value (binary COPY).
    void SetBinary(size_t column, const std::optional<std::string> &bytes);
    //! Finishes the current row; returns true when the chunk is full.
    bool EndRow();
    idx_t Rows() const { return rows_; }
    //! Hands over the chunk with the rows so far (sized) and starts a new, empty one.
    DataChunkHandle TakeChunk();

private:
    std::vector<duckdb_logical_type> types_;
    std::vector<duckdb_type> type_ids_;
    const TextFormatOptions &options_;
    DataChunkHandle chunk_;
    idx_t capacity_;
    idx_t rows_ = 0;
};

} // namespace duckgres::types
