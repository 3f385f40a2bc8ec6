// Prepared statements and portals of the extended protocol (and SQL cursors), as the session keeps them.
#pragma once

#include "engine/engine_connection.hpp"
#include "engine/query_result.hpp"
#include "session/result_encoder.hpp"
#include "sql/parsed_statement.hpp"
#include "sql/pass_context.hpp"
#include "types/parameter_decoder.hpp"
#include "wire/backend_messages.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace duckgres::session {

//! One statement's result on DuckDB, from the start of execution to its last row.
struct ResultStream {
    std::shared_ptr<engine::PreparedStatement> prepared;
    std::unique_ptr<engine::QueryResult> result;
    std::unique_ptr<ResultEncoder> encoder; //!< set when the result has rows to send
    uint64_t changed_rows = 0;
    uint64_t rows_this_run = 0;
    bool started = false;
    bool changed_rows_read = false; //!< changed_rows came from the result already
    //! What the rewrite of `prepared` asks of the session (set_config() changes, notices): applied when it runs.
    sql::RewriteEffects effects;
};

//! A statement made by Parse (extended protocol).
struct PreparedEntry {
    sql::ParsedStatement statement;
    bool empty = false;                                  //!< the query string held no statement
    std::vector<uint32_t> parameter_types;               //!< as reported in ParameterDescription
    std::shared_ptr<engine::PreparedStatement> prepared; //!< DuckDB's, for statements run there
    std::vector<wire::FieldDescription> fields;          //!< result columns (text format); empty: NoData
    //! Per result column: DuckDB knew its type at Parse (otherwise `fields` says text).
    std::vector<bool> typed_columns;
    //! Undeclared parameters DuckDB could not type: Bind types them from their values.
    std::vector<int32_t> unresolved_parameters;
    //! The database's catalog version when DuckDB described it (see the session's described cache).
    uint64_t catalog_version = 0;
    //! What the rewrite of `prepared` asks of the session each time it runs.
    sql::RewriteEffects effects;
};

//! A portal made by Bind: a prepared statement with parameters, run by Execute.
struct Portal {
    std::shared_ptr<PreparedEntry> source;
    //! Bind's values (shared with the transaction's replay log when the portal writes).
    std::shared_ptr<const std::vector<types::OwnedValue>> parameters;
    std::vector<int16_t> result_formats;
    ResultStream execution;
    bool finished = false;
    //! Set when Bind typed unresolved parameters from their values: this portal's own
    //! prepared statement, result columns and parameter types.
    std::shared_ptr<engine::PreparedStatement> prepared;
    std::vector<wire::FieldDescription> fields;
    std::vector<uint32_t> parameter_types;
    sql::RewriteEffects effects; //!< of `prepared`
    bool sql_cursor = false;     //!< made by DECLARE (FETCH/MOVE/CLOSE), not by Bind
    bool hold = false;           //!< WITH HOLD: outlives its transaction (its rows are read at DECLARE)
    std::string declare_text;    //!< the DECLARE statement, for pg_cursors
    int64_t created_micros = 0;
};

//! One Execute of a portal: the portal, its statement (kept alive should the portal close), and the row limit.
struct PortalRun {
    Portal &portal;
    std::shared_ptr<PreparedEntry> source;
    uint64_t max_rows = 0; //!< 0: all rows
};

} // namespace duckgres::session
