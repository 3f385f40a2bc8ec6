// Connections not yet authenticated: the total and per-address limits, and slots given back.
#include "session/startup_limiter.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace duckgres::session;

namespace {

struct Entry {
    const char *address;
    StartupAdmission admission;
};

TEST(StartupLimiterTest, RefusesOverTheTotalAndPerAddress) {
    StartupLimiter limiter({4, 2});
    const Entry entries[] = {
        {"10.0.0.1", StartupAdmission::Admitted},    {"10.0.0.1", StartupAdmission::Admitted},
        {"10.0.0.1", StartupAdmission::OverAddress}, {"10.0.0.2", StartupAdmission::Admitted},
        {"10.0.0.3", StartupAdmission::Admitted},    {"10.0.0.4", StartupAdmission::OverTotal},
        {"10.0.0.1", StartupAdmission::OverTotal},
    };
    int admitted = 0;
    for (const auto &entry : entries) {
        EXPECT_EQ(limiter.TryEnter(entry.address), entry.admission) << entry.address << " after " << admitted;
        admitted += entry.admission == StartupAdmission::Admitted;
        EXPECT_EQ(limiter.Count(), admitted);
    }
    EXPECT_EQ(limiter.Count("10.0.0.1"), 2);
    limiter.Leave("10.0.0.1");
    EXPECT_EQ(limiter.TryEnter("10.0.0.4"), StartupAdmission::Admitted);
}

TEST(StartupLimiterTest, ZeroIsUnlimited) {
    StartupLimiter limiter({0, 0});
    for (int i = 0; i < 5000; i++) {
        ASSERT_EQ(limiter.TryEnter("10.0.0.1"), StartupAdmission::Admitted);
    }
    EXPECT_EQ(limiter.Count(), 5000);
}

TEST(StartupLimiterTest, SlotsGiveTheirPlaceBackOnce) {
    StartupLimiter limiter({2, 0});
    {
        std::vector<StartupSlot> slots;
        ASSERT_EQ(limiter.TryEnter("a"), StartupAdmission::Admitted);
        slots.emplace_back(limiter, "a");
        ASSERT_EQ(limiter.TryEnter("b"), StartupAdmission::Admitted);
        slots.emplace_back(limiter, "b");
        EXPECT_EQ(limiter.TryEnter("c"), StartupAdmission::OverTotal);
        StartupSlot moved = std::move(slots[0]);
        slots[0].Release(); // moved from: holds nothing
        EXPECT_EQ(limiter.Count(), 2);
        moved.Release();
        moved.Release();
        EXPECT_EQ(limiter.Count(), 1);
        EXPECT_EQ(limiter.Count("a"), 0);
    }
    EXPECT_EQ(limiter.Count(), 0);
}

} // namespace
