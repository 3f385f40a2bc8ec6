// Parses and prints numeric parameters with PostgreSQL's units, ranges and rounding.
#include "session/setting_units.hpp"

#include "common/ascii.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <span>

namespace duckgres::session {

namespace {

struct Unit {
    std::string_view name;
    double size; //!< in bytes (memory) or microseconds (time)
};

//! Largest first, as SHOW picks them; 8kB is only a base unit (shared_buffers...), never shown or typed.
constexpr Unit kMemoryUnits[] = {
    {"TB", 1099511627776.0}, {"GB", 1073741824.0}, {"MB", 1048576.0}, {"kB", 1024.0}, {"B", 1.0}};
constexpr Unit kTimeUnits[] = {{"d", 86400e6}, {"h", 3600e6}, {"min", 60e6}, {"s", 1e6}, {"ms", 1e3}, {"us", 1.0}};

constexpr const char *kMemoryHint = "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
constexpr const char *kTimeHint =
    "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

//! The units of the base unit's kind and the base unit's size in them; empty for a parameter without unit.
std::span<const Unit> UnitsOf(std::string_view base, double &base_size) {
    if (base == "8kB") {
        base_size = 8192;
        return kMemoryUnits;
    }
    for (const auto &unit : kMemoryUnits) {
        if (unit.name == base) {
            base_size = unit.size;
            return kMemoryUnits;
        }
    }
    for (const auto &unit : kTimeUnits) {
        if (unit.name == base) {
            base_size = unit.size;
            return kTimeUnits;
        }
    }
    base_size = 1;
    return {};
}

std::string FormatG(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%g", value);
    return buffer;
}

std::string WithUnit(std::string number, std::string_view unit) {
    return unit.empty() ? number : number + " " + std::string(unit);
}

} // namespace

std::optional<double> ParseNumericSetting(const NumericSetting &setting, std::string_view text, std::string &error,
                                          std::string &hint) {
    auto invalid = [&]() -> std::optional<double> {
        error = "invalid value for parameter \"" + std::string(setting.name) + "\": \"" + std::string(text) + "\"";
        return std::nullopt;
    };
    const std::string copy(text);
    const char *start = copy.c_str();
    char *end = nullptr;
    double number = 0;
    errno = 0;
    if (setting.integer) {
        long long whole = std::strtoll(start, &end, 0);
        if (end != start && (*end == '.' || *end == 'e' || *end == 'E')) {
            number = std::strtod(start, &end); // a fraction: rounded once converted
        } else if (errno == ERANGE || whole > INT_MAX || whole < INT_MIN) {
            hint = "Value exceeds integer range.";
            return invalid();
        } else {
            number = static_cast<double>(whole);
        }
    } else {
        number = std::strtod(start, &end);
    }
    if (end == start || std::isnan(number)) {
        return invalid();
    }
    double base_size = 1;
    auto units = UnitsOf(setting.unit, base_size);
    auto rest = TrimAsciiSpace(std::string_view(end));
    if (!rest.empty()) {
        if (units.empty()) {
            return invalid();
        }
        const Unit *unit = nullptr;
        for (const auto &candidate : units) {
            if (candidate.name == rest) {
                unit = &candidate;
            }
        }
        if (!unit) {
            hint = units.data() == kMemoryUnits ? kMemoryHint : kTimeHint;
            return invalid();
        }
        number = number * unit->size / base_size;
    }
    if (setting.integer) {
        number = std::rint(number);
        if (number > INT_MAX || number < INT_MIN) {
            hint = "Value exceeds integer range.";
            return invalid();
        }
    }
    if (number < setting.min_value || number > setting.max_value) {
        auto show = [&](double value) {
            return setting.integer ? std::to_string(static_cast<int64_t>(value)) : FormatG(value);
        };
        error = WithUnit(show(number), setting.unit) + " is outside the valid range for parameter \"" +
                std::string(setting.name) + "\" (" + show(setting.min_value) + " .. " + show(setting.max_value) + ")";
        return std::nullopt;
    }
    return number;
}

std::string FormatNumericSetting(const NumericSetting &setting, double value) {
    double base_size = 1;
    auto units = UnitsOf(setting.unit, base_size);
    if (units.empty() || value <= 0) {
        return setting.integer ? std::to_string(static_cast<int64_t>(value)) : FormatG(value);
    }
    if (setting.integer) {
        // Exact in the smallest unit (bytes, microseconds): the largest unit that divides it, or the base's own.
        auto amount = static_cast<int64_t>(value) * static_cast<int64_t>(base_size);
        for (const auto &unit : units) {
            auto size = static_cast<int64_t>(unit.size);
            if (size <= base_size || amount % size == 0) {
                return std::to_string(amount / size) + std::string(unit.name);
            }
        }
    }
    // Reals: the largest unit in which the value is whole, else the smallest.
    for (const auto &unit : units) {
        double scaled = value * base_size / unit.size;
        if (std::fabs(std::rint(scaled) / scaled - 1.0) <= 1e-8 || &unit == &units.back()) {
            return FormatG(scaled) + std::string(unit.name);
        }
    }
    return FormatG(value);
}

std::optional<bool> ParseBoolSetting(std::string_view text) {
    auto lower = AsciiLower(std::string(text));
    auto prefix_of = [&](std::string_view word, size_t shortest) {
        return lower.size() >= shortest && lower.size() <= word.size() && word.substr(0, lower.size()) == lower;
    };
    if (prefix_of("true", 1) || prefix_of("yes", 1) || prefix_of("on", 2) || lower == "1") {
        return true;
    }
    if (prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) || lower == "0") {
        return false;
    }
    return std::nullopt;
}

std::optional<std::string> MatchEnumSetting(std::string_view values, std::string_view text) {
    const auto lower = AsciiLower(std::string(text));
    bool has_on_off = false;
    while (!values.empty()) {
        auto comma = values.find(',');
        auto candidate = values.substr(0, comma);
        if (candidate == lower) {
            return std::string(candidate);
        }
        has_on_off |= candidate == "on";
        values = comma == std::string_view::npos ? std::string_view() : values.substr(comma + 1);
    }
    if (auto parsed = has_on_off ? ParseBoolSetting(text) : std::nullopt) {
        return *parsed ? "on" : "off";
    }
    return std::nullopt;
}

std::optional<int64_t> ParseMilliseconds(std::string_view name, std::string_view text, std::string &error,
                                         std::string &hint) {
    auto value = ParseNumericSetting({name, true, "ms", 0, INT_MAX}, text, error, hint);
    return value ? std::optional<int64_t>(static_cast<int64_t>(*value)) : std::nullopt;
}

std::string FormatMilliseconds(int64_t milliseconds) {
    return FormatNumericSetting({"", true, "ms", 0, INT_MAX}, static_cast<double>(milliseconds));
}

} // namespace duckgres::session
