// Parses and prints time-valued parameters with PostgreSQL's units and rounding.
#include "session/setting_units.hpp"

#include "common/ascii.hpp"

#include <charconv>
#include <climits>
#include <cmath>

namespace duckgres::session {

namespace {

struct TimeUnit {
    std::string_view name;
    double milliseconds;
};

constexpr TimeUnit kUnits[] = {{"us", 0.001}, {"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}, {"d", 86400000}};

} // namespace

std::optional<int64_t> ParseMilliseconds(std::string_view name, std::string_view text, std::string &error,
                                         std::string &hint) {
    auto invalid = [&]() -> std::optional<int64_t> {
        error = "invalid value for parameter \"" + std::string(name) + "\": \"" + std::string(text) + "\"";
        return std::nullopt;
    };
    auto trimmed = TrimAsciiSpace(text);
    double number = 0;
    auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
    if (ec != std::errc() || std::isnan(number)) {
        return invalid();
    }
    auto unit_text = TrimAsciiSpace(std::string_view(end, trimmed.data() + trimmed.size() - end));
    double scale = 1;
    if (!unit_text.empty()) {
        const TimeUnit *unit = nullptr;
        for (const auto &candidate : kUnits) {
            if (candidate.name == unit_text) {
                unit = &candidate;
            }
        }
        if (!unit) {
            hint = "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
            return invalid();
        }
        scale = unit->milliseconds;
    }
    double value = std::rint(number * scale);
    if (value > INT_MAX || value < INT_MIN) {
        hint = "Value exceeds integer range.";
        return invalid();
    }
    if (value < 0) {
        error = std::to_string(static_cast<int64_t>(value)) + " ms is outside the valid range for parameter \"" +
                std::string(name) + "\" (0 .. 2147483647)";
        return std::nullopt;
    }
    return static_cast<int64_t>(value);
}

std::string FormatMilliseconds(int64_t milliseconds) {
    if (milliseconds == 0) {
        return "0";
    }
    for (auto it = std::rbegin(kUnits); it != std::rend(kUnits); ++it) {
        auto size = static_cast<int64_t>(it->milliseconds);
        if (size >= 1 && milliseconds % size == 0) {
            return std::to_string(milliseconds / size) + std::string(it->name);
        }
    }
    return std::to_string(milliseconds) + "ms";
}

} // namespace duckgres::session
