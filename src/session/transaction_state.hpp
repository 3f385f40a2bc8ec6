// TransactionState: the session's transaction as the protocol sees it: none, implicit, a block, or a failed block.
#pragma once

#include "session/session_settings.hpp"
#include "types/parameter_decoder.hpp"
#include "wire/backend_messages.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::session {

enum class TransactionStatus : uint8_t {
    Idle,     //!< no transaction: each statement commits on its own (DuckDB's autocommit)
    Implicit, //!< the implicit transaction of a multi-statement Query, an extended-protocol pipeline or a COPY
    InBlock,  //!< an explicit block (BEGIN)
    Failed,   //!< a block after an error: only COMMIT, ROLLBACK and ROLLBACK TO run (25P02 otherwise)
};

//! A write of the open transaction, kept so that ROLLBACK TO SAVEPOINT can run the transaction again up to the
//! savepoint; or, in place of a write that cannot run again with the same effect, the reason why.
struct ReplayStep {
    std::string sql;                                                  //!< as DuckDB ran it (rewritten)
    std::shared_ptr<const std::vector<types::OwnedValue>> parameters; //!< its bound values; null: none
    std::string insert_target;          //!< the table an INSERT / MERGE fills (a sequence default would draw anew)
    std::optional<std::string> refusal; //!< set: this write cannot run again, for this reason
};

//! A SAVEPOINT of the open block. DuckDB cannot roll back part of a transaction: ROLLBACK TO restores the session's
//! parameters, and when something since the savepoint changed data or aborted DuckDB's transaction, it rolls that
//! transaction back and runs its writes before the savepoint again (Session::ReplayTransaction), or fails with
//! 0A000 (the block stays failed) when one of them cannot run again with the same effect.
struct Savepoint {
    std::string name;
    SessionSettings settings; //!< as at the SAVEPOINT
    bool changed_since = false;
    size_t replay_length = 0; //!< the writes before it: the first replay_length steps of the replay log
};

//! The state machine alone: the session runs DuckDB's BEGIN / COMMIT / ROLLBACK as the transitions say. Used alike by
//! the simple protocol, the extended protocol and COPY. Owned by the session's I/O thread.
class TransactionState {
public:
    TransactionStatus Status() const { return status_; }
    bool IsIdle() const { return status_ == TransactionStatus::Idle; }
    bool IsFailed() const { return status_ == TransactionStatus::Failed; }
    //! An explicit block, failed or not (where SAVEPOINT, SET LOCAL and DECLARE belong).
    bool IsBlock() const { return status_ == TransactionStatus::InBlock || status_ == TransactionStatus::Failed; }
    //! ReadyForQuery's transaction status.
    wire::TransactionStatus ReadyStatus() const;
    //! pg_stat_activity's state while the session waits for its next message.
    const char *IdleActivity() const;

    //! DuckDB's transaction began (READ ONLY when `read_only`): an implicit one or a block.
    void Begin(TransactionStatus status, bool read_only);
    //! BEGIN inside an implicit transaction: it becomes the block.
    void PromoteToBlock() { status_ = TransactionStatus::InBlock; }

    //! What ended: the status before, and whether DuckDB's transaction of a failed block is still open.
    struct Ended {
        TransactionStatus status = TransactionStatus::Idle;
        bool engine_open = false;
    };
    //! COMMIT, ROLLBACK, or the end of an implicit transaction: back to Idle, savepoints and flags gone.
    Ended Finish();

    //! What the session does after a statement failed.
    struct Failure {
        bool roll_back_engine = false; //!< roll back DuckDB's transaction
        bool ended = false;            //!< the transaction is over (it was implicit): end the settings' transaction
    };
    //! A statement failed: an implicit transaction ends, a block becomes Failed (keeping DuckDB's transaction open
    //! for ROLLBACK TO when it has savepoints).
    Failure Fail();
    //! ROLLBACK TO recovered a failed block whose DuckDB transaction stayed usable.
    void Recover();

    //! The block's savepoints, oldest first.
    std::vector<Savepoint> &Savepoints() { return savepoints_; }
    //! A statement may have changed data: no ROLLBACK TO can undo it.
    void NoteChange();

    //! A write ran in the transaction: kept for ROLLBACK TO SAVEPOINT's replay (or the reason it cannot run again).
    //! The log is bounded (kMaxReplayBytes of statement text): past that, one refusal stands for every later write.
    void NoteReplayStep(ReplayStep step);
    //! The transaction's writes, in order.
    const std::vector<ReplayStep> &ReplayLog() const { return replay_log_; }
    //! ROLLBACK TO SAVEPOINT ran the first `length` writes again: the later ones are undone.
    void TruncateReplayLog(size_t length) { replay_log_.resize(length); }
    //! The transaction began READ ONLY (DuckDB refuses its writes).
    bool BeganReadOnly() const { return began_read_only_; }
    //! SET TRANSACTION READ ONLY / READ WRITE after BEGIN (Duckgres refuses the writes itself).
    bool SetReadOnly() const { return set_read_only_; }
    void SetReadOnly(bool read_only) { set_read_only_ = read_only; }
    //! A query ran in the transaction: its snapshot is taken, its isolation level fixed.
    bool Queried() const { return queried_; }
    void SetQueried(bool queried) { queried_ = queried; }

private:
    TransactionStatus status_ = TransactionStatus::Idle;
    std::vector<Savepoint> savepoints_;
    static constexpr size_t kMaxReplayBytes = 16 << 20;
    std::vector<ReplayStep> replay_log_;
    size_t replay_bytes_ = 0;
    bool replay_full_ = false; //!< the log ends with the refusal of the write that filled it
    bool engine_open_ = false; //!< Failed, with DuckDB's transaction kept open for ROLLBACK TO
    bool began_read_only_ = false;
    bool set_read_only_ = false;
    bool queried_ = false;
};

} // namespace duckgres::session
