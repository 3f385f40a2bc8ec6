// Checks a new session against the total, reserved, per-user, per-database and per-address limits.
#include "session/connection_limiter.hpp"

namespace duckgres::session {

namespace {

SqlError TooMany(const std::string &message) {
    SqlError error("53300", message);
    error.severity = "FATAL";
    return error;
}

bool Reached(const std::map<std::string, int> &limits, const std::map<std::string, int> &counts,
             const std::string &key) {
    auto limit = limits.find(key);
    if (limit == limits.end() || limit->second < 0) {
        return false;
    }
    auto count = counts.find(key);
    return (count == counts.end() ? 0 : count->second) >= limit->second;
}

void Decrement(std::map<std::string, int> &counts, const std::string &key) {
    auto count = counts.find(key);
    if (count != counts.end() && --count->second <= 0) {
        counts.erase(count);
    }
}

} // namespace

std::optional<SqlError> ConnectionLimiter::Admit(const ConnectionRequest &request) {
    std::lock_guard lock(mutex_);
    if (total_ >= limits_.max_connections) {
        return TooMany("sorry, too many clients already");
    }
    if (!request.superuser && total_ >= limits_.max_connections - limits_.superuser_reserved_connections) {
        return TooMany("remaining connection slots are reserved for non-replication superuser connections");
    }
    if (Reached(limits_.per_user, users_, request.user)) {
        return TooMany("too many connections for role \"" + request.user + "\"");
    }
    if (Reached(limits_.per_database, databases_, request.database)) {
        return TooMany("too many connections for database \"" + request.database + "\"");
    }
    if (limits_.per_address > 0 && Reached({{request.address, limits_.per_address}}, addresses_, request.address)) {
        return TooMany("too many connections from address \"" + request.address + "\"");
    }
    total_++;
    users_[request.user]++;
    databases_[request.database]++;
    addresses_[request.address]++;
    return std::nullopt;
}

void ConnectionLimiter::Release(const ConnectionRequest &request) {
    std::lock_guard lock(mutex_);
    total_--;
    Decrement(users_, request.user);
    Decrement(databases_, request.database);
    Decrement(addresses_, request.address);
}

bool ConnectionLimiter::EnterQueue() {
    std::lock_guard lock(mutex_);
    if (waiting_ >= limits_.queue_size) {
        return false;
    }
    waiting_++;
    return true;
}

void ConnectionLimiter::LeaveQueue() {
    std::lock_guard lock(mutex_);
    waiting_--;
}

int ConnectionLimiter::Count() {
    std::lock_guard lock(mutex_);
    return total_;
}

} // namespace duckgres::session
