// The one mapping from DuckDB errors to PostgreSQL SQLSTATEs and message fields.
#pragma once

#include "common/sql_error.hpp"

#include <duckdb.h>

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::engine {

//! Builds the SqlError for a DuckDB error. `type` comes from duckdb_result_error_type when
//! DuckDB gave one; otherwise it is recovered from the message's "<Kind> Error:" prefix.
//! `statement` is the SQL text DuckDB saw, used to turn DuckDB's "LINE n:" caret into a
//! 1-based character position within it. Documented in docs/error-codes.md.
SqlError MapDuckDbError(std::optional<duckdb_error_type> type, std::string_view message,
                        std::string_view statement = {});

//! The SQLSTATE for a DuckDB error type and (already stripped) message.
std::string SqlStateFor(duckdb_error_type type, std::string_view message);

} // namespace duckgres::engine
