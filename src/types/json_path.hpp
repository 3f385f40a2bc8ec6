// SQL/JSON path expressions (jsonpath) over jsonb documents: the subset jsonb_path_query() and friends take.
#pragma once

#include "types/json_document.hpp"

#include <string_view>
#include <vector>

namespace duckgres::types {

//! The items `path` selects in `document`, in order, in PostgreSQL's lax mode (a member accessor or filter applied
//! to an array applies to its elements; [*] and [0] of a non-array are the item itself). Supported: `$`, `.key`,
//! `."key"`, `.*`, `[*]`, `[n]`, `[n to m]`, `[last]`, lists of subscripts, and filters `? (...)` of comparisons
//! (== != <> < <= > >=) between `@`/`$` paths and literals (numbers, strings, true, false, null) combined with &&, ||,
//! ! and exists(...). A leading `lax` or `strict` is accepted (strict is evaluated as lax). Throws SqlError 42601
//! for a path it cannot read.
std::vector<const JsonValue *> EvaluateJsonPath(const JsonValue &document, std::string_view path);

} // namespace duckgres::types
