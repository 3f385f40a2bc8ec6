// The server's network interface addresses, for pg_hba.conf's samehost and samenet.
#pragma once

#include "auth/ip_address.hpp"

#include <vector>

namespace duckgres::auth {

struct InterfaceAddress {
    IpAddress address;
    IpAddress netmask;
};

//! Every IPv4 and IPv6 address of this machine's interfaces with its netmask (getifaddrs); empty when the
//! system cannot list them.
std::vector<InterfaceAddress> ReadInterfaceAddresses();

} // namespace duckgres::auth
