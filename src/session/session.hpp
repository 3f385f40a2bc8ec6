// Session: one client connection, from startup to Terminate, as a protocol state machine.
//
// Threads and who owns what
// -------------------------
// - The session's I/O thread (the event loop its channel's executor runs on) owns the Session: the command loop,
//   every frontend message handler, the transaction state, settings, prepared statements, portals, the output
//   buffer and the StatementExecution of the running statement. Nothing else touches them while the loop runs.
// - Worker threads (WorkerPool) run the blocking parts: every call into DuckDB. The I/O coroutine hands work to a
//   worker with `co_await context_.workers.Run(...)` and is suspended until the work is done, so ownership of what
//   the work touches (the DuckDB connection, the portals' results, the output buffer rows are encoded into) passes
//   to the worker and back, never shared. Blocking methods take a `const WorkerToken &` that only WorkerPool::Run
//   can make; the DuckDB connection is reached only through Engine(token).
// - Other threads (another session's pg_cancel_backend, a CancelRequest's session, server shutdown) reach a session
//   only through BackendHandle: CancelStatement() and Terminate(), which touch the atomics marked below and
//   connection_mutex_, and post everything else to the session's I/O thread.
// - DuckDB's own threads run inside DuckDB's calls, on a worker's behalf; they call back into the session only
//   through the SessionDirectory callbacks (pg_cursors, pg_settings), which read while the worker waits.

#include "common/lru_cache.hpp"
#include "common/sql_error.hpp"
#include "engine/engine_connection.hpp"
#include "session/message_stream.hpp"
#include "session/portal.hpp"
#include "session/result_encoder.hpp"
#include "session/server_context.hpp"
#include "session/session_settings.hpp"
#include "session/startup_exchange.hpp"
#include "session/startup_limiter.hpp"
#include "session/statement_execution.hpp"
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
#include <string>
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

    asio::awaitable<void> OpenDatabase();
    void WriteStartupReport();

    // Extended query protocol (session_extended.cpp).
    //! True when the result has the columns the statement's RowDescription announced: their number,
    //! and the type of each column whose type DuckDB knew at Parse.
    static bool MatchesDescription(const PreparedEntry &entry, engine::QueryResult &result);
    //! The types of parameters the statement casts explicitly ($1::oid[] -> 1028), by number.
    static std::map<int32_t, uint32_t> CastParameterTypes(const sql::ParsedStatement &statement);
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
    //! Result columns of a prepared entry, for Describe (no execution).
    void DescribeEntry(PreparedEntry &entry);
    //! Reads every suspended portal's remaining rows into memory (blocking, worker thread).
    void MaterializeOpenPortals(const WorkerToken &token);
    //! Debug builds: the caller is the session's I/O thread (no worker).
    static void AssertIoThread() { assert(!WorkerToken::OnWorkerThread()); }
    //! The session's DuckDB connection, for blocking calls (on a worker).
    engine::EngineConnection &Engine(const WorkerToken &) { return *connection_; }
    //! Portals end with their transaction (and the unnamed one with the next Query).
    void ClosePortals();
    //! The session's SQL cursors as pg_cursors shows them (called from DuckDB during a query).
    std::vector<engine::CursorInfo> ListCursors() const;

    // Statements run on DuckDB (blocking parts run on a worker thread).
    //! `parameter_casts`: `$n` -> SQL type, for parameters DuckDB cannot type by itself.
    std::shared_ptr<engine::PreparedStatement>
    PrepareGeneric(const WorkerToken &token, const sql::ParsedStatement &statement, sql::RewriteEffects &effects,
                   const std::map<int32_t, std::string> &parameter_casts = {});
    //! Applies what a statement's rewrite asks of the session, once, as the statement runs: its set_config() changes
    //! (as SET would make them) and its notices. Blocking: worker thread.
    void ApplyEffects(const WorkerToken &token, const sql::RewriteEffects &effects);
    //! What the rewrite passes need to know about this session.
    sql::RewriteContext RewriteContextFor(const WorkerToken &token,
                                          const std::map<int32_t, std::string> &parameter_casts = {});
    //! Prepares a Parse's statement, typing the parameters DuckDB cannot infer from the types the
    //! client declared, or as text (PostgreSQL's choice for an unknown parameter). Blocking.
    void PrepareForParse(const WorkerToken &token, PreparedEntry &entry);
    //! Re-prepares a portal's statement with types guessed from its text parameter values
    //! (integer, decimal or text) for the parameters DuckDB could not type. Blocking.
    void TypeUnresolvedParameters(const WorkerToken &token, Portal &portal,
                                  const std::vector<std::optional<std::string>> &values,
                                  const std::vector<int16_t> &formats);
    void StartExecution(const WorkerToken &token, ResultStream &execution, const sql::ParsedStatement &statement,
                        const std::vector<types::OwnedValue> &parameters, const std::vector<int16_t> &result_formats);
    //! Executes the prepared statement; an autocommit write that hits a write-write conflict is
    //! retried (blocking: worker thread).
    void ExecuteRetryingConflicts(const WorkerToken &token, ResultStream &execution,
                                  const sql::ParsedStatement &statement);
    //! Sends the rows of a started execution, up to `max_rows` (0: all), in budgets encoded on a
    //! worker; `start`, when given and set, runs on the first of those workers before any row (it starts
    //! the execution and may write the RowDescription).
    asio::awaitable<EncodeStatus> StreamRows(ResultStream &execution, uint64_t max_rows,
                                             const std::function<void(const WorkerToken &)> *start = nullptr);
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
    //! Notes that a statement may change data, which no ROLLBACK TO can undo afterwards.
    void NoteStatement(const sql::ParsedStatement &statement);
    //! A transaction block starts: its isolation level is `isolation`, else default_transaction_isolation.
    void BeginIsolation(const std::optional<std::string> &isolation);
    //! SET, RESET, and DISCARD ALL's RESET ALL.
    asio::awaitable<void> RunSet(const sql::ParsedStatement &statement);
    //! SET / RESET (nullopt) of one parameter, validated as PostgreSQL does (42704, 55P02, 22023).
    void ChangeSetting(const std::string &name, const std::optional<std::string> &value, bool is_local);
    //! After CREATE / DROP SCHEMA: DuckDB's search path is made again from search_path (a schema it names
    //! may exist now, or no more).
    asio::awaitable<void> AfterSchemaChange(const sql::ParsedStatement &statement);
    //! Throws 42501 for a read-only user asking for a read-write transaction (`parameter` names what it set).
    void RefuseReadWrite(const std::string &parameter) const;
    //! Makes the encoders and DuckDB follow the settings (TimeZone, extra_float_digits). Blocking: worker.
    void ApplySettings(const WorkerToken &token);
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
    //! For DROP TABLE: the sequences of its serial columns (PostgreSQL drops them with the table).
    //! Blocking: worker thread.
    std::vector<std::string> SerialSequencesOf(const WorkerToken &token, const sql::ParsedStatement &statement);
    //! Whether the object of an IF [NOT] EXISTS statement exists now. Blocking: worker thread.
    bool Exists(const WorkerToken &token, const sql::ExistenceCheck &check);
    //! PostgreSQL's "... does not exist, skipping" / "... already exists, skipping" NOTICEs, if any.
    asio::awaitable<void> WriteSkippingNotices(const sql::ParsedStatement &statement);
    //! DEALLOCATE ALL / DISCARD ALL: forgets every prepared statement, Parse's and SQL PREPARE's.
    asio::awaitable<void> DeallocateAll();
    //! Runs SQL on DuckDB for the session's own bookkeeping (BEGIN, COMMIT, SET TimeZone).
    asio::awaitable<void> RunInternal(const char *sql);
    asio::awaitable<void> BeginImplicit();
    //! default_transaction_read_only: transactions (and single statements) start read-only.
    bool DefaultReadOnly() const;
    asio::awaitable<void> EndTransaction(bool commit);
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
    //! What DROP SCHEMA ... CASCADE takes with `schema`, as PostgreSQL names it ("table s.t"), in creation order.
    std::vector<std::string> ObjectsInSchema(const WorkerToken &token, const std::string &schema);
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
    std::unique_ptr<engine::EngineConnection> connection_;
    idx_t connection_id_ = 0;
    SessionSettings settings_;
    std::shared_ptr<const types::TimeZone> time_zone_;
    //! The search_path value last given to DuckDB (empty: apply again, e.g. after CREATE SCHEMA).
    std::string applied_search_path_ = "\"$user\", public";
    //! Parse trees of recent short query texts (simple Query and Parse): a repeated query skips parsing.
    LruCache<const sql::ParsedQuery> parse_cache_{64};
    //! Statements described at Parse, by query text and declared parameter types: a later Parse of the same text
    //! takes the entry without a trip to a worker while the catalog version is the same (drivers Parse the
    //! unnamed statement again for every query). Never changed once described; cleared when settings change.
    LruCache<PreparedEntry> described_cache_{64};
    std::string creation_schema_ = "public"; //!< the first existing schema of the applied search path
    types::TextFormatOptions text_options_;
    TransactionState tx_;
    Phase phase_ = Phase::Startup;
    int32_t process_id_ = 0;
    int32_t secret_key_ = 0;
    std::atomic<bool> terminate_requested_{false};
    std::atomic<bool> running_statement_{false};
    std::atomic<CancelReason> cancel_reason_{CancelReason::None};
    std::shared_ptr<StatementGate> gate_;   //!< this database's admission control; null without a limit
    StatementExecution *current_ = nullptr; //!< the statement running, if any
    uint64_t watch_round_ = 0;              //!< invalidates timer callbacks of earlier statements and idle periods
    std::chrono::steady_clock::time_point statement_deadline_;
    asio::steady_timer watch_timer_;
    asio::steady_timer idle_timer_;
    //! Guards connection_ against Interrupt() from other threads while the session closes it.
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
};

} // namespace duckgres::session
