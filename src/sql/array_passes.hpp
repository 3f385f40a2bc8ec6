// Rewrite passes for PostgreSQL arrays written as text or with operators DuckDB's lists lack.
#pragma once

#include "sql/pass_context.hpp"

#include <cstddef>
#include <string_view>

namespace duckgres::sql {

//! The number of dimensions an array literal's text shows by its leading braces ('{{1,2},{3,4}}' 2, '{}' and
//! '{a}' 1, '[1:2]={1,2}' 1), or 0 when it does not start like an array literal.
size_t ArrayLiteralDimensions(std::string_view text);

//! `'{{1,2},{3,4}}'::int[]`: a string literal cast to an array type gets as many [] as the literal has dimensions
//! (PostgreSQL's int[] takes any number; a DuckDB list type fixes its nesting), so that the array input cast
//! reads it. Returns true when it changed the node.
bool ArrayLiteralCastDimensions(pg_query::Node &node, PassContext &context);

//! `array || element` and `element || array`, the array side known to be one from its syntax (ARRAY[...], a cast to
//! an array type, ARRAY(subquery), a function returning an array, coalesce() of one) and the element side a
//! non-string constant or a cast to a scalar type: list_append / list_prepend (DuckDB's || only joins lists). Returns
//! true when it changed the node.
bool ArrayElementConcat(pg_query::Node &node, PassContext &context);

//! `FROM unnest(a, b, ...) [AS t(x, y, ...)]`: the arrays side by side, padded with NULLs, as a subquery of one
//! unnest() per array (DuckDB zips unnests in one select list); `FROM generate_subscripts(a, d) [AS s]`: a subquery
//! of the select-list form, typed int4. Returns true when it changed the node.
bool ArrayFunctionsInFrom(pg_query::Node &node, PassContext &context);

//! `unnest(ARRAY[[1, 2], [3, 4]])`: an array written as multidimensional (nested ARRAY[] constructors, a cast to
//! int[][]) is flattened first, as PostgreSQL's unnest yields every element (DuckDB's yields the inner lists).
//! Returns true when it changed the node.
bool UnnestMultidimensionalArray(pg_query::Node &node, PassContext &context);

//! `ARRAY[[1, 2], [3]]`: a constructor whose sub-arrays differ in shape is PostgreSQL's error 2202E (a DuckDB list
//! may be ragged). Returns true when it changed the node.
bool RaggedArrayConstructor(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
