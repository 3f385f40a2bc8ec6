// Proleptic Gregorian conversions between day counts and civil dates (400-year era arithmetic).
#include "types/civil_date.hpp"

namespace duckgres::types {

namespace {
constexpr int64_t kDaysPerEra = 146097; // days in 400 Gregorian years
constexpr int64_t kEpochShift = 719468; // days from 0000-03-01 to 1970-01-01
} // namespace

int32_t DaysInMonth(int64_t year, int32_t month) {
    static constexpr int32_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Years are counted from March so that the leap day ends the year.
int64_t DaysFromCivil(int64_t year, int32_t month, int32_t day) {
    const int64_t shifted_year = month <= 2 ? year - 1 : year;
    const int64_t era = FloorDiv(shifted_year, 400);
    const int64_t year_of_era = shifted_year - era * 400;
    const int64_t month_from_march = month > 2 ? month - 3 : month + 9;
    const int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * kDaysPerEra + day_of_era - kEpochShift;
}

CivilDate CivilFromDays(int64_t days) {
    const int64_t shifted = days + kEpochShift;
    const int64_t era = FloorDiv(shifted, kDaysPerEra);
    const int64_t day_of_era = shifted - era * kDaysPerEra;
    const int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / (kDaysPerEra - 1)) / 365;
    const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int64_t month_from_march = (5 * day_of_year + 2) / 153;
    CivilDate result;
    result.day = static_cast<int32_t>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    result.month = static_cast<int32_t>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    result.year = year_of_era + era * 400 + (result.month <= 2 ? 1 : 0);
    return result;
}

int32_t WeekdayFromDays(int64_t days) {
    return static_cast<int32_t>(FloorMod(days + 4, 7)); // 1970-01-01 was a Thursday
}

} // namespace duckgres::types
