// Maps DuckDB logical types to the PostgreSQL types clients are told about.
#pragma once

#include "types/pg_type.hpp"

#include <duckdb.h>

namespace duckgres::types {

//! The PostgreSQL type reported in RowDescription for a DuckDB result column type.
//! Documented in docs/type-mapping.md. Examples: INTEGER -> int4 (23), DECIMAL(10,2) ->
//! numeric (1700) typmod ((10<<16)|2)+4, VARCHAR -> text (25), VARCHAR alias JSON -> json (114),
//! LIST(INTEGER) -> _int4 (1007), HUGEINT/UBIGINT -> numeric, UTINYINT -> int2, ENUM -> text,
//! STRUCT -> record (2249), MAP -> text.
PgType MapLogicalType(duckdb_logical_type type);

} // namespace duckgres::types
