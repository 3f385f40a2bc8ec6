// EngineState: the session's DuckDB connection and what the session has applied to it.
#pragma once

#include "engine/engine_connection.hpp"
#include "session/search_path_tables.hpp"
#include "sql/sequence_passes.hpp"
#include "types/text_format.hpp"
#include "types/time_zone.hpp"

#include <memory>
#include <string>
#include <vector>

namespace duckgres::session {

//! What the session's settings ask of DuckDB and of the encoders: made on the I/O thread from the settings, applied
//! on a worker by StatementWork::ApplySettings.
struct EngineSettings {
    std::string time_zone;
    std::string search_path;
    std::string user; //!< for $user in search_path
    int extra_float_digits = 1;
    std::string date_style = "ISO, MDY";
    std::string interval_style = "postgres";
    std::string bytea_output = "hex";
};

//! The session's DuckDB connection and the state of it that follows the settings. Owned by the Session; touched by
//! worker threads only through the StatementWork lent to them, and read on the I/O thread between hand-offs.
struct EngineState {
    std::unique_ptr<engine::EngineConnection> connection;
    std::shared_ptr<const types::TimeZone> time_zone;
    //! How values are written and read as text: the applied time zone, extra_float_digits, DateStyle, IntervalStyle,
    //! bytea_output.
    types::TextFormatOptions text_options;
    //! The search_path value last given to DuckDB (empty: apply again, e.g. after CREATE SCHEMA).
    std::string applied_search_path = "\"$user\", public";
    std::string creation_schema = "public"; //!< the first existing schema of the applied search path
    //! The column types the rewrite looked up (SearchPathTables::ColumnTypes).
    ColumnTypeCache column_types;
    //! Where the latest statements that called nextval() drew from, newest last (lastval() takes the newest that
    //! did draw: an INSERT whose table has no nextval default did not).
    std::vector<sql::NextvalSource> nextval_history;
};

} // namespace duckgres::session
