// QueryResult: a streaming DuckDB result, read one data chunk at a time.
#pragma once

#include "common/duckdb_handles.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace duckgres::engine {

enum class ResultKind {
    Rows,        //!< a query result: columns and rows
    ChangedRows, //!< INSERT/UPDATE/DELETE without RETURNING: one row holding the count
    Nothing,     //!< DDL, SET...: no rows
};

class QueryResult {
public:
    explicit QueryResult(std::string statement_text);
    QueryResult(const QueryResult &) = delete;
    QueryResult &operator=(const QueryResult &) = delete;

    duckdb_result *Out() { return result_.Out(); }
    duckdb_result *Raw() { return result_.Get(); }
    //! Reads kind and columns after the result was filled in.
    void Initialize();

    ResultKind Kind() const { return kind_; }
    duckdb_statement_type StatementType() const { return statement_type_; }
    size_t ColumnCount() const { return names_.size(); }
    const std::string &ColumnName(size_t i) const { return names_[i]; }
    //! Borrowed from the result; valid while it lives.
    duckdb_logical_type ColumnType(size_t i) const { return types_[i].Get(); }

    //! The next chunk, or an empty handle at the end. Throws SqlError if execution failed.
    //! Blocking: call from a worker thread.
    DataChunkHandle Fetch();
    //! For ChangedRows: consumes the result and returns the count.
    uint64_t ReadChangedRows();
    //! Fetches every remaining chunk into memory. DuckDB streams one result per connection at
    //! a time; a suspended portal is materialized before another statement runs. Blocking.
    void Materialize();

private:
    std::string statement_text_;
    ResultHandle result_;
    ResultKind kind_ = ResultKind::Nothing;
    duckdb_statement_type statement_type_ = DUCKDB_STATEMENT_TYPE_INVALID;
    std::vector<std::string> names_;
    std::vector<LogicalTypeHandle> types_;
    std::deque<DataChunkHandle> buffered_;
};

} // namespace duckgres::engine
