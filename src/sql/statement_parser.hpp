// Splits and classifies query strings with libpg_query.
#pragma once

#include "sql/parsed_statement.hpp"

#include <string_view>

namespace duckgres::sql {

//! Parses `query` with PostgreSQL 15's grammar into classified statements. Never throws for
//! bad SQL: see ParsedQuery. Empty statements (";;", comments only) are dropped, so an empty
//! result means EmptyQueryResponse.
ParsedQuery ParseQuery(std::string_view query);

//! Whether `text` may hold a Unicode escape string or identifier (U&'...', U&"..."), which DuckDB's parser lacks.
bool HasUnicodeEscapes(std::string_view text);

} // namespace duckgres::sql
