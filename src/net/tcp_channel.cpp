// Reads and writes a client connection over plain TCP or TLS.
#include "net/tcp_channel.hpp"

#include <asio/read.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>

#include <poll.h>

namespace duckgres::net {

TcpChannel::TcpChannel(asio::ip::tcp::socket socket, asio::ssl::context *tls)
    : executor_(socket.get_executor()), tls_context_(tls) {
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
    tls_stream_ = std::make_unique<asio::ssl::stream<asio::ip::tcp::socket>>(std::move(*socket_), *tls_context_);
    socket_.reset();
    co_await tls_stream_->async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
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
