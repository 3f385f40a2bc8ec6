// TlsContextHolder: the TLS context new connections use, replaceable while the server runs.
#pragma once

#include "config/server_config.hpp"
#include "net/tls_context.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace duckgres::net {

//! Holds the current TlsContext (nullptr when TLS is off). Current() and Reload() may be called from any thread;
//! a connection takes Current() once and keeps that context alive until it closes.
class TlsContextHolder {
public:
    //! Loads the initial context; throws std::runtime_error when the files are unusable.
    explicit TlsContextHolder(config::ServerConfig config);

    std::shared_ptr<TlsContext> Current() const { return current_.load(); }
    //! Re-reads the certificate, key, client CA and CRL files and makes them current for new connections. On
    //! failure the current context stays and the error is returned.
    std::optional<std::string> Reload();

private:
    config::ServerConfig config_;
    std::atomic<std::shared_ptr<TlsContext>> current_;
};

} // namespace duckgres::net
