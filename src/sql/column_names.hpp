// The column names PostgreSQL gives a statement's result (FigureColname's rules).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pg_query {
class Node;
}

namespace duckgres::sql {

//! Result column names as PostgreSQL would report them for a SELECT, VALUES, set operation or
//! DML with RETURNING: aliases, column and function names, "?column?" for anonymous
//! expressions, "column1".. for VALUES. Empty when it cannot tell without the catalog (a `*`
//! in the target list), in which case DuckDB's names are used.
std::vector<std::string> PostgresColumnNames(const pg_query::Node &statement);

//! The name of the one column a SELECT with an empty select list (`SELECT;`, `SELECT FROM t`) gets for DuckDB, which
//! needs one: a result of only this column is sent with no columns, as PostgreSQL's.
inline constexpr std::string_view kNoColumnsPlaceholder = "?duckgres: no columns?";

} // namespace duckgres::sql
