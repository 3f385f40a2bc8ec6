// SessionDirectory: per-session state that server-side SQL functions answer from (pg_cursors, pg_settings,
// pg_stat_activity).
#pragma once

#include <duckdb.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace duckgres::engine {

//! One open cursor or portal, as pg_cursors shows it.
struct CursorInfo {
    std::string name;
    std::string statement;
    bool is_holdable = false;
    bool is_binary = false;
    bool is_scrollable = false;
    int64_t creation_micros = 0; //!< since the Unix epoch
};

//! What pg_stat_activity shows of a session that does not change while it lives.
struct SessionIdentity {
    int32_t pid = 0;
    std::string database;
    std::string user;
    std::string client_addr; //!< empty for a Unix socket
    std::string client_port;
    int64_t backend_start_micros = 0; //!< since the Unix epoch
};

//! Maps DuckDB connection ids to the session that owns them, so that registered table
//! functions (duckgres_cursors()) can answer for the calling session. One per server.
class SessionDirectory {
public:
    using CursorLister = std::function<std::vector<CursorInfo>()>;
    //! One row per parameter: name, current value, description, PostgreSQL's context ("user", "internal").
    using SettingsLister = std::function<std::vector<std::vector<std::string>>()>;

    void Register(idx_t connection_id, SessionIdentity identity, CursorLister cursors, SettingsLister settings);
    void Unregister(idx_t connection_id);
    //! The calling session's cursors; empty for connections no session registered.
    std::vector<CursorInfo> Cursors(idx_t connection_id);
    //! The calling session's user; empty for connections no session registered.
    std::string User(idx_t connection_id);
    //! The calling session's parameters (see SettingsLister); empty for connections no session registered.
    std::vector<std::vector<std::string>> Settings(idx_t connection_id);
    //! The part of a session's pg_stat_activity row that changes; the session keeps it current as
    //! statements start and end (query_start in microseconds since the epoch, 0 before the first).
    void SetActivity(idx_t connection_id, std::string_view application_name, std::string_view state,
                     std::string_view query, int64_t query_start_micros);
    //! Every registered session's activity row, as strings in the order of duckgres_activity()'s
    //! columns (pid, datname, usename, application_name, client_addr, client_port, backend_start,
    //! xact_start, query_start as epoch microseconds, state, query; "" is NULL).
    std::vector<std::vector<std::string>> Activity();

    //! Registers, once per database, the table functions duckgres_cursors(), duckgres_settings(),
    //! duckgres_activity()
    //! and the scalar function duckgres_session_user() (the session's user, where DuckDB's
    //! current_user knows none).
    void RegisterFunctions(duckdb_connection connection);

private:
    struct Entry {
        SessionIdentity identity;
        CursorLister cursors;
        SettingsLister settings;
        std::string application_name;
        std::string state;
        std::string query;
        int64_t query_start_micros = 0;
    };
    std::mutex mutex_;
    std::unordered_map<idx_t, Entry> sessions_;
};

} // namespace duckgres::engine
