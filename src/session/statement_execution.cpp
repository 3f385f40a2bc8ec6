// StatementExecution: the start and end of one statement's run.
#include "session/statement_execution.hpp"

#include "session/session.hpp"
#include "sql/access_check.hpp"

namespace duckgres::session {

StatementExecution::StatementExecution(Session &session, const sql::ParsedStatement &statement, ExecutionMode mode)
    : session_(session), statement_(statement), mode_(mode), started_(std::chrono::steady_clock::now()) {
    Start();
}

StatementExecution::~StatementExecution() {
    End(nullptr);
}

void StatementExecution::Start() {
    Session::AssertIoThread();
    // May it run: the user's rights (checked before DuckDB prepares anything of it), and a read-only transaction.
    if (!mode_.access_checked) {
        sql::CheckStatementAccess(statement_, session_.login_.access);
    }
    session_.NoteStatement(statement_);
    outer_ = session_.current_;
    if (outer_) {
        // A statement of a DO block: the block's cancel stops it, and so does the block's deadline (the watch re-armed
        // for every statement might never fire between two short ones).
        if (std::chrono::steady_clock::now() >= session_.statement_deadline_) {
            session_.cancel_reason_ = CancelReason::Timeout;
        }
        session_.ThrowIfCanceled();
    }
    // From here CancelRequest interrupts it, statement_timeout limits it, and it stops when its client goes away.
    session_.cancel_reason_ = CancelReason::None;
    session_.running_statement_ = true;
    auto timeout = session_.settings_.Milliseconds("statement_timeout");
    auto deadline =
        timeout > 0 ? started_ + std::chrono::milliseconds(timeout) : std::chrono::steady_clock::time_point::max();
    // A statement of a DO block ends by the block's deadline too: the block's timeout limits it as a whole.
    outer_deadline_ = session_.statement_deadline_;
    session_.statement_deadline_ = outer_ ? std::min(deadline, outer_deadline_) : deadline;
    session_.watch_round_++;
    session_.WatchStatement();
    session_.current_ = this;
}

void StatementExecution::End(std::exception_ptr failure) {
    if (ended_) {
        return;
    }
    ended_ = true;
    if (holds_turn_) {
        holds_turn_ = false;
        session_.gate_->Leave();
    }
    session_.running_statement_ = outer_ != nullptr;
    session_.watch_round_++;
    session_.watch_timer_.cancel();
    session_.current_ = outer_;
    if (outer_) {
        session_.statement_deadline_ = outer_deadline_; // the DO block's watch goes on
        session_.WatchStatement();
    }
    if (Session::MayChangeData(statement_)) {
        session_.data_changed_ = true; // its transaction can no longer start again (TakeWriteLock)
    }
    if (session_.tx_.IsIdle()) {
        session_.ReleaseWriteLock(); // an autocommit statement's: it has committed
    }
    if (!failure && !outer_ && session_.cancel_reason_ != CancelReason::Terminate) {
        // A cancel that came too late to stop the statement is spent: it must not fail the next error's message.
        session_.cancel_reason_ = CancelReason::None;
    }
}

const std::vector<int16_t> &StatementExecution::ResultFormats() const {
    static const std::vector<int16_t> kText;
    return mode_.portal_formats ? *mode_.portal_formats : kText;
}

asio::awaitable<void> StatementExecution::Admit() {
    // The write lock first: a statement holding a turn must never wait for a lock held by one waiting for a turn.
    if (session_.WritesData(statement_)) {
        auto *generic = statement_.As<sql::GenericStatement>();
        if (generic && generic->row_lock == sql::RowLock::NoWait) {
            const std::string error = "could not obtain lock on row in relation \"" + generic->lock_relation + "\"";
            co_await session_.TakeWriteLock(&error);
        } else {
            co_await session_.TakeWriteLock();
        }
    }
    auto &gate = session_.gate_;
    // Superusers never wait: they must be able to look and cancel when the gate is full.
    if (!gate || holds_turn_ || (session_.login_.admitted && session_.login_.admitted->superuser)) {
        co_return;
    }
    co_await session_.WaitForGate(*gate, "StatementAdmission", std::chrono::milliseconds(0));
    holds_turn_ = true;
}

} // namespace duckgres::session
