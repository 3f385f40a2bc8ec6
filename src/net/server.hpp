// Server: accepts clients, runs a Session for each, and shuts down gracefully on signals.
#pragma once

#include "config/server_config.hpp"

namespace duckgres::net {

class Server {
public:
    explicit Server(config::ServerConfig config);
    //! Runs until SIGINT/SIGTERM and a graceful shutdown; returns the process exit code.
    int Run();

private:
    config::ServerConfig config_;
};

} // namespace duckgres::net
