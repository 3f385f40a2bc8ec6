// MessageStream: reads whole frontend messages from a channel and buffers backend output.
#pragma once

#include "session/client_channel.hpp"
#include "wire/message_framer.hpp"

#include <memory>
#include <optional>
#include <string>

namespace duckgres::session {

class MessageStream {
public:
    MessageStream(std::unique_ptr<ClientChannel> channel, uint32_t max_startup_message_size);

    //! The next complete message; throws asio::system_error when the client is gone and
    //! wire::ProtocolError for malformed framing. Socket reads ask for at least `read_size` bytes
    //! of space (bulk input such as COPY passes more than the default).
    asio::awaitable<wire::RawMessage> Read(size_t read_size = kDefaultReadSize);
    //! The next message if it is already buffered, without suspending; it stays valid until the
    //! next read.
    std::optional<wire::RawMessage> TryNext() { return framer_.Next(); }

    static constexpr size_t kDefaultReadSize = 8192;
    //! Output is appended here and sent by Flush().
    std::string &Out() { return out_; }
    asio::awaitable<void> Flush();

    wire::MessageFramer &Framer() { return framer_; }
    ClientChannel &Channel() { return *channel_; }

private:
    std::unique_ptr<ClientChannel> channel_;
    wire::MessageFramer framer_;
    std::string out_;
};

} // namespace duckgres::session
