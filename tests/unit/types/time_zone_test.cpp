// TimeZone::Load: name resolution, caching, canonical names, offsets and rejected names.
#include "types/posix_tz_rule.hpp"
#include "types/time_zone.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace duckgres::types {
namespace {

constexpr int64_t k20240131 = 1706708700; // 2024-01-31 13:45:00 UTC
constexpr int64_t k20240701 = 1719835200; // 2024-07-01 12:00:00 UTC

TEST(TimeZoneTest, UtcIsZeroEverywhere) {
    auto utc = TimeZone::Utc();
    ASSERT_NE(utc, nullptr);
    EXPECT_EQ(utc->Name(), "UTC");
    EXPECT_EQ(utc->OffsetAt(k20240131), 0);
    EXPECT_EQ(utc->OffsetAt(-100000000000LL), 0);
    EXPECT_EQ(TimeZone::Utc(), utc);
}

TEST(TimeZoneTest, LoadsIanaZones) {
    auto berlin = TimeZone::Load("Europe/Berlin");
    ASSERT_NE(berlin, nullptr);
    EXPECT_EQ(berlin->Name(), "Europe/Berlin");
    EXPECT_EQ(berlin->OffsetAt(k20240131), 3600);
    EXPECT_EQ(berlin->OffsetAt(k20240701), 7200);
    EXPECT_EQ(berlin->OffsetAt(-5000000000LL), 3208); // LMT +00:53:28
    auto utc = TimeZone::Load("UTC");
    ASSERT_NE(utc, nullptr);
    EXPECT_EQ(utc->Name(), "UTC");
    EXPECT_EQ(utc->OffsetAt(k20240701), 0);
}

TEST(TimeZoneTest, AbbreviationsOfLocalTime) {
    constexpr int64_t k21000701 = 4118385600; // 2100-07-01 12:00:00 UTC: past the last transition, the footer's rule
    struct {
        const char *zone;
        int64_t utc_seconds;
        const char *abbreviation;
    } cases[] = {
        {"UTC", k20240131, "UTC"},
        {"America/New_York", k20240131, "EST"},
        {"America/New_York", k20240701, "EDT"},
        {"Europe/Berlin", k20240131, "CET"},
        {"Europe/Berlin", k20240701, "CEST"},
        {"Europe/Berlin", k21000701, "CEST"},
        {"Europe/Berlin", -5000000000LL, "LMT"},
        {"Asia/Kolkata", k20240701, "IST"},
        {"Asia/Dubai", k20240701, "+04"},
        {"5.5", k20240701, "+05:30"},
        {"EST5EDT", k20240701, "EDT"},
    };
    for (const auto &c : cases) {
        auto zone = TimeZone::Load(c.zone);
        ASSERT_NE(zone, nullptr) << c.zone;
        EXPECT_EQ(zone->AbbreviationAt(c.utc_seconds), c.abbreviation) << c.zone << " " << c.utc_seconds;
    }
    EXPECT_EQ(TimeZone::Utc()->AbbreviationAt(k20240701), "UTC");
}

TEST(TimeZoneTest, NamesAreCaseInsensitiveAndCanonicalized) {
    auto zone = TimeZone::Load("asia/KOLKATA");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->Name(), "Asia/Kolkata");
    EXPECT_EQ(zone->OffsetAt(k20240131), 19800);
    auto gmt = TimeZone::Load("gmt");
    ASSERT_NE(gmt, nullptr);
    EXPECT_EQ(gmt->Name(), "GMT");
}

TEST(TimeZoneTest, CachesZonesByName) {
    auto first = TimeZone::Load("America/St_Johns");
    auto second = TimeZone::Load("America/St_Johns");
    auto third = TimeZone::Load("AMERICA/ST_JOHNS");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first, second);
    EXPECT_EQ(first, third);
}

TEST(TimeZoneTest, ConcurrentLoadsShareOneZone) {
    std::vector<std::shared_ptr<const TimeZone>> zones(8);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < zones.size(); i++) {
        threads.emplace_back([&zones, i] { zones[i] = TimeZone::Load("Pacific/Auckland"); });
    }
    for (auto &thread : threads) {
        thread.join();
    }
    for (const auto &zone : zones) {
        ASSERT_NE(zone, nullptr);
        EXPECT_EQ(zone, zones[0]);
    }
}

TEST(TimeZoneTest, NumericOffsetsAreHoursEastLikePostgres) {
    auto zone = TimeZone::Load("5.5");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->Name(), "<+05:30>-05:30");
    EXPECT_EQ(zone->OffsetAt(k20240131), 19800);
    zone = TimeZone::Load("-7");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->Name(), "<-07>+07");
    EXPECT_EQ(zone->OffsetAt(k20240131), -25200);
    zone = TimeZone::Load("+05");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->Name(), "<+05>-05");
    EXPECT_EQ(zone->OffsetAt(k20240131), 18000);
}

TEST(TimeZoneTest, PosixSpecsUsePosixSigns) {
    auto zone = TimeZone::Load("utc+3");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->Name(), "UTC+3");
    EXPECT_EQ(zone->OffsetAt(k20240131), -10800);
    zone = TimeZone::Load("+05:30");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->OffsetAt(k20240131), -19800);
    zone = TimeZone::Load("XYZ3ABC"); // DST without rules: US rules
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(zone->OffsetAt(k20240131), -10800);
    EXPECT_EQ(zone->OffsetAt(k20240701), -7200);
}

TEST(TimeZoneTest, RejectsUnknownAndUnsafeNames) {
    for (const char *name : {"", "Z", "FOO", "Nowhere/City", "../etc/passwd", "Europe/Berlin/", "/etc/passwd",
                             "Europe/../UTC", "zone.tab", "right/Europe/Berlin", "Europe//Berlin"}) {
        EXPECT_EQ(TimeZone::Load(name), nullptr) << name;
    }
}

TEST(PosixTzRuleTest, ParsesFooterRules) {
    auto rule = PosixTzRule::Parse("CET-1CEST,M3.5.0,M10.5.0/3");
    ASSERT_TRUE(rule.has_value());
    EXPECT_EQ(rule->OffsetAt(4105771200LL), 3600); // 2100-02-08 12:00 UTC
    EXPECT_EQ(rule->OffsetAt(4118054400LL), 7200); // 2100-06-30 00:00 UTC
    auto southern = PosixTzRule::Parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
    ASSERT_TRUE(southern.has_value());
    EXPECT_EQ(southern->OffsetAt(4105771200LL), 39600);
    EXPECT_EQ(southern->OffsetAt(4118054400LL), 36000);
    auto julian = PosixTzRule::Parse("<+0330>-3:30<+0430>,J79/24,J263/24");
    ASSERT_TRUE(julian.has_value());
    EXPECT_EQ(julian->OffsetAt(4118054400LL), 16200);
    auto permanent = PosixTzRule::Parse("EST5EDT,0/0,J365/25");
    ASSERT_TRUE(permanent.has_value());
    EXPECT_EQ(permanent->OffsetAt(4105771200LL), -14400);
    EXPECT_EQ(permanent->OffsetAt(4118054400LL), -14400);
    for (const char *bad : {"", "CET", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "<+03", "CET-200"}) {
        EXPECT_FALSE(PosixTzRule::Parse(bad).has_value()) << bad;
    }
}

} // namespace
} // namespace duckgres::types
