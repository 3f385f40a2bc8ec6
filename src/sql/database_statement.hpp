// DatabaseStatement: CREATE / DROP / ALTER DATABASE read from the parse tree, options checked as PostgreSQL does.
#pragma once

#include "sql/parsed_statement.hpp"

namespace pg_query {
class CreatedbStmt;
class DropdbStmt;
class RenameStmt;
} // namespace pg_query

namespace duckgres::sql {

//! CREATE DATABASE name [WITH options]. Throws SqlError for options PostgreSQL refuses (42601 unknown or repeated,
//! 42704 an unknown encoding or tablespace, 22023 a bad value) and 0A000 for those Duckgres cannot honour.
DatabaseStatement CreateDatabaseOf(const pg_query::CreatedbStmt &stmt);
//! DROP DATABASE [IF EXISTS] name [[WITH] (FORCE)].
DatabaseStatement DropDatabaseOf(const pg_query::DropdbStmt &stmt);
//! ALTER DATABASE name RENAME TO new_name.
DatabaseStatement RenameDatabaseOf(const pg_query::RenameStmt &stmt);

} // namespace duckgres::sql
