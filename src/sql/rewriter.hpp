// Rewrites PostgreSQL parse trees where DuckDB's semantics differ, and deparses them for DuckDB.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pg_query {
class Node;
}

namespace duckgres::sql {

//! Session facts some rewrites inline (functions DuckDB cannot know the answer to).
struct RewriteContext {
    std::string user;
    int32_t backend_pid = 0;
    //! Parameters DuckDB cannot type by itself, by number ($1 = 1): cast to these SQL types.
    std::map<int32_t, std::string> parameter_casts;
    //! The session's value of a PostgreSQL parameter, for current_setting('name'); nullopt for
    //! parameters the session does not know (DuckDB's own current_setting answers those).
    std::function<std::optional<std::string>(const std::string &)> setting;
    //! The user may read DuckDB's own settings through current_setting() (admins with admin_engine_access);
    //! otherwise a name the session does not know is PostgreSQL's 42704, not DuckDB's value (paths among them).
    bool engine_settings = false;
    //! set_config(name, value, is_local): applies the setting and returns the value it took; throws
    //! SqlError for unknown or read-only parameters. Unset: set_config is left to DuckDB.
    std::function<std::string(const std::string &, const std::string &, bool)> set_config;
    //! When set: NOTICE messages for clauses a pass dropped (TABLESPACE, index methods...).
    std::vector<std::string> *notices = nullptr;
    //! When set: statements to run before this one (the sequences of serial columns).
    std::vector<std::string> *before = nullptr;
    //! Where unqualified CREATE puts objects: the first existing schema of the search path.
    std::string creation_schema = "public";
    //! The first schema of the search path with a table of this name; unset or nullopt: not known.
    std::function<std::optional<std::string>(const std::string &)> find_table;
};

//! Applies every rewrite pass to a copy of `statement`. Returns the SQL text to give DuckDB,
//! or nullopt when no pass changed anything (the original text is then used as written).
//! Passes:
//!  - division and modulo by a non-constant divisor raise 22012 on zero, as PostgreSQL does
//!    (DuckDB returns NULL);
//!  - current_user, session_user, user, current_role name the session's user;
//!  - pg_backend_pid() is the session's backend process id; version() is PostgreSQL-shaped;
//!  - current_setting('name') of a PostgreSQL parameter is the session's value;
//!  - `FROM srf(...) AS a` names the single column `a`, as PostgreSQL does;
//!  - generate_series() in a select list returns rows (wrapped in unnest());
//!  - length(), position() and friends return integer (cast), as in PostgreSQL;
//!  - unqualified REFERENCES targets are qualified with the schema the search path finds them in;
//!  - LIKE escapes with a backslash, format() substitutes %s/%I/%L, ORDER BY / GROUP BY names resolve
//!    to output columns and scalar functions may stand in FROM, as in PostgreSQL (dialect_passes.hpp).
std::optional<std::string> RewriteForDuckDb(const pg_query::Node &statement, const RewriteContext &context);

//! The query of DECLARE ... CURSOR FOR query, rewritten like any statement and deparsed for
//! DuckDB. Throws SqlError 0A000 when it cannot be deparsed.
std::string CursorQueryText(const pg_query::Node &declare, const RewriteContext &context);

//! DROP or TRUNCATE of several objects at once (DuckDB takes one at a time): one statement per
//! object; empty for anything else.
std::vector<std::string> SplitMultiObjectDrop(const pg_query::Node &statement);

//! Parameters the statement casts explicitly (`$1::oid[]`), by number: the type's name as written (its
//! last name part, "[]" appended for arrays). PostgreSQL reports these types in ParameterDescription.
std::map<int32_t, std::string> ExplicitParameterTypes(const pg_query::Node &statement);

//! The query of COPY (query) TO STDOUT, rewritten and deparsed for DuckDB.
std::string CopyQueryText(const pg_query::Node &copy, const RewriteContext &context);

} // namespace duckgres::sql
