// SearchPathTables: the first schema of a search path holding a table, from DuckDB's catalog.
#include "session/search_path_tables.hpp"

#include "common/sql_error.hpp"
#include "engine/catalog_lookup.hpp"

namespace duckgres::session {

std::optional<std::string> SearchPathTables::SchemaOf(const std::string &table) const {
    auto holding = engine::CatalogLookup(connection_).SchemasWithTable(table);
    for (const auto &schema : schemas_) {
        if (holding.count(schema)) {
            return schema;
        }
    }
    return std::nullopt; // none has it, or nothing is known
}

std::vector<std::string> SearchPathTables::ColumnNames(const std::string &schema, const std::string &table) const {
    try {
        return engine::CatalogLookup(connection_)
            .ColumnsOf(schema.empty() ? schemas_ : std::vector<std::string>{schema}, table, {})
            .names;
    } catch (const SqlError &) {
        return {}; // not found: the statement fails as it would have
    }
}

std::vector<std::string> SearchPathTables::ConstraintColumns(const std::string &schema, const std::string &table,
                                                             const std::string &constraint) const {
    return engine::CatalogLookup(connection_)
        .ConstraintColumns(schema.empty() ? schemas_ : std::vector<std::string>{schema}, table, constraint);
}

bool SearchPathTables::IsTableMacro(const std::string &schema, const std::string &name) const {
    return engine::CatalogLookup(connection_).IsTableMacro(schema, name);
}

std::map<std::string, std::string> SearchPathTables::Domains() const {
    return engine::CatalogLookup(connection_).Domains();
}

std::vector<sql::ColumnDefinition> SearchPathTables::ColumnDefinitions(const std::string &schema,
                                                                       const std::string &table) const {
    std::vector<sql::ColumnDefinition> definitions;
    for (auto &row : engine::CatalogLookup(connection_)
                         .ColumnDefinitions(schema.empty() ? schemas_ : std::vector<std::string>{schema}, table)) {
        definitions.push_back(
            sql::ColumnDefinition{std::move(row[0]), std::move(row[1]), row[2] == "true", std::move(row[3])});
    }
    return definitions;
}

} // namespace duckgres::session
