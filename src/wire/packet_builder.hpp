// PacketBuilder: appends backend messages to an output buffer, length patched in at the end.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace duckgres::wire {

//! Builds messages in place at the end of `out`. Begin() writes the type byte and a length
//! placeholder; Finish() patches the length, so there is one source of truth for it.
//! Several messages may be built one after another into the same buffer.
class PacketBuilder {
public:
    explicit PacketBuilder(std::string &out) : out_(out) {}

    PacketBuilder &Begin(char type);
    PacketBuilder &Byte(uint8_t v);
    PacketBuilder &Int16(int16_t v);
    PacketBuilder &Int32(int32_t v);
    //! Appends the string and a terminating NUL.
    PacketBuilder &CString(std::string_view s);
    PacketBuilder &Bytes(std::string_view s);
    PacketBuilder &Bytes(std::span<const uint8_t> s);
    //! Reserves a 4-byte slot and returns its offset, to be filled by PatchInt32.
    size_t ReserveInt32();
    void PatchInt32(size_t offset, int32_t v);
    void Finish();

    std::string &Buffer() { return out_; }

private:
    std::string &out_;
    size_t start_ = 0;
    bool open_ = false;
};

} // namespace duckgres::wire
