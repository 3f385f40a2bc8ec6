// ArrowBatchBuilder: parses PostgreSQL text or binary values into Arrow batches (fast COPY FROM).
#pragma once

#include "common/arrow_c_data.hpp"
#include "types/text_format.hpp"
#include "types/text_input.hpp"

#include <duckdb.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duckgres::types {

//! Builds batches of rows in the Arrow C data layout for columns of the given types, parsing each value with
//! PostgreSQL's input rules straight into the column buffers (no per-value allocation). A batch ends at
//! `max_rows` rows (one DuckDB row group by default, so that each batch becomes one row group written by one
//! thread) or once its string data passes `max_bytes`. Only for the types Supports() lists.
class ArrowBatchBuilder {
public:
    static constexpr int64_t kDefaultMaxRows = 122880;          //!< DuckDB's row group size
    static constexpr size_t kDefaultMaxBytes = 8 * 1024 * 1024; //!< string bytes in one batch, about

    //! The types are borrowed and must outlive the builder.
    ArrowBatchBuilder(const std::vector<duckdb_logical_type> &types, const TextFormatOptions &options,
                      int64_t max_rows = kDefaultMaxRows, size_t max_bytes = kDefaultMaxBytes);
    ~ArrowBatchBuilder();
    ArrowBatchBuilder(const ArrowBatchBuilder &) = delete;
    ArrowBatchBuilder &operator=(const ArrowBatchBuilder &) = delete;

    static bool Supports(duckdb_logical_type type);
    static bool AllSupported(const std::vector<duckdb_logical_type> &types);

    //! Sets column `column` of the current row; nullopt is NULL. Throws SqlError on bad input.
    void Set(size_t column, const std::optional<std::string_view> &text);
    //! The same from PostgreSQL's binary form of the value (binary COPY).
    void SetBinary(size_t column, const std::optional<std::string_view> &bytes);
    //! Finishes the current row; returns true when the batch is full.
    bool EndRow();
    int64_t Rows() const { return rows_; }
    //! Hands over the rows so far as one struct array (a child per column) and starts a new batch.
    ArrowArrayHandle TakeBatch();

    //! The batches' schema: a struct whose children are named c0, c1, ...; release with out->release.
    void ExportSchema(ArrowSchema *out) const;
    //! The select list that reads a scan of the batches as the columns' DuckDB types, in order.
    std::string SelectList() const;

    struct Column;

private:
    void StartBatch();
    void StoreDecimal(size_t column, const NumericValue &value);

    std::vector<duckdb_type> type_ids_;
    std::vector<std::string> aliases_; //!< a BLOB column's alias (inet, cidr, macaddr, macaddr8), else empty
    std::vector<std::pair<uint8_t, uint8_t>> decimals_; //!< width and scale of DECIMAL columns
    const TextFormatOptions &options_;
    int64_t max_rows_;
    size_t max_bytes_;
    std::vector<std::unique_ptr<Column>> columns_;
    int64_t rows_ = 0;
    size_t bytes_ = 0;
};

} // namespace duckgres::types
