// Opens DuckDB databases with PostgreSQL-compatible defaults and the server's safety settings.
#include "engine/database.hpp"

#include "engine/catalog_builder.hpp"
#include "engine/error_mapping.hpp"
#include "engine/functions/typmod_casts.hpp"
#include "engine/session_directory.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace duckgres::engine {

namespace {

//! The typmod aliases the columns of the database's tables and views use (also inside list types: pg_varchar_20[]).
std::vector<std::string> StoredTypmodAliases(duckdb_connection connection) {
    ResultHandle result;
    if (duckdb_query(connection, "SELECT DISTINCT data_type FROM duckdb_columns() WHERE data_type ILIKE '%pg%'",
                     result.Out()) != DuckDBSuccess) {
        throw SqlError("58030", std::string("could not read the column types: ") + duckdb_result_error(result.Get()));
    }
    std::vector<std::string> names;
    for (idx_t row = 0; row < duckdb_row_count(result.Get()); row++) {
        const std::string type = TakeDuckDbString(duckdb_value_varchar(result.Get(), 0, row));
        for (size_t start = type.find("pg_"); start != std::string::npos; start = type.find("pg_", start + 1)) {
            size_t end = start;
            while (end < type.size() && (std::isalnum(static_cast<unsigned char>(type[end])) || type[end] == '_')) {
                end++;
            }
            names.push_back(type.substr(start, end - start));
        }
    }
    return names;
}

} // namespace

Database::Database(std::string name, std::string path, const DatabaseOptions &options)
    : name_(std::move(name)), path_(std::move(path)) {
    ConfigHandle config;
    if (duckdb_create_config(config.Out()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not create DuckDB configuration");
    }
    std::vector<std::pair<std::string, std::string>> settings = {
        // PostgreSQL semantics: integer division truncates; NULLs sort as the largest value.
        {"integer_division", "true"},
        {"default_null_order", "nulls_last_on_asc_first_on_desc"},
        // Clients must not install or load extensions from outside.
        {"autoinstall_known_extensions", "false"},
        {"autoload_known_extensions", "false"},
    };
    if (!options.memory_limit.empty()) {
        settings.emplace_back("memory_limit", options.memory_limit);
    }
    if (!options.temp_directory.empty()) {
        settings.emplace_back("temp_directory", options.temp_directory);
    }
    if (options.threads > 0) {
        settings.emplace_back("threads", std::to_string(options.threads));
    }
    // Last: with external access off, DuckDB refuses file settings such as temp_directory.
    if (!options.allow_external_access) {
        settings.emplace_back("enable_external_access", "false");
    }
    for (auto &[key, value] : settings) {
        if (duckdb_set_config(config.Get(), key.c_str(), value.c_str()) != DuckDBSuccess) {
            throw SqlError("XX000", "invalid DuckDB setting " + key + "=" + value);
        }
    }
    char *error = nullptr;
    if (duckdb_open_ext(path_.c_str(), handle_.Out(), config.Get(), &error) != DuckDBSuccess) {
        std::string message = error ? error : "unknown error";
        duckdb_free(error);
        auto mapped = MapDuckDbError(std::nullopt, message);
        throw SqlError("58030", "could not open database \"" + name_ + "\": " + mapped.what());
    }
    // PostgreSQL clients expect the schema "public"; DuckDB's default is "main". Created once
    // per database; sessions then search public before main (see EngineConnection).
    ConnectionHandle &connection = admin_connection_;
    ResultHandle result;
    if (duckdb_connect(handle_.Get(), connection.Out()) != DuckDBSuccess ||
        duckdb_query(connection.Get(), "CREATE SCHEMA IF NOT EXISTS public", result.Out()) != DuckDBSuccess) {
        const char *error = result.Get() ? duckdb_result_error(result.Get()) : nullptr;
        throw SqlError("58030", "could not prepare database \"" + name_ + "\": " + (error ? error : "unknown error"));
    }
    SessionDirectory *sessions = options.sessions;
    if (!sessions) {
        own_sessions_ = std::make_unique<SessionDirectory>();
        sessions = own_sessions_.get();
    }
    sessions->RegisterFunctions(connection.Get());
    BuildCatalog(connection.Get());
    EnsureTypmodAliases(StoredTypmodAliases(connection.Get()));
}

void Database::EnsureTypmodAliases(const std::vector<std::string> &names) {
    std::lock_guard lock(typmod_mutex_);
    for (const auto &name : names) {
        auto alias = types::ParseTypmodAliasName(name);
        if (!alias || typmod_aliases_.count(types::TypmodAliasName(*alias))) {
            continue;
        }
        RegisterTypmodAlias(admin_connection_.Get(), *alias);
        typmod_aliases_.insert(types::TypmodAliasName(*alias));
    }
}

} // namespace duckgres::engine
