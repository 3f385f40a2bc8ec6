// Rewrites PostgreSQL parse trees where DuckDB's semantics differ, and deparses them for DuckDB.
#pragma once

#include "sql/pass_context.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pg_query {
class AlterTableStmt;
}

namespace duckgres::sql {

//! A rewritten statement: the text to give DuckDB and what the session must do besides (see RewriteEffects).
struct RewriteResult {
    //! The SQL text to give DuckDB; nullopt when no pass changed anything (the original text is used as written).
    std::optional<std::string> text;
    RewriteEffects effects;
};

//! Runs the passes of RewritePasses() (rewrite_passes.cpp), but those `context` disables, over a copy of
//! `statement`. Throws SqlError for what PostgreSQL refuses at parse analysis (current_setting() of an unknown
//! parameter: 42704).
RewriteResult RewriteForDuckDb(const pg_query::Node &statement, const RewriteContext &context);

//! The query of DECLARE ... CURSOR FOR query, rewritten like any statement; its text is always set. Throws SqlError
//! 0A000 when it cannot be deparsed.
RewriteResult RewriteCursorQuery(const pg_query::Node &declare, const RewriteContext &context);

//! The query of COPY (query) TO STDOUT, rewritten like any statement; its text is always set. Throws SqlError
//! 0A000 when it cannot be deparsed.
RewriteResult RewriteCopyQuery(const pg_query::Node &copy, const RewriteContext &context);

//! The SQL text of a statement's tree as it is (no pass runs); nullopt when it cannot be deparsed.
std::optional<std::string> DeparseStatement(const pg_query::Node &statement);

//! DeparseStatement's text; SqlError 0A000 "<what> cannot be run by DuckDB" when there is none.
std::string DeparseOrRefuse(const pg_query::Node &statement, const std::string &what);

//! DROP or TRUNCATE of several objects at once, ALTER TABLE of several actions (DuckDB takes one at a time): one
//! statement per object or action, to run in one transaction; empty for anything else.
std::vector<std::string> SplitIntoSingleStatements(const pg_query::Node &statement);

//! Whether an ALTER TABLE adds a column declared NOT NULL, which DuckDB refuses ("Adding columns with constraints not
//! yet supported"): SplitIntoSingleStatements makes it ADD COLUMN, then ALTER COLUMN ... SET NOT NULL.
bool AddsNotNullColumn(const pg_query::AlterTableStmt &alter);

//! Parameters the statement casts explicitly (`$1::oid[]`), by number: the type's name as written (its
//! last name part, "[]" appended for arrays). PostgreSQL reports these types in ParameterDescription.
std::map<int32_t, std::string> ExplicitParameterTypes(const pg_query::Node &statement);

} // namespace duckgres::sql
