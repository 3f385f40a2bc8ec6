// SessionHarness: runs a real Session over a FakeClientChannel, on a real ServerContext and DuckDB, step by step.
#pragma once

#include "fake_client_channel.hpp"
#include "protocol_messages.hpp"
#include "session/server_context.hpp"

#include <asio/io_context.hpp>

#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace duckgres::session::test {

//! What the server shares between sessions: a ServerContext over DuckDB databases in a temporary directory
//! (removed at the end), a WorkerPool, and the io_context the test drives on its own thread. Every connection from
//! loopback authenticates as trust (the built-in pg_hba.conf rules with method trust); without configured users
//! the default user postgres is an admin, as in the server.
class TestServer {
public:
    //! `configure` may change the configuration before anything is built from it.
    explicit TestServer(const std::function<void(config::ServerConfig &)> &configure = {});
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    ServerContext &Context() { return *context_; }
    asio::io_context &Io() { return *io_; }
    //! A session never waited for input again nor ended (the test has failed): its coroutine, and perhaps a worker,
    //! never finish, so the end leaves the server's parts as they are instead of waiting for them forever.
    void MarkStuck() { stuck_ = true; }

private:
    bool stuck_ = false;
    std::filesystem::path data_dir_;
    config::ServerConfig config_;
    std::unique_ptr<auth::HbaPolicy> hba_;
    ServerMetrics metrics_;
    std::unique_ptr<engine::SessionDirectory> sessions_;
    std::unique_ptr<engine::DatabaseRegistry> databases_;
    std::unique_ptr<WorkerPool> workers_;
    std::unique_ptr<ConnectionLimiter> connections_;
    std::unique_ptr<StatementGates> statement_gates_;
    std::unique_ptr<StatementGates> write_locks_;
    std::unique_ptr<AuthFailureTracker> auth_failures_;
    std::unique_ptr<ServerContext> context_;
    std::unique_ptr<asio::io_context> io_; //!< last: destroyed first, with any session still on it
};

//! One client connection: a Session started on the server's io_context with a FakeClientChannel. Each call that
//! sends bytes then runs the io_context until the session waits for input again (its replies flushed) or has
//! ended, and returns the backend messages that arrived meanwhile, decoded (see BackendDecoder).
class SessionHarness {
public:
    explicit SessionHarness(TestServer &server);
    //! Closes the client's end and runs the session to its end, if it has not ended (nor is stuck).
    ~SessionHarness();
    SessionHarness(const SessionHarness &) = delete;
    SessionHarness &operator=(const SessionHarness &) = delete;

    //! Sends a StartupMessage (user postgres, database postgres, then `parameters`) and returns the replies:
    //! AuthenticationOk, ParameterStatus..., BackendKeyData, ReadyForQuery I when the session starts.
    std::vector<std::string> Start(const frontend::Parameters &parameters = {});
    //! Sends `bytes` (one message or a pipeline of them) and returns the replies.
    std::vector<std::string> Send(const std::string &bytes);
    //! The client closes its end; returns the replies that came before the session ended.
    std::vector<std::string> Disconnect();

    //! The messages the last call returned, with the fields of errors and notices.
    const std::vector<BackendMessage> &Replies() const { return replies_; }
    //! The fields of the last ErrorResponse among them ('C', 'M', 'D', 'W'...); empty when there is none.
    std::map<char, std::string> LastError() const;
    //! The session's Run() has returned (it closed the connection).
    bool Ended() const { return *ended_; }
    FakeClient &Client() { return *client_; }

    //! How long one step may run before the test fails (a session that never waits for input again).
    static constexpr std::chrono::seconds kStepTimeout{20};

private:
    //! Runs the io_context until the session waits for input or has ended; then decodes what it wrote.
    std::vector<std::string> RunUntilIdle();

    TestServer &server_;
    bool stuck_ = false; //!< a step timed out: the session is abandoned
    std::shared_ptr<FakeClient> client_;
    std::shared_ptr<bool> ended_;
    std::shared_ptr<std::exception_ptr> failure_; //!< what Run() threw (it never should)
    BackendDecoder decoder_;
    std::vector<BackendMessage> replies_;
};

} // namespace duckgres::session::test
