// Parsing, formatting and network comparison of IPv4 and IPv6 addresses.
#include "auth/ip_address.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace duckgres::auth {

std::optional<IpAddress> IpAddress::Parse(std::string_view text, std::string *error) {
    std::string host(text);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_NUMERICHOST;
    addrinfo *result = nullptr;
    int code = getaddrinfo(host.c_str(), nullptr, &hints, &result);
    if (code != 0 || result == nullptr) {
        if (error) {
            *error = code != 0 ? gai_strerror(code) : "no address";
        }
        return std::nullopt;
    }
    auto address = FromSockaddr(result->ai_addr);
    freeaddrinfo(result);
    if (!address && error) {
        *error = "unsupported address family";
    }
    return address;
}

std::optional<IpAddress> IpAddress::FromSockaddr(const sockaddr *address) {
    if (address == nullptr) {
        return std::nullopt;
    }
    IpAddress ip;
    if (address->sa_family == AF_INET) {
        ip.family = IpFamily::V4;
        std::memcpy(ip.bytes.data(), &reinterpret_cast<const sockaddr_in *>(address)->sin_addr, 4);
        return ip;
    }
    if (address->sa_family == AF_INET6) {
        ip.family = IpFamily::V6;
        std::memcpy(ip.bytes.data(), &reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr, 16);
        return ip;
    }
    return std::nullopt;
}

std::optional<IpAddress> IpAddress::PrefixMask(IpFamily family, int bits) {
    IpAddress mask;
    mask.family = family;
    if (bits < 0 || bits > static_cast<int>(mask.Size()) * 8) {
        return std::nullopt;
    }
    for (size_t i = 0; i < mask.Size(); i++) {
        int in_byte = std::min(8, std::max(0, bits - static_cast<int>(i) * 8));
        mask.bytes[i] = static_cast<uint8_t>(0xff00 >> in_byte);
    }
    return mask;
}

IpAddress IpAddress::Unmapped() const {
    static constexpr uint8_t kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (family != IpFamily::V6 || std::memcmp(bytes.data(), kMappedPrefix, sizeof(kMappedPrefix)) != 0) {
        return *this;
    }
    IpAddress v4;
    v4.family = IpFamily::V4;
    std::memcpy(v4.bytes.data(), bytes.data() + 12, 4);
    return v4;
}

std::string IpAddress::ToString() const {
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(family == IpFamily::V4 ? AF_INET : AF_INET6, bytes.data(), text, sizeof(text));
    return text;
}

bool IpAddress::SameNetwork(const IpAddress &other, const IpAddress &mask) const {
    if (family != other.family || family != mask.family) {
        return false;
    }
    for (size_t i = 0; i < Size(); i++) {
        if (((bytes[i] ^ other.bytes[i]) & mask.bytes[i]) != 0) {
            return false;
        }
    }
    return true;
}

} // namespace duckgres::auth
