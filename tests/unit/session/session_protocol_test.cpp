// The session's protocol state machines against real DuckDB: pipelines, transactions, portals, savepoints, COPY.
// Expected messages are what PostgreSQL 15 sends for the same bytes, except where a test says otherwise.
#include "session_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace duckgres::session::test {
namespace {

using namespace frontend;
using Lines = std::vector<std::string>;

//! Every test talks to one session of a server shared by the whole suite (opening DuckDB is the slow part);
//! each test makes tables of its own names.
class SessionProtocolTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = std::make_unique<TestServer>(); }
    static void TearDownTestSuite() { server_.reset(); }

    void SetUp() override {
        session_ = std::make_unique<SessionHarness>(*server_);
        auto startup = session_->Start();
        ASSERT_FALSE(startup.empty());
        ASSERT_EQ(startup.back(), "ReadyForQuery I");
    }
    void TearDown() override { session_.reset(); }

    Lines Send(const std::string &bytes) { return session_->Send(bytes); }
    //! A simple Query.
    Lines Run(const std::string &sql) { return session_->Send(Query(sql)); }
    //! The replies of a simple Query with one result column, as its values ("NULL" for null).
    Lines Column(const std::string &sql) {
        Lines values;
        for (const auto &line : Run(sql)) {
            if (line.rfind("DataRow ", 0) == 0) {
                values.push_back(line.substr(8));
            }
        }
        return values;
    }

    static std::unique_ptr<TestServer> server_;
    std::unique_ptr<SessionHarness> session_;
};

std::unique_ptr<TestServer> SessionProtocolTest::server_;

//! Parse, Bind and Execute of the unnamed statement and portal.
std::string Extended(const std::string &sql) {
    return Parse(sql) + Bind() + Execute();
}

TEST_F(SessionProtocolTest, StartupReportsParametersThenReadyForQuery) {
    SessionHarness fresh(*server_);
    auto lines = fresh.Start({{"application_name", "seam"}});
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines.front(), "AuthenticationOk");
    EXPECT_EQ(lines[lines.size() - 2], "BackendKeyData");
    EXPECT_EQ(lines.back(), "ReadyForQuery I");
    for (const char *expected :
         {"ParameterStatus application_name=seam", "ParameterStatus client_encoding=UTF8",
          "ParameterStatus integer_datetimes=on", "ParameterStatus is_superuser=on",
          "ParameterStatus session_authorization=postgres", "ParameterStatus standard_conforming_strings=on"}) {
        EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end()) << expected;
    }
    EXPECT_EQ(fresh.Send(Terminate()), Lines{});
    EXPECT_TRUE(fresh.Ended());
    EXPECT_TRUE(fresh.Client().ClosedByServer());
}

TEST_F(SessionProtocolTest, PipelineErrorSkipsToSyncAndRollsBackItsImplicitTransaction) {
    EXPECT_EQ(Run("CREATE TABLE pipe_t (a int); CREATE TABLE pipe_z (a int); INSERT INTO pipe_z VALUES (0)"),
              (Lines{"CommandComplete CREATE TABLE", "CommandComplete CREATE TABLE", "CommandComplete INSERT 0 1",
                     "ReadyForQuery I"}));
    EXPECT_EQ(Send(Extended("INSERT INTO pipe_t VALUES (1)") + Extended("SELECT 10 / a FROM pipe_z") +
                   Extended("INSERT INTO pipe_t VALUES (2)") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1", "ParseComplete", "BindComplete",
                     "ErrorResponse 22012", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'], "division by zero");
    // The first INSERT went with the pipeline's transaction; the session takes statements again.
    EXPECT_EQ(Send(Parse("SELECT count(*) FROM pipe_t") + Bind() + Describe('P') + Execute() + Sync()),
              (Lines{"ParseComplete", "BindComplete", "RowDescription count:int8", "DataRow 0",
                     "CommandComplete SELECT 1", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, PipelineErrorInsideABlockAbortsItUntilRollback) {
    Run("CREATE TABLE block_t (a int); CREATE TABLE block_z (a int); INSERT INTO block_z VALUES (0)");
    EXPECT_EQ(Run("BEGIN"), (Lines{"CommandComplete BEGIN", "ReadyForQuery T"}));
    EXPECT_EQ(Send(Extended("INSERT INTO block_t VALUES (1)") + Extended("SELECT 10 / a FROM block_z") +
                   Extended("INSERT INTO block_t VALUES (2)") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1", "ParseComplete", "BindComplete",
                     "ErrorResponse 22012", "ReadyForQuery E"}));
    EXPECT_EQ(Send(Extended("SELECT 1") + Sync()), (Lines{"ErrorResponse 25P02", "ReadyForQuery E"}));
    EXPECT_EQ(Run("SELECT 1"), (Lines{"ErrorResponse 25P02", "ReadyForQuery E"}));
    EXPECT_EQ(Run("COMMIT"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM block_t"), Lines{"0"});
}

TEST_F(SessionProtocolTest, RollbackEndsAnAbortedBlock) {
    Run("CREATE TABLE abort_t (a int)");
    Run("BEGIN");
    EXPECT_EQ(Run("INSERT INTO abort_t VALUES (1)"), (Lines{"CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("SELECT no_such_column FROM abort_t"), (Lines{"ErrorResponse 42703", "ReadyForQuery E"}));
    EXPECT_EQ(Send(Extended("ROLLBACK") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM abort_t"), Lines{"0"});
}

TEST_F(SessionProtocolTest, SuspendedPortalResumesUntilItsLastRow) {
    Run("CREATE TABLE five (a int); INSERT INTO five VALUES (1), (2), (3), (4), (5)");
    EXPECT_EQ(Run("BEGIN"), (Lines{"CommandComplete BEGIN", "ReadyForQuery T"}));
    EXPECT_EQ(
        Send(Parse("SELECT a FROM five ORDER BY a") + Bind() + Describe('P') + Execute("", 2) + Flush()),
        (Lines{"ParseComplete", "BindComplete", "RowDescription a:int4", "DataRow 1", "DataRow 2", "PortalSuspended"}));
    EXPECT_EQ(Send(Execute("", 2) + Flush()), (Lines{"DataRow 3", "DataRow 4", "PortalSuspended"}));
    // Sync inside a block keeps the portal.
    EXPECT_EQ(Send(Execute("", 2) + Sync()), (Lines{"DataRow 5", "CommandComplete SELECT 1", "ReadyForQuery T"}));
    EXPECT_EQ(Send(Execute("", 2) + Sync()), (Lines{"CommandComplete SELECT 0", "ReadyForQuery T"}));
    EXPECT_EQ(Run("COMMIT"), (Lines{"CommandComplete COMMIT", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, SetConfigChangesTheSessionBeforeTheStatementRuns) {
    // The change is made on the session's thread between two hand-offs to a worker; the statement then runs with it.
    EXPECT_EQ(Column("SELECT set_config('TimeZone', 'Asia/Tokyo', false)"), Lines{"Asia/Tokyo"});
    EXPECT_EQ(Column("SHOW TimeZone"), Lines{"Asia/Tokyo"});
    EXPECT_EQ(Column("SELECT '2024-01-01 00:00:00+00'::timestamptz"), Lines{"2024-01-01 09:00:00+09"});
    // Through the extended protocol, once per Execute; a failing change fails the statement.
    EXPECT_EQ(Send(Extended("SELECT set_config('application_name', 'seam2', false)") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "DataRow seam2", "CommandComplete SELECT 1",
                     "ParameterStatus application_name=seam2", "ReadyForQuery I"}));
    EXPECT_EQ(Run("SELECT set_config('no_such_parameter', 'x', false)"),
              (Lines{"ErrorResponse 42704", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SHOW application_name"), Lines{"seam2"});
}

TEST_F(SessionProtocolTest, ParseInAReadOnlyTransactionCreatesNothing) {
    EXPECT_EQ(Run("BEGIN; SET TRANSACTION READ ONLY"),
              (Lines{"CommandComplete BEGIN", "CommandComplete SET", "ReadyForQuery T"}));
    // A serial column's sequence would be made when DuckDB prepares the CREATE TABLE: refused then, with the error
    // PostgreSQL gives at Execute.
    EXPECT_EQ(Send(Extended("CREATE TABLE ro_serial (id serial)") + Sync()),
              (Lines{"ErrorResponse 25006", "ReadyForQuery E"}));
    EXPECT_EQ(session_->LastError()['M'], "cannot execute CREATE TABLE in a read-only transaction");
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM pg_class WHERE relname LIKE 'ro_serial%'"), Lines{"0"});
}

TEST_F(SessionProtocolTest, TakingTheWriteLockKeepsWhatTheTransactionMade) {
    // CREATE TABLE AS (tagged SELECT) writes: the ALTER's write lock must not start the transaction again.
    EXPECT_EQ(Run("CREATE TABLE ctas_t AS SELECT 1 AS id; ALTER TABLE ctas_t ADD PRIMARY KEY (id)"),
              (Lines{"CommandComplete SELECT 1", "CommandComplete ALTER TABLE", "ReadyForQuery I"}));
    // Nor may a sequence moved by a SELECT go back.
    Run("CREATE SEQUENCE lock_seq; CREATE TABLE lock_t (a int)");
    EXPECT_EQ(Run("BEGIN"), (Lines{"CommandComplete BEGIN", "ReadyForQuery T"}));
    EXPECT_EQ(Column("SELECT nextval('lock_seq')"), Lines{"1"});
    EXPECT_EQ(Run("INSERT INTO lock_t VALUES (1)"), (Lines{"CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("COMMIT"), (Lines{"CommandComplete COMMIT", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT nextval('lock_seq')"), Lines{"2"});
}

TEST_F(SessionProtocolTest, CompletedPortalOfAStatementWithoutRowsCannotRunAgain) {
    Run("CREATE TABLE again (a int)");
    EXPECT_EQ(Run("BEGIN"), (Lines{"CommandComplete BEGIN", "ReadyForQuery T"}));
    EXPECT_EQ(Send(Parse("INSERT INTO again VALUES (1)") + Bind() + Execute() + Execute() + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1", "ErrorResponse 55000",
                     "ReadyForQuery E"}));
    EXPECT_EQ(session_->LastError()['M'], "portal \"\" cannot be run");
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, SuspendedPortalInOnePipeline) {
    Run("CREATE TABLE five_p (a int); INSERT INTO five_p VALUES (1), (2), (3), (4), (5)");
    EXPECT_EQ(Send(Parse("SELECT a FROM five_p ORDER BY a") + Bind() + Execute("", 2) + Execute("", 2) +
                   Execute("", 2) + Sync()),
              (Lines{"ParseComplete", "BindComplete", "DataRow 1", "DataRow 2", "PortalSuspended", "DataRow 3",
                     "DataRow 4", "PortalSuspended", "DataRow 5", "CommandComplete SELECT 1", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, PortalsCloseWithTheirTransaction) {
    Run("CREATE TABLE five_c (a int); INSERT INTO five_c VALUES (1), (2), (3), (4), (5)");
    // Outside a block the unnamed portal's transaction ends at Sync.
    EXPECT_EQ(Send(Parse("SELECT a FROM five_c ORDER BY a") + Bind() + Execute("", 2) + Sync()),
              (Lines{"ParseComplete", "BindComplete", "DataRow 1", "DataRow 2", "PortalSuspended", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Execute("", 2) + Sync()), (Lines{"ErrorResponse 34000", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'], "portal \"\" does not exist");
    // A named portal of a block ends with the block.
    Run("BEGIN");
    EXPECT_EQ(Send(Parse("SELECT a FROM five_c ORDER BY a") + Bind("c1") + Execute("c1", 2) + Sync()),
              (Lines{"ParseComplete", "BindComplete", "DataRow 1", "DataRow 2", "PortalSuspended", "ReadyForQuery T"}));
    EXPECT_EQ(Run("COMMIT"), (Lines{"CommandComplete COMMIT", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Execute("c1", 2) + Sync()), (Lines{"ErrorResponse 34000", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'], "portal \"c1\" does not exist");
}

TEST_F(SessionProtocolTest, RollbackToSavepointAfterAnErrorThatLeftTheTransactionUsable) {
    Run("CREATE TABLE sp_t (a int)");
    EXPECT_EQ(Run("BEGIN"), (Lines{"CommandComplete BEGIN", "ReadyForQuery T"}));
    EXPECT_EQ(Run("INSERT INTO sp_t VALUES (1)"), (Lines{"CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("SAVEPOINT p"), (Lines{"CommandComplete SAVEPOINT", "ReadyForQuery T"}));
    EXPECT_EQ(Run("SELECT * FROM no_such_table"), (Lines{"ErrorResponse 42P01", "ReadyForQuery E"}));
    EXPECT_EQ(Run("SELECT 1"), (Lines{"ErrorResponse 25P02", "ReadyForQuery E"}));
    EXPECT_EQ(Run("ROLLBACK TO SAVEPOINT p"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery T"}));
    EXPECT_EQ(Run("INSERT INTO sp_t VALUES (2)"), (Lines{"CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("SAVEPOINT q"), (Lines{"CommandComplete SAVEPOINT", "ReadyForQuery T"}));
    EXPECT_EQ(Run("RELEASE SAVEPOINT q"), (Lines{"CommandComplete RELEASE", "ReadyForQuery T"}));
    EXPECT_EQ(Run("RELEASE p"), (Lines{"CommandComplete RELEASE", "ReadyForQuery T"}));
    EXPECT_EQ(Run("COMMIT"), (Lines{"CommandComplete COMMIT", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT a FROM sp_t ORDER BY a"), (Lines{"1", "2"}));
}

TEST_F(SessionProtocolTest, SavepointMisuse) {
    EXPECT_EQ(Run("SAVEPOINT p"), (Lines{"ErrorResponse 25P01", "ReadyForQuery I"}));
    EXPECT_EQ(Run("RELEASE p"), (Lines{"ErrorResponse 25P01", "ReadyForQuery I"}));
    EXPECT_EQ(Run("ROLLBACK TO p"), (Lines{"ErrorResponse 25P01", "ReadyForQuery I"}));
    Run("BEGIN");
    EXPECT_EQ(Run("ROLLBACK TO no_such_savepoint"), (Lines{"ErrorResponse 3B001", "ReadyForQuery E"}));
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
}

// DuckDB has no savepoints: ROLLBACK TO runs the transaction again up to the savepoint (the writes before it), after a
// write or after an error that aborted DuckDB's transaction; it fails with 0A000, leaving the block aborted, when a
// write before the savepoint could not run again with the same effect.
TEST_F(SessionProtocolTest, RollbackToSavepointRunsTheTransactionAgain) {
    Run("CREATE TABLE sp_u (a int); CREATE TABLE sp_z (a int); INSERT INTO sp_z VALUES (0)");
    Run("BEGIN");
    Run("INSERT INTO sp_u VALUES (1)");
    Run("SAVEPOINT a");
    EXPECT_EQ(Run("INSERT INTO sp_u VALUES (3)"), (Lines{"CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("ROLLBACK TO a"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery T"}));
    EXPECT_EQ(Column("SELECT a FROM sp_u ORDER BY a"), Lines{"1"});
    // An error while executing aborts DuckDB's transaction itself: the replay recovers it too.
    EXPECT_EQ(Send(Extended("SELECT 10 / a FROM sp_z") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "ErrorResponse 22012", "ReadyForQuery E"}));
    EXPECT_EQ(Run("ROLLBACK TO a"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery T"}));
    EXPECT_EQ(Run("COMMIT"), (Lines{"CommandComplete COMMIT", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT a FROM sp_u ORDER BY a"), Lines{"1"});

    // A write whose values would change when run again (random()) cannot be replayed.
    Run("BEGIN");
    Run("INSERT INTO sp_u SELECT (random() * 0)::int + 7");
    Run("SAVEPOINT b");
    Run("INSERT INTO sp_u VALUES (8)");
    EXPECT_EQ(Run("ROLLBACK TO b"), (Lines{"ErrorResponse 0A000", "ReadyForQuery E"}));
    EXPECT_EQ(Run("SELECT 1"), (Lines{"ErrorResponse 25P02", "ReadyForQuery E"}));
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM sp_u"), Lines{"1"});
}

TEST_F(SessionProtocolTest, CopyFromStdin) {
    Run("CREATE TABLE copy_in (a int, b text)");
    EXPECT_EQ(Run("COPY copy_in FROM STDIN"), Lines{"CopyInResponse text 2"});
    EXPECT_EQ(Send(CopyData("1\tx\n") + CopyData("2\t\\N\n") + CopyDone()),
              (Lines{"CommandComplete COPY 2", "ReadyForQuery I"}));
    EXPECT_EQ(Run("SELECT a, b FROM copy_in ORDER BY a"),
              (Lines{"RowDescription a:int4 b:text", "DataRow 1|x", "DataRow 2|NULL", "CommandComplete SELECT 2",
                     "ReadyForQuery I"}));
    // Rows split across CopyData messages, and the whole exchange in one pipeline with the next query.
    EXPECT_EQ(Send(Query("COPY copy_in FROM STDIN") + CopyData("3\ty") + CopyData("\n4\tz\n") + CopyDone() +
                   Query("SELECT count(*) FROM copy_in")),
              (Lines{"CopyInResponse text 2", "CommandComplete COPY 2", "ReadyForQuery I", "RowDescription count:int8",
                     "DataRow 4", "CommandComplete SELECT 1", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, CopyFromStdinWithABadRowInsertsNothing) {
    Run("CREATE TABLE copy_bad (a int, b text)");
    EXPECT_EQ(Run("COPY copy_bad FROM STDIN"), Lines{"CopyInResponse text 2"});
    EXPECT_EQ(Send(CopyData("3\ty\n") + CopyData("zz\tw\n") + CopyDone()),
              (Lines{"ErrorResponse 22P02", "ReadyForQuery I"}));
    auto error = session_->LastError();
    EXPECT_EQ(error['M'], "invalid input syntax for type integer: \"zz\"");
    EXPECT_EQ(error['W'], "COPY copy_bad, line 2, column a: \"zz\"");
    EXPECT_EQ(Column("SELECT count(*) FROM copy_bad"), Lines{"0"});
}

TEST_F(SessionProtocolTest, CopyFromStdinErrorAbortsABlock) {
    Run("CREATE TABLE copy_block (a int, b text)");
    Run("BEGIN");
    EXPECT_EQ(Run("INSERT INTO copy_block VALUES (1, 'x')"), (Lines{"CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("COPY copy_block FROM STDIN"), Lines{"CopyInResponse text 2"});
    EXPECT_EQ(Send(CopyData("zz\tq\n") + CopyDone()), (Lines{"ErrorResponse 22P02", "ReadyForQuery E"}));
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM copy_block"), Lines{"0"});
}

TEST_F(SessionProtocolTest, CopyFailInsertsNothing) {
    Run("CREATE TABLE copy_fail (a int, b text)");
    EXPECT_EQ(Run("COPY copy_fail FROM STDIN"), Lines{"CopyInResponse text 2"});
    EXPECT_EQ(Send(CopyData("3\ty\n") + CopyFail("client gave up")), (Lines{"ErrorResponse 57014", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'], "COPY from stdin failed: client gave up");
    // As PostgreSQL 15: the line the CopyFail interrupted, after the complete lines before it.
    EXPECT_EQ(session_->LastError()['W'], "COPY copy_fail, line 2");
    EXPECT_EQ(Column("SELECT count(*) FROM copy_fail"), Lines{"0"});
    EXPECT_EQ(Run("COPY copy_fail FROM STDIN"), Lines{"CopyInResponse text 2"});
    EXPECT_EQ(Send(CopyData("1\tx\n2\ty") + CopyFail("bye")), (Lines{"ErrorResponse 57014", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['W'], "COPY copy_fail, line 2");
    // A bad row sent before the CopyFail is the error PostgreSQL reports: it reads the rows first.
    EXPECT_EQ(Run("COPY copy_fail FROM STDIN"), Lines{"CopyInResponse text 2"});
    EXPECT_EQ(Send(CopyData("1\tx\nzz\ty\n") + CopyFail("bye")), (Lines{"ErrorResponse 22P02", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['W'], "COPY copy_fail, line 2, column a: \"zz\"");
}

TEST_F(SessionProtocolTest, CopyFromStdinInTheExtendedProtocolIgnoresSyncUntilCopyDone) {
    Run("CREATE TABLE copy_ext (a int, b text)");
    // The Sync sent right after Execute arrives during COPY: ignored, as PostgreSQL does.
    EXPECT_EQ(Send(Extended("COPY copy_ext FROM STDIN") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CopyInResponse text 2"}));
    EXPECT_EQ(Send(CopyData("6\tu\n") + CopyDone() + Sync()), (Lines{"CommandComplete COPY 1", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT b FROM copy_ext"), Lines{"u"});
}

TEST_F(SessionProtocolTest, ClientGoneDuringCopyFromStdinEndsTheSession) {
    Run("CREATE TABLE copy_gone (a int, b text)");
    EXPECT_EQ(Run("COPY copy_gone FROM STDIN"), Lines{"CopyInResponse text 2"});
    Send(CopyData("1\tx\n"));
    // The append lane must not wait for batches that will never come.
    EXPECT_EQ(session_->Disconnect(), Lines{});
    EXPECT_TRUE(session_->Ended());
}

TEST_F(SessionProtocolTest, UnexpectedMessageDuringCopyFromStdinEndsTheSession) {
    Run("CREATE TABLE copy_lost (a int, b text)");
    EXPECT_EQ(Run("COPY copy_lost FROM STDIN"), Lines{"CopyInResponse text 2"});
    // As PostgreSQL 15: the COPY's ERROR, then FATAL, since the Query was meant for after the COPY.
    EXPECT_EQ(Send(CopyData("1\tx\n") + Query("SELECT 1")),
              (Lines{"ErrorResponse 08P01", "ErrorResponse FATAL 08P01"}));
    EXPECT_EQ(session_->LastError()['M'], "terminating connection because protocol synchronization was lost");
    EXPECT_EQ(session_->Replies().at(0).fields.at('W'), "COPY copy_lost, line 2");
    EXPECT_TRUE(session_->Ended());
}

TEST_F(SessionProtocolTest, FunctionCallIsRefusedLikeAQuery) {
    // Answered as PostgreSQL answers a simple message: the error, then ReadyForQuery (no skipping to Sync).
    EXPECT_EQ(Send(Message('F', std::string("\0\0\0\1\0\0\0\0\0\0", 10))),
              (Lines{"ErrorResponse 0A000", "ReadyForQuery I"}));
    EXPECT_EQ(Run("SELECT 1"),
              (Lines{"RowDescription ?column?:int4", "DataRow 1", "CommandComplete SELECT 1", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, CopyToStdout) {
    Run("CREATE TABLE copy_out (a int, b text); INSERT INTO copy_out VALUES (1, 'x'), (2, NULL)");
    EXPECT_EQ(Run("COPY copy_out TO STDOUT"),
              (Lines{"CopyOutResponse text 2", R"(CopyData 1\tx\n)", R"(CopyData 2\t\\N\n)", "CopyDone",
                     "CommandComplete COPY 2", "ReadyForQuery I"}));
    EXPECT_EQ(Run("COPY (SELECT a FROM copy_out ORDER BY a) TO STDOUT WITH (FORMAT csv, HEADER)"),
              (Lines{"CopyOutResponse text 1", R"(CopyData a\n)", R"(CopyData 1\n)", R"(CopyData 2\n)", "CopyDone",
                     "CommandComplete COPY 2", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, ExecutesBeforeOneSyncFormOneTransaction) {
    Run("CREATE TABLE implicit_t (a int); CREATE TABLE implicit_z (a int); INSERT INTO implicit_z VALUES (0)");
    EXPECT_EQ(
        Send(Extended("INSERT INTO implicit_t VALUES (1)") + Extended("INSERT INTO implicit_t VALUES (2)") + Sync()),
        (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1", "ParseComplete", "BindComplete",
               "CommandComplete INSERT 0 1", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM implicit_t"), Lines{"2"});
    // The second statement's error rolls back the first.
    EXPECT_EQ(Send(Extended("INSERT INTO implicit_t VALUES (3)") +
                   Extended("INSERT INTO implicit_t SELECT 10 / a FROM implicit_z") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1", "ParseComplete", "BindComplete",
                     "ErrorResponse 22012", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM implicit_t"), Lines{"2"});
    // Each Sync ends one: the first pipeline's row stays when the second fails.
    EXPECT_EQ(Send(Extended("INSERT INTO implicit_t VALUES (4)") + Sync() +
                   Extended("INSERT INTO implicit_t SELECT 10 / a FROM implicit_z") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1", "ReadyForQuery I", "ParseComplete",
                     "BindComplete", "ErrorResponse 22012", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM implicit_t"), Lines{"3"});
}

TEST_F(SessionProtocolTest, StatementsOfOneQueryFormOneTransaction) {
    Run("CREATE TABLE multi_t (a int); CREATE TABLE multi_z (a int); INSERT INTO multi_z VALUES (0)");
    EXPECT_EQ(Run("INSERT INTO multi_t VALUES (1); INSERT INTO multi_t SELECT 10 / a FROM multi_z; "
                  "INSERT INTO multi_t VALUES (2)"),
              (Lines{"CommandComplete INSERT 0 1", "ErrorResponse 22012", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM multi_t"), Lines{"0"});
    EXPECT_EQ(Run("INSERT INTO multi_t VALUES (1); INSERT INTO multi_t VALUES (2)"),
              (Lines{"CommandComplete INSERT 0 1", "CommandComplete INSERT 0 1", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM multi_t"), Lines{"2"});
    // A BEGIN among them makes the rest a block, which an error leaves aborted.
    EXPECT_EQ(Run("BEGIN; INSERT INTO multi_t VALUES (3); INSERT INTO multi_t SELECT 10 / a FROM multi_z; "
                  "INSERT INTO multi_t VALUES (4)"),
              (Lines{"CommandComplete BEGIN", "CommandComplete INSERT 0 1", "ErrorResponse 22012", "ReadyForQuery E"}));
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM multi_t"), Lines{"2"});
}

TEST_F(SessionProtocolTest, BeginInAPipelineStartsABlock) {
    Run("CREATE TABLE begin_t (a int)");
    EXPECT_EQ(Send(Extended("BEGIN") + Extended("INSERT INTO begin_t VALUES (1)") + Sync()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete BEGIN", "ParseComplete", "BindComplete",
                     "CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Column("SELECT count(*) FROM begin_t"), Lines{"0"});
}

TEST_F(SessionProtocolTest, FlushSendsRepliesBeforeSync) {
    Run("CREATE TABLE flush_t (a int)");
    EXPECT_EQ(Send(Extended("INSERT INTO flush_t VALUES (1)") + Flush()),
              (Lines{"ParseComplete", "BindComplete", "CommandComplete INSERT 0 1"}));
    EXPECT_EQ(Send(Sync()), Lines{"ReadyForQuery I"});
    EXPECT_EQ(Send(Sync()), Lines{"ReadyForQuery I"});
    EXPECT_EQ(Column("SELECT count(*) FROM flush_t"), Lines{"1"});
}

TEST_F(SessionProtocolTest, TerminateInsideABlockRollsItBack) {
    Run("CREATE TABLE gone_t (a int)");
    EXPECT_EQ(Run("BEGIN; INSERT INTO gone_t VALUES (1)"),
              (Lines{"CommandComplete BEGIN", "CommandComplete INSERT 0 1", "ReadyForQuery T"}));
    EXPECT_EQ(Send(Terminate()), Lines{});
    EXPECT_TRUE(session_->Ended());
    SessionHarness other(*server_);
    other.Start();
    EXPECT_EQ(other.Send(Query("SELECT count(*) FROM gone_t")),
              (Lines{"RowDescription count:int8", "DataRow 0", "CommandComplete SELECT 1", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, NoticesComeBeforeTheirCommandComplete) {
    EXPECT_EQ(Run("COMMIT"), (Lines{"NoticeResponse WARNING 25P01", "CommandComplete COMMIT", "ReadyForQuery I"}));
    EXPECT_EQ(Run("BEGIN; BEGIN"), (Lines{"CommandComplete BEGIN", "NoticeResponse WARNING 25001",
                                          "CommandComplete BEGIN", "ReadyForQuery T"}));
    EXPECT_EQ(Run("ROLLBACK"), (Lines{"CommandComplete ROLLBACK", "ReadyForQuery I"}));
    EXPECT_EQ(Run("DROP TABLE IF EXISTS no_such_table"),
              (Lines{"NoticeResponse 00000", "CommandComplete DROP TABLE", "ReadyForQuery I"}));
    EXPECT_EQ(session_->Replies()[0].fields.at('M'), "table \"no_such_table\" does not exist, skipping");
}

TEST_F(SessionProtocolTest, EmptyQuery) {
    EXPECT_EQ(Run(""), (Lines{"EmptyQueryResponse", "ReadyForQuery I"}));
    EXPECT_EQ(Run(" ; "), (Lines{"EmptyQueryResponse", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Parse("") + Bind() + Describe('P') + Execute() + Sync()),
              (Lines{"ParseComplete", "BindComplete", "NoData", "EmptyQueryResponse", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, UnknownPreparedStatementAndPortal) {
    EXPECT_EQ(Send(Bind("", "nosuch") + Execute() + Sync()), (Lines{"ErrorResponse 26000", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'], "prepared statement \"nosuch\" does not exist");
    EXPECT_EQ(Send(Describe('S', "nosuch") + Sync()), (Lines{"ErrorResponse 26000", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Execute("nosuch") + Sync()), (Lines{"ErrorResponse 34000", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Describe('P', "nosuch") + Sync()), (Lines{"ErrorResponse 34000", "ReadyForQuery I"}));
    // Closing what does not exist is no error.
    EXPECT_EQ(Send(Close('S', "nosuch") + Close('P', "nosuch") + Sync()),
              (Lines{"CloseComplete", "CloseComplete", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, PreparedStatementErrors) {
    EXPECT_EQ(Send(Parse("SELECT $1::int + 1", "s1") + Describe('S', "s1") + Sync()),
              (Lines{"ParseComplete", "ParameterDescription int4", "RowDescription ?column?:int4", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Bind("", "s1", {"1", "2"}) + Execute() + Sync()), (Lines{"ErrorResponse 08P01", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'],
              "bind message supplies 2 parameters, but prepared statement \"s1\" requires 1");
    EXPECT_EQ(Send(Bind("", "s1", {"41"}) + Execute() + Sync()),
              (Lines{"BindComplete", "DataRow 42", "CommandComplete SELECT 1", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Parse("SELECT 1", "s1") + Sync()), (Lines{"ErrorResponse 42P05", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Close('S', "s1") + Bind("", "s1") + Sync()),
              (Lines{"CloseComplete", "ErrorResponse 26000", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Parse("SELECT 1; SELECT 2") + Sync()), (Lines{"ErrorResponse 42601", "ReadyForQuery I"}));
    // A simple Query destroys the unnamed statement; PostgreSQL names it so when it is missing.
    Run("SELECT 1");
    EXPECT_EQ(Send(Bind() + Execute() + Sync()), (Lines{"ErrorResponse 26000", "ReadyForQuery I"}));
    EXPECT_EQ(session_->LastError()['M'], "unnamed prepared statement does not exist");
    // A syntax error skips the rest up to the first Sync; each Sync answers.
    EXPECT_EQ(Send(Parse("SELEC 1") + Bind() + Execute() + Sync() + Sync()),
              (Lines{"ErrorResponse 42601", "ReadyForQuery I", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, ParametersAndResultFormats) {
    Run("CREATE TABLE formats_t (a int, b text); INSERT INTO formats_t VALUES (1, 'a')");
    EXPECT_EQ(Send(Parse("INSERT INTO formats_t VALUES ($1, 'c')", "ins") + Describe('S', "ins") + Sync()),
              (Lines{"ParseComplete", "ParameterDescription int4", "NoData", "ReadyForQuery I"}));
    EXPECT_EQ(
        Send(Parse("SELECT $1::text", "", {25}) + Bind("", "", {std::nullopt}) + Describe('P') + Execute() + Sync()),
        (Lines{"ParseComplete", "BindComplete", "RowDescription text:text", "DataRow NULL", "CommandComplete SELECT 1",
               "ReadyForQuery I"}));
    EXPECT_EQ(Send(Parse("SELECT a, b FROM formats_t") + Bind("", "", {}, {1}) + Describe('P') + Execute() + Sync()),
              (Lines{"ParseComplete", "BindComplete", "RowDescription a:int4:binary b:text:binary",
                     R"(DataRow \x00\x00\x00\x01|a)", "CommandComplete SELECT 1", "ReadyForQuery I"}));
}

TEST_F(SessionProtocolTest, MalformedMessageBodyIsAnErrorAndTheSessionGoesOn) {
    EXPECT_EQ(Send(Message('Q', "SELECT 1")), (Lines{"ErrorResponse 08P01", "ReadyForQuery I"})); // no terminator
    EXPECT_EQ(Run("SELECT 1"),
              (Lines{"RowDescription ?column?:int4", "DataRow 1", "CommandComplete SELECT 1", "ReadyForQuery I"}));
    // A Bind announcing five parameter formats and sending none: the rest of the pipeline is skipped.
    EXPECT_EQ(Send(Parse("SELECT 2") + Message('B', std::string("\0\0\0\5", 4)) + Bind() + Execute() + Sync()),
              (Lines{"ParseComplete", "ErrorResponse 08P01", "ReadyForQuery I"}));
    EXPECT_EQ(Send(Bind() + Execute() + Sync()),
              (Lines{"BindComplete", "DataRow 2", "CommandComplete SELECT 1", "ReadyForQuery I"}));
    // As PostgreSQL 15: a Bind's statement is looked up before the rest of the message is read.
    EXPECT_EQ(Send(Message('B', std::string("\0nosuch\0\0\0\0\5", 13)) + Sync()),
              (Lines{"ErrorResponse 26000", "ReadyForQuery I"}));
    EXPECT_FALSE(session_->Ended());
}

// PostgreSQL closes the connection without a word for a bad length word (it logs COMMERROR); Duckgres tells the
// client first (docs/error-codes.md).
TEST_F(SessionProtocolTest, BrokenFramingIsFatal) {
    EXPECT_EQ(Send(std::string("Q\0\0\0\2", 5)), Lines{"ErrorResponse FATAL 08P01"});
    EXPECT_TRUE(session_->Ended());
    EXPECT_TRUE(session_->Client().ClosedByServer());
}

TEST_F(SessionProtocolTest, UnknownMessageTypeIsFatal) {
    EXPECT_EQ(Send(Message('y', "") + Query("SELECT 1")), Lines{"ErrorResponse FATAL 08P01"});
    EXPECT_EQ(session_->LastError()['M'], "invalid frontend message type 121");
    EXPECT_TRUE(session_->Ended());
}

TEST_F(SessionProtocolTest, ClientGoneEndsTheSession) {
    EXPECT_EQ(session_->Disconnect(), Lines{});
    EXPECT_TRUE(session_->Ended());
}

} // namespace
} // namespace duckgres::session::test
