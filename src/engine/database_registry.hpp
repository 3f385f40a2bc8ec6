// DatabaseRegistry: the server's open databases by name, opened on first use.
#pragma once

#include "engine/database.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace duckgres::engine {

struct RegistryOptions {
    std::string data_dir;
    bool create_databases = false; //!< create unknown databases instead of 3D000
    DatabaseOptions database;
    //! Per database name: its memory limit and spill directory, where they differ from `database`'s.
    std::map<std::string, DatabaseOptions> overrides;
};

class DatabaseRegistry {
public:
    explicit DatabaseRegistry(RegistryOptions options);

    //! The database `name`, opening <data_dir>/<name>.duckdb on first use. "postgres" always
    //! exists. Unknown names give 3D000 unless create_databases; invalid names always 3D000.
    //! Blocking (opens files): call from a worker thread.
    std::shared_ptr<Database> Get(const std::string &name);
    //! CREATE DATABASE: creates `name`, empty or as a copy of `template_name` (empty: none). Throws 42P04 when it
    //! exists, 0A000 for a name that cannot be a file name, 3D000 for an unknown template and 55006 (no DETAIL) when
    //! a session uses the template. Blocking: call from a worker thread.
    void Create(const std::string &name, const std::string &template_name);
    //! DROP DATABASE: closes `name` and removes its files. False when it does not exist; throws 55006 (no DETAIL)
    //! while a session uses it. Blocking: call from a worker thread.
    bool Drop(const std::string &name);
    //! ALTER DATABASE ... RENAME TO: 3D000, 42P04, 0A000 and 55006 as Create and Drop. Blocking.
    void Rename(const std::string &name, const std::string &new_name);
    //! Closes every database no session holds anymore (at shutdown: all of them).
    void CloseAll();

    static bool IsValidName(const std::string &name);
    //! The databases of `data_dir`: postgres and every <name>.duckdb file with a valid name, sorted.
    static std::vector<std::string> ExistingNames(const std::string &data_dir);

private:
    std::filesystem::path PathOf(const std::string &name) const;
    bool ExistsLocked(const std::string &name) const;
    //! Closes `name` if it is open and no session holds it; throws 55006 (`message`) when one does.
    void CloseUnusedLocked(const std::string &name, const std::string &message);
    //! Opens (creating when missing) the database `name`; the caller holds mutex_.
    std::shared_ptr<Database> OpenLocked(const std::string &name);

    RegistryOptions options_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Database>> open_;
};

} // namespace duckgres::engine
