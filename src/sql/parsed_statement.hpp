// ParsedStatement: one statement of a query string, classified for the session.
#pragma once

#include "common/sql_error.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace pg_query {
class Node;
}

namespace duckgres::sql {

//! SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE and its wait policy.
enum class RowLock : uint8_t { None, Wait, NoWait, SkipLocked };

//! Run on DuckDB as written.
struct GenericStatement {
    bool schema_change = false; //!< CREATE / DROP SCHEMA: search_path may resolve differently afterwards
    //! A locking SELECT: the session takes the write lock before it runs (DuckDB locks no rows).
    RowLock row_lock = RowLock::None;
    std::string lock_relation; //!< the relation a NOWAIT error names (the first one of FROM)
};

//! LOCK [TABLE] name [IN mode] [NOWAIT]: only in a transaction (a block, or a multi-statement message's).
struct LockTableStatement {
    std::string relation; //!< the first relation named
    //! Every relation named, as (schema or empty, name): each must exist (42P01), as in PostgreSQL.
    std::vector<std::pair<std::string, std::string>> relations;
    bool blocks_writers = false; //!< SHARE mode or stronger: the session takes the write lock
    bool nowait = false;         //!< NOWAIT: 55P03 at once instead of waiting
};

//! DROP / TRUNCATE of several objects, ALTER TABLE of several actions: one DuckDB statement per object or action,
//! all in one transaction.
struct MultiObjectStatement {
    bool schema_change = false; //!< DROP SCHEMA a, b
};

//! BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT, PREPARE TRANSACTION.
struct TransactionStatement {
    //! PrepareTransaction: refused as with PostgreSQL's max_prepared_transactions = 0 (the transaction rolls back).
    enum class Action { Begin, Commit, Rollback, PrepareTransaction };
    Action action = Action::Begin;
    //! BEGIN's READ ONLY (true), READ WRITE (false), neither (default_transaction_read_only decides).
    std::optional<bool> read_only;
    //! BEGIN's ISOLATION LEVEL, as PostgreSQL names it ("repeatable read").
    std::optional<std::string> isolation;
    bool chain = false; //!< COMMIT / ROLLBACK AND CHAIN
};

//! SAVEPOINT name, RELEASE [SAVEPOINT] name, ROLLBACK TO [SAVEPOINT] name.
struct SavepointStatement {
    enum class Action { Define, Release, RollbackTo };
    Action action = Action::Define;
    std::string name;
};

//! SET name TO value / SET LOCAL, and SET TRANSACTION / SET SESSION CHARACTERISTICS AS TRANSACTION.
struct SetStatement {
    std::string name;  //!< lower-case parameter name ("transaction", "session characteristics" for the others)
    std::string value; //!< the value as PostgreSQL would store it ("DEFAULT" resets)
    bool is_local = false;
    //! SET TRANSACTION ...: READ ONLY (true) / READ WRITE (false).
    std::optional<bool> read_only;
    //! SET TRANSACTION ...: ISOLATION LEVEL as PostgreSQL names it; DuckDB's snapshot isolation serves every
    //! level, the session reports the one asked for.
    std::optional<std::string> isolation;
};

//! RESET name / RESET ALL.
struct ResetStatement {
    std::string name; //!< lower-case parameter name; "all" for RESET ALL
};

//! SHOW name / SHOW ALL.
struct ShowStatement {
    std::string name; //!< lower-case parameter name; "all" for SHOW ALL
};

//! DEALLOCATE name / ALL (Parse and SQL PREPARE share one namespace).
struct DeallocateStatement {
    std::string name; //!< empty for DEALLOCATE ALL
};

//! DECLARE name [BINARY] CURSOR [WITH HOLD] FOR query.
struct DeclareCursorStatement {
    std::string name;
    bool hold = false;   //!< WITH HOLD
    bool binary = false; //!< BINARY
};

//! FETCH / MOVE [FORWARD] [n | ALL | NEXT] [FROM | IN] cursor.
struct FetchStatement {
    bool move = false;     //!< MOVE: skips the rows instead of sending them
    int64_t count = 1;     //!< rows to fetch or skip; 0 = ALL
    bool backward = false; //!< a direction other than forward (not supported)
    std::string cursor;
};

//! CLOSE name / CLOSE ALL.
struct CloseCursorStatement {
    std::string name; //!< empty for CLOSE ALL
};

//! The table (or query) a COPY reads or writes, and its options.
struct CopyTarget {
    std::string schema;               //!< the table's schema, empty when unqualified
    std::string table;                //!< the table, empty for COPY (query) TO
    std::vector<std::string> columns; //!< the column list, empty for all columns
    //! Options as (lower-case name, value) pairs; list values are comma-joined, `*` for all.
    std::vector<std::pair<std::string, std::string>> options;
};

//! COPY table [(columns)] FROM STDIN.
struct CopyFromStatement {
    CopyTarget target;
};

//! COPY table [(columns)] | (query) TO STDOUT.
struct CopyToStatement {
    CopyTarget target;
};

//! COPY to or from a server file or program: only with allow_external_access, then run on DuckDB.
struct CopyFileStatement {};

//! Accepted without effect (CREATE EXTENSION, LOCK TABLE...), or refused with `error` (GRANT).
struct IgnoredStatement {
    std::string notice;      //!< the NOTICE telling the client it had no effect (empty: none, as for UNLISTEN)
    bool block_only = false; //!< PostgreSQL allows it only in a transaction block (LOCK TABLE; else 25P01)
    std::string error;       //!< an error to raise instead (GRANT, an unknown extension)
    //! OWNER TO: the role named (empty: CURRENT_USER and the like). The session's own user owns every object
    //! already, so for it the statement has its effect and no notice is sent.
    std::optional<std::string> new_owner;
};

//! DISCARD ALL / PLANS / SEQUENCES / TEMP.
struct DiscardStatement {
    bool all = false; //!< DISCARD ALL: closes cursors, forgets prepared statements, resets every parameter
};

//! SQL PREPARE name AS query (run on DuckDB; the session remembers the query's tag for EXECUTE).
struct PrepareStatement {
    std::string name;
    std::string tag;           //!< the query's own tag
    bool tag_has_rows = false; //!< the query's tag takes a row count
    bool returns_rows = false; //!< the query returns rows
};

//! SQL EXECUTE name (...).
struct ExecuteStatement {
    std::string name;
};

//! CREATE DATABASE / DROP DATABASE / ALTER DATABASE ... RENAME TO: a file of the data directory each, changed
//! outside any transaction.
struct DatabaseStatement {
    enum class Action { Create, Drop, Rename };
    Action action = Action::Create;
    std::string name;
    std::string new_name;      //!< Rename: the new name
    std::string template_name; //!< Create: the database to copy; empty, template0 or template1 for an empty one
    std::string owner;         //!< Create: OWNER, which must be a user of the server (empty: none given)
    //! Create: LOCALE, LC_COLLATE and LC_CTYPE as given (by lower-case option name).
    std::map<std::string, std::string> locales;
    bool if_exists = false; //!< Drop: IF EXISTS
    bool force = false;     //!< Drop: WITH (FORCE) terminates the database's sessions first
    //! The error its options give, raised when the statement runs (as PostgreSQL does), not when it is parsed.
    std::optional<SqlError> refusal;
};

//! DO [LANGUAGE name] 'body': an anonymous code block the session interprets.
struct DoStatement {
    std::string language = "plpgsql";
    std::string body;
};

//! What the session must do with a statement: one alternative per kind, with that kind's own fields.
using StatementCommand =
    std::variant<GenericStatement, MultiObjectStatement, TransactionStatement, SavepointStatement, SetStatement,
                 ResetStatement, ShowStatement, DeallocateStatement, DeclareCursorStatement, FetchStatement,
                 CloseCursorStatement, CopyFromStatement, CopyToStatement, CopyFileStatement, IgnoredStatement,
                 DiscardStatement, PrepareStatement, ExecuteStatement, LockTableStatement, DatabaseStatement,
                 DoStatement>;

struct ParsedStatement {
    std::string text; //!< the statement's own text, without the trailing semicolon
    int location = 0; //!< byte offset of `text` in the query string (for error positions)
    //! PostgreSQL's command tag without the row count ("SELECT", "INSERT", "CREATE TABLE").
    //! Empty when PostgreSQL's grammar rejected the statement (DuckDB-only syntax): the engine
    //! derives the tag from DuckDB's statement type then.
    std::string tag;
    bool tag_has_rows = false; //!< the tag takes a row count ("SELECT 3", "INSERT 0 3")
    bool returns_rows = false; //!< PostgreSQL would send a RowDescription (SELECT, RETURNING, SHOW...)
    //! Result column names as PostgreSQL gives them; empty when unknown (DuckDB's are used).
    std::vector<std::string> column_names;

    //! PostgreSQL's parse tree of the statement; null when PostgreSQL's grammar rejected it.
    std::shared_ptr<const pg_query::Node> tree;

    //! What kind of statement it is, with that kind's fields.
    StatementCommand command;

    //! The command if it is a `T`, else null.
    template <class T>
    const T *As() const {
        return std::get_if<T>(&command);
    }
    //! Whether the command is a `T`.
    template <class T>
    bool Is() const {
        return std::holds_alternative<T>(command);
    }
};

//! A query string split into statements. When PostgreSQL's grammar rejects the string,
//! `postgres_syntax_ok` is false, the statements come from a lexical split, and
//! `syntax_error`/`syntax_error_position` hold PostgreSQL's message (DuckDB may still accept
//! its own syntax, so the session tries DuckDB first and reports DuckDB's error).
struct ParsedQuery {
    std::vector<ParsedStatement> statements;
    bool postgres_syntax_ok = true;
    std::string syntax_error;
    int syntax_error_position = 0; //!< 1-based, 0 when unknown
};

} // namespace duckgres::sql
