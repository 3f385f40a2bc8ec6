// MessageStream: reads whole frontend messages from a channel and buffers backend output.
#pragma once

#include "session/client_channel.hpp"
#include "wire/message_framer.hpp"

#include <memory>
#include <string>

namespace duckgres::session {

class MessageStream {
public:
    MessageStream(std::unique_ptr<ClientChannel> channel, uint32_t max_startup_message_size);

    //! The next complete message; throws asio::system_error when the client is gone and
    //! wire::ProtocolError for malformed framing.
    asio::awaitable<wire::RawMessage> Read();
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
