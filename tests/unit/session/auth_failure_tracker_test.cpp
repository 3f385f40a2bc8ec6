// Failed-authentication limiting: when an address is banned, for how long, and how much is remembered.
#include "session/auth_failure_tracker.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace duckgres::session;
using std::chrono::milliseconds;

namespace {

enum class Op { Fail, Check };

struct Step {
    int at_ms; //!< time since the start of the case
    Op op;
    const char *address;
    FailureOutcome outcome; //!< for Fail
    bool banned;            //!< IsBanned after the step
};

AuthFailureLimits ThreeIn10sBanFor60s() {
    AuthFailureLimits limits;
    limits.limit = 3;
    limits.window = milliseconds(10000);
    limits.ban_duration = milliseconds(60000);
    return limits;
}

void RunSteps(AuthFailureTracker &tracker, const std::vector<Step> &steps) {
    auto start = AuthFailureTracker::TimePoint() + std::chrono::hours(1);
    for (size_t i = 0; i < steps.size(); i++) {
        const auto &step = steps[i];
        auto now = start + milliseconds(step.at_ms);
        if (step.op == Op::Fail) {
            EXPECT_EQ(tracker.RecordFailure(step.address, now), step.outcome) << "step " << i;
        }
        EXPECT_EQ(tracker.IsBanned(step.address, now), step.banned) << "step " << i;
    }
}

constexpr auto kCounted = FailureOutcome::Counted;
constexpr auto kBanned = FailureOutcome::Banned;
constexpr auto kAlready = FailureOutcome::AlreadyBanned;

TEST(AuthFailureTrackerTest, BansAtTheLimitWithinTheWindow) {
    AuthFailureTracker tracker(ThreeIn10sBanFor60s());
    RunSteps(tracker, {
                          {0, Op::Check, "10.0.0.1", kCounted, false},
                          {0, Op::Fail, "10.0.0.1", kCounted, false},
                          {1000, Op::Fail, "10.0.0.1", kCounted, false},
                          {2000, Op::Fail, "10.0.0.1", kBanned, true},
                          // Other addresses are not affected.
                          {2000, Op::Check, "10.0.0.2", kCounted, false},
                          {2500, Op::Fail, "10.0.0.2", kCounted, false},
                          // Failures during the ban neither count nor extend it.
                          {30000, Op::Fail, "10.0.0.1", kAlready, true},
                          {61999, Op::Fail, "10.0.0.1", kAlready, true},
                          {62000, Op::Check, "10.0.0.1", kCounted, false},
                          // After the ban, counting starts again from zero.
                          {62000, Op::Fail, "10.0.0.1", kCounted, false},
                          {62001, Op::Fail, "10.0.0.1", kCounted, false},
                          {62002, Op::Fail, "10.0.0.1", kBanned, true},
                      });
}

TEST(AuthFailureTrackerTest, FailuresOutsideTheWindowStartANewCount) {
    AuthFailureTracker tracker(ThreeIn10sBanFor60s());
    RunSteps(tracker, {
                          {0, Op::Fail, "10.0.0.1", kCounted, false},
                          {9999, Op::Fail, "10.0.0.1", kCounted, false},
                          // The window began at 0: this failure starts a new one.
                          {10000, Op::Fail, "10.0.0.1", kCounted, false},
                          {15000, Op::Fail, "10.0.0.1", kCounted, false},
                          {19999, Op::Fail, "10.0.0.1", kBanned, true},
                      });
}

TEST(AuthFailureTrackerTest, LimitZeroNeverBans) {
    auto limits = ThreeIn10sBanFor60s();
    limits.limit = 0;
    AuthFailureTracker tracker(limits);
    std::vector<Step> steps;
    for (int i = 0; i < 100; i++) {
        steps.push_back({i, Op::Fail, "10.0.0.1", kCounted, false});
    }
    RunSteps(tracker, steps);
    EXPECT_EQ(tracker.TrackedAddresses(), 0u);
}

TEST(AuthFailureTrackerTest, LimitOneBansAtTheFirstFailure) {
    auto limits = ThreeIn10sBanFor60s();
    limits.limit = 1;
    AuthFailureTracker tracker(limits);
    RunSteps(tracker, {
                          {0, Op::Fail, "10.0.0.1", kBanned, true},
                          {59999, Op::Check, "10.0.0.1", kCounted, true},
                          {60000, Op::Check, "10.0.0.1", kCounted, false},
                      });
}

TEST(AuthFailureTrackerTest, MemoryIsBoundedByTheLeastRecentlySeen) {
    auto limits = ThreeIn10sBanFor60s();
    limits.max_addresses = 100;
    AuthFailureTracker tracker(limits);
    auto now = AuthFailureTracker::TimePoint() + std::chrono::hours(1);
    for (int i = 0; i < 3; i++) {
        tracker.RecordFailure("banned", now);
    }
    ASSERT_TRUE(tracker.IsBanned("banned", now));
    for (int i = 0; i < 10000; i++) {
        tracker.RecordFailure("10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256), now);
        if (i % 50 == 0) {
            EXPECT_TRUE(tracker.IsBanned("banned", now)) << i; // seen again: kept
        }
        ASSERT_LE(tracker.TrackedAddresses(), 100u);
    }
    // Not seen for 100 other addresses: forgotten, ban and all.
    for (int i = 0; i < 100; i++) {
        tracker.RecordFailure("10.2.0." + std::to_string(i), now);
    }
    EXPECT_FALSE(tracker.IsBanned("banned", now));
    EXPECT_EQ(tracker.TrackedAddresses(), 100u);
}

} // namespace
