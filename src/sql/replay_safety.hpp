// Whether a write can run again with the same effect: what ROLLBACK TO SAVEPOINT's replay of a transaction needs.
#pragma once

#include "sql/parsed_statement.hpp"

#include <optional>
#include <string>

namespace duckgres::sql {

//! Why running `statement` again in a new DuckDB transaction might not do what it did the first time, or nullopt
//! when it would: only INSERT, UPDATE, DELETE, MERGE, SELECT INTO and CREATE TABLE / VIEW / INDEX may run again,
//! and none that names a function whose value changes between runs (sequences, clocks, random values).
std::optional<std::string> ReplayRefusal(const ParsedStatement &statement);

//! The table an INSERT or MERGE fills, as written (schema-qualified when it is): its column defaults may draw from
//! a sequence, which would give other values when run again. Empty for other statements.
std::string InsertTarget(const ParsedStatement &statement);

} // namespace duckgres::sql
