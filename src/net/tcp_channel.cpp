// Reads and writes a client connection over plain TCP or TLS.
#include "net/tcp_channel.hpp"

#include "net/certificate_fields.hpp"

#include <asio/read.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <poll.h>

namespace duckgres::net {

TcpChannel::TcpChannel(asio::ip::tcp::socket socket, std::shared_ptr<TlsContext> tls)
    : executor_(socket.get_executor()), tls_context_(std::move(tls)) {
    asio::error_code ec;
    auto endpoint = socket.remote_endpoint(ec);
    peer_ = ec ? "unknown" : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    socket.set_option(asio::ip::tcp::no_delay(true), ec);
    socket_.emplace(std::move(socket));
}

asio::awaitable<size_t> TcpChannel::ReadSome(std::span<uint8_t> buffer) {
    auto target = asio::buffer(buffer.data(), buffer.size());
    if (tls_stream_) {
        co_return co_await tls_stream_->async_read_some(target, asio::use_awaitable);
    }
    co_return co_await socket_->async_read_some(target, asio::use_awaitable);
}

asio::awaitable<void> TcpChannel::Write(std::string_view bytes) {
    auto source = asio::buffer(bytes.data(), bytes.size());
    if (tls_stream_) {
        co_await asio::async_write(*tls_stream_, source, asio::use_awaitable);
    } else {
        co_await asio::async_write(*socket_, source, asio::use_awaitable);
    }
}

asio::awaitable<void> TcpChannel::UpgradeToTls() {
    tls_stream_ = std::make_unique<asio::ssl::stream<asio::ip::tcp::socket>>(std::move(*socket_), tls_context_->Ssl());
    socket_.reset();
    try {
        co_await tls_stream_->async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
    } catch (const asio::system_error &e) {
        // As PostgreSQL logs "could not accept SSL connection"; a refused client certificate ends up here too.
        std::string reason = e.code().message();
        long verify_result = SSL_get_verify_result(tls_stream_->native_handle());
        if (verify_result != X509_V_OK) {
            reason += std::string(" (client certificate: ") + X509_verify_cert_error_string(verify_result) + ")";
        }
        spdlog::info("could not accept SSL connection from {}: {}", peer_, reason);
        throw;
    }
    SSL *ssl = tls_stream_->native_handle();
    if (X509 *cert = SSL_get0_peer_certificate(ssl); cert != nullptr && SSL_get_verify_result(ssl) == X509_V_OK) {
        peer_certificate_ = ClientCertificateOf(cert);
    }
    spdlog::debug("TLS connection from {}: {} {}{}", peer_, SSL_get_version(ssl), SSL_get_cipher_name(ssl),
                  peer_certificate_ ? ", client certificate " + peer_certificate_->distinguished_name
                                    : std::string(", no client certificate"));
}

std::string TcpChannel::TlsServerEndPoint() const {
    return tls_stream_ ? tls_context_->ServerEndPoint() : std::string();
}

void TcpChannel::Close() {
    asio::error_code ec;
    auto &socket = tls_stream_ ? tls_stream_->next_layer() : *socket_;
    socket.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

bool TcpChannel::PeerHungUp() {
    auto &socket = tls_stream_ ? tls_stream_->next_layer() : *socket_;
    if (!socket.is_open()) {
        return true;
    }
    // POLLRDHUP: the peer shut down its side (as PostgreSQL's client_connection_check_interval checks).
    pollfd descriptor{socket.native_handle(), POLLRDHUP, 0};
    return ::poll(&descriptor, 1, 0) > 0 && (descriptor.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

} // namespace duckgres::net
