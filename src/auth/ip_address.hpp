// IpAddress: a numeric IPv4 or IPv6 address, as pg_hba.conf rules and client connections use them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sockaddr;

namespace duckgres::auth {

enum class IpFamily { V4, V6 };

struct IpAddress {
    IpFamily family = IpFamily::V4;
    std::array<uint8_t, 16> bytes{}; //!< network byte order; IPv4 uses the first 4

    //! 4 for IPv4, 16 for IPv6.
    size_t Size() const { return family == IpFamily::V4 ? 4 : 16; }
    //! Parses a numeric address the way getaddrinfo(AI_NUMERICHOST) does, as PostgreSQL does for pg_hba.conf:
    //! "127.1" is 127.0.0.1, "0" is 0.0.0.0, an IPv6 address may carry a "%zone" (ignored). Host names are never
    //! resolved: they yield nullopt, with getaddrinfo's message in `error` when given.
    static std::optional<IpAddress> Parse(std::string_view text, std::string *error = nullptr);
    //! The address of an AF_INET or AF_INET6 socket address; nullopt for other families.
    static std::optional<IpAddress> FromSockaddr(const sockaddr *address);
    //! A netmask of `bits` leading one bits; nullopt when bits is outside 0..32 (IPv4) or 0..128 (IPv6).
    static std::optional<IpAddress> PrefixMask(IpFamily family, int bits);
    //! An IPv4-mapped IPv6 address (::ffff:a.b.c.d, reported by dual-stack sockets) as IPv4; others unchanged.
    IpAddress Unmapped() const;
    //! Numeric text: "127.0.0.1", "::1".
    std::string ToString() const;
    //! Whether this address and `other` have the same family and agree on every bit set in `mask` (of that family).
    bool SameNetwork(const IpAddress &other, const IpAddress &mask) const;

    bool operator==(const IpAddress &other) const = default;
};

} // namespace duckgres::auth
