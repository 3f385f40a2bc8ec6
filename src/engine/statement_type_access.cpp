// The rules for DuckDB's statement types, as a table: which need writing, an admin or the engine grant.
#include "engine/statement_type_access.hpp"

#include "common/sql_error.hpp"

namespace duckgres::engine {

namespace {

struct TypeRule {
    duckdb_statement_type type;
    const char *name;
    Privilege postgres_syntax; //!< when PostgreSQL's grammar parsed the statement
    Privilege duckdb_syntax;   //!< when only DuckDB's did
};

constexpr Privilege R = Privilege::Read, W = Privilege::Write, E = Privilege::Engine, N = Privilege::Never;

//! Every statement type of DuckDB 1.4. SET, transactions and COPY in PostgreSQL's syntax are the session's own
//! (its parameter table, its transaction state, COPY ... STDIN/STDOUT); in DuckDB's syntax they would change the
//! database's settings (SET GLOBAL, USE) or the transaction behind the session's back.
constexpr TypeRule kRules[] = {
    {DUCKDB_STATEMENT_TYPE_SELECT, "SELECT", R, R},
    {DUCKDB_STATEMENT_TYPE_EXPLAIN, "EXPLAIN", R, R},
    {DUCKDB_STATEMENT_TYPE_PREPARE, "PREPARE", R, R},
    {DUCKDB_STATEMENT_TYPE_EXECUTE, "EXECUTE", R, R},
    {DUCKDB_STATEMENT_TYPE_COPY, "COPY", R, E},
    {DUCKDB_STATEMENT_TYPE_INSERT, "INSERT", W, W},
    {DUCKDB_STATEMENT_TYPE_UPDATE, "UPDATE", W, W},
    {DUCKDB_STATEMENT_TYPE_DELETE, "DELETE", W, W},
    {DUCKDB_STATEMENT_TYPE_CREATE, "CREATE", W, W},
    {DUCKDB_STATEMENT_TYPE_CREATE_FUNC, "CREATE MACRO", W, W},
    {DUCKDB_STATEMENT_TYPE_DROP, "DROP", W, W},
    {DUCKDB_STATEMENT_TYPE_ALTER, "ALTER", W, W},
    {DUCKDB_STATEMENT_TYPE_ANALYZE, "ANALYZE", W, W},
    {DUCKDB_STATEMENT_TYPE_VACUUM, "VACUUM", W, W},
    {DUCKDB_STATEMENT_TYPE_TRANSACTION, "TRANSACTION", N, N},
    {DUCKDB_STATEMENT_TYPE_VARIABLE_SET, "SET", E, E},
    {DUCKDB_STATEMENT_TYPE_SET, "SET", E, E},
    {DUCKDB_STATEMENT_TYPE_PRAGMA, "PRAGMA", E, E},
    {DUCKDB_STATEMENT_TYPE_CALL, "CALL", E, E},
    {DUCKDB_STATEMENT_TYPE_LOAD, "LOAD", E, E},
    {DUCKDB_STATEMENT_TYPE_EXTENSION, "EXTENSION", E, E},
    {DUCKDB_STATEMENT_TYPE_ATTACH, "ATTACH", E, E},
    {DUCKDB_STATEMENT_TYPE_DETACH, "DETACH", E, E},
    {DUCKDB_STATEMENT_TYPE_EXPORT, "EXPORT", E, E},
    {DUCKDB_STATEMENT_TYPE_RELATION, "RELATION", N, N},
    {DUCKDB_STATEMENT_TYPE_LOGICAL_PLAN, "LOGICAL PLAN", N, N},
    {DUCKDB_STATEMENT_TYPE_MULTI, "MULTI", N, N},
    // No type of its own: PostgreSQL's MERGE (a write, already checked by its tree), DuckDB's UPDATE EXTENSIONS.
    {DUCKDB_STATEMENT_TYPE_INVALID, "UNKNOWN", W, E},
};

const TypeRule &RuleFor(duckdb_statement_type type) {
    for (const auto &rule : kRules) {
        if (rule.type == type) {
            return rule;
        }
    }
    return kRules[sizeof(kRules) / sizeof(kRules[0]) - 1];
}

} // namespace

Privilege StatementTypePrivilege(duckdb_statement_type type, bool postgres_syntax, const std::string &tag) {
    // PostgreSQL's CHECKPOINT is DuckDB's CALL checkpoint(): an admin's command, not the engine's.
    if (postgres_syntax && tag == "CHECKPOINT") {
        return Privilege::Admin;
    }
    const auto &rule = RuleFor(type);
    return postgres_syntax ? rule.postgres_syntax : rule.duckdb_syntax;
}

const char *StatementTypeName(duckdb_statement_type type) {
    return RuleFor(type).name;
}

void CheckStatementType(duckdb_statement_type type, bool postgres_syntax, const std::string &tag,
                        const AccessRights &rights) {
    auto privilege = StatementTypePrivilege(type, postgres_syntax, tag);
    if (rights.Allows(privilege)) {
        return;
    }
    const std::string name = postgres_syntax && !tag.empty() ? tag : StatementTypeName(type);
    if (privilege == Privilege::Write) {
        throw SqlError("25006", "cannot execute " + name + " in a read-only transaction");
    }
    if (privilege == Privilege::Admin) {
        throw SqlError("42501", "must be superuser or have privileges of pg_checkpoint to do " + name);
    }
    throw SqlError(
        "42501", "permission denied to run DuckDB's " + std::string(StatementTypeName(type)) + " statement", "",
        privilege == Privilege::Never ? "Duckgres runs this itself; clients use PostgreSQL's statements for it."
                                      : kEngineGrantHint);
}

} // namespace duckgres::engine
