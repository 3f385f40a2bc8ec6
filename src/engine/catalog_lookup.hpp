// CatalogLookup: the questions the session asks DuckDB's catalog, as named functions over one connection.
#pragma once

#include "common/catalog_object.hpp"
#include "engine/engine_connection.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace duckgres::engine {

//! Blocking (a worker thread), like the connection it queries. A lookup that fails answers "not known" (empty or
//! nullopt): these answers shape notices and rewrites, never whether a statement runs.
class CatalogLookup {
public:
    explicit CatalogLookup(EngineConnection &connection) : connection_(connection) {}

    //! The schemas of the current database.
    std::set<std::string> SchemaNames();
    //! The schemas of the current database holding a table named `table`.
    std::set<std::string> SchemasWithTable(const std::string &table);
    //! The schemas of the current database with a sequence named `name`.
    std::set<std::string> SchemasWithSequence(const std::string &name);
    //! Whether DuckDB or the catalog (the system and duckgres_catalog databases) defines a function named `name`,
    //! in any case.
    bool IsSystemFunction(const std::string &name);
    //! Whether `object` exists now; nullopt when that cannot be told.
    std::optional<bool> Exists(const CatalogObject &object);
    //! A column whose DEFAULT is nextval('sequence'), with the sequence's name as the default writes it.
    struct NextvalDefault {
        std::string schema; //!< the table's
        std::string column;
        std::string sequence;
    };
    //! The nextval defaults of `table` (in `schema`; empty: the search path), in column order.
    std::vector<NextvalDefault> NextvalDefaultsOf(const std::string &schema, const std::string &table);
    //! The sequences named <table>_<column>_seq that the nextval defaults of `table` (in `schema`; empty: the search
    //! path) draw from, as the serial expansion makes them: quoted, qualified names.
    std::vector<std::string> SerialSequencesOf(const std::string &schema, const std::string &table);
    //! What DROP SCHEMA ... CASCADE takes with `schema`, as PostgreSQL names it ("table s.t"), in creation order; a
    //! column's serial sequence goes with its table, unnamed, as in PostgreSQL.
    std::vector<std::string> ObjectsInSchema(const std::string &schema);

    //! A table's columns as a statement DuckDB prepares but never runs sees them.
    struct TableColumns {
        std::string schema; //!< where the table was found
        std::vector<std::string> names;
        std::vector<LogicalTypeHandle> types;
    };
    //! The columns `columns` (empty: all) of `table` in the first of `schemas` that has it. Throws SqlError: 42P01
    //! when none has it, 42703 for an unknown column.
    TableColumns ColumnsOf(const std::vector<std::string> &schemas, const std::string &table,
                           const std::vector<std::string> &columns);

    //! The columns, in order, of the primary key or unique constraint named `constraint` (PostgreSQL's name, as
    //! pg_constraint shows it) of `table` in the first of `schemas` that has one; empty when none has.
    std::vector<std::string> ConstraintColumns(const std::vector<std::string> &schemas, const std::string &table,
                                               const std::string &constraint);

    //! The columns of `table` in the first of `schemas` that has it, in order, as PostgreSQL's catalog shows them:
    //! name, type (format_type), NOT NULL ("true" / "false"), default expression ("" for none). Empty: no such table.
    std::vector<std::vector<std::string>> ColumnDefinitions(const std::vector<std::string> &schemas,
                                                            const std::string &table);

    //! The comment of the table or view `table`: a temporary one's (when `temporary_first`), else the one in the first
    //! of `schemas` that has it; empty when there is none.
    std::string TableComment(const std::vector<std::string> &schemas, const std::string &table, bool temporary_first);
    //! The generated columns of `table` in the first of `schemas` that has it (DuckDB's catalog functions do not tell
    //! them from defaults: each column with a default is tried as an INSERT target, which DuckDB refuses for one).
    std::set<std::string> GeneratedColumns(const std::vector<std::string> &schemas, const std::string &table);

    //! Whether the session has a temporary table named `table` (compared as DuckDB compares names).
    bool HasTemporaryTable(const std::string &table);
    //! The tables of the current database whose comments keep constraint entries: schema, name, comment.
    std::vector<std::vector<std::string>> TablesWithKeptConstraints();
    //! The primary key and unique constraints of `schema`.`table`, one row per column in order: the constraint's
    //! index, whether it is the primary key ("true" / "false"), the column.
    std::vector<std::vector<std::string>> UniqueKeyColumns(const std::string &schema, const std::string &table);

    //! Whether `name` is a table macro of the current database (in `schema`; empty: the search path).
    bool IsTableMacro(const std::string &schema, const std::string &name);
    //! The domains of the current database: type name -> the CREATE DOMAIN statement kept in the type's comment.
    std::map<std::string, std::string> Domains();
    //! The views of the current database: schema, name and the CREATE VIEW statement DuckDB keeps.
    std::vector<std::vector<std::string>> Views();

private:
    //! The rows of a lookup, or none when it fails.
    std::vector<std::vector<std::string>> RowsOrNone(const std::string &sql);
    //! The first column of those rows, as a set.
    std::set<std::string> FirstColumnValues(const std::string &sql);

    EngineConnection &connection_;
};

} // namespace duckgres::engine
