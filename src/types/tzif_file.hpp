// Parser for TZif files (RFC 8536) from the system time zone database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::types {

struct TzifData {
    std::vector<int64_t> transition_times;       //!< UTC seconds, ascending
    std::vector<uint8_t> transition_types;       //!< index into type_offsets, one per transition
    std::vector<int32_t> type_offsets;           //!< UT offsets (east positive) of the local time types
    std::vector<std::string> type_abbreviations; //!< their abbreviations ("CET", "+0530")
    std::string footer;                          //!< POSIX TZ rule for instants after the last transition
    bool has_leap_seconds = false;
};

//! nullopt when `bytes` is not a well-formed TZif file. Uses the 64-bit (v2+) data when present.
std::optional<TzifData> ParseTzif(std::string_view bytes);

} // namespace duckgres::types
