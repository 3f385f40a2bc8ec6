// CopyField, CopyRow: the fields of one COPY row as views, for the reader's sink and the writer.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace duckgres::copy {

//! One field of a COPY row; nullopt is NULL. Text and CSV hold the field's text (PostgreSQL input or output
//! syntax, unescaped), binary the field's raw bytes (PostgreSQL's binary send format).
using CopyField = std::optional<std::string_view>;
//! One row: a field per copied column. The bytes belong to whoever built the row.
using CopyRow = std::vector<CopyField>;

} // namespace duckgres::copy
