// PostgreSQL 15 text input of dates, times and timestamps (ISO, numeric in DateStyle's order, month names, day of the
// year, runs of digits) with time zones and special values.
#include "types/datetime_input.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "types/civil_date.hpp"
#include "types/time_zone.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace duckgres::types {

namespace {

enum class Target { kDate, kTime, kTimeTz, kTimestamp, kTimestampTz };

const char *TypeName(Target target) {
    switch (target) {
    case Target::kDate:
        return "date";
    case Target::kTime:
        return "time";
    case Target::kTimeTz:
        return "time with time zone";
    case Target::kTimestamp:
        return "timestamp";
    default:
        return "timestamp with time zone";
    }
}

//! PostgreSQL's default time zone abbreviations (share/timezonesets/Default) and their offsets
//! east of UTC in seconds, as pg_timezone_abbrevs reports them today.
struct Abbreviation {
    const char *name;
    int32_t offset;
};
constexpr Abbreviation kAbbreviations[] = {
    {"acdt", 37800},  {"acsst", 37800},  {"acst", 34200},  {"act", -18000},  {"acwst", 31500}, {"adt", -10800},
    {"aedt", 39600},  {"aesst", 39600},  {"aest", 36000},  {"aft", 16200},   {"akdt", -28800}, {"akst", -32400},
    {"almst", 25200}, {"almt", 21600},   {"amst", 14400},  {"amt", -14400},  {"anast", 43200}, {"anat", 43200},
    {"arst", -10800}, {"art", -10800},   {"ast", -14400},  {"awsst", 32400}, {"awst", 28800},  {"azost", 0},
    {"azot", -3600},  {"azst", 14400},   {"azt", 14400},   {"bdst", 7200},   {"bdt", 21600},   {"bnt", 28800},
    {"bort", 28800},  {"bot", -14400},   {"bra", -10800},  {"brst", -7200},  {"brt", -10800},  {"bst", 3600},
    {"btt", 21600},   {"cadt", 37800},   {"cast", 34200},  {"cct", 28800},   {"cdt", -18000},  {"cest", 7200},
    {"cet", 3600},    {"cetdst", 7200},  {"chadt", 49500}, {"chast", 45900}, {"chut", 36000},  {"ckt", -36000},
    {"clst", -10800}, {"clt", -10800},   {"cot", -18000},  {"cst", -21600},  {"cxt", 25200},   {"davt", 25200},
    {"ddut", 36000},  {"easst", -18000}, {"east", -18000}, {"eat", 10800},   {"edt", -14400},  {"eest", 10800},
    {"eet", 7200},    {"eetdst", 10800}, {"egst", 0},      {"egt", -3600},   {"est", -18000},  {"fet", 10800},
    {"fjst", 46800},  {"fjt", 43200},    {"fkst", -10800}, {"fkt", -10800},  {"fnst", -3600},  {"fnt", -7200},
    {"galt", -21600}, {"gamt", -32400},  {"gest", 14400},  {"get", 14400},   {"gft", -10800},  {"gilt", 43200},
    {"gmt", 0},       {"gyt", -14400},   {"hkt", 28800},   {"hst", -36000},  {"ict", 25200},   {"idt", 10800},
    {"iot", 21600},   {"irkst", 28800},  {"irkt", 28800},  {"irt", 12600},   {"ist", 7200},    {"jayt", 32400},
    {"jst", 32400},   {"kdt", 36000},    {"kgst", 21600},  {"kgt", 21600},   {"kost", 39600},  {"krast", 25200},
    {"krat", 25200},  {"kst", 32400},    {"lhdt", 39600},  {"lhst", 37800},  {"ligt", 36000},  {"lint", 50400},
    {"lkt", 19800},   {"magst", 39600},  {"magt", 39600},  {"mart", -34200}, {"mawt", 18000},  {"mdt", -21600},
    {"mest", 7200},   {"mesz", 7200},    {"met", 3600},    {"metdst", 7200}, {"mez", 3600},    {"mht", 43200},
    {"mmt", 23400},   {"mpt", 36000},    {"msd", 14400},   {"msk", 10800},   {"mst", -25200},  {"must", 18000},
    {"mut", 14400},   {"mvt", 18000},    {"myt", 28800},   {"ndt", -9000},   {"nft", -12600},  {"novst", 25200},
    {"novt", 25200},  {"npt", 20700},    {"nst", -12600},  {"nut", -39600},  {"nzdt", 46800},  {"nzst", 43200},
    {"nzt", 43200},   {"omsst", 21600},  {"omst", 21600},  {"pdt", -25200},  {"pet", -18000},  {"petst", 43200},
    {"pett", 43200},  {"pgt", 36000},    {"pht", 28800},   {"pkst", 21600},  {"pkt", 18000},   {"pmdt", -7200},
    {"pmst", -10800}, {"pont", 39600},   {"pst", -28800},  {"pwt", 32400},   {"pyst", -10800}, {"pyt", -10800},
    {"ret", 14400},   {"sadt", 37800},   {"sast", 7200},   {"sct", 14400},   {"sgt", 28800},   {"taht", -36000},
    {"tft", 18000},   {"tjt", 18000},    {"tkt", 46800},   {"tmt", 18000},   {"tot", 46800},   {"trut", 36000},
    {"tvt", 43200},   {"uct", 0},        {"ulast", 32400}, {"ulat", 28800},  {"ut", 0},        {"utc", 0},
    {"uyst", -7200},  {"uyt", -10800},   {"uzst", 21600},  {"uzt", 18000},   {"vet", -14400},  {"vlast", 36000},
    {"vlat", 36000},  {"volt", 10800},   {"vut", 39600},   {"wadt", 28800},  {"wakt", 43200},  {"wast", 25200},
    {"wat", 3600},    {"wdt", 32400},    {"wet", 0},       {"wetdst", 3600}, {"wft", 43200},   {"wgst", -7200},
    {"wgt", -10800},  {"xjt", 21600},    {"yakst", 32400}, {"yakt", 32400},  {"yapt", 36000},  {"yekst", 21600},
    {"yekt", 18000},  {"z", 0},          {"zulu", 0},
};

int64_t NowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

//! Days since 1970 of "today" in `zone`.
int64_t TodayIn(const TimeZone *zone) {
    const int64_t now_seconds = FloorDiv(NowMicros(), kMicrosPerSecond);
    const int32_t offset = zone ? zone->OffsetAt(now_seconds) : 0;
    return FloorDiv(now_seconds + offset, kSecondsPerDay);
}

//! The fields of one date/time input, before they are combined for the target type.
struct DateTimeFields {
    enum class Special { kNone, kInfinity, kNegativeInfinity, kEpoch, kNow };
    Special special = Special::kNone;
    bool has_date = false;
    int64_t year = 0; //!< astronomical after BC is applied
    int32_t month = 0;
    int32_t day = 0;
    int32_t day_shift = 0; //!< today/tomorrow/yesterday: relative to today
    bool relative_day = false;
    bool has_time = false;
    int64_t time_micros = 0;
    bool has_zone = false;
    int32_t offset = 0; //!< east of UTC, when has_zone and no named zone
    std::shared_ptr<const TimeZone> named_zone;
};

class DateTimeParser {
public:
    DateTimeParser(std::string_view text, Target target, DateOrder order = DateOrder::kMdy)
        : text_(text), target_(target), order_(order) {}

    DateTimeFields Parse() {
        std::string_view s = text_;
        while (!s.empty() && IsAsciiSpace(s.front())) {
            s.remove_prefix(1);
        }
        while (!s.empty() && IsAsciiSpace(s.back())) {
            s.remove_suffix(1);
        }
        s_ = s;
        if (ParseSpecialWord()) {
            return fields_;
        }
        ParseTokens();
        Finish();
        return fields_;
    }

    [[noreturn]] void Syntax() const {
        throw SqlError("22007", std::string("invalid input syntax for type ") + TypeName(target_) + ": \"" +
                                    std::string(text_) + "\"");
    }
    [[noreturn]] void FieldOverflow() const {
        throw SqlError("22008", "date/time field value out of range: \"" + std::string(text_) + "\"");
    }
    [[noreturn]] void ZoneOverflow() const {
        throw SqlError("22009", "time zone displacement out of range: \"" + std::string(text_) + "\"");
    }

private:
    using Special = DateTimeFields::Special;

    bool ParseSpecialWord() {
        std::string word;
        for (char c : s_) {
            word += AsciiToLower(c);
        }
        const bool timestamp_like =
            target_ == Target::kDate || target_ == Target::kTimestamp || target_ == Target::kTimestampTz;
        if (timestamp_like && (word == "infinity" || word == "+infinity")) {
            fields_.special = Special::kInfinity;
        } else if (timestamp_like && word == "-infinity") {
            fields_.special = Special::kNegativeInfinity;
        } else if (timestamp_like && word == "epoch") {
            fields_.special = Special::kEpoch;
        } else if (word == "now") {
            fields_.special = Special::kNow;
        } else if (!timestamp_like && word == "allballs") {
            fields_.has_time = true;
            fields_.has_zone = true; // 00:00:00 UTC
        } else {
            return false;
        }
        return true;
    }

    bool AtEnd() const { return pos_ >= s_.size(); }
    char Peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }

    //! Reads a run of digits; returns them (empty when none).
    std::string_view Digits() {
        const size_t start = pos_;
        while (!AtEnd() && IsAsciiDigit(s_[pos_])) {
            pos_++;
        }
        return s_.substr(start, pos_ - start);
    }

    static int64_t ToNumber(std::string_view digits) {
        int64_t v = 0;
        for (char c : digits) {
            v = v * 10 + (c - '0');
            if (v > 1000000000000LL) {
                return v; // far beyond any valid field; reported as out of range
            }
        }
        return v;
    }

    //! Which date fields a date/time input has given (PostgreSQL's field mask); a day of the year sets all three.
    enum DateField : uint8_t { kYear = 1, kMonth = 2, kDay = 4, kDayOfYear = 8, kWholeDate = kYear | kMonth | kDay };

    //! The date fields have all been given, or this input is of a time type (whose numbers are times first).
    bool DateDone() const {
        return (date_mask_ & kWholeDate) == kWholeDate || target_ == Target::kTime || target_ == Target::kTimeTz;
    }

    void SetDateField(DateField field, int64_t value) {
        if (date_mask_ & field) {
            Syntax();
        }
        date_mask_ |= field;
        switch (field) {
        case kYear:
            fields_.year = value;
            break;
        case kMonth:
            fields_.month = static_cast<int32_t>(value);
            break;
        default:
            fields_.day = static_cast<int32_t>(value);
            break;
        }
    }

    void ParseTokens() {
        bool seen_era = false;
        bool bc = false;
        bool seen_ampm = false;
        bool pm = false;
        while (true) {
            while (!AtEnd() && (IsAsciiSpace(s_[pos_]) || s_[pos_] == ',')) {
                pos_++;
            }
            if (AtEnd()) {
                break;
            }
            const char c = s_[pos_];
            if (IsAsciiDigit(c)) {
                ParseNumberToken();
            } else if ((c == '+' || c == '-') && (fields_.has_time || date_mask_ != 0)) {
                ParseNumericZone();
            } else if (IsAsciiAlpha(c)) {
                const size_t start = pos_;
                while (!AtEnd() && IsAsciiAlpha(s_[pos_])) {
                    pos_++;
                }
                const std::string word = Lower(s_.substr(start, pos_ - start));
                // A word run into more: a date with a month name (Jan-08-1999) or a zone name (America/New_York).
                if (!AtEnd() && (s_[pos_] == '-' || s_[pos_] == '/' || s_[pos_] == '.' || s_[pos_] == '_' ||
                                 ((s_[pos_] == '+' || IsAsciiDigit(s_[pos_])) && !IsKeyword(word)))) {
                    while (!AtEnd() && (IsAsciiAlnum(s_[pos_]) ||
                                        std::string_view("+-/_.:").find(s_[pos_]) != std::string_view::npos)) {
                        pos_++;
                    }
                    const std::string_view token = s_.substr(start, pos_ - start);
                    if (MonthNumber(word) != 0 && (date_mask_ & kWholeDate) != kWholeDate) {
                        DecodeDate(token);
                    } else {
                        ParseZoneName(Lower(token));
                    }
                    continue;
                }
                if (word == "bc" || word == "ad") {
                    if (seen_era) {
                        Syntax();
                    }
                    seen_era = true;
                    bc = word == "bc";
                } else if (word == "am" || word == "pm") {
                    if (seen_ampm) {
                        Syntax();
                    }
                    seen_ampm = true;
                    pm = word == "pm";
                } else if (date_mask_ == 0 && !fields_.has_time &&
                           (word == "today" || word == "tomorrow" || word == "yesterday")) {
                    fields_.relative_day = true;
                    fields_.day_shift = word == "today" ? 0 : (word == "tomorrow" ? 1 : -1);
                    date_mask_ = kWholeDate;
                } else if (word == "t" && IsAsciiDigit(Peek()) && date_mask_ != 0 && !fields_.has_time) {
                    continue; // "2024-01-31 T13:45"
                } else if (const int32_t month = MonthNumber(word); month != 0) {
                    SetTextMonth(month);
                } else if (IsIgnoredWord(word)) {
                    continue;
                } else {
                    ParseZoneName(word);
                }
            } else {
                Syntax();
            }
        }
        if (seen_ampm) {
            if (!fields_.has_time || hour_for_ampm_ < 0) {
                Syntax();
            }
            if (hour_for_ampm_ > 12) {
                FieldOverflow();
            }
            const int64_t hour = hour_for_ampm_ % 12 + (pm ? 12 : 0);
            fields_.time_micros += (hour - hour_for_ampm_) * kMicrosPerHour;
        }
        if (seen_era && !(date_mask_ & kYear)) {
            Syntax();
        }
        ValidateDate(seen_era && bc);
    }

    static std::string Lower(std::string_view text) {
        std::string lower;
        for (char ch : text) {
            lower += AsciiToLower(ch);
        }
        return lower;
    }

    //! 1..12 for PostgreSQL's month names and abbreviations, else 0.
    static int32_t MonthNumber(const std::string &word) {
        constexpr const char *kMonths[][2] = {{"jan", "january"}, {"feb", "february"}, {"mar", "march"},
                                              {"apr", "april"},   {"may", "may"},      {"jun", "june"},
                                              {"jul", "july"},    {"aug", "august"},   {"sep", "september"},
                                              {"oct", "october"}, {"nov", "november"}, {"dec", "december"}};
        for (int32_t i = 0; i < 12; i++) {
            if (word == kMonths[i][0] || word == kMonths[i][1] || (i == 8 && word == "sept")) {
                return i + 1;
            }
        }
        return 0;
    }

    //! Day names and the noise words "at" and "on": read and ignored, as PostgreSQL does.
    static bool IsIgnoredWord(const std::string &word) {
        constexpr const char *kWords[] = {"sun",    "sunday",    "mon",      "monday", "tue",   "tues",     "tuesday",
                                          "wed",    "wednesday", "thu",      "thur",   "thurs", "thursday", "fri",
                                          "friday", "sat",       "saturday", "at",     "on"};
        return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
    }

    //! A word that is never the start of a zone name run into digits ("t13:45" is 't' then a time).
    static bool IsKeyword(const std::string &word) {
        return word == "t" || word == "bc" || word == "ad" || word == "am" || word == "pm" || MonthNumber(word) != 0 ||
               IsIgnoredWord(word);
    }

    //! A month name. After a lone numeric month (MDY "8 January"), that number was the day.
    void SetTextMonth(int32_t month) {
        if ((date_mask_ & kMonth) && !text_month_ && !(date_mask_ & kDay) && fields_.month >= 1 &&
            fields_.month <= 31) {
            fields_.day = fields_.month;
            date_mask_ = (date_mask_ & ~kMonth) | kDay;
        }
        SetDateField(kMonth, month);
        text_month_ = true;
    }

    //! A token starting with a digit: a time (13:45), a date (2024-01-31, 31/01/2024, 08-Jan-1999, 1999.008), a run
    //! of digits (20240131, 040506, 040506.789) or one date field ('8' of "January 8, 1999").
    void ParseNumberToken() {
        const size_t start = pos_;
        const std::string_view digits = Digits();
        if (Peek() == ':') {
            if (fields_.has_time) {
                Syntax();
            }
            pos_ = start;
            hour_for_ampm_ = ParseTime();
            ParseAttachedZone();
            return;
        }
        const char delimiter = Peek();
        if ((delimiter == '-' || delimiter == '/' || delimiter == '.') && IsAsciiAlnum(Peek(1))) {
            pos_++;
            // A numeric date takes digits and the delimiter only (2024-01-31T13:45); one with a month name letters too.
            const bool numeric = IsAsciiDigit(Peek());
            if (numeric) {
                const std::string_view second = Digits();
                if (delimiter == '.' && Peek() != '.') { // a number with a fraction: 1999.008 or 040506.789
                    if ((date_mask_ & kWholeDate) == 0 && !DateDone()) {
                        DecodeDate(s_.substr(start, pos_ - start));
                    } else if (digits.size() > 2) {
                        DecodeNumberField(digits, second);
                    } else {
                        Syntax();
                    }
                    return;
                }
            }
            while (!AtEnd() && ((numeric ? IsAsciiDigit(s_[pos_]) : IsAsciiAlnum(s_[pos_])) || s_[pos_] == delimiter)) {
                pos_++;
            }
            if ((date_mask_ & kWholeDate) == kWholeDate) {
                Syntax();
            }
            DecodeDate(s_.substr(start, pos_ - start));
            return;
        }
        if (digits.size() >= 6 && ((date_mask_ & kWholeDate) != kWholeDate || !fields_.has_time)) {
            DecodeNumberField(digits, {});
        } else {
            DecodeNumber(digits);
        }
    }

    //! PostgreSQL's DecodeDate: the parts of one date token, its month name first, then its numbers in order. A time
    //! type takes a date only as its first token.
    void DecodeDate(std::string_view token) {
        if ((target_ == Target::kTime || target_ == Target::kTimeTz) && token.data() != s_.data()) {
            Syntax();
        }
        std::vector<std::string_view> numbers;
        size_t i = 0;
        while (i < token.size()) {
            while (i < token.size() && !IsAsciiAlnum(token[i])) {
                i++;
            }
            const size_t begin = i;
            const bool digit = i < token.size() && IsAsciiDigit(token[i]);
            while (i < token.size() && (digit ? IsAsciiDigit(token[i]) : IsAsciiAlpha(token[i]))) {
                i++;
            }
            if (begin == i) {
                Syntax();
            }
            const std::string_view part = token.substr(begin, i - begin);
            if (digit) {
                numbers.push_back(part);
            } else if (const int32_t month = MonthNumber(Lower(part)); month != 0) {
                SetDateField(kMonth, month);
                text_month_ = true;
            } else if (!IsIgnoredWord(Lower(part))) {
                Syntax();
            }
        }
        for (const std::string_view number : numbers) {
            DecodeDateNumber(number);
        }
    }

    //! A lone number: a date field, or a time once the date is whole.
    void DecodeNumber(std::string_view digits) {
        if (DateDone()) {
            DecodeNumberField(digits, {});
            return;
        }
        DecodeDateNumber(digits);
    }

    //! PostgreSQL's DecodeNumber for a date field: which field a number is follows from the fields already given,
    //! the digit count (3 or more: a year) and DateStyle's order.
    void DecodeDateNumber(std::string_view digits) {
        const int64_t value = ToNumber(digits);
        const size_t length = digits.size();
        const bool year_first = length >= 3 || order_ == DateOrder::kYmd;
        DateField field;
        switch (date_mask_ & kWholeDate) {
        case 0:
            field = year_first ? kYear : (order_ == DateOrder::kDmy ? kDay : kMonth);
            break;
        case kYear:
            if (length == 3 && value >= 1 && value <= 366) { // 1999.008: day of the year
                date_mask_ |= kMonth | kDay | kDayOfYear;
                day_of_year_ = static_cast<int32_t>(value);
                return;
            }
            field = kMonth;
            break;
        case kMonth:
            field = text_month_ && year_first ? kYear : kDay;
            break;
        case kYear | kMonth:
            if (text_month_ && length >= 3 && two_digit_year_) { // 08-Jan-1999 in YMD: the first number was the day
                fields_.day = static_cast<int32_t>(fields_.year);
                date_mask_ |= kDay;
                fields_.year = value;
                two_digit_year_ = false;
                return;
            }
            field = kDay;
            break;
        case kDay:
            field = kMonth;
            break;
        case kMonth | kDay:
            field = kYear;
            break;
        default:
            Syntax();
        }
        SetDateField(field, value);
        if (field == kYear) {
            two_digit_year_ = length <= 2;
        }
    }

    //! PostgreSQL's DecodeNumberField: a run of digits as YYYYMMDD / YYMMDD (no whole date yet) or as HHMMSS / HHMM,
    //! with an optional fraction of a second.
    void DecodeNumberField(std::string_view digits, std::string_view fraction) {
        if (fraction.empty() && (date_mask_ & kWholeDate) != kWholeDate && !DateDone() && digits.size() >= 6) {
            const size_t year_length = digits.size() - 4;
            SetDateField(kDay, ToNumber(digits.substr(digits.size() - 2)));
            SetDateField(kMonth, ToNumber(digits.substr(year_length, 2)));
            SetDateField(kYear, ToNumber(digits.substr(0, year_length)));
            two_digit_year_ = year_length == 2;
            return;
        }
        if (fields_.has_time || (digits.size() != 6 && digits.size() != 4)) {
            Syntax();
        }
        const int64_t hour = ToNumber(digits.substr(0, 2));
        const int64_t minute = ToNumber(digits.substr(2, 2));
        const int64_t second = digits.size() == 6 ? ToNumber(digits.substr(4, 2)) : 0;
        int64_t micros = 0;
        if (!fraction.empty()) {
            const std::string fraction_text = "." + std::string(fraction);
            micros = static_cast<int64_t>(std::nearbyint(std::strtod(fraction_text.c_str(), nullptr) * 1e6));
        }
        SetTime(hour, minute, second, micros);
        hour_for_ampm_ = static_cast<int32_t>(hour);
    }

    //! PostgreSQL's ValidateDate once every field is read: BC and two-digit years, the day of the year, and the
    //! ranges of month and day.
    void ValidateDate(bool bc) {
        if (fields_.relative_day || date_mask_ == 0) {
            return;
        }
        if ((date_mask_ & kWholeDate) != kWholeDate) {
            Syntax();
        }
        if (bc) {
            if (fields_.year <= 0) {
                FieldOverflow();
            }
            fields_.year = 1 - fields_.year;
        } else if (two_digit_year_) {
            fields_.year += fields_.year < 70 ? 2000 : (fields_.year < 100 ? 1900 : 0);
        } else if (fields_.year <= 0) {
            FieldOverflow();
        }
        if (fields_.year > 100000000 || fields_.year < -100000000) {
            FieldOverflow();
        }
        if (date_mask_ & kDayOfYear) {
            const CivilDate date = CivilFromDays(DaysFromCivil(fields_.year, 1, 1) + day_of_year_ - 1);
            fields_.year = date.year;
            fields_.month = date.month;
            fields_.day = date.day;
        }
        if (fields_.month < 1 || fields_.month > 12 || fields_.day < 1 || fields_.day > 31 ||
            fields_.day > DaysInMonth(fields_.year, fields_.month)) {
            FieldOverflow();
        }
        fields_.has_date = true;
    }

    //! HH:MM[:SS[.fff]]; returns the hour (for am/pm).
    int32_t ParseTime() {
        const int64_t hour = ToNumber(Digits());
        pos_++; // ':'
        const std::string_view minute_digits = Digits();
        if (minute_digits.empty()) {
            Syntax();
        }
        const int64_t minute = ToNumber(minute_digits);
        int64_t second = 0;
        int64_t fraction = 0;
        if (Peek() == ':') {
            pos_++;
            const std::string_view second_digits = Digits();
            if (second_digits.empty()) {
                Syntax();
            }
            second = ToNumber(second_digits);
            if (Peek() == '.') {
                const size_t start = pos_;
                pos_++;
                Digits();
                // PostgreSQL: rint(strtod(".fff") * 1e6), so half a microsecond rounds to even.
                const std::string fraction_text(s_.substr(start, pos_ - start));
                fraction = static_cast<int64_t>(std::nearbyint(std::strtod(fraction_text.c_str(), nullptr) * 1e6));
            }
        }
        SetTime(hour, minute, second, fraction);
        return static_cast<int32_t>(hour);
    }

    //! The time of day, checked as PostgreSQL does (24:00:00 and a leap second 23:59:60 are allowed).
    void SetTime(int64_t hour, int64_t minute, int64_t second, int64_t fraction) {
        if (fields_.has_time) {
            Syntax();
        }
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60 || fraction > 1000000 ||
            (hour == 24 && (minute > 0 || second > 0 || fraction > 0))) {
            FieldOverflow();
        }
        fields_.has_time = true;
        fields_.time_micros = ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + fraction;
    }

    //! "13:45+05:30", "13:45Z", "13:45-08".
    void ParseAttachedZone() {
        if (Peek() == '+' || Peek() == '-') {
            ParseNumericZone();
        } else if ((Peek() == 'Z' || Peek() == 'z') && (pos_ + 1 == s_.size() || IsAsciiSpace(Peek(1)))) {
            pos_++;
            SetZone(0);
        }
    }

    void SetZone(int32_t offset) {
        if (fields_.has_zone) {
            Syntax();
        }
        fields_.has_zone = true;
        fields_.offset = offset;
    }

    //! DecodeTimezone: [+-]HH, [+-]HHMM, [+-]HH:MM, [+-]HH:MM:SS.
    void ParseNumericZone() {
        const bool negative = s_[pos_] == '-';
        pos_++;
        const std::string_view hour_digits = Digits();
        if (hour_digits.empty()) {
            Syntax();
        }
        int64_t hour = ToNumber(hour_digits);
        int64_t minute = 0;
        int64_t second = 0;
        if (Peek() == ':') {
            pos_++;
            const std::string_view minute_digits = Digits();
            if (minute_digits.empty()) {
                Syntax();
            }
            minute = ToNumber(minute_digits);
            if (Peek() == ':') {
                pos_++;
                const std::string_view second_digits = Digits();
                if (second_digits.empty()) {
                    Syntax();
                }
                second = ToNumber(second_digits);
            }
        } else if (hour_digits.size() > 2) {
            minute = hour % 100;
            hour /= 100;
        }
        if (hour > 15 || minute >= 60 || second >= 60) {
            ZoneOverflow();
        }
        if (!AtEnd() && !IsAsciiSpace(s_[pos_])) {
            Syntax();
        }
        const auto offset = static_cast<int32_t>((hour * 60 + minute) * 60 + second);
        SetZone(negative ? -offset : offset);
    }

    void ParseZoneName(const std::string &word) {
        for (const Abbreviation &abbreviation : kAbbreviations) {
            if (word == abbreviation.name) {
                SetZone(abbreviation.offset);
                return;
            }
        }
        auto zone = TimeZone::Load(word);
        if (!zone && word.find('/') == std::string::npos) {
            Syntax(); // an unknown word; a name with '/' is reported as an unknown zone
        }
        if (!zone) {
            throw SqlError("22023", "time zone \"" + word + "\" not recognized");
        }
        if (fields_.has_zone) {
            Syntax();
        }
        fields_.has_zone = true;
        fields_.named_zone = std::move(zone);
    }

    void Finish() const {
        const bool needs_date =
            target_ == Target::kDate || target_ == Target::kTimestamp || target_ == Target::kTimestampTz;
        if (needs_date && !fields_.has_date && !fields_.relative_day) {
            Syntax();
        }
        if (!needs_date && !fields_.has_time) {
            Syntax();
        }
    }

    std::string_view text_;
    Target target_;
    DateOrder order_;
    std::string_view s_;
    size_t pos_ = 0;
    DateTimeFields fields_;
    uint8_t date_mask_ = 0;       //!< DateField bits given so far
    bool text_month_ = false;     //!< the month was a name
    bool two_digit_year_ = false; //!< the year had one or two digits (1970-2069)
    int32_t day_of_year_ = 0;
    int32_t hour_for_ampm_ = -1; //!< the hour as written, for am/pm
};

//! PostgreSQL's valid range starts at 4714-11-24 BC (Julian day 0); dates end before 5874898-01-01.
constexpr int64_t kMinDays = -2440588;                   // 4714-11-24 BC as days since 1970
constexpr int64_t kDateEndDays = 2147483494LL - 2440588; // 5874898-01-01 (Julian 2147483494)
//! 294277-01-01 00:00 UTC in microseconds since 2000-01-01: PostgreSQL's END_TIMESTAMP.
constexpr int64_t kTimestampEndMicros = 9223371331200000000LL;

int64_t DaysOf(const DateTimeFields &fields, const TimeZone *session_zone) {
    if (fields.relative_day) {
        return TodayIn(session_zone) + fields.day_shift;
    }
    return DaysFromCivil(fields.year, fields.month, fields.day);
}

//! Offset of the fields' zone at local time `local_seconds`; `fallback` when there is no zone.
int32_t ZoneOffset(const DateTimeFields &fields, int64_t local_seconds, const TimeZone *fallback) {
    if (fields.named_zone) {
        return LocalTimeOffset(fields.named_zone.get(), local_seconds);
    }
    if (fields.has_zone) {
        return fields.offset;
    }
    return LocalTimeOffset(fallback, local_seconds);
}

[[noreturn]] void ThrowTimestampRange(std::string_view text) {
    throw SqlError("22008", "timestamp out of range: \"" + std::string(text) + "\"");
}

//! Checks PostgreSQL's timestamp range (on the 2000-based value) and DuckDB's (finite int64).
int64_t CheckTimestamp(__int128 micros_since_1970, std::string_view text) {
    constexpr __int128 kPgEpochShift = __int128(10957) * kMicrosPerDay;
    const __int128 pg_micros = micros_since_1970 - kPgEpochShift;
    const __int128 pg_min = __int128(kMinDays) * kMicrosPerDay - kPgEpochShift;
    if (pg_micros < pg_min || pg_micros >= kTimestampEndMicros ||
        micros_since_1970 >= std::numeric_limits<int64_t>::max() ||
        micros_since_1970 <= -std::numeric_limits<int64_t>::max()) {
        ThrowTimestampRange(text);
    }
    return static_cast<int64_t>(micros_since_1970);
}

int64_t ParseTimestampCommon(std::string_view text, const TextFormatOptions &options, bool with_zone) {
    const Target target = with_zone ? Target::kTimestampTz : Target::kTimestamp;
    const DateTimeFields fields = DateTimeParser(text, target, options.date_style.order).Parse();
    switch (fields.special) {
    case DateTimeFields::Special::kInfinity:
        return std::numeric_limits<int64_t>::max();
    case DateTimeFields::Special::kNegativeInfinity:
        return -std::numeric_limits<int64_t>::max();
    case DateTimeFields::Special::kEpoch:
        return 0;
    case DateTimeFields::Special::kNow: {
        const int64_t now = NowMicros();
        if (with_zone) {
            return now;
        }
        const int32_t offset = options.time_zone ? options.time_zone->OffsetAt(FloorDiv(now, kMicrosPerSecond)) : 0;
        return now + offset * kMicrosPerSecond;
    }
    default:
        break;
    }
    const int64_t days = DaysOf(fields, options.time_zone);
    if (!fields.relative_day && (days < kMinDays || days >= kDateEndDays)) {
        ThrowTimestampRange(text);
    }
    const __int128 local = __int128(days) * kMicrosPerDay + fields.time_micros;
    if (!with_zone) {
        return CheckTimestamp(local, text);
    }
    const int64_t local_seconds = static_cast<int64_t>(local / kMicrosPerSecond);
    const int32_t offset = ZoneOffset(fields, local_seconds, options.time_zone);
    return CheckTimestamp(local - __int128(offset) * kMicrosPerSecond, text);
}

} // namespace

int32_t LocalTimeOffset(const TimeZone *zone, int64_t local_seconds) {
    if (zone == nullptr) {
        return 0;
    }
    // Offsets in effect within a day of the instant; those consistent with the local time are
    // the valid interpretations.
    const int32_t candidates[3] = {zone->OffsetAt(local_seconds - kSecondsPerDay), zone->OffsetAt(local_seconds),
                                   zone->OffsetAt(local_seconds + kSecondsPerDay)};
    bool found = false;
    int32_t best = 0;
    for (int32_t candidate : candidates) {
        if (zone->OffsetAt(local_seconds - candidate) == candidate && (!found || candidate < best)) {
            best = candidate;
            found = true;
        }
    }
    if (found) {
        return best; // the smaller offset: the later of two instants
    }
    // Skipped local time (spring forward): the offset before the transition, the smaller one.
    return *std::min_element(std::begin(candidates), std::end(candidates));
}

int32_t ParseDateText(std::string_view text, const TextFormatOptions &options) {
    const DateTimeFields fields = DateTimeParser(text, Target::kDate, options.date_style.order).Parse();
    switch (fields.special) {
    case DateTimeFields::Special::kInfinity:
        return std::numeric_limits<int32_t>::max();
    case DateTimeFields::Special::kNegativeInfinity:
        return -std::numeric_limits<int32_t>::max();
    case DateTimeFields::Special::kEpoch:
        return 0;
    case DateTimeFields::Special::kNow:
        return static_cast<int32_t>(TodayIn(options.time_zone));
    default:
        break;
    }
    const int64_t days = DaysOf(fields, options.time_zone);
    if (days < kMinDays || days >= kDateEndDays) {
        throw SqlError("22008", "date out of range: \"" + std::string(text) + "\"");
    }
    return static_cast<int32_t>(days);
}

int64_t ParseTimeText(std::string_view text, const TextFormatOptions &options) {
    const DateTimeFields fields = DateTimeParser(text, Target::kTime, options.date_style.order).Parse();
    if (fields.special == DateTimeFields::Special::kNow) {
        const int64_t now = NowMicros();
        const int32_t offset = options.time_zone ? options.time_zone->OffsetAt(FloorDiv(now, kMicrosPerSecond)) : 0;
        return FloorMod(now + offset * kMicrosPerSecond, kMicrosPerDay);
    }
    if (fields.time_micros > kMicrosPerDay) { // 23:59:60.5
        DateTimeParser(text, Target::kTime).FieldOverflow();
    }
    return fields.time_micros;
}

TimeTzParts ParseTimeTzText(std::string_view text, const TextFormatOptions &options) {
    const DateTimeFields fields = DateTimeParser(text, Target::kTimeTz, options.date_style.order).Parse();
    TimeTzParts parts;
    if (fields.special == DateTimeFields::Special::kNow) {
        const int64_t now = NowMicros();
        parts.offset_seconds = options.time_zone ? options.time_zone->OffsetAt(FloorDiv(now, kMicrosPerSecond)) : 0;
        parts.micros = FloorMod(now + parts.offset_seconds * kMicrosPerSecond, kMicrosPerDay);
        return parts;
    }
    if (fields.time_micros > kMicrosPerDay) {
        DateTimeParser(text, Target::kTimeTz).FieldOverflow();
    }
    parts.micros = fields.time_micros;
    const int64_t days =
        fields.has_date || fields.relative_day ? DaysOf(fields, options.time_zone) : TodayIn(options.time_zone);
    parts.offset_seconds =
        ZoneOffset(fields, days * kSecondsPerDay + fields.time_micros / kMicrosPerSecond, options.time_zone);
    return parts;
}

int64_t ParseTimestampText(std::string_view text, const TextFormatOptions &options) {
    return ParseTimestampCommon(text, options, false);
}

int64_t ParseTimestampTzText(std::string_view text, const TextFormatOptions &options) {
    return ParseTimestampCommon(text, options, true);
}

std::string NormalizeDateTimeText(DateTimeType type, std::string_view text, const TextFormatOptions &options) {
    std::string out;
    switch (type) {
    case DateTimeType::kDate:
        AppendDate(out, ParseDateText(text, options));
        break;
    case DateTimeType::kTime:
        AppendTime(out, ParseTimeText(text, options));
        break;
    case DateTimeType::kTimeTz: {
        const TimeTzParts parts = ParseTimeTzText(text, options);
        AppendTimeTz(out, parts.micros, parts.offset_seconds);
        break;
    }
    case DateTimeType::kTimestamp:
        AppendTimestamp(out, ParseTimestampText(text, options));
        break;
    case DateTimeType::kTimestampTz:
        AppendTimestampTz(out, ParseTimestampTzText(text, options), nullptr);
        break;
    }
    return out;
}

} // namespace duckgres::types
