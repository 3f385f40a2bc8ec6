// Database: one DuckDB database file, opened once and shared by all sessions using it.
#pragma once

#include "common/duckdb_handles.hpp"
#include "engine/session_directory.hpp"

#include <memory>
#include <string>

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

private:
    std::string name_;
    std::string path_;
    //! The directory the catalog's session functions ask when the server gave none (tools, tests).
    std::unique_ptr<SessionDirectory> own_sessions_;
    DatabaseHandle handle_;
};

} // namespace duckgres::engine
