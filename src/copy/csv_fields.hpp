// SplitCsvFields: the fields of one logical line of COPY CSV format, unquoted, with NULL recognized.
#pragma once

#include "copy/copy_options.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::copy {

//! Splits `line` (without its terminator; may contain quoted newlines) into `fields` (replaced). Quoted
//! sections may appear anywhere in a field; inside them the escape character before a quote or escape
//! character stands for that character. A field that has no quotes and equals the null string is NULL.
//! An unclosed quote is 22P04 `unterminated CSV quoted field`. An empty line gives one field; with
//! `expect_fields` 0 an empty line gives none and any other is 22P04 `extra data after last expected column`.
void SplitCsvFields(std::string_view line, const CopyOptions &options, size_t expect_fields,
                    std::vector<std::optional<std::string>> &fields);

} // namespace duckgres::copy
