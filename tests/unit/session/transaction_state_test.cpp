// Table-driven tests of TransactionState: the transitions of the session's transaction and what they ask of DuckDB.
#include "session/transaction_state.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace duckgres::session {
namespace {

struct Step {
    const char *name;
    std::function<void(TransactionState &)> apply;
};

const Step kBeginBlock{"begin block", [](TransactionState &tx) { tx.Begin(TransactionStatus::InBlock, false); }};
const Step kBeginImplicit{"begin implicit", [](TransactionState &tx) { tx.Begin(TransactionStatus::Implicit, false); }};
const Step kPromote{"promote", [](TransactionState &tx) { tx.PromoteToBlock(); }};
const Step kSavepoint{"savepoint", [](TransactionState &tx) { tx.Savepoints().push_back(Savepoint{"s", {}, false}); }};
const Step kFail{"fail", [](TransactionState &tx) { tx.Fail(); }};
const Step kRecover{"recover", [](TransactionState &tx) { tx.Recover(); }};
const Step kFinish{"finish", [](TransactionState &tx) { tx.Finish(); }};

struct Case {
    std::vector<Step> steps;
    TransactionStatus status;
    wire::TransactionStatus ready;
    const char *activity;
};

TEST(TransactionStateTest, StatusAfterSteps) {
    const std::vector<Case> cases = {
        {{}, TransactionStatus::Idle, wire::TransactionStatus::Idle, "idle"},
        {{kBeginBlock}, TransactionStatus::InBlock, wire::TransactionStatus::InBlock, "idle in transaction"},
        {{kBeginImplicit}, TransactionStatus::Implicit, wire::TransactionStatus::InBlock, "idle in transaction"},
        {{kBeginImplicit, kPromote},
         TransactionStatus::InBlock,
         wire::TransactionStatus::InBlock,
         "idle in transaction"},
        {{kBeginBlock, kFail},
         TransactionStatus::Failed,
         wire::TransactionStatus::Failed,
         "idle in transaction (aborted)"},
        {{kBeginImplicit, kFail}, TransactionStatus::Idle, wire::TransactionStatus::Idle, "idle"},
        {{kBeginBlock, kSavepoint, kFail, kRecover},
         TransactionStatus::InBlock,
         wire::TransactionStatus::InBlock,
         "idle in transaction"},
        {{kBeginBlock, kFail, kFinish}, TransactionStatus::Idle, wire::TransactionStatus::Idle, "idle"},
        {{kFail}, TransactionStatus::Idle, wire::TransactionStatus::Idle, "idle"},
    };
    for (const auto &c : cases) {
        TransactionState tx;
        std::string path;
        for (const auto &step : c.steps) {
            step.apply(tx);
            path += std::string(step.name) + "; ";
        }
        EXPECT_EQ(tx.Status(), c.status) << path;
        EXPECT_EQ(tx.ReadyStatus(), c.ready) << path;
        EXPECT_STREQ(tx.IdleActivity(), c.activity) << path;
    }
}

TEST(TransactionStateTest, FailureSaysWhatDuckDbMustDo) {
    struct FailCase {
        std::vector<Step> steps;
        bool roll_back_engine;
        bool ended;
    };
    const std::vector<FailCase> cases = {
        {{}, false, false},                                         // no transaction: nothing to roll back
        {{kBeginImplicit}, true, true},                             // an implicit transaction ends, rolled back
        {{kBeginBlock}, true, false},                               // a block fails, rolled back in DuckDB
        {{kBeginBlock, kSavepoint}, false, false},                  // kept open for ROLLBACK TO
        {{kBeginBlock, kFail}, false, false},                       // already failed
        {{kBeginImplicit, kPromote}, true, false},                  // BEGIN made the implicit one a block
        {{kBeginBlock, kSavepoint, kFail, kRecover}, false, false}, // recovered, savepoint still there
    };
    for (const auto &c : cases) {
        TransactionState tx;
        for (const auto &step : c.steps) {
            step.apply(tx);
        }
        auto failure = tx.Fail();
        EXPECT_EQ(failure.roll_back_engine, c.roll_back_engine) << c.steps.size();
        EXPECT_EQ(failure.ended, c.ended) << c.steps.size();
    }
}

TEST(TransactionStateTest, FinishReportsTheEngineTransactionKeptForRollbackTo) {
    TransactionState tx;
    tx.Begin(TransactionStatus::InBlock, true);
    tx.SetReadOnly(true);
    tx.SetQueried(true);
    tx.Savepoints().push_back(Savepoint{"a", {}, false});
    tx.Fail();
    auto ended = tx.Finish();
    EXPECT_EQ(ended.status, TransactionStatus::Failed);
    EXPECT_TRUE(ended.engine_open);
    // Everything of the transaction is gone.
    EXPECT_TRUE(tx.IsIdle());
    EXPECT_TRUE(tx.Savepoints().empty());
    EXPECT_FALSE(tx.BeganReadOnly());
    EXPECT_FALSE(tx.SetReadOnly());
    EXPECT_FALSE(tx.Queried());
}

TEST(TransactionStateTest, NoteChangeMarksEverySavepoint) {
    TransactionState tx;
    tx.Begin(TransactionStatus::InBlock, false);
    tx.Savepoints().push_back(Savepoint{"a", {}, false});
    tx.Savepoints().push_back(Savepoint{"b", {}, false});
    tx.NoteChange();
    for (const auto &savepoint : tx.Savepoints()) {
        EXPECT_TRUE(savepoint.changed_since) << savepoint.name;
    }
}

} // namespace
} // namespace duckgres::session
