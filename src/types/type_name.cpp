// Parses DuckDB type names (as duckdb_columns() prints them) back into logical types.
#include "types/type_name.hpp"

#include "common/ascii.hpp"
#include "types/geometry.hpp"
#include "types/type_mapping.hpp"
#include "types/typmod_alias.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>
#include <utility>

namespace duckgres::types {

namespace {

std::string_view Trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

//! The simple (parameterless) type names and their type ids.
constexpr std::pair<std::string_view, duckdb_type> kSimpleTypes[] = {
    {"boolean", DUCKDB_TYPE_BOOLEAN},
    {"tinyint", DUCKDB_TYPE_TINYINT},
    {"smallint", DUCKDB_TYPE_SMALLINT},
    {"integer", DUCKDB_TYPE_INTEGER},
    {"bigint", DUCKDB_TYPE_BIGINT},
    {"hugeint", DUCKDB_TYPE_HUGEINT},
    {"utinyint", DUCKDB_TYPE_UTINYINT},
    {"usmallint", DUCKDB_TYPE_USMALLINT},
    {"uinteger", DUCKDB_TYPE_UINTEGER},
    {"ubigint", DUCKDB_TYPE_UBIGINT},
    {"uhugeint", DUCKDB_TYPE_UHUGEINT},
    {"varint", DUCKDB_TYPE_BIGNUM},
    {"bignum", DUCKDB_TYPE_BIGNUM},
    {"float", DUCKDB_TYPE_FLOAT},
    {"double", DUCKDB_TYPE_DOUBLE},
    {"varchar", DUCKDB_TYPE_VARCHAR},
    {"blob", DUCKDB_TYPE_BLOB},
    {"date", DUCKDB_TYPE_DATE},
    {"time", DUCKDB_TYPE_TIME},
    {"time_ns", DUCKDB_TYPE_TIME_NS},
    {"time with time zone", DUCKDB_TYPE_TIME_TZ},
    {"timestamp", DUCKDB_TYPE_TIMESTAMP},
    {"timestamp_s", DUCKDB_TYPE_TIMESTAMP_S},
    {"timestamp_ms", DUCKDB_TYPE_TIMESTAMP_MS},
    {"timestamp_ns", DUCKDB_TYPE_TIMESTAMP_NS},
    {"timestamp with time zone", DUCKDB_TYPE_TIMESTAMP_TZ},
    {"interval", DUCKDB_TYPE_INTERVAL},
    {"uuid", DUCKDB_TYPE_UUID},
    {"bit", DUCKDB_TYPE_BIT},
};

} // namespace

LogicalTypeHandle ParseDuckDbTypeName(std::string_view name) {
    name = Trim(name);
    if (name.ends_with("]")) {
        auto open = name.rfind('[');
        if (open == std::string_view::npos) {
            return {};
        }
        LogicalTypeHandle element = ParseDuckDbTypeName(name.substr(0, open));
        if (!element) {
            // An element type clients see as text: a text array.
            element = LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        }
        auto size_text = name.substr(open + 1, name.size() - open - 2);
        if (size_text.empty()) {
            return LogicalTypeHandle(duckdb_create_list_type(element.Get()));
        }
        idx_t size = 0;
        auto [end, error] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size);
        if (error != std::errc() || end != size_text.data() + size_text.size()) {
            return {};
        }
        return LogicalTypeHandle(duckdb_create_array_type(element.Get(), size));
    }
    const std::string lower = AsciiLower(name);
    if (lower.starts_with("decimal(")) {
        int width = 0;
        int scale = 0;
        if (std::sscanf(lower.c_str(), "decimal(%d,%d)", &width, &scale) != 2 || width < 1 || width > 38 || scale < 0 ||
            scale > width) {
            return {};
        }
        return LogicalTypeHandle(duckdb_create_decimal_type(static_cast<uint8_t>(width), static_cast<uint8_t>(scale)));
    }
    if (lower.starts_with("struct(")) {
        return LogicalTypeHandle(duckdb_create_struct_type(nullptr, nullptr, 0));
    }
    // VARCHARs under an alias: DuckDB's JSON, jsonb, and the catalog's PostgreSQL string types.
    const bool string_alias =
        lower == "json" || lower == "jsonb" || lower == "tsvector" || lower == "tsquery" || lower == "regconfig" ||
        std::find(kStringTypeAliases.begin(), kStringTypeAliases.end(), lower) != kStringTypeAliases.end();
    if (string_alias) {
        LogicalTypeHandle aliased(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        duckdb_logical_type_set_alias(aliased.Get(), lower.c_str());
        return aliased;
    }
    // BLOBs under an alias: the network address types.
    if (lower == "inet" || lower == "cidr" || lower == "macaddr" || lower == "macaddr8") {
        LogicalTypeHandle aliased(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
        duckdb_logical_type_set_alias(aliased.Get(), lower.c_str());
        return aliased;
    }
    // money (a BIGINT of cents) and the geometric types (VARCHARs of their text) under their names.
    if (lower == "money" || GeoKindByName(lower)) {
        LogicalTypeHandle aliased(
            duckdb_create_logical_type(lower == "money" ? DUCKDB_TYPE_BIGINT : DUCKDB_TYPE_VARCHAR));
        duckdb_logical_type_set_alias(aliased.Get(), lower.c_str());
        return aliased;
    }
    if (auto alias = ParseTypmodAliasName(lower)) {
        LogicalTypeHandle aliased(duckdb_create_logical_type(TypmodAliasStorage(alias->base)));
        duckdb_logical_type_set_alias(aliased.Get(), lower.c_str());
        return aliased;
    }
    for (const auto &[type_name, id] : kSimpleTypes) {
        if (lower == type_name) {
            return LogicalTypeHandle(duckdb_create_logical_type(id));
        }
    }
    return {};
}

PgType PgTypeForDuckDbTypeName(std::string_view name) {
    LogicalTypeHandle type = ParseDuckDbTypeName(name);
    if (!type) {
        return PgType{oid::kText, -1, -1, "text"};
    }
    return MapLogicalType(type.Get());
}

} // namespace duckgres::types
