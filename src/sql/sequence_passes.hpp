// Rewrite passes for PostgreSQL's sequences: setval(), ALTER SEQUENCE and CREATE SEQUENCE options, which DuckDB lacks,
// become sequence changes the session makes; nextval defaults are set where DuckDB lets the sequence be made again.
#pragma once

#include "sql/pass_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace duckgres::sql {

//! nextval('s'::regclass), currval(...) and setval(...): the name itself ('s'), as DuckDB's nextval takes it (the reg
//! cast pass made it a catalog lookup).
bool SequenceNameArguments(pg_query::Node &node, PassContext &context);

//! setval('seq', n [, is_called]) with constant arguments: a SequenceChange for the session (made before the
//! statement runs), the call replaced by n::bigint, what setval() returns.
bool SetvalAsSequenceChange(pg_query::Node &node, PassContext &context);

//! SELECT setval(name, value [, is_called]) ... whose arguments are not constant (setval(pg_get_serial_sequence('t',
//! 'id'), max(id)) FROM t): a query of the same FROM / WHERE / GROUP BY giving the arguments, for the session to make
//! the calls from before the statement runs; each call replaced by value::bigint. Only calls that are select-list
//! items.
bool SetvalFromQuery(pg_query::Node &node, PassContext &context);

//! ALTER SEQUENCE: a SequenceChange for the session; DuckDB is given SELECT 1 (no rows reach the client).
bool AlterSequenceAsChange(pg_query::Node &node, PassContext &context);

//! CREATE SEQUENCE: its options as PostgreSQL reads them (AS type bounds, NO MINVALUE / NO MAXVALUE, checked), in
//! DuckDB's terms; CACHE and OWNED BY are dropped.
bool CreateSequenceOptions(pg_query::Node &node, PassContext &context);

//! ALTER TABLE t ALTER COLUMN c ADD GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [(SEQUENCE NAME s, ...)], as
//! pg_dump writes identity columns: the sequence is created before the statement, with its options, and becomes the
//! column's nextval default (ALWAYS is not enforced: a value given explicitly is kept).
bool AddIdentityAsSequenceDefault(pg_query::Node &node, PassContext &context);

//! CREATE TABLE columns with DEFAULT nextval('seq') (serial ones included) get the default from an ALTER TABLE after
//! the statement: DuckDB then records no dependency of the table on the sequence, which setval() and ALTER SEQUENCE
//! make again (CREATE OR REPLACE SEQUENCE).
bool SequenceDefaultsAfterCreate(pg_query::Node &node, PassContext &context);

//! A sequence named in FROM (SELECT last_value, is_called FROM seq, as pg_dump reads one): PostgreSQL's one-row
//! relation of it, read from DuckDB's catalog. Only with RewriteContext::sequence_relations (a catalog lookup each).
bool SequenceAsRelation(pg_query::Node &node, PassContext &context);

//! lastval(): currval() of the sequence the session's nextval() drew from last (RewriteContext::last_sequence);
//! 55000 when there is none.
bool LastvalAsCurrval(pg_query::Node &node, PassContext &context);

//! Where a statement's nextval() calls draw from, for lastval(): an INSERT's table (whose nextval defaults fill the
//! columns it does not list), or the last nextval('name') it calls.
struct NextvalSource {
    std::string sequence; //!< of nextval('name'); empty: none
    std::string table_schema;
    std::string table;                //!< the INSERT's; empty: not an INSERT
    std::vector<std::string> columns; //!< the INSERT's column list
};
std::optional<NextvalSource> NextvalSourceOf(const pg_query::Node &statement);

} // namespace duckgres::sql
