// StatementWork: everything a worker thread may touch while it runs a session's blocking part.
#pragma once

#include "session/engine_state.hpp"
#include "session/portal.hpp"
#include "session/session_settings.hpp"
#include "session/startup_exchange.hpp"
#include "session/statement_execution.hpp"
#include "session/transaction_state.hpp"
#include "session/worker_token.hpp"
#include "sql/existence_checks.hpp"
#include "sql/parsed_statement.hpp"
#include "sql/rewriter.hpp"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pg_query {
class AlterTableCmd;
} // namespace pg_query

namespace duckgres::session {

//! What the session lends a worker for one hand-off, made on the I/O thread (Session::OnWorker) while the session's
//! coroutine is suspended: the worker's exclusive use of the engine state and of the output buffer, and read-only
//! views of the session's login and settings. Nothing else of the session is reachable from it.
struct LentState {
    EngineState &engine;
    std::string &out;
    //! Results of suspended portals, which DuckDB must give up before the connection runs anything else.
    std::vector<ResultStream *> open_streams;
    const Login &login;
    int32_t backend_pid;
    const SessionSettings &settings;
    bool in_transaction;
    //! The transaction may not write (SET TRANSACTION READ ONLY, or a read-only user).
    bool read_only;
    const std::atomic<CancelReason> &cancel_reason;
};

//! The blocking half of a session, on a worker thread: rewrites and prepares statements, starts their execution,
//! looks up the catalog and applies settings to DuckDB, through the lent state only. Made by Session::OnWorker for
//! one hand-off and given to its work, with the objects of the statement it works on (a ResultStream, a Portal, a
//! PreparedEntry, a COPY's buffers); it outlives neither.
class StatementWork {
public:
    StatementWork(const WorkerToken &token, LentState &lent) : token_(token), lent_(lent) {}
    StatementWork(const StatementWork &) = delete;
    StatementWork &operator=(const StatementWork &) = delete;

    engine::EngineConnection &Engine() { return *lent_.engine.connection; }
    const types::TextFormatOptions &TextOptions() const { return lent_.engine.text_options; }
    //! The output buffer: what is written here goes to the client after the hand-off, in order.
    std::string &Out() { return lent_.out; }
    void Notice(const std::string &severity, const std::string &sqlstate, const std::string &message,
                const std::string &detail = "");
    //! Whether the statement was interrupted (canceled, timed out, its client gone).
    bool Interrupted() const { return lent_.cancel_reason != CancelReason::None; }
    //! DuckDB streams one result per connection: suspended portals' rows are read into memory first.
    void MaterializeOpenStreams();

    //! Ends DuckDB's transaction (which has written nothing) and begins another: later statements see what was
    //! committed meanwhile.
    void RestartTransaction();
    //! Opens the session's connection to `database`.
    void Connect(std::shared_ptr<engine::Database> database);
    //! Makes DuckDB and the encoders follow `settings` (time zone, search path, extra_float_digits).
    void ApplySettings(const EngineSettings &settings);
    //! What the rewrite passes need to know about this session. `parameter_casts`: `$n` -> SQL type.
    sql::RewriteContext RewriteContextFor(const std::map<int32_t, std::string> &parameter_casts = {});
    //! Rewrites and prepares a statement to run on DuckDB; `effects` receives what its rewrite asks of the session.
    std::shared_ptr<engine::PreparedStatement> Prepare(const sql::ParsedStatement &statement,
                                                       sql::RewriteEffects &effects,
                                                       const std::map<int32_t, std::string> &parameter_casts = {});
    //! Prepares a Parse's statement, typing the parameters DuckDB cannot infer from the types the client declared,
    //! or as text (PostgreSQL's choice for an unknown parameter).
    void PrepareForParse(PreparedEntry &entry);
    //! Re-prepares a portal's statement with types guessed from its text parameter values (integer, decimal or
    //! text) for the parameters DuckDB could not type.
    void TypeUnresolvedParameters(Portal &portal, const std::vector<std::optional<std::string>> &values,
                                  const std::vector<int16_t> &formats);
    //! Parameter types and result columns of a prepared entry, for Describe.
    static void Describe(PreparedEntry &entry);
    //! The types of parameters the statement casts explicitly ($1::oid[] -> 1028), by number.
    static std::map<int32_t, uint32_t> CastParameterTypes(const sql::ParsedStatement &statement);
    //! True when the result has the columns the statement's RowDescription announced: their number, and the type of
    //! each column whose type DuckDB knew at Parse.
    static bool MatchesDescription(const PreparedEntry &entry, engine::QueryResult &result);

    //! Starts a statement's execution (prepared first if it is not); its rows are then read through
    //! `execution.encoder`. Returns false, with nothing run, when its rewrite asks for setting changes first
    //! (set_config()): the session makes them on its thread and calls again.
    bool Start(ResultStream &execution, const sql::ParsedStatement &statement,
               const std::vector<types::OwnedValue> *parameters, const std::vector<int16_t> &result_formats);
    //! ROLLBACK TO SAVEPOINT: rolls DuckDB's transaction back, begins another (READ ONLY when `read_only`) and runs
    //! `steps` (the writes before the savepoint) again. Throws SqlError 0A000, before anything is rolled back, when
    //! one of them cannot run again with the same effect; any error of the replay itself leaves it aborted.
    void ReplayTransaction(const std::vector<ReplayStep> &steps, bool read_only);
    //! Makes a sequence again as `change` (setval(), ALTER SEQUENCE) asks. Throws SqlError: 42P01 for a sequence not
    //! found, PostgreSQL's errors for bounds (sql::ChangedSequence).
    void ChangeSequence(const sql::SequenceChange &change);
    //! The setval() calls and sequence changes a statement's rewrite asks for, made before it runs.
    void ApplySequenceEffects(const sql::RewriteEffects &effects);
    //! TRUNCATE ... RESTART IDENTITY: the serial sequences of its tables start again.
    void RestartIdentities(const sql::ParsedStatement &statement);
    //! A statement run in parts (TRUNCATE a, b; DROP TABLE a, b): what the foreign keys Duckgres enforces need
    //! around it (sql/foreign_key_actions.hpp), its refusals thrown and notices sent now.
    sql::RewriteEffects ForeignKeyEffects(const sql::ParsedStatement &statement);
    //! After a COPY into `schema`.`table`: its rows have the referenced rows of the foreign keys Duckgres enforces
    //! (23503 otherwise).
    void CheckForeignKeysOf(const std::string &schema, const std::string &table);
    //! A statement prepared before the catalog changed (Parse, then DDL, then Execute): the steps of the foreign keys
    //! Duckgres enforces, worked out again from the catalog as it is now.
    void RefreshForeignKeyEffects(const sql::ParsedStatement &statement, sql::RewriteEffects &effects);
    //! After those parts: the steps after them of ForeignKeyEffects.
    void RunForeignKeyFollowUps(const sql::RewriteEffects &effects);
    //! Remembers where a statement that ran drew values from (an INSERT, nextval('name')), for lastval().
    void NoteNextvalSource(const sql::ParsedStatement &statement);
    //! The sequence this session's nextval() drew from last, as lastval() reads it; empty when none.
    std::string LastSequence();
    //! Whether the object of an IF [NOT] EXISTS statement exists now (unknown counts as existing).
    bool Exists(const sql::ExistenceCheck &check);
    //! A view that DROP TABLE / DROP VIEW would leave without its relation (DuckDB does not track them).
    struct DependentView {
        std::string qualified; //!< schema.view, quoted, for DROP VIEW
        std::string name;      //!< as PostgreSQL's messages name it ("view v")
        std::string depends;   //!< the relation it reads that goes ("table t")
    };
    //! The views that read the relations `drop` drops, and the views that read those, in that order.
    std::vector<DependentView> DependentViews(const pg_query::DropStmt &drop);
    //! Makes an ALTER TABLE's constraint change (sql::ConstraintChange), in the transaction open: the table made
    //! again with the constraint added or without the one dropped; RENAME CONSTRAINT changes the kept names. Throws
    //! SqlError: 42P01 (no such table), 42704 (DROP of an unknown name; with IF EXISTS a notice instead), 42710 (ADD of
    //! a name the table has), and PostgreSQL's errors for rows the added constraint refuses (23505, 23514, 23503,
    //! 23502).
    //! ALTER TABLE ... ADD a foreign key with actions (checked against the rows, kept in the table's comment) or DROP
    //! CONSTRAINT of one: done, true; false for any other constraint change.
    bool ChangeManagedForeignKey(const pg_query::AlterTableCmd &cmd, const std::string &schema,
                                 const std::string &table, const std::string &quoted_table,
                                 const std::string &comment_text, bool temporary, const sql::RewriteContext &context);
    void ChangeConstraints(const sql::ParsedStatement &statement);
    //! What DROP SCHEMA ... CASCADE takes with `schema`, as PostgreSQL names it ("table s.t"), in creation order.
    std::vector<std::string> ObjectsInSchema(const std::string &schema);

private:
    //! Runs the data-modifying statements of a statement's WITH, in order, each one's RETURNING rows appended to its
    //! table (made again, empty, first).
    void RunCaptures(const std::vector<sql::CapturedRows> &captures, const std::vector<types::OwnedValue> *parameters);
    //! Executes the prepared statement; an autocommit write that hits a write-write conflict is retried.
    void ExecuteRetryingConflicts(ResultStream &execution, const sql::ParsedStatement &statement);
    //! For DROP TABLE: the sequences of its serial columns (PostgreSQL drops them with the table).
    std::vector<std::string> SerialSequencesOf(const sql::ParsedStatement &statement);

    [[maybe_unused]] const WorkerToken &token_;
    LentState &lent_;
    bool materialized_ = false;
};

} // namespace duckgres::session
