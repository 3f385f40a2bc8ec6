// Column descriptions (RowDescription fields) from DuckDB types, and Bind's format codes.
#pragma once

#include "wire/backend_messages.hpp"

#include <duckdb.h>

#include <string>
#include <vector>

namespace duckgres::session {

//! The RowDescription field for a result column of DuckDB type `type`.
wire::FieldDescription DescribeField(const std::string &name, duckdb_logical_type type, int16_t format);

//! The format of column `column` given Bind's result format codes: none means all text, one
//! applies to every column, otherwise one per column.
int16_t FormatFor(const std::vector<int16_t> &formats, size_t column);

//! Throws SqlError 08P01 unless `formats` has 0, 1 or `columns` entries, each 0 or 1.
void CheckFormats(const std::vector<int16_t> &formats, size_t columns, const char *what);

} // namespace duckgres::session
