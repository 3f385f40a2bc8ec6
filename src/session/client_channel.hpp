// ClientChannel: the byte stream to one client, as the session sees it (TCP or TLS).
#pragma once

#include <asio/any_io_executor.hpp>
#include <asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace duckgres::session {

//! A client certificate the TLS handshake verified against tls.client_ca_file (and tls.crl_file).
struct ClientCertificate {
    std::string common_name;        //!< subject CN as UTF-8; empty when the subject has none
    std::string distinguished_name; //!< the whole subject in RFC 2253 form, e.g. "CN=alice,O=Example"
};

//! Implemented by the net layer. All calls happen on the session's executor (its I/O thread's event loop).
//! Reads and writes throw asio::system_error when the peer is gone or the channel is closed.
class ClientChannel {
public:
    virtual ~ClientChannel() = default;

    virtual asio::awaitable<size_t> ReadSome(std::span<uint8_t> buffer) = 0;
    virtual asio::awaitable<void> Write(std::string_view bytes) = 0;
    //! Whether a TLS context is configured (SSLRequest is then answered 'S').
    virtual bool CanUpgradeToTls() const = 0;
    //! Runs the server side of the TLS handshake; throws on failure.
    virtual asio::awaitable<void> UpgradeToTls() = 0;
    virtual bool IsTls() const = 0;
    //! The client's certificate when it presented one and the handshake verified it; nullopt otherwise (no TLS,
    //! no tls.client_ca_file, or the client sent none). A certificate that fails verification fails the handshake.
    virtual std::optional<ClientCertificate> PeerCertificate() const = 0;
    //! The tls-server-end-point channel binding data (RFC 5929) of this TLS connection's server certificate; empty
    //! without TLS or when the certificate's signature names no usable digest (SCRAM-SHA-256-PLUS is then not offered).
    virtual std::string TlsServerEndPoint() const = 0;
    //! Cancels pending I/O and closes the connection.
    virtual void Close() = 0;
    virtual std::string PeerAddress() const = 0;
    //! Whether the client has closed its end or the connection broke (checked without reading).
    virtual bool PeerHungUp() = 0;
    virtual asio::any_io_executor GetExecutor() = 0;
};

} // namespace duckgres::session
