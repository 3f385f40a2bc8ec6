// SplitTextFields: the fields of one line of COPY text format, de-escaped, with NULL recognized.
#pragma once

#include "copy/copy_options.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::copy {

//! Splits `line` (without its terminator) at unescaped delimiters into `fields` (replaced): a field whose raw
//! text equals the null string is NULL; otherwise backslash sequences are decoded (\b \f \n \r \t \v, \ooo octal,
//! \xhh hex, any other byte stands for itself; a trailing lone backslash is dropped). Decoded bytes must form
//! valid UTF-8 (22021). An empty line gives one empty field, while with
//! `expect_fields` 0 an empty line gives none and any other is 22P04 `extra data after last expected column`.
void SplitTextFields(std::string_view line, const CopyOptions &options, size_t expect_fields,
                     std::vector<std::optional<std::string>> &fields);

} // namespace duckgres::copy
