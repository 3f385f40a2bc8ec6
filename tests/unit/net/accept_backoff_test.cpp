// The accept loop's error handling: doubling pauses, reset by a success, and at most one log line per interval.
#include "net/accept_backoff.hpp"

#include <gtest/gtest.h>

using namespace duckgres::net;
using std::chrono::milliseconds;

namespace {

struct Event {
    int at_ms;
    bool failed;
    int pause_ms;    //!< for failures
    uint64_t report; //!< failures to log now
};

TEST(AcceptBackoffTest, PausesDoubleAndReportsAreThrottled) {
    const Event events[] = {
        {0, true, 10, 1}, // the first failure is logged at once
        {10, true, 20, 0},
        {30, true, 40, 0},
        {70, true, 80, 0},
        {150, true, 160, 0},
        {310, true, 320, 0},
        {630, true, 640, 0},
        {1270, true, 1000, 7}, // a second after the last line: the 7
                               // failures since then
        {2270, true, 1000, 1},
        {3270, false, 0, 0}, // a success: nothing left to report
        {3280, true, 10, 1}, // the pauses start over; a second since the last line: logged
        {3290, false, 0, 0},
        {3300, true, 10, 0}, // the success reset the pause; the last line is 20 ms old
        {3310, true, 20, 0},
        {4300, false, 0, 2}, // a success a second after the last line: the 2 failures since are due
        {4301, false, 0, 0},
        {9000, true, 10, 1},
    };
    AcceptBackoff backoff;
    auto start = AcceptBackoff::TimePoint() + std::chrono::hours(1);
    int i = 0;
    for (const auto &event : events) {
        auto now = start + milliseconds(event.at_ms);
        if (event.failed) {
            auto action = backoff.Failed(now);
            EXPECT_EQ(action.pause, milliseconds(event.pause_ms)) << "event " << i;
            EXPECT_EQ(action.report, event.report) << "event " << i;
        } else {
            EXPECT_EQ(backoff.Succeeded(now), event.report) << "event " << i;
        }
        i++;
    }
}

TEST(AcceptBackoffTest, AFloodOfFailuresGivesOneLinePerInterval) {
    AcceptBackoff backoff;
    auto now = AcceptBackoff::TimePoint() + std::chrono::hours(1);
    auto end = now + std::chrono::seconds(60);
    int lines = 0;
    uint64_t reported = 0;
    int failures = 0;
    while (now < end) {
        auto action = backoff.Failed(now);
        failures++;
        lines += action.report > 0;
        reported += action.report;
        now += action.pause;
    }
    EXPECT_LE(lines, 61);
    EXPECT_LE(failures, 70); // one second apart once the pause is at its maximum
    EXPECT_EQ(reported + backoff.Succeeded(end + std::chrono::seconds(1)), static_cast<uint64_t>(failures));
}

} // namespace
