// Rewrite passes for DDL PostgreSQL accepts and DuckDB does not: storage clauses, index methods, serial,
// REFERENCES resolved through the search path.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! CREATE TABLE ... TABLESPACE / USING heap / WITH (storage parameters) and CREATE INDEX ... USING
//! method / WITH (...) / TABLESPACE: the clauses DuckDB has no use for are dropped, each with a notice
//! saying so. (A btree index is DuckDB's ART index; other methods become one too.)
bool DropStorageClauses(pg_query::Node &node, PassContext &context);

//! serial, bigserial and smallserial columns become integer, bigint and smallint NOT NULL with DEFAULT
//! nextval('<table>_<column>_seq'); the CREATE SEQUENCE statements that must run first are added to
//! the effects' `before`. Identity columns (GENERATED ... AS IDENTITY without sequence options) get the same
//! sequence and default, keeping their type (an explicit value for GENERATED ALWAYS is accepted, not 428C9).
bool ExpandSerialColumns(pg_query::Node &node, PassContext &context);

//! varchar(n) and char(n) columns of CREATE TABLE get a CHECK constraint that enforces the length, as
//! PostgreSQL does (DuckDB ignores it): length(rtrim(col, ' ')) <= n for varchar, length(rtrim(col)) <= n
//! for char (trailing spaces do not count, as in PostgreSQL). The error mapping turns its violation into
//! 22001 (common/character_length.hpp). ALTER TABLE ... ADD COLUMN cannot carry the CHECK in DuckDB.
bool EnforceCharacterLengths(pg_query::Node &node, PassContext &context);

//! DuckDB looks up an unqualified REFERENCES target in its own default schema (main); PostgreSQL through the search
//! path: the target is qualified with the first schema of the path that has it (RewriteContext::tables). A table
//! referencing itself is in its own schema; a target found nowhere is left to fail in the schema unqualified names
//! are created in.
bool QualifyForeignKeyTarget(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
