// Transactions of Session: implicit ones, blocks, savepoints, and the recovery after an error.
#include "session/session.hpp"

#include "common/ascii.hpp"
#include "sql/access_check.hpp"
#include "sql/data_modifying_with.hpp"
#include "sql/existence_checks.hpp"
#include "sql/replay_safety.hpp"

#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>

#include <algorithm>

namespace duckgres::session {

namespace {

//! How often a statement waiting for a gate (a write lock, a max_concurrent_statements turn) looks whether it was
//! canceled or timed out.
constexpr std::chrono::milliseconds kGatePoll{20};

} // namespace

bool IsTransactionExit(const sql::ParsedStatement &statement) {
    using Action = sql::TransactionStatement::Action;
    if (auto *transaction = statement.As<sql::TransactionStatement>()) {
        return transaction->action != Action::Begin;
    }
    auto *savepoint = statement.As<sql::SavepointStatement>();
    return savepoint && savepoint->action == sql::SavepointStatement::Action::RollbackTo;
}

SqlError AbortedTransaction() {
    return SqlError("25P02", "current transaction is aborted, commands ignored until end of transaction block");
}

asio::awaitable<void> Session::RunInternal(const char *sql) {
    co_await OnWorker([sql](StatementWork &work) {
        work.MaterializeOpenStreams();
        work.Engine().Run(sql);
    });
}

asio::awaitable<void> Session::CommitImplicit() {
    if (tx_.Status() != TransactionStatus::Implicit) {
        co_return;
    }
    std::optional<SqlError> failure;
    try {
        co_await EndTransaction(true);
    } catch (const SqlError &e) {
        failure = e;
    }
    if (failure) {
        WriteError(*failure); // e.g. a commit-time conflict
    }
}

asio::awaitable<void> Session::BeginImplicit() {
    AssertIoThread();
    bool read_only = DefaultReadOnly();
    co_await RunInternal(read_only ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
    settings_.BeginTransaction();
    tx_.Begin(TransactionStatus::Implicit, read_only);
}

asio::awaitable<void> Session::EndTransaction(bool commit) {
    auto ended = tx_.Finish();
    ClosePortals();
    if (ended.status == TransactionStatus::Failed) {
        drop_at_commit_.clear(); // the rollback takes the tables with it
        // DuckDB's transaction was rolled back when the error happened, unless kept for ROLLBACK TO.
        if (ended.engine_open) {
            try {
                co_await RunInternal("ROLLBACK");
            } catch (const SqlError &) {
            }
        }
        ReleaseWriteLock();
        settings_.EndTransaction(false);
        co_return;
    }
    std::optional<SqlError> failure;
    if (commit) {
        try {
            co_await RunCommitActions();
        } catch (const SqlError &e) {
            failure = e; // the transaction rolls back, and the write lock is given back all the same
        }
    }
    drop_at_commit_.clear(); // a rollback takes the tables with it
    try {
        co_await RunInternal(commit && !failure ? "COMMIT" : "ROLLBACK");
    } catch (const SqlError &e) {
        if (!failure) {
            failure = e;
        }
    }
    ReleaseWriteLock(); // after the commit: the next writer sees it
    settings_.EndTransaction(commit && !failure);
    if (failure) {
        throw *failure;
    }
}

asio::awaitable<void> Session::NoteCommitActions(const sql::RewriteEffects &effects) {
    for (const auto &action : effects.commit_actions) {
        if (action.drop) {
            drop_at_commit_.push_back(action.table);
        } else {
            empty_at_commit_.insert(action.table);
        }
    }
    if (tx_.IsIdle() && (!drop_at_commit_.empty() || !empty_at_commit_.empty())) {
        co_await RunCommitActions();
    }
}

asio::awaitable<void> Session::RunCommitActions() {
    for (const auto &table : drop_at_commit_) {
        const std::string sql = "DROP TABLE IF EXISTS " + table;
        co_await RunInternal(sql.c_str());
    }
    drop_at_commit_.clear();
    for (auto table = empty_at_commit_.begin(); table != empty_at_commit_.end();) {
        const std::string sql = "DELETE FROM " + *table;
        bool gone = false;
        try {
            co_await RunInternal(sql.c_str());
        } catch (const SqlError &) {
            gone = true; // dropped since
        }
        table = gone ? empty_at_commit_.erase(table) : std::next(table);
    }
}

asio::awaitable<void> Session::EndAfterError() {
    auto failure = tx_.Fail();
    if (failure.roll_back_engine) {
        try {
            co_await RunInternal("ROLLBACK");
        } catch (const SqlError &) {
            // DuckDB may have ended the transaction itself already.
        }
    }
    if (failure.ended) {
        ReleaseWriteLock();
        settings_.EndTransaction(false);
        ClosePortals();
    }
}

bool Session::WritesData(const sql::ParsedStatement &statement) const {
    // In a read-only transaction a write fails anyway (DuckDB's, or Duckgres' for SET TRANSACTION READ ONLY).
    const bool read_only = tx_.IsIdle() ? DefaultReadOnly() : tx_.BeganReadOnly() || tx_.SetReadOnly();
    auto *generic = statement.As<sql::GenericStatement>();
    const bool locks_rows = generic && generic->row_lock != sql::RowLock::None;
    return write_lock_ && !read_only && (locks_rows || MayChangeData(statement));
}

bool Session::MayChangeData(const sql::ParsedStatement &statement) {
    if (!statement.tree) {
        return statement.Is<sql::GenericStatement>(); // DuckDB's own syntax: unknown
    }
    if (statement.Is<sql::CopyFromStatement>() || statement.Is<sql::ExecuteStatement>() ||
        statement.Is<sql::MultiObjectStatement>()) {
        return true;
    }
    if (!statement.Is<sql::GenericStatement>()) {
        return false; // transaction control, settings, cursors' bookkeeping, COPY TO
    }
    // A plain SELECT reads, unless it makes a table (SELECT INTO), writes in its WITH or moves a sequence.
    if (!statement.tree->has_select_stmt() || statement.tree->select_stmt().has_into_clause() ||
        sql::HasDataModifyingWith(*statement.tree)) {
        return true;
    }
    return ContainsIgnoreAsciiCase(statement.text, "nextval") || ContainsIgnoreAsciiCase(statement.text, "setval");
}

asio::awaitable<void> Session::TakeWriteLock(const std::string *nowait_error) {
    if (!write_lock_ || holds_write_lock_ || optimistic_writes_) {
        co_return;
    }
    if (nowait_error && !write_lock_->TryEnterNow()) {
        throw SqlError("55P03", *nowait_error);
    }
    const bool granted =
        nowait_error || co_await WaitForGate(*write_lock_, "transactionid",
                                             std::chrono::milliseconds(settings_.Milliseconds("lock_timeout")),
                                             std::chrono::milliseconds(settings_.Milliseconds("deadlock_timeout")));
    if (!granted) {
        // Waited deadlock_timeout: the holder may be waiting for this session through its client (one thread driving
        // two connections), which no lock table can see. The transaction goes on without the lock, as DuckDB's
        // optimistic concurrency would run it: a real collision with the holder's rows fails with 40001.
        optimistic_writes_ = true;
        co_return;
    }
    holds_write_lock_ = true;
    bypasses_at_lock_ = write_lock_->Bypasses();
    // Under READ COMMITTED each PostgreSQL statement sees what was committed before it began; DuckDB's transaction
    // keeps the snapshot of its first statement, and a write to a row committed since would fail (40001). Nothing
    // was written in this transaction yet (writes hold the lock), so it can start again.
    if (!tx_.IsIdle() && !tx_.IsFailed() && !data_changed_ &&
        settings_.Get("transaction_isolation").value_or("read committed") == "read committed") {
        restart_snapshot_ = true;
    } else if (!tx_.IsIdle()) {
        // Its snapshot is older than the lock: others may have committed in between, which a replay would see.
        tx_.NoteReplayStep(ReplayStep{"", nullptr, "", "a write with a snapshot older than the write lock"});
    }
}

asio::awaitable<bool> Session::WaitForGate(StatementGate &gate, const char *wait_event,
                                           std::chrono::milliseconds timeout, std::chrono::milliseconds give_up) {
    auto waiter = std::make_shared<StatementGate::Waiter>();
    waiter->timer = std::make_shared<asio::steady_timer>(stream_.Channel().GetExecutor());
    if (gate.TryEnter(waiter)) {
        co_return true;
    }
    ReportActivity("active", last_query_, wait_event);
    const auto now = std::chrono::steady_clock::now();
    const auto never = std::chrono::steady_clock::time_point::max();
    const auto deadline = timeout.count() > 0 ? now + timeout : never;
    const auto give_up_at = give_up.count() > 0 ? now + give_up : never;
    // Woken when granted; also every kGatePoll to see whether the statement was canceled or timed out meanwhile.
    while (!gate.Granted(waiter)) {
        const auto current = std::chrono::steady_clock::now();
        if (cancel_reason_ != CancelReason::None || current >= deadline || current >= give_up_at) {
            gate.Withdraw(waiter);
            if (cancel_reason_ != CancelReason::None) {
                throw SqlError("57014", "canceling statement due to user request"); // WriteError names the reason
            }
            if (current >= deadline) {
                throw SqlError("55P03", "canceling statement due to lock timeout");
            }
            ReportActivity("active", last_query_);
            co_return false;
        }
        waiter->timer->expires_after(kGatePoll);
        asio::error_code ignored;
        co_await waiter->timer->async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    }
    ReportActivity("active", last_query_);
    co_return true;
}

void Session::ReleaseWriteLock() {
    if (optimistic_writes_ && data_changed_ && write_lock_) {
        write_lock_->NoteBypass();
    }
    optimistic_writes_ = false;
    data_changed_ = false;
    if (holds_write_lock_) {
        holds_write_lock_ = false;
        write_lock_->Leave();
    }
}

asio::awaitable<void> Session::RunTransactionControl(const sql::ParsedStatement &statement,
                                                     const sql::TransactionStatement &transaction) {
    using Action = sql::TransactionStatement::Action;
    std::string tag = statement.tag;
    switch (transaction.action) {
    case Action::Begin:
        if (transaction.read_only == false) {
            RefuseReadWrite("transaction_read_only");
        }
        if (tx_.IsIdle()) {
            bool read_only = transaction.read_only.value_or(DefaultReadOnly());
            co_await RunInternal(read_only ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
            settings_.BeginTransaction();
            tx_.Begin(TransactionStatus::InBlock, read_only);
            BeginIsolation(transaction.isolation);
            settings_.SetLocal("transaction_read_only", read_only ? "on" : "off");
        } else if (tx_.Status() == TransactionStatus::Implicit) {
            tx_.PromoteToBlock();
            BeginIsolation(transaction.isolation);
            if (transaction.read_only) {
                tx_.SetReadOnly(*transaction.read_only);
                settings_.SetLocal("transaction_read_only", *transaction.read_only ? "on" : "off");
            }
        } else {
            WriteNotice("WARNING", "25001", "there is already a transaction in progress");
        }
        break;
    case Action::PrepareTransaction:
        // max_prepared_transactions is 0, as PostgreSQL's default: the transaction ends, rolled back.
        if (!tx_.IsIdle()) {
            co_await EndTransaction(false);
        }
        throw SqlError("55000", "prepared transactions are disabled", "",
                       "Set max_prepared_transactions to a nonzero value.");
    case Action::Commit:
    case Action::Rollback: {
        const bool commit = transaction.action == Action::Commit;
        if (!tx_.IsBlock()) {
            if (transaction.chain) {
                throw SqlError("25P01", std::string(commit ? "COMMIT" : "ROLLBACK") +
                                            " AND CHAIN can only be used in transaction blocks");
            }
            // Also inside a multi-statement message's implicit transaction, which then ends here.
            WriteNotice("WARNING", "25P01", "there is no transaction in progress");
            if (tx_.IsIdle()) {
                break;
            }
        }
        if (commit && tx_.IsFailed()) {
            tag = "ROLLBACK";
        }
        bool read_only = tx_.SetReadOnly();
        auto isolation = settings_.Get("transaction_isolation");
        co_await EndTransaction(commit);
        if (transaction.chain) {
            // AND CHAIN: a new transaction block at once, with the same characteristics.
            co_await RunInternal("BEGIN TRANSACTION");
            settings_.BeginTransaction();
            tx_.Begin(TransactionStatus::InBlock, false);
            tx_.SetReadOnly(read_only);
            BeginIsolation(isolation);
        }
        break;
    }
    }
    WriteComplete(tag);
}

void Session::BeginIsolation(const std::optional<std::string> &isolation) {
    settings_.SetLocal("transaction_isolation",
                       isolation.value_or(settings_.Get("default_transaction_isolation").value_or("read committed")));
    tx_.SetQueried(false);
}

void Session::NoteStatement(const sql::ParsedStatement &statement) {
    auto *execute = statement.As<sql::ExecuteStatement>();
    if (!tx_.IsIdle() && !statement.Is<sql::GenericStatement>() && !execute && MayChangeData(statement)) {
        // COPY FROM and the like: kept nowhere, so no replay may pass over them (see NoteReplayStep).
        tx_.NoteReplayStep(ReplayStep{"", nullptr, "", statement.tag});
    }
    if (statement.Is<sql::GenericStatement>() || execute) {
        tx_.SetQueried(true); // the transaction's snapshot is taken: its isolation level is fixed
    }
    if (tx_.Savepoints().empty() && !tx_.SetReadOnly() && login_.access.rights.write) {
        return;
    }
    // EXECUTE of a SQL PREPARE'd statement does what that statement does.
    auto prepared = execute ? sql_prepared_.find(execute->name) : sql_prepared_.end();
    const auto &tag = prepared != sql_prepared_.end() ? prepared->second.tag : statement.tag;
    // DuckDB's own syntax has no tag: its statement type is checked once prepared (and a read-only user's
    // transaction is READ ONLY in DuckDB).
    if ((sql::IsReadTag(tag) && !(statement.tree && sql::HasDataModifyingWith(*statement.tree))) ||
        statement.Is<sql::CopyToStatement>() || !statement.tree) {
        return;
    }
    if (tx_.SetReadOnly() || !login_.access.rights.write) {
        // SET TRANSACTION READ ONLY comes after DuckDB's BEGIN: Duckgres refuses the writes itself.
        const bool copy_from = statement.Is<sql::CopyFromStatement>();
        throw SqlError("25006", "cannot execute " + (copy_from ? std::string("COPY FROM") : tag) +
                                    " in a read-only transaction");
    }
    tx_.NoteChange();
}

asio::awaitable<void> Session::RunSavepoint(const sql::ParsedStatement &statement,
                                            const sql::SavepointStatement &savepoint) {
    using Action = sql::SavepointStatement::Action;
    const std::string &name = savepoint.name;
    if (!tx_.IsBlock()) {
        const char *command = savepoint.action == Action::RollbackTo ? "ROLLBACK TO SAVEPOINT"
                              : savepoint.action == Action::Release  ? "RELEASE SAVEPOINT"
                                                                     : "SAVEPOINT";
        throw SqlError("25P01", std::string(command) + " can only be used in transaction blocks");
    }
    auto &savepoints = tx_.Savepoints();
    auto found = std::find_if(savepoints.rbegin(), savepoints.rend(),
                              [&](const Savepoint &defined) { return defined.name == name; });
    if (savepoint.action == Action::Define) {
        DefineSavepoint(name);
    } else if (found == savepoints.rend()) {
        throw SqlError("3B001", "savepoint \"" + name + "\" does not exist");
    } else if (savepoint.action == Action::Release) {
        ReleaseSavepoint(static_cast<size_t>(std::prev(found.base()) - savepoints.begin()));
    } else {
        co_await RollBackToSavepoint(static_cast<size_t>(std::prev(found.base()) - savepoints.begin()), false);
    }
    WriteComplete(statement.tag);
}

void Session::DefineSavepoint(const std::string &name) {
    tx_.Savepoints().push_back(Savepoint{name, settings_, false, tx_.ReplayLog().size()});
}

void Session::ReleaseSavepoint(size_t index) {
    // The savepoint and every later one go; what they covered stays in the transaction.
    auto &savepoints = tx_.Savepoints();
    bool changed = savepoints[index].changed_since;
    savepoints.erase(savepoints.begin() + static_cast<std::ptrdiff_t>(index), savepoints.end());
    for (auto &earlier : savepoints) {
        earlier.changed_since |= changed;
    }
}

asio::awaitable<void> Session::RollBackToSavepoint(size_t index, bool after_error) {
    auto &savepoints = tx_.Savepoints();
    // Nothing to undo in DuckDB when nothing since the savepoint changed data and DuckDB's transaction is still
    // usable (an error at bind time, or one of Duckgres' own, leaves it so).
    bool usable = !savepoints[index].changed_since;
    if (usable && (after_error || tx_.IsFailed())) {
        try {
            co_await RunInternal("SELECT 1");
        } catch (const SqlError &) {
            usable = false;
        }
    }
    if (!usable) {
        co_await ReplayTransaction(savepoints[index]);
    }
    if (tx_.IsFailed()) {
        tx_.Recover();
    }
    settings_ = savepoints[index].settings;
    savepoints[index].changed_since = false;
    savepoints.erase(savepoints.begin() + static_cast<std::ptrdiff_t>(index) + 1, savepoints.end()); // it stays
}

asio::awaitable<void> Session::LockTable(const sql::ParsedStatement &statement, const sql::LockTableStatement &lock) {
    if (tx_.IsIdle()) {
        throw SqlError("25P01", statement.tag + " can only be used in transaction blocks");
    }
    co_await OnWorker([&](StatementWork &work) {
        for (const auto &[schema, name] : lock.relations) {
            sql::ExistenceCheck check;
            check.kind = CatalogObjectKind::Relation;
            check.schema = schema;
            check.name = name;
            if (!work.Exists(check)) {
                throw SqlError("42P01",
                               "relation \"" + (schema.empty() ? name : schema + "." + name) + "\" does not exist");
            }
        }
    });
    if (lock.blocks_writers && !tx_.BeganReadOnly() && !tx_.SetReadOnly()) {
        const std::string nowait_error = "could not obtain lock on relation \"" + lock.relation + "\"";
        co_await TakeWriteLock(lock.nowait ? &nowait_error : nullptr);
    }
    WriteComplete(statement.tag);
}

void Session::NoteReplayStep(const sql::ParsedStatement &statement, const ResultStream &execution,
                             std::shared_ptr<const std::vector<types::OwnedValue>> parameters) {
    if (tx_.IsIdle() || !MayChangeData(statement)) {
        return;
    }
    ReplayStep step;
    step.refusal = sql::ReplayRefusal(statement);
    if (!step.refusal && (!execution.effects.captures.empty() || !execution.effects.foreign_keys.empty() ||
                          !execution.effects.after.empty())) {
        step.refusal = statement.tag + " run in steps"; // through temporary tables, gone since; or followed by more
    } else if (!step.refusal && !execution.prepared) {
        step.refusal = statement.tag;
    } else if (!step.refusal && !holds_write_lock_) {
        step.refusal = "a write without the database's write lock (serialize_writers off, or deadlock_timeout passed)";
    }
    if (!step.refusal) {
        step.sql = execution.prepared->text;
        step.parameters = std::move(parameters);
        step.insert_target = sql::InsertTarget(statement);
    }
    tx_.NoteReplayStep(std::move(step));
}

asio::awaitable<void> Session::ReplayTransaction(const Savepoint &savepoint) {
    if (savepoint.replay_length > 0 && write_lock_ && write_lock_->Bypasses() != bypasses_at_lock_) {
        throw SqlError("0A000",
                       "ROLLBACK TO SAVEPOINT cannot undo what followed the savepoint: DuckDB has no savepoints, and "
                       "another transaction wrote without the write lock since this one took it",
                       "", "Roll back the whole transaction instead.");
    }
    const bool read_only = tx_.BeganReadOnly();
    const auto &log = tx_.ReplayLog();
    const std::vector<ReplayStep> steps(log.begin(),
                                        log.begin() + static_cast<std::ptrdiff_t>(savepoint.replay_length));
    std::optional<SqlError> failure;
    try {
        co_await OnWorker([&](StatementWork &work) { work.ReplayTransaction(steps, read_only); });
    } catch (const SqlError &e) {
        failure = e;
    }
    if (failure) {
        if (failure->sqlstate == "0A000") {
            throw *failure; // refused before anything was rolled back
        }
        throw SqlError("0A000",
                       std::string("ROLLBACK TO SAVEPOINT could not run the transaction again up to the savepoint: ") +
                           failure->what(),
                       "", "Roll back the whole transaction instead.");
    }
    tx_.TruncateReplayLog(savepoint.replay_length);
    data_changed_ = savepoint.replay_length > 0;
    restart_snapshot_ = false;
}

bool Session::DefaultReadOnly() const {
    return settings_.Get("default_transaction_read_only") == "on";
}

} // namespace duckgres::session
