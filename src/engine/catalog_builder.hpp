// CatalogBuilder: attaches and fills duckgres_catalog (PostgreSQL's system catalogs) on a database.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Builds the catalog once per database when it opens: attaches the in-memory database
//! duckgres_catalog, loads PostgreSQL's fixed rows into its schema "static", registers the scalar
//! functions the catalog's views use (duckgres_type_oid, duckgres_type_typmod) and creates the views
//! and macros of schema "main". Throws SqlError when a script fails.
void BuildCatalog(duckdb_connection connection);

} // namespace duckgres::engine
