// Parses POSIX TZ strings and evaluates their yearly daylight saving switches.
#include "types/posix_tz_rule.hpp"

#include "common/ascii.hpp"
#include "types/civil_date.hpp"

namespace duckgres::types {

namespace {

//! Reads an unsigned decimal number in [min, max].
bool ParseNumber(std::string_view &s, int32_t min, int32_t max, int32_t &out) {
    if (s.empty() || !IsAsciiDigit(s[0])) {
        return false;
    }
    int64_t value = 0;
    while (!s.empty() && IsAsciiDigit(s[0])) {
        value = value * 10 + (s[0] - '0');
        if (value > max) {
            return false;
        }
        s.remove_prefix(1);
    }
    if (value < min) {
        return false;
    }
    out = static_cast<int32_t>(value);
    return true;
}

//! [+-]hh[:mm[:ss]] in seconds; the sign is kept as written (POSIX: positive = west of UTC).
bool ParseSignedTime(std::string_view &s, int32_t &out) {
    int32_t sign = 1;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        sign = s[0] == '-' ? -1 : 1;
        s.remove_prefix(1);
    }
    int32_t hours = 0;
    int32_t minutes = 0;
    int32_t seconds = 0;
    if (!ParseNumber(s, 0, 167, hours)) {
        return false;
    }
    if (!s.empty() && s[0] == ':') {
        s.remove_prefix(1);
        if (!ParseNumber(s, 0, 59, minutes)) {
            return false;
        }
        if (!s.empty() && s[0] == ':') {
            s.remove_prefix(1);
            if (!ParseNumber(s, 0, 60, seconds)) {
                return false;
            }
        }
    }
    out = sign * (hours * 3600 + minutes * 60 + seconds);
    return true;
}

//! A zone abbreviation: "<...>" or a run of characters up to a digit, sign or comma.
std::string_view ParseAbbreviation(std::string_view &s, bool &ok) {
    ok = true;
    if (!s.empty() && s[0] == '<') {
        const size_t close = s.find('>');
        if (close == std::string_view::npos) {
            ok = false;
            return {};
        }
        std::string_view name = s.substr(1, close - 1);
        s.remove_prefix(close + 1);
        return name;
    }
    size_t n = 0;
    while (n < s.size() && !IsAsciiDigit(s[n]) && s[n] != ',' && s[n] != '-' && s[n] != '+') {
        n++;
    }
    std::string_view name = s.substr(0, n);
    s.remove_prefix(n);
    return name;
}

} // namespace

PosixTzRule PosixTzRule::Fixed(int32_t offset_seconds, std::string abbreviation) {
    PosixTzRule rule;
    rule.std_offset_ = offset_seconds;
    rule.std_name_ = std::move(abbreviation);
    return rule;
}

std::optional<PosixTzRule> PosixTzRule::Parse(std::string_view s) {
    PosixTzRule rule;
    bool ok = false;
    rule.std_name_ = std::string(ParseAbbreviation(s, ok));
    int32_t std_west = 0;
    if (!ok || s.empty() || !ParseSignedTime(s, std_west)) {
        return std::nullopt;
    }
    rule.std_offset_ = -std_west;
    if (s.empty()) {
        return rule;
    }
    std::string_view dst_name = ParseAbbreviation(s, ok);
    if (!ok || dst_name.empty()) {
        return std::nullopt;
    }
    int32_t dst_west = std_west - 3600;
    if (!s.empty() && s[0] != ',' && s[0] != ';' && !ParseSignedTime(s, dst_west)) {
        return std::nullopt;
    }
    rule.has_dst_ = true;
    rule.dst_offset_ = -dst_west;
    rule.dst_name_ = std::string(dst_name);
    std::string_view rules = s.empty() ? std::string_view(",M3.2.0,M11.1.0") : s;
    if (rules[0] != ',' && rules[0] != ';') {
        return std::nullopt;
    }
    rules.remove_prefix(1);
    if (!ParseSwitch(rules, rule.dst_start_) || rules.empty() || rules[0] != ',') {
        return std::nullopt;
    }
    rules.remove_prefix(1);
    if (!ParseSwitch(rules, rule.dst_end_) || !rules.empty()) {
        return std::nullopt;
    }
    return rule;
}

bool PosixTzRule::ParseSwitch(std::string_view &s, Switch &out) {
    if (s.empty()) {
        return false;
    }
    if (s[0] == 'J') {
        s.remove_prefix(1);
        out.kind = DayKind::kJulianNoLeap;
        if (!ParseNumber(s, 1, 365, out.day)) {
            return false;
        }
    } else if (s[0] == 'M') {
        s.remove_prefix(1);
        out.kind = DayKind::kMonthWeekDay;
        if (!ParseNumber(s, 1, 12, out.month) || s.empty() || s[0] != '.') {
            return false;
        }
        s.remove_prefix(1);
        if (!ParseNumber(s, 1, 5, out.week) || s.empty() || s[0] != '.') {
            return false;
        }
        s.remove_prefix(1);
        if (!ParseNumber(s, 0, 6, out.day)) {
            return false;
        }
    } else {
        out.kind = DayKind::kZeroBasedDay;
        if (!ParseNumber(s, 0, 365, out.day)) {
            return false;
        }
    }
    out.time_seconds = 7200;
    if (!s.empty() && s[0] == '/') {
        s.remove_prefix(1);
        return ParseSignedTime(s, out.time_seconds);
    }
    return true;
}

int64_t PosixTzRule::SwitchDayOfYear(int64_t year, const Switch &sw) {
    switch (sw.kind) {
    case DayKind::kJulianNoLeap:
        return sw.day - 1 + (IsLeapYear(year) && sw.day >= 60 ? 1 : 0);
    case DayKind::kZeroBasedDay:
        return sw.day;
    case DayKind::kMonthWeekDay: {
        const int64_t first = DaysFromCivil(year, sw.month, 1);
        int64_t offset = FloorMod(sw.day - WeekdayFromDays(first), 7) + (sw.week - 1) * 7;
        while (offset >= DaysInMonth(year, sw.month)) {
            offset -= 7;
        }
        return first + offset - DaysFromCivil(year, 1, 1);
    }
    }
    return 0;
}

int32_t PosixTzRule::OffsetAt(int64_t utc_seconds) const {
    return InDaylightTime(utc_seconds) ? dst_offset_ : std_offset_;
}

const std::string &PosixTzRule::AbbreviationAt(int64_t utc_seconds) const {
    return InDaylightTime(utc_seconds) ? dst_name_ : std_name_;
}

bool PosixTzRule::InDaylightTime(int64_t utc_seconds) const {
    if (!has_dst_) {
        return false;
    }
    const int64_t year = CivilFromDays(FloorDiv(utc_seconds + std_offset_, kSecondsPerDay)).year;
    const int64_t jan_first = DaysFromCivil(year, 1, 1) * kSecondsPerDay;
    // The start is given in local standard time, the end in local daylight time.
    const int64_t start =
        jan_first + SwitchDayOfYear(year, dst_start_) * kSecondsPerDay + dst_start_.time_seconds - std_offset_;
    const int64_t end =
        jan_first + SwitchDayOfYear(year, dst_end_) * kSecondsPerDay + dst_end_.time_seconds - dst_offset_;
    const int64_t year_seconds = (IsLeapYear(year) ? 366 : 365) * kSecondsPerDay;
    bool in_dst = true; // rules covering the whole year mean permanent daylight time
    if (start < end && end - start < year_seconds) {
        in_dst = utc_seconds >= start && utc_seconds < end;
    } else if (end < start) {
        in_dst = utc_seconds < end || utc_seconds >= start;
    }
    return in_dst;
}

} // namespace duckgres::types
