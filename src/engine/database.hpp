// Database: one DuckDB database file, opened once and shared by all sessions using it.
#pragma once

#include "common/duckdb_handles.hpp"
#include "engine/session_directory.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace duckgres::engine {

//! DuckDB settings applied when a database is opened.

struct DatabaseOptions {
    std::string memory_limit;   //!< empty: DuckDB's default
    std::string temp_directory; //!< where DuckDB spills; empty: DuckDB's default
    int threads = 0;            //!< 0: DuckDB's default
    bool allow_external_access = false;
    //! Receives the server-side session functions (duckgres_cursors()); may be null.
    SessionDirectory *sessions = nullptr;
};

class Database {
public:
    //! Opens (or creates) the DuckDB file at `path`; throws SqlError on failure.
    Database(std::string name, std::string path, const DatabaseOptions &options);

    const std::string &Name() const { return name_; }
    const std::string &Path() const { return path_; }
    duckdb_database Handle() const { return handle_.Get(); }
    //! A number that changes whenever a session may have changed the catalog (thread-safe): statements
    //! prepared under another number may describe tables as they were.
    uint64_t CatalogVersion() const { return catalog_version_.load(std::memory_order_acquire); }
    void CatalogChanged() { catalog_version_.fetch_add(1, std::memory_order_acq_rel); }
    //! Registers the DuckDB type aliases of PostgreSQL types with modifiers (varchar(20) is pg_varchar_20, see
    //! types/typmod_alias.hpp) that are not registered yet, with their casts (thread-safe). They are types of the
    //! database instance, registered on a connection of its own so that no session's transaction holds them; the
    //! aliases its tables' columns use are registered when it opens. Throws SqlError.
    void EnsureTypmodAliases(const std::vector<std::string> &names);

private:
    std::string name_;
    std::string path_;
    //! The directory the catalog's session functions ask when the server gave none (tools, tests).
    std::unique_ptr<SessionDirectory> own_sessions_;
    DatabaseHandle handle_;
    //! The connection that built the catalog and registers the typmod aliases (under typmod_mutex_).
    ConnectionHandle admin_connection_;
    std::mutex typmod_mutex_;
    std::set<std::string> typmod_aliases_;
    std::atomic<uint64_t> catalog_version_{0};
};

} // namespace duckgres::engine
