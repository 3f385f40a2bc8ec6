// Opens DuckDB databases with PostgreSQL-compatible defaults and the server's safety settings.
#include "engine/database.hpp"

#include "engine/catalog_builder.hpp"
#include "engine/error_mapping.hpp"
#include "engine/session_directory.hpp"

#include <utility>
#include <vector>

namespace duckgres::engine {

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
    ConnectionHandle connection;
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
}

} // namespace duckgres::engine
