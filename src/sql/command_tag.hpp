// Command tags as PostgreSQL writes them, derived from the parse tree.
#pragma once

#include "sql/parsed_statement.hpp"

#include <cstdint>
#include <string>

namespace pg_query {
class Node;
}

namespace duckgres::sql {

//! Fills command, tag, tag_has_rows and returns_rows of `statement`
//! from its parse tree node.
void ClassifyStatement(const pg_query::Node &node, ParsedStatement &statement);

//! The complete tag for CommandComplete: "SELECT 5", "INSERT 0 5", "UPDATE 2", "CREATE TABLE".
std::string FormatCommandTag(const std::string &tag, bool tag_has_rows, uint64_t rows);

} // namespace duckgres::sql
