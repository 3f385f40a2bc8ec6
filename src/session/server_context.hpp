// ServerContext: what every session shares: configuration, databases, users, worker pool.
#pragma once

#include "auth/hba_policy.hpp"
#include "auth/interface_addresses.hpp"
#include "auth/password_verifier.hpp"
#include "common/server_metrics.hpp"
#include "config/server_config.hpp"
#include "engine/database_registry.hpp"
#include "engine/session_directory.hpp"
#include "session/auth_failure_tracker.hpp"
#include "session/backend_registry.hpp"
#include "session/connection_limiter.hpp"
#include "session/statement_gate.hpp"
#include "session/worker_pool.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <string>

namespace duckgres::session {

struct ServerContext {
    config::ServerConfig config;
    //! Users by name with their parsed verifiers (the default postgres user included).
    std::map<std::string, auth::PasswordVerifier> users;
    //! Secret for fake SCRAM salts of unknown users, random per server start.
    std::string mock_secret;
    //! What an unknown user's password is checked against (md5 and cleartext exchanges, and the iteration count
    //! of SCRAM's mock exchange): of the kind and iteration count most users have, so that checking costs the same.
    auth::PasswordVerifier mock_verifier;
    //! pg_hba.conf's rules (or the built-in ones) and pg_ident.conf's maps: how each connection authenticates.
    const auth::HbaPolicy &hba;
    //! The server's network interfaces, for samehost and samenet rules (read once at start).
    std::vector<auth::InterfaceAddress> interfaces;
    engine::DatabaseRegistry &databases;
    engine::SessionDirectory &sessions;
    WorkerPool &workers;
    ServerMetrics &metrics;
    ConnectionLimiter &connections;
    StatementGates &statement_gates;
    //! Each database's write lock (a gate of one), or none without serialize_writers.
    StatementGates &write_locks;
    AuthFailureTracker &auth_failures;
    BackendRegistry backends;
    std::chrono::system_clock::time_point started_at = std::chrono::system_clock::now();
    std::atomic<bool> shutting_down{false};
};

} // namespace duckgres::session
