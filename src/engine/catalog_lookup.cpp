// CatalogLookup: the session's catalog questions as queries over DuckDB's catalog functions.
#include "engine/catalog_lookup.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"

namespace duckgres::engine {

namespace {

//! In a query over DuckDB's catalog functions: the schema is one an unqualified name resolves in (the search path the
//! session gave DuckDB).
constexpr const char *kInSearchPath = "list_contains(current_schemas(false), schema_name)";

std::string InSchema(const std::string &schema) {
    return schema.empty() ? std::string(kInSearchPath) : "schema_name = " + QuoteLiteral(schema);
}

} // namespace

std::vector<std::vector<std::string>> CatalogLookup::RowsOrNone(const std::string &sql) {
    try {
        return connection_.QueryStrings(sql);
    } catch (const SqlError &) {
        return {};
    }
}

std::set<std::string> CatalogLookup::FirstColumnValues(const std::string &sql) {
    std::set<std::string> values;
    for (auto &row : RowsOrNone(sql)) {
        values.insert(std::move(row[0]));
    }
    return values;
}

std::set<std::string> CatalogLookup::SchemaNames() {
    return FirstColumnValues("SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database()");
}

std::set<std::string> CatalogLookup::SchemasWithTable(const std::string &table) {
    return FirstColumnValues(
        "SELECT schema_name FROM duckdb_tables() WHERE database_name = current_database() AND lower(table_name) = "
        "lower(" +
        QuoteLiteral(table) + ")"); // as DuckDB finds tables: without case
}

std::set<std::string> CatalogLookup::SchemasWithSequence(const std::string &name) {
    return FirstColumnValues(
        "SELECT schema_name FROM duckdb_sequences() WHERE database_name = current_database() AND sequence_name = " +
        QuoteLiteral(name));
}

bool CatalogLookup::IsSystemFunction(const std::string &name) {
    return !FirstColumnValues("SELECT function_name FROM duckdb_functions() WHERE database_name IN ('system', "
                              "'duckgres_catalog') AND lower(function_name) = " +
                              QuoteLiteral(name))
                .empty();
}

std::optional<bool> CatalogLookup::Exists(const CatalogObject &object) {
    using Kind = CatalogObjectKind;
    const std::string name = QuoteLiteral(object.name);
    const std::string where = " WHERE database_name = current_database() AND " + InSchema(object.schema) + " AND ";
    const std::string tables = "SELECT 1 FROM duckdb_tables()" + where + "table_name = " + name;
    const std::string views = "SELECT 1 FROM duckdb_views()" + where + "NOT internal AND view_name = " + name;
    const std::string sequences = "SELECT 1 FROM duckdb_sequences()" + where + "sequence_name = " + name;
    const std::string indexes = "SELECT 1 FROM duckdb_indexes()" + where + "index_name = " + name;
    std::string query;
    switch (object.kind) {
    case Kind::Table:
        query = tables;
        break;
    case Kind::View:
        query = views;
        break;
    case Kind::Sequence:
        query = sequences;
        break;
    case Kind::Index:
        query = indexes;
        break;
    case Kind::Schema:
        query = "SELECT 1 FROM duckdb_schemas() WHERE database_name = current_database() AND schema_name = " + name;
        break;
    case Kind::Type:
        query = "SELECT 1 FROM duckdb_types()" + where + "NOT internal AND type_name = " + name;
        break;
    case Kind::Relation:
        query = tables + " UNION ALL " + views + " UNION ALL " + sequences + " UNION ALL " + indexes;
        break;
    case Kind::Column:
        query = "SELECT 1 FROM duckdb_columns()" + where + "table_name = " + QuoteLiteral(object.table) +
                " AND column_name = " + name;
        break;
    }
    auto rows = RowsOrNone("SELECT count(*) FROM (" + query + ")");
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows[0][0] != "0";
}

std::vector<CatalogLookup::NextvalDefault> CatalogLookup::NextvalDefaultsOf(const std::string &schema,
                                                                            const std::string &table) {
    const std::string query =
        "SELECT schema_name, column_name, regexp_extract(column_default, 'nextval\\(''([^'']+)''', 1) "
        "FROM duckdb_columns() WHERE database_name = current_database() AND table_name = " +
        QuoteLiteral(table) + " AND " + InSchema(schema) + " AND column_default LIKE 'nextval(%' ORDER BY column_index";
    std::vector<NextvalDefault> defaults;
    for (auto &row : RowsOrNone(query)) {
        defaults.push_back({std::move(row[0]), std::move(row[1]), std::move(row[2])});
    }
    return defaults;
}

std::vector<std::string> CatalogLookup::SerialSequencesOf(const std::string &schema, const std::string &table) {
    // The sequences the table's nextval defaults draw from, kept when named as the serial expansion names them.
    std::vector<std::string> sequences;
    for (const auto &[owner_schema, column, sequence] : NextvalDefaultsOf(schema, table)) {
        auto dot = sequence.rfind('.');
        std::string bare = dot == std::string::npos ? sequence : sequence.substr(dot + 1);
        if (bare.size() >= 2 && bare.front() == '"' && bare.back() == '"') {
            bare = bare.substr(1, bare.size() - 2); // a quoted name ("Users_id_seq" of a mixed-case table)
        }
        if (bare == table + "_" + column + "_seq") {
            sequences.push_back(
                dot == std::string::npos ? QuoteIdentifier(owner_schema) + "." + QuoteIdentifier(sequence) : sequence);
        }
    }
    return sequences;
}

std::vector<std::string> CatalogLookup::ObjectsInSchema(const std::string &schema) {
    const std::string where = " WHERE database_name = current_database() AND schema_name = " + QuoteLiteral(schema);
    const std::string serial_sequences =
        "SELECT regexp_extract(column_default, 'nextval\\(''(?:[^'']*\\.)?([^'']+)''', "
        "1) FROM duckdb_columns()" +
        where + " AND column_default IS NOT NULL";
    const std::string query =
        "SELECT kind, name FROM (SELECT 'table' AS kind, table_name AS name, table_oid AS oid FROM duckdb_tables()" +
        where + " UNION ALL SELECT 'view', view_name, view_oid FROM duckdb_views()" + where +
        " AND NOT internal UNION ALL SELECT 'sequence', sequence_name, sequence_oid FROM duckdb_sequences()" + where +
        " AND sequence_name NOT IN (" + serial_sequences +
        ") UNION ALL SELECT 'type', type_name, type_oid FROM duckdb_types()" + where +
        " AND NOT internal) ORDER BY oid";
    std::vector<std::string> objects;
    for (const auto &row : RowsOrNone(query)) {
        objects.push_back(row[0] + " " + QuoteIdentifierIfNeeded(schema) + "." + QuoteIdentifierIfNeeded(row[1]));
    }
    return objects;
}

std::vector<std::string> CatalogLookup::ConstraintColumns(const std::vector<std::string> &schemas,
                                                          const std::string &table, const std::string &constraint) {
    for (const auto &schema : schemas) {
        std::vector<std::string> columns;
        for (auto &row : RowsOrNone("SELECT unnest(constraint_column_names) FROM "
                                    "duckgres_catalog.main.duckgres_constraints WHERE contype IN ('p', 'u') AND "
                                    "schema_name = " +
                                    QuoteLiteral(schema) + " AND table_name = " + QuoteLiteral(table) +
                                    " AND conname = " + QuoteLiteral(constraint))) {
            columns.push_back(std::move(row[0]));
        }
        if (!columns.empty()) {
            return columns;
        }
    }
    return {};
}

bool CatalogLookup::HasTemporaryTable(const std::string &table) {
    return !RowsOrNone("SELECT 1 FROM duckdb_tables() WHERE temporary AND lower(table_name) = lower(" +
                       QuoteLiteral(table) + ")")
                .empty();
}

std::vector<std::vector<std::string>> CatalogLookup::TablesWithKeptConstraints() {
    return RowsOrNone("SELECT schema_name, table_name, comment FROM duckdb_tables() WHERE database_name = "
                      "current_database() AND NOT temporary AND contains(comment, chr(29)) ORDER BY table_oid");
}

std::vector<std::vector<std::string>> CatalogLookup::UniqueKeyColumns(const std::string &schema,
                                                                      const std::string &table) {
    return RowsOrNone("SELECT constraint_index::VARCHAR, (constraint_type = 'PRIMARY KEY')::VARCHAR, "
                      "unnest(constraint_column_names) FROM duckdb_constraints() WHERE database_name = "
                      "current_database() AND constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND schema_name = " +
                      QuoteLiteral(schema) + " AND table_name = " + QuoteLiteral(table) + " ORDER BY constraint_index");
}

std::string CatalogLookup::TableComment(const std::vector<std::string> &schemas, const std::string &table,
                                        bool temporary_first) {
    // Tables and views (a view's comment keeps its query in PostgreSQL's terms).
    const std::string query =
        "SELECT coalesce(comment, '') FROM (SELECT table_name, comment, temporary, database_name, schema_name FROM "
        "duckdb_tables() UNION ALL SELECT view_name, comment, temporary, database_name, schema_name FROM "
        "duckdb_views() "
        "WHERE NOT internal) WHERE table_name = " +
        QuoteLiteral(table) + " AND ";
    if (temporary_first) {
        if (auto rows = RowsOrNone(query + "temporary"); !rows.empty()) {
            return rows[0][0];
        }
    }
    for (const auto &schema : schemas) {
        auto rows = RowsOrNone(
            query + "NOT temporary AND database_name = current_database() AND schema_name = " + QuoteLiteral(schema));
        if (!rows.empty()) {
            return rows[0][0];
        }
    }
    return "";
}

std::vector<std::vector<std::string>> CatalogLookup::ColumnDefinitions(const std::vector<std::string> &schemas,
                                                                       const std::string &table) {
    for (const auto &schema : schemas) {
        auto rows = RowsOrNone(
            "SELECT a.attname, duckgres_catalog.main.format_type(a.atttypid, a.atttypmod), a.attnotnull::VARCHAR, "
            "coalesce(d.adbin, '') FROM duckgres_catalog.main.pg_attribute a "
            "JOIN duckgres_catalog.main.duckgres_relations r ON r.oid = a.attrelid "
            "LEFT JOIN duckgres_catalog.main.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE r.relkind = 'r' AND a.attnum > 0 AND r.nspname = " +
            QuoteLiteral(schema) + " AND r.relname = " + QuoteLiteral(table) + " ORDER BY a.attnum");
        if (!rows.empty()) {
            return rows;
        }
    }
    return {};
}

std::set<std::string> CatalogLookup::GeneratedColumns(const std::vector<std::string> &schemas,
                                                      const std::string &table) {
    std::set<std::string> generated;
    for (const auto &schema : schemas) {
        auto rows = RowsOrNone("SELECT column_name, (column_default IS NOT NULL)::VARCHAR FROM duckdb_columns() WHERE "
                               "database_name = current_database() AND schema_name = " +
                               QuoteLiteral(schema) + " AND table_name = " + QuoteLiteral(table));
        if (rows.empty()) {
            continue;
        }
        const std::string target = QuoteIdentifier(schema) + "." + QuoteIdentifier(table);
        for (const auto &row : rows) {
            if (row[1] != "true") {
                continue;
            }
            try {
                connection_.Prepare("INSERT INTO " + target + " (" + QuoteIdentifier(row[0]) + ") SELECT NULL LIMIT 0");
            } catch (const SqlError &error) {
                if (error.sqlstate == "428C9") {
                    generated.insert(row[0]);
                }
            }
        }
        return generated;
    }
    return generated;
}

bool CatalogLookup::IsTableMacro(const std::string &schema, const std::string &name) {
    return !RowsOrNone("SELECT 1 FROM duckdb_functions() WHERE database_name = current_database() AND " +
                       InSchema(schema) +
                       " AND function_type = 'table_macro' AND function_name = " + QuoteLiteral(name))
                .empty();
}

std::map<std::string, std::string> CatalogLookup::Domains() {
    std::map<std::string, std::string> domains;
    for (auto &row : RowsOrNone("SELECT type_name, comment FROM duckdb_types() WHERE database_name = "
                                "current_database() AND starts_with(comment, 'CREATE DOMAIN ')")) {
        domains.emplace(std::move(row[0]), std::move(row[1]));
    }
    return domains;
}

std::vector<std::vector<std::string>> CatalogLookup::Views() {
    return RowsOrNone("SELECT schema_name, view_name, sql FROM duckdb_views() WHERE database_name = current_database() "
                      "AND NOT internal ORDER BY view_oid");
}

CatalogLookup::TableColumns CatalogLookup::ColumnsOf(const std::vector<std::string> &schemas, const std::string &table,
                                                     const std::vector<std::string> &columns) {
    std::string select_list;
    for (const auto &column : columns) {
        select_list += (select_list.empty() ? "" : ", ") + QuoteIdentifier(column);
    }
    for (const auto &schema : schemas) {
        try {
            auto prepared = connection_.Prepare("SELECT " + (select_list.empty() ? "*" : select_list) + " FROM " +
                                                QuoteIdentifier(schema) + "." + QuoteIdentifier(table) + " LIMIT 0");
            auto handle = prepared.handle.Get();
            TableColumns found;
            found.schema = schema;
            for (idx_t i = 0; i < duckdb_prepared_statement_column_count(handle); i++) {
                found.names.push_back(
                    TakeDuckDbString(const_cast<char *>(duckdb_prepared_statement_column_name(handle, i))));
                found.types.emplace_back(duckdb_prepared_statement_column_logical_type(handle, i));
            }
            return found;
        } catch (const SqlError &error) {
            if (error.sqlstate != "42P01") {
                throw;
            }
        }
    }
    throw SqlError("42P01", "relation \"" + table + "\" does not exist");
}

} // namespace duckgres::engine
