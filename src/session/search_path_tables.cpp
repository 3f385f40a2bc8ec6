// SearchPathTables: the first schema of a search path holding a table, from DuckDB's catalog.
#include "session/search_path_tables.hpp"

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

} // namespace duckgres::session
