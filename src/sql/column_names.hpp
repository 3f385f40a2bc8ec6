// The column names PostgreSQL gives a statement's result (FigureColname's rules).
#pragma once

#include <string>
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

} // namespace duckgres::sql
