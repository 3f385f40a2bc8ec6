// Listens on the configured address, spawns sessions, and shuts down gracefully on SIGTERM/SIGINT.
#include "net/server.hpp"

#include "auth/crypto.hpp"
#include "auth/password_verifier.hpp"
#include "common/internal_fault.hpp"
#include "net/tcp_channel.hpp"
#include "net/tls_context_holder.hpp"
#include "session/server_context.hpp"
#include "session/session.hpp"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/redirect_error.hpp>
#include <asio/signal_set.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

namespace duckgres::net {

namespace {

std::map<std::string, auth::PasswordVerifier> LoadUsers(const config::ServerConfig &config) {
    std::map<std::string, auth::PasswordVerifier> users;
    if (config.users.empty()) {
        spdlog::warn("no users configured: serving the default user \"postgres\" with password \"postgres\"; "
                     "configure users before exposing this server");
        auto verifier = auth::PasswordVerifier::Parse(auth::MakeScramVerifier("postgres"));
        users.emplace("postgres", *verifier);
        return users;
    }
    for (const auto &user : config.users) {
        auto verifier = auth::PasswordVerifier::Parse(user.password);
        if (!verifier) {
            throw std::runtime_error("user \"" + user.name + "\": malformed password verifier");
        }
        users.emplace(user.name, *verifier);
    }
    return users;
}

asio::awaitable<void> Sleep(std::chrono::milliseconds duration) {
    asio::steady_timer timer(co_await asio::this_coro::executor, duration);
    co_await timer.async_wait(asio::use_awaitable);
}

} // namespace

Server::Server(config::ServerConfig config) : config_(std::move(config)) {}

int Server::Run() {
    // Database files, write-ahead logs, spill files and generated keys are the server's alone: 0600 (0700 for
    // directories), whatever umask the server was started with.
    ::umask(077);
    std::filesystem::create_directories(config_.data_dir);
    TlsContextHolder tls(config_);

    ServerMetrics metrics;
    engine::SessionDirectory sessions(
        &metrics, [data_dir = config_.data_dir]() { return engine::DatabaseRegistry::ExistingNames(data_dir); });
    engine::RegistryOptions registry_options;
    registry_options.data_dir = config_.data_dir;
    registry_options.create_databases = config_.create_databases;
    registry_options.database.memory_limit = config_.duckdb_memory_limit;
    registry_options.database.temp_directory = config_.duckdb_temp_directory;
    for (const auto &[name, database] : config_.databases) {
        registry_options.overrides[name].memory_limit = database.memory_limit;
        registry_options.overrides[name].temp_directory = database.temp_directory;
    }
    registry_options.database.threads = config_.duckdb_threads;
    registry_options.database.allow_external_access = config_.allow_external_access;
    registry_options.database.sessions = &sessions;
    engine::DatabaseRegistry databases(registry_options);
    databases.Get("postgres"); // fail fast when the default database cannot be opened

    session::WorkerPool workers(config_.worker_threads);
    session::ConnectionLimits limits;
    limits.max_connections = config_.max_connections;
    limits.superuser_reserved_connections = config_.superuser_reserved_connections;
    limits.per_address = config_.max_connections_per_address;
    limits.queue_size = config_.connection_queue_size;
    for (const auto &user : config_.users) {
        limits.per_user[user.name] = user.max_connections;
    }
    for (const auto &[name, database] : config_.databases) {
        limits.per_database[name] = database.max_connections;
    }
    session::ConnectionLimiter connections(limits);
    session::StatementGates statement_gates([this](const std::string &database) {
        auto found = config_.databases.find(database);
        return found != config_.databases.end() && found->second.max_concurrent_statements >= 0
                   ? found->second.max_concurrent_statements
                   : config_.max_concurrent_statements;
    });
    session::ServerContext context{config_, LoadUsers(config_), auth::RandomBytes(32), databases, sessions, workers,
                                   metrics, connections,        statement_gates,       {}};

    // One event loop per I/O thread, each session on one of them for its whole life: a session's handlers never
    // race with each other without a strand, and a reply wakes only the thread that owns the connection.
    std::vector<std::unique_ptr<asio::io_context>> loops;
    for (int i = 0; i < config_.io_threads; i++) {
        loops.push_back(std::make_unique<asio::io_context>(1));
    }
    asio::io_context &io = *loops.front(); // accepts, handles signals and shutdown
    asio::ip::tcp::acceptor acceptor(io);
    {
        asio::ip::tcp::resolver resolver(io);
        auto endpoints = resolver.resolve(config_.host, std::to_string(config_.port),
                                          asio::ip::resolver_base::passive | asio::ip::resolver_base::numeric_service);
        auto endpoint = endpoints.begin()->endpoint();
        acceptor.open(endpoint.protocol());
        acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
        acceptor.bind(endpoint);
        acceptor.listen(asio::socket_base::max_listen_connections);
    }
    auto bound = acceptor.local_endpoint();

    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            size_t next_loop = 0;
            while (true) {
                auto executor = loops[next_loop]->get_executor();
                next_loop = (next_loop + 1) % loops.size();
                asio::error_code ec;
                auto socket = co_await acceptor.async_accept(executor, asio::redirect_error(asio::use_awaitable, ec));
                if (ec) {
                    if (!acceptor.is_open()) {
                        co_return;
                    }
                    spdlog::warn("accept failed: {}", ec.message());
                    continue;
                }
                auto channel = std::make_unique<TcpChannel>(std::move(socket), tls.Current());
                auto session = std::make_shared<session::Session>(context, std::move(channel));
                // The function object (and so the session) lives in the spawned coroutine's frame: the session may
                // start on another thread after this loop has moved on.
                asio::co_spawn(
                    executor, [session]() { return session->Run(); }, asio::detached);
            }
        },
        asio::detached);

    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const asio::error_code &ec, int signal) {
        if (ec) {
            return;
        }
        spdlog::info("received signal {}: shutting down", signal);
        asio::co_spawn(
            io,
            [&]() -> asio::awaitable<void> {
                context.shutting_down = true;
                asio::error_code ignored;
                acceptor.close(ignored);
                for (auto &backend : context.backends.All()) {
                    backend->Terminate(false);
                }
                auto deadline = std::chrono::steady_clock::now() + config_.shutdown_timeout;
                while (context.backends.Count() > 0 && std::chrono::steady_clock::now() < deadline) {
                    co_await Sleep(std::chrono::milliseconds(50));
                }
                if (context.backends.Count() > 0) {
                    spdlog::warn("canceling {} running statements after the shutdown timeout",
                                 context.backends.Count());
                    for (auto &backend : context.backends.All()) {
                        backend->Terminate(true);
                    }
                    auto hard_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                    while (context.backends.Count() > 0 && std::chrono::steady_clock::now() < hard_deadline) {
                        co_await Sleep(std::chrono::milliseconds(50));
                    }
                }
                for (auto &loop : loops) {
                    loop->stop();
                }
            },
            asio::detached);
    });

    // SIGHUP re-reads the TLS files for new connections; open connections keep the context they started with.
    asio::signal_set reload_signals(io, SIGHUP);
    std::function<void(const asio::error_code &, int)> on_reload = [&](const asio::error_code &ec, int) {
        if (ec) {
            return;
        }
        if (!tls.Current()) {
            spdlog::info("received SIGHUP: TLS is off, nothing to reload");
        } else if (auto error = tls.Reload()) {
            spdlog::error("received SIGHUP: TLS files not reloaded, keeping the previous ones: {}", *error);
        } else {
            spdlog::info("received SIGHUP: reloaded TLS: {}", tls.Current()->Description());
        }
        reload_signals.async_wait(on_reload);
    };
    reload_signals.async_wait(on_reload);

    spdlog::info("Duckgres listening on {}:{} (data directory {}, TLS {})", bound.address().to_string(), bound.port(),
                 config_.data_dir, tls.Current() ? "on" : "off");
    if (auto current = tls.Current()) {
        spdlog::info("TLS: {}", current->Description());
    }
    spdlog::info("connect with: psql \"host={} port={} user={} dbname=postgres\"", config_.host, bound.port(),
                 context.users.begin()->first);

    // An exception escaping a handler ends that handler only: the loop logs and counts it and runs on.
    auto run_io = [&metrics](asio::io_context &loop) {
        while (true) {
            try {
                loop.run();
                return;
            } catch (const std::exception &e) {
                metrics.Increment(Counter::Panics);
                spdlog::error("an I/O handler failed: {}\n{}", e.what(), CurrentStackTrace());
            }
        }
    };
    // Until shutdown, a loop without sessions still waits for them.
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
    for (auto &loop : loops) {
        keep_running.push_back(asio::make_work_guard(*loop));
    }
    std::vector<std::thread> threads;
    for (size_t i = 1; i < loops.size(); i++) {
        threads.emplace_back([&run_io, &loop = *loops[i]]() { run_io(loop); });
    }
    run_io(io);
    for (auto &thread : threads) {
        thread.join();
    }
    // Sessions still alive are destroyed with the I/O contexts' pending work; then the
    // workers finish, and the databases close (DuckDB checkpoints on close).
    keep_running.clear();
    for (auto &loop : loops) {
        loop->restart();
        loop->poll();
    }
    workers.Join();
    databases.CloseAll();
    spdlog::info("Duckgres stopped");
    return 0;
}

} // namespace duckgres::net
