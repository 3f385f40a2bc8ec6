// CREATE / DROP / ALTER DATABASE ... RENAME: the data directory's files, changed on a worker outside any transaction.
#include "session/session.hpp"

#include <algorithm>

#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

namespace duckgres::session {

namespace {

//! How long a database's sessions may take to end before it counts as in use, as in PostgreSQL.
constexpr std::chrono::seconds kForceWait{5};

//! PostgreSQL's DETAIL for a database that other sessions use.
std::string OtherSessionsDetail(size_t count) {
    return count == 1 ? "There is 1 other session using the database."
                      : "There are " + std::to_string(count) + " other sessions using the database.";
}

} // namespace

std::vector<int32_t> Session::SessionsUsing(const std::string &database) {
    std::vector<int32_t> pids;
    for (const auto &row : context_.sessions.Activity(0)) {
        if (row[1] == database && row[0] != std::to_string(process_id_)) {
            pids.push_back(std::stoi(row[0]));
        }
    }
    return pids;
}

bool Session::MayUseDatabase(const std::string &database) const {
    for (const auto &user : context_.config.users) {
        if (user.name == login_.user) {
            return user.databases.empty() ||
                   std::find(user.databases.begin(), user.databases.end(), database) != user.databases.end();
        }
    }
    return true; // the default user: every database
}

asio::awaitable<void> Session::RunDatabaseStatement(const sql::ParsedStatement &statement,
                                                    const sql::DatabaseStatement &command) {
    using Action = sql::DatabaseStatement::Action;
    if (command.refusal) {
        throw *command.refusal;
    }
    if (!tx_.IsIdle()) {
        const std::string what = command.action == Action::Rename ? "ALTER DATABASE ... RENAME" : statement.tag;
        throw SqlError("25001", what + " cannot run inside a transaction block");
    }
    // An admin limited to some databases reaches no other through these: by dropping or renaming it, or by copying
    // it under a name the admin may open.
    for (const auto *name : {&command.name, &command.template_name, &command.new_name}) {
        if (!name->empty() && !MayUseDatabase(*name)) {
            throw SqlError("42501", "permission denied for database \"" + *name + "\"");
        }
    }
    if (!command.owner.empty() && !context_.users.count(command.owner)) {
        throw SqlError("42704", "role \"" + command.owner + "\" does not exist");
    }
    if (command.name == login_.database && command.action != Action::Create) {
        throw command.action == Action::Drop ? SqlError("55006", "cannot drop the currently open database")
                                             : SqlError("0A000", "current database cannot be renamed");
    }
    if (command.action == Action::Drop && command.force) {
        for (auto pid : SessionsUsing(command.name)) {
            context_.sessions.Signal(0, pid, engine::SessionSignal::Terminate);
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + kForceWait;
    while (true) {
        std::optional<SqlError> in_use;
        bool found = true;
        try {
            found = co_await OnWorker([&](StatementWork &) {
                switch (command.action) {
                case Action::Create:
                    context_.databases.Create(command.name, command.template_name);
                    break;
                case Action::Drop:
                    return context_.databases.Drop(command.name);
                case Action::Rename:
                    context_.databases.Rename(command.name, command.new_name);
                    break;
                }
                return true;
            });
        } catch (const SqlError &error) {
            if (error.sqlstate != "55006") {
                throw;
            }
            in_use = error;
        }
        if (!in_use) {
            if (!found && !command.if_exists) {
                throw SqlError("3D000", "database \"" + command.name + "\" does not exist");
            }
            if (!found) {
                WriteNotice("NOTICE", "00000", "database \"" + command.name + "\" does not exist, skipping");
            }
            break;
        }
        if (std::chrono::steady_clock::now() < deadline) {
            // Sessions that just ended (or were terminated) take a moment to let go of the database; PostgreSQL
            // waits for them as long.
            asio::steady_timer pause(stream_.Channel().GetExecutor(), std::chrono::milliseconds(20));
            co_await pause.async_wait(asio::use_awaitable);
            continue;
        }
        const auto users = SessionsUsing(command.action == Action::Create ? command.template_name : command.name);
        in_use->detail = OtherSessionsDetail(users.empty() ? 1 : users.size());
        throw *in_use;
    }
    spdlog::info("session {} ({}): {} {}", process_id_, login_.user, statement.tag, command.name);
    WriteComplete(statement.tag);
}

} // namespace duckgres::session
