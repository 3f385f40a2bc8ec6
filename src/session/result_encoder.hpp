// ResultEncoder: turns a DuckDB result into RowDescription and DataRow messages.
#pragma once

#include "engine/query_result.hpp"
#include "types/value_encoder.hpp"
#include "wire/backend_messages.hpp"

#include <memory>
#include <string>
#include <vector>

namespace duckgres::session {

//! Why EncodeRows stopped.
enum class EncodeStatus {
    Finished,    //!< the result has no more rows
    BudgetFull,  //!< `budget` bytes were appended: flush, then call again
    RowLimitHit, //!< `max_rows` rows were appended (Execute with a row limit): the portal suspends
};

class ResultEncoder {
public:
    //! `options` must outlive the encoder. `names` replaces DuckDB's column names when it has
    //! one name per column (PostgreSQL's naming rules differ from DuckDB's). `formats` are
    //! Bind's result format codes (empty: all text).
    ResultEncoder(engine::QueryResult &result, const types::TextFormatOptions &options,
                  const std::vector<std::string> &names, const std::vector<int16_t> &formats = {});

    const std::vector<wire::FieldDescription> &Fields() const { return fields_; }
    //! Changes the result formats for the rows still to come (FETCH through the extended
    //! protocol uses the formats of the portal running FETCH).
    void SetFormats(const std::vector<int16_t> &formats);
    void WriteRowDescription(std::string &out) const;
    //! Appends DataRows to `out` until the result ends, `budget` bytes were added, or
    //! `max_rows` rows were added (0: no limit). A partly sent chunk is kept for the next call.
    //! Blocking (fetches from DuckDB): run on a worker thread. Throws SqlError when execution
    //! fails midway.
    EncodeStatus EncodeRows(std::string &out, size_t budget, uint64_t max_rows = 0);
    uint64_t RowCount() const { return rows_; }

private:
    engine::QueryResult &result_;
    const types::TextFormatOptions &options_;
    std::vector<wire::FieldDescription> fields_;
    std::vector<std::unique_ptr<types::ValueEncoder>> encoders_;
    DataChunkHandle chunk_;
    idx_t chunk_size_ = 0;
    idx_t next_row_ = 0;
    uint64_t rows_ = 0;
};

} // namespace duckgres::session
