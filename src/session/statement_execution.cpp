// StatementExecution: the start and end of one statement's run.
#include "session/statement_execution.hpp"

#include "session/session.hpp"
#include "sql/access_check.hpp"

#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>

namespace duckgres::session {

namespace {

//! How often a statement waiting for its turn (max_concurrent_statements) looks whether it was canceled.
constexpr std::chrono::milliseconds kAdmissionPoll{20};

} // namespace

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
    // From here CancelRequest interrupts it, statement_timeout limits it, and it stops when its client goes away.
    session_.cancel_reason_ = CancelReason::None;
    session_.running_statement_ = true;
    auto timeout = session_.settings_.Milliseconds("statement_timeout");
    session_.statement_deadline_ =
        timeout > 0 ? started_ + std::chrono::milliseconds(timeout) : std::chrono::steady_clock::time_point::max();
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
    session_.running_statement_ = false;
    session_.watch_round_++;
    session_.watch_timer_.cancel();
    session_.current_ = nullptr;
    if (!failure && session_.cancel_reason_ != CancelReason::Terminate) {
        // A cancel that came too late to stop the statement is spent: it must not fail the next error's message.
        session_.cancel_reason_ = CancelReason::None;
    }
}

const std::vector<int16_t> &StatementExecution::ResultFormats() const {
    static const std::vector<int16_t> kText;
    return mode_.portal_formats ? *mode_.portal_formats : kText;
}

asio::awaitable<void> StatementExecution::Admit() {
    auto &gate = session_.gate_;
    // Superusers never wait: they must be able to look and cancel when the gate is full.
    if (!gate || holds_turn_ || (session_.login_.admitted && session_.login_.admitted->superuser)) {
        co_return;
    }
    auto waiter = std::make_shared<StatementGate::Waiter>();
    waiter->timer = std::make_shared<asio::steady_timer>(session_.stream_.Channel().GetExecutor());
    if (!gate->TryEnter(waiter)) {
        session_.ReportActivity("active", session_.last_query_, "StatementAdmission");
        // Woken when granted; also every kAdmissionPoll to see whether the statement was canceled meanwhile.
        while (!gate->Granted(waiter)) {
            if (session_.cancel_reason_ != CancelReason::None) {
                gate->Withdraw(waiter);
                throw SqlError("57014", "canceling statement due to user request"); // WriteError names the reason
            }
            waiter->timer->expires_after(kAdmissionPoll);
            asio::error_code ignored;
            co_await waiter->timer->async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        }
        session_.ReportActivity("active", session_.last_query_);
    }
    holds_turn_ = true;
}

} // namespace duckgres::session
