// CatalogScripts: the SQL that builds PostgreSQL's system catalogs in DuckDB, and the names it defines.
#pragma once

#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::catalog {

struct EmbeddedFile {
    const char *name;     //!< "static/pg_type.sql", "sql/10_namespaces.sql"
    const char *contents; //!< the file's SQL
};

//! Defined in the source cmake/EmbedFiles.cmake generates from src/catalog/{static,sql}/*.sql.
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

//! The in-memory DuckDB database, attached to every served database, that holds the catalog: PostgreSQL's
//! fixed rows in its schema "static", the pg_catalog relations (views) and functions (macros) in "main".
inline constexpr std::string_view kCatalogDatabase = "duckgres_catalog";

//! The scripts in the order they run: static/*.sql (run in schema "static"), then sql/*.sql (in "main").
std::span<const EmbeddedFile> Scripts();

//! The names of the tables a static/ script creates (its `CREATE TABLE name` lines); each gets a view of
//! the same name in schema "main" unless a sql/ script replaces it.
std::vector<std::string> StaticTables(const EmbeddedFile &file);

//! What the scripts define in duckgres_catalog.main: the static tables' views, and the sql/ scripts'
//! `CREATE [OR REPLACE] VIEW name`, `CREATE TABLE name` and `CREATE [OR REPLACE] MACRO name` lines (each
//! at the start of a line). The rewriter sends pg_catalog references there.
class CatalogNames {
public:
    //! Built once from the embedded scripts.
    static const CatalogNames &Get();
    //! Built from the given scripts (tests).
    explicit CatalogNames(std::span<const EmbeddedFile> scripts);

    bool IsRelation(std::string_view name) const { return relations_.count(std::string(name)) > 0; }
    bool IsFunction(std::string_view name) const { return functions_.count(std::string(name)) > 0; }
    const std::set<std::string> &Relations() const { return relations_; }
    const std::set<std::string> &Functions() const { return functions_; }

private:
    std::set<std::string> relations_;
    std::set<std::string> functions_;
};

} // namespace duckgres::catalog
