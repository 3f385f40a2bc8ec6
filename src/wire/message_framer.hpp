// MessageFramer: cuts complete frontend messages out of a byte stream, size-limited.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace duckgres::wire {

//! One complete message: its type byte (0 for the untyped startup-phase packets) and payload
//! (the bytes after the length word).
struct RawMessage {
    char type = 0;
    std::span<const uint8_t> payload;
};

//! Accumulates bytes read from the socket and yields whole messages. The length word is checked
//! against the limit before any payload is buffered: a message announcing more than
//! `max_message_size` bytes, or a length below 4, throws FramingError (08P01).
//! A returned RawMessage stays valid until the next call to Append() or Next().
class MessageFramer {
public:
    explicit MessageFramer(uint32_t max_message_size) : max_message_size_(max_message_size) {}

    //! Startup phase: packets have no type byte (StartupMessage, SSLRequest, CancelRequest...).
    void SetStartupPhase(bool startup) { startup_phase_ = startup; }
    void SetMaxMessageSize(uint32_t max_message_size) { max_message_size_ = max_message_size; }

    //! Returns writable space of at least `min_size` bytes at the end of the buffer; call
    //! Commit(n) after n bytes were read into it.
    std::span<uint8_t> PrepareWrite(size_t min_size = 8192);
    void Commit(size_t n);
    void Append(std::span<const uint8_t> bytes);

    //! The next complete message, or nullopt when more bytes are needed.
    std::optional<RawMessage> Next();

    //! True when Next() would return a message (or throw for a bad length word) without more bytes.
    bool HasMessage() const;

    //! Bytes received but not yet returned as messages (e.g. bytes that followed an SSLRequest,
    //! which must be empty before the TLS handshake).
    size_t Buffered() const { return end_ - begin_; }
    //! The type byte of the next message when at least its first byte has arrived, else 0
    //! (lets the session see that Sync follows an Execute in the same pipeline).
    char PeekType() const { return !startup_phase_ && end_ > begin_ ? static_cast<char>(buffer_[begin_]) : 0; }

private:
    std::vector<uint8_t> buffer_;
    size_t begin_ = 0;
    size_t end_ = 0;
    uint32_t max_message_size_;
    bool startup_phase_ = false;
};

} // namespace duckgres::wire
