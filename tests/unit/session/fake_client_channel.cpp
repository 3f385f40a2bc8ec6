// The in-memory client channel of the session tests: a byte queue each way, and a timer to wake a waiting read.
#include "fake_client_channel.hpp"

#include <asio/redirect_error.hpp>
#include <asio/system_error.hpp>
#include <asio/use_awaitable.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace duckgres::session::test {

void FakeClient::Send(std::string_view bytes) {
    if (closed_by_client_) {
        throw std::logic_error("FakeClient::Send after Close");
    }
    input_.append(bytes);
    Wake();
}

void FakeClient::Close() {
    closed_by_client_ = true;
    Wake();
}

std::string FakeClient::TakeReceived() {
    return std::exchange(received_, {});
}

void FakeClient::Wake() {
    if (channel_) {
        channel_->wake_.cancel();
    }
}

FakeClientChannel::FakeClientChannel(asio::any_io_executor executor, std::shared_ptr<FakeClient> client,
                                     std::string peer_address)
    : executor_(executor), client_(std::move(client)), peer_address_(std::move(peer_address)), wake_(executor) {
    client_->channel_ = this;
}

FakeClientChannel::~FakeClientChannel() {
    client_->channel_ = nullptr;
    client_->read_waiting_ = false;
    client_->closed_by_server_ = true;
}

asio::awaitable<size_t> FakeClientChannel::ReadSome(std::span<uint8_t> buffer) {
    auto &client = *client_;
    while (client.input_.empty()) {
        if (client.closed_by_server_) {
            throw asio::system_error(asio::error::operation_aborted);
        }
        if (client.closed_by_client_) {
            throw asio::system_error(asio::error::eof);
        }
        client.read_waiting_ = true;
        wake_.expires_at(asio::steady_timer::time_point::max());
        asio::error_code ignored; // canceled: woken by Send, Close or the session's own Close
        co_await wake_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        client.read_waiting_ = false;
    }
    if (client.closed_by_server_) {
        throw asio::system_error(asio::error::operation_aborted);
    }
    size_t n = std::min(buffer.size(), client.input_.size());
    std::memcpy(buffer.data(), client.input_.data(), n);
    client.input_.erase(0, n);
    co_return n;
}

asio::awaitable<void> FakeClientChannel::Write(std::string_view bytes) {
    if (client_->closed_by_server_) {
        throw asio::system_error(asio::error::bad_descriptor);
    }
    client_->received_.append(bytes);
    co_return;
}

asio::awaitable<void> FakeClientChannel::UpgradeToTls() {
    throw std::logic_error("FakeClientChannel has no TLS");
    co_return;
}

void FakeClientChannel::Close() {
    client_->closed_by_server_ = true;
    wake_.cancel();
}

} // namespace duckgres::session::test
