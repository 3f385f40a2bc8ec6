// PostgreSQL array text in SQL: casts from text to DuckDB lists (array_in) and from lists to text (array_out).
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers, for every element type in array_text_functions.cpp's table and lists nested up to PostgreSQL's six
//! dimensions, a cast VARCHAR -> LIST that reads PostgreSQL's array input ('{1,2}', '{{"a b",NULL}}', '{}') and a
//! cast LIST -> VARCHAR that writes PostgreSQL's array output (as the wire text encoder does). DuckDB then uses them
//! wherever it casts: explicit casts ('{1,2}'::int[], ARRAY[1]::text), string literals inserted or assigned to array
//! columns, column defaults, and literals compared with or passed as lists.
void RegisterArrayTextFunctions(duckdb_connection connection);

} // namespace duckgres::engine
