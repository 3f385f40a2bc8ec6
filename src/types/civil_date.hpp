// Proleptic Gregorian calendar arithmetic shared by the date/time formatters and zone rules.
#pragma once

#include <cstdint>

namespace duckgres::types {

struct CivilDate {
    int64_t year = 1970; //!< astronomical numbering: 0 = 1 BC, -1 = 2 BC
    int32_t month = 1;   //!< 1..12
    int32_t day = 1;     //!< 1..31
};

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

//! Floor division and the matching non-negative remainder (b > 0).
constexpr int64_t FloorDiv(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && (a < 0));
}
constexpr int64_t FloorMod(int64_t a, int64_t b) {
    return a - FloorDiv(a, b) * b;
}

constexpr bool IsLeapYear(int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int32_t DaysInMonth(int64_t year, int32_t month);
//! Days since 1970-01-01 of a civil date, and back.
int64_t DaysFromCivil(int64_t year, int32_t month, int32_t day);
CivilDate CivilFromDays(int64_t days);
//! 0 = Sunday .. 6 = Saturday.
int32_t WeekdayFromDays(int64_t days);

} // namespace duckgres::types
