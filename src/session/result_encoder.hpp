// ResultEncoder: turns a DuckDB result into RowDescription and DataRow messages.
#pragma once

#include "engine/query_result.hpp"
#include "types/value_encoder.hpp"
#include "wire/backend_messages.hpp"

#include <memory>
#include <string>
#include <vector>

namespace duckgres::session {

class ResultEncoder {
public:
    //! `options` must outlive the encoder. `names` replaces DuckDB's column names when it has
    //! one name per column (PostgreSQL's naming rules differ from DuckDB's).
    ResultEncoder(engine::QueryResult &result, const types::TextFormatOptions &options,
                  const std::vector<std::string> &names);

    void WriteRowDescription(std::string &out) const;
    //! Fetches chunks and appends their DataRows to `out` until at least `budget` bytes were
    //! added or the result ended; returns true at the end. Blocking: run on a worker thread.
    //! Throws SqlError when execution fails midway.
    bool EncodeRows(std::string &out, size_t budget);
    uint64_t RowCount() const { return rows_; }

private:
    engine::QueryResult &result_;
    const types::TextFormatOptions &options_;
    std::vector<wire::FieldDescription> fields_;
    std::vector<std::unique_ptr<types::ValueEncoder>> encoders_;
    uint64_t rows_ = 0;
};

} // namespace duckgres::session
