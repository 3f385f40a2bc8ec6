// TcpChannel: a client socket that may be upgraded to TLS after an SSLRequest.
#pragma once

#include "net/tls_context.hpp"
#include "session/client_channel.hpp"

#include <asio/ip/tcp.hpp>
#include <asio/ssl/context.hpp>
#include <asio/ssl/stream.hpp>

#include <memory>
#include <optional>

namespace duckgres::net {

class TcpChannel : public session::ClientChannel {
public:
    //! `tls` is null when TLS is off; the channel keeps the context it was given for its whole life.
    TcpChannel(asio::ip::tcp::socket socket, std::shared_ptr<TlsContext> tls);

    asio::awaitable<size_t> ReadSome(std::span<uint8_t> buffer) override;
    asio::awaitable<void> Write(std::string_view bytes) override;
    bool CanUpgradeToTls() const override { return tls_context_ != nullptr; }
    asio::awaitable<void> UpgradeToTls() override;
    bool IsTls() const override { return tls_stream_ != nullptr; }
    std::optional<session::ClientCertificate> PeerCertificate() const override { return peer_certificate_; }
    std::string TlsServerEndPoint() const override;
    void Close() override;
    std::string PeerAddress() const override { return peer_; }
    bool PeerHungUp() override;
    asio::any_io_executor GetExecutor() override { return executor_; }

private:
    asio::any_io_executor executor_;
    std::shared_ptr<TlsContext> tls_context_;
    // The plain socket until the TLS upgrade; afterwards the TLS stream owns it.
    std::optional<asio::ip::tcp::socket> socket_;
    std::unique_ptr<asio::ssl::stream<asio::ip::tcp::socket>> tls_stream_;
    std::string peer_;
    std::optional<session::ClientCertificate> peer_certificate_;
};

} // namespace duckgres::net
