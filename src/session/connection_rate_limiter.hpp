// ConnectionRateLimiter: a token bucket per client address for new connections (max_connection_rate_per_address).
#pragma once

#include "common/lru_cache.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace duckgres::session {

//! New connections per second from one address; a rate of 0 turns the limit off.
struct ConnectionRateLimits {
    int per_second = 0;           //!< tokens added per second; 0: no limit
    int burst = 0;                //!< bucket size: connections allowed at once after a quiet spell; 0: per_second
    size_t max_addresses = 10000; //!< buckets kept at once; the least recently used go (a full bucket again)
};

//! Not thread-safe: owned by the accept loop, which alone calls it (on the first I/O thread). Time is passed in
//! (a steady clock reading), so the limit is tested without waiting. The bucket is kept as the time at which it
//! will be full again (the generic cell rate algorithm): integer arithmetic, exact at every rate.
class ConnectionRateLimiter {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit ConnectionRateLimiter(ConnectionRateLimits limits);

    //! Takes a token from `address`'s bucket at `now`; false (nothing taken) when it is empty.
    bool Allow(const std::string &address, TimePoint now);
    size_t TrackedAddresses() const { return buckets_.Size(); }

private:
    struct Bucket {
        TimePoint full_at; //!< when the bucket is full again; at or before now it is full
    };

    ConnectionRateLimits limits_;
    std::chrono::nanoseconds interval_{0};  //!< time for one token to come back
    std::chrono::nanoseconds tolerance_{0}; //!< how far full_at may lie ahead: burst - 1 tokens taken
    LruCache<Bucket> buckets_;
};

} // namespace duckgres::session
