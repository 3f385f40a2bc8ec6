// ParseDuckDbTypeName: DuckDB's spelling of a column type (duckdb_columns().data_type) as a logical type.
#pragma once

#include "common/duckdb_handles.hpp"
#include "types/pg_type.hpp"

#include <string_view>

namespace duckgres::types {

//! The logical type DuckDB prints as `name` ("INTEGER", "DECIMAL(10,2)", "VARCHAR[]", "INTEGER[3]",
//! "TIMESTAMP WITH TIME ZONE", "JSON", "STRUCT(a INTEGER)"...); an empty handle for names it does not
//! know (user-defined ENUM types, MAP, UNION), which clients see as text.
LogicalTypeHandle ParseDuckDbTypeName(std::string_view name);

//! The PostgreSQL type a column of DuckDB type `name` has on the wire (MapLogicalType of the parsed type).
PgType PgTypeForDuckDbTypeName(std::string_view name);

} // namespace duckgres::types
