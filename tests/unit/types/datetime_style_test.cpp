// DateStyle and IntervalStyle output, against PostgreSQL 15's text of the same values, and the settings' values.
#include "types/civil_date.hpp"
#include "types/text_format.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace duckgres::types {
namespace {

constexpr DateStyle kSqlMdy{DateOutput::kSql, DateOrder::kMdy};
constexpr DateStyle kSqlDmy{DateOutput::kSql, DateOrder::kDmy};
constexpr DateStyle kPostgresMdy{DateOutput::kPostgres, DateOrder::kMdy};
constexpr DateStyle kPostgresDmy{DateOutput::kPostgres, DateOrder::kDmy};
constexpr DateStyle kGerman{DateOutput::kGerman, DateOrder::kDmy};
constexpr DateStyle kIsoDmy{DateOutput::kIso, DateOrder::kDmy};

struct DateCase {
    int64_t year;
    int32_t month;
    int32_t day;
    int64_t micros_of_day; //!< < 0: the date alone
    DateStyle style;
    const char *expected;
};

const DateCase kDateCases[] = {
    {2024, 3, 4, -1, kSqlMdy, "03/04/2024"},
    {2024, 3, 4, -1, kSqlDmy, "04/03/2024"},
    {2024, 3, 4, -1, kPostgresMdy, "03-04-2024"},
    {2024, 3, 4, -1, kPostgresDmy, "04-03-2024"},
    {2024, 3, 4, -1, kGerman, "04.03.2024"},
    {2024, 3, 4, -1, kIsoDmy, "2024-03-04"},
    {-43, 3, 15, -1, kSqlMdy, "03/15/0044 BC"},
    {2024, 3, 4, 18367500000, kSqlMdy, "03/04/2024 05:06:07.5"},
    {2024, 3, 4, 18367000000, kSqlDmy, "04/03/2024 05:06:07"},
    {2024, 3, 4, 18367250000, kPostgresMdy, "Mon Mar 04 05:06:07.25 2024"},
    {2024, 3, 4, 18367000000, kPostgresDmy, "Mon 04 Mar 05:06:07 2024"},
    {-43, 3, 15, 36000000000, kPostgresMdy, "Fri Mar 15 10:00:00 0044 BC"},
    {2024, 3, 4, 18367000000, kGerman, "04.03.2024 05:06:07"},
    {2024, 3, 4, 18367000000, kIsoDmy, "2024-03-04 05:06:07"},
};

class DateStyleOutputTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateStyleOutputTest, WritesAsPostgreSql) {
    const DateCase &c = GetParam();
    const int64_t days = DaysFromCivil(c.year, c.month, c.day);
    std::string out;
    if (c.micros_of_day < 0) {
        AppendDate(out, static_cast<int32_t>(days), c.style);
    } else {
        AppendTimestamp(out, days * kMicrosPerDay + c.micros_of_day, c.style);
    }
    EXPECT_EQ(out, c.expected);
}

INSTANTIATE_TEST_SUITE_P(Styles, DateStyleOutputTest, ::testing::ValuesIn(kDateCases));

TEST(DateStyleOutputTest, InfinityInEveryStyle) {
    for (DateStyle style : {kSqlMdy, kPostgresDmy, kGerman}) {
        std::string out;
        AppendTimestamp(out, std::numeric_limits<int64_t>::max(), style);
        AppendDate(out, -std::numeric_limits<int32_t>::max(), style);
        EXPECT_EQ(out, "infinity-infinity");
    }
}

struct IntervalCase {
    int32_t months;
    int32_t days;
    int64_t micros;
    IntervalOutput style;
    const char *expected;
};

constexpr IntervalOutput kVerbose = IntervalOutput::kPostgresVerbose;
constexpr IntervalOutput kSqlStandard = IntervalOutput::kSqlStandard;
constexpr IntervalOutput kIso8601 = IntervalOutput::kIso8601;
constexpr int64_t kHour = kMicrosPerHour;
constexpr int64_t k040506 = 4 * kMicrosPerHour + 5 * kMicrosPerMinute + 6 * kMicrosPerSecond;

const IntervalCase kIntervalCases[] = {
    {14, 3, k040506 + 500000, kVerbose, "@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs"},
    {-14, 0, 0, kVerbose, "@ 1 year 2 mons ago"},
    {0, 1, -2 * kHour, kVerbose, "@ 1 day -2 hours"},
    {0, -3, 0, kVerbose, "@ 3 days ago"},
    {0, 0, 0, kVerbose, "@ 0"},
    {0, 0, -1500000, kVerbose, "@ 1.5 secs ago"},
    {1, 0, -1000000, kVerbose, "@ 1 mon -1 sec"},
    {0, -1, 1000000, kVerbose, "@ 1 day -1 sec ago"},
    {0, 0, 1000000, kVerbose, "@ 1 sec"},
    {0, 0, -(2 * kHour + 3 * kMicrosPerMinute), kVerbose, "@ 2 hours 3 mins ago"},
    {14, 0, 0, kSqlStandard, "1-2"},
    {0, 3, k040506 + 500000, kSqlStandard, "3 4:05:06.5"},
    {0, -3, -k040506, kSqlStandard, "-3 4:05:06"},
    {0, 0, 4 * kHour + 5 * kMicrosPerMinute, kSqlStandard, "4:05:00"},
    {0, 0, 0, kSqlStandard, "0"},
    {14, 3, k040506, kSqlStandard, "+1-2 +3 +4:05:06"},
    {0, 1, -2 * kHour, kSqlStandard, "+0-0 +1 -2:00:00"},
    {-14, 0, 0, kSqlStandard, "-1-2"},
    {14, 3, k040506 + 500000, kIso8601, "P1Y2M3DT4H5M6.5S"},
    {-14, 0, 0, kIso8601, "P-1Y-2M"},
    {0, 1, -2 * kHour, kIso8601, "P1DT-2H"},
    {0, 0, 0, kIso8601, "PT0S"},
    {0, 0, -1500000, kIso8601, "PT-1.5S"},
    {0, 0, 30000000, kIso8601, "PT30S"},
};

class IntervalStyleOutputTest : public ::testing::TestWithParam<IntervalCase> {};

TEST_P(IntervalStyleOutputTest, WritesAsPostgreSql) {
    const IntervalCase &c = GetParam();
    std::string out;
    AppendInterval(out, duckdb_interval{c.months, c.days, c.micros}, c.style);
    EXPECT_EQ(out, c.expected);
}

INSTANTIATE_TEST_SUITE_P(Styles, IntervalStyleOutputTest, ::testing::ValuesIn(kIntervalCases));

TEST(DateStyleSettingTest, ReadsShowValues) {
    EXPECT_EQ(DateStyleFromSetting("German, DMY")->output, DateOutput::kGerman);
    EXPECT_EQ(DateStyleFromSetting("Postgres, YMD")->order, DateOrder::kYmd);
    EXPECT_FALSE(DateStyleFromSetting("german, dmy").has_value());
    EXPECT_FALSE(DateStyleFromSetting("ISO").has_value());
    EXPECT_EQ(IntervalOutputFromSetting("iso_8601"), IntervalOutput::kIso8601);
    EXPECT_FALSE(IntervalOutputFromSetting("klingon").has_value());
}

} // namespace
} // namespace duckgres::types
