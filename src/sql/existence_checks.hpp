// ExistenceChecks: the objects an IF [NOT] EXISTS statement names, for PostgreSQL's "skipping" NOTICEs.
#pragma once

#include "common/catalog_object.hpp"

#include <pg_query.pb.h>

#include <string>
#include <vector>

namespace duckgres::sql {

//! One object a DROP ... IF EXISTS or CREATE ... IF NOT EXISTS names. DuckDB skips silently; PostgreSQL
//! says so with a NOTICE: `table "t" does not exist, skipping` (00000) when a dropped object is missing,
//! `relation "t" already exists, skipping` (42P07, 42P06 for a schema) when a created one exists.
//! ALTER TABLE IF EXISTS, ADD COLUMN IF NOT EXISTS and DROP COLUMN IF EXISTS are checked the same way.
struct ExistenceCheck {
    using Kind = CatalogObjectKind;
    Kind kind = Kind::Table;
    //! CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS (notice when it exists); else ... IF EXISTS
    bool creating = false;
    std::string schema; //!< empty when unqualified
    std::string name;
    std::string table; //!< Column: the column's table

    CatalogObject Object() const { return {kind, schema, name, table}; }
    //! PostgreSQL's NOTICE text for this check's case.
    std::string Message() const;
    std::string Sqlstate() const;
};

//! The checks for `statement`; empty for statements without IF [NOT] EXISTS.
std::vector<ExistenceCheck> ExistenceChecks(const pg_query::Node &statement);

} // namespace duckgres::sql
