// SearchPathTables: the first schema of a search path holding a table, from DuckDB's catalog.
#include "session/search_path_tables.hpp"

#include "common/sql_error.hpp"
#include "engine/catalog_lookup.hpp"
#include "sql/constraint_metadata.hpp"
#include "types/type_mapping.hpp"

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

std::vector<sql::ColumnType> SearchPathTables::ColumnTypes(const std::string &schema, const std::string &table) const {
    const auto schemas = schema.empty() ? schemas_ : std::vector<std::string>{schema};
    std::string key;
    for (const auto &name : schemas) {
        key += name + '\0';
    }
    key += '\0' + table;
    if (auto *cache = Cache()) {
        if (auto found = cache->relations.find(key); found != cache->relations.end()) {
            return found->second;
        }
    }
    std::vector<sql::ColumnType> columns;
    try {
        auto found = engine::CatalogLookup(connection_).ColumnsOf(schemas, table, {});
        for (size_t i = 0; i < found.names.size(); i++) {
            sql::ColumnType column;
            column.column = found.names[i];
            auto type = found.types[i].Get();
            if (duckdb_get_type_id(type) == DUCKDB_TYPE_ENUM) {
                column.type = "enum";
                for (uint32_t label = 0; label < duckdb_enum_dictionary_size(type); label++) {
                    column.enum_labels.push_back(TakeDuckDbString(duckdb_enum_dictionary_value(type, label)));
                }
            } else {
                column.type = types::MapLogicalType(type).name;
            }
            columns.push_back(std::move(column));
        }
    } catch (const SqlError &) {
        // not found (or not readable): nothing is known of it
    }
    if (cache_) {
        cache_->relations[key] = columns;
    }
    return columns;
}

std::optional<std::string> SearchPathTables::SequenceSchema(const std::string &schema, const std::string &name) const {
    auto holding = engine::CatalogLookup(connection_).SchemasWithSequence(name);
    for (const auto &candidate : schema.empty() ? schemas_ : std::vector<std::string>{schema}) {
        if (holding.count(candidate)) {
            return candidate;
        }
    }
    return std::nullopt;
}

bool SearchPathTables::IsTableMacro(const std::string &schema, const std::string &name) const {
    return engine::CatalogLookup(connection_).IsTableMacro(schema, name);
}

std::map<std::string, std::string> SearchPathTables::Domains() const {
    return engine::CatalogLookup(connection_).Domains();
}

std::string SearchPathTables::TableComment(const std::string &schema, const std::string &table) const {
    return engine::CatalogLookup(connection_)
        .TableComment(schema.empty() ? schemas_ : std::vector<std::string>{schema}, table, schema.empty());
}

ColumnTypeCache *SearchPathTables::Cache() const {
    if (!cache_) {
        return nullptr;
    }
    const uint64_t version = connection_.GetDatabase().CatalogVersion();
    if (cache_->catalog_version != version) {
        cache_->relations.clear();
        cache_->managed_keys.reset();
        cache_->catalog_version = version;
    }
    return cache_;
}

bool SearchPathTables::IsTemporaryTable(const std::string &table) const {
    return engine::CatalogLookup(connection_).HasTemporaryTable(table);
}

std::vector<sql::ManagedForeignKey> SearchPathTables::ManagedForeignKeys() const {
    auto *cache = Cache();
    if (cache && cache->managed_keys) {
        return *cache->managed_keys;
    }
    std::vector<sql::ManagedForeignKey> keys;
    for (const auto &row : engine::CatalogLookup(connection_).TablesWithKeptConstraints()) {
        for (const auto &kept : sql::ParseTableComment(row[2]).names) {
            if (kept.contype != sql::kManagedForeignKeyKind) {
                continue;
            }
            if (auto key = sql::DecodeForeignKey(kept.key)) {
                key->name = kept.name;
                key->schema = row[0];
                key->table = row[1];
                keys.push_back(std::move(*key));
            }
        }
    }
    if (cache) {
        cache->managed_keys = keys;
    }
    return keys;
}

std::vector<sql::UniqueKey> SearchPathTables::UniqueKeys(const std::string &schema, const std::string &table) const {
    std::vector<sql::UniqueKey> keys;
    std::string current;
    for (const auto &row : engine::CatalogLookup(connection_).UniqueKeyColumns(schema, table)) {
        if (keys.empty() || row[0] != current) {
            keys.push_back({row[1] == "true", {}});
            current = row[0];
        }
        keys.back().columns.push_back(row[2]);
    }
    return keys;
}

std::set<std::string> SearchPathTables::GeneratedColumns(const std::string &schema, const std::string &table) const {
    return engine::CatalogLookup(connection_)
        .GeneratedColumns(schema.empty() ? schemas_ : std::vector<std::string>{schema}, table);
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
