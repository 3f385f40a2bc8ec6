// PostgreSQL text output of date, time, timetz, timestamp, timestamptz (DateStyle ISO) and interval.
#include "types/text_format.hpp"

#include "types/civil_date.hpp"

#include <limits>

namespace duckgres::types {

namespace {

constexpr int32_t kDateInfinity = std::numeric_limits<int32_t>::max();
constexpr int64_t kTimestampInfinity = std::numeric_limits<int64_t>::max();

//! Appends a non-negative number zero-padded to at least `width` digits.
void AppendPadded(std::string &out, uint64_t v, size_t width) {
    char buf[24];
    char *end = buf + sizeof(buf);
    char *p = end;
    do {
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (static_cast<size_t>(end - p) < width) {
        *--p = '0';
    }
    out.append(p, end);
}

//! "SS" plus ".ffffff" without trailing zeros when there is a fraction (arguments non-negative).
void AppendSeconds(std::string &out, int64_t seconds, int64_t micros) {
    AppendPadded(out, static_cast<uint64_t>(seconds), 2);
    if (micros == 0) {
        return;
    }
    int width = 6;
    while (micros % 10 == 0) {
        micros /= 10;
        width--;
    }
    out += '.';
    AppendPadded(out, static_cast<uint64_t>(micros), width);
}

//! Appends "YYYY-MM-DD" and returns whether the year is BC.
bool AppendYearMonthDay(std::string &out, int64_t days) {
    const CivilDate date = CivilFromDays(days);
    const bool bc = date.year <= 0;
    AppendPadded(out, static_cast<uint64_t>(bc ? 1 - date.year : date.year), 4);
    out += '-';
    AppendPadded(out, static_cast<uint64_t>(date.month), 2);
    out += '-';
    AppendPadded(out, static_cast<uint64_t>(date.day), 2);
    return bc;
}

void AppendTimeOfDay(std::string &out, int64_t micros) {
    AppendPadded(out, static_cast<uint64_t>(micros / kMicrosPerHour), 2);
    out += ':';
    AppendPadded(out, static_cast<uint64_t>(micros / kMicrosPerMinute % 60), 2);
    out += ':';
    AppendSeconds(out, micros / kMicrosPerSecond % 60, micros % kMicrosPerSecond);
}

//! "+01", "+05:30", "-00:53:28" for an offset east of UTC in seconds.
void AppendUtcOffset(std::string &out, int32_t offset_seconds) {
    out += offset_seconds >= 0 ? '+' : '-';
    const int64_t magnitude = offset_seconds < 0 ? -static_cast<int64_t>(offset_seconds) : offset_seconds;
    AppendPadded(out, static_cast<uint64_t>(magnitude / 3600), 2);
    if (magnitude % 60 != 0) {
        out += ':';
        AppendPadded(out, static_cast<uint64_t>(magnitude / 60 % 60), 2);
        out += ':';
        AppendPadded(out, static_cast<uint64_t>(magnitude % 60), 2);
    } else if (magnitude / 60 % 60 != 0) {
        out += ':';
        AppendPadded(out, static_cast<uint64_t>(magnitude / 60 % 60), 2);
    }
}

bool AppendInfinity(std::string &out, int64_t micros) {
    if (micros == kTimestampInfinity) {
        out += "infinity";
        return true;
    }
    if (micros <= -kTimestampInfinity) {
        out += "-infinity";
        return true;
    }
    return false;
}

//! Appends "<n> <unit>[s]" when n != 0, prefixing "+" after a negative field (IntervalStyle postgres).
void AppendIntervalField(std::string &out, int64_t value, const char *unit, bool &is_zero, bool &is_before) {
    if (value == 0) {
        return;
    }
    if (!is_zero) {
        out += ' ';
    }
    if (is_before && value > 0) {
        out += '+';
    }
    out += std::to_string(value);
    out += ' ';
    out += unit;
    if (value != 1) {
        out += 's';
    }
    is_before = value < 0;
    is_zero = false;
}

} // namespace

void AppendDate(std::string &out, int32_t days_since_epoch) {
    if (days_since_epoch == kDateInfinity) {
        out += "infinity";
        return;
    }
    if (days_since_epoch <= -kDateInfinity) {
        out += "-infinity";
        return;
    }
    if (AppendYearMonthDay(out, days_since_epoch)) {
        out += " BC";
    }
}

void AppendTime(std::string &out, int64_t micros_since_midnight) {
    AppendTimeOfDay(out, micros_since_midnight);
}

void AppendTimeTz(std::string &out, int64_t micros, int32_t offset_seconds) {
    AppendTimeOfDay(out, micros);
    AppendUtcOffset(out, offset_seconds);
}

void AppendTimestamp(std::string &out, int64_t micros_since_epoch) {
    if (AppendInfinity(out, micros_since_epoch)) {
        return;
    }
    const int64_t days = FloorDiv(micros_since_epoch, kMicrosPerDay);
    const bool bc = AppendYearMonthDay(out, days);
    out += ' ';
    AppendTimeOfDay(out, micros_since_epoch - days * kMicrosPerDay);
    if (bc) {
        out += " BC";
    }
}

void AppendTimestampTz(std::string &out, int64_t micros_since_epoch, const TimeZone *tz) {
    if (AppendInfinity(out, micros_since_epoch)) {
        return;
    }
    const int32_t offset = tz ? tz->OffsetAt(FloorDiv(micros_since_epoch, kMicrosPerSecond)) : 0;
    // Split first so that adding the offset cannot overflow near the ends of the range.
    int64_t days = FloorDiv(micros_since_epoch, kMicrosPerDay);
    int64_t time_of_day = micros_since_epoch - days * kMicrosPerDay + offset * kMicrosPerSecond;
    days += FloorDiv(time_of_day, kMicrosPerDay);
    time_of_day = FloorMod(time_of_day, kMicrosPerDay);
    const bool bc = AppendYearMonthDay(out, days);
    out += ' ';
    AppendTimeOfDay(out, time_of_day);
    AppendUtcOffset(out, offset);
    if (bc) {
        out += " BC";
    }
}

void AppendInterval(std::string &out, duckdb_interval v) {
    bool is_zero = true;
    bool is_before = false;
    AppendIntervalField(out, v.months / 12, "year", is_zero, is_before);
    AppendIntervalField(out, v.months % 12, "mon", is_zero, is_before);
    AppendIntervalField(out, v.days, "day", is_zero, is_before);
    const int64_t hours = v.micros / kMicrosPerHour;
    const int64_t minutes = v.micros / kMicrosPerMinute % 60;
    const int64_t seconds = v.micros / kMicrosPerSecond % 60;
    const int64_t fraction = v.micros % kMicrosPerSecond;
    if (!is_zero && v.micros == 0) {
        return;
    }
    const bool minus = v.micros < 0;
    if (!is_zero) {
        out += ' ';
    }
    out += minus ? "-" : (is_before ? "+" : "");
    const auto magnitude = [](int64_t x) { return static_cast<uint64_t>(x < 0 ? -x : x); };
    AppendPadded(out, magnitude(hours), 2);
    out += ':';
    AppendPadded(out, magnitude(minutes), 2);
    out += ':';
    AppendSeconds(out, static_cast<int64_t>(magnitude(seconds)), static_cast<int64_t>(magnitude(fraction)));
}

} // namespace duckgres::types
