// The log line about connections refused at accept: the first at once, then at most one per interval.
#include "net/refusal_summary.hpp"

#include <gtest/gtest.h>

using namespace duckgres::net;
using std::chrono::milliseconds;

namespace {

TEST(RefusalSummaryTest, SumsRefusalsIntoThrottledLines) {
    RefusalSummary summary;
    auto start = RefusalSummary::TimePoint() + std::chrono::hours(1);
    EXPECT_EQ(summary.TakeLine(start), "");
    summary.Add(AcceptRefusal::StartupPerAddress, "10.0.0.1");
    EXPECT_EQ(summary.TakeLine(start),
              "refused 1 connection before authentication (1 over max_startup_connections_per_address), the last "
              "from 10.0.0.1");
    for (int i = 0; i < 1000; i++) {
        summary.Add(AcceptRefusal::StartupPerAddress, "10.0.0.1");
        summary.Add(i % 2 ? AcceptRefusal::ConnectionRate : AcceptRefusal::StartupTotal, "10.0.0.2");
        EXPECT_EQ(summary.TakeLine(start + milliseconds(i)), "") << i;
    }
    EXPECT_EQ(summary.TakeLine(start + milliseconds(1000)),
              "refused 2000 connections before authentication (500 over max_startup_connections, 1000 over "
              "max_startup_connections_per_address, 500 over max_connection_rate_per_address), the last from "
              "10.0.0.2");
    EXPECT_EQ(summary.TakeLine(start + milliseconds(5000)), "");
}

} // namespace
