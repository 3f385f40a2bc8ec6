// RLIMIT_NOFILE: raised to the hard limit at startup, and compared with what the connection limits need.
#include "net/descriptor_limit.hpp"

#include <sys/resource.h>

#include <fstream>

namespace duckgres::net {

namespace {

//! Descriptors kept for everything but client sockets.
constexpr uint64_t kReservedDescriptors = 128;

} // namespace

DescriptorLimit RaiseDescriptorLimit() {
    DescriptorLimit result;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return result;
    }
    result.before = result.after = limit.rlim_cur;
    rlim_t target = limit.rlim_max;
    if (target == RLIM_INFINITY) {
        // The kernel refuses more than fs.nr_open open files per process whatever the hard limit says.
        uint64_t nr_open = 0;
        std::ifstream("/proc/sys/fs/nr_open") >> nr_open;
        target = nr_open > 0 ? nr_open : limit.rlim_cur;
    }
    if (target <= limit.rlim_cur) {
        return result;
    }
    limit.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &limit) == 0) {
        result.after = target;
    }
    return result;
}

uint64_t DescriptorsNeeded(const config::ServerConfig &config) {
    int startup = config::EffectiveMaxStartupConnections(config);
    if (startup == 0) {
        return 0;
    }
    return static_cast<uint64_t>(config.max_connections) + static_cast<uint64_t>(startup) + kReservedDescriptors;
}

} // namespace duckgres::net
