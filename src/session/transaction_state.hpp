// TransactionState: the session's transaction as the protocol sees it: none, implicit, a block, or a failed block.
#pragma once

#include "session/session_settings.hpp"
#include "wire/backend_messages.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace duckgres::session {

enum class TransactionStatus : uint8_t {
    Idle,     //!< no transaction: each statement commits on its own (DuckDB's autocommit)
    Implicit, //!< the implicit transaction of a multi-statement Query, an extended-protocol pipeline or a COPY
    InBlock,  //!< an explicit block (BEGIN)
    Failed,   //!< a block after an error: only COMMIT, ROLLBACK and ROLLBACK TO run (25P02 otherwise)
};

//! A SAVEPOINT of the open block. DuckDB cannot roll back part of a transaction, so ROLLBACK TO works when nothing
//! since the savepoint changed data and DuckDB's transaction is still usable (errors at bind time, or Duckgres' own,
//! leave it so): then it restores the session's parameters and leaves the failed state. Otherwise it fails with
//! 0A000 and the block stays failed.
struct Savepoint {
    std::string name;
    SessionSettings settings; //!< as at the SAVEPOINT
    bool changed_since = false;
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
    bool engine_open_ = false; //!< Failed, with DuckDB's transaction kept open for ROLLBACK TO
    bool began_read_only_ = false;
    bool set_read_only_ = false;
    bool queried_ = false;
};

} // namespace duckgres::session
