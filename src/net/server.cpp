// Listens on the configured address, spawns sessions, and shuts down gracefully on SIGTERM/SIGINT.
#include "net/server.hpp"

#include "auth/crypto.hpp"
#include "auth/password_verifier.hpp"
#include "common/internal_fault.hpp"
#include "net/accept_backoff.hpp"
#include "net/descriptor_limit.hpp"
#include "net/refusal_summary.hpp"
#include "net/tcp_channel.hpp"
#include "net/tls_context_holder.hpp"
#include "session/auth_failure_tracker.hpp"
#include "session/connection_rate_limiter.hpp"
#include "session/server_context.hpp"
#include "session/session.hpp"
#include "session/startup_limiter.hpp"
#include "wire/backend_messages.hpp"

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
        if (verifier->kind == auth::VerifierKind::Plaintext) {
            // SCRAM keys derived once (random salt, PostgreSQL's default iterations): a SCRAM login then costs
            // the server what it costs for a stored verifier, or an unknown user, instead of a key derivation.
            auto derived = auth::PasswordVerifier::Parse(auth::MakeScramVerifier(verifier->text));
            if (derived) {
                verifier->iterations = derived->iterations;
                verifier->salt = std::move(derived->salt);
                verifier->stored_key = std::move(derived->stored_key);
                verifier->server_key = std::move(derived->server_key);
            }
        }
        users.emplace(user.name, *verifier);
    }
    return users;
}

//! A verifier of a random password, of the kind (and SCRAM iteration count) most users have: an unknown user's
//! password is checked against it, at the cost of checking a known user's.
auth::PasswordVerifier MockVerifier(const std::map<std::string, auth::PasswordVerifier> &users) {
    std::map<std::pair<auth::VerifierKind, int>, int> shapes;
    for (const auto &[name, verifier] : users) {
        shapes[{verifier.kind, verifier.kind == auth::VerifierKind::ScramSha256 ? verifier.iterations : 0}]++;
    }
    std::pair<auth::VerifierKind, int> typical{auth::VerifierKind::ScramSha256, 4096};
    int most = 0;
    for (const auto &[shape, count] : shapes) {
        if (count > most) {
            typical = shape;
            most = count;
        }
    }
    auto password = auth::Base64Encode(auth::RandomBytes(18));
    std::optional<auth::PasswordVerifier> mock;
    switch (typical.first) {
    case auth::VerifierKind::ScramSha256:
        mock = auth::PasswordVerifier::Parse(auth::MakeScramVerifier(password, typical.second));
        break;
    case auth::VerifierKind::Md5:
        mock = auth::PasswordVerifier::Parse(auth::MakeMd5Verifier(password, ""));
        break;
    case auth::VerifierKind::Plaintext:
        mock = auth::PasswordVerifier{};
        mock->text = password;
        break;
    }
    return *mock;
}

//! The client's address (without the port), as sessions name it.
template <class Socket>
std::string AddressOf(const Socket &socket) {
    asio::error_code ec;
    auto endpoint = socket.remote_endpoint(ec);
    return ec ? "unknown" : endpoint.address().to_string();
}

//! Tells a connection refused before its startup packet PostgreSQL's 53300 and closes it, without waiting:
//! the few bytes fit in the new socket's empty send buffer, or the client gets no reason.
template <class Socket>
void RefuseAtOnce(Socket &socket) {
    wire::ErrorFields fields;
    fields.severity = "FATAL";
    fields.sqlstate = "53300";
    fields.message = "sorry, too many clients already";
    std::string bytes;
    wire::WriteErrorResponse(bytes, fields);
    asio::error_code ec;
    socket.non_blocking(true, ec);
    socket.write_some(asio::buffer(bytes), ec);
    socket.close(ec);
}

//! Raises the open file limit and warns when the connection limits may need more descriptors than it allows.
void CheckDescriptorLimit(const config::ServerConfig &config) {
    auto limit = RaiseDescriptorLimit();
    if (limit.after != limit.before) {
        spdlog::info("open file limit: {} (raised from {})", limit.after, limit.before);
    } else {
        spdlog::info("open file limit: {}", limit.after);
    }
    auto needed = DescriptorsNeeded(config);
    if (needed == 0) {
        spdlog::warn("max_startup_connections is 0 (unlimited): connections that never authenticate can use up "
                     "the open file limit ({})",
                     limit.after);
    } else if (needed > limit.after) {
        spdlog::warn("the open file limit ({}) is below what max_connections and max_startup_connections may need "
                     "({}): raise it (ulimit -n, systemd LimitNOFILE) or lower them",
                     limit.after, needed);
    }
}

asio::awaitable<void> Sleep(std::chrono::milliseconds duration) {
    asio::steady_timer timer(co_await asio::this_coro::executor, duration);
    co_await timer.async_wait(asio::use_awaitable);
}

} // namespace

Server::Server(config::ServerConfig config, auth::HbaPolicy hba) : config_(std::move(config)), hba_(std::move(hba)) {}

int Server::Run() {
    // Database files, write-ahead logs, spill files and generated keys are the server's alone: 0600 (0700 for
    // directories), whatever umask the server was started with.
    ::umask(077);
    std::filesystem::create_directories(config_.data_dir);
    TlsContextHolder tls(config_);
    CheckDescriptorLimit(config_);

    ServerMetrics metrics;
    engine::SessionDirectory sessions(
        &metrics, [data_dir = config_.data_dir]() { return engine::DatabaseRegistry::ExistingNames(data_dir); },
        [this]() {
            std::vector<std::vector<std::string>> roles;
            for (const auto &user : config_.users) {
                roles.push_back({user.name, config::UserRoleName(user.role)});
            }
            if (roles.empty()) {
                roles.push_back({"postgres", "admin"}); // the default user
            }
            return roles;
        });
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
    session::StatementGates write_locks([this](const std::string &) { return config_.serialize_writers ? 1 : 0; });
    session::AuthFailureLimits failure_limits;
    failure_limits.limit = config_.auth_failure_limit;
    failure_limits.window = config_.auth_failure_window;
    failure_limits.ban_duration = config_.auth_ban_duration;
    session::AuthFailureTracker auth_failures(failure_limits);
    auto users = LoadUsers(config_);
    auto mock_verifier = MockVerifier(users);
    session::ServerContext context{config_,
                                   std::move(users),
                                   auth::RandomBytes(32),
                                   std::move(mock_verifier),
                                   hba_,
                                   auth::ReadInterfaceAddresses(),
                                   databases,
                                   sessions,
                                   workers,
                                   metrics,
                                   connections,
                                   statement_gates,
                                   write_locks,
                                   auth_failures,
                                   {}};
    session::StartupLimiter startup_limiter(session::StartupLimits{
        config::EffectiveMaxStartupConnections(config_), config::EffectiveMaxStartupConnectionsPerAddress(config_)});

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

    // The accept loop runs on the first I/O thread and alone owns the backoff, the refusal log and the rate
    // limiter; the startup limiter is shared with the sessions that leave it.
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            AcceptBackoff backoff;
            RefusalSummary refusals;
            session::ConnectionRateLimiter rates(
                session::ConnectionRateLimits{config_.max_connection_rate_per_address, config_.connection_rate_burst});
            size_t next_loop = 0;
            while (true) {
                auto executor = loops[next_loop]->get_executor();
                next_loop = (next_loop + 1) % loops.size();
                asio::error_code ec;
                auto socket = co_await acceptor.async_accept(executor, asio::redirect_error(asio::use_awaitable, ec));
                auto now = std::chrono::steady_clock::now();
                if (ec) {
                    if (!acceptor.is_open()) {
                        co_return;
                    }
                    // Out of descriptors or memory: accepting again at once would fail again. Pause instead.
                    metrics.Increment(Counter::AcceptFailures);
                    auto action = backoff.Failed(now);
                    if (action.report > 0) {
                        spdlog::warn("accept failed: {} ({} failed {} since the last report); pausing accepts "
                                     "for {} ms",
                                     ec.message(), action.report, action.report == 1 ? "accept" : "accepts",
                                     action.pause.count());
                    }
                    co_await Sleep(action.pause);
                    continue;
                }
                if (auto missed = backoff.Succeeded(now)) {
                    spdlog::warn("accepting connections again ({} more failed {} since the last report)", missed,
                                 missed == 1 ? "accept" : "accepts");
                }
                auto address = AddressOf(socket);
                std::optional<AcceptRefusal> refusal;
                if (!rates.Allow(address, now)) {
                    refusal = AcceptRefusal::ConnectionRate;
                } else if (auto admission = startup_limiter.TryEnter(address);
                           admission != session::StartupAdmission::Admitted) {
                    refusal = admission == session::StartupAdmission::OverTotal ? AcceptRefusal::StartupTotal
                                                                                : AcceptRefusal::StartupPerAddress;
                }
                if (refusal) {
                    metrics.Increment(*refusal == AcceptRefusal::ConnectionRate ? Counter::ConnectionRateRejects
                                                                                : Counter::StartupLimitRejects);
                    refusals.Add(*refusal, address);
                    RefuseAtOnce(socket);
                }
                if (auto line = refusals.TakeLine(now); !line.empty()) {
                    spdlog::warn("{}", line);
                }
                if (refusal) {
                    continue;
                }
                session::StartupSlot slot(startup_limiter, address);
                auto channel = std::make_unique<TcpChannel>(std::move(socket), tls.Current());
                auto session = std::make_shared<session::Session>(context, std::move(channel), std::move(slot));
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
