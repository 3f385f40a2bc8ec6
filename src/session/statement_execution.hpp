// StatementExecution: one statement's run, from its start to its end: the one place per-statement features hook in.
#pragma once

#include "sql/parsed_statement.hpp"

#include <asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

namespace duckgres::session {

class Session;
struct PortalRun;

//! Why the running statement was interrupted; the first reason wins and names the error.
enum class CancelReason : uint8_t { None, User, Timeout, ClientGone, Terminate };

//! How a statement is run: by a simple Query (or a statement of one), or by an Execute of the extended protocol.
struct ExecutionMode {
    //! Set for Execute: the portal and how many rows to send.
    PortalRun *portal = nullptr;
    //! Set for Execute: the portal's result formats (rows go without a RowDescription, which Describe sent).
    const std::vector<int16_t> *portal_formats = nullptr;
    //! The statement passed the access check already (at Parse, before DuckDB prepared it).
    bool access_checked = false;
};

//! Created by Session::RunStatement for every statement a client runs, simple or extended, and ended there: its
//! start checks access (the user's rights, read-only transactions) and arms cancellation and statement_timeout; its
//! end disarms them and releases the statement's admission turn. Features that follow every statement (logs,
//! metrics) hook into Start() and End() and nowhere else. One at a time per session, on the session's I/O thread;
//! the blocking parts of its run go to workers as StatementWork hand-offs (Session::OnWorker), which lend them the
//! connection, the output buffer and the rest of what a worker may touch.
class StatementExecution {
public:
    //! Starts the run; throws (with nothing started) when the statement may not run.
    StatementExecution(Session &session, const sql::ParsedStatement &statement, ExecutionMode mode);
    ~StatementExecution();
    StatementExecution(const StatementExecution &) = delete;
    StatementExecution &operator=(const StatementExecution &) = delete;

    //! Waits, for a statement that writes, for the database's write lock (serialize_writers; held to the end of the
    //! transaction), then for the statement's turn on its database (max_concurrent_statements; it ends with End()),
    //! shown in pg_stat_activity as waiting. Throws 57014 when the statement is canceled (or times out) while it
    //! waits, 55P03 after lock_timeout. Statements that only touch the session's own state (SET, BEGIN...) run
    //! without a turn.
    asio::awaitable<void> Admit();
    //! The command tag sent with CommandComplete.
    void Complete(const std::string &tag) { tag_ = tag; }
    //! Ends the run, with the exception it failed with (null on success). Called once; the destructor ends it
    //! otherwise (a coroutine destroyed while suspended).
    void End(std::exception_ptr failure);

    const sql::ParsedStatement &Statement() const { return statement_; }
    const ExecutionMode &Mode() const { return mode_; }
    //! The formats of result rows: the portal's through Execute, else text.
    const std::vector<int16_t> &ResultFormats() const;
    std::chrono::steady_clock::duration Elapsed() const { return std::chrono::steady_clock::now() - started_; }

private:
    void Start();

    Session &session_;
    const sql::ParsedStatement &statement_;
    ExecutionMode mode_;
    std::chrono::steady_clock::time_point started_;
    //! The session's statement deadline before this statement started (a DO block's, for its statements).
    std::chrono::steady_clock::time_point outer_deadline_;
    std::string tag_;
    StatementExecution *outer_ = nullptr; //!< the DO block's execution this statement runs in, if any
    bool holds_turn_ = false;
    bool ended_ = false;
};

} // namespace duckgres::session
