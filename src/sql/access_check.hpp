// Access check: what a client statement reaches of the engine, decided from its parse tree or tokens.
#pragma once

#include "common/access_rights.hpp"
#include "sql/parsed_statement.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::sql {

//! The privilege a function needs when a client calls it by name (lower case): DuckDB's functions that change
//! the engine's state (checkpoint, enable_logging, profiling...), run SQL text of their own (query,
//! json_execute_serialized_sql), read raw memory (arrow_scan) or show the server's files and settings
//! (duckdb_settings, duckdb_databases...) need Engine; the rest Read.
Privilege FunctionPrivilege(std::string_view name);

//! The DuckDB catalogs beside the session's database (duckgres_catalog, system, temp): no client name may be
//! qualified by one of them.
bool IsEngineCatalog(std::string_view name);

//! Whether a statement of PostgreSQL command tag `tag` only reads (SELECT, SHOW, FETCH, transaction control,
//! SET...): what a read-only transaction accepts.
bool IsReadTag(const std::string &tag);

//! What the check needs to know of the session.
struct AccessContext {
    AccessRights rights;
    std::string database; //!< the session's database: the one catalog a three-part name may name
};

//! Throws the SqlError a client statement gets when it reaches further than `context.rights` allow, before
//! anything of it runs. With PostgreSQL's parse tree: statements that need an admin or the engine grant
//! (CHECKPOINT, LOAD, CALL, ALTER SYSTEM...), calls of engine functions, names qualified by another catalog
//! (0A000 / 3F000) and changes to the system catalogs (42501). Without one (DuckDB's own syntax): the same for
//! the function calls and qualified names its tokens show; its statement type is checked once DuckDB has
//! prepared it (engine/statement_type_access.hpp). A read_only user's statement in PostgreSQL's syntax is
//! refused by its tag here (25006) before any rewrite runs; DuckDB's READ ONLY transactions and the statement
//! type stand behind that.
void CheckStatementAccess(const ParsedStatement &statement, const AccessContext &context);

//! The name a statement in DuckDB's own syntax gives a new macro or function (CREATE [OR REPLACE] [TEMP] MACRO |
//! FUNCTION [schema.]name), lower case; nullopt for any other statement. The session refuses names that DuckDB or
//! the catalog already define: unqualified calls inside the shared catalog's views would find the user's macro
//! first, for every session.
std::optional<std::string> CreatedMacroName(const ParsedStatement &statement);

} // namespace duckgres::sql
