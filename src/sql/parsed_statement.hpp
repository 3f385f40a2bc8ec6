// ParsedStatement: one statement of a query string, classified for the session.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pg_query {
class Node;
}

namespace duckgres::sql {

//! What the session must do itself rather than hand to DuckDB unchanged.
enum class StatementKind {
    Generic,       //!< run on DuckDB as written
    MultiObject,   //!< DROP / TRUNCATE of several objects: one DuckDB statement per object
    Begin,         //!< BEGIN / START TRANSACTION
    Commit,        //!< COMMIT / END
    Rollback,      //!< ROLLBACK / ABORT
    Savepoint,     //!< SAVEPOINT, RELEASE, ROLLBACK TO (tag SAVEPOINT / RELEASE / ROLLBACK; name in `variable`)
    Set,           //!< SET name TO value / SET LOCAL
    Reset,         //!< RESET name / RESET ALL
    Show,          //!< SHOW name / SHOW ALL
    Deallocate,    //!< DEALLOCATE name / ALL (Parse and SQL PREPARE share one namespace)
    DeclareCursor, //!< DECLARE name [BINARY] CURSOR [WITH HOLD] FOR query
    Fetch,         //!< FETCH / MOVE [FORWARD] [n | ALL | NEXT] [FROM | IN] name
    CloseCursor,   //!< CLOSE name / CLOSE ALL
    CopyFrom,      //!< COPY table [(columns)] FROM STDIN
    CopyTo,        //!< COPY table [(columns)] | (query) TO STDOUT
    CopyFile,      //!< COPY to or from a server file or program: only with allow_external_access
    Ignored,       //!< accepted without effect (GRANT, CREATE EXTENSION...): `notice` says so, if anything
    Discard,       //!< DISCARD ALL / PLANS / SEQUENCES / TEMP
    Prepare,       //!< SQL PREPARE name AS query (run on DuckDB; the session remembers the query's tag)
    Execute,       //!< SQL EXECUTE name (...)
};

struct ParsedStatement {
    std::string text; //!< the statement's own text, without the trailing semicolon
    int location = 0; //!< byte offset of `text` in the query string (for error positions)
    StatementKind kind = StatementKind::Generic;
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

    // SET / RESET / SHOW
    std::string variable; //!< lower-case parameter name; "all" for SHOW ALL / RESET ALL; PREPARE/EXECUTE name;
                          //!< savepoint name
    std::string value;    //!< SET's value as PostgreSQL would store it ("DEFAULT" resets)
    bool is_local = false;

    // BEGIN options: READ ONLY (true), READ WRITE (false), neither (default_transaction_read_only decides).
    std::optional<bool> read_only;
    //! BEGIN / SET TRANSACTION / SET SESSION CHARACTERISTICS: ISOLATION LEVEL, as PostgreSQL names it ("repeatable
    //! read"); DuckDB's snapshot isolation serves every level, the session reports the one asked for.
    std::optional<std::string> isolation;
    bool chain = false; //!< COMMIT / ROLLBACK AND CHAIN

    // Cursors: the name is in `variable`.
    bool cursor_hold = false;    //!< WITH HOLD
    bool cursor_binary = false;  //!< BINARY
    int64_t fetch_count = 1;     //!< rows to FETCH or MOVE; 0 = ALL
    bool fetch_backward = false; //!< a direction other than forward (not supported)

    //! PREPARE name AS query: the query's own tag, and whether it takes a row count and returns rows.
    std::string prepared_tag;
    bool prepared_tag_has_rows = false;
    bool prepared_returns_rows = false;

    //! Ignored: the NOTICE telling the client the statement had no effect (empty: none, as for UNLISTEN).
    std::string notice;
    bool block_only = false; //!< Ignored: PostgreSQL allows it only in a transaction block (LOCK TABLE; else 25P01)
    //! Ignored: an error to raise instead (a CREATE EXTENSION of an unknown name).
    std::string error;

    // COPY
    std::string copy_schema;               //!< the table's schema, empty when unqualified
    std::string copy_table;                //!< the table, empty for COPY (query) TO
    std::vector<std::string> copy_columns; //!< the column list, empty for all columns
    //! Options as (lower-case name, value) pairs; list values are comma-joined, `*` for all.
    std::vector<std::pair<std::string, std::string>> copy_options;
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
