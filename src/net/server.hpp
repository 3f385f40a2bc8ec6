// Server: accepts clients, runs a Session for each, and shuts down gracefully on signals.
#pragma once

#include "auth/hba_policy.hpp"
#include "config/server_config.hpp"

namespace duckgres::net {

class Server {
public:
    //! `hba`: the authentication rules (pg_hba.conf or the built-in ones) every connection goes through.
    Server(config::ServerConfig config, auth::HbaPolicy hba);
    //! Runs until SIGINT/SIGTERM and a graceful shutdown; returns the process exit code.
    int Run();

private:
    config::ServerConfig config_;
    auth::HbaPolicy hba_;
};

} // namespace duckgres::net
