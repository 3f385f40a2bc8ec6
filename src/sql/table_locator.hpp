// Where the rewrite finds the tables a statement names without a schema (REFERENCES targets).
#pragma once

#include <optional>
#include <string>

namespace duckgres::sql {

//! The session's catalog as the rewrite sees it: looked up, never changed.
class TableLocator {
public:
    virtual ~TableLocator() = default;
    //! The first schema of the session's search path with a table named `table`; nullopt: none, or not known.
    virtual std::optional<std::string> SchemaOf(const std::string &table) const = 0;
};

} // namespace duckgres::sql
