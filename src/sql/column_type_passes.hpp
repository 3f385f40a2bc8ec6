// Rewrite passes deciding by the types of the columns an expression reads (column_types.hpp).
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! An enum column compared with a string literal (mood > 'sad'): the literal cast to the column's enum type (an enum
//! of its labels), so that the comparison follows the enum's declared order as in PostgreSQL (DuckDB compares the
//! enum with a string as text).
bool CompareEnumWithLiteral(pg_query::Node &node, PassContext &context);

//! real + - * / an integer or numeric: the real operand widened to double precision, PostgreSQL's result type
//! (DuckDB keeps real).
bool WidenRealArithmetic(pg_query::Node &node, PassContext &context);

//! smallint + - * / % an integer constant: the constant cast to integer, so that the result is integer as in
//! PostgreSQL, whose integer constants are int4 (DuckDB types the constant as the other operand: smallint).
bool WidenSmallintArithmetic(pg_query::Node &node, PassContext &context);

//! length(bytea): octet_length(), PostgreSQL's byte count (DuckDB's length() takes no BLOB).
bool LengthOfBytea(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
