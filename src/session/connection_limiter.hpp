// ConnectionLimiter: admits or refuses new sessions against the server's connection limits.
#pragma once

#include "common/sql_error.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace duckgres::session {

//! The limits; a negative or zero per-key limit means none (max_connections must be positive).
struct ConnectionLimits {
    int max_connections = 100;
    int superuser_reserved_connections = 3;  //!< of max_connections, kept for superusers
    int per_address = 0;                     //!< per client address; 0: unlimited
    int queue_size = 100;                    //!< connections that may wait for a slot at once
    std::map<std::string, int> per_user;     //!< user -> limit (absent or negative: unlimited)
    std::map<std::string, int> per_database; //!< database -> limit (absent or negative: unlimited)
};

//! Who asks to connect.
struct ConnectionRequest {
    std::string user;
    std::string database;
    std::string address; //!< client address without port
    bool superuser = false;
};

//! Counts admitted sessions; thread-safe. Every successful Admit() must be matched by one Release().
class ConnectionLimiter {
public:
    explicit ConnectionLimiter(ConnectionLimits limits) : limits_(std::move(limits)) {}

    //! Admits the session (and counts it) or returns the FATAL 53300 error PostgreSQL gives for the
    //! first limit it would break: the total, the slots reserved for superusers, the user's, the
    //! database's, the client address's.
    std::optional<SqlError> Admit(const ConnectionRequest &request);
    void Release(const ConnectionRequest &request);
    int Count();
    //! Takes a place among the connections waiting for a slot; false when queue_size wait already.
    bool EnterQueue();
    void LeaveQueue();

private:
    ConnectionLimits limits_;
    std::mutex mutex_;
    int total_ = 0;
    int waiting_ = 0;
    std::map<std::string, int> users_;
    std::map<std::string, int> databases_;
    std::map<std::string, int> addresses_;
};

} // namespace duckgres::session
