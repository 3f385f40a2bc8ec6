// EngineConnection: one session's DuckDB connection, with prepare, execute and interrupt.
#pragma once

#include "common/lru_cache.hpp"
#include "engine/database.hpp"
#include "engine/query_result.hpp"

#include <memory>
#include <string>
#include <vector>

namespace duckgres::engine {

//! A prepared DuckDB statement and the text it came from.
struct PreparedStatement {
    std::string text;
    PreparedHandle handle;
    duckdb_statement_type type = DUCKDB_STATEMENT_TYPE_INVALID;
    uint64_t catalog_version = 0; //!< the database's CatalogVersion() when it was prepared
};

//! All methods but Interrupt() block and must run on a worker thread, one at a time.
class EngineConnection {
public:
    explicit EngineConnection(std::shared_ptr<Database> database);

    const Database &GetDatabase() const { return *database_; }
    //! See Database::EnsureTypmodAliases: the types a rewritten statement names exist before it prepares.
    void EnsureTypmodAliases(const std::vector<std::string> &names) { database_->EnsureTypmodAliases(names); }

    //! Throws SqlError (mapped from DuckDB) when the statement does not prepare.
    PreparedStatement Prepare(const std::string &sql);
    //! Like Prepare, but reuses the statement when the same text ran recently on this connection (a small LRU
    //! cache: clients repeat their statements) and no session changed the catalog since: a statement prepared
    //! before an ALTER TABLE would still describe the old columns.
    std::shared_ptr<PreparedStatement> PrepareCached(const std::string &sql);
    //! Forgets the cached statements (their names were resolved through a search_path that changed).
    void ClearCache() { cache_.Clear(); }
    //! Starts execution; rows are then pulled with QueryResult::Fetch. Throws SqlError. Statements that may
    //! change the catalog (DDL, ATTACH, ...) move the database's catalog version, once when they run and once
    //! more when their transaction ends (other sessions see the change then).
    std::unique_ptr<QueryResult> Execute(PreparedStatement &statement);
    //! Prepares and runs a statement to completion, discarding rows. Throws SqlError.
    void Run(const std::string &sql);
    //! The schemas unqualified names resolve in, in order (DuckDB's search path). Throws SqlError.
    std::vector<std::string> SearchPath();
    //! Runs `sql` (a small catalog query) and returns its rows, every value as text (NULL as ""). Throws SqlError.
    std::vector<std::vector<std::string>> QueryStrings(const std::string &sql);
    //! DuckDB's id of this connection (what server-side functions see).
    idx_t ConnectionId() const;
    //! The raw handle, for the appender (COPY FROM STDIN).
    duckdb_connection Handle() const { return connection_.Get(); }
    //! Thread-safe: interrupts the statement running on this connection, if any.
    void Interrupt();

private:
    static constexpr size_t kCacheSize = 64;

    void NoteCatalogChange(duckdb_statement_type type);

    std::shared_ptr<Database> database_;
    ConnectionHandle connection_;
    LruCache<PreparedStatement> cache_{kCacheSize};
    bool catalog_changed_in_transaction_ = false;
};

} // namespace duckgres::engine
