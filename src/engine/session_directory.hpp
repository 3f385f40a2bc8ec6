// SessionDirectory: per-session state that server-side SQL functions answer from (pg_cursors, pg_settings,
// pg_stat_activity).
#pragma once

#include "common/server_metrics.hpp"

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
    //! The user's role is admin: it sees and signals every session; others only their own user's.
    bool admin = false;
};

//! What pg_cancel_backend and pg_terminate_backend ask of a session.
enum class SessionSignal { Cancel, Terminate };
//! How a signal went: delivered, no session with that pid, or refused to a caller without the right.
enum class SignalOutcome { Sent, NoSession, NotPermitted, NotPermittedAdmin };

//! Maps DuckDB connection ids to the session that owns them, so that registered table
//! functions (duckgres_cursors()) can answer for the calling session. One per server.
class SessionDirectory {
public:
    //! `metrics`, when given, is what duckgres_metrics() shows; it must outlive the directory. `database_names`,
    //! when given, lists the server's databases for duckgres_databases() (else only sessions' databases show).
    //! `roles`, when given, lists the server's users as (name, role) rows for duckgres_roles() (pg_roles); else
    //! only the calling session's user shows, as an admin.
    explicit SessionDirectory(const ServerMetrics *metrics = nullptr,
                              std::function<std::vector<std::string>()> database_names = nullptr,
                              std::function<std::vector<std::vector<std::string>>()> roles = nullptr)
        : metrics_(metrics), database_names_(std::move(database_names)), roles_(std::move(roles)) {}

    //! What a session answers for the functions; each may be empty. Called from inside queries, the
    //! session's own (cursors, settings, interrupted) or another session's (signal): thread-safe.
    struct Callbacks {
        std::function<std::vector<CursorInfo>()> cursors;
        //! One row per parameter: name, current value, description, PostgreSQL's context ("user", "internal"),
        //! unit ("ms" or "").
        std::function<std::vector<std::vector<std::string>>()> settings;
        std::function<void(SessionSignal)> signal;
        //! Whether the session's running statement has been canceled (long functions such as pg_sleep poll it).
        std::function<bool()> interrupted;
    };

    void Register(idx_t connection_id, SessionIdentity identity, Callbacks callbacks);
    void Unregister(idx_t connection_id);
    //! The calling session's cursors; empty for connections no session registered.
    std::vector<CursorInfo> Cursors(idx_t connection_id);
    //! The calling session's user; empty for connections no session registered.
    std::string User(idx_t connection_id);
    //! The calling session's parameters (see Callbacks); empty for connections no session registered.
    std::vector<std::vector<std::string>> Settings(idx_t connection_id);
    //! The part of a session's pg_stat_activity row that changes; the session keeps it current as
    //! statements start and end (query_start in microseconds since the epoch, 0 before the first;
    //! wait_event names what an active statement waits for, "" when it runs).
    void SetActivity(idx_t connection_id, std::string_view application_name, std::string_view state,
                     std::string_view query, int64_t query_start_micros, std::string_view wait_event = "");
    //! Every registered session's activity row, as strings in the order of duckgres_activity()'s
    //! columns (pid, datname, usename, application_name, client_addr, client_port, backend_start,
    //! xact_start, query_start as epoch microseconds, state, query, wait_event; "" is NULL). As PostgreSQL
    //! shows them to `caller`: sessions of other users than its own, unless it is an admin, show only pid,
    //! database, user and application, and "<insufficient privilege>" for the query.
    std::vector<std::vector<std::string>> Activity(idx_t caller);
    //! Signals the session with backend pid `pid` for `caller` (a connection id; 0: the server itself, which may
    //! signal any). Callers that are not admins signal only sessions of their own user that are not admins'.
    SignalOutcome Signal(idx_t caller, int32_t pid, SessionSignal signal);
    //! Whether the calling session's statement has been canceled.
    bool Interrupted(idx_t connection_id);

    //! Registers, once per database, the table functions duckgres_cursors(), duckgres_settings(),
    //! duckgres_activity(), duckgres_metrics() (name, value)
    //! and the scalar functions duckgres_session_user() (the session's user, where DuckDB's
    //! current_user knows none), pg_cancel_backend(pid), pg_terminate_backend(pid [, timeout]) and
    //! pg_sleep(seconds).
    void RegisterFunctions(duckdb_connection connection);

private:
    //! A copy of one of a session's callbacks (empty when there is no such session), to call without the lock.
    template <class F>
    F CallbackOf(idx_t connection_id, F Callbacks::*member);

    struct Entry {
        SessionIdentity identity;
        Callbacks callbacks;
        std::string application_name;
        std::string state;
        std::string query;
        std::string wait_event;
        int64_t query_start_micros = 0;
    };
    const ServerMetrics *metrics_;
    std::function<std::vector<std::string>()> database_names_;
    std::function<std::vector<std::vector<std::string>>()> roles_;
    std::mutex mutex_;
    std::unordered_map<idx_t, Entry> sessions_;
};

} // namespace duckgres::engine
