// Loads the TLS context at start and swaps in a freshly loaded one on reload.
#include "net/tls_context_holder.hpp"

#include <stdexcept>

namespace duckgres::net {

TlsContextHolder::TlsContextHolder(config::ServerConfig config)
    : config_(std::move(config)), current_(TlsContext::Load(config_)) {}

std::optional<std::string> TlsContextHolder::Reload() {
    try {
        current_.store(TlsContext::Load(config_));
        return std::nullopt;
    } catch (const std::exception &e) {
        return std::string(e.what());
    }
}

} // namespace duckgres::net
