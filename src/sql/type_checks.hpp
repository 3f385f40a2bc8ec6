// Rewrite passes applying PostgreSQL's type resolution where DuckDB is more lenient: unknown literals beside typed
// values, and the mismatches PostgreSQL refuses (UNION of a number and a string, text = integer, integer into boolean).
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! CASE results and COALESCE arguments mixing string literals with values of one known type (CASE WHEN c THEN 1
//! ELSE '2' END): the literals cast to that type, as PostgreSQL resolves an unknown literal to the other inputs'
//! type (an integer, not text; 'x' beside an integer is 22P02). DuckDB makes the whole expression text.
bool ResolveUnknownLiterals(pg_query::Node &node, PassContext &context);

//! UNION / INTERSECT / EXCEPT: a string literal in one arm beside a constant or cast of a known type in the other
//! takes that type (SELECT 1 UNION SELECT '2' is integer; DuckDB: text); a number in one arm and a string in the
//! other, both typed, is 42804 "UNION types integer and text cannot be matched", as in PostgreSQL. Sees each arm as
//! the passes before have left it (a cast to varchar is no longer one).
bool SetOperationTypes(pg_query::Node &node, PassContext &context);

//! A string-typed column compared (=, <>, <, >...) with a number constant: 42883 "operator does not exist: text =
//! integer", as in PostgreSQL (DuckDB casts one side).
bool CheckComparisonTypes(pg_query::Node &node, PassContext &context);

//! INSERT ... VALUES giving a boolean column a number constant, or a number column a boolean constant: 42804
//! "column "f" is of type boolean but expression is of type integer", as in PostgreSQL, which has no assignment
//! cast between them (DuckDB converts).
bool CheckInsertValueTypes(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
