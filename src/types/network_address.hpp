// inet, cidr, macaddr and macaddr8 values: PostgreSQL's text input and output, and Duckgres' storage bytes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

//! An inet or cidr value: family, mask length and the whole address (IPv4 in the first 4 bytes).
struct InetValue {
    static constexpr uint8_t kIpv4 = 2; //!< PostgreSQL's PGSQL_AF_INET, as its binary format writes it
    static constexpr uint8_t kIpv6 = 3; //!< PGSQL_AF_INET6

    uint8_t family = kIpv4;
    uint8_t bits = 32;
    std::array<uint8_t, 16> address{};

    int MaxBits() const { return family == kIpv4 ? 32 : 128; }
    int Size() const { return family == kIpv4 ? 4 : 16; }
};

//! PostgreSQL's inet_in / cidr_in: IPv4 (cidr also abbreviated: 10.1/16, 10/8, class-based widths), IPv6 in its
//! forms (::, embedded IPv4) with optional /bits. Throws SqlError 22P02 `invalid input syntax for type inet: "..."`,
//! and for cidr with host bits set `invalid cidr value: "..."`.
InetValue ParseInet(std::string_view text, bool cidr);

//! inet_out / cidr_out: inet omits /32 and /128, cidr always shows /n.
std::string FormatInet(const InetValue &value, bool cidr);
//! text(inet): the address with /n always.
std::string FormatInetWithMask(const InetValue &value);
//! host(inet): the address without /n.
std::string FormatHost(const InetValue &value);
//! abbrev(cidr): the network part only (10.1/16).
std::string AbbrevCidr(const InetValue &value);

//! Whether no bit right of the mask is set (what cidr requires).
bool HostBitsZero(const InetValue &value);
//! `value` with the bits right of its mask cleared.
InetValue MaskedInet(const InetValue &value);

//! Storage bytes whose plain byte order is PostgreSQL's btree order: family, address masked to its mask, mask
//! length, whole address (IPv4 10 bytes, IPv6 34).
std::string EncodeInetStorage(const InetValue &value);
//! Back from EncodeInetStorage's bytes; throws SqlError XX000 on other bytes.
InetValue DecodeInetStorage(std::string_view bytes);

//! macaddr_in: the six accepted spellings (08:00:2b:01:02:03, 08-00-2b-01-02-03, 08002b:010203, 08002b-010203,
//! 0800.2b01.0203, 0800-2b01-0203, 08002b010203). Throws 22P02, or 22003 for an octet over 255.
std::array<uint8_t, 6> ParseMacaddr(std::string_view text);
//! macaddr8_in: 6 or 8 bytes of two hex digits each, with one spacer kind (:, -, .) or none; 6 bytes become 8 with
//! ff:fe in the middle. Throws 22P02.
std::array<uint8_t, 8> ParseMacaddr8(std::string_view text);
//! The storage bytes of a value of the network type `type_name` ("inet", "cidr", "macaddr", "macaddr8") read from its
//! text (the type's input function).
std::string ParseNetworkStorage(std::string_view type_name, std::string_view text);
//! The storage bytes of a value of `type_name` from its binary format (inet_recv, cidr_recv, macaddr_recv,
//! macaddr8_recv); throws SqlError 22P03 for bytes those refuse.
std::string ReadNetworkBinary(std::string_view type_name, std::string_view bytes);

//! Lower-case hex bytes separated by ':' (macaddr_out, macaddr8_out).
std::string FormatMacaddr(std::string_view bytes);

} // namespace duckgres::types
