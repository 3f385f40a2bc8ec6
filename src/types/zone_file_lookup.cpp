// Resolves zone names component by component below the tz database root, like PostgreSQL does.
#include "types/zone_file_lookup.hpp"

#include "common/ascii.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

namespace duckgres::types {

namespace {

constexpr size_t kMaxZoneNameLength = 255;

bool IsNameChar(char c) {
    return IsAsciiAlnum(c) || c == '_' || c == '-' || c == '+' || c == '.';
}

//! Splits into components, rejecting empty ones, ones starting with '.' and unexpected characters.
std::optional<std::vector<std::string_view>> SplitZoneName(std::string_view name) {
    if (name.empty() || name.size() > kMaxZoneNameLength) {
        return std::nullopt;
    }
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('/', start);
        if (end == std::string_view::npos) {
            end = name.size();
        }
        std::string_view part = name.substr(start, end - start);
        if (part.empty() || part[0] == '.') {
            return std::nullopt;
        }
        for (char c : part) {
            if (!IsNameChar(c)) {
                return std::nullopt;
            }
        }
        parts.push_back(part);
        start = end + 1;
    }
    return parts;
}

//! The entry of `dir` named `part`: exact match first, else the first case-insensitive match.
std::optional<std::string> FindEntry(const std::filesystem::path &dir, std::string_view part) {
    std::error_code ec;
    if (std::filesystem::exists(dir / part, ec)) {
        return std::string(part);
    }
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string entry = it->path().filename().string();
        if (EqualsIgnoreAsciiCase(entry, part)) {
            return entry;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<ZoneFile> FindZoneFile(std::string_view name, std::string_view root) {
    auto parts = SplitZoneName(name);
    if (!parts) {
        return std::nullopt;
    }
    std::filesystem::path path(root);
    ZoneFile result;
    for (std::string_view part : *parts) {
        auto entry = FindEntry(path, part);
        if (!entry) {
            return std::nullopt;
        }
        path /= *entry;
        result.canonical_name += result.canonical_name.empty() ? *entry : "/" + *entry;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return std::nullopt;
    }
    result.path = path.string();
    return result;
}

} // namespace duckgres::types
