// Looks tables up in DuckDB's catalog through a search path, for the rewrite's REFERENCES qualification.
#include "engine/search_path_tables.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"

#include <algorithm>
#include <utility>

namespace duckgres::engine {

SearchPathTables::SearchPathTables(EngineConnection &connection, std::vector<std::string> schemas)
    : connection_(connection), schemas_(std::move(schemas)) {}

std::optional<std::string> SearchPathTables::SchemaOf(const std::string &table) const {
    std::vector<std::vector<std::string>> rows;
    try {
        rows = connection_.QueryStrings("SELECT schema_name FROM duckdb_tables() WHERE database_name = "
                                        "current_database() AND table_name = " +
                                        QuoteLiteral(table));
    } catch (const SqlError &) {
        return std::nullopt; // nothing known, as for a table no schema has
    }
    for (const auto &schema : schemas_) {
        if (std::any_of(rows.begin(), rows.end(), [&](const auto &row) { return row.at(0) == schema; })) {
            return schema;
        }
    }
    return std::nullopt;
}

} // namespace duckgres::engine
