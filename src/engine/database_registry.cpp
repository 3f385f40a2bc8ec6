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

std::filesystem::path DatabaseRegistry::PathOf(const std::string &name) const {
    return std::filesystem::path(options_.data_dir) / (name + ".duckdb");
}

bool DatabaseRegistry::ExistsLocked(const std::string &name) const {
    return name == "postgres" || open_.count(name) > 0 || std::filesystem::exists(PathOf(name));
}

std::shared_ptr<Database> DatabaseRegistry::OpenLocked(const std::string &name) {
    auto options = options_.database;
    if (auto override = options_.overrides.find(name); override != options_.overrides.end()) {
        if (!override->second.memory_limit.empty()) {
            options.memory_limit = override->second.memory_limit;
        }
        if (!override->second.temp_directory.empty()) {
            options.temp_directory = override->second.temp_directory;
        }
    }
    auto database = std::make_shared<Database>(name, PathOf(name).string(), options);
    open_.emplace(name, database);
    return database;
}

std::shared_ptr<Database> DatabaseRegistry::Get(const std::string &name) {
    std::lock_guard lock(mutex_);
    auto it = open_.find(name);
    if (it != open_.end()) {
        return it->second;
    }
    auto missing = SqlError("3D000", "database \"" + name + "\" does not exist");
    missing.severity = "FATAL";
    if (!IsValidName(name) || (!options_.create_databases && !ExistsLocked(name))) {
        throw missing;
    }
    return OpenLocked(name);
}

void DatabaseRegistry::CloseUnusedLocked(const std::string &name, const std::string &message) {
    auto it = open_.find(name);
    if (it == open_.end()) {
        return;
    }
    if (it->second.use_count() > 1) {
        throw SqlError("55006", message);
    }
    open_.erase(it); // closing checkpoints: the file alone holds the database afterwards
}

namespace {

void CheckNewName(const std::string &name) {
    if (!DatabaseRegistry::IsValidName(name)) {
        throw SqlError(
            "0A000", "database name \"" + name + "\" is not supported", "",
            "Each database is a file named after it: use letters, digits, \"_\", \"-\" and \".\", at most 63 "
            "bytes, not starting with \".\".");
    }
}

//! The database file `path` and its write-ahead log, if any, removed.
void RemoveDatabaseFiles(const std::filesystem::path &path) {
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + ".wal");
}

} // namespace

void DatabaseRegistry::Create(const std::string &name, const std::string &template_name) {
    std::lock_guard lock(mutex_);
    CheckNewName(name);
    if (ExistsLocked(name)) {
        throw SqlError("42P04", "database \"" + name + "\" already exists");
    }
    const auto path = PathOf(name);
    try {
        std::filesystem::remove(path.string() + ".wal"); // a dropped database's leftover must not be replayed
        if (!template_name.empty()) {
            if (!IsValidName(template_name) || !ExistsLocked(template_name)) {
                throw SqlError("3D000", "template database \"" + template_name + "\" does not exist");
            }
            CloseUnusedLocked(template_name,
                              "source database \"" + template_name + "\" is being accessed by other users");
            if (std::filesystem::exists(PathOf(template_name))) { // postgres may not exist as a file yet
                std::filesystem::copy_file(PathOf(template_name), path);
            }
        }
        OpenLocked(name);
    } catch (const std::filesystem::filesystem_error &error) {
        RemoveDatabaseFiles(path);
        throw SqlError("58030", "could not create database \"" + name + "\": " + error.code().message());
    } catch (...) {
        if (!open_.count(name)) {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
        throw;
    }
}

bool DatabaseRegistry::Drop(const std::string &name) {
    std::lock_guard lock(mutex_);
    if (!IsValidName(name) || !ExistsLocked(name)) {
        return false;
    }
    CloseUnusedLocked(name, "database \"" + name + "\" is being accessed by other users");
    try {
        RemoveDatabaseFiles(PathOf(name));
    } catch (const std::filesystem::filesystem_error &error) {
        throw SqlError("58030", "could not remove database \"" + name + "\": " + error.code().message());
    }
    return true;
}

void DatabaseRegistry::Rename(const std::string &name, const std::string &new_name) {
    std::lock_guard lock(mutex_);
    if (!IsValidName(name) || !ExistsLocked(name)) {
        throw SqlError("3D000", "database \"" + name + "\" does not exist");
    }
    CheckNewName(new_name);
    if (ExistsLocked(new_name)) {
        throw SqlError("42P04", "database \"" + new_name + "\" already exists");
    }
    CloseUnusedLocked(name, "database \"" + name + "\" is being accessed by other users");
    try {
        if (std::filesystem::exists(PathOf(name))) {
            std::filesystem::rename(PathOf(name), PathOf(new_name));
            // A log left by a crash goes with its database (closed databases have none).
            if (const auto wal = PathOf(name).string() + ".wal"; std::filesystem::exists(wal)) {
                std::filesystem::rename(wal, PathOf(new_name).string() + ".wal");
            }
        } else {
            OpenLocked(new_name); // postgres before its first use: an empty database under the new name
        }
    } catch (const std::filesystem::filesystem_error &error) {
        throw SqlError("58030", "could not rename database \"" + name + "\": " + error.code().message());
    }
}

void DatabaseRegistry::CloseAll() {
    std::lock_guard lock(mutex_);
    open_.clear();
}

} // namespace duckgres::engine
