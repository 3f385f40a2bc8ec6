// TransactionState's transitions.
#include "session/transaction_state.hpp"

#include <utility>

namespace duckgres::session {

wire::TransactionStatus TransactionState::ReadyStatus() const {
    switch (status_) {
    case TransactionStatus::Idle:
        return wire::TransactionStatus::Idle;
    case TransactionStatus::Implicit:
    case TransactionStatus::InBlock:
        return wire::TransactionStatus::InBlock;
    case TransactionStatus::Failed:
        return wire::TransactionStatus::Failed;
    }
    return wire::TransactionStatus::Idle;
}

const char *TransactionState::IdleActivity() const {
    switch (status_) {
    case TransactionStatus::Idle:
        return "idle";
    case TransactionStatus::Failed:
        return "idle in transaction (aborted)";
    default:
        return "idle in transaction";
    }
}

void TransactionState::Begin(TransactionStatus status, bool read_only) {
    status_ = status;
    began_read_only_ = read_only;
}

TransactionState::Ended TransactionState::Finish() {
    Ended ended{status_, engine_open_};
    *this = TransactionState();
    return ended;
}

TransactionState::Failure TransactionState::Fail() {
    switch (status_) {
    case TransactionStatus::Idle:
    case TransactionStatus::Failed:
        return {};
    case TransactionStatus::Implicit:
        *this = TransactionState();
        return {true, true};
    case TransactionStatus::InBlock:
        status_ = TransactionStatus::Failed;
        if (!savepoints_.empty()) {
            engine_open_ = true; // kept for ROLLBACK TO SAVEPOINT; rolled back when the block ends
            return {};
        }
        return {true, false};
    }
    return {};
}

void TransactionState::Recover() {
    status_ = TransactionStatus::InBlock;
    engine_open_ = false;
}

void TransactionState::NoteReplayStep(ReplayStep step) {
    if (replay_full_) {
        return;
    }
    replay_bytes_ += step.sql.size() + sizeof(ReplayStep);
    if (replay_bytes_ > kMaxReplayBytes) {
        replay_full_ = true;
        step = ReplayStep{"", nullptr, "", "more writes than ROLLBACK TO SAVEPOINT keeps to run again"};
    }
    replay_log_.push_back(std::move(step));
}

void TransactionState::NoteChange() {
    for (auto &savepoint : savepoints_) {
        savepoint.changed_since = true;
    }
}

} // namespace duckgres::session
