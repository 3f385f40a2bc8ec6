// PosixTzRule: a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3"), as in TZif footers and TimeZone names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

class PosixTzRule {
public:
    //! nullopt when `spec` is not valid POSIX TZ syntax (PostgreSQL's dialect: the standard-time
    //! abbreviation may be empty, a DST zone without rules gets the US rules ",M3.2.0,M11.1.0").
    static std::optional<PosixTzRule> Parse(std::string_view spec);
    //! A rule without daylight saving time, `offset_seconds` east of UTC, its time called `abbreviation`.
    static PosixTzRule Fixed(int32_t offset_seconds, std::string abbreviation);

    //! Offset from UTC in seconds (east positive) at the UTC instant `utc_seconds`.
    int32_t OffsetAt(int64_t utc_seconds) const;
    //! The abbreviation of the local time at `utc_seconds` ("CET", "CEST", "+0530"); may be empty.
    const std::string &AbbreviationAt(int64_t utc_seconds) const;

private:
    enum class DayKind { kJulianNoLeap, kZeroBasedDay, kMonthWeekDay };
    struct Switch {
        DayKind kind = DayKind::kMonthWeekDay;
        int32_t day = 0; //!< Jn: 1..365, n: 0..365, Mm.w.d: weekday 0..6
        int32_t week = 1;
        int32_t month = 1;
        int32_t time_seconds = 7200; //!< local wall-clock time of the switch
    };

    bool InDaylightTime(int64_t utc_seconds) const;
    static bool ParseSwitch(std::string_view &s, Switch &out);
    static int64_t SwitchDayOfYear(int64_t year, const Switch &sw);

    std::string std_name_; //!< abbreviations of standard and daylight time
    std::string dst_name_;
    int32_t std_offset_ = 0; //!< east positive
    int32_t dst_offset_ = 0;
    bool has_dst_ = false;
    Switch dst_start_;
    Switch dst_end_;
};

} // namespace duckgres::types
