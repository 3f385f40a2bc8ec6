// Rewrite passes for DDL PostgreSQL accepts and DuckDB does not: storage clauses, index methods, serial.
#pragma once

#include <pg_query.pb.h>

#include <string>
#include <vector>

namespace duckgres::sql {

//! CREATE TABLE ... TABLESPACE / USING heap / WITH (storage parameters) and CREATE INDEX ... USING
//! method / WITH (...) / TABLESPACE: the clauses DuckDB has no use for are dropped, each with a line
//! for `notices` saying so. (A btree index is DuckDB's ART index; other methods become one too.)
bool DropStorageClauses(pg_query::Node &node, std::vector<std::string> &notices);

//! serial, bigserial and smallserial columns become integer, bigint and smallint NOT NULL with DEFAULT
//! nextval('<table>_<column>_seq'); the CREATE SEQUENCE statements that must run first are added to
//! `before`.
bool ExpandSerialColumns(pg_query::Node &node, std::vector<std::string> &before);

//! varchar(n) and char(n) columns of CREATE TABLE get a CHECK constraint that enforces the length, as
//! PostgreSQL does (DuckDB ignores it): length(rtrim(col, ' ')) <= n for varchar, length(rtrim(col)) <= n
//! for char (trailing spaces do not count, as in PostgreSQL). The error mapping turns its violation into
//! 22001 (common/character_length.hpp). ALTER TABLE ... ADD COLUMN cannot carry the CHECK in DuckDB.
bool EnforceCharacterLengths(pg_query::Node &node);

} // namespace duckgres::sql
