// What a rewrite pass reads (the session's facts, as plain data) and what it hands back (its side effects).
#pragma once

#include "sql/sequence_options.hpp"
#include "sql/setting_source.hpp"
#include "sql/table_locator.hpp"
#include "types/text_format.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace pg_query {
class Node;
class RangeVar;
} // namespace pg_query

namespace duckgres::sql {

class ColumnScope;

//! The session facts some rewrites inline (what DuckDB cannot know), and which passes run.
struct RewriteContext {
    std::string user;
    int32_t backend_pid = 0;
    //! The session's database: DuckDB's name for its catalog (empty: not known).
    std::string database;
    //! Parameters DuckDB cannot type by itself, by number ($1 = 1): cast to these SQL types.
    std::map<int32_t, std::string> parameter_casts;
    //! The session's parameters, for current_setting() and set_config(). Unset: both are left to DuckDB.
    std::shared_ptr<const SettingSource> settings;
    //! The user may read DuckDB's own settings through current_setting() (admins with admin_engine_access);
    //! otherwise a name the session does not know is PostgreSQL's 42704, not DuckDB's value (paths among them).
    bool engine_settings = false;
    //! Where unqualified CREATE puts objects: the first existing schema of the search path.
    std::string creation_schema = "public";
    //! Finds the schema of an unqualified REFERENCES target. Unset: not known.
    std::shared_ptr<const TableLocator> tables;
    //! The statement's text has syntax DuckDB's parser lacks though no pass changes its tree (U&'...' strings, which
    //! the tree holds decoded): the tree is deparsed anyway.
    bool always_deparse = false;
    //! An INSERT without a column list gets the list of the columns its values fill (the rest take their defaults,
    //! as in PostgreSQL); set only after DuckDB refused the statement, as the lookup costs a catalog query.
    bool fill_insert_columns = false;
    //! A GROUP BY of a table's primary key gets the table's other columns (GroupByKeyColumns); set only after DuckDB
    //! refused the statement (42803), as the lookup costs catalog queries.
    bool group_by_key_columns = false;
    //! A relation FROM names that is a sequence reads as PostgreSQL's one-row relation of it (SequenceAsRelation);
    //! set only after DuckDB found no table of the name (42P01), as the lookup costs a catalog query per relation.
    bool sequence_relations = false;
    //! How the session reads date/time text (DateStyle's order, TimeZone): constants cast to date/time types are read
    //! with it at rewrite time, as PostgreSQL reads them at parse time.
    types::TextFormatOptions text_options;
    //! The sequence nextval() last drew from in this session, for lastval() (empty: none yet). Unset: lastval() is
    //! left to DuckDB. Called only for a statement that calls lastval() (it may look up the catalog).
    std::function<std::string()> last_sequence;
    //! Names of passes (RewritePasses()) that do not run: for tests. An unknown name is std::invalid_argument.
    std::set<std::string> disabled_passes;
};

//! A data-modifying statement of a WITH, run before the statement that reads its RETURNING rows (DuckDB takes no
//! INSERT, UPDATE, DELETE or MERGE in a WITH).
struct CapturedRows {
    //! The temporary table (in DuckDB's temp catalog, schema main) that keeps the RETURNING rows; empty: none (no
    //! RETURNING).
    std::string table;
    //! Makes the table, empty, with the RETURNING list's columns (CREATE OR REPLACE TEMPORARY TABLE ... AS SELECT
    //! ... WHERE false): run before the statement is prepared and before each run.
    std::string create;
    //! The data-modifying statement itself, its rows appended to the table.
    std::string run;
};

//! What the foreign keys Duckgres enforces need around a statement, each time it runs, in one transaction with it:
//! steps before it (after the captures; with its parameters) and after it. Kept apart from the other effects, so that
//! a statement prepared before a key changed has them worked out again.
struct ForeignKeySteps {
    std::vector<CapturedRows> before;
    std::vector<CapturedRows> after;

    bool empty() const { return before.empty() && after.empty(); }
};

//! CREATE TEMP TABLE ... ON COMMIT DROP / DELETE ROWS (DuckDB has no ON COMMIT): what the session does to the table
//! when a transaction commits (one that rolls back takes a table it made with it).
struct CommitAction {
    //! The table, quoted and qualified as the statement names it.
    std::string table;
    //! Dropped at the end of its transaction (ON COMMIT DROP); otherwise emptied at every commit (DELETE ROWS).
    bool drop = false;
};

//! What a rewrite asks of the session besides running the rewritten text: applied once, in this order (settings,
//! notices, statements before, sequence changes), before the statement runs; the statements after follow it.
struct RewriteEffects {
    //! set_config() calls, in the order the statement makes them.
    std::vector<SettingChange> setting_changes;
    //! NOTICE messages for clauses a pass dropped (TABLESPACE, index methods, FOR UPDATE...).
    std::vector<std::string> notices;
    //! Statements to run before this one (the sequences of serial columns).
    std::vector<std::string> before;
    //! DuckDB type aliases of PostgreSQL types with modifiers the statement names (pg_varchar_20): registered before
    //! it prepares (engine::Database::EnsureTypmodAliases).
    std::vector<std::string> typmod_types;
    //! Sequences to make again before the statement runs, each time it runs (setval(), ALTER SEQUENCE).
    std::vector<SequenceChange> sequence_changes;
    //! Queries run before the statement, each time it runs, whose rows are setval() calls to make (name, value,
    //! is_called, and again for the next call): the arguments of setval() calls that are not constant.
    std::vector<std::string> setval_queries;
    //! Statements to run after this one (a CREATE TABLE's nextval defaults, set where DuckDB records no dependency
    //! on the sequence, so that setval() and ALTER SEQUENCE can make it again).
    std::vector<std::string> after;
    //! Data-modifying statements of the statement's WITH, run in this order before it, in one transaction with it;
    //! their tables are dropped by statements of `after`.
    std::vector<CapturedRows> captures;
    //! The steps of the foreign keys Duckgres enforces (sql/foreign_key_actions.hpp).
    ForeignKeySteps foreign_keys;
    //! ON COMMIT actions of the temporary table the statement creates.
    std::vector<CommitAction> commit_actions;
};

//! One rewrite of one statement: the facts every pass reads and the effects they collect.
struct PassContext {
    const RewriteContext &facts;
    //! The table a CREATE TABLE / ALTER TABLE names (a REFERENCES to itself is in its schema); null otherwise.
    const pg_query::RangeVar *statement_table = nullptr;
    RewriteEffects effects;
    //! Lower-case name -> the value set_config() earlier in this statement gives it (current_setting() reads it).
    std::map<std::string, std::string> pending_settings;
    //! The statement's set_config() changes applied so far, made at the first one.
    std::unique_ptr<SettingDraft> setting_draft;
    //! The statement as the client wrote it (before any pass), for column lookups; null: none are made.
    const pg_query::Node *statement = nullptr;
    //! The relations of `statement` and their columns' types: looked up the first time a pass asks (column_types.hpp).
    std::shared_ptr<const ColumnScope> columns;
    //! The statement being rewritten (the root the passes reach last).
    const pg_query::Node *root = nullptr;
};

//! A rewrite pass: changes `node` where PostgreSQL and DuckDB differ; true when it changed anything.
using PassFunction = bool (*)(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
