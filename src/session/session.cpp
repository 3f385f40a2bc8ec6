// The protocol state machine of one client: its life cycle, the command loop and its replies (PostgreSQL's postgres.c).
#include "session/session.hpp"

#include "common/ascii.hpp"
#include "common/internal_fault.hpp"
#include "common/sql_quote.hpp"
#include "common/utf8.hpp"
#include "common/wall_clock.hpp"
#include "engine/catalog_lookup.hpp"
#include "engine/statement_type_access.hpp"
#include "session/result_encoder.hpp"
#include "session/startup_exchange.hpp"
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

//! Replies to pipelined messages are sent once this much output is waiting.
constexpr size_t kPipelineOutput = 64 * 1024;
//! Query texts up to this size are parsed on the I/O thread (and their parses remembered); longer ones on a worker,
//! so that one huge query string cannot stall the I/O thread.
constexpr size_t kParseInPlaceLimit = 4096;
//! How often an interrupted statement that still runs is interrupted again.
constexpr std::chrono::milliseconds kReinterruptInterval{100};

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
    if (login_.admitted) {
        context_.connections.Release(*login_.admitted);
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
        StartupExchange startup(context_, stream_, settings_, startup_slot_, peer_, login_);
        bool started = co_await startup.ReadStartupPacket();
        packet_timer->cancel();
        if (started) {
            stream_.Framer().SetStartupPhase(false);
            co_await startup.Admit();
            co_await startup.Authenticate();
            startup.Authorize();
            co_await OpenDatabase();
            timer->cancel();
            WriteStartupReport();
            co_await CommandLoop();
        }
    } catch (const SqlError &e) {
        fatal = e;
        fatal->severity = "FATAL";
    } catch (const wire::ProtocolError &e) {
        fatal = FatalError(e.SqlState(), e.what());
    } catch (const asio::system_error &e) {
        spdlog::debug("connection from {} ended: {}", peer_, e.what());
    } catch (const InternalFault &e) {
        context_.metrics.Increment(Counter::Panics);
        spdlog::error("session {} ({}) ended by an internal fault: {} ({})\n{}", process_id_, peer_, e.what(),
                      e.Location(), e.Trace());
        fatal = FatalError("XX000", std::string("internal error: ") + e.what());
    } catch (const std::exception &e) {
        context_.metrics.Increment(Counter::Panics);
        spdlog::error("session {} ({}) failed: {}\n{}", process_id_, peer_, e.what(), CurrentStackTrace());
        fatal = FatalError("XX000", std::string("internal error: ") + e.what());
    }
    timer->cancel();
    packet_timer->cancel();
    startup_slot_.Release();
    phase_ = Phase::Closing;
    if (fatal) {
        if (login_.refused_by_ban) {
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
    if (login_.admitted) {
        context_.connections.Release(*login_.admitted);
        login_.admitted.reset();
    }
    if (engine_.connection) {
        context_.sessions.Unregister(connection_id_);
        // Disconnecting may roll back a transaction: blocking work, done on a worker. DuckDB's statements and results
        // keep the connection's context alive: they go first.
        std::unique_ptr<engine::EngineConnection> connection;
        {
            std::lock_guard lock(connection_mutex_);
            connection = std::move(engine_.connection);
        }
        auto portals = std::move(portals_);
        auto prepared = std::move(prepared_);
        described_cache_.Clear();
        try {
            co_await context_.workers.Run([&](const WorkerToken &) {
                portals.clear();
                prepared.clear();
                connection.reset();
            });
        } catch (const std::exception &e) {
            spdlog::warn("closing the DuckDB connection failed: {}", e.what());
        }
        ReleaseWriteLock(); // the transaction was rolled back with the connection
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
    if (!running_statement_ || !engine_.connection) {
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
    engine_.connection->Interrupt();
}

void Session::ThrowIfCanceled() const {
    if (cancel_reason_ != CancelReason::None) {
        throw SqlError("57014", "canceling statement due to user request"); // WriteError names the reason
    }
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

bool Session::SetTestHook(const std::string &name, const std::optional<std::string> &value) {
#ifdef DUCKGRES_TEST_HOOKS
    if (name == "duckgres.inject_fault") {
        injected_fault_ = value.value_or("");
        return true;
    }
#else
    (void)name;
    (void)value;
#endif
    return false;
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
        co_await context_.workers.Run(
            [](const WorkerToken &token) -> int { throw std::runtime_error("injected fault on a worker"); });
    }
    if (fault == "io") {
        // Escapes to the I/O loop, which logs and counts it and goes on; this statement runs normally.
        asio::post(stream_.Channel().GetExecutor(), []() { throw std::runtime_error("injected fault in I/O"); });
    }
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
    bool in_transaction = !tx_.IsIdle();
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
                self->CloseIdle(FatalError("25P03", "terminating connection due to idle-in-transaction timeout"));
            } else {
                self->CloseIdle(FatalError("57P05", "terminating connection due to idle-session timeout"));
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
        self->CloseIdle(FatalError("57P01", "terminating connection due to administrator command"));
    });
}

asio::awaitable<void> Session::OpenDatabase() {
    // The connection, its time zone and search_path (options=-c search_path=...), in one hand-off.
    const auto settings = WantedEngineSettings();
    co_await OnWorker([&](StatementWork &work) {
        work.Connect(context_.databases.Get(login_.database));
        work.ApplySettings(settings);
    });
    connection_id_ = engine_.connection->ConnectionId();
    gate_ = context_.statement_gates.For(login_.database);
    write_lock_ = context_.write_locks.For(login_.database);
    auto [pid, secret] = context_.backends.Register(weak_from_this());
    process_id_ = pid;
    secret_key_ = secret;
    engine::SessionIdentity identity{process_id_,  login_.database,           login_.user, peer_, "",
                                     UnixMicros(), login_.access.rights.admin};
    if (auto colon = peer_.rfind(':'); colon != std::string::npos) {
        identity.client_addr = peer_.substr(0, colon);
        identity.client_port = peer_.substr(colon + 1);
    }
    engine::SessionDirectory::Callbacks callbacks;
    callbacks.cursors = [this]() { return ListCursors(); };
    callbacks.settings = [this]() {
        std::vector<std::vector<std::string>> rows;
        for (const auto &definition : SessionSettings::Definitions()) {
            // As pg_settings shows them: numbers with a unit in that unit ("8192", "kB").
            auto [setting, unit] = PgSettingsValue(definition, settings_.Get(definition.name).value_or(""));
            rows.push_back({definition.name, std::move(setting), definition.description,
                            definition.effect == SettingEffect::ReadOnly ? "internal" : "user", std::move(unit)});
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
    spdlog::debug("session {} started: user {} database {} from {}{}", process_id_, login_.user, login_.database, peer_,
                  certificate ? " with client certificate CN \"" + certificate->common_name + "\"" : "");
}

void Session::ReportActivity(const char *state, const std::string &query, const char *wait_event) {
    if (connection_id_ == 0 && !engine_.connection) {
        return;
    }
    if (std::string_view(state) == "active" && *wait_event == '\0') {
        query_start_micros_ = UnixMicros();
    }
    context_.sessions.SetActivity(connection_id_, settings_.Get("application_name").value_or(""), state, query,
                                  query_start_micros_, wait_event);
}

void Session::WriteStartupReport() {
    settings_.Set("session_authorization", login_.user);
    settings_.Set("is_superuser", login_.admitted && login_.admitted->superuser ? "on" : "off");
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
            throw FatalError("57P01", "terminating connection due to administrator command");
        }
        phase_ = Phase::Idle;
        ReportActivity(tx_.IdleActivity(), last_query_);
        if (!stream_.Framer().HasMessage()) {
            WatchIdle();
        }
        auto message = co_await stream_.Read();
        watch_round_++;
        idle_timer_.cancel();
        phase_ = Phase::Busy;
        auto type = static_cast<wire::FrontendType>(message.type);
        switch (type) {
        case wire::FrontendType::Query:
            co_await Guarded(HandleQuery(message.payload), false);
            if (sync_lost_) {
                throw FatalError("08P01", "terminating connection because protocol synchronization was lost");
            }
            WriteReady();
            break;
        case wire::FrontendType::Terminate:
            co_await stream_.Flush(); // replies to messages pipelined before it
            co_return;
        case wire::FrontendType::Parse:
        case wire::FrontendType::Bind:
        case wire::FrontendType::Describe:
        case wire::FrontendType::Execute:
        case wire::FrontendType::Close:
            // After an error, everything up to Sync is discarded.
            if (!skip_until_sync_) {
                co_await Guarded(HandleExtendedMessage(type, message.payload), true);
            }
            if (sync_lost_) {
                throw FatalError("08P01", "terminating connection because protocol synchronization was lost");
            }
            break;
        case wire::FrontendType::Sync:
            co_await HandleSync();
            break;
        case wire::FrontendType::Flush:
            co_await stream_.Flush();
            break;
        case wire::FrontendType::FunctionCall:
            // Answered like a simple Query: the error, then ReadyForQuery.
            co_await Guarded(RefuseFunctionCall(), false);
            WriteReady();
            break;
        case wire::FrontendType::CopyData:
        case wire::FrontendType::CopyDone:
        case wire::FrontendType::CopyFail:
            // Outside COPY these are ignored, as PostgreSQL does.
            break;
        default:
            throw wire::FramingError("invalid frontend message type " +
                                     std::to_string(static_cast<unsigned char>(message.type)));
        }
    }
}

asio::awaitable<void> Session::Guarded(asio::awaitable<void> handler, bool extended) {
    AssertIoThread();
    std::optional<SqlError> failure;
    try {
        co_await std::move(handler);
    } catch (const SqlError &e) {
        failure = e;
    } catch (const wire::MalformedMessage &e) {
        // The framing is intact: an ERROR, and the session goes on, as in PostgreSQL.
        failure = SqlError(e.SqlState(), e.what());
    } catch (const InternalFault &) {
        throw; // the session's own state is broken: end it
    } catch (const wire::ProtocolError &) {
        throw; // broken framing: FATAL
    } catch (const asio::system_error &) {
        throw; // the client is gone
    } catch (const std::exception &e) {
        failure = ContainFault(e);
    }
    if (!failure) {
        co_return;
    }
    // PostgreSQL's recovery: report, abort the transaction, and in the extended protocol skip to Sync.
    WriteError(*failure);
    co_await EndAfterError();
    if (extended) {
        skip_until_sync_ = true;
    }
}

asio::awaitable<void> Session::RefuseFunctionCall() {
    throw SqlError("0A000", "the function call protocol is not supported");
    co_return;
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

asio::awaitable<void> Session::HandleQuery(std::span<const uint8_t> payload) {
    auto query = wire::ParseQuery(payload);
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
        sql::ParsedQuery long_query =
            co_await context_.workers.Run([&query](const WorkerToken &token) { return sql::ParseQuery(query.sql); });
        parsed_query = std::make_shared<const sql::ParsedQuery>(std::move(long_query));
    }
    const sql::ParsedQuery &parsed = *parsed_query;
    if (parsed.statements.empty()) {
        wire::WriteEmptyQueryResponse(stream_.Out());
        co_return;
    }
    bool multiple = parsed.statements.size() > 1;
    for (const auto &statement : parsed.statements) {
        if (tx_.IsFailed() && !IsTransactionExit(statement)) {
            throw AbortedTransaction();
        }
        try {
            // Read-only sessions run even single statements in a (read-only) transaction of their own.
            // DISCARD ALL alone stays outside any transaction, as it must.
            const bool own_transaction = DefaultReadOnly() && !statement.Is<sql::DiscardStatement>();
            if ((multiple || own_transaction) && tx_.IsIdle() && !statement.Is<sql::TransactionStatement>()) {
                co_await BeginImplicit();
            }
            co_await RunStatement(statement, ExecutionMode{});
        } catch (SqlError &error) {
            if (!parsed.postgres_syntax_ok && error.sqlstate == "42601") {
                // Neither grammar accepts it: report PostgreSQL's own syntax error.
                error = SqlError("42601", parsed.syntax_error, "", "", parsed.syntax_error_position);
            } else if (error.position > 0) {
                // A position in the statement becomes one in the query string, in characters.
                error.position += static_cast<int>(
                    Utf8CharacterCount(std::string_view(query.sql).substr(0, static_cast<size_t>(statement.location))));
            }
            throw;
        }
    }
    co_await CommitImplicit();
}

asio::awaitable<void> Session::RunStatement(const sql::ParsedStatement &statement, ExecutionMode mode) {
    if (!injected_fault_.empty()) {
        co_await RaiseInjectedFault();
    }
    StatementExecution execution(*this, statement, mode);
    std::exception_ptr failure;
    try {
        co_await Dispatch(statement, mode.portal);
    } catch (...) {
        failure = std::current_exception();
    }
    execution.End(failure);
    if (failure) {
        std::rethrow_exception(failure);
    }
}

asio::awaitable<void> Session::Dispatch(const sql::ParsedStatement &statement, PortalRun *portal) {
    if (portal && statement.Is<sql::GenericStatement>()) {
        co_await ExecutePortal(*portal);
        WriteReportedParameters(); // set_config() may have changed one
        co_return;
    }
    if (auto *transaction = statement.As<sql::TransactionStatement>()) {
        co_await RunTransactionControl(statement, *transaction);
    } else if (auto *savepoint = statement.As<sql::SavepointStatement>()) {
        co_await RunSavepoint(statement, *savepoint);
    } else if (statement.Is<sql::SetStatement>() || statement.Is<sql::ResetStatement>()) {
        co_await RunSet(statement);
    } else if (auto *show = statement.As<sql::ShowStatement>()) {
        RunShow(*show, portal == nullptr);
    } else if (statement.Is<sql::CopyFileStatement>()) {
        if (!context_.config.allow_external_access) {
            throw SqlError("42501", "permission denied to COPY to or from a file", "",
                           "COPY FROM STDIN and COPY TO STDOUT work for every user; server files need "
                           "allow_external_access in the server configuration.");
        }
        co_await RunGeneric(statement);
    } else if (auto *copy_from = statement.As<sql::CopyFromStatement>()) {
        co_await RunCopyFrom(copy_from->target);
    } else if (auto *copy_to = statement.As<sql::CopyToStatement>()) {
        co_await RunCopyTo(statement, copy_to->target);
    } else if (auto *declare = statement.As<sql::DeclareCursorStatement>()) {
        co_await DeclareCursor(statement, *declare);
    } else if (auto *fetch = statement.As<sql::FetchStatement>()) {
        co_await FetchCursor(statement, *fetch);
    } else if (auto *close = statement.As<sql::CloseCursorStatement>()) {
        CloseCursor(statement, *close);
    } else if (auto *deallocate = statement.As<sql::DeallocateStatement>()) {
        // Statements made by Parse and by SQL PREPARE share one namespace, as in PostgreSQL.
        if (deallocate->name.empty()) {
            co_await DeallocateAll();
            WriteComplete(statement.tag);
        } else if (prepared_.erase(deallocate->name)) {
            WriteComplete(statement.tag);
        } else {
            co_await RunGeneric(statement);
            sql_prepared_.erase(deallocate->name);
        }
    } else if (auto *prepare = statement.As<sql::PrepareStatement>()) {
        co_await RunGeneric(statement);
        sql::ParsedStatement inner;
        inner.tag = prepare->tag;
        inner.tag_has_rows = prepare->tag_has_rows;
        inner.returns_rows = prepare->returns_rows;
        inner.column_names = statement.column_names; // its query's, as PostgreSQL names them
        sql_prepared_[prepare->name] = std::move(inner);
    } else if (auto *execute = statement.As<sql::ExecuteStatement>()) {
        auto found = sql_prepared_.find(execute->name);
        if (found == sql_prepared_.end()) {
            co_await RunGeneric(statement);
        } else {
            sql::ParsedStatement with_tag = statement;
            with_tag.tag = found->second.tag;
            with_tag.tag_has_rows = found->second.tag_has_rows;
            with_tag.returns_rows = found->second.returns_rows;
            with_tag.column_names = found->second.column_names;
            co_await RunGeneric(with_tag);
        }
    } else if (auto *block = statement.As<sql::DoStatement>()) {
        co_await RunDoBlock(statement, *block);
    } else if (auto *lock = statement.As<sql::LockTableStatement>()) {
        co_await LockTable(statement, *lock);
    } else if (auto *database = statement.As<sql::DatabaseStatement>()) {
        co_await RunDatabaseStatement(statement, *database);
    } else if (auto *ignored = statement.As<sql::IgnoredStatement>()) {
        if (!ignored->error.empty()) {
            throw SqlError("0A000", ignored->error);
        }
        if (ignored->block_only && tx_.IsIdle()) {
            throw SqlError("25P01", statement.tag + " can only be used in transaction blocks");
        }
        const bool own_owner =
            ignored->new_owner && (ignored->new_owner->empty() || *ignored->new_owner == login_.user);
        if (!ignored->notice.empty() && !own_owner) {
            WriteNotice("NOTICE", "00000", ignored->notice);
        }
        WriteComplete(statement.tag);
    } else if (auto *discard = statement.As<sql::DiscardStatement>()) {
        if (discard->all) {
            // As PostgreSQL: outside a transaction block only; closes portals and cursors, forgets
            // prepared statements and resets every parameter.
            if (!tx_.IsIdle()) {
                throw SqlError("25001", "DISCARD ALL cannot run inside a transaction block");
            }
            portals_.clear();
            co_await DeallocateAll();
            co_await RunSet(statement); // RESET ALL
        } else {
            WriteComplete(statement.tag);
        }
    } else {
        // GenericStatement, MultiObjectStatement
        co_await RunGeneric(statement);
        if (ChangesSchemas(statement)) {
            co_await AfterSchemaChange();
        }
    }
    WriteReportedParameters();
}

// ---------------------------------------------------------------------------------------------
// Replies

void Session::WriteError(const SqlError &error) {
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
    fields.position = error.position;
    wire::WriteErrorResponse(stream_.Out(), fields);
}

void Session::WriteNotice(const std::string &severity, const std::string &sqlstate, const std::string &message,
                          const std::string &detail) {
    AssertIoThread();
    wire::ErrorFields fields;
    fields.severity = severity;
    fields.sqlstate = sqlstate;
    fields.message = message;
    fields.detail = detail;
    wire::WriteNoticeResponse(stream_.Out(), fields);
}

void Session::WriteComplete(const std::string &tag) {
    AssertIoThread();
    if (current_) {
        current_->Complete(tag);
    }
    wire::WriteCommandComplete(stream_.Out(), tag);
}

void Session::WriteReady() {
    if (terminate_requested_ && cancel_reason_ == CancelReason::Terminate) {
        return; // the session ends with a FATAL instead
    }
    wire::WriteReadyForQuery(stream_.Out(), tx_.ReadyStatus());
}

void Session::WriteReportedParameters() {
    for (const auto &[name, value] : settings_.TakeReportedChanges()) {
        wire::WriteParameterStatus(stream_.Out(), name, value);
    }
}

} // namespace duckgres::session
