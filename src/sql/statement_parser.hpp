// Splits and classifies query strings with libpg_query.
#pragma once

#include "sql/parsed_statement.hpp"

#include <string_view>

namespace duckgres::sql {

//! Parses `query` with PostgreSQL 15's grammar into classified statements. Never throws for
//! bad SQL: see ParsedQuery. Empty statements (";;", comments only) are dropped, so an empty
//! result means EmptyQueryResponse.
ParsedQuery ParseQuery(std::string_view query);

} // namespace duckgres::sql
