// EngineConnection: one session's DuckDB connection, with prepare, execute and interrupt.
#pragma once

#include "engine/database.hpp"
#include "engine/query_result.hpp"

#include <memory>
#include <string>

namespace duckgres::engine {

//! A prepared DuckDB statement and the text it came from.
struct PreparedStatement {
    std::string text;
    PreparedHandle handle;
    duckdb_statement_type type = DUCKDB_STATEMENT_TYPE_INVALID;
};

//! All methods but Interrupt() block and must run on a worker thread, one at a time.
class EngineConnection {
public:
    explicit EngineConnection(std::shared_ptr<Database> database);

    const Database &GetDatabase() const { return *database_; }

    //! Throws SqlError (mapped from DuckDB) when the statement does not prepare.
    PreparedStatement Prepare(const std::string &sql);
    //! Starts execution; rows are then pulled with QueryResult::Fetch. Throws SqlError.
    std::unique_ptr<QueryResult> Execute(PreparedStatement &statement);
    //! Prepares and runs a statement to completion, discarding rows. Throws SqlError.
    void Run(const std::string &sql);
    //! Thread-safe: interrupts the statement running on this connection, if any.
    void Interrupt();

private:
    std::shared_ptr<Database> database_;
    ConnectionHandle connection_;
};

} // namespace duckgres::engine
