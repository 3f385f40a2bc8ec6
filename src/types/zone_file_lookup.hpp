// Finds a time zone's TZif file in the system tz database, matching names case-insensitively.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

//! Directory of the system tz database.
constexpr std::string_view kZoneInfoDir = "/usr/share/zoneinfo";

struct ZoneFile {
    std::string path;           //!< file to read
    std::string canonical_name; //!< name as spelled in the database, e.g. "Europe/Berlin"
};

//! nullopt when `name` is not a safe relative zone name or names no regular file under `root`.
std::optional<ZoneFile> FindZoneFile(std::string_view name, std::string_view root = kZoneInfoDir);

} // namespace duckgres::types
