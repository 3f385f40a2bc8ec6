// PostgreSQL's encoding names and aliases, for validating COPY's ENCODING option.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::copy {

//! The canonical PostgreSQL encoding name ("UTF8", "LATIN1", ...) for `name` or one of its aliases,
//! compared as PostgreSQL does (case-insensitive, ignoring non-alphanumeric characters); nullopt if unknown.
std::optional<std::string> CanonicalEncodingName(std::string_view name);

} // namespace duckgres::copy
