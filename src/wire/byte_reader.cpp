// ByteReader: bounds-checked big-endian reads from a message payload.
#include "wire/byte_reader.hpp"

#include "wire/protocol_error.hpp"

#include <cstring>

namespace duckgres::wire {

void ByteReader::Need(size_t n) const {
    if (n > Remaining()) {
        throw MalformedMessage("insufficient data left in message: need " + std::to_string(n) + " bytes, " +
                               std::to_string(Remaining()) + " remain");
    }
}

uint8_t ByteReader::ReadByte() {
    Need(1);
    return data_[pos_++];
}

int16_t ByteReader::ReadInt16() {
    Need(2);
    uint16_t v = static_cast<uint16_t>((uint16_t{data_[pos_]} << 8) | uint16_t{data_[pos_ + 1]});
    pos_ += 2;
    return static_cast<int16_t>(v);
}

int32_t ByteReader::ReadInt32() {
    Need(4);
    uint32_t v = (uint32_t{data_[pos_]} << 24) | (uint32_t{data_[pos_ + 1]} << 16) | (uint32_t{data_[pos_ + 2]} << 8) |
                 uint32_t{data_[pos_ + 3]};
    pos_ += 4;
    return static_cast<int32_t>(v);
}

std::string_view ByteReader::ReadCString() {
    const uint8_t *start = data_.data() + pos_;
    const void *nul = Remaining() == 0 ? nullptr : std::memchr(start, 0, Remaining());
    if (nul == nullptr) {
        throw MalformedMessage("invalid string in message: missing NUL terminator");
    }
    size_t len = static_cast<const uint8_t *>(nul) - start;
    pos_ += len + 1;
    return std::string_view(reinterpret_cast<const char *>(start), len);
}

std::span<const uint8_t> ByteReader::ReadBytes(int64_t n) {
    if (n < 0) {
        throw MalformedMessage("invalid negative length " + std::to_string(n) + " in message");
    }
    Need(static_cast<uint64_t>(n));
    auto result = data_.subspan(pos_, static_cast<size_t>(n));
    pos_ += static_cast<size_t>(n);
    return result;
}

std::span<const uint8_t> ByteReader::Rest() {
    auto result = data_.subspan(pos_);
    pos_ = data_.size();
    return result;
}

void ByteReader::ExpectEnd(const char *what) const {
    if (!AtEnd()) {
        throw MalformedMessage(std::string("invalid ") + (what != nullptr ? what : "") +
                               " message format: unexpected trailing data (" + std::to_string(Remaining()) + " bytes)");
    }
}

} // namespace duckgres::wire
