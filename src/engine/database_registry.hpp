// DatabaseRegistry: the server's open databases by name, opened on first use.
#pragma once

#include "engine/database.hpp"

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
    //! Closes every database no session holds anymore (at shutdown: all of them).
    void CloseAll();

    static bool IsValidName(const std::string &name);
    //! The databases of `data_dir`: postgres and every <name>.duckdb file with a valid name, sorted.
    static std::vector<std::string> ExistingNames(const std::string &data_dir);

private:
    RegistryOptions options_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Database>> open_;
};

} // namespace duckgres::engine
