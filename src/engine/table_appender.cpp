// Appends COPY rows to a DuckDB table with the C API appender.
#include "engine/table_appender.hpp"

#include "common/sql_quote.hpp"
#include "engine/error_mapping.hpp"
#include "types/typmod_alias.hpp"

namespace duckgres::engine {

namespace {

//! `type` with the typmod aliases in it (varchar(n), timestamp(p)...; in lists too) replaced by their storage types;
//! null when it has none.
LogicalTypeHandle WithoutTypmodAliases(duckdb_logical_type type) {
    if (duckdb_get_type_id(type) == DUCKDB_TYPE_LIST) {
        LogicalTypeHandle child(duckdb_list_type_child_type(type));
        auto plain = WithoutTypmodAliases(child.Get());
        return plain ? LogicalTypeHandle(duckdb_create_list_type(plain.Get())) : LogicalTypeHandle();
    }
    auto alias = types::ParseTypmodAliasName(TakeDuckDbString(duckdb_logical_type_get_alias(type)));
    return alias ? LogicalTypeHandle(duckdb_create_logical_type(types::TypmodAliasStorage(alias->base)))
                 : LogicalTypeHandle();
}

} // namespace

TableAppender::TableAppender(duckdb_connection connection, const std::string &schema, const std::string &table,
                             const std::vector<std::string> &columns, const std::string &catalog,
                             const std::vector<duckdb_logical_type> &types)
    : table_(table) {
    std::vector<LogicalTypeHandle> plain(types.size());
    bool aliased = false;
    for (size_t i = 0; i < types.size(); i++) {
        plain[i] = WithoutTypmodAliases(types[i]);
        aliased |= static_cast<bool>(plain[i]);
    }
    if (aliased && columns.size() == types.size()) {
        // The INSERT casts the storage types into the aliases with the casts Duckgres registered.
        std::string list;
        std::vector<duckdb_logical_type> appended;
        for (size_t i = 0; i < columns.size(); i++) {
            list += (i ? ", " : "") + QuoteIdentifier(columns[i]);
            appended.push_back(plain[i] ? plain[i].Get() : types[i]);
        }
        const std::string query = "INSERT INTO " + (catalog.empty() ? "" : QuoteIdentifier(catalog) + ".") +
                                  QuoteIdentifier(schema) + "." + QuoteIdentifier(table) + " (" + list +
                                  ") SELECT * FROM appended_data";
        if (duckdb_appender_create_query(connection, query.c_str(), appended.size(), appended.data(), nullptr, nullptr,
                                         &appender_) != DuckDBSuccess) {
            std::string message = appender_ ? duckdb_appender_error(appender_) : "";
            duckdb_appender_destroy(&appender_);
            appender_ = nullptr;
            throw SqlError("XX000", "could not append to \"" + table + "\"", message);
        }
        return;
    }
    if (duckdb_appender_create_ext(connection, catalog.empty() ? nullptr : catalog.c_str(), schema.c_str(),
                                   table.c_str(), &appender_) != DuckDBSuccess) {
        std::string message = appender_ ? duckdb_appender_error(appender_) : "";
        duckdb_appender_destroy(&appender_);
        appender_ = nullptr;
        throw SqlError("42P01", "relation \"" + table + "\" does not exist", message);
    }
    for (const auto &column : columns) {
        if (duckdb_appender_add_column(appender_, column.c_str()) != DuckDBSuccess) {
            throw SqlError("42703", "column \"" + column + "\" of relation \"" + table + "\" does not exist");
        }
    }
}

TableAppender::~TableAppender() {
    if (appender_) {
        duckdb_appender_destroy(&appender_);
    }
}

void TableAppender::Fail() {
    ErrorDataHandle error(duckdb_appender_error_data(appender_));
    std::string_view message = error ? duckdb_error_data_message(error.Get()) : "";
    // DuckDB prefixes the message: "Failed to append: NOT NULL constraint failed: t.id".
    constexpr std::string_view kPrefix = "Failed to append: ";
    if (message.starts_with(kPrefix)) {
        message.remove_prefix(kPrefix.size());
    }
    if (message.empty()) {
        throw SqlError("XX000", "could not append to \"" + table_ + "\"");
    }
    throw MapDuckDbError(duckdb_error_data_error_type(error.Get()), message);
}

void TableAppender::Append(duckdb_value value) {
    if (duckdb_append_value(appender_, value) != DuckDBSuccess) {
        Fail();
    }
}

void TableAppender::AppendNull() {
    if (duckdb_append_null(appender_) != DuckDBSuccess) {
        Fail();
    }
}

void TableAppender::EndRow() {
    if (duckdb_appender_end_row(appender_) != DuckDBSuccess) {
        Fail();
    }
}

void TableAppender::AppendChunk(duckdb_data_chunk chunk) {
    if (duckdb_append_data_chunk(appender_, chunk) != DuckDBSuccess) {
        Fail();
    }
}

void TableAppender::Close() {
    if (duckdb_appender_close(appender_) != DuckDBSuccess) {
        Fail();
    }
}

} // namespace duckgres::engine
