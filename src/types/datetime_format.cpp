// PostgreSQL text output of date, time, timetz, timestamp, timestamptz (each DateStyle) and interval (each
// IntervalStyle).
#include "types/text_format.hpp"

#include "types/civil_date.hpp"

#include <limits>
#include <utility>

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

//! "SS" (at least `width` digits) plus ".ffffff" without trailing zeros when there is a fraction (arguments
//! non-negative).
void AppendSeconds(std::string &out, int64_t seconds, int64_t micros, size_t width = 2) {
    AppendPadded(out, static_cast<uint64_t>(seconds), width);
    if (micros == 0) {
        return;
    }
    size_t fraction_width = 6;
    while (micros % 10 == 0) {
        micros /= 10;
        fraction_width--;
    }
    out += '.';
    AppendPadded(out, static_cast<uint64_t>(micros), fraction_width);
}

constexpr const char *kMonthAbbreviations[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char *kWeekdayAbbreviations[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

//! The year as written (BC years count from 1), at least four digits.
void AppendYear(std::string &out, int64_t year) {
    AppendPadded(out, static_cast<uint64_t>(year <= 0 ? 1 - year : year), 4);
}

//! Appends the date part of `days` in `style` ("2024-01-31", "01/31/2024", "31.01.2024", "01-31-2024"; the
//! Postgres style's timestamp form is AppendPostgresStyleDateTime) and returns whether the year is BC.
bool AppendYearMonthDay(std::string &out, int64_t days, DateStyle style = {}) {
    const CivilDate date = CivilFromDays(days);
    const auto month = static_cast<uint64_t>(date.month);
    const auto day = static_cast<uint64_t>(date.day);
    const bool day_first = style.output == DateOutput::kGerman || style.order == DateOrder::kDmy;
    switch (style.output) {
    case DateOutput::kIso:
        AppendYear(out, date.year);
        out += '-';
        AppendPadded(out, month, 2);
        out += '-';
        AppendPadded(out, day, 2);
        break;
    default: {
        const char separator =
            style.output == DateOutput::kSql ? '/' : (style.output == DateOutput::kGerman ? '.' : '-');
        AppendPadded(out, day_first ? day : month, 2);
        out += separator;
        AppendPadded(out, day_first ? month : day, 2);
        out += separator;
        AppendYear(out, date.year);
        break;
    }
    }
    return date.year <= 0;
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

//! An interval split as PostgreSQL splits it for output: each field carries the sign of its part (months, days,
//! microseconds), seconds and microseconds truncated toward zero.
struct IntervalFields {
    int64_t year;
    int64_t month;
    int64_t day;
    int64_t hour;
    int64_t minute;
    int64_t second;
    int64_t micros;

    bool HasTime() const { return hour != 0 || minute != 0 || second != 0 || micros != 0; }
};

IntervalFields SplitInterval(duckdb_interval v) {
    return {v.months / 12,
            v.months % 12,
            v.days,
            v.micros / kMicrosPerHour,
            v.micros / kMicrosPerMinute % 60,
            v.micros / kMicrosPerSecond % 60,
            v.micros % kMicrosPerSecond};
}

uint64_t Magnitude(int64_t x) {
    return x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
}

//! Seconds and fraction without their sign, the seconds at least `width` digits.
void AppendIntervalSeconds(std::string &out, const IntervalFields &f, size_t width) {
    AppendSeconds(out, static_cast<int64_t>(Magnitude(f.second)), static_cast<int64_t>(Magnitude(f.micros)), width);
}

//! IntervalStyle postgres: "1 year 2 mons -3 days +04:05:06.5".
void AppendPostgresInterval(std::string &out, duckdb_interval v, const IntervalFields &f) {
    bool is_zero = true;
    bool is_before = false;
    AppendIntervalField(out, f.year, "year", is_zero, is_before);
    AppendIntervalField(out, f.month, "mon", is_zero, is_before);
    AppendIntervalField(out, f.day, "day", is_zero, is_before);
    if (!is_zero && v.micros == 0) {
        return;
    }
    if (!is_zero) {
        out += ' ';
    }
    out += v.micros < 0 ? "-" : (is_before ? "+" : "");
    AppendPadded(out, Magnitude(f.hour), 2);
    out += ':';
    AppendPadded(out, Magnitude(f.minute), 2);
    out += ':';
    AppendIntervalSeconds(out, f, 2);
}

//! One " <n> <unit>[s]" of IntervalStyle postgres_verbose: the first non-zero field decides "ago" (written
//! without its sign), later fields of the other sign are written negated.
void AppendVerboseField(std::string &out, int64_t value, const char *unit, bool &is_zero, bool &is_before) {
    if (value == 0) {
        return;
    }
    if (is_zero) {
        is_before = value < 0;
        value = value < 0 ? -value : value;
    } else if (is_before) {
        value = -value;
    }
    out += ' ';
    out += std::to_string(value);
    out += ' ';
    out += unit;
    if (value != 1) {
        out += 's';
    }
    is_zero = false;
}

//! IntervalStyle postgres_verbose: "@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs", "@ 1 day ago".
void AppendVerboseInterval(std::string &out, const IntervalFields &f) {
    bool is_zero = true;
    bool is_before = false;
    out += '@';
    AppendVerboseField(out, f.year, "year", is_zero, is_before);
    AppendVerboseField(out, f.month, "mon", is_zero, is_before);
    AppendVerboseField(out, f.day, "day", is_zero, is_before);
    AppendVerboseField(out, f.hour, "hour", is_zero, is_before);
    AppendVerboseField(out, f.minute, "min", is_zero, is_before);
    if (f.second != 0 || f.micros != 0) {
        out += ' ';
        // The seconds are written without their sign: a minus only where they go against the earlier fields.
        const bool negative = f.second < 0 || (f.second == 0 && f.micros < 0);
        const bool minus = negative ? !is_zero && !is_before : is_before;
        if (negative && is_zero) {
            is_before = true;
        }
        if (minus) {
            out += '-';
        }
        AppendIntervalSeconds(out, f, 1);
        out += Magnitude(f.second) != 1 || f.micros != 0 ? " secs" : " sec";
        is_zero = false;
    }
    if (is_zero) {
        out += " 0";
    }
    if (is_before) {
        out += " ago";
    }
}

//! "[-]H:MM:SS[.f]" with the hours unpadded (sql_standard's time part; `sign` 0 for none).
void AppendSqlStandardTime(std::string &out, const IntervalFields &f, char sign) {
    if (sign != 0) {
        out += sign;
    }
    out += std::to_string(Magnitude(f.hour));
    out += ':';
    AppendPadded(out, Magnitude(f.minute), 2);
    out += ':';
    AppendIntervalSeconds(out, f, 2);
}

//! IntervalStyle sql_standard: "1-2", "3 4:05:06", "-4:05:06"; mixed signs or year-month with day-time fields
//! spell every sign: "+1-2 +3 +4:05:06".
void AppendSqlStandardInterval(std::string &out, const IntervalFields &f) {
    const bool has_negative =
        f.year < 0 || f.month < 0 || f.day < 0 || f.hour < 0 || f.minute < 0 || f.second < 0 || f.micros < 0;
    const bool has_positive =
        f.year > 0 || f.month > 0 || f.day > 0 || f.hour > 0 || f.minute > 0 || f.second > 0 || f.micros > 0;
    const bool has_year_month = f.year != 0 || f.month != 0;
    const bool has_day_time = f.day != 0 || f.HasTime();
    if (!has_negative && !has_positive) {
        out += '0';
        return;
    }
    if ((has_negative && has_positive) || (has_year_month && has_day_time)) {
        out += f.year < 0 || f.month < 0 ? '-' : '+';
        out += std::to_string(Magnitude(f.year)) + '-' + std::to_string(Magnitude(f.month));
        out += f.day < 0 ? " -" : " +";
        out += std::to_string(Magnitude(f.day));
        out += ' ';
        AppendSqlStandardTime(out, f, f.hour < 0 || f.minute < 0 || f.second < 0 || f.micros < 0 ? '-' : '+');
        return;
    }
    if (has_negative) {
        out += '-'; // one sign for the whole value
    }
    if (has_year_month) {
        out += std::to_string(Magnitude(f.year)) + '-' + std::to_string(Magnitude(f.month));
        return;
    }
    if (f.day != 0) {
        out += std::to_string(Magnitude(f.day));
        out += ' ';
    }
    AppendSqlStandardTime(out, f, 0);
}

//! "<n><unit>" of ISO 8601 when n != 0.
void AppendIso8601Field(std::string &out, int64_t value, char unit) {
    if (value != 0) {
        out += std::to_string(value);
        out += unit;
    }
}

//! IntervalStyle iso_8601: "P1Y2M3DT4H5M6.5S", "PT0S".
void AppendIso8601Interval(std::string &out, const IntervalFields &f) {
    if (f.year == 0 && f.month == 0 && f.day == 0 && !f.HasTime()) {
        out += "PT0S";
        return;
    }
    out += 'P';
    AppendIso8601Field(out, f.year, 'Y');
    AppendIso8601Field(out, f.month, 'M');
    AppendIso8601Field(out, f.day, 'D');
    if (f.HasTime()) {
        out += 'T';
    }
    AppendIso8601Field(out, f.hour, 'H');
    AppendIso8601Field(out, f.minute, 'M');
    if (f.second != 0 || f.micros != 0) {
        if (f.second < 0 || f.micros < 0) {
            out += '-';
        }
        AppendIntervalSeconds(out, f, 1);
        out += 'S';
    }
}

//! A timestamp's local date and time of day in `style`, with the zone when there is one (timestamptz): ISO writes
//! the offset east of UTC, the other styles the zone's abbreviation (`abbreviation`, the offset when it is empty).
void AppendDateTime(std::string &out, int64_t days, int64_t time_of_day, const int32_t *offset, DateStyle style,
                    std::string_view abbreviation = {}) {
    bool bc;
    if (style.output == DateOutput::kPostgres) { // Wed Jan 31 13:45:00 2024
        const CivilDate date = CivilFromDays(days);
        out += kWeekdayAbbreviations[WeekdayFromDays(days)];
        out += ' ';
        if (style.order == DateOrder::kDmy) {
            AppendPadded(out, static_cast<uint64_t>(date.day), 2);
            out += ' ';
            out += kMonthAbbreviations[date.month - 1];
        } else {
            out += kMonthAbbreviations[date.month - 1];
            out += ' ';
            AppendPadded(out, static_cast<uint64_t>(date.day), 2);
        }
        out += ' ';
        AppendTimeOfDay(out, time_of_day);
        out += ' ';
        AppendYear(out, date.year);
        bc = date.year <= 0;
    } else {
        bc = AppendYearMonthDay(out, days, style);
        out += ' ';
        AppendTimeOfDay(out, time_of_day);
    }
    if (offset != nullptr) {
        if (style.output == DateOutput::kIso) {
            AppendUtcOffset(out, *offset);
        } else if (!abbreviation.empty()) {
            out += ' ';
            out += abbreviation;
        } else {
            out += ' ';
            AppendUtcOffset(out, *offset);
        }
    }
    if (bc) {
        out += " BC";
    }
}

} // namespace

void AppendDate(std::string &out, int32_t days_since_epoch, DateStyle style) {
    if (days_since_epoch == kDateInfinity) {
        out += "infinity";
        return;
    }
    if (days_since_epoch <= -kDateInfinity) {
        out += "-infinity";
        return;
    }
    if (AppendYearMonthDay(out, days_since_epoch, style)) {
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

void AppendTimestamp(std::string &out, int64_t micros_since_epoch, DateStyle style) {
    if (AppendInfinity(out, micros_since_epoch)) {
        return;
    }
    const int64_t days = FloorDiv(micros_since_epoch, kMicrosPerDay);
    AppendDateTime(out, days, micros_since_epoch - days * kMicrosPerDay, nullptr, style);
}

void AppendTimestampTz(std::string &out, int64_t micros_since_epoch, const TimeZone *tz, DateStyle style) {
    if (AppendInfinity(out, micros_since_epoch)) {
        return;
    }
    const int64_t utc_seconds = FloorDiv(micros_since_epoch, kMicrosPerSecond);
    const int32_t offset = tz ? tz->OffsetAt(utc_seconds) : 0;
    // Split first so that adding the offset cannot overflow near the ends of the range.
    int64_t days = FloorDiv(micros_since_epoch, kMicrosPerDay);
    int64_t time_of_day = micros_since_epoch - days * kMicrosPerDay + offset * kMicrosPerSecond;
    days += FloorDiv(time_of_day, kMicrosPerDay);
    time_of_day = FloorMod(time_of_day, kMicrosPerDay);
    AppendDateTime(out, days, time_of_day, &offset, style,
                   tz && style.output != DateOutput::kIso ? std::string_view(tz->AbbreviationAt(utc_seconds))
                                                          : std::string_view());
}

void AppendInterval(std::string &out, duckdb_interval v, IntervalOutput style) {
    const IntervalFields fields = SplitInterval(v);
    switch (style) {
    case IntervalOutput::kPostgresVerbose:
        AppendVerboseInterval(out, fields);
        break;
    case IntervalOutput::kSqlStandard:
        AppendSqlStandardInterval(out, fields);
        break;
    case IntervalOutput::kIso8601:
        AppendIso8601Interval(out, fields);
        break;
    default:
        AppendPostgresInterval(out, v, fields);
        break;
    }
}

std::optional<DateStyle> DateStyleFromSetting(std::string_view value) {
    constexpr std::pair<const char *, DateOutput> kOutputs[] = {{"ISO", DateOutput::kIso},
                                                                {"SQL", DateOutput::kSql},
                                                                {"Postgres", DateOutput::kPostgres},
                                                                {"German", DateOutput::kGerman}};
    constexpr std::pair<const char *, DateOrder> kOrders[] = {
        {"MDY", DateOrder::kMdy}, {"DMY", DateOrder::kDmy}, {"YMD", DateOrder::kYmd}};
    const size_t comma = value.find(", ");
    if (comma == std::string_view::npos) {
        return std::nullopt;
    }
    std::optional<DateStyle> style;
    for (const auto &[output_name, output] : kOutputs) {
        for (const auto &[order_name, order] : kOrders) {
            if (value.substr(0, comma) == output_name && value.substr(comma + 2) == order_name) {
                style = DateStyle{output, order};
            }
        }
    }
    return style;
}

std::optional<IntervalOutput> IntervalOutputFromSetting(std::string_view value) {
    constexpr std::pair<const char *, IntervalOutput> kStyles[] = {
        {"postgres", IntervalOutput::kPostgres},
        {"postgres_verbose", IntervalOutput::kPostgresVerbose},
        {"sql_standard", IntervalOutput::kSqlStandard},
        {"iso_8601", IntervalOutput::kIso8601}};
    for (const auto &[name, style] : kStyles) {
        if (value == name) {
            return style;
        }
    }
    return std::nullopt;
}

} // namespace duckgres::types
