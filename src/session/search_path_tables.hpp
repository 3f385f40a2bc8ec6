// SearchPathTables: the rewrite's table lookup (sql::TableLocator) through a session's search path and DuckDB.
#pragma once

#include "engine/engine_connection.hpp"
#include "sql/table_locator.hpp"

#include <optional>
#include <string>
#include <vector>

namespace duckgres::session {

//! Finds tables of the connection's current database in `schemas` (a search path, in order). Blocking: each lookup
//! is a catalog query, run on the caller's (worker) thread.
class SearchPathTables : public sql::TableLocator {
public:
    SearchPathTables(engine::EngineConnection &connection, std::vector<std::string> schemas)
        : connection_(connection), schemas_(std::move(schemas)) {}

    //! The first of the schemas with a table named `table`; nullopt when none has one or the lookup fails.
    std::optional<std::string> SchemaOf(const std::string &table) const override;
    //! The table's columns in order; empty when the table is not found.
    std::vector<std::string> ColumnNames(const std::string &schema, const std::string &table) const override;
    //! The columns of a primary key or unique constraint, from the catalog's constraint names.
    std::vector<std::string> ConstraintColumns(const std::string &schema, const std::string &table,
                                               const std::string &constraint) const override;
    //! Whether DuckDB's catalog has a table macro of that name.
    bool IsTableMacro(const std::string &schema, const std::string &name) const override;
    //! The domains, from the comments of DuckDB's types.
    std::map<std::string, std::string> Domains() const override;
    //! The table's columns with their types, NOT NULL and defaults, from the catalog.
    std::vector<sql::ColumnDefinition> ColumnDefinitions(const std::string &schema,
                                                         const std::string &table) const override;

private:
    engine::EngineConnection &connection_;
    std::vector<std::string> schemas_;
};

} // namespace duckgres::session
