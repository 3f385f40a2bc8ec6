// Session: one client connection, from startup to Terminate, as a protocol state machine.
#pragma once

#include "common/lru_cache.hpp"
#include "common/sql_error.hpp"
#include "engine/engine_connection.hpp"
#include "session/message_stream.hpp"
#include "session/result_encoder.hpp"
#include "session/server_context.hpp"
#include "session/session_settings.hpp"
#include "session/startup_limiter.hpp"
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
public:
    //! `startup_slot`: the connection's place among those not yet authenticated, given back once it is.
    Session(ServerContext &context, std::unique_ptr<ClientChannel> channel, StartupSlot startup_slot = {});
    ~Session() override;

    //! The whole life of the connection; never throws.
    asio::awaitable<void> Run();

    void CancelStatement() override;
    void Terminate(bool interrupt_running) override;

private:
    //! Why the running statement was interrupted; the first reason wins and names the error.
    enum class CancelReason : uint8_t { None, User, Timeout, ClientGone, Terminate };
    //! Transaction state as the session tracks it; Implicit lives only inside one
    //! multi-statement Query message.
    enum class TxState { Idle, Implicit, InBlock, Failed };
    enum class Phase { Startup, Idle, Busy, Closing };

    // Startup and authentication.
    asio::awaitable<bool> Startup();
    asio::awaitable<void> ApplyStartupParameters(const wire::StartupMessage &startup);
    //! Counts the session against the connection limits, waiting up to connection_queue_timeout for a slot;
    //! throws FATAL 53300 when over a limit.
    asio::awaitable<void> AdmitConnection();
    //! Runs the password exchange; a banned address's exchange fails whatever the password. Counts failures
    //! (28P01) against the client address, which may ban it.
    asio::awaitable<void> Authenticate();
    //! Counts a failed authentication (28P01) against the client's address, and bans it at the limit.
    void NoteAuthFailure(bool banned);
    //! The client's address without the port.
    std::string ClientAddress() const;
    //! The configuration of user `name`, or null (unknown, or no users configured).
    const config::UserConfig *ConfiguredUser(const std::string &name) const;
    //! The user's rights from its role (and the server's grants), and its right to the database it asked for:
    //! FATAL 42501 for one outside its `databases`, whether or not that database exists.
    void AuthorizeUser();
    asio::awaitable<void> OpenDatabase();
    void WriteStartupReport();

    //! One statement's run on DuckDB, from the start of execution to its last row.
    struct Execution {
        std::shared_ptr<engine::PreparedStatement> prepared;
        std::unique_ptr<engine::QueryResult> result;
        std::unique_ptr<ResultEncoder> encoder; //!< set when the result has rows to send
        uint64_t changed_rows = 0;
        uint64_t rows_this_run = 0;
        bool started = false;
        bool changed_rows_read = false; //!< changed_rows came from the result already
    };
    //! A statement made by Parse (extended protocol).
    struct PreparedEntry {
        sql::ParsedStatement statement;
        bool empty = false;                                  //!< the query string held no statement
        std::vector<uint32_t> parameter_types;               //!< as reported in ParameterDescription
        std::shared_ptr<engine::PreparedStatement> prepared; //!< DuckDB's, for statements run there
        std::vector<wire::FieldDescription> fields;          //!< result columns (text format); empty: NoData
        //! Per result column: DuckDB knew its type at Parse (otherwise `fields` says text).
        std::vector<bool> typed_columns;
        //! Undeclared parameters DuckDB could not type: Bind types them from their values.
        std::vector<int32_t> unresolved_parameters;
        //! The database's catalog version when DuckDB described it (see described_cache_).
        uint64_t catalog_version = 0;
    };
    //! A portal made by Bind: a prepared statement with parameters, run by Execute.
    struct Portal {
        std::shared_ptr<PreparedEntry> source;
        std::vector<types::OwnedValue> parameters;
        std::vector<int16_t> result_formats;
        Execution execution;
        bool finished = false;
        //! Set when Bind typed unresolved parameters from their values: this portal's own
        //! prepared statement, result columns and parameter types.
        std::shared_ptr<engine::PreparedStatement> prepared;
        std::vector<wire::FieldDescription> fields;
        std::vector<uint32_t> parameter_types;
        bool sql_cursor = false;  //!< made by DECLARE (FETCH/MOVE/CLOSE), not by Bind
        bool hold = false;        //!< WITH HOLD: outlives its transaction (its rows are read at DECLARE)
        std::string declare_text; //!< the DECLARE statement, for pg_cursors
        int64_t created_micros = 0;
    };

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
    void HandleClose(const wire::CloseMessage &message);
    asio::awaitable<void> HandleSync();
    //! Result columns of a prepared entry, for Describe (no execution).
    void DescribeEntry(PreparedEntry &entry);
    //! Reads every suspended portal's remaining rows into memory (blocking, worker thread).
    void MaterializeOpenPortals();
    //! Portals end with their transaction (and the unnamed one with the next Query).
    void ClosePortals();
    //! The session's SQL cursors as pg_cursors shows them (called from DuckDB during a query).
    std::vector<engine::CursorInfo> ListCursors() const;

    // Statements run on DuckDB (blocking parts run on a worker thread).
    //! `parameter_casts`: `$n` -> SQL type, for parameters DuckDB cannot type by itself.
    std::shared_ptr<engine::PreparedStatement>
    PrepareGeneric(const sql::ParsedStatement &statement, const std::map<int32_t, std::string> &parameter_casts = {});
    //! What the rewrite passes need to know about this session.
    sql::RewriteContext RewriteContextFor(const std::map<int32_t, std::string> &parameter_casts = {});
    //! Prepares a Parse's statement, typing the parameters DuckDB cannot infer from the types the
    //! client declared, or as text (PostgreSQL's choice for an unknown parameter). Blocking.
    void PrepareForParse(PreparedEntry &entry);
    //! Re-prepares a portal's statement with types guessed from its text parameter values
    //! (integer, decimal or text) for the parameters DuckDB could not type. Blocking.
    void TypeUnresolvedParameters(Portal &portal, const std::vector<std::optional<std::string>> &values,
                                  const std::vector<int16_t> &formats);
    void StartExecution(Execution &execution, const sql::ParsedStatement &statement,
                        const std::vector<types::OwnedValue> &parameters, const std::vector<int16_t> &result_formats);
    //! Executes the prepared statement; an autocommit write that hits a write-write conflict is
    //! retried (blocking: worker thread).
    void ExecuteRetryingConflicts(Execution &execution, const sql::ParsedStatement &statement);
    //! Sends the rows of a started execution, up to `max_rows` (0: all), in budgets encoded on a
    //! worker; `start`, when given and set, runs on the first of those workers before any row (it starts
    //! the execution and may write the RowDescription).
    asio::awaitable<EncodeStatus> StreamRows(Execution &execution, uint64_t max_rows,
                                             const std::function<void()> *start = nullptr);
    //! Marks a statement as running for its lifetime (on the session's I/O thread; may nest): CancelRequest
    //! interrupts it, statement_timeout limits it, and it stops when its client goes away.
    class RunningStatement {
    public:
        explicit RunningStatement(Session &session);
        ~RunningStatement();
        RunningStatement(const RunningStatement &) = delete;
        RunningStatement &operator=(const RunningStatement &) = delete;

    private:
        Session &session_;
    };
    //! Turns an unexpected exception from the statement path into the statement's error (XX000; 53200 for
    //! std::bad_alloc), logged with a stack trace and counted in duckgres_panics_total. The session goes on.
    SqlError ContainFault(const std::exception &fault);
    //! Test builds: raises the fault that SET duckgres.inject_fault asked for, if any, at a statement's start.
    asio::awaitable<void> RaiseInjectedFault();
    //! Waits for the running statement's turn on its database (max_concurrent_statements), shown in
    //! pg_stat_activity as waiting; the turn ends with the outermost RunningStatement. Throws 57014 when the
    //! statement is canceled (or times out) while it waits.
    asio::awaitable<void> WaitForTurn();
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
    std::string CommandTag(const sql::ParsedStatement &statement, const Execution &execution, uint64_t rows) const;

    // Command loop.
    asio::awaitable<void> CommandLoop();
    asio::awaitable<void> HandleQuery(const wire::Query &query);
    asio::awaitable<void> RunStatement(const sql::ParsedStatement &statement);
    asio::awaitable<void> RunTransactionControl(const sql::ParsedStatement &statement);
    //! SAVEPOINT / RELEASE / ROLLBACK TO, as far as DuckDB allows (it has no savepoints): see Savepoint.
    asio::awaitable<void> RunSavepoint(const sql::ParsedStatement &statement);
    //! Notes that a statement may change data, which no ROLLBACK TO can undo afterwards.
    void NoteStatement(const sql::ParsedStatement &statement);
    //! A transaction block starts: its isolation level is `isolation`, else default_transaction_isolation.
    void BeginIsolation(const std::optional<std::string> &isolation);
    asio::awaitable<void> RunSet(const sql::ParsedStatement &statement);
    //! SET / RESET (nullopt) of one parameter, validated as PostgreSQL does (42704, 55P02, 22023).
    void ChangeSetting(const std::string &name, const std::optional<std::string> &value, bool is_local);
    //! After CREATE / DROP SCHEMA: DuckDB's search path is made again from search_path (a schema it names
    //! may exist now, or no more).
    asio::awaitable<void> AfterSchemaChange(const sql::ParsedStatement &statement);
    //! Throws 42501 for a read-only user asking for a read-write transaction (`parameter` names what it set).
    void RefuseReadWrite(const std::string &parameter) const;
    //! Makes the encoders and DuckDB follow the settings (TimeZone, extra_float_digits). Blocking: worker.
    void ApplySettings();
    void RunShow(const sql::ParsedStatement &statement, bool describe = true);
    asio::awaitable<void> RunCursorCommand(const sql::ParsedStatement &statement);
    // COPY (session_copy.cpp).
    asio::awaitable<void> RunCopyFrom(const sql::ParsedStatement &statement);
    asio::awaitable<void> RunCopyTo(const sql::ParsedStatement &statement);
    //! How a batch of COPY FROM STDIN data ended.
    enum class CopyInput { More, Done, Failed };
    //! Reads CopyData into `batch` until it holds a batch's worth, or CopyDone / CopyFail arrive.
    asio::awaitable<CopyInput> ReadCopyBatch(std::string &batch, std::optional<SqlError> &failure);
    asio::awaitable<void> RunGeneric(const sql::ParsedStatement &statement);
    //! For DROP TABLE: the sequences of its serial columns (PostgreSQL drops them with the table).
    //! Blocking: worker thread.
    std::vector<std::string> SerialSequencesOf(const sql::ParsedStatement &statement);
    //! Whether the object of an IF [NOT] EXISTS statement exists now. Blocking: worker thread.
    bool Exists(const sql::ExistenceCheck &check);
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
    void WriteError(const SqlError &error, int statement_location = -1);
    void WriteNotice(const std::string &severity, const std::string &sqlstate, const std::string &message,
                     const std::string &detail = "");
    //! What DROP SCHEMA ... CASCADE takes with `schema`, as PostgreSQL names it ("table s.t"), in creation order.
    std::vector<std::string> ObjectsInSchema(const std::string &schema);
    void WriteReady();
    void WriteReportedParameters();
    //! Publishes this session's pg_stat_activity row (state "active", "idle", "idle in transaction"...).
    void ReportActivity(const char *state, const std::string &query);
    asio::awaitable<void> SendFatal(const SqlError &error);

    ServerContext &context_;
    MessageStream stream_;
    //! What this session's user may do, set once at login (AuthorizeUser) and read on the session's thread and its
    //! workers while a statement of the session runs.
    sql::AccessContext access_;
    std::string peer_;
    StartupSlot startup_slot_;    //!< held from accept until authentication ends
    bool refused_by_ban_ = false; //!< authentication was refused because the address is banned
    std::string user_;
    std::string database_name_;
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
    TxState tx_ = TxState::Idle;
    Phase phase_ = Phase::Startup;
    std::optional<ConnectionRequest> admitted_; //!< set while the session holds a connection slot
    int32_t process_id_ = 0;
    int32_t secret_key_ = 0;
    std::atomic<bool> terminate_requested_{false};
    std::atomic<bool> running_statement_{false};
    std::atomic<CancelReason> cancel_reason_{CancelReason::None};
    int running_depth_ = 0;               //!< nested RunningStatement guards
    std::shared_ptr<StatementGate> gate_; //!< this database's admission control; null without a limit
    bool holds_turn_ = false;             //!< the running statement holds a turn of gate_
    uint64_t watch_round_ = 0;            //!< invalidates timer callbacks of earlier statements and idle periods
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
    //! A SAVEPOINT of the open transaction block. DuckDB cannot roll back part of a transaction, so
    //! ROLLBACK TO works when nothing since the savepoint changed data and DuckDB's transaction is still
    //! usable (errors at bind time, or Duckgres' own, leave it so): then it restores the session's
    //! parameters and leaves the aborted state. Otherwise it fails with 0A000 and the block stays aborted.
    struct Savepoint {
        std::string name;
        SessionSettings settings; //!< as at the SAVEPOINT
        bool changed_since = false;
    };
    std::vector<Savepoint> savepoints_;
    //! Failed block whose DuckDB transaction is still open (kept for ROLLBACK TO; rolled back at the end).
    bool failed_transaction_open_ = false;
    //! SET TRANSACTION READ ONLY inside a block (DuckDB's transaction began read-write): writes are refused.
    bool transaction_read_only_ = false;
    //! The transaction (block or implicit) began READ ONLY: DuckDB refuses its writes, and COPY FROM is refused
    //! before it starts.
    bool block_read_only_ = false;
    //! A query ran in the current transaction (SET TRANSACTION ISOLATION LEVEL is then too late: 25001).
    bool transaction_queried_ = false;
    bool skip_until_sync_ = false;
    std::string injected_fault_;             //!< test builds: the fault the next statement raises
    bool executing_portal_ = false;          //!< inside an extended-protocol Execute (no RowDescription)
    std::vector<int16_t> executing_formats_; //!< that portal's result formats (for FETCH)
};

} // namespace duckgres::session
