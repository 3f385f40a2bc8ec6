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

} // namespace duckgres::sql
