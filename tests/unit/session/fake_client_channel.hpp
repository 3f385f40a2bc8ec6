// FakeClientChannel: an in-memory ClientChannel whose client end a test drives (bytes in, bytes captured).
#pragma once

#include "session/client_channel.hpp"

#include <asio/steady_timer.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace duckgres::session::test {

class FakeClientChannel;

//! The client's end of a FakeClientChannel. The test keeps it; the session owns the channel, and this end
//! outlives it. Everything runs on the thread that drives the channel's io_context.
class FakeClient {
public:
    //! Queues bytes for the session to read, and wakes a read waiting for them.
    void Send(std::string_view bytes);
    //! The client closes its end: once the queued bytes are read, reads fail as on a closed socket.
    void Close();
    //! What the session wrote since the last call.
    std::string TakeReceived();
    //! The session waits in ReadSome with nothing to read.
    bool WaitingForInput() const { return read_waiting_ && input_.empty() && !closed_by_client_; }
    bool ClosedByClient() const { return closed_by_client_; }
    //! The session closed the channel.
    bool ClosedByServer() const { return closed_by_server_; }

private:
    friend class FakeClientChannel;
    void Wake();

    std::string input_;
    std::string received_;
    bool read_waiting_ = false;
    bool closed_by_client_ = false;
    bool closed_by_server_ = false;
    FakeClientChannel *channel_ = nullptr; //!< while the channel lives
};

//! A plain (never TLS) connection from 127.0.0.1. ReadSome suspends until bytes are queued or either end closes;
//! then it throws asio::system_error, as a closed socket does. Writes are captured whole.
class FakeClientChannel final : public ClientChannel {
public:
    FakeClientChannel(asio::any_io_executor executor, std::shared_ptr<FakeClient> client,
                      std::string peer_address = "127.0.0.1:54321");
    ~FakeClientChannel() override;

    asio::awaitable<size_t> ReadSome(std::span<uint8_t> buffer) override;
    asio::awaitable<void> Write(std::string_view bytes) override;
    bool CanUpgradeToTls() const override { return false; }
    asio::awaitable<void> UpgradeToTls() override;
    bool IsTls() const override { return false; }
    std::optional<ClientCertificate> PeerCertificate() const override { return std::nullopt; }
    std::string TlsServerEndPoint() const override { return {}; }
    void Close() override;
    std::string PeerAddress() const override { return peer_address_; }
    bool PeerHungUp() override { return client_->closed_by_client_; }
    asio::any_io_executor GetExecutor() override { return executor_; }

private:
    friend class FakeClient;

    asio::any_io_executor executor_;
    std::shared_ptr<FakeClient> client_;
    std::string peer_address_;
    asio::steady_timer wake_; //!< a waiting read sleeps on it; canceling it wakes the read
};

} // namespace duckgres::session::test
