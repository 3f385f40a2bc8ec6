// TableAppender: loads rows into a DuckDB table through the appender (COPY FROM STDIN).
#pragma once

#include "common/duckdb_handles.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace duckgres::engine {

class EngineConnection;

//! Appends rows to one table (or a subset of its columns; the others get their defaults).
//! Rows become visible at Close(), in the connection's transaction. Blocking: worker thread.
class TableAppender {
public:
    //! `catalog`: the database of the table (empty: the connection's own; "temp" for temporary tables).
    //! `types` (optional): the types of `columns` (all of them when given); when one has a typmod alias (varchar(n),
    //! timestamp(p)..., whose values DuckDB's appender cannot cast), rows go through an INSERT ... SELECT that does.
    TableAppender(duckdb_connection connection, const std::string &schema, const std::string &table,
                  const std::vector<std::string> &columns, const std::string &catalog = "",
                  const std::vector<duckdb_logical_type> &types = {});
    ~TableAppender();
    TableAppender(const TableAppender &) = delete;
    TableAppender &operator=(const TableAppender &) = delete;

    //! Takes ownership of nothing: the value is copied by DuckDB.
    void Append(duckdb_value value);
    void AppendNull();
    void EndRow();
    //! Appends a whole chunk whose columns match the appender's (types and order).
    void AppendChunk(duckdb_data_chunk chunk);
    //! Flushes the remaining rows; throws SqlError (e.g. a constraint violation).
    void Close();

private:
    [[noreturn]] void Fail();

    duckdb_appender appender_ = nullptr;
    std::string table_;
};

} // namespace duckgres::engine
