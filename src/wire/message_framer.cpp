// MessageFramer: cuts complete frontend messages out of a byte stream, size-limited.
#include "wire/message_framer.hpp"

#include "wire/protocol_error.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace duckgres::wire {

namespace {

//! Above this capacity an idle buffer (little unread data) is reallocated smaller, so one huge
//! message does not pin its memory for the rest of the connection.
constexpr size_t kMaxIdleCapacity = 64 * 1024;

uint32_t LoadUint32(const uint8_t *p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

} // namespace

std::span<uint8_t> MessageFramer::PrepareWrite(size_t min_size) {
    size_t buffered = Buffered();
    if (buffered == 0) {
        begin_ = end_ = 0;
    }
    if (buffer_.size() > kMaxIdleCapacity && buffered + min_size <= kMaxIdleCapacity) {
        // Shrink: copy the unread tail into a right-sized buffer.
        std::vector<uint8_t> smaller(std::max(buffered + min_size, size_t{8192}));
        std::memcpy(smaller.data(), buffer_.data() + begin_, buffered);
        buffer_.swap(smaller);
        begin_ = 0;
        end_ = buffered;
    } else if (buffer_.size() - end_ < min_size && begin_ > 0) {
        // Compact: move the unread tail to the front before growing.
        std::memmove(buffer_.data(), buffer_.data() + begin_, buffered);
        begin_ = 0;
        end_ = buffered;
    }
    if (buffer_.size() - end_ < min_size) {
        buffer_.resize(end_ + min_size);
    }
    return std::span<uint8_t>(buffer_.data() + end_, buffer_.size() - end_);
}

void MessageFramer::Commit(size_t n) {
    if (n > buffer_.size() - end_) {
        throw std::out_of_range("MessageFramer::Commit beyond the space given by PrepareWrite");
    }
    end_ += n;
}

void MessageFramer::Append(std::span<const uint8_t> bytes) {
    if (bytes.empty()) {
        return;
    }
    auto space = PrepareWrite(bytes.size());
    std::memcpy(space.data(), bytes.data(), bytes.size());
    Commit(bytes.size());
}

bool MessageFramer::HasMessage() const {
    const size_t header_size = startup_phase_ ? 4 : 5;
    if (Buffered() < header_size) {
        return false;
    }
    auto length = static_cast<int32_t>(LoadUint32(buffer_.data() + begin_ + header_size - 4));
    return length < 4 || Buffered() - header_size >= static_cast<size_t>(length) - 4 ||
           static_cast<size_t>(length) - 4 > max_message_size_;
}

std::optional<RawMessage> MessageFramer::Next() {
    const size_t header_size = startup_phase_ ? 4 : 5;
    if (Buffered() < header_size) {
        return std::nullopt;
    }
    const uint8_t *header = buffer_.data() + begin_;
    char type = startup_phase_ ? 0 : static_cast<char>(header[0]);
    auto length = static_cast<int32_t>(LoadUint32(header + header_size - 4));
    // Validate the length word before waiting for (and buffering) any of the payload.
    if (length < 4) {
        throw FramingError(startup_phase_ ? "invalid length of startup packet: " + std::to_string(length)
                                          : "invalid message length " + std::to_string(length));
    }
    size_t payload_size = static_cast<size_t>(length) - 4;
    if (payload_size > max_message_size_) {
        throw FramingError(std::string(startup_phase_ ? "startup packet" : "message") +
                           " too large: " + std::to_string(payload_size) + " bytes exceed the limit of " +
                           std::to_string(max_message_size_) + " bytes");
    }
    if (Buffered() - header_size < payload_size) {
        return std::nullopt;
    }
    RawMessage message;
    message.type = type;
    message.payload = std::span<const uint8_t>(header + header_size, payload_size);
    begin_ += header_size + payload_size;
    return message;
}

} // namespace duckgres::wire
