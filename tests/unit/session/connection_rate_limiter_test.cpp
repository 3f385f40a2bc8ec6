// New connections per address: a token bucket of `burst`, refilled at `per_second`.
#include "session/connection_rate_limiter.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace duckgres::session;
using std::chrono::milliseconds;

namespace {

struct Attempt {
    int at_ms;
    const char *address;
    bool allowed;
};

void RunAttempts(ConnectionRateLimiter &limiter, const std::vector<Attempt> &attempts) {
    auto start = ConnectionRateLimiter::TimePoint() + std::chrono::hours(1);
    for (size_t i = 0; i < attempts.size(); i++) {
        const auto &attempt = attempts[i];
        EXPECT_EQ(limiter.Allow(attempt.address, start + milliseconds(attempt.at_ms)), attempt.allowed)
            << "attempt " << i << " at " << attempt.at_ms << " ms from " << attempt.address;
    }
}

TEST(ConnectionRateLimiterTest, BurstThenRate) {
    ConnectionRateLimiter limiter({2, 3});
    RunAttempts(limiter, {
                             // A burst of 3, then nothing until a token has come back (one per 500 ms).
                             {0, "10.0.0.1", true},
                             {0, "10.0.0.1", true},
                             {0, "10.0.0.1", true},
                             {0, "10.0.0.1", false},
                             {499, "10.0.0.1", false},
                             {500, "10.0.0.1", true},
                             {500, "10.0.0.1", false},
                             // Other addresses have their own buckets.
                             {500, "10.0.0.2", true},
                             {500, "10.0.0.2", true},
                             {500, "10.0.0.2", true},
                             {500, "10.0.0.2", false},
                             // A refused attempt takes nothing: the next token still comes at 1000 ms.
                             {1000, "10.0.0.1", true},
                             // A long pause refills to the burst, no more.
                             {60000, "10.0.0.1", true},
                             {60000, "10.0.0.1", true},
                             {60000, "10.0.0.1", true},
                             {60000, "10.0.0.1", false},
                         });
}

TEST(ConnectionRateLimiterTest, BurstDefaultsToTheRate) {
    ConnectionRateLimiter limiter({2, 0});
    RunAttempts(
        limiter,
        {{0, "a", true}, {0, "a", true}, {0, "a", false}, {1000, "a", true}, {1000, "a", true}, {1000, "a", false}});
}

TEST(ConnectionRateLimiterTest, RateZeroIsUnlimited) {
    ConnectionRateLimiter limiter({0, 0});
    auto now = ConnectionRateLimiter::TimePoint();
    for (int i = 0; i < 10000; i++) {
        ASSERT_TRUE(limiter.Allow("10.0.0.1", now));
    }
    EXPECT_EQ(limiter.TrackedAddresses(), 0u);
}

TEST(ConnectionRateLimiterTest, MemoryIsBounded) {
    ConnectionRateLimits limits{1, 1, 50};
    ConnectionRateLimiter limiter(limits);
    auto now = ConnectionRateLimiter::TimePoint();
    for (int i = 0; i < 1000; i++) {
        EXPECT_TRUE(limiter.Allow("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256), now));
        ASSERT_LE(limiter.TrackedAddresses(), 50u);
    }
}

} // namespace
