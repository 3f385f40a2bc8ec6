// Rewrite passes for DDL PostgreSQL accepts and DuckDB does not: storage clauses, index methods, serial,
// REFERENCES resolved through the search path.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! CREATE TABLE ... TABLESPACE / USING heap / WITH (storage parameters) and CREATE INDEX ... USING
//! method / WITH (...) / TABLESPACE: the clauses DuckDB has no use for are dropped, each with a notice
//! saying so. (A btree index is DuckDB's ART index; other methods become one too.)
bool DropStorageClauses(pg_query::Node &node, PassContext &context);

//! CREATE TEMP TABLE ... ON COMMIT PRESERVE ROWS / DELETE ROWS / DROP: the clause dropped (DuckDB has none), DROP and
//! DELETE ROWS a RewriteEffects::commit_actions entry the session carries out. ON COMMIT of a permanent table: 42P16.
bool OnCommitAsSessionAction(pg_query::Node &node, PassContext &context);

//! CREATE TABLE t (LIKE other [INCLUDING DEFAULTS | ALL]): the LIKE becomes the columns of `other` as the catalog
//! shows them (RewriteContext::tables): PostgreSQL's type, NOT NULL, and the default when INCLUDING DEFAULTS; 42P01
//! when `other` is not found. (Constraints, indexes and comments are not copied, as LIKE's defaults say.)
bool ExpandTableLikeClauses(pg_query::Node &node, PassContext &context);

//! Domains are DuckDB type aliases whose comment keeps the CREATE DOMAIN statement (rewriter.cpp): a CREATE TABLE
//! column of a domain (RewriteContext::tables) gets the domain's NOT NULL and CHECK constraints, VALUE standing for
//! the column, so that they are enforced as PostgreSQL enforces them. DROP DOMAIN is DROP TYPE. (Casts to a domain
//! and columns added by ALTER TABLE are not checked.)
bool ExpandDomainConstraints(pg_query::Node &node, PassContext &context);

//! CREATE INDEX variants that only make PostgreSQL's index faster or smaller, not its answers: the WHERE of a
//! partial index (the index covers every row), CONCURRENTLY, INCLUDE columns, DESC / NULLS FIRST / LAST and operator
//! classes are dropped. A partial UNIQUE index, a constraint on the rows its WHERE selects, indexes
//! CASE WHEN predicate THEN key END instead of each key: NULL for the other rows, which never collide.
bool SimplifyIndexDefinition(pg_query::Node &node, PassContext &context);

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

//! CREATE [OR REPLACE] VIEW: the query as PostgreSQL takes it (as the client wrote it, relations qualified), kept in
//! the view's comment by a COMMENT ON VIEW after the statement, for pg_get_viewdef() and pg_dump (DuckDB keeps the
//! rewritten query, in DuckDB's terms).
bool KeepViewDefinition(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
