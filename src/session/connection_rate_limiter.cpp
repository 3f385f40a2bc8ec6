// Token buckets per address: `burst` connections at once, refilled at `per_second`.
#include "session/connection_rate_limiter.hpp"

#include <algorithm>
#include <memory>

namespace duckgres::session {

ConnectionRateLimiter::ConnectionRateLimiter(ConnectionRateLimits limits)
    : limits_(limits), buckets_(limits.max_addresses) {
    if (limits_.per_second > 0) {
        int burst = std::max(1, limits_.burst > 0 ? limits_.burst : limits_.per_second);
        interval_ = std::chrono::nanoseconds(std::chrono::seconds(1)) / limits_.per_second;
        tolerance_ = interval_ * (burst - 1);
    }
}

bool ConnectionRateLimiter::Allow(const std::string &address, TimePoint now) {
    if (limits_.per_second <= 0) {
        return true;
    }
    auto bucket = buckets_.Find(address);
    auto full_at = bucket ? std::max(bucket->full_at, now) : now;
    if (full_at - now > tolerance_) {
        return false;
    }
    if (!bucket) {
        bucket = std::make_shared<Bucket>();
        buckets_.Insert(address, bucket);
    }
    bucket->full_at = full_at + interval_;
    return true;
}

} // namespace duckgres::session
