// PostgreSQL types with a modifier (varchar(n), char(n), timestamp(p), interval fields) as DuckDB type aliases.
#pragma once

#include "types/pg_type.hpp"

#include <duckdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::types {

//! The PostgreSQL types whose modifier a DuckDB type alias carries.
enum class TypmodBase { Varchar, Bpchar, Timestamp, Timestamptz, Interval };

//! One such type with its modifier: DuckDB keeps the alias through table storage, views, CREATE TABLE AS and plain
//! column references, so results report PostgreSQL's OID and typmod (engine/typmod_types.cpp registers the alias and
//! its casts). `typmod` is PostgreSQL's: varchar(20) is 24, timestamp(3) is 3, interval day is (8 << 16) | 0xFFFF.
struct TypmodAlias {
    TypmodBase base = TypmodBase::Varchar;
    int32_t typmod = -1;

    bool operator==(const TypmodAlias &) const = default;
};

//! The alias of a PostgreSQL type and modifier as its typmod_in would have it: varchar/bpchar take the length n
//! (1..10485760), timestamp/timestamptz the precision (0..6, larger is 6), interval the qualifier's field mask and an
//! optional precision. nullopt when the modifier adds nothing (interval without fields or precision) or is invalid.
std::optional<TypmodAlias> TypmodAliasOf(TypmodBase base, int32_t first, std::optional<int32_t> second = std::nullopt);

//! The DuckDB type name of the alias: pg_varchar_20, pg_bpchar_5, pg_timestamp_3, pg_timestamptz_3,
//! pg_interval_<typmod>.
std::string TypmodAliasName(const TypmodAlias &alias);

//! The alias a DuckDB type name stands for (case-insensitive); nullopt for any other name.
std::optional<TypmodAlias> ParseTypmodAliasName(std::string_view name);

//! The DuckDB type the alias is stored as (VARCHAR, TIMESTAMP, TIMESTAMP WITH TIME ZONE, INTERVAL).
duckdb_type TypmodAliasStorage(TypmodBase base);

//! The PostgreSQL type clients are told about: OID, typlen, typmod and format_type's name ("character varying(20)",
//! "timestamp(3) without time zone", "interval year to month").
PgType TypmodAliasPgType(const TypmodAlias &alias);

//! The length n of varchar(n) / char(n).
inline int32_t DeclaredLength(const TypmodAlias &alias) {
    return alias.typmod - 4;
}

} // namespace duckgres::types
