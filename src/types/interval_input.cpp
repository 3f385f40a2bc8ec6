// PostgreSQL 15 interval_in: postgres-style fields read right to left (DecodeInterval) and ISO 8601.
#include "types/datetime_input.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "types/civil_date.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace duckgres::types {

namespace {

enum class FieldType { kTime, kTz, kDate, kNumber, kString, kSpecial };

struct Field {
    FieldType type;
    std::string text;
};

//! DecodeInterval's outcome codes.
enum class Status { kOk, kBadFormat, kFieldOverflow };

enum Unit : uint32_t {
    kYear = 1 << 0,
    kMonth = 1 << 1,
    kDay = 1 << 2,
    kHour = 1 << 3,
    kMinute = 1 << 4,
    kSecond = 1 << 5,
    kMillisecond = 1 << 6,
    kMicrosecond = 1 << 7,
    kWeek = 1 << 8,
    kDecade = 1 << 9,
    kCentury = 1 << 10,
    kMillennium = 1 << 11,
};
constexpr uint32_t kAllSeconds = kSecond | kMillisecond | kMicrosecond;
constexpr uint32_t kTimeFields = kHour | kMinute | kAllSeconds;
constexpr uint32_t kNoUnit = 0;
constexpr uint32_t kAgo = 1u << 31;

//! PostgreSQL's core date/time keywords (datetktbl): a word running into digits or '+' that is
//! one of these stays a word ("1h30m"); any other becomes part of a date or zone field.
bool IsDateKeyword(const std::string &word) {
    static const char *const kKeywords[] = {
        "-infinity", "ad",     "allballs", "am",       "apr",       "april",    "at",       "aug",      "august",
        "bc",        "d",      "dec",      "december", "dow",       "doy",      "dst",      "epoch",    "feb",
        "february",  "fri",    "friday",   "h",        "infinity",  "isodow",   "isoyear",  "j",        "jan",
        "january",   "jd",     "jul",      "julian",   "july",      "jun",      "june",     "m",        "mar",
        "march",     "may",    "mm",       "mon",      "monday",    "nov",      "november", "now",      "oct",
        "october",   "on",     "pm",       "s",        "sat",       "saturday", "sep",      "sept",     "september",
        "sun",       "sunday", "t",        "thu",      "thur",      "thurs",    "thursday", "today",    "tomorrow",
        "tue",       "tues",   "tuesday",  "wed",      "wednesday", "weds",     "y",        "yesterday"};
    for (const char *keyword : kKeywords) {
        if (word == keyword) {
            return true;
        }
    }
    return false;
}

//! The part of ParseDateTime that interval input uses: splits the input into typed fields.
bool SplitFields(std::string_view s, std::vector<Field> &fields) {
    size_t i = 0;
    const auto at = [&s](size_t k) { return k < s.size() ? s[k] : '\0'; };
    while (i < s.size()) {
        if (IsAsciiSpace(s[i])) {
            i++;
            continue;
        }
        Field field{FieldType::kNumber, ""};
        if (IsAsciiDigit(s[i])) {
            while (IsAsciiDigit(at(i))) {
                field.text += s[i++];
            }
            if (at(i) == ':') {
                field.type = FieldType::kTime;
                while (IsAsciiDigit(at(i)) || at(i) == ':' || at(i) == '.') {
                    field.text += s[i++];
                }
            } else if (at(i) == '-' || at(i) == '/' || at(i) == '.') {
                const char delimiter = s[i];
                field.text += s[i++];
                if (IsAsciiDigit(at(i))) {
                    field.type = delimiter == '.' ? FieldType::kNumber : FieldType::kDate;
                    while (IsAsciiDigit(at(i))) {
                        field.text += s[i++];
                    }
                    if (at(i) == delimiter) {
                        field.type = FieldType::kDate;
                        while (IsAsciiDigit(at(i)) || at(i) == delimiter) {
                            field.text += s[i++];
                        }
                    }
                } else {
                    field.type = FieldType::kDate;
                    while (IsAsciiAlnum(at(i)) || at(i) == delimiter) {
                        field.text += AsciiToLower(s[i++]);
                    }
                }
            }
        } else if (s[i] == '.') {
            field.text += s[i++];
            while (IsAsciiDigit(at(i))) {
                field.text += s[i++];
            }
        } else if (IsAsciiAlpha(s[i])) {
            field.type = FieldType::kString;
            while (IsAsciiAlpha(at(i))) {
                field.text += AsciiToLower(s[i++]);
            }
            // A word running into '-', '/' or '.', or into '+' or digits unless it is a keyword, is a
            // date or zone name, not a unit.
            if (at(i) == '-' || at(i) == '/' || at(i) == '.' ||
                ((at(i) == '+' || IsAsciiDigit(at(i))) && !IsDateKeyword(field.text))) {
                field.type = FieldType::kDate;
                do {
                    field.text += AsciiToLower(s[i++]);
                } while (at(i) == '+' || at(i) == '-' || at(i) == '/' || at(i) == '_' || at(i) == '.' || at(i) == ':' ||
                         IsAsciiAlnum(at(i)));
            }
        } else if (s[i] == '+' || s[i] == '-') {
            field.text += s[i++];
            while (IsAsciiSpace(at(i))) {
                i++;
            }
            if (IsAsciiDigit(at(i))) {
                field.type = FieldType::kTz;
                field.text += s[i++];
                while (IsAsciiDigit(at(i)) || at(i) == ':' || at(i) == '.' || at(i) == '-') {
                    field.text += s[i++];
                }
            } else if (IsAsciiAlpha(at(i))) {
                field.type = FieldType::kSpecial;
                while (IsAsciiAlpha(at(i))) {
                    field.text += AsciiToLower(s[i++]);
                }
            } else {
                return false;
            }
        } else if (IsAsciiPunct(s[i])) {
            i++; // other punctuation only delimits
            continue;
        } else {
            return false;
        }
        fields.push_back(std::move(field));
    }
    return true;
}

//! PostgreSQL's pg_itm_in: the interval being accumulated.
struct IntervalParts {
    int64_t micros = 0;
    int32_t days = 0;
    int32_t months = 0;
    int32_t years = 0;
};

bool AddMicros(IntervalParts &parts, int64_t value, int64_t scale) {
    int64_t product;
    return !__builtin_mul_overflow(value, scale, &product) &&
           !__builtin_add_overflow(parts.micros, product, &parts.micros);
}

//! AdjustFractMicroseconds: frac * scale microseconds, rounding a remaining fraction above one half.
bool AddFractionMicros(IntervalParts &parts, double fraction, int64_t scale) {
    if (fraction == 0) {
        return true;
    }
    fraction *= static_cast<double>(scale);
    auto micros = static_cast<int64_t>(fraction);
    fraction -= static_cast<double>(micros);
    if (fraction > 0.5) {
        micros++;
    } else if (fraction < -0.5) {
        micros--;
    }
    return !__builtin_add_overflow(parts.micros, micros, &parts.micros);
}

//! AdjustFractDays: frac * scale days, the remainder as microseconds.
bool AddFractionDays(IntervalParts &parts, double fraction, int32_t scale) {
    if (fraction == 0) {
        return true;
    }
    fraction *= scale;
    const auto extra = static_cast<int32_t>(fraction);
    if (__builtin_add_overflow(parts.days, extra, &parts.days)) {
        return false;
    }
    return AddFractionMicros(parts, fraction - extra, kMicrosPerDay);
}

bool AddDays(IntervalParts &parts, int64_t value, int32_t scale) {
    int64_t days;
    return !__builtin_mul_overflow(value, int64_t(scale), &days) && days >= std::numeric_limits<int32_t>::min() &&
           days <= std::numeric_limits<int32_t>::max() &&
           !__builtin_add_overflow(parts.days, static_cast<int32_t>(days), &parts.days);
}

bool AddMonths(IntervalParts &parts, int64_t value) {
    return value >= std::numeric_limits<int32_t>::min() && value <= std::numeric_limits<int32_t>::max() &&
           !__builtin_add_overflow(parts.months, static_cast<int32_t>(value), &parts.months);
}

bool AddYears(IntervalParts &parts, int64_t value, int32_t scale) {
    int64_t years;
    return !__builtin_mul_overflow(value, int64_t(scale), &years) && years >= std::numeric_limits<int32_t>::min() &&
           years <= std::numeric_limits<int32_t>::max() &&
           !__builtin_add_overflow(parts.years, static_cast<int32_t>(years), &parts.years);
}

//! AdjustFractYears: rint(frac * scale * 12) months.
bool AddFractionYears(IntervalParts &parts, double fraction, int32_t scale) {
    const auto months = static_cast<int32_t>(std::nearbyint(fraction * scale * 12));
    return !__builtin_add_overflow(parts.months, months, &parts.months);
}

//! strtol into an int32 as PostgreSQL's strtoint; sets `end` past the digits.
bool StrToInt(const char *text, const char **end, int32_t &value) {
    char *stop = nullptr;
    errno = 0;
    const long v = std::strtol(text, &stop, 10);
    *end = stop;
    if (errno == ERANGE || v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) {
        return false;
    }
    value = static_cast<int32_t>(v);
    return true;
}

//! ParseFraction: ".ddd" (or a lone ".") to a double.
Status ParseFraction(const char *text, double &fraction) {
    if (text[1] == '\0') {
        fraction = 0;
        return Status::kOk;
    }
    char *end = nullptr;
    errno = 0;
    fraction = std::strtod(text, &end);
    return (*end != '\0' || errno != 0) ? Status::kBadFormat : Status::kOk;
}

//! DecodeTimeForInterval: "h:m", "h:m:s[.f]" or "m:s.f" into microseconds.
Status DecodeTime(const char *text, int64_t &micros) {
    char *end = nullptr;
    errno = 0;
    const long long hours_value = std::strtoll(text, &end, 10);
    if (errno == ERANGE || *end != ':') {
        return errno == ERANGE ? Status::kFieldOverflow : Status::kBadFormat;
    }
    int64_t hours = hours_value;
    int32_t minutes = 0;
    int32_t seconds = 0;
    int64_t fraction_micros = 0;
    const char *cp = nullptr;
    if (!StrToInt(end + 1, &cp, minutes)) {
        return Status::kFieldOverflow;
    }
    if (*cp == '\0') {
        seconds = 0;
    } else if (*cp == '.') { // mm:ss.fff
        double fraction;
        if (ParseFraction(cp, fraction) != Status::kOk) {
            return Status::kBadFormat;
        }
        fraction_micros = static_cast<int64_t>(std::nearbyint(fraction * 1e6));
        seconds = minutes;
        if (hours > std::numeric_limits<int32_t>::max() || hours < std::numeric_limits<int32_t>::min()) {
            return Status::kFieldOverflow;
        }
        minutes = static_cast<int32_t>(hours);
        hours = 0;
    } else if (*cp == ':') {
        if (!StrToInt(cp + 1, &cp, seconds)) {
            return Status::kFieldOverflow;
        }
        if (*cp == '.') {
            double fraction;
            if (ParseFraction(cp, fraction) != Status::kOk) {
                return Status::kBadFormat;
            }
            fraction_micros = static_cast<int64_t>(std::nearbyint(fraction * 1e6));
        } else if (*cp != '\0') {
            return Status::kBadFormat;
        }
    } else {
        return Status::kBadFormat;
    }
    if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60 || fraction_micros < 0 ||
        fraction_micros > kMicrosPerSecond) {
        return Status::kFieldOverflow;
    }
    micros = fraction_micros;
    int64_t part;
    if (__builtin_mul_overflow(hours, kMicrosPerHour, &part) || __builtin_add_overflow(micros, part, &micros) ||
        __builtin_add_overflow(micros, int64_t(minutes) * kMicrosPerMinute, &micros) ||
        __builtin_add_overflow(micros, int64_t(seconds) * kMicrosPerSecond, &micros)) {
        return Status::kFieldOverflow;
    }
    return Status::kOk;
}

uint32_t DecodeUnitWord(const std::string &word) {
    // PostgreSQL compares at most TOKMAXLEN (10) characters.
    const std::string key = word.substr(0, 10);
    struct Entry {
        const char *name;
        uint32_t unit;
    };
    static const Entry kUnits[] = {
        {"ago", kAgo},
        {"c", kCentury},
        {"cent", kCentury},
        {"centuries", kCentury},
        {"century", kCentury},
        {"d", kDay},
        {"day", kDay},
        {"days", kDay},
        {"dec", kDecade},
        {"decade", kDecade},
        {"decades", kDecade},
        {"decs", kDecade},
        {"h", kHour},
        {"hour", kHour},
        {"hours", kHour},
        {"hr", kHour},
        {"hrs", kHour},
        {"m", kMinute},
        {"microsecon", kMicrosecond},
        {"mil", kMillennium},
        {"millennia", kMillennium},
        {"millennium", kMillennium},
        {"millisecon", kMillisecond},
        {"mils", kMillennium},
        {"min", kMinute},
        {"mins", kMinute},
        {"minute", kMinute},
        {"minutes", kMinute},
        {"mon", kMonth},
        {"mons", kMonth},
        {"month", kMonth},
        {"months", kMonth},
        {"ms", kMillisecond},
        {"msec", kMillisecond},
        {"msecond", kMillisecond},
        {"mseconds", kMillisecond},
        {"msecs", kMillisecond},
        {"s", kSecond},
        {"sec", kSecond},
        {"second", kSecond},
        {"seconds", kSecond},
        {"secs", kSecond},
        {"us", kMicrosecond},
        {"usec", kMicrosecond},
        {"usecond", kMicrosecond},
        {"useconds", kMicrosecond},
        {"usecs", kMicrosecond},
        {"w", kWeek},
        {"week", kWeek},
        {"weeks", kWeek},
        {"y", kYear},
        {"year", kYear},
        {"years", kYear},
        {"yr", kYear},
        {"yrs", kYear},
    };
    for (const Entry &entry : kUnits) {
        if (key == entry.name) {
            return entry.unit;
        }
    }
    return kNoUnit;
}

//! Applies one number to the unit `type` (DecodeInterval's inner switch); sets the field mask bit.
Status ApplyNumber(IntervalParts &parts, uint32_t type, int64_t value, double fraction, uint32_t &mask) {
    bool ok = true;
    switch (type) {
    case kMicrosecond:
        ok = AddMicros(parts, value, 1) && AddFractionMicros(parts, fraction, 1);
        mask = kMicrosecond;
        break;
    case kMillisecond:
        ok = AddMicros(parts, value, 1000) && AddFractionMicros(parts, fraction, 1000);
        mask = kMillisecond;
        break;
    case kSecond:
        ok = AddMicros(parts, value, kMicrosPerSecond) && AddFractionMicros(parts, fraction, kMicrosPerSecond);
        mask = fraction == 0 ? kSecond : kAllSeconds;
        break;
    case kMinute:
        ok = AddMicros(parts, value, kMicrosPerMinute) && AddFractionMicros(parts, fraction, kMicrosPerMinute);
        mask = kMinute;
        break;
    case kHour:
        ok = AddMicros(parts, value, kMicrosPerHour) && AddFractionMicros(parts, fraction, kMicrosPerHour);
        mask = kHour;
        break;
    case kDay:
        ok = AddDays(parts, value, 1) && AddFractionMicros(parts, fraction, kMicrosPerDay);
        mask = kDay;
        break;
    case kWeek:
        ok = AddDays(parts, value, 7) && AddFractionDays(parts, fraction, 7);
        mask = kWeek;
        break;
    case kMonth:
        ok = AddMonths(parts, value) && AddFractionDays(parts, fraction, 30);
        mask = kMonth;
        break;
    case kYear:
        ok = AddYears(parts, value, 1) && AddFractionYears(parts, fraction, 1);
        mask = kYear;
        break;
    case kDecade:
        ok = AddYears(parts, value, 10) && AddFractionYears(parts, fraction, 10);
        mask = kDecade;
        break;
    case kCentury:
        ok = AddYears(parts, value, 100) && AddFractionYears(parts, fraction, 100);
        mask = kCentury;
        break;
    case kMillennium:
        ok = AddYears(parts, value, 1000) && AddFractionYears(parts, fraction, 1000);
        mask = kMillennium;
        break;
    default:
        return Status::kBadFormat;
    }
    return ok ? Status::kOk : Status::kFieldOverflow;
}

//! DecodeInterval with IntervalStyle postgres and no typmod: fields are read right to left, so a
//! unit word applies to the number before it; a bare rightmost number is seconds, and a number
//! before a time field is days.
Status DecodeInterval(const std::vector<Field> &fields, IntervalParts &parts) {
    uint32_t type = kNoUnit;
    uint32_t field_mask = 0;
    bool is_before = false;
    for (size_t n = fields.size(); n-- > 0;) {
        const Field &field = fields[n];
        uint32_t mask = 0;
        switch (field.type) {
        case FieldType::kTime: {
            int64_t micros;
            const Status status = DecodeTime(field.text.c_str(), micros);
            if (status != Status::kOk) {
                return status;
            }
            parts.micros = micros;
            mask = kTimeFields;
            type = kDay;
            break;
        }
        case FieldType::kTz:
            if (field.text.find(':', 1) != std::string::npos) {
                int64_t micros;
                if (DecodeTime(field.text.c_str() + 1, micros) == Status::kOk) {
                    parts.micros = field.text[0] == '-' ? -micros : micros;
                    mask = kTimeFields;
                    type = kDay;
                    break;
                }
            }
            [[fallthrough]];
        case FieldType::kDate:
        case FieldType::kNumber: {
            if (type == kNoUnit) {
                type = kSecond;
            }
            const char *cp = nullptr;
            int32_t value;
            if (!StrToInt(field.text.c_str(), &cp, value)) {
                return Status::kFieldOverflow;
            }
            double fraction = 0;
            int64_t whole = value;
            if (*cp == '-') { // SQL "years-months"
                int32_t months;
                if (!StrToInt(cp + 1, &cp, months) || months < 0 || months >= 12) {
                    return Status::kFieldOverflow;
                }
                if (*cp != '\0') {
                    return Status::kBadFormat;
                }
                type = kMonth;
                whole = int64_t(value) * 12 + (field.text[0] == '-' ? -months : months);
                if (whole < std::numeric_limits<int32_t>::min() || whole > std::numeric_limits<int32_t>::max()) {
                    return Status::kFieldOverflow;
                }
            } else if (*cp == '.') {
                if (ParseFraction(cp, fraction) != Status::kOk) {
                    return Status::kBadFormat;
                }
                if (field.text[0] == '-') {
                    fraction = -fraction;
                }
            } else if (*cp != '\0') {
                return Status::kBadFormat;
            }
            const Status status = ApplyNumber(parts, type, whole, fraction, mask);
            if (status != Status::kOk) {
                return status;
            }
            if (type == kHour) {
                type = kDay; // a number before "N hours" without a unit is days
            }
            break;
        }
        case FieldType::kString:
        case FieldType::kSpecial: {
            const uint32_t unit = DecodeUnitWord(field.text);
            if (unit == kAgo) {
                is_before = true;
                type = kAgo; // a number right before "ago" has no unit: rejected
            } else if (unit != kNoUnit) {
                type = unit;
            } else if (field.text == "at" || field.text == "on") {
                continue; // ignored words
            } else {
                return Status::kBadFormat;
            }
            break;
        }
        }
        if (mask & field_mask) {
            return Status::kBadFormat;
        }
        field_mask |= mask;
    }
    if (field_mask == 0) {
        return Status::kBadFormat;
    }
    if (is_before) {
        if (parts.micros == std::numeric_limits<int64_t>::min() || parts.days == std::numeric_limits<int32_t>::min() ||
            parts.months == std::numeric_limits<int32_t>::min() || parts.years == std::numeric_limits<int32_t>::min()) {
            return Status::kFieldOverflow;
        }
        parts.micros = -parts.micros;
        parts.days = -parts.days;
        parts.months = -parts.months;
        parts.years = -parts.years;
    }
    return Status::kOk;
}

//! ParseISO8601Number: a number with optional fraction and exponent, split into integer and fraction.
Status ParseIsoNumber(const char *&text, int64_t &value, double &fraction) {
    if (!(IsAsciiDigit(*text) || *text == '-' || *text == '.')) {
        return Status::kBadFormat;
    }
    char *end = nullptr;
    errno = 0;
    const double v = std::strtod(text, &end);
    if (end == text || errno != 0) {
        return Status::kBadFormat;
    }
    if (std::isnan(v) || v < -1.0e15 || v > 1.0e15) {
        return Status::kFieldOverflow;
    }
    value = v >= 0 ? static_cast<int64_t>(std::floor(v)) : -static_cast<int64_t>(std::floor(-v));
    fraction = v - static_cast<double>(value);
    text = end;
    return Status::kOk;
}

//! DecodeISO8601Interval, designator format only: P[nY][nM][nW][nD][T[nH][nM][nS]].
Status DecodeIsoInterval(const std::string &text, IntervalParts &parts) {
    if (text.size() < 2 || text[0] != 'P') {
        return Status::kBadFormat;
    }
    const char *p = text.c_str() + 1;
    bool date_part = true;
    while (*p) {
        if (*p == 'T') {
            date_part = false;
            p++;
            continue;
        }
        int64_t value;
        double fraction;
        const Status status = ParseIsoNumber(p, value, fraction);
        if (status != Status::kOk) {
            return status;
        }
        const char unit = *p;
        if (unit == '\0') {
            return Status::kBadFormat;
        }
        p++;
        bool ok;
        if (date_part) {
            switch (unit) {
            case 'Y':
                ok = AddYears(parts, value, 1) && AddFractionYears(parts, fraction, 1);
                break;
            case 'M':
                ok = AddMonths(parts, value) && AddFractionDays(parts, fraction, 30);
                break;
            case 'W':
                ok = AddDays(parts, value, 7) && AddFractionDays(parts, fraction, 7);
                break;
            case 'D':
                ok = AddDays(parts, value, 1) && AddFractionMicros(parts, fraction, kMicrosPerDay);
                break;
            default:
                return Status::kBadFormat;
            }
        } else {
            switch (unit) {
            case 'H':
                ok = AddMicros(parts, value, kMicrosPerHour) && AddFractionMicros(parts, fraction, kMicrosPerHour);
                break;
            case 'M':
                ok = AddMicros(parts, value, kMicrosPerMinute) && AddFractionMicros(parts, fraction, kMicrosPerMinute);
                break;
            case 'S':
                ok = AddMicros(parts, value, kMicrosPerSecond) && AddFractionMicros(parts, fraction, kMicrosPerSecond);
                break;
            default:
                return Status::kBadFormat;
            }
        }
        if (!ok) {
            return Status::kFieldOverflow;
        }
    }
    return Status::kOk;
}

} // namespace

duckdb_interval ParseIntervalText(std::string_view text) {
    const std::string input(text);
    std::vector<Field> fields;
    IntervalParts parts;
    Status status = Status::kBadFormat;
    if (SplitFields(text, fields)) {
        status = DecodeInterval(fields, parts);
    }
    if (status == Status::kBadFormat) {
        parts = IntervalParts();
        status = DecodeIsoInterval(input, parts);
    }
    if (status == Status::kBadFormat) {
        throw SqlError("22007", "invalid input syntax for type interval: \"" + input + "\"");
    }
    if (status == Status::kFieldOverflow) {
        throw SqlError("22015", "interval field value out of range: \"" + input + "\"");
    }
    duckdb_interval result;
    int64_t months;
    if (__builtin_mul_overflow(int64_t(parts.years), int64_t(12), &months) ||
        __builtin_add_overflow(months, int64_t(parts.months), &months) ||
        months < std::numeric_limits<int32_t>::min() || months > std::numeric_limits<int32_t>::max()) {
        throw SqlError("22008", "interval out of range");
    }
    result.months = static_cast<int32_t>(months);
    result.days = parts.days;
    result.micros = parts.micros;
    return result;
}

} // namespace duckgres::types
