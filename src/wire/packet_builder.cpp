// PacketBuilder: appends backend messages to an output buffer, length patched in at the end.
#include "wire/packet_builder.hpp"

#include <cstring>
#include <limits>
#include <stdexcept>

namespace duckgres::wire {

namespace {

void AppendInt32(std::string &out, uint32_t v) {
    char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                     static_cast<char>(v)};
    out.append(bytes, 4);
}

} // namespace

PacketBuilder &PacketBuilder::Begin(char type) {
    if (open_) {
        throw std::logic_error("PacketBuilder::Begin while a message is still open");
    }
    start_ = out_.size();
    out_.push_back(type);
    AppendInt32(out_, 0);
    open_ = true;
    return *this;
}

PacketBuilder &PacketBuilder::Byte(uint8_t v) {
    out_.push_back(static_cast<char>(v));
    return *this;
}

PacketBuilder &PacketBuilder::Int16(int16_t v) {
    auto u = static_cast<uint16_t>(v);
    out_.push_back(static_cast<char>(u >> 8));
    out_.push_back(static_cast<char>(u));
    return *this;
}

PacketBuilder &PacketBuilder::Int32(int32_t v) {
    AppendInt32(out_, static_cast<uint32_t>(v));
    return *this;
}

PacketBuilder &PacketBuilder::CString(std::string_view s) {
    // An embedded NUL would end the string early on the client and shift every later field;
    // truncate there so the message stays well formed.
    auto nul = s.find('\0');
    if (nul != std::string_view::npos) {
        s = s.substr(0, nul);
    }
    out_.append(s);
    out_.push_back('\0');
    return *this;
}

PacketBuilder &PacketBuilder::Bytes(std::string_view s) {
    out_.append(s);
    return *this;
}

PacketBuilder &PacketBuilder::Bytes(std::span<const uint8_t> s) {
    out_.append(reinterpret_cast<const char *>(s.data()), s.size());
    return *this;
}

size_t PacketBuilder::ReserveInt32() {
    size_t offset = out_.size();
    AppendInt32(out_, 0);
    return offset;
}

void PacketBuilder::PatchInt32(size_t offset, int32_t v) {
    if (offset + 4 > out_.size()) {
        throw std::out_of_range("PacketBuilder::PatchInt32 outside the buffer");
    }
    auto u = static_cast<uint32_t>(v);
    out_[offset] = static_cast<char>(u >> 24);
    out_[offset + 1] = static_cast<char>(u >> 16);
    out_[offset + 2] = static_cast<char>(u >> 8);
    out_[offset + 3] = static_cast<char>(u);
}

void PacketBuilder::Finish() {
    if (!open_) {
        throw std::logic_error("PacketBuilder::Finish without Begin");
    }
    // The length counts itself but not the type byte.
    size_t length = out_.size() - start_ - 1;
    if (length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("backend message longer than 2^31-1 bytes");
    }
    PatchInt32(start_ + 1, static_cast<int32_t>(length));
    open_ = false;
}

} // namespace duckgres::wire
