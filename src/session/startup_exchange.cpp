// StartupExchange: from the first byte of a connection to an authenticated, authorized user.
#include "session/startup_exchange.hpp"

#include "session/authenticator.hpp"
#include "wire/backend_messages.hpp"
#include "wire/protocol_error.hpp"

#include <asio/redirect_error.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <sstream>

namespace duckgres::session {

namespace {

//! How often a connection waiting for a slot (connection_queue_timeout) tries again.
constexpr std::chrono::milliseconds kAdmissionPoll{20};

} // namespace

asio::awaitable<bool> StartupExchange::ReadStartupPacket() {
    // Each encryption request may come once (a client may try the other kind after a refusal);
    // a repeat is answered as PostgreSQL does, as an unsupported protocol version.
    bool ssl_requested = false;
    bool gss_requested = false;
    auto refuse_repeat = [](int32_t code) {
        return FatalError("0A000", "unsupported frontend protocol " + std::to_string(code >> 16) + "." +
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

asio::awaitable<void> StartupExchange::ApplyStartupParameters(const wire::StartupMessage &startup) {
    if (context_.shutting_down) {
        throw FatalError("57P03", "the database system is shutting down");
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
            login_.user = value;
        } else if (name == "database") {
            login_.database = value;
        } else if (name.rfind("_pq_.", 0) == 0) {
            unrecognized.push_back(name);
        } else if (name == "replication") {
            if (value != "false" && value != "off" && value != "0") {
                throw FatalError("0A000", "replication connections are not supported");
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
                    throw FatalError("42601", "invalid command-line argument for server process: " + word);
                }
                auto eq = word.find('=');
                if (eq == std::string::npos) {
                    throw FatalError("42601", "invalid command-line argument for server process: " + word);
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
    if (login_.database.empty()) {
        login_.database = login_.user;
    }
    if (startup.minor > 0 || !unrecognized.empty()) {
        wire::WriteNegotiateProtocolVersion(stream_.Out(), wire::kProtocolVersion3, unrecognized);
    }
    co_return;
}

const config::UserConfig *StartupExchange::ConfiguredUser(const std::string &name) const {
    for (const auto &user : context_.config.users) {
        if (user.name == name) {
            return &user;
        }
    }
    return nullptr;
}

void StartupExchange::Authorize() {
    const auto *user = ConfiguredUser(login_.user);
    auto role = config::RoleOf(context_.config, login_.user);
    if (!role) {
        // Only a trust or cert rule lets an unknown name this far: as PostgreSQL, no session without the role.
        throw FatalError("28000", "role \"" + login_.user + "\" does not exist");
    }
    login_.access.rights.write = role != config::UserRole::ReadOnly;
    login_.access.rights.admin = role == config::UserRole::Admin;
    login_.access.rights.engine = login_.access.rights.admin && context_.config.admin_engine_access;
    login_.access.database = login_.database;
    if (user && !user->databases.empty() &&
        std::find(user->databases.begin(), user->databases.end(), login_.database) == user->databases.end()) {
        throw FatalError("42501", "permission denied for database \"" + login_.database + "\"",
                         "User does not have CONNECT privilege.");
    }
    if (!login_.access.rights.write) {
        // Every transaction of a read-only user is READ ONLY in DuckDB; the user cannot switch that off.
        settings_.SetDefault("default_transaction_read_only", "on");
    }
}

asio::awaitable<void> StartupExchange::Admit() {
    // Without configured users the default user postgres is the only one, a superuser.
    bool superuser = config::RoleOf(context_.config, login_.user) == config::UserRole::Admin;
    ConnectionRequest request{login_.user, login_.database, peer_.substr(0, peer_.rfind(':')), superuser};
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
    login_.admitted = request;
}

std::string StartupExchange::ClientAddress() const {
    return peer_.substr(0, peer_.rfind(':'));
}

asio::awaitable<void> StartupExchange::Authenticate() {
    bool banned = context_.auth_failures.IsBanned(ClientAddress(), std::chrono::steady_clock::now());
    try {
        co_await Authenticator(context_, stream_).Authenticate(login_.user, login_.database, banned);
    } catch (const SqlError &error) {
        if (error.sqlstate == "28P01") {
            NoteAuthFailure(banned);
        }
        throw;
    }
    startup_slot_.Release();
}

void StartupExchange::NoteAuthFailure(bool banned) {
    context_.metrics.Increment(Counter::AuthFailures);
    if (banned) {
        login_.refused_by_ban = true;
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

} // namespace duckgres::session
