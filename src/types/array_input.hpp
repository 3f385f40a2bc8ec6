// PostgreSQL array literal input ('{1,2,NULL}', '{{"a b",c}}', '[0:1]={1,2}'): structure and element texts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::types {

//! A parsed array literal: its dimensions (empty for '{}') and its elements in row-major order,
//! unquoted and unescaped, std::nullopt for NULL.
struct ArrayLiteral {
    std::vector<int32_t> dims;
    std::vector<std::optional<std::string>> elements;
};

//! array_in's parsing: whitespace around elements, "quoted" elements with backslash escapes,
//! backslash escapes in unquoted elements, unquoted NULL (any case), nested braces for
//! multidimensional arrays (which must be rectangular) and an optional dimension decoration
//! "[lb:ub]...=" (checked against the contents; lower bounds are not kept). Throws SqlError 22P02
//! `malformed array literal: "<text>"` with PostgreSQL's detail.
ArrayLiteral ParseArrayText(std::string_view text);

} // namespace duckgres::types
