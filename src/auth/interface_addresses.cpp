// Lists the machine's interface addresses with getifaddrs.
#include "auth/interface_addresses.hpp"

#include <ifaddrs.h>
#include <sys/socket.h>

namespace duckgres::auth {

std::vector<InterfaceAddress> ReadInterfaceAddresses() {
    std::vector<InterfaceAddress> result;
    ifaddrs *list = nullptr;
    if (getifaddrs(&list) != 0) {
        return result;
    }
    for (auto *entry = list; entry != nullptr; entry = entry->ifa_next) {
        auto address = IpAddress::FromSockaddr(entry->ifa_addr);
        auto netmask = IpAddress::FromSockaddr(entry->ifa_netmask);
        if (address && netmask && address->family == netmask->family) {
            result.push_back({*address, *netmask});
        }
    }
    freeifaddrs(list);
    return result;
}

} // namespace duckgres::auth
