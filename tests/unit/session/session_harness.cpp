// The session test harness: a ServerContext over DuckDB in a temporary directory, and sessions run step by step.
#include "session_harness.hpp"

#include "session/session.hpp"

#include <asio/co_spawn.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

namespace duckgres::session::test {

namespace {

std::filesystem::path MakeTemporaryDirectory() {
    auto pattern = (std::filesystem::temp_directory_path() / "duckgres-session-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        throw std::runtime_error("cannot create a temporary directory from " + pattern);
    }
    return pattern;
}

} // namespace

TestServer::TestServer(const std::function<void(config::ServerConfig &)> &configure)
    : data_dir_(MakeTemporaryDirectory()) {
    config_.data_dir = data_dir_.string();
    config_.worker_threads = 4; // COPY FROM holds two at once
    config_.duckdb_threads = 2;
    if (configure) {
        configure(config_);
    }
    auth::HbaPolicyConfig hba_config;
    hba_config.default_method = auth::HbaMethod::Trust;
    hba_config.tls_enabled = false;
    hba_ = std::make_unique<auth::HbaPolicy>(auth::HbaPolicy::Load(hba_config));
    if (!hba_->Errors().empty()) {
        throw std::runtime_error("built-in pg_hba.conf rules: " + hba_->Errors().front());
    }
    sessions_ = std::make_unique<engine::SessionDirectory>(&metrics_);
    engine::RegistryOptions registry_options;
    registry_options.data_dir = config_.data_dir;
    registry_options.create_databases = config_.create_databases;
    registry_options.database.threads = config_.duckdb_threads;
    registry_options.database.allow_external_access = config_.allow_external_access;
    registry_options.database.sessions = sessions_.get();
    databases_ = std::make_unique<engine::DatabaseRegistry>(registry_options);
    workers_ = std::make_unique<WorkerPool>(config_.worker_threads);
    connections_ = std::make_unique<ConnectionLimiter>(ConnectionLimits{});
    statement_gates_ = std::make_unique<StatementGates>(
        [limit = config_.max_concurrent_statements](const std::string &) { return limit; });
    write_locks_ = std::make_unique<StatementGates>(
        [serialize = config_.serialize_writers](const std::string &) { return serialize ? 1 : 0; });
    auth_failures_ = std::make_unique<AuthFailureTracker>(AuthFailureLimits{});
    // Trust asks for no password: the users' verifiers are never checked (empty ones do).
    std::map<std::string, auth::PasswordVerifier> users;
    if (config_.users.empty()) {
        users.emplace("postgres", auth::PasswordVerifier{});
    }
    for (const auto &user : config_.users) {
        users.emplace(user.name, auth::PasswordVerifier{});
    }
    context_.reset(new ServerContext{config_,
                                     std::move(users),
                                     "mock secret",
                                     auth::PasswordVerifier{},
                                     *hba_,
                                     {},
                                     *databases_,
                                     *sessions_,
                                     *workers_,
                                     metrics_,
                                     *connections_,
                                     *statement_gates_,
                                     *write_locks_,
                                     *auth_failures_,
                                     {}});
    io_ = std::make_unique<asio::io_context>(1);
}

TestServer::~TestServer() {
    if (stuck_) {
        // Joining the workers or destroying the stuck session could wait forever: leave them to the process's end.
        context_.release();
        io_.release();
        workers_.release();
        databases_.release();
        sessions_.release();
        connections_.release();
        statement_gates_.release();
        auth_failures_.release();
        hba_.release();
    } else {
        // Work still queued posts its completion to the io_context: finish it while the context exists.
        workers_->Join();
        io_.reset();
        databases_->CloseAll();
    }
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
}

SessionHarness::SessionHarness(TestServer &server)
    : server_(server), client_(std::make_shared<FakeClient>()), ended_(std::make_shared<bool>(false)),
      failure_(std::make_shared<std::exception_ptr>()) {
    auto &io = server_.Io();
    auto session =
        std::make_shared<Session>(server_.Context(), std::make_unique<FakeClientChannel>(io.get_executor(), client_));
    asio::co_spawn(
        io, [session]() { return session->Run(); },
        [ended = ended_, failure = failure_](std::exception_ptr error) {
            *ended = true;
            *failure = error;
        });
}

SessionHarness::~SessionHarness() {
    if (!*ended_ && !stuck_) {
        Disconnect();
    }
}

std::vector<std::string> SessionHarness::Start(const frontend::Parameters &parameters) {
    frontend::Parameters all = {{"user", "postgres"}, {"database", "postgres"}};
    all.insert(all.end(), parameters.begin(), parameters.end());
    return Send(frontend::Startup(all));
}

std::vector<std::string> SessionHarness::Send(const std::string &bytes) {
    client_->Send(bytes);
    return RunUntilIdle();
}

std::vector<std::string> SessionHarness::Disconnect() {
    if (!client_->ClosedByClient()) {
        client_->Close();
    }
    return RunUntilIdle();
}

std::map<char, std::string> SessionHarness::LastError() const {
    for (auto it = replies_.rbegin(); it != replies_.rend(); ++it) {
        if (it->type == 'E') {
            return it->fields;
        }
    }
    return {};
}

std::vector<std::string> SessionHarness::RunUntilIdle() {
    auto &io = server_.Io();
    auto deadline = std::chrono::steady_clock::now() + kStepTimeout;
    while (!*ended_) {
        if (io.stopped()) {
            io.restart();
        }
        if (client_->WaitingForInput()) {
            // Whatever is ready still runs (a read that waits cannot be woken by it): then the session is idle.
            if (io.poll() == 0 && client_->WaitingForInput()) {
                break;
            }
            continue;
        }
        if (stuck_ || std::chrono::steady_clock::now() >= deadline) {
            ADD_FAILURE() << "the session neither waits for input nor ends after " << kStepTimeout.count() << " s";
            stuck_ = true;
            server_.MarkStuck();
            break;
        }
        io.run_one_for(std::chrono::milliseconds(100));
    }
    if (*ended_) {
        if (io.stopped()) {
            io.restart();
        }
        io.poll();
        if (*failure_) {
            try {
                std::rethrow_exception(*failure_);
            } catch (const std::exception &e) {
                ADD_FAILURE() << "Session::Run() threw: " << e.what();
            }
            *failure_ = nullptr;
        }
    }
    replies_ = decoder_.Decode(client_->TakeReceived());
    EXPECT_EQ(decoder_.Pending(), 0u) << "the session wrote part of a message";
    return Lines(replies_);
}

} // namespace duckgres::session::test
