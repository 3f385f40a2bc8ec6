// The table of PostgreSQL types whose modifier travels as a DuckDB type alias, and their names.
#include "types/typmod_alias.hpp"

#include "common/ascii.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace duckgres::types {

namespace {

//! One PostgreSQL type that takes a modifier: its alias prefix, storage, OID and format_type name parts.
struct TypmodKind {
    TypmodBase base;
    const char *prefix; //!< the alias is prefix + the declared modifier
    duckdb_type storage;
    uint32_t oid;
    int16_t typlen;
    int32_t name_offset; //!< declared modifier = typmod - name_offset
};

constexpr TypmodKind kKinds[] = {
    {TypmodBase::Varchar, "pg_varchar_", DUCKDB_TYPE_VARCHAR, oid::kVarchar, -1, 4},
    {TypmodBase::Bpchar, "pg_bpchar_", DUCKDB_TYPE_VARCHAR, oid::kBpchar, -1, 4},
    {TypmodBase::Timestamptz, "pg_timestamptz_", DUCKDB_TYPE_TIMESTAMP_TZ, oid::kTimestamptz, 8, 0},
    {TypmodBase::Timestamp, "pg_timestamp_", DUCKDB_TYPE_TIMESTAMP, oid::kTimestamp, 8, 0},
    {TypmodBase::Interval, "pg_interval_", DUCKDB_TYPE_INTERVAL, oid::kInterval, 16, 0},
};

const TypmodKind &KindOf(TypmodBase base) {
    for (const auto &kind : kKinds) {
        if (kind.base == base) {
            return kind;
        }
    }
    return kKinds[0];
}

//! PostgreSQL's interval field masks (1 << YEAR ...) and the words format_type writes for each qualifier.
constexpr int32_t kYear = 1 << 2;
constexpr int32_t kMonth = 1 << 1;
constexpr int32_t kDay = 1 << 3;
constexpr int32_t kHour = 1 << 10;
constexpr int32_t kMinute = 1 << 11;
constexpr int32_t kSecond = 1 << 12;
constexpr int32_t kFullRange = 0x7FFF;
constexpr int32_t kFullPrecision = 0xFFFF;

constexpr std::pair<int32_t, const char *> kIntervalFields[] = {
    {kYear, " year"},
    {kMonth, " month"},
    {kDay, " day"},
    {kHour, " hour"},
    {kMinute, " minute"},
    {kSecond, " second"},
    {kYear | kMonth, " year to month"},
    {kDay | kHour, " day to hour"},
    {kDay | kHour | kMinute, " day to minute"},
    {kDay | kHour | kMinute | kSecond, " day to second"},
    {kHour | kMinute, " hour to minute"},
    {kHour | kMinute | kSecond, " hour to second"},
    {kMinute | kSecond, " minute to second"},
    {kFullRange, ""},
};

const char *IntervalFieldWords(int32_t range) {
    for (const auto &[mask, words] : kIntervalFields) {
        if (mask == range) {
            return words;
        }
    }
    return nullptr;
}

constexpr int32_t kMaxCharLength = 10485760;
constexpr int32_t kMaxTimestampPrecision = 6;

} // namespace

std::optional<TypmodAlias> TypmodAliasOf(TypmodBase base, int32_t first, std::optional<int32_t> second) {
    switch (base) {
    case TypmodBase::Varchar:
    case TypmodBase::Bpchar:
        if (second || first < 1 || first > kMaxCharLength) {
            return std::nullopt;
        }
        return TypmodAlias{base, first + 4};
    case TypmodBase::Timestamp:
    case TypmodBase::Timestamptz:
        if (second || first < 0) {
            return std::nullopt;
        }
        return TypmodAlias{base, std::min(first, kMaxTimestampPrecision)};
    case TypmodBase::Interval: {
        const int32_t precision = second ? *second : kFullPrecision;
        if (!IntervalFieldWords(first) || (second && (*second < 0 || *second > kMaxTimestampPrecision))) {
            return std::nullopt;
        }
        if (first == kFullRange && precision == kFullPrecision) {
            return std::nullopt;
        }
        return TypmodAlias{base, (first << 16) | precision};
    }
    }
    return std::nullopt;
}

std::string TypmodAliasName(const TypmodAlias &alias) {
    const auto &kind = KindOf(alias.base);
    return kind.prefix + std::to_string(alias.typmod - kind.name_offset);
}

std::optional<TypmodAlias> ParseTypmodAliasName(std::string_view name) {
    const std::string lower = AsciiLower(name);
    for (const auto &kind : kKinds) {
        const std::string_view prefix(kind.prefix);
        if (!std::string_view(lower).starts_with(prefix)) {
            continue;
        }
        const std::string_view digits = std::string_view(lower).substr(prefix.size());
        int32_t value = 0;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
            return std::nullopt;
        }
        TypmodAlias alias{kind.base, value + kind.name_offset};
        if (kind.base == TypmodBase::Interval) {
            if (TypmodAliasOf(kind.base, value >> 16,
                              (value & 0xFFFF) == kFullPrecision ? std::nullopt
                                                                 : std::optional<int32_t>(value & 0xFFFF)) != alias) {
                return std::nullopt;
            }
        } else if (TypmodAliasOf(kind.base, value) != alias) {
            return std::nullopt;
        }
        return alias;
    }
    return std::nullopt;
}

duckdb_type TypmodAliasStorage(TypmodBase base) {
    return KindOf(base).storage;
}

PgType TypmodAliasPgType(const TypmodAlias &alias) {
    const auto &kind = KindOf(alias.base);
    std::string name;
    switch (alias.base) {
    case TypmodBase::Varchar:
        name = "character varying(" + std::to_string(DeclaredLength(alias)) + ")";
        break;
    case TypmodBase::Bpchar:
        name = "character(" + std::to_string(DeclaredLength(alias)) + ")";
        break;
    case TypmodBase::Timestamp:
        name = "timestamp(" + std::to_string(alias.typmod) + ") without time zone";
        break;
    case TypmodBase::Timestamptz:
        name = "timestamp(" + std::to_string(alias.typmod) + ") with time zone";
        break;
    case TypmodBase::Interval: {
        const char *words = IntervalFieldWords(alias.typmod >> 16);
        const int32_t precision = alias.typmod & 0xFFFF;
        name = std::string("interval") + (words ? words : "");
        if (precision != kFullPrecision) {
            name += "(" + std::to_string(precision) + ")";
        }
        break;
    }
    }
    return PgType{kind.oid, kind.typlen, alias.typmod, name};
}

} // namespace duckgres::types
