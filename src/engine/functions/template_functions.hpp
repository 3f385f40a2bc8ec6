// to_char(number, template) and to_number(text, template): PostgreSQL's number templates as DuckDB functions.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! duckgres_to_char_number(type_name, value_text, template) -> VARCHAR (typeof() and ::VARCHAR of a number) and
//! duckgres_to_number(text, template) -> VARCHAR (decimal text; the catalog casts it to numeric).
void RegisterTemplateFunctions(duckdb_connection connection);

} // namespace duckgres::engine
