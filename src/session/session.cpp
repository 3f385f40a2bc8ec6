// The protocol state machine of one client: startup, authentication and the command loop.
#include "session/session.hpp"

#include "common/ascii.hpp"
#include "common/internal_fault.hpp"
#include "common/sql_quote.hpp"
#include "engine/search_path_tables.hpp"
#include "engine/statement_type_access.hpp"
#include "session/authenticator.hpp"
#include "session/result_encoder.hpp"
#include "session/rewrite_settings.hpp"
#include "sql/command_tag.hpp"
#include "sql/existence_checks.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "wire/protocol_error.hpp"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/post.hpp>
#include <asio/redirect_error.hpp>
#include <asio/steady_timer.hpp>
#include <asio/system_error.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

namespace duckgres::session {

namespace {

//! Output is flushed to the client whenever this much is buffered while streaming rows.
constexpr size_t kFlushBudget = 256 * 1024;
//! Replies to pipelined messages are sent once this much output is waiting.
constexpr size_t kPipelineOutput = 64 * 1024;
//! In a query over DuckDB's catalog functions: the schema is one an unqualified name resolves in (the search
//! path the session gave DuckDB).
constexpr const char *kInSearchPath = "list_contains(current_schemas(false), schema_name)";
//! Query texts up to this size are parsed on the I/O thread (and their parses remembered); longer ones on a worker,
//! so that one huge query string cannot stall the I/O thread.
constexpr size_t kParseInPlaceLimit = 4096;
//! How often a connection waiting for a slot (connection_queue_timeout) tries again.
constexpr std::chrono::milliseconds kAdmissionPoll{20};
//! How often an interrupted statement that still runs is interrupted again.
constexpr std::chrono::milliseconds kReinterruptInterval{100};

//! The rows of a catalog lookup whose failure only means that nothing is known: empty then.
std::vector<std::vector<std::string>> RowsOrNone(engine::EngineConnection &connection, const std::string &sql) {
    try {
        return connection.QueryStrings(sql);
    } catch (const SqlError &) {
        return {};
    }
}

//! The first column of those rows, as a set.
std::set<std::string> FirstColumnValues(engine::EngineConnection &connection, const std::string &sql) {
    std::set<std::string> values;
    for (auto &row : RowsOrNone(connection, sql)) {
        values.insert(std::move(row[0]));
    }
    return values;
}

int64_t NowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

bool IsTransactionExit(const sql::ParsedStatement &statement) {
    return statement.kind == sql::StatementKind::Commit || statement.kind == sql::StatementKind::Rollback ||
           (statement.kind == sql::StatementKind::Savepoint && statement.tag == "ROLLBACK");
}

SqlError AbortedTransaction() {
    return SqlError("25P02", "current transaction is aborted, commands ignored until end of transaction block");
}

namespace {

SqlError Fatal(std::string sqlstate, const std::string &message) {
    SqlError error(std::move(sqlstate), message);
    error.severity = "FATAL";
    return error;
}

//! Number of characters (UTF-8 sequences) in the first `bytes` bytes of `text`.
int CharacterCount(const std::string &text, size_t bytes) {
    int count = 0;
    for (size_t i = 0; i < bytes && i < text.size(); i++) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

//! Tag for statements PostgreSQL's grammar could not classify, from DuckDB's statement type.
std::pair<std::string, bool> TagFromDuckDb(duckdb_statement_type type) {
    switch (type) {
    case DUCKDB_STATEMENT_TYPE_SELECT:
        return {"SELECT", true};
    case DUCKDB_STATEMENT_TYPE_INSERT:
        return {"INSERT", true};
    case DUCKDB_STATEMENT_TYPE_UPDATE:
        return {"UPDATE", true};
    case DUCKDB_STATEMENT_TYPE_DELETE:
        return {"DELETE", true};
    case DUCKDB_STATEMENT_TYPE_EXPLAIN:
        return {"EXPLAIN", false};
    case DUCKDB_STATEMENT_TYPE_CREATE:
        return {"CREATE", false};
    case DUCKDB_STATEMENT_TYPE_DROP:
        return {"DROP", false};
    case DUCKDB_STATEMENT_TYPE_ALTER:
        return {"ALTER", false};
    case DUCKDB_STATEMENT_TYPE_COPY:
        return {"COPY", true};
    case DUCKDB_STATEMENT_TYPE_PRAGMA:
        return {"PRAGMA", false};
    case DUCKDB_STATEMENT_TYPE_ATTACH:
        return {"ATTACH", false};
    case DUCKDB_STATEMENT_TYPE_DETACH:
        return {"DETACH", false};
    case DUCKDB_STATEMENT_TYPE_LOAD:
        return {"LOAD", false};
    case DUCKDB_STATEMENT_TYPE_CALL:
        return {"CALL", false};
    case DUCKDB_STATEMENT_TYPE_VARIABLE_SET:
        return {"SET", false};
    default:
        return {"OK", false};
    }
}

} // namespace

Session::Session(ServerContext &context, std::unique_ptr<ClientChannel> channel, StartupSlot startup_slot)
    : context_(context), stream_(std::move(channel), context.config.max_startup_message_size),
      startup_slot_(std::move(startup_slot)), watch_timer_(stream_.Channel().GetExecutor()),
      idle_timer_(stream_.Channel().GetExecutor()) {
    peer_ = stream_.Channel().PeerAddress();
    settings_.SetDefault("TimeZone", context.config.time_zone);
}

Session::~Session() {
    if (process_id_ != 0) {
        context_.backends.Unregister(process_id_);
    }
    if (admitted_) {
        context_.connections.Release(*admitted_);
    }
}

// ---------------------------------------------------------------------------------------------
// Life cycle

asio::awaitable<void> Session::Run() {
    auto self = shared_from_this();
    std::weak_ptr<Session> weak = self;
    auto timer = std::make_shared<asio::steady_timer>(stream_.Channel().GetExecutor(), context_.config.startup_timeout);
    timer->async_wait([weak](const asio::error_code &ec) {
        auto session = weak.lock();
        if (!ec && session && session->phase_ == Phase::Startup) {
            spdlog::info("closing connection from {}: startup timeout", session->peer_);
            session->stream_.Channel().Close();
        }
    });
    // A connection that sends no startup packet is closed sooner, and quietly (as PostgreSQL says nothing about
    // connections that send nothing): a flood of idle sockets must not hold slots for long, nor fill the log.
    auto packet_timer = std::make_shared<asio::steady_timer>(
        stream_.Channel().GetExecutor(),
        std::min(context_.config.startup_packet_timeout, context_.config.startup_timeout));
    packet_timer->async_wait([weak](const asio::error_code &ec) {
        auto session = weak.lock();
        if (!ec && session && session->phase_ == Phase::Startup) {
            spdlog::debug("closing connection from {}: no startup packet in time", session->peer_);
            session->stream_.Channel().Close();
        }
    });

    std::optional<SqlError> fatal;
    try {
        bool started = co_await Startup();
        packet_timer->cancel();
        if (started) {
            stream_.Framer().SetStartupPhase(false);
            co_await AdmitConnection();
            co_await Authenticate();
            AuthorizeUser();
            co_await OpenDatabase();
            timer->cancel();
            WriteStartupReport();
            co_await CommandLoop();
        }
    } catch (const SqlError &e) {
        fatal = e;
        fatal->severity = "FATAL";
    } catch (const wire::ProtocolError &e) {
        fatal = Fatal(e.SqlState(), e.what());
    } catch (const asio::system_error &e) {
        spdlog::debug("connection from {} ended: {}", peer_, e.what());
    } catch (const InternalFault &e) {
        context_.metrics.Increment(Counter::Panics);
        spdlog::error("session {} ({}) ended by an internal fault: {} ({})\n{}", process_id_, peer_, e.what(),
                      e.Location(), e.Trace());
        fatal = Fatal("XX000", std::string("internal error: ") + e.what());
    } catch (const std::exception &e) {
        context_.metrics.Increment(Counter::Panics);
        spdlog::error("session {} ({}) failed: {}\n{}", process_id_, peer_, e.what(), CurrentStackTrace());
        fatal = Fatal("XX000", std::string("internal error: ") + e.what());
    }
    timer->cancel();
    packet_timer->cancel();
    startup_slot_.Release();
    phase_ = Phase::Closing;
    if (fatal) {
        if (refused_by_ban_) {
            // Logged once, when the ban began: an attacker's every try must not add a line.
            spdlog::debug("connection from {} refused: {} (address banned)", peer_, fatal->what());
        } else if (fatal->sqlstate == "28P01" || fatal->sqlstate == "08P01") {
            spdlog::info("connection from {} refused: {}", peer_, fatal->what());
        }
        co_await SendFatal(*fatal);
    }
    if (process_id_ != 0) {
        context_.backends.Unregister(process_id_);
        process_id_ = 0;
    }
    if (admitted_) {
        context_.connections.Release(*admitted_);
        admitted_.reset();
    }
    if (connection_) {
        context_.sessions.Unregister(connection_id_);
        // Disconnecting may roll back a transaction: blocking work, done on a worker.
        std::unique_ptr<engine::EngineConnection> connection;
        {
            std::lock_guard lock(connection_mutex_);
            connection = std::move(connection_);
        }
        try {
            // DuckDB's statements and results keep the connection's context alive: they go first.
            co_await context_.workers.Run([&]() {
                portals_.clear();
                prepared_.clear();
                described_cache_.Clear();
                connection.reset();
            });
        } catch (const std::exception &e) {
            spdlog::warn("closing the DuckDB connection failed: {}", e.what());
        }
    }
    stream_.Channel().Close();
}

asio::awaitable<void> Session::SendFatal(const SqlError &error) {
    try {
        WriteError(error);
        co_await stream_.Flush();
    } catch (const std::exception &) {
        // The client is gone; nothing more to tell it.
    }
}

void Session::CancelStatement() {
    Interrupt(CancelReason::User);
}

void Session::Interrupt(CancelReason reason) {
    std::lock_guard lock(connection_mutex_);
    if (!running_statement_ || !connection_) {
        return; // between statements a cancel is harmless, as in PostgreSQL
    }
    auto none = CancelReason::None;
    if (cancel_reason_.compare_exchange_strong(none, reason)) {
        if (reason == CancelReason::User) {
            context_.metrics.Increment(Counter::QueryCancellations);
        } else if (reason == CancelReason::Timeout) {
            context_.metrics.Increment(Counter::QueryTimeouts);
        }
    }
    // Again when already interrupted: DuckDB forgets an interrupt that arrives before its query starts.
    connection_->Interrupt();
}

void Session::ThrowIfCanceled() const {
    if (cancel_reason_ != CancelReason::None) {
        throw SqlError("57014", "canceling statement due to user request"); // WriteError names the reason
    }
}

Session::RunningStatement::RunningStatement(Session &session) : session_(session) {
    if (session_.running_depth_++ > 0) {
        return;
    }
    session_.cancel_reason_ = CancelReason::None;
    session_.running_statement_ = true;
    auto timeout = session_.settings_.Milliseconds("statement_timeout");
    session_.statement_deadline_ = timeout > 0 ? std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout)
                                               : std::chrono::steady_clock::time_point::max();
    session_.watch_round_++;
    session_.WatchStatement();
}

Session::RunningStatement::~RunningStatement() {
    if (--session_.running_depth_ > 0) {
        return;
    }
    if (session_.holds_turn_) {
        session_.holds_turn_ = false;
        session_.gate_->Leave();
    }
    session_.running_statement_ = false;
    session_.watch_round_++;
    session_.watch_timer_.cancel();
}

asio::awaitable<void> Session::AfterSchemaChange(const sql::ParsedStatement &statement) {
    if (statement.tag == "CREATE SCHEMA" || statement.tag == "DROP SCHEMA") {
        applied_search_path_.clear(); // a schema of search_path may exist now, or no more
        co_await context_.workers.Run([&]() { ApplySettings(); });
    }
}

bool Session::DefaultReadOnly() const {
    return settings_.Get("default_transaction_read_only") == "on";
}

SqlError Session::ContainFault(const std::exception &fault) {
    if (dynamic_cast<const std::bad_alloc *>(&fault)) {
        spdlog::warn("session {} ({}): out of memory in a statement", process_id_, peer_);
        return SqlError("53200", "out of memory");
    }
    context_.metrics.Increment(Counter::Panics);
    spdlog::error("session {} ({}): a statement failed with an unexpected exception: {}\n{}", process_id_, peer_,
                  fault.what(), CurrentStackTrace());
    return SqlError("XX000", std::string("internal error: ") + fault.what());
}

asio::awaitable<void> Session::RaiseInjectedFault() {
    auto fault = std::exchange(injected_fault_, "");
    if (fault == "exception") {
        throw std::runtime_error("injected fault");
    }
    if (fault == "assertion") {
        DG_ASSERT(fault != "assertion");
    }
    if (fault == "worker") {
        co_await context_.workers.Run([]() -> int { throw std::runtime_error("injected fault on a worker"); });
    }
    if (fault == "io") {
        // Escapes to the I/O loop, which logs and counts it and goes on; this statement runs normally.
        asio::post(stream_.Channel().GetExecutor(), []() { throw std::runtime_error("injected fault in I/O"); });
    }
}

asio::awaitable<void> Session::WaitForTurn() {
    // Superusers never wait: they must be able to look and cancel when the gate is full.
    if (!gate_ || holds_turn_ || (admitted_ && admitted_->superuser)) {
        co_return;
    }
    auto waiter = std::make_shared<StatementGate::Waiter>();
    waiter->timer = std::make_shared<asio::steady_timer>(stream_.Channel().GetExecutor());
    if (!gate_->TryEnter(waiter)) {
        context_.sessions.SetActivity(connection_id_, settings_.Get("application_name").value_or(""), "active",
                                      last_query_, query_start_micros_, "StatementAdmission");
        // Woken when granted; also every kAdmissionPoll to see whether the statement was canceled meanwhile.
        while (!gate_->Granted(waiter)) {
            if (cancel_reason_ != CancelReason::None) {
                gate_->Withdraw(waiter);
                throw SqlError("57014", "canceling statement due to user request"); // WriteError names the reason
            }
            waiter->timer->expires_after(kAdmissionPoll);
            asio::error_code ignored;
            co_await waiter->timer->async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        }
        ReportActivity("active", last_query_);
    }
    holds_turn_ = true;
}

void Session::WatchStatement() {
    auto check = context_.config.client_connection_check_interval;
    auto now = std::chrono::steady_clock::now();
    auto next = statement_deadline_ > now ? statement_deadline_ : now + kReinterruptInterval;
    if (cancel_reason_ != CancelReason::None) {
        next = now + kReinterruptInterval;
    } else if (check.count() > 0) {
        next = std::min(next, now + check);
    }
    if (next == std::chrono::steady_clock::time_point::max()) {
        return; // no timeout, no client check
    }
    watch_timer_.expires_at(next);
    watch_timer_.async_wait([weak = weak_from_this(), round = watch_round_](const asio::error_code &ec) {
        auto self = weak.lock();
        if (ec || !self || self->watch_round_ != round || !self->running_statement_) {
            return;
        }
        if (self->cancel_reason_ != CancelReason::None) {
            self->Interrupt(self->cancel_reason_); // still running: the interrupt may have come too early
        } else if (std::chrono::steady_clock::now() >= self->statement_deadline_) {
            self->Interrupt(CancelReason::Timeout);
        } else if (self->stream_.Channel().PeerHungUp()) {
            spdlog::info("session {}: client {} disconnected during a statement; canceling it", self->process_id_,
                         self->peer_);
            self->Interrupt(CancelReason::ClientGone);
        }
        self->WatchStatement();
    });
}

void Session::WatchIdle() {
    bool in_transaction = tx_ != TxState::Idle;
    auto timeout =
        settings_.Milliseconds(in_transaction ? "idle_in_transaction_session_timeout" : "idle_session_timeout");
    if (timeout <= 0) {
        return;
    }
    idle_timer_.expires_after(std::chrono::milliseconds(timeout));
    idle_timer_.async_wait(
        [weak = weak_from_this(), round = ++watch_round_, in_transaction](const asio::error_code &ec) {
            auto self = weak.lock();
            if (ec || !self || self->watch_round_ != round) {
                return;
            }
            if (in_transaction) {
                self->CloseIdle(Fatal("25P03", "terminating connection due to idle-in-transaction timeout"));
            } else {
                self->CloseIdle(Fatal("57P05", "terminating connection due to idle-session timeout"));
            }
        });
}

void Session::CloseIdle(const SqlError &error) {
    if (phase_ != Phase::Idle && phase_ != Phase::Startup) {
        return; // the command loop checks terminate_requested_ after the statement
    }
    phase_ = Phase::Closing;
    spdlog::info("session {} ({}): {}", process_id_, peer_, error.what());
    asio::co_spawn(
        stream_.Channel().GetExecutor(),
        [self = shared_from_this(), error]() -> asio::awaitable<void> {
            co_await self->SendFatal(error);
            self->stream_.Channel().Close();
        },
        asio::detached);
}

void Session::Terminate(bool interrupt_running) {
    terminate_requested_ = true;
    if (interrupt_running) {
        Interrupt(CancelReason::Terminate);
    }
    asio::post(stream_.Channel().GetExecutor(), [self = shared_from_this()]() {
        self->CloseIdle(Fatal("57P01", "terminating connection due to administrator command"));
    });
}

// ---------------------------------------------------------------------------------------------
// Startup

asio::awaitable<bool> Session::Startup() {
    // Each encryption request may come once (a client may try the other kind after a refusal);
    // a repeat is answered as PostgreSQL does, as an unsupported protocol version.
    bool ssl_requested = false;
    bool gss_requested = false;
    auto refuse_repeat = [](int32_t code) {
        return Fatal("0A000", "unsupported frontend protocol " + std::to_string(code >> 16) + "." +
                                  std::to_string(code & 0xFFFF) + ": server supports 3.0 to 3.0");
    };
    while (true) {
        auto message = co_await stream_.Read();
        auto packet = wire::ParseStartupPacket(message.payload);
        if (std::holds_alternative<wire::SslRequest>(packet)) {
            if (ssl_requested || stream_.Channel().IsTls()) {
                throw refuse_repeat(wire::kSslRequestCode);
            }
            ssl_requested = true;
            if (stream_.Framer().Buffered() > 0) {
                throw wire::ProtocolError("received unencrypted data after SSL request");
            }
            bool accept = stream_.Channel().CanUpgradeToTls();
            wire::WriteSslResponse(stream_.Out(), accept);
            co_await stream_.Flush();
            if (accept) {
                co_await stream_.Channel().UpgradeToTls();
            }
            continue;
        }
        if (std::holds_alternative<wire::GssEncRequest>(packet)) {
            if (gss_requested || stream_.Channel().IsTls()) {
                throw refuse_repeat(wire::kGssEncRequestCode);
            }
            gss_requested = true;
            wire::WriteSslResponse(stream_.Out(), false);
            co_await stream_.Flush();
            continue;
        }
        if (auto *cancel = std::get_if<wire::CancelRequest>(&packet)) {
            context_.backends.Cancel(cancel->process_id, cancel->secret_key);
            co_return false;
        }
        auto &startup = std::get<wire::StartupMessage>(packet);
        co_await ApplyStartupParameters(startup);
        co_return true;
    }
}

asio::awaitable<void> Session::ApplyStartupParameters(const wire::StartupMessage &startup) {
    if (context_.shutting_down) {
        throw Fatal("57P03", "the database system is shutting down");
    }
    // Defaults first: the server's, then the user's own; the startup options below override them.
    const auto &config = context_.config;
    const config::UserConfig *user = nullptr;
    for (const auto &[name, value] : startup.parameters) {
        if (name == "user") {
            user = ConfiguredUser(value);
        }
    }
    auto statement_timeout = user && user->statement_timeout ? *user->statement_timeout : config.statement_timeout;
    settings_.SetDefault("statement_timeout", std::to_string(statement_timeout.count()));
    settings_.SetDefault("idle_in_transaction_session_timeout",
                         std::to_string(config.idle_in_transaction_session_timeout.count()));
    settings_.SetDefault("idle_session_timeout", std::to_string(config.idle_session_timeout.count()));
    std::vector<std::string> unrecognized;
    for (const auto &[name, value] : startup.parameters) {
        if (name == "user") {
            user_ = value;
        } else if (name == "database") {
            database_name_ = value;
        } else if (name.rfind("_pq_.", 0) == 0) {
            unrecognized.push_back(name);
        } else if (name == "replication") {
            if (value != "false" && value != "off" && value != "0") {
                throw Fatal("0A000", "replication connections are not supported");
            }
        } else if (name == "options") {
            // "-c name=value" and "--name=value" pairs, separated by spaces.
            std::istringstream words(value);
            std::string word;
            while (words >> word) {
                if (word == "-c" && (words >> word)) {
                } else if (word.rfind("--", 0) == 0) {
                    word = word.substr(2);
                } else if (word.rfind("-c", 0) == 0) {
                    word = word.substr(2);
                } else {
                    throw Fatal("42601", "invalid command-line argument for server process: " + word);
                }
                auto eq = word.find('=');
                if (eq == std::string::npos) {
                    throw Fatal("42601", "invalid command-line argument for server process: " + word);
                }
                if (auto error = settings_.SetDefault(word.substr(0, eq), word.substr(eq + 1))) {
                    error->severity = "FATAL";
                    throw *error;
                }
            }
        } else {
            auto *definition = SessionSettings::Find(name);
            if (definition && definition->effect == SettingEffect::ReadOnly) {
                continue;
            }
            if (auto error = settings_.SetDefault(name, value)) {
                error->severity = "FATAL";
                throw *error;
            }
        }
    }
    if (database_name_.empty()) {
        database_name_ = user_;
    }
    if (startup.minor > 0 || !unrecognized.empty()) {
        wire::WriteNegotiateProtocolVersion(stream_.Out(), wire::kProtocolVersion3, unrecognized);
    }
    co_return;
}

const config::UserConfig *Session::ConfiguredUser(const std::string &name) const {
    for (const auto &user : context_.config.users) {
        if (user.name == name) {
            return &user;
        }
    }
    return nullptr;
}

void Session::AuthorizeUser() {
    const auto *user = ConfiguredUser(user_);
    auto role = config::RoleOf(context_.config, user_);
    if (!role) {
        // Only a trust or cert rule lets an unknown name this far: as PostgreSQL, no session without the role.
        SqlError error("28000", "role \"" + user_ + "\" does not exist");
        error.severity = "FATAL";
        throw error;
    }
    access_.rights.write = role != config::UserRole::ReadOnly;
    access_.rights.admin = role == config::UserRole::Admin;
    access_.rights.engine = access_.rights.admin && context_.config.admin_engine_access;
    access_.database = database_name_;
    if (user && !user->databases.empty() &&
        std::find(user->databases.begin(), user->databases.end(), database_name_) == user->databases.end()) {
        SqlError error("42501", "permission denied for database \"" + database_name_ + "\"",
                       "User does not have CONNECT privilege.");
        error.severity = "FATAL";
        throw error;
    }
    if (!access_.rights.write) {
        // Every transaction of a read-only user is READ ONLY in DuckDB; the user cannot switch that off.
        settings_.SetDefault("default_transaction_read_only", "on");
    }
}

asio::awaitable<void> Session::AdmitConnection() {
    // Without configured users the default user postgres is the only one, a superuser.
    bool superuser = config::RoleOf(context_.config, user_) == config::UserRole::Admin;
    ConnectionRequest request{user_, database_name_, peer_.substr(0, peer_.rfind(':')), superuser};
    auto deadline = std::chrono::steady_clock::now() + context_.config.connection_queue_timeout;
    asio::steady_timer wait(stream_.Channel().GetExecutor());
    bool queued = false;
    auto refusal = context_.connections.Admit(request);
    // Over a limit: wait for a slot when the queue is on and has room, else refuse at once.
    if (refusal && context_.config.connection_queue_timeout.count() > 0 && context_.connections.EnterQueue()) {
        queued = true;
        while (refusal && std::chrono::steady_clock::now() < deadline) {
            wait.expires_after(kAdmissionPoll);
            asio::error_code ignored;
            co_await wait.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
            refusal = context_.connections.Admit(request);
        }
    }
    if (queued) {
        context_.connections.LeaveQueue();
    }
    if (refusal) {
        context_.metrics.Increment(Counter::ConnectionLimitRejects);
        spdlog::info("connection from {} refused: {}", peer_, refusal->what());
        throw *refusal;
    }
    admitted_ = request;
}

std::string Session::ClientAddress() const {
    return peer_.substr(0, peer_.rfind(':'));
}

asio::awaitable<void> Session::Authenticate() {
    bool banned = context_.auth_failures.IsBanned(ClientAddress(), std::chrono::steady_clock::now());
    try {
        co_await Authenticator(context_, stream_).Authenticate(user_, database_name_, banned);
    } catch (const SqlError &error) {
        if (error.sqlstate == "28P01") {
            NoteAuthFailure(banned);
        }
        throw;
    }
    startup_slot_.Release();
}

void Session::NoteAuthFailure(bool banned) {
    context_.metrics.Increment(Counter::AuthFailures);
    if (banned) {
        refused_by_ban_ = true;
        context_.metrics.Increment(Counter::AuthBannedLogins);
    }
    auto address = ClientAddress();
    if (context_.auth_failures.RecordFailure(address, std::chrono::steady_clock::now()) == FailureOutcome::Banned) {
        context_.metrics.Increment(Counter::AuthBans);
        spdlog::warn("banning address {} for {} s after {} failed authentications within {} s (auth_failure_limit): "
                     "its logins fail as with a wrong password until then",
                     address, context_.config.auth_ban_duration.count() / 1000.0, context_.config.auth_failure_limit,
                     context_.config.auth_failure_window.count() / 1000.0);
    }
}

asio::awaitable<void> Session::OpenDatabase() {
    auto time_zone = types::TimeZone::Load(*settings_.Get("TimeZone"));
    std::string set_time_zone = "SET TimeZone = '" + time_zone->Name() + "'";
    connection_ = co_await context_.workers.Run([this, &set_time_zone]() {
        auto database = context_.databases.Get(database_name_);
        auto connection = std::make_unique<engine::EngineConnection>(database);
        connection->Run(set_time_zone);
        return connection;
    });
    time_zone_ = time_zone;
    text_options_.time_zone = time_zone.get();
    if (*settings_.Get("search_path") != applied_search_path_) {
        co_await context_.workers.Run([&]() { ApplySettings(); }); // options=-c search_path=...
    }
    text_options_.extra_float_digits = std::stoi(*settings_.Get("extra_float_digits"));
    connection_id_ = connection_->ConnectionId();
    gate_ = context_.statement_gates.For(database_name_);
    auto [pid, secret] = context_.backends.Register(weak_from_this());
    process_id_ = pid;
    secret_key_ = secret;
    engine::SessionIdentity identity{process_id_, database_name_, user_, peer_, "", NowMicros(), access_.rights.admin};
    if (auto colon = peer_.rfind(':'); colon != std::string::npos) {
        identity.client_addr = peer_.substr(0, colon);
        identity.client_port = peer_.substr(colon + 1);
    }
    engine::SessionDirectory::Callbacks callbacks;
    callbacks.cursors = [this]() { return ListCursors(); };
    callbacks.settings = [this]() {
        std::vector<std::vector<std::string>> rows;
        for (const auto &definition : SessionSettings::Definitions()) {
            // As pg_settings shows them: time parameters as a number of milliseconds with their unit.
            bool milliseconds = SessionSettings::IsMilliseconds(definition.name);
            rows.push_back({definition.name,
                            milliseconds ? std::to_string(settings_.Milliseconds(definition.name))
                                         : settings_.Get(definition.name).value_or(""),
                            definition.description, definition.effect == SettingEffect::ReadOnly ? "internal" : "user",
                            milliseconds ? "ms" : ""});
        }
        return rows;
    };
    callbacks.signal = [weak = weak_from_this()](engine::SessionSignal signal) {
        if (auto self = weak.lock()) {
            if (signal == engine::SessionSignal::Cancel) {
                self->CancelStatement();
            } else {
                self->Terminate(true);
            }
        }
    };
    callbacks.interrupted = [this]() { return cancel_reason_ != CancelReason::None; };
    context_.sessions.Register(connection_id_, std::move(identity), std::move(callbacks));
    ReportActivity("idle", "");
    auto certificate = stream_.Channel().PeerCertificate();
    spdlog::debug("session {} started: user {} database {} from {}{}", process_id_, user_, database_name_, peer_,
                  certificate ? " with client certificate CN \"" + certificate->common_name + "\"" : "");
}

void Session::ReportActivity(const char *state, const std::string &query) {
    if (connection_id_ == 0 && !connection_) {
        return;
    }
    if (std::string_view(state) == "active") {
        query_start_micros_ = NowMicros();
    }
    context_.sessions.SetActivity(connection_id_, settings_.Get("application_name").value_or(""), state, query,
                                  query_start_micros_);
}

void Session::WriteStartupReport() {
    settings_.Set("session_authorization", user_);
    settings_.Set("is_superuser", admitted_ && admitted_->superuser ? "on" : "off");
    WriteReportedParameters();
    wire::WriteBackendKeyData(stream_.Out(), process_id_, secret_key_);
    WriteReady();
}

// ---------------------------------------------------------------------------------------------
// Command loop

asio::awaitable<void> Session::CommandLoop() {
    stream_.Framer().SetMaxMessageSize(context_.config.max_message_size);
    while (true) {
        // Replies wait while the client's next message is already here (a pipeline such as
        // Bind/Execute/Sync gets one write), as PostgreSQL's do; never more than kPipelineOutput.
        if (!stream_.Framer().HasMessage() || stream_.Out().size() >= kPipelineOutput) {
            co_await stream_.Flush();
        }
        if (terminate_requested_) {
            throw Fatal("57P01", "terminating connection due to administrator command");
        }
        phase_ = Phase::Idle;
        ReportActivity(tx_ == TxState::Idle     ? "idle"
                       : tx_ == TxState::Failed ? "idle in transaction (aborted)"
                                                : "idle in transaction",
                       last_query_);
        if (!stream_.Framer().HasMessage()) {
            WatchIdle();
        }
        auto message = co_await stream_.Read();
        watch_round_++;
        idle_timer_.cancel();
        phase_ = Phase::Busy;
        auto type = static_cast<wire::FrontendType>(message.type);
        switch (type) {
        case wire::FrontendType::Query: {
            // A malformed message body is an ERROR, as in PostgreSQL: the framing is intact, so
            // the session goes on. (Broken framing ends the session in MessageStream::Read.)
            std::optional<wire::Query> query;
            try {
                query = wire::ParseQuery(message.payload);
            } catch (const wire::ProtocolError &e) {
                WriteError(SqlError(e.SqlState(), e.what()));
            }
            if (query) {
                co_await HandleQuery(*query);
            }
            WriteReady();
            break;
        }
        case wire::FrontendType::Terminate:
            co_await stream_.Flush(); // replies to messages pipelined before it
            co_return;
        case wire::FrontendType::Parse:
        case wire::FrontendType::Bind:
        case wire::FrontendType::Describe:
        case wire::FrontendType::Execute:
        case wire::FrontendType::Close:
        case wire::FrontendType::Sync:
        case wire::FrontendType::Flush:
            co_await HandleExtendedMessage(type, message.payload);
            break;
        case wire::FrontendType::FunctionCall:
            if (!skip_until_sync_) {
                WriteError(SqlError("0A000", "the function call protocol is not supported"));
                skip_until_sync_ = true;
            }
            break;
        case wire::FrontendType::CopyData:
        case wire::FrontendType::CopyDone:
        case wire::FrontendType::CopyFail:
            // Outside COPY these are ignored, as PostgreSQL does.
            break;
        default:
            throw wire::ProtocolError("invalid frontend message type " +
                                      std::to_string(static_cast<unsigned char>(message.type)));
        }
    }
}

std::shared_ptr<const sql::ParsedQuery> Session::ParseCached(const std::string &text) {
    if (auto found = parse_cache_.Find(text)) {
        return found;
    }
    auto parsed = std::make_shared<const sql::ParsedQuery>(sql::ParseQuery(text));
    if (text.size() <= kParseInPlaceLimit) {
        parse_cache_.Insert(text, parsed);
    }
    return parsed;
}

asio::awaitable<void> Session::HandleQuery(const wire::Query &query) {
    query_text_ = query.sql;
    last_query_ = query.sql;
    ReportActivity("active", last_query_);
    // A simple Query destroys the unnamed prepared statement and portal, as in PostgreSQL.
    prepared_.erase("");
    portals_.erase("");
    std::shared_ptr<const sql::ParsedQuery> parsed_query;
    if (query.sql.size() <= kParseInPlaceLimit) {
        parsed_query = ParseCached(query.sql);
    } else {
        sql::ParsedQuery long_query = co_await context_.workers.Run([&query]() { return sql::ParseQuery(query.sql); });
        parsed_query = std::make_shared<const sql::ParsedQuery>(std::move(long_query));
    }
    const sql::ParsedQuery &parsed = *parsed_query;
    if (parsed.statements.empty()) {
        wire::WriteEmptyQueryResponse(stream_.Out());
        co_return;
    }
    bool multiple = parsed.statements.size() > 1;
    for (const auto &statement : parsed.statements) {
        if (tx_ == TxState::Failed && !IsTransactionExit(statement)) {
            WriteError(AbortedTransaction());
            co_return;
        }
        std::optional<SqlError> failure;
        try {
            // Read-only sessions run even single statements in a (read-only) transaction of their own.
            // DISCARD ALL alone stays outside any transaction, as it must.
            const bool own_transaction = DefaultReadOnly() && statement.kind != sql::StatementKind::Discard;
            if ((multiple || own_transaction) && tx_ == TxState::Idle && statement.kind != sql::StatementKind::Begin &&
                statement.kind != sql::StatementKind::Commit && statement.kind != sql::StatementKind::Rollback) {
                co_await BeginImplicit();
            }
            co_await RunStatement(statement);
        } catch (const SqlError &e) {
            failure = e;
        } catch (const InternalFault &) {
            throw; // the session's own state is broken: end it
        } catch (const asio::system_error &) {
            throw; // the client is gone
        } catch (const wire::ProtocolError &) {
            throw;
        } catch (const std::exception &e) {
            failure = ContainFault(e);
        }
        if (failure) {
            if (!parsed.postgres_syntax_ok && failure->sqlstate == "42601") {
                // Neither grammar accepts it: report PostgreSQL's own syntax error.
                WriteError(SqlError("42601", parsed.syntax_error, "", "", parsed.syntax_error_position), 0);
            } else {
                WriteError(*failure, statement.location);
            }
            co_await EndAfterError();
            co_return;
        }
    }
    co_await CommitImplicit();
}

asio::awaitable<void> Session::RunStatement(const sql::ParsedStatement &statement) {
    if (!injected_fault_.empty()) {
        co_await RaiseInjectedFault();
    }
    sql::CheckStatementAccess(statement, access_);
    NoteStatement(statement);
    switch (statement.kind) {
    case sql::StatementKind::Begin:
    case sql::StatementKind::Commit:
    case sql::StatementKind::Rollback:
        co_await RunTransactionControl(statement);
        break;
    case sql::StatementKind::Savepoint:
        co_await RunSavepoint(statement);
        break;
    case sql::StatementKind::Set:
    case sql::StatementKind::Reset:
        co_await RunSet(statement);
        break;
    case sql::StatementKind::Show:
        RunShow(statement);
        break;
    case sql::StatementKind::CopyFile:
        if (!context_.config.allow_external_access) {
            throw SqlError("42501", "permission denied to COPY to or from a file", "",
                           "COPY FROM STDIN and COPY TO STDOUT work for every user; server files need "
                           "allow_external_access in the server configuration.");
        }
        co_await RunGeneric(statement);
        break;
    case sql::StatementKind::CopyFrom:
        co_await RunCopyFrom(statement);
        break;
    case sql::StatementKind::CopyTo:
        co_await RunCopyTo(statement);
        break;
    case sql::StatementKind::DeclareCursor:
    case sql::StatementKind::Fetch:
    case sql::StatementKind::CloseCursor:
        co_await RunCursorCommand(statement);
        break;
    case sql::StatementKind::Deallocate:
        // Statements made by Parse and by SQL PREPARE share one namespace, as in PostgreSQL.
        if (statement.variable.empty()) {
            co_await DeallocateAll();
        } else if (!prepared_.erase(statement.variable)) {
            co_await RunGeneric(statement);
            sql_prepared_.erase(statement.variable);
            break;
        }
        wire::WriteCommandComplete(stream_.Out(), statement.tag);
        break;
    case sql::StatementKind::Prepare: {
        co_await RunGeneric(statement);
        sql::ParsedStatement inner;
        inner.tag = statement.prepared_tag;
        inner.tag_has_rows = statement.prepared_tag_has_rows;
        inner.returns_rows = statement.prepared_returns_rows;
        inner.column_names = statement.column_names; // its query's, as PostgreSQL names them
        sql_prepared_[statement.variable] = std::move(inner);
        break;
    }
    case sql::StatementKind::Execute: {
        auto found = sql_prepared_.find(statement.variable);
        if (found == sql_prepared_.end()) {
            co_await RunGeneric(statement);
            break;
        }
        sql::ParsedStatement execute = statement;
        execute.tag = found->second.tag;
        execute.tag_has_rows = found->second.tag_has_rows;
        execute.returns_rows = found->second.returns_rows;
        execute.column_names = found->second.column_names;
        co_await RunGeneric(execute);
        break;
    }
    case sql::StatementKind::Ignored:
        if (!statement.error.empty()) {
            throw SqlError("0A000", statement.error);
        }
        if (statement.block_only && tx_ == TxState::Idle) {
            throw SqlError("25P01", statement.tag + " can only be used in transaction blocks");
        }
        if (!statement.notice.empty()) {
            WriteNotice("NOTICE", "00000", statement.notice);
        }
        wire::WriteCommandComplete(stream_.Out(), statement.tag);
        break;
    case sql::StatementKind::Discard:
        if (statement.variable == "all") {
            // As PostgreSQL: outside a transaction block only; closes portals and cursors, forgets
            // prepared statements and resets every parameter.
            if (tx_ != TxState::Idle) {
                throw SqlError("25001", "DISCARD ALL cannot run inside a transaction block");
            }
            portals_.clear();
            co_await DeallocateAll();
            co_await RunSet(statement); // kind Discard with variable "all": RESET ALL
            break;
        }
        wire::WriteCommandComplete(stream_.Out(), statement.tag);
        break;
    case sql::StatementKind::Generic:
    case sql::StatementKind::MultiObject:
        co_await RunGeneric(statement);
        co_await AfterSchemaChange(statement);
        break;
    }
    WriteReportedParameters();
}

// ---------------------------------------------------------------------------------------------
// Transactions

asio::awaitable<void> Session::RunInternal(const char *sql) {
    co_await context_.workers.Run([this, sql]() {
        MaterializeOpenPortals();
        connection_->Run(sql);
    });
}

asio::awaitable<void> Session::CommitImplicit() {
    if (tx_ != TxState::Implicit) {
        co_return;
    }
    std::optional<SqlError> failure;
    try {
        co_await EndTransaction(true);
    } catch (const SqlError &e) {
        failure = e;
    }
    if (failure) {
        WriteError(*failure); // e.g. a commit-time conflict
    }
}

asio::awaitable<void> Session::BeginImplicit() {
    block_read_only_ = DefaultReadOnly();
    co_await RunInternal(block_read_only_ ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
    settings_.BeginTransaction();
    tx_ = TxState::Implicit;
}

asio::awaitable<void> Session::EndTransaction(bool commit) {
    auto previous = tx_;
    tx_ = TxState::Idle;
    savepoints_.clear();
    transaction_read_only_ = false;
    block_read_only_ = false;
    ClosePortals();
    if (previous == TxState::Failed) {
        // DuckDB's transaction was rolled back when the error happened, unless kept for ROLLBACK TO.
        if (std::exchange(failed_transaction_open_, false)) {
            try {
                co_await RunInternal("ROLLBACK");
            } catch (const SqlError &) {
            }
        }
        settings_.EndTransaction(false);
        co_return;
    }
    std::optional<SqlError> failure;
    try {
        co_await RunInternal(commit ? "COMMIT" : "ROLLBACK");
    } catch (const SqlError &e) {
        failure = e;
    }
    settings_.EndTransaction(commit && !failure);
    if (failure) {
        throw *failure;
    }
}

asio::awaitable<void> Session::EndAfterError() {
    if (tx_ == TxState::Idle || tx_ == TxState::Failed) {
        co_return;
    }
    if (tx_ == TxState::InBlock && !savepoints_.empty()) {
        // Kept for ROLLBACK TO SAVEPOINT (see Savepoint); rolled back when the block ends.
        tx_ = TxState::Failed;
        failed_transaction_open_ = true;
        co_return;
    }
    try {
        co_await RunInternal("ROLLBACK");
    } catch (const SqlError &) {
        // DuckDB may have ended the transaction itself already.
    }
    if (tx_ == TxState::Implicit) {
        settings_.EndTransaction(false);
        tx_ = TxState::Idle;
        transaction_read_only_ = false;
        block_read_only_ = false;
        ClosePortals();
    } else {
        tx_ = TxState::Failed;
    }
}

asio::awaitable<void> Session::RunTransactionControl(const sql::ParsedStatement &statement) {
    std::string tag = statement.tag;
    switch (statement.kind) {
    case sql::StatementKind::Begin:
        if (statement.read_only == false) {
            RefuseReadWrite("transaction_read_only");
        }
        if (tx_ == TxState::Idle) {
            bool read_only = statement.read_only.value_or(DefaultReadOnly());
            co_await RunInternal(read_only ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
            block_read_only_ = read_only;
            settings_.BeginTransaction();
            tx_ = TxState::InBlock;
            BeginIsolation(statement.isolation);
        } else if (tx_ == TxState::Implicit) {
            tx_ = TxState::InBlock;
            BeginIsolation(statement.isolation);
        } else {
            WriteNotice("WARNING", "25001", "there is already a transaction in progress");
        }
        break;
    case sql::StatementKind::Commit:
    default:
        if (statement.tag == "PREPARE TRANSACTION") {
            // max_prepared_transactions is 0, as PostgreSQL's default: the transaction ends, rolled back.
            if (tx_ != TxState::Idle) {
                co_await EndTransaction(false);
            }
            throw SqlError("55000", "prepared transactions are disabled", "",
                           "Set max_prepared_transactions to a nonzero value.");
        }
        if (tx_ == TxState::Idle) {
            if (statement.chain) {
                throw SqlError("25P01",
                               std::string(statement.kind == sql::StatementKind::Commit ? "COMMIT" : "ROLLBACK") +
                                   " AND CHAIN can only be used in transaction blocks");
            }
            WriteNotice("WARNING", "25P01", "there is no transaction in progress");
            break;
        }
        if (statement.kind == sql::StatementKind::Commit && tx_ == TxState::Failed) {
            tag = "ROLLBACK";
        }
        bool read_only = transaction_read_only_;
        auto isolation = settings_.Get("transaction_isolation");
        co_await EndTransaction(statement.kind == sql::StatementKind::Commit);
        if (statement.chain) {
            // AND CHAIN: a new transaction block at once, with the same characteristics.
            co_await RunInternal("BEGIN TRANSACTION");
            settings_.BeginTransaction();
            tx_ = TxState::InBlock;
            transaction_read_only_ = read_only;
            BeginIsolation(isolation);
        }
        break;
    }
    wire::WriteCommandComplete(stream_.Out(), tag);
}

void Session::BeginIsolation(const std::optional<std::string> &isolation) {
    settings_.SetLocal("transaction_isolation",
                       isolation.value_or(settings_.Get("default_transaction_isolation").value_or("read committed")));
    transaction_queried_ = false;
}

void Session::NoteStatement(const sql::ParsedStatement &statement) {
    if (statement.kind == sql::StatementKind::Generic || statement.kind == sql::StatementKind::Execute) {
        transaction_queried_ = true; // the transaction's snapshot is taken: its isolation level is fixed
    }
    if (savepoints_.empty() && !transaction_read_only_ && access_.rights.write) {
        return;
    }
    // EXECUTE of a SQL PREPARE'd statement does what that statement does.
    auto prepared =
        statement.kind == sql::StatementKind::Execute ? sql_prepared_.find(statement.variable) : sql_prepared_.end();
    const auto &tag = prepared != sql_prepared_.end() ? prepared->second.tag : statement.tag;
    // DuckDB's own syntax has no tag: its statement type is checked once prepared (and a read-only user's
    // transaction is READ ONLY in DuckDB).
    if (sql::IsReadTag(tag) || statement.kind == sql::StatementKind::CopyTo || !statement.tree) {
        return;
    }
    if (transaction_read_only_ || !access_.rights.write) {
        // SET TRANSACTION READ ONLY comes after DuckDB's BEGIN: Duckgres refuses the writes itself.
        const bool copy_from = statement.kind == sql::StatementKind::CopyFrom;
        throw SqlError("25006", "cannot execute " + (copy_from ? std::string("COPY FROM") : tag) +
                                    " in a read-only transaction");
    }
    for (auto &savepoint : savepoints_) {
        savepoint.changed_since = true;
    }
}

asio::awaitable<void> Session::RunSavepoint(const sql::ParsedStatement &statement) {
    const std::string &name = statement.variable;
    if (tx_ != TxState::InBlock && tx_ != TxState::Failed) {
        const char *command = statement.tag == "ROLLBACK"  ? "ROLLBACK TO SAVEPOINT"
                              : statement.tag == "RELEASE" ? "RELEASE SAVEPOINT"
                                                           : "SAVEPOINT";
        throw SqlError("25P01", std::string(command) + " can only be used in transaction blocks");
    }
    auto found = std::find_if(savepoints_.rbegin(), savepoints_.rend(),
                              [&](const Savepoint &savepoint) { return savepoint.name == name; });
    if (statement.tag == "SAVEPOINT") {
        savepoints_.push_back(Savepoint{name, settings_, false});
    } else if (found == savepoints_.rend()) {
        throw SqlError("3B001", "savepoint \"" + name + "\" does not exist");
    } else if (statement.tag == "RELEASE") {
        // The savepoint and every later one go; what they covered stays in the transaction.
        bool changed = found->changed_since;
        savepoints_.erase(std::prev(found.base()), savepoints_.end());
        for (auto &earlier : savepoints_) {
            earlier.changed_since |= changed;
        }
    } else {
        if (found->changed_since) {
            throw SqlError("0A000",
                           "ROLLBACK TO SAVEPOINT cannot undo the changes made after savepoint \"" + name +
                               "\": DuckDB has no savepoints",
                           "", "Roll back the whole transaction instead.");
        }
        if (tx_ == TxState::Failed) {
            // Usable only when the error did not abort DuckDB's transaction (a bind-time error).
            try {
                co_await RunInternal("SELECT 1");
            } catch (const SqlError &) {
                throw SqlError("0A000",
                               "ROLLBACK TO SAVEPOINT cannot recover from this error: DuckDB has no savepoints and "
                               "the error aborted its transaction",
                               "", "Roll back the whole transaction instead.");
            }
            tx_ = TxState::InBlock;
            failed_transaction_open_ = false;
        }
        settings_ = found->settings;
        savepoints_.erase(found.base(), savepoints_.end()); // the savepoint itself stays
    }
    wire::WriteCommandComplete(stream_.Out(), statement.tag);
}

// ---------------------------------------------------------------------------------------------
// SET / RESET / SHOW

asio::awaitable<void> Session::RunSet(const sql::ParsedStatement &statement) {
    const auto &name = statement.variable;
    if ((statement.kind == sql::StatementKind::Reset || statement.kind == sql::StatementKind::Discard) &&
        name == "all") {
        settings_.ResetAll();
    } else if (statement.kind == sql::StatementKind::Set &&
               (name.rfind("transaction", 0) == 0 || name == "session characteristics")) {
        // SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...: READ ONLY / READ WRITE take
        // effect; an isolation level is reported (DuckDB's snapshot isolation serves them all).
        if (statement.isolation && name == "session characteristics") {
            settings_.Set("default_transaction_isolation", *statement.isolation);
        } else if (statement.isolation && tx_ != TxState::Idle) {
            if (transaction_queried_) {
                throw SqlError("25001", "SET TRANSACTION ISOLATION LEVEL must be called before any query");
            }
            settings_.SetLocal("transaction_isolation", *statement.isolation);
        } else if (statement.isolation && !statement.read_only) {
            WriteNotice("WARNING", "25P01", "SET TRANSACTION can only be used in transaction blocks");
        }
        if (statement.read_only && name == "session characteristics") {
            ChangeSetting("default_transaction_read_only", *statement.read_only ? "on" : "off", false);
        } else if (statement.read_only && tx_ == TxState::Idle) {
            WriteNotice("WARNING", "25P01", "SET TRANSACTION can only be used in transaction blocks");
        } else if (statement.read_only) {
            if (!*statement.read_only) {
                RefuseReadWrite("transaction_read_only");
            }
            transaction_read_only_ = *statement.read_only;
        }
    } else {
        const bool reset = statement.kind == sql::StatementKind::Reset || statement.value == "DEFAULT";
        ChangeSetting(name, reset ? std::nullopt : std::optional<std::string>(statement.value), statement.is_local);
    }
    co_await context_.workers.Run([&]() { ApplySettings(); });
    wire::WriteCommandComplete(stream_.Out(), statement.tag);
}

void Session::ChangeSetting(const std::string &name, const std::optional<std::string> &value, bool is_local) {
#ifdef DUCKGRES_TEST_HOOKS
    if (name == "duckgres.inject_fault") {
        injected_fault_ = value.value_or("");
        return;
    }
#endif
    auto *definition = SessionSettings::Find(name);
    if (!definition && SessionSettings::IsPlaceholder(name)) {
        if (!value) {
            settings_.Reset(name);
        } else if (auto error = is_local ? settings_.SetLocal(name, *value) : settings_.Set(name, *value)) {
            throw *error;
        }
        return;
    }
    if (!definition) {
        throw SqlError("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    if (definition->effect == SettingEffect::ReadOnly) {
        throw SqlError("55P02", "parameter \"" + name + "\" cannot be changed");
    }
    const auto before = settings_.Get(name);
    if (!value) {
        settings_.Reset(name);
    } else if (is_local && (tx_ == TxState::Idle)) {
        WriteNotice("WARNING", "25P01", "SET LOCAL can only be used in transaction blocks");
    } else {
        if (auto error = is_local ? settings_.SetLocal(name, *value) : settings_.Set(name, *value)) {
            throw *error;
        }
    }
    if (name == "default_transaction_read_only" && settings_.Get(name) != "on" && before == "on") {
        if (!access_.rights.write) {
            settings_.Set(name, "on");
            RefuseReadWrite(name);
        }
    }
    if (definition->effect == SettingEffect::Ignored) {
        WriteNotice("NOTICE", "00000",
                    "parameter \"" + name + "\" is accepted for compatibility and has no effect in Duckgres");
    }
}

void Session::RefuseReadWrite(const std::string &parameter) const {
    if (!access_.rights.write) {
        throw SqlError("42501", "permission denied to set parameter \"" + parameter + "\"",
                       "User \"" + user_ + "\" has the role read_only: its transactions are read-only.");
    }
}

void Session::ApplySettings() {
    described_cache_.Clear(); // a statement may read differently now (search_path, ...)
    // What the encoders and DuckDB see.
    auto zone_name = *settings_.Get("TimeZone");
    if (zone_name != (text_options_.time_zone ? text_options_.time_zone->Name() : "")) {
        auto zone = types::TimeZone::Load(zone_name);
        MaterializeOpenPortals();
        connection_->Run("SET TimeZone = '" + zone->Name() + "'");
        time_zone_ = zone;
        text_options_.time_zone = zone.get();
    }
    text_options_.extra_float_digits = std::stoi(*settings_.Get("extra_float_digits"));
    auto search_path = *settings_.Get("search_path");
    if (search_path != applied_search_path_) {
        // DuckDB resolves unqualified names through its search_path and creates in its first schema, but
        // refuses schemas that do not exist: those are left out (and the path is applied again after
        // CREATE SCHEMA). DuckDB's own main stays last, where objects made with DuckDB's syntax live.
        auto schemas = FirstColumnValues(
            *connection_, "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database()");
        std::string path;
        creation_schema_.clear();
        for (const auto &schema : SearchPathSchemas(search_path, user_)) {
            if (schemas.count(schema) && schema != "main") {
                path += QuoteIdentifier(schema) + ",";
                if (creation_schema_.empty()) {
                    creation_schema_ = schema;
                }
            }
        }
        if (creation_schema_.empty()) {
            creation_schema_ = "main";
        }
        MaterializeOpenPortals();
        connection_->Run("SET search_path = " + QuoteLiteral(path + "main"));
        connection_->ClearCache();
        applied_search_path_ = search_path;
    }
}

void Session::RunShow(const sql::ParsedStatement &statement, bool describe) {
    auto text_field = [](std::string name) {
        wire::FieldDescription field;
        field.name = std::move(name);
        field.type_oid = 25;
        return field;
    };
    auto &out = stream_.Out();
    if (statement.variable == "all") {
        std::vector<wire::FieldDescription> fields = {text_field("name"), text_field("setting"),
                                                      text_field("description")};
        if (describe) {
            wire::WriteRowDescription(out, fields);
        }
        for (const auto &definition : SessionSettings::Definitions()) {
            wire::DataRowWriter row(out);
            row.Begin(3);
            row.Value(definition.name);
            row.Value(*settings_.Get(definition.name));
            row.Value(definition.description);
            row.End();
        }
    } else {
        auto *definition = SessionSettings::Find(statement.variable);
        auto value = settings_.Get(statement.variable); // also a placeholder someone SET
        if (!value) {
            throw SqlError("42704", "unrecognized configuration parameter \"" + statement.variable + "\"");
        }
        std::vector<wire::FieldDescription> fields = {text_field(definition ? definition->name : statement.variable)};
        if (describe) {
            wire::WriteRowDescription(out, fields);
        }
        wire::DataRowWriter row(out);
        row.Begin(1);
        row.Value(*value);
        row.End();
    }
    wire::WriteCommandComplete(out, "SHOW");
}

// ---------------------------------------------------------------------------------------------
// SQL cursors: DECLARE / FETCH / MOVE / CLOSE, kept as portals (they share one namespace)

asio::awaitable<void> Session::RunCursorCommand(const sql::ParsedStatement &statement) {
    const auto &name = statement.variable;
    auto quoted = "\"" + name + "\"";
    if (statement.kind == sql::StatementKind::DeclareCursor) {
        if (portals_.count(name)) {
            throw SqlError("42P03", "cursor " + quoted + " already exists");
        }
        if (tx_ == TxState::Idle && !statement.cursor_hold) {
            throw SqlError("25P01", "DECLARE CURSOR can only be used in transaction blocks");
        }
        auto entry = std::make_shared<PreparedEntry>();
        entry->statement.text = sql::CursorQueryText(*statement.tree, RewriteContextFor());
        entry->statement.tag = "SELECT";
        entry->statement.tag_has_rows = true;
        entry->statement.returns_rows = true;
        entry->statement.column_names = statement.column_names;
        Portal portal;
        portal.source = entry;
        portal.sql_cursor = true;
        portal.declare_text = statement.text;
        portal.created_micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        portal.hold = statement.cursor_hold;
        if (statement.cursor_binary) {
            portal.result_formats = {1};
        }
        // Describe (of the cursor as a portal, as psycopg does) needs the columns before FETCH.
        co_await context_.workers.Run([&]() {
            MaterializeOpenPortals();
            entry->prepared = PrepareGeneric(entry->statement);
            DescribeEntry(*entry);
        });
        if (portal.hold) {
            // A held cursor outlives the transaction (and DuckDB's stream): read its rows now.
            co_await context_.workers.Run([&]() {
                StartExecution(portal.execution, entry->statement, {}, portal.result_formats);
                if (portal.execution.result) {
                    portal.execution.result->Materialize();
                }
            });
        }
        portals_.emplace(name, std::move(portal));
        wire::WriteCommandComplete(stream_.Out(), statement.tag);
        co_return;
    }
    if (statement.kind == sql::StatementKind::CloseCursor) {
        if (name.empty()) {
            std::erase_if(portals_, [](const auto &item) { return item.second.sql_cursor; });
        } else if (!portals_.erase(name)) {
            throw SqlError("34000", "cursor " + quoted + " does not exist");
        }
        wire::WriteCommandComplete(stream_.Out(), statement.tag);
        co_return;
    }
    // FETCH / MOVE
    auto found = portals_.find(name);
    if (found == portals_.end()) {
        throw SqlError("34000", "cursor " + quoted + " does not exist");
    }
    if (statement.fetch_backward) {
        throw SqlError("0A000", "only FETCH FORWARD is supported: cursors are NO SCROLL");
    }
    auto &portal = found->second;
    auto source = portal.source;
    if (!portal.execution.started) {
        portal.execution.prepared = source->prepared;
        co_await context_.workers.Run(
            [&]() { StartExecution(portal.execution, source->statement, {}, portal.result_formats); });
    }
    bool move = statement.tag == "MOVE";
    // Through the extended protocol the RowDescription comes from Describe, not from Execute,
    // and the formats are those of the portal running FETCH; otherwise the cursor's own.
    bool describe = !executing_portal_;
    if (portal.execution.encoder) {
        portal.execution.encoder->SetFormats(executing_portal_ ? executing_formats_ : portal.result_formats);
    }
    uint64_t rows = 0;
    if (portal.execution.encoder && !portal.finished) {
        if (move) {
            co_await context_.workers.Run([&]() {
                std::string discarded;
                uint64_t before = portal.execution.encoder->RowCount();
                auto limit = static_cast<uint64_t>(statement.fetch_count);
                while (portal.execution.encoder->EncodeRows(discarded, kFlushBudget, limit) ==
                       EncodeStatus::BudgetFull) {
                    discarded.clear();
                    limit = statement.fetch_count == 0 ? 0
                                                       : static_cast<uint64_t>(statement.fetch_count) -
                                                             (portal.execution.encoder->RowCount() - before);
                }
                rows = portal.execution.encoder->RowCount() - before;
            });
        } else {
            if (describe) {
                portal.execution.encoder->WriteRowDescription(stream_.Out());
            }
            auto status = co_await StreamRows(portal.execution, static_cast<uint64_t>(statement.fetch_count));
            rows = portal.execution.rows_this_run;
            portal.finished = status == EncodeStatus::Finished;
        }
    } else if (!move && describe && portal.execution.encoder) {
        portal.execution.encoder->WriteRowDescription(stream_.Out());
    }
    wire::WriteCommandComplete(stream_.Out(), sql::FormatCommandTag(statement.tag, true, rows));
}

// ---------------------------------------------------------------------------------------------
// Statements run on DuckDB

sql::RewriteContext Session::RewriteContextFor(const std::map<int32_t, std::string> &parameter_casts) {
    sql::RewriteContext context;
    context.user = user_;
    context.backend_pid = process_id_;
    context.parameter_casts = parameter_casts;
    context.creation_schema = creation_schema_;
    context.tables = std::make_shared<engine::SearchPathTables>(
        *connection_, SearchPathSchemas(*settings_.Get("search_path"), user_));
    context.settings = std::make_shared<RewriteSettings>(settings_, tx_ != TxState::Idle);
    context.engine_settings = access_.rights.engine;
    return context;
}

std::shared_ptr<engine::PreparedStatement>
Session::PrepareGeneric(const sql::ParsedStatement &statement, const std::map<int32_t, std::string> &parameter_casts) {
    if (auto macro = sql::CreatedMacroName(statement)) {
        // The shared catalog's views call DuckDB's and Duckgres' functions unqualified: a user's macro of such a
        // name would stand in for it in every session's catalog queries.
        auto taken = FirstColumnValues(*connection_, "SELECT function_name FROM duckdb_functions() WHERE "
                                                     "database_name IN ('system', 'duckgres_catalog') AND "
                                                     "lower(function_name) = " +
                                                         QuoteLiteral(*macro));
        if (!taken.empty()) {
            throw SqlError("42723", "function \"" + *macro + "\" already exists",
                           "DuckDB or the catalog defines a function of this name; choose another name.");
        }
    }
    std::optional<std::string> rewritten;
    if (statement.tree) {
        auto rewrite = sql::RewriteForDuckDb(*statement.tree, RewriteContextFor(parameter_casts));
        // The rewrite changed nothing in the session: its effects are applied here, in this order.
        for (const auto &change : rewrite.effects.setting_changes) {
            ChangeSetting(AsciiLower(change.name), change.value, change.is_local); // set_config()
            ApplySettings();
        }
        for (const auto &notice : rewrite.effects.notices) {
            WriteNotice("NOTICE", "00000", notice);
        }
        for (const auto &sql : rewrite.effects.before) {
            connection_->Run(sql); // e.g. the sequence of a serial column, which the statement names
        }
        rewritten = std::move(rewrite.text);
    }
    // SQL PREPARE / EXECUTE / DEALLOCATE are not cached: a cached EXECUTE would keep running the
    // statement DEALLOCATE removed.
    const bool cache = statement.kind != sql::StatementKind::Prepare && statement.kind != sql::StatementKind::Execute &&
                       statement.kind != sql::StatementKind::Deallocate;
    auto prepare = [&](const std::string &sql) {
        auto prepared = cache ? connection_->PrepareCached(sql)
                              : std::make_shared<engine::PreparedStatement>(connection_->Prepare(sql));
        // What DuckDB will run, as DuckDB itself classifies it: the statement types the user may not run are
        // refused before anything executes.
        engine::CheckStatementType(duckdb_prepared_statement_type(prepared->handle.Get()), statement.tree != nullptr,
                                   statement.tag, access_.rights);
        return prepared;
    };
    if (!rewritten) {
        return prepare(statement.text);
    }
    try {
        return prepare(*rewritten);
    } catch (SqlError &error) {
        if (error.sqlstate != "42601") {
            error.position = 0; // positions refer to the rewritten text
            throw;
        }
        // DuckDB's grammar does not take the deparsed form: run the statement as written.
        spdlog::debug("DuckDB rejected the rewritten statement ({}), running it as written: {}", error.what(),
                      *rewritten);
        return prepare(statement.text);
    }
}

void Session::StartExecution(Execution &execution, const sql::ParsedStatement &statement,
                             const std::vector<types::OwnedValue> &parameters,
                             const std::vector<int16_t> &result_formats) {
    // DuckDB streams one result per connection: a suspended portal is read into memory first.
    MaterializeOpenPortals();
    if (!execution.prepared) {
        execution.prepared = PrepareGeneric(statement);
    }
    auto handle = execution.prepared->handle.Get();
    duckdb_clear_bindings(handle);
    for (size_t i = 0; i < parameters.size(); i++) {
        if (duckdb_bind_value(handle, i + 1, parameters[i].Get()) != DuckDBSuccess) {
            throw SqlError("22P02", "could not bind parameter $" + std::to_string(i + 1));
        }
    }
    // A serial column's sequence belongs to its table in PostgreSQL and goes with it.
    auto owned_sequences = SerialSequencesOf(statement);
    ExecuteRetryingConflicts(execution, statement);
    for (const auto &sequence : owned_sequences) {
        connection_->Run("DROP SEQUENCE IF EXISTS " + sequence);
    }
    execution.started = true;
    auto kind = execution.result->Kind();
    if (kind == engine::ResultKind::Rows && statement.tree && !statement.returns_rows) {
        // PostgreSQL sends no rows for this statement (DuckDB answers CHECKPOINT, for one,
        // with a result set): count them for the tag and drop them.
        while (auto chunk = execution.result->Fetch()) {
            execution.changed_rows += duckdb_data_chunk_get_size(chunk.Get());
        }
        return;
    }
    switch (kind) {
    case engine::ResultKind::Rows:
        execution.encoder =
            std::make_unique<ResultEncoder>(*execution.result, text_options_, statement.column_names, result_formats);
        return;
    case engine::ResultKind::ChangedRows:
        if (!execution.changed_rows_read) {
            execution.changed_rows = execution.result->ReadChangedRows();
        }
        return;
    case engine::ResultKind::Nothing:
        while (execution.result->Fetch()) {
        }
        return;
    }
}

void Session::ExecuteRetryingConflicts(Execution &execution, const sql::ParsedStatement &statement) {
    // An autocommit INSERT/UPDATE/DELETE/MERGE that collides with another transaction's write:
    // PostgreSQL waits for that transaction and goes on, DuckDB fails at once (40001). Nothing was
    // sent or committed yet, so it runs again after a pause, for as long as kConflictWaitLimit.
    const bool retryable = tx_ == TxState::Idle && !statement.returns_rows &&
                           (statement.tag == "INSERT" || statement.tag == "UPDATE" || statement.tag == "DELETE" ||
                            statement.tag == "MERGE");
    constexpr auto kConflictWaitLimit = std::chrono::seconds(10);
    constexpr auto kLongestPause = std::chrono::milliseconds(20);
    auto pause = std::chrono::microseconds(200);
    const auto deadline = std::chrono::steady_clock::now() + kConflictWaitLimit;
    while (true) {
        try {
            execution.result = connection_->Execute(*execution.prepared);
            if (retryable && execution.result->Kind() == engine::ResultKind::ChangedRows) {
                // Reading the count finishes the statement, and its commit can conflict too.
                execution.changed_rows = execution.result->ReadChangedRows();
                execution.changed_rows_read = true;
            }
            return;
        } catch (const SqlError &error) {
            if (!retryable || error.sqlstate != "40001" || std::chrono::steady_clock::now() + pause > deadline) {
                throw;
            }
        }
        execution.result.reset();
        std::this_thread::sleep_for(pause);
        pause = std::min<std::chrono::microseconds>(pause * 2, kLongestPause);
    }
}

asio::awaitable<EncodeStatus> Session::StreamRows(Execution &execution, uint64_t max_rows,
                                                  const std::function<void()> *start) {
    auto &out = stream_.Out();
    bool first = true;
    uint64_t before = 0;
    while (true) {
        // The first hand-off to a worker also starts the statement: a small result costs one.
        ThrowIfCanceled();
        auto status = co_await context_.workers.Run([&]() {
            if (first) {
                first = false;
                if (start && *start) {
                    (*start)();
                }
                if (!execution.encoder) {
                    return EncodeStatus::Finished;
                }
                before = execution.encoder->RowCount();
            }
            uint64_t remaining = max_rows == 0 ? 0 : max_rows - (execution.encoder->RowCount() - before);
            return execution.encoder->EncodeRows(out, kFlushBudget, remaining);
        });
        if (status != EncodeStatus::BudgetFull) {
            execution.rows_this_run = execution.encoder ? execution.encoder->RowCount() - before : 0;
            co_return status;
        }
        co_await stream_.Flush();
    }
}

std::string Session::CommandTag(const sql::ParsedStatement &statement, const Execution &execution,
                                uint64_t rows) const {
    std::string tag = statement.tag;
    bool has_rows = statement.tag_has_rows;
    if (tag.empty()) {
        std::tie(tag, has_rows) = TagFromDuckDb(execution.result->StatementType());
    }
    return sql::FormatCommandTag(tag, has_rows, rows);
}

std::vector<std::string> Session::SerialSequencesOf(const sql::ParsedStatement &statement) {
    std::vector<std::string> sequences;
    if (!statement.tree || !statement.tree->has_drop_stmt() ||
        statement.tree->drop_stmt().remove_type() != pg_query::OBJECT_TABLE) {
        return sequences;
    }
    for (const auto &object : statement.tree->drop_stmt().objects()) {
        if (!object.has_list() || object.list().items_size() == 0) {
            continue;
        }
        const auto &items = object.list().items();
        const std::string table = items[items.size() - 1].string().sval();
        const std::string in_schema = items.size() >= 2
                                          ? "schema_name = " + QuoteLiteral(items[items.size() - 2].string().sval())
                                          : std::string(kInSearchPath);
        // The sequences named <table>_<column>_seq that the table's nextval defaults draw from (as
        // the serial expansion makes them).
        const std::string query =
            "SELECT schema_name, regexp_extract(column_default, 'nextval\\(''([^'']+)''', 1) AS seq, column_name "
            "FROM duckdb_columns() WHERE database_name = current_database() AND table_name = " +
            QuoteLiteral(table) + " AND " + in_schema + " AND column_default LIKE 'nextval(%'";
        for (const auto &row : RowsOrNone(*connection_, query)) {
            const std::string &schema = row[0];
            const std::string &sequence = row[1];
            const std::string &column = row[2];
            auto dot = sequence.rfind('.');
            std::string bare = dot == std::string::npos ? sequence : sequence.substr(dot + 1);
            if (bare == table + "_" + column + "_seq") {
                sequences.push_back(dot == std::string::npos ? QuoteIdentifier(schema) + "." + QuoteIdentifier(sequence)
                                                             : sequence);
            }
        }
    }
    return sequences;
}

bool Session::Exists(const sql::ExistenceCheck &check) {
    using Kind = sql::ExistenceCheck::Kind;
    const std::string name = QuoteLiteral(check.name);
    const std::string in_schema =
        check.schema.empty() ? std::string(kInSearchPath) : "schema_name = " + QuoteLiteral(check.schema);
    const std::string where = " WHERE database_name = current_database() AND " + in_schema + " AND ";
    std::string tables = "SELECT 1 FROM duckdb_tables()" + where + "table_name = " + name;
    std::string views = "SELECT 1 FROM duckdb_views()" + where + "NOT internal AND view_name = " + name;
    std::string sequences = "SELECT 1 FROM duckdb_sequences()" + where + "sequence_name = " + name;
    std::string indexes = "SELECT 1 FROM duckdb_indexes()" + where + "index_name = " + name;
    std::string query;
    switch (check.kind) {
    case Kind::Table:
        query = tables;
        break;
    case Kind::View:
        query = views;
        break;
    case Kind::Sequence:
        query = sequences;
        break;
    case Kind::Index:
        query = indexes;
        break;
    case Kind::Schema:
        query = "SELECT 1 FROM duckdb_schemas() WHERE database_name = current_database() AND schema_name = " + name;
        break;
    case Kind::Type:
        query = "SELECT 1 FROM duckdb_types()" + where + "NOT internal AND type_name = " + name;
        break;
    case Kind::Relation:
        query = tables + " UNION ALL " + views + " UNION ALL " + sequences + " UNION ALL " + indexes;
        break;
    case Kind::Column:
        query = "SELECT 1 FROM duckdb_columns()" + where + "table_name = " + QuoteLiteral(check.table) +
                " AND column_name = " + name;
        break;
    }
    MaterializeOpenPortals();
    auto rows = RowsOrNone(*connection_, "SELECT count(*) FROM (" + query + ")");
    return rows.empty() || rows[0][0] != "0"; // unknown: say nothing
}

asio::awaitable<void> Session::WriteSkippingNotices(const sql::ParsedStatement &statement) {
    if (!statement.tree) {
        co_return;
    }
    // DROP ... IF EXISTS / CREATE ... IF NOT EXISTS: DuckDB skips silently, PostgreSQL says so.
    auto checks = sql::ExistenceChecks(*statement.tree);
    // DROP SCHEMA ... CASCADE: PostgreSQL names what goes with the schema.
    std::vector<std::string> cascaded_schemas;
    if (statement.tree->has_drop_stmt() && statement.tree->drop_stmt().remove_type() == pg_query::OBJECT_SCHEMA &&
        statement.tree->drop_stmt().behavior() == pg_query::DROP_CASCADE) {
        for (const auto &object : statement.tree->drop_stmt().objects()) {
            if (object.has_string()) {
                cascaded_schemas.push_back(object.string().sval());
            }
        }
    }
    if (checks.empty() && cascaded_schemas.empty()) {
        co_return;
    }
    co_await context_.workers.Run([&]() {
        for (const auto &check : checks) {
            if (Exists(check) == check.creating) {
                WriteNotice("NOTICE", check.Sqlstate(), check.Message());
            }
        }
        std::vector<std::string> objects;
        for (const auto &schema : cascaded_schemas) {
            auto in_schema = ObjectsInSchema(schema);
            objects.insert(objects.end(), in_schema.begin(), in_schema.end());
        }
        if (objects.size() == 1) {
            WriteNotice("NOTICE", "00000", "drop cascades to " + objects[0]);
        } else if (objects.size() > 1) {
            std::string detail;
            for (const auto &object : objects) {
                detail += (detail.empty() ? "" : "\n") + ("drop cascades to " + object);
            }
            WriteNotice("NOTICE", "00000", "drop cascades to " + std::to_string(objects.size()) + " other objects",
                        detail);
        }
    });
}

std::vector<std::string> Session::ObjectsInSchema(const std::string &schema) {
    // In creation order; a column's serial sequence goes with its table, unnamed, as in PostgreSQL.
    const std::string where = " WHERE database_name = current_database() AND schema_name = " + QuoteLiteral(schema);
    const std::string serial_sequences =
        "SELECT regexp_extract(column_default, 'nextval\\(''(?:[^'']*\\.)?([^'']+)''', "
        "1) FROM duckdb_columns()" +
        where + " AND column_default IS NOT NULL";
    const std::string query =
        "SELECT kind, name FROM (SELECT 'table' AS kind, table_name AS name, table_oid AS oid FROM duckdb_tables()" +
        where + " UNION ALL SELECT 'view', view_name, view_oid FROM duckdb_views()" + where +
        " AND NOT internal UNION ALL SELECT 'sequence', sequence_name, sequence_oid FROM duckdb_sequences()" + where +
        " AND sequence_name NOT IN (" + serial_sequences +
        ") UNION ALL SELECT 'type', type_name, type_oid FROM duckdb_types()" + where +
        " AND NOT internal) ORDER BY oid";
    MaterializeOpenPortals();
    std::vector<std::string> objects;
    for (const auto &row : RowsOrNone(*connection_, query)) {
        objects.push_back(row[0] + " " + QuoteIdentifierIfNeeded(schema) + "." + QuoteIdentifierIfNeeded(row[1]));
    }
    return objects;
}

asio::awaitable<void> Session::RunGeneric(const sql::ParsedStatement &statement) {
    co_await WriteSkippingNotices(statement);
    if (statement.tree) {
        auto parts = sql::SplitMultiObjectDrop(*statement.tree);
        if (!parts.empty()) {
            for (const auto &part : parts) {
                co_await RunInternal(part.c_str());
            }
            wire::WriteCommandComplete(stream_.Out(), statement.tag);
            co_return;
        }
    }
    Execution execution;
    RunningStatement running(*this);
    co_await WaitForTurn();

    std::function<void()> start = [&]() {
        // Through Execute (SQL EXECUTE sent with Parse/Bind), rows take the formats Bind asked for.
        StartExecution(execution, statement, {}, executing_portal_ ? executing_formats_ : std::vector<int16_t>{});
        if (execution.encoder) {
            execution.encoder->WriteRowDescription(stream_.Out());
        }
    };
    co_await StreamRows(execution, 0, &start);
    uint64_t rows = execution.encoder ? execution.rows_this_run : execution.changed_rows;
    wire::WriteCommandComplete(stream_.Out(), CommandTag(statement, execution, rows));
}

asio::awaitable<void> Session::DeallocateAll() {
    prepared_.clear();
    for (const auto &entry : sql_prepared_) {
        const std::string deallocate = "DEALLOCATE " + QuoteIdentifier(entry.first);
        co_await RunInternal(deallocate.c_str());
    }
    sql_prepared_.clear();
}

// ---------------------------------------------------------------------------------------------
// Replies

void Session::WriteError(const SqlError &error, int statement_location) {
    wire::ErrorFields fields;
    fields.severity = error.severity;
    // A statement interrupted for a reason fails with that reason, whatever DuckDB's error said; the
    // reason is used up by its error.
    switch (error.severity == "ERROR" ? cancel_reason_.load() : CancelReason::None) {
    case CancelReason::User:
    case CancelReason::ClientGone:
    case CancelReason::Timeout:
        fields.sqlstate = "57014";
        fields.message = cancel_reason_ == CancelReason::Timeout ? "canceling statement due to statement timeout"
                                                                 : "canceling statement due to user request";
        cancel_reason_ = CancelReason::None;
        wire::WriteErrorResponse(stream_.Out(), fields);
        return;
    case CancelReason::Terminate:
        return; // the FATAL that ends the session follows instead
    case CancelReason::None:
        break;
    }
    fields.sqlstate = error.sqlstate;
    fields.message = error.what();
    fields.detail = error.detail;
    fields.hint = error.hint;
    fields.where = error.where;
    if (error.position > 0) {
        fields.position = statement_location >= 0
                              ? CharacterCount(query_text_, static_cast<size_t>(statement_location)) + error.position
                              : error.position;
    }
    wire::WriteErrorResponse(stream_.Out(), fields);
}

void Session::WriteNotice(const std::string &severity, const std::string &sqlstate, const std::string &message,
                          const std::string &detail) {
    wire::ErrorFields fields;
    fields.severity = severity;
    fields.sqlstate = sqlstate;
    fields.message = message;
    fields.detail = detail;
    wire::WriteNoticeResponse(stream_.Out(), fields);
}

void Session::WriteReady() {
    if (terminate_requested_ && cancel_reason_ == CancelReason::Terminate) {
        return; // the session ends with a FATAL instead
    }
    auto status = wire::TransactionStatus::Idle;
    if (tx_ == TxState::InBlock || tx_ == TxState::Implicit) {
        status = wire::TransactionStatus::InBlock;
    } else if (tx_ == TxState::Failed) {
        status = wire::TransactionStatus::Failed;
    }
    wire::WriteReadyForQuery(stream_.Out(), status);
}

void Session::WriteReportedParameters() {
    for (const auto &[name, value] : settings_.TakeReportedChanges()) {
        wire::WriteParameterStatus(stream_.Out(), name, value);
    }
}

} // namespace duckgres::session
