// ByteReader: bounds-checked big-endian reads from a message payload.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace duckgres::wire {

//! Reads network-order integers, NUL-terminated strings and byte runs from a payload.
//! Every read checks the remaining length first and throws MalformedMessage on underflow.
class ByteReader {
public:
    explicit ByteReader(std::span<const uint8_t> data) : data_(data) {}

    uint8_t ReadByte();
    int16_t ReadInt16();
    int32_t ReadInt32();
    //! Reads up to (not including) the next NUL and skips the NUL; throws if there is none.
    std::string_view ReadCString();
    //! Reads exactly n bytes; n < 0 or past the end throws.
    std::span<const uint8_t> ReadBytes(int64_t n);
    std::span<const uint8_t> Rest();

    size_t Remaining() const { return data_.size() - pos_; }
    bool AtEnd() const { return pos_ == data_.size(); }
    //! Throws MalformedMessage naming `what` unless every byte was consumed.
    void ExpectEnd(const char *what) const;

private:
    void Need(size_t n) const;

    std::span<const uint8_t> data_;
    size_t pos_ = 0;
};

} // namespace duckgres::wire
