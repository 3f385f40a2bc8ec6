// Statement type access: what a statement needs, by the type DuckDB gives it once prepared.
#pragma once

#include "common/access_rights.hpp"

#include <duckdb.h>

#include <string>

namespace duckgres::engine {

//! What running a prepared statement of `type` needs. `postgres_syntax`: PostgreSQL's grammar parsed it, so the
//! session has handled what it must own (SET, transactions, COPY to files) and `tag` is PostgreSQL's command tag.
Privilege StatementTypePrivilege(duckdb_statement_type type, bool postgres_syntax, const std::string &tag);

//! DuckDB's name for a statement type ("PRAGMA", "ATTACH"), for errors.
const char *StatementTypeName(duckdb_statement_type type);

//! Throws what PostgreSQL answers when `rights` lack the privilege: 25006 for a write by a read-only user
//! ("cannot execute INSERT in a read-only transaction"), else 42501.
void CheckStatementType(duckdb_statement_type type, bool postgres_syntax, const std::string &tag,
                        const AccessRights &rights);

} // namespace duckgres::engine
