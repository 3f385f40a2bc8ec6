// TimeZone loading: numeric offsets, tz database files (cached per process) and POSIX TZ strings.
#include "types/time_zone.hpp"

#include "common/ascii.hpp"
#include "types/posix_tz_rule.hpp"
#include "types/tzif_file.hpp"
#include "types/zone_file_lookup.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace duckgres::types {

namespace {

class RuleZone final : public TimeZone {
public:
    RuleZone(std::string name, PosixTzRule rule) : TimeZone(std::move(name)), rule_(rule) {}

protected:
    int32_t ComputeOffset(int64_t utc_seconds) const override { return rule_.OffsetAt(utc_seconds); }
    const std::string &ComputeAbbreviation(int64_t utc_seconds) const override {
        return rule_.AbbreviationAt(utc_seconds);
    }

private:
    PosixTzRule rule_;
};

class TzifZone final : public TimeZone {
public:
    TzifZone(std::string name, TzifData data, std::optional<PosixTzRule> footer)
        : TimeZone(std::move(name)), data_(std::move(data)), footer_(footer) {}

protected:
    int32_t ComputeOffset(int64_t utc_seconds) const override {
        if (footer_ && FooterRules(utc_seconds)) {
            return footer_->OffsetAt(utc_seconds);
        }
        return data_.type_offsets[TypeAt(utc_seconds)];
    }
    const std::string &ComputeAbbreviation(int64_t utc_seconds) const override {
        if (footer_ && FooterRules(utc_seconds)) {
            return footer_->AbbreviationAt(utc_seconds);
        }
        return data_.type_abbreviations[TypeAt(utc_seconds)];
    }

private:
    //! After the last transition the footer's rule tells the local time.
    bool FooterRules(int64_t utc_seconds) const {
        return data_.transition_times.empty() || utc_seconds >= data_.transition_times.back();
    }
    //! The local time type at `utc_seconds` (the first type before the first transition).
    size_t TypeAt(int64_t utc_seconds) const {
        const auto &times = data_.transition_times;
        if (times.empty() || utc_seconds < times.front()) {
            return 0;
        }
        const size_t index = std::upper_bound(times.begin(), times.end(), utc_seconds) - times.begin() - 1;
        return data_.transition_types[index];
    }

    TzifData data_;
    std::optional<PosixTzRule> footer_;
};

//! PostgreSQL reads a bare number as hours east of UTC and names the zone like "<+05:30>-05:30".
std::shared_ptr<const TimeZone> LoadNumericOffset(std::string_view name) {
    std::string_view digits = name;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
        digits.remove_prefix(1);
    }
    const size_t dot = digits.find('.');
    const std::string_view whole = digits.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : digits.substr(dot + 1);
    const auto all_digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), IsAsciiDigit); };
    if (whole.size() + fraction.size() == 0 || whole.size() > 3 || !all_digits(whole) || !all_digits(fraction)) {
        return nullptr;
    }
    const double hours = std::stod(std::string(name));
    const auto east = static_cast<int64_t>(hours * 3600); // truncates toward zero like PostgreSQL
    const std::string zone_name = FixedOffsetZoneName(east);
    auto rule = PosixTzRule::Parse(zone_name);
    return rule ? std::make_shared<RuleZone>(zone_name, *rule) : nullptr;
}

std::shared_ptr<const TimeZone> ReadZoneFile(const ZoneFile &file) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
        return nullptr;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto data = ParseTzif(bytes);
    if (!data || data->has_leap_seconds) { // PostgreSQL rejects zones with leap seconds
        return nullptr;
    }
    std::optional<PosixTzRule> footer;
    if (!data->footer.empty()) {
        footer = PosixTzRule::Parse(data->footer);
    }
    return std::make_shared<TzifZone>(file.canonical_name, std::move(*data), footer);
}

struct ZoneCache {
    std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<const TimeZone>> zones; //!< by lower-case name
};

} // namespace

std::string FixedOffsetZoneName(int64_t east_seconds) {
    const int64_t magnitude = east_seconds < 0 ? -east_seconds : east_seconds;
    std::ostringstream text;
    text.fill('0');
    text.width(2);
    text << magnitude / 3600;
    if (magnitude % 3600 != 0) {
        text << ':';
        text.width(2);
        text << magnitude % 3600 / 60;
        if (magnitude % 60 != 0) {
            text << ':';
            text.width(2);
            text << magnitude % 60;
        }
    }
    return east_seconds < 0 ? "<-" + text.str() + ">+" + text.str() : "<+" + text.str() + ">-" + text.str();
}

int32_t TimeZone::OffsetAt(int64_t utc_seconds) const {
    return ComputeOffset(utc_seconds);
}

std::shared_ptr<const TimeZone> TimeZone::Utc() {
    static const std::shared_ptr<const TimeZone> utc = std::make_shared<RuleZone>("UTC", PosixTzRule::Fixed(0, "UTC"));
    return utc;
}

std::shared_ptr<const TimeZone> TimeZone::Load(const std::string &name) {
    if (auto numeric = LoadNumericOffset(name)) {
        return numeric;
    }
    {
        static ZoneCache cache;
        std::lock_guard<std::mutex> lock(cache.mutex);
        const std::string key = AsciiLower(name);
        auto it = cache.zones.find(key);
        if (it != cache.zones.end()) {
            return it->second;
        }
        if (auto file = FindZoneFile(name)) {
            auto zone = ReadZoneFile(*file);
            if (zone) {
                cache.zones.emplace(key, zone);
            }
            return zone;
        }
    }
    auto rule = PosixTzRule::Parse(name);
    return rule ? std::make_shared<RuleZone>(AsciiUpper(name), *rule) : nullptr;
}

} // namespace duckgres::types
