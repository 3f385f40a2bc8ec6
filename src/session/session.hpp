// Session: one client connection, from startup to Terminate, as a protocol state machine.
//
// Threads and who owns what
// -------------------------
// - The session's I/O thread (the event loop its channel's executor runs on) owns the Session: the command loop,
//   every frontend message handler, the transaction state, settings, prepared statements, portals, the output
//   buffer and the StatementExecution of the running statement. Nothing else touches them while the loop runs.
// - Worker threads (WorkerPool) run the blocking parts: every call into DuckDB. The I/O coroutine hands work to a
//   worker with `co_await OnWorker(...)` and is suspended until the work is done. The work receives a StatementWork
//   and touches only that and the objects of the statement it was given (its ResultStream, Portal, PreparedEntry,
//   COPY buffers): the StatementWork lends it, for that hand-off, the EngineState (the DuckDB connection, the text
//   options, the applied search path), the output buffer, the suspended portals' results, and read-only views of
//   the login and the settings (LentState). No Session method runs on a worker; the blocking ones are
//   StatementWork's, which only a worker can make (its constructor takes a WorkerToken, which only WorkerPool::Run
//   makes). Setting changes a statement asks for (set_config()) are made back on the I/O thread.
// - Other threads (another session's pg_cancel_backend, a CancelRequest's session, server shutdown) reach a session
//   only through BackendHandle: CancelStatement() and Terminate(), which touch the atomics marked below and
//   connection_mutex_, and post everything else to the session's I/O thread.
// - DuckDB's own threads run inside DuckDB's calls, on a worker's behalf; they call back into the session only
//   through the SessionDirectory callbacks (pg_cursors, pg_settings), which read while the worker waits.

#include "common/lru_cache.hpp"
#include "common/sql_error.hpp"
#include "engine/engine_connection.hpp"
#include "session/engine_state.hpp"
#include "session/message_stream.hpp"
#include "session/portal.hpp"
#include "session/result_encoder.hpp"
#include "session/server_context.hpp"
#include "session/session_settings.hpp"
#include "session/startup_exchange.hpp"
#include "session/startup_limiter.hpp"
#include "session/statement_execution.hpp"
#include "session/statement_work.hpp"
#include "session/transaction_state.hpp"
#include "session/worker_token.hpp"
#include "sql/access_check.hpp"
#include "sql/existence_checks.hpp"
#include "sql/parsed_statement.hpp"
#include "sql/rewriter.hpp"
#include "types/parameter_decoder.hpp"
#include "types/text_format.hpp"
#include "wire/backend_messages.hpp"
#include "wire/frontend_messages.hpp"

#include <asio/steady_timer.hpp>

#include <atomic>
#include <cassert>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace duckgres::session {

//! COMMIT, ROLLBACK and ROLLBACK TO SAVEPOINT: what an aborted transaction block still accepts.
bool IsTransactionExit(const sql::ParsedStatement &statement);
//! 25P02, for any other statement in an aborted transaction block.
SqlError AbortedTransaction();

//! Runs the PostgreSQL protocol for one client: startup (SSL/GSS negotiation, cancel
//! requests), authentication, then the command loop. Kept alive by its own coroutine.
class Session : public BackendHandle, public std::enable_shared_from_this<Session> {
    friend class StatementExecution;
    friend class DoBlockRun;

public:
    //! `startup_slot`: the connection's place among those not yet authenticated, given back once it is.
    Session(ServerContext &context, std::unique_ptr<ClientChannel> channel, StartupSlot startup_slot = {});
    ~Session() override;

    //! The whole life of the connection; never throws.
    asio::awaitable<void> Run();

    void CancelStatement() override;
    void Terminate(bool interrupt_running) override;

private:
    enum class Phase { Startup, Idle, Busy, Closing };
    //! Output is flushed to the client whenever this much is buffered while streaming rows.
    static constexpr size_t kFlushBudget = 256 * 1024;
    //! The output a DO block's statements may hold back for it (their rows, until the block reads them).
    static constexpr size_t kCapturedOutputLimit = 64 * 1024 * 1024;

    asio::awaitable<void> OpenDatabase();
    void WriteStartupReport();

    // Extended query protocol (session_extended.cpp).
    asio::awaitable<void> HandleExtendedMessage(wire::FrontendType type, std::span<const uint8_t> payload);
    asio::awaitable<void> HandleParse(const wire::ParseMessage &message);
    //! The parse of `text`, remembered when the text is short (a pure function of the text: never stale).
    std::shared_ptr<const sql::ParsedQuery> ParseCached(const std::string &text);
    asio::awaitable<void> HandleBind(const wire::BindMessage &message);
    void HandleDescribe(const wire::DescribeMessage &message);
    asio::awaitable<void> HandleExecute(const wire::ExecuteMessage &message);
    //! Runs a Generic statement's portal: starts it on its first Execute, then sends up to the run's row limit.
    asio::awaitable<void> ExecutePortal(PortalRun &run);
    void HandleClose(const wire::CloseMessage &message);
    asio::awaitable<void> HandleSync();
    //! Debug builds: the caller is the session's I/O thread (no worker).
    static void AssertIoThread() { assert(!WorkerToken::OnWorkerThread()); }
    //! Runs `work` on a worker thread with the StatementWork the session lends it (see LentState), the session's
    //! coroutine suspended until it is done; returns what `work` returns. Lambdas given here capture by reference only:
    //! GCC 12 destroys a coroutine's by-value parameters, and the temporaries of a co_await expression, twice.
    template <class Work>
    auto OnWorker(Work &&work) -> asio::awaitable<std::invoke_result_t<Work &, StatementWork &>>;
    //! The results of suspended portals (DuckDB gives them up before the connection runs anything else).
    std::vector<ResultStream *> OpenStreams();
    //! Portals end with their transaction (and the unnamed one with the next Query).
    void ClosePortals();
    //! The session's SQL cursors as pg_cursors shows them (called from DuckDB during a query).
    std::vector<engine::CursorInfo> ListCursors() const;

    //! Starts a statement's execution on a worker (StatementWork::Start); false when it stopped for set_config().
    using StartFunction = std::function<bool(StatementWork &)>;
    //! Sends the rows of a started execution, up to `max_rows` (0: all), in budgets encoded on a worker; `start`,
    //! when given and set, runs on the first of those workers before any row (it starts the execution and may write
    //! the RowDescription). When it stops for set_config() the setting changes are made here, then it runs again.
    asio::awaitable<EncodeStatus> StreamRows(ResultStream &execution, uint64_t max_rows,
                                             const StartFunction *start = nullptr);
    //! Makes the setting changes a statement's rewrite asks for (set_config()), as SET would, on the I/O thread,
    //! and has DuckDB follow them; they are then gone from `effects`.
    asio::awaitable<void> ApplySettingChanges(sql::RewriteEffects &effects);
    //! Turns an unexpected exception from the statement path into the statement's error (XX000; 53200 for
    //! std::bad_alloc), logged with a stack trace and counted in duckgres_panics_total. The session goes on.
    SqlError ContainFault(const std::exception &fault);
    //! Test builds: SET duckgres.inject_fault names the fault the next statement raises (true: `name` was that).
    //! The server's build knows no such parameter. The only code compiled differently in the test build.
    bool SetTestHook(const std::string &name, const std::optional<std::string> &value);
    //! Test builds: raises the fault that SET duckgres.inject_fault asked for, if any, at a statement's start.
    asio::awaitable<void> RaiseInjectedFault();
    //! Interrupts the running statement, if any, for `reason` (thread-safe).
    void Interrupt(CancelReason reason);
    //! Throws the statement's 57014 error once it has been interrupted (checked between batches of rows).
    void ThrowIfCanceled() const;
    //! Arms the watch timer of the running statement: its deadline, and the next check of the client.
    void WatchStatement();
    //! Arms the idle timer (idle_session_timeout / idle_in_transaction_session_timeout) before a read.
    void WatchIdle();
    //! Ends the session with `error` when it is idle, waiting for a message (on its I/O thread).
    void CloseIdle(const SqlError &error);
    std::string CommandTag(const sql::ParsedStatement &statement, const ResultStream &execution, uint64_t rows) const;

    // Command loop.
    asio::awaitable<void> CommandLoop();
    //! Runs a frontend message's handler; when it fails, the one recovery of every message: the ErrorResponse, the
    //! transaction aborted (EndAfterError), and for extended-protocol messages (`extended`) every message up to Sync
    //! skipped. SqlError and a malformed message body are ERRORs; broken framing, a lost client and the session's
    //! own faults end the session (they pass through).
    asio::awaitable<void> Guarded(asio::awaitable<void> handler, bool extended);
    asio::awaitable<void> HandleQuery(std::span<const uint8_t> payload);
    asio::awaitable<void> RefuseFunctionCall();
    //! Runs one statement as a StatementExecution: of a simple Query, or an Execute's (`mode.portal`).
    asio::awaitable<void> RunStatement(const sql::ParsedStatement &statement, ExecutionMode mode);
    //! Hands the statement to what runs its kind.
    asio::awaitable<void> Dispatch(const sql::ParsedStatement &statement, PortalRun *portal);
    asio::awaitable<void> RunTransactionControl(const sql::ParsedStatement &statement,
                                                const sql::TransactionStatement &transaction);
    //! SAVEPOINT / RELEASE / ROLLBACK TO, as far as DuckDB allows (it has no savepoints): see Savepoint.
    asio::awaitable<void> RunSavepoint(const sql::ParsedStatement &statement, const sql::SavepointStatement &savepoint);
    //! The parts of SAVEPOINT, RELEASE and ROLLBACK TO (a savepoint by its index in tx_.Savepoints()), which DO blocks'
    //! EXCEPTION handlers use too. `after_error`: DuckDB's transaction may have failed though tx_ has not.
    void DefineSavepoint(const std::string &name);
    void ReleaseSavepoint(size_t index);
    asio::awaitable<void> RollBackToSavepoint(size_t index, bool after_error);
    //! DO: runs the block's PL/pgSQL (do_block.cpp); its statements run as nested StatementExecutions.
    asio::awaitable<void> RunDoBlock(const sql::ParsedStatement &statement, const sql::DoStatement &block);
    //! Notes that a statement may change data, which no ROLLBACK TO can undo afterwards.
    void NoteStatement(const sql::ParsedStatement &statement);
    //! A transaction block starts: its isolation level is `isolation`, else default_transaction_isolation.
    void BeginIsolation(const std::optional<std::string> &isolation);
    //! SET, RESET, and DISCARD ALL's RESET ALL.
    asio::awaitable<void> RunSet(const sql::ParsedStatement &statement);
    //! SET / RESET (nullopt) of one parameter, validated as PostgreSQL does (42704, 55P02, 22023).
    void ChangeSetting(const std::string &name, const std::optional<std::string> &value, bool is_local);
    //! CREATE / DROP SCHEMA and the like (checked before AfterSchemaChange, which costs a coroutine frame).
    static bool ChangesSchemas(const sql::ParsedStatement &statement);
    //! After CREATE / DROP SCHEMA: DuckDB's search path is made again from search_path (a schema it names
    //! may exist now, or no more).
    asio::awaitable<void> AfterSchemaChange();
    //! Throws 42501 for a read-only user asking for a read-write transaction (`parameter` names what it set).
    void RefuseReadWrite(const std::string &parameter) const;
    //! What the settings ask of DuckDB and the encoders.
    EngineSettings WantedEngineSettings() const;
    //! Makes the encoders and DuckDB follow the settings (TimeZone, search_path, extra_float_digits).
    asio::awaitable<void> ApplySettings();
    void RunShow(const sql::ShowStatement &show, bool describe = true);
    // SQL cursors (session_cursors.cpp).
    asio::awaitable<void> DeclareCursor(const sql::ParsedStatement &statement,
                                        const sql::DeclareCursorStatement &declare);
    asio::awaitable<void> FetchCursor(const sql::ParsedStatement &statement, const sql::FetchStatement &fetch);
    void CloseCursor(const sql::ParsedStatement &statement, const sql::CloseCursorStatement &close);
    // COPY (copy_from_stdin.cpp, copy_to_stdout.cpp).
    class CopyFromStdin;
    asio::awaitable<void> RunCopyFrom(const sql::CopyTarget &target);
    asio::awaitable<void> RunCopyTo(const sql::ParsedStatement &statement, const sql::CopyTarget &target);
    asio::awaitable<void> RunGeneric(const sql::ParsedStatement &statement);
    //! PostgreSQL's "... does not exist, skipping" / "... already exists, skipping" NOTICEs, if any.
    asio::awaitable<void> WriteSkippingNotices(const sql::ParsedStatement &statement);
    //! DEALLOCATE ALL / DISCARD ALL: forgets every prepared statement, Parse's and SQL PREPARE's.
    asio::awaitable<void> DeallocateAll();
    //! Runs SQL on DuckDB for the session's own bookkeeping (BEGIN, COMMIT, SET TimeZone).
    asio::awaitable<void> RunInternal(const char *sql);
    asio::awaitable<void> BeginImplicit();
    //! Whether a statement writes (and so takes the database's write lock): a statement PostgreSQL's grammar
    //! classifies as anything but a read, COPY FROM, EXECUTE of such a statement, or a locking SELECT (FOR UPDATE
    //! and the like stand in for row locks with the write lock).
    bool WritesData(const sql::ParsedStatement &statement) const;
    //! Whether a statement may change what DuckDB's transaction holds (a plain SELECT without INTO and without
    //! sequence functions does not; DuckDB's own syntax may): conservative.
    static bool MayChangeData(const sql::ParsedStatement &statement);
    //! Takes the database's write lock for the rest of the transaction (for an autocommit statement, to its end),
    //! waiting while another transaction holds it, for up to deadlock_timeout: then the transaction goes on without
    //! it, optimistically, as the holder may be waiting for this session through their client. Under READ COMMITTED a
    //! transaction that only read so far then starts DuckDB's transaction again, so the write sees what the lock's last
    //! holder committed, as a PostgreSQL statement takes a new snapshot. Nothing without serialize_writers. With
    //! `nowait_error` (NOWAIT), a lock another transaction holds fails the statement with 55P03 and that message.
    asio::awaitable<void> TakeWriteLock(const std::string *nowait_error = nullptr);
    //! A statement completed: a write of a transaction is kept for ROLLBACK TO SAVEPOINT's replay.
    void NoteReplayStep(const sql::ParsedStatement &statement, const ResultStream &execution,
                        std::shared_ptr<const std::vector<types::OwnedValue>> parameters);
    //! ROLLBACK TO SAVEPOINT after a write or an aborting error: runs the transaction again up to `savepoint`.
    asio::awaitable<void> ReplayTransaction(const Savepoint &savepoint);
    //! LOCK TABLE: the write lock for SHARE mode and above (they block writers, as it does), in a transaction only.
    asio::awaitable<void> LockTable(const sql::ParsedStatement &statement, const sql::LockTableStatement &lock);
    //! CREATE / DROP DATABASE, ALTER DATABASE ... RENAME TO (session_databases.cpp).
    asio::awaitable<void> RunDatabaseStatement(const sql::ParsedStatement &statement,
                                               const sql::DatabaseStatement &command);
    //! Whether the user's configuration lets it connect to `database` (no list: every database).
    bool MayUseDatabase(const std::string &database) const;
    //! The pids of the other sessions connected to `database`.
    std::vector<int32_t> SessionsUsing(const std::string &database);
    //! Gives the write lock back, once the transaction (or autocommit statement) that took it has ended.
    void ReleaseWriteLock();
    //! Waits for a turn of `gate`, shown in pg_stat_activity as `wait_event`; false, with no turn, once `give_up`
    //! (0: never) has passed. Throws 57014 when the statement is canceled (or times out) meanwhile, 55P03 once
    //! `timeout` (0: none) has passed.
    asio::awaitable<bool> WaitForGate(StatementGate &gate, const char *wait_event, std::chrono::milliseconds timeout,
                                      std::chrono::milliseconds give_up = std::chrono::milliseconds(0));
    //! default_transaction_read_only: transactions (and single statements) start read-only.
    bool DefaultReadOnly() const;
    asio::awaitable<void> EndTransaction(bool commit);
    //! A statement ran: the ON COMMIT actions its rewrite asks for are noted, and carried out at once outside a
    //! transaction (an autocommit statement has committed).
    asio::awaitable<void> NoteCommitActions(const sql::RewriteEffects &effects);
    //! At a commit: the ON COMMIT DROP tables go, the ON COMMIT DELETE ROWS tables are emptied.
    asio::awaitable<void> RunCommitActions();
    //! Ends the implicit transaction of a simple Query or an extended-protocol pipeline (at Sync) with
    //! a commit; a failure to commit is reported as an ErrorResponse. Nothing when there is none.
    asio::awaitable<void> CommitImplicit();
    //! After a failed statement: rolls back an implicit transaction, fails an explicit one.
    asio::awaitable<void> EndAfterError();

    // Replies.
    void WriteError(const SqlError &error);
    //! CommandComplete, the tag noted as the running statement's.
    void WriteComplete(const std::string &tag);
    void WriteNotice(const std::string &severity, const std::string &sqlstate, const std::string &message,
                     const std::string &detail = "");
    void WriteReady();
    void WriteReportedParameters();
    //! Publishes this session's pg_stat_activity row (state "active", "idle", "idle in transaction"...).
    //! `wait_event` names what an active statement waits for ("" while it runs).
    void ReportActivity(const char *state, const std::string &query, const char *wait_event = "");
    asio::awaitable<void> SendFatal(const SqlError &error);

    ServerContext &context_;
    MessageStream stream_;
    std::string peer_;
    StartupSlot startup_slot_; //!< held from accept until authentication ends
    //! Who the client is and what it may do: set by the startup exchange, then read-only (on the session's thread and
    //! its workers while a statement of the session runs).
    Login login_;
    std::string query_text_; //!< the Query being run, for error positions
    std::string last_query_; //!< the statement running or last run, for pg_stat_activity
    int64_t query_start_micros_ = 0;
    //! The DuckDB connection and its applied state: lent to workers (OnWorker), guarded by connection_mutex_ against
    //! Interrupt() while the session closes it.
    EngineState engine_;
    idx_t connection_id_ = 0;
    SessionSettings settings_;
    //! Parse trees of recent short query texts (simple Query and Parse): a repeated query skips parsing.
    LruCache<const sql::ParsedQuery> parse_cache_{64};
    //! Statements described at Parse, by query text and declared parameter types: a later Parse of the same text
    //! takes the entry without a trip to a worker while the catalog version is the same (drivers Parse the
    //! unnamed statement again for every query). Never changed once described; cleared when settings change.
    LruCache<PreparedEntry> described_cache_{64};
    TransactionState tx_;
    Phase phase_ = Phase::Startup;
    int32_t process_id_ = 0;
    int32_t secret_key_ = 0;
    std::atomic<bool> terminate_requested_{false};
    std::atomic<bool> running_statement_{false};
    std::atomic<CancelReason> cancel_reason_{CancelReason::None};
    std::shared_ptr<StatementGate> gate_;       //!< this database's admission control; null without a limit
    std::shared_ptr<StatementGate> write_lock_; //!< this database's write lock; null without serialize_writers
    bool holds_write_lock_ = false;
    //! A statement of the current transaction may have changed data (MayChangeData): it may not start again.
    bool data_changed_ = false;
    //! Temporary tables made ON COMMIT DROP in the current transaction (quoted names).
    std::vector<std::string> drop_at_commit_;
    //! Temporary tables made ON COMMIT DELETE ROWS: emptied at every commit while they exist.
    std::set<std::string> empty_at_commit_;
    bool optimistic_writes_ = false; //!< this transaction gave up waiting for the write lock: it writes without
    //! The next hand-off to a worker starts DuckDB's transaction again first (see TakeWriteLock).
    bool restart_snapshot_ = false;
    //! The write lock's Bypasses() when this transaction took it: a replay (ROLLBACK TO SAVEPOINT) needs them equal.
    uint64_t bypasses_at_lock_ = 0;
    StatementExecution *current_ = nullptr; //!< the statement running, if any
    uint64_t watch_round_ = 0;              //!< invalidates timer callbacks of earlier statements and idle periods
    std::chrono::steady_clock::time_point statement_deadline_;
    asio::steady_timer watch_timer_;
    asio::steady_timer idle_timer_;
    //! Guards engine_.connection against Interrupt() from other threads while the session closes it.
    std::mutex connection_mutex_;
    std::map<std::string, std::shared_ptr<PreparedEntry>> prepared_;
    //! Statements of SQL PREPARE (prepared on DuckDB's side), by name: their query's classification, for
    //! EXECUTE's command tag.
    std::map<std::string, sql::ParsedStatement> sql_prepared_;
    std::map<std::string, Portal> portals_;
    bool skip_until_sync_ = false;
    //! A message arrived where the protocol does not allow it (during COPY FROM STDIN): the session ends with FATAL
    //! 08P01 after the statement's error, as PostgreSQL's does.
    bool sync_lost_ = false;
    std::string injected_fault_; //!< test builds: the fault the next statement raises
    //! DO blocks running: their statements' results are read back from the output, which is not flushed meanwhile.
    int capture_depth_ = 0;
};

template <class Work>
auto Session::OnWorker(Work &&work) -> asio::awaitable<std::invoke_result_t<Work &, StatementWork &>> {
    AssertIoThread();
    const bool read_only = tx_.SetReadOnly() || !login_.access.rights.write;
    LentState lent{engine_,   stream_.Out(), OpenStreams(), login_,        process_id_,
                   settings_, !tx_.IsIdle(), read_only,     cancel_reason_};
    const bool restart_snapshot = std::exchange(restart_snapshot_, false);
    co_return co_await context_.workers.Run([&](const WorkerToken &token) {
        StatementWork statement_work(token, lent);
        if (restart_snapshot) {
            statement_work.RestartTransaction();
        }
        return work(statement_work);
    });
}

} // namespace duckgres::session
