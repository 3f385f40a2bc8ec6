// Appends COPY rows to a DuckDB table with the C API appender.
#include "engine/table_appender.hpp"

#include "engine/error_mapping.hpp"

namespace duckgres::engine {

TableAppender::TableAppender(duckdb_connection connection, const std::string &schema, const std::string &table,
                             const std::vector<std::string> &columns, const std::string &catalog)
    : table_(table) {
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
