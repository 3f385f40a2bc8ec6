// Maps DuckDB logical types to the PostgreSQL types clients are told about.
#pragma once

#include "types/pg_type.hpp"

#include <duckdb.h>

#include <array>

namespace duckgres::types {

//! PostgreSQL string types DuckDB lacks, kept as VARCHARs under these aliases (the catalog registers them with every
//! database, see engine/catalog_builder.cpp): name, "char" (pg_char), information_schema's character_data and
//! yes_or_no. MapLogicalType sends each as its PostgreSQL type.
inline constexpr std::array<const char *, 4> kStringTypeAliases = {"name", "pg_char", "character_data", "yes_or_no"};

//! The PostgreSQL type reported in RowDescription for a DuckDB result column type.
//! Documented in docs/type-mapping.md. Examples: INTEGER -> int4 (23), DECIMAL(10,2) ->
//! numeric (1700) typmod ((10<<16)|2)+4, VARCHAR -> text (25), VARCHAR alias JSON -> json (114),
//! LIST(INTEGER) -> _int4 (1007), HUGEINT/UBIGINT -> numeric, UTINYINT -> int2, ENUM -> text,
//! STRUCT -> record (2249), MAP -> text.
PgType MapLogicalType(duckdb_logical_type type);

} // namespace duckgres::types
