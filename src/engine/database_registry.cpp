// Opens each database once and hands the shared instance to every session that asks for it.
#include "engine/database_registry.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"

#include <filesystem>
#include <set>

namespace duckgres::engine {

DatabaseRegistry::DatabaseRegistry(RegistryOptions options) : options_(std::move(options)) {}

bool DatabaseRegistry::IsValidName(const std::string &name) {
    if (name.empty() || name.size() > 63 || name[0] == '.') {
        return false;
    }
    for (char c : name) {
        bool ok = IsAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::vector<std::string> DatabaseRegistry::ExistingNames(const std::string &data_dir) {
    std::set<std::string> names{"postgres"};
    std::error_code ignored;
    for (const auto &entry : std::filesystem::directory_iterator(data_dir, ignored)) {
        const auto &path = entry.path();
        if (path.extension() == ".duckdb" && IsValidName(path.stem().string())) {
            names.insert(path.stem().string());
        }
    }
    return {names.begin(), names.end()};
}

std::shared_ptr<Database> DatabaseRegistry::Get(const std::string &name) {
    std::lock_guard lock(mutex_);
    auto it = open_.find(name);
    if (it != open_.end()) {
        return it->second;
    }
    auto missing = SqlError("3D000", "database \"" + name + "\" does not exist");
    missing.severity = "FATAL";
    if (!IsValidName(name)) {
        throw missing;
    }
    auto path = std::filesystem::path(options_.data_dir) / (name + ".duckdb");
    if (name != "postgres" && !options_.create_databases && !std::filesystem::exists(path)) {
        throw missing;
    }
    auto options = options_.database;
    if (auto override = options_.overrides.find(name); override != options_.overrides.end()) {
        if (!override->second.memory_limit.empty()) {
            options.memory_limit = override->second.memory_limit;
        }
        if (!override->second.temp_directory.empty()) {
            options.temp_directory = override->second.temp_directory;
        }
    }
    auto database = std::make_shared<Database>(name, path.string(), options);
    open_.emplace(name, database);
    return database;
}

void DatabaseRegistry::CloseAll() {
    std::lock_guard lock(mutex_);
    open_.clear();
}

} // namespace duckgres::engine
