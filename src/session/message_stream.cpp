// Frames frontend messages from the channel and flushes buffered backend messages.
#include "session/message_stream.hpp"

namespace duckgres::session {

MessageStream::MessageStream(std::unique_ptr<ClientChannel> channel, uint32_t max_startup_message_size)
    : channel_(std::move(channel)), framer_(max_startup_message_size) {
    framer_.SetStartupPhase(true);
}

asio::awaitable<wire::RawMessage> MessageStream::Read(size_t read_size) {
    while (true) {
        if (auto message = framer_.Next()) {
            co_return *message;
        }
        auto space = framer_.PrepareWrite(read_size);
        auto n = co_await channel_->ReadSome(space);
        framer_.Commit(n);
    }
}

asio::awaitable<void> MessageStream::Flush() {
    if (out_.empty()) {
        co_return;
    }
    std::string pending;
    pending.swap(out_);
    co_await channel_->Write(pending);
    // Keep the larger buffer's capacity for the next round, without its contents.
    pending.clear();
    if (pending.capacity() <= (4u << 20)) {
        out_.swap(pending);
    }
}

} // namespace duckgres::session
