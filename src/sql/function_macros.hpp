// CREATE FUNCTION ... LANGUAGE sql as DuckDB macros, and DROP FUNCTION as DROP MACRO.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace pg_query {
class Node;
}

namespace duckgres::sql {

//! Rewrites a query of a function body for DuckDB (the rewriter's passes) and deparses it.
using QueryRewriter = std::function<std::string(const pg_query::Node &query)>;

//! The DuckDB statement for CREATE [OR REPLACE] FUNCTION ... LANGUAGE sql whose body is one query or expression (the
//! `AS '...'` string, RETURN expr or BEGIN ATOMIC ... END): a scalar macro returning the first row's value cast to
//! the return type (NULL for NULL arguments when STRICT), or a table macro for RETURNS SETOF / TABLE; `$n` and the
//! parameters' names are the macro's parameters. DROP FUNCTION: DROP MACRO. nullopt for any other statement. Throws
//! SqlError 0A000 for what a macro cannot be (another language, a procedure, OUT parameters, several statements).
//! `is_table_macro` tells whether DROP FUNCTION drops a table macro (schema, name); unset: a scalar one.
std::optional<std::string>
FunctionAsMacro(const pg_query::Node &statement, const QueryRewriter &rewrite,
                const std::function<bool(const std::string &schema, const std::string &name)> &is_table_macro = {});

} // namespace duckgres::sql
