// Rewrite passes that inline what only the session knows: its user, backend, settings and parameter types.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! current_user, session_user, user and current_role become the session's user, typed name.
bool InlineCurrentUser(pg_query::Node &node, PassContext &context);

//! current_schema, current_catalog, current_schema() and current_database() are cast to name (PostgreSQL's type;
//! DuckDB's is varchar).
bool TypeNameFunctions(pg_query::Node &node, PassContext &context);

//! current_setting('name' [, missing_ok]) of a parameter the session knows becomes its value (one that set_config()
//! sets earlier in the statement included); with missing_ok, NULL for unknown names. Other names throw 42704 unless
//! the user may read DuckDB's own settings.
bool InlineCurrentSetting(pg_query::Node &node, PassContext &context);

//! current_schemas(bool): the schemas of the session's search_path that exist, pg_catalog first when asked for.
bool InlineCurrentSchemas(pg_query::Node &node, PassContext &context);

//! set_config('name', 'value', is_local) with constant arguments is recorded as a SettingChange for the session to
//! apply, and replaced by the value the parameter takes (as SHOW shows it). So is set_config(name, ...) FROM
//! pg_settings WHERE name = 'name' (pg_dump's form), for a parameter the session has.
bool InlineSetConfig(pg_query::Node &node, PassContext &context);

//! pg_backend_pid() becomes the session's backend process id.
bool InlineBackendPid(pg_query::Node &node, PassContext &context);

//! version() becomes a PostgreSQL-shaped version string (clients parse it for "PostgreSQL <major>.<minor>").
bool PostgresVersion(pg_query::Node &node, PassContext &context);

//! `$n` becomes `$n::type` for parameters whose type only the client knows (declared in Parse) or that PostgreSQL
//! would take as text.
bool CastParameter(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
