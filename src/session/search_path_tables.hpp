// SearchPathTables: the rewrite's table lookup (sql::TableLocator) through a session's search path and DuckDB.
#pragma once

#include "engine/engine_connection.hpp"
#include "sql/table_locator.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::session {

//! The column types looked up for the rewrite, kept while the database's catalog version stays the same.
struct ColumnTypeCache {
    uint64_t catalog_version = 0;
    //! By search path, schema and table; an empty list: not found.
    std::map<std::string, std::vector<sql::ColumnType>> relations;
    //! The database's managed foreign keys, once looked up.
    std::optional<std::vector<sql::ManagedForeignKey>> managed_keys;
};

//! Finds tables of the connection's current database in `schemas` (a search path, in order). Blocking: each lookup
//! is a catalog query, run on the caller's (worker) thread.
class SearchPathTables : public sql::TableLocator {
public:
    //! `cache` (may be null) keeps ColumnTypes() answers across statements.
    SearchPathTables(engine::EngineConnection &connection, std::vector<std::string> schemas,
                     ColumnTypeCache *cache = nullptr)
        : connection_(connection), schemas_(std::move(schemas)), cache_(cache) {}

    //! The first of the schemas with a table named `table`; nullopt when none has one or the lookup fails.
    std::optional<std::string> SchemaOf(const std::string &table) const override;
    //! The table's columns in order; empty when the table is not found.
    std::vector<std::string> ColumnNames(const std::string &schema, const std::string &table) const override;
    //! The columns of a primary key or unique constraint, from the catalog's constraint names.
    std::vector<std::string> ConstraintColumns(const std::string &schema, const std::string &table,
                                               const std::string &constraint) const override;
    //! The columns of a table or view with their PostgreSQL types (a prepared SELECT * tells them), cached.
    std::vector<sql::ColumnType> ColumnTypes(const std::string &schema, const std::string &table) const override;
    //! The schema of a sequence, from DuckDB's catalog.
    std::optional<std::string> SequenceSchema(const std::string &schema, const std::string &name) const override;
    //! Whether DuckDB's catalog has a table macro of that name.
    bool IsTableMacro(const std::string &schema, const std::string &name) const override;
    //! The domains, from the comments of DuckDB's types.
    std::map<std::string, std::string> Domains() const override;
    std::string TableComment(const std::string &schema, const std::string &table) const override;
    bool IsTemporaryTable(const std::string &table) const override;
    //! From the tables' comments, cached.
    std::vector<sql::ManagedForeignKey> ManagedForeignKeys() const override;
    std::vector<sql::UniqueKey> UniqueKeys(const std::string &schema, const std::string &table) const override;
    //! The table's generated columns, tried as INSERT targets.
    std::set<std::string> GeneratedColumns(const std::string &schema, const std::string &table) const override;
    //! The table's columns with their types, NOT NULL and defaults, from the catalog.
    std::vector<sql::ColumnDefinition> ColumnDefinitions(const std::string &schema,
                                                         const std::string &table) const override;

private:
    //! The cache, emptied when the catalog version changed; null without one.
    ColumnTypeCache *Cache() const;

    engine::EngineConnection &connection_;
    std::vector<std::string> schemas_;
    ColumnTypeCache *cache_;
};

} // namespace duckgres::session
