// Where the rewrite finds the tables a statement names (REFERENCES targets, columns and their types).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace duckgres::sql {

//! A column of a table or view and its type, as the rewrite needs to know it.
struct ColumnType {
    std::string column;
    //! The type as PostgreSQL names it ("integer", "real", "boolean", "jsonb", "integer[]"...); "enum" for a column
    //! of an enum type.
    std::string type;
    //! A column of an enum type: the type's labels, in their order.
    std::vector<std::string> enum_labels;
};

//! A column as CREATE TABLE (LIKE ...) copies it, in PostgreSQL's terms.
struct ColumnDefinition {
    std::string name;
    std::string type; //!< as format_type() names it ("character varying(10)")
    bool not_null = false;
    std::string default_expression; //!< empty: none
};

//! A primary key or unique constraint's columns.
struct UniqueKey {
    bool primary = false;
    std::vector<std::string> columns;
};

//! A foreign key with an ON DELETE / ON UPDATE action (DuckDB has none), which Duckgres enforces itself: kept in the
//! referencing table's comment (sql/constraint_metadata.hpp), checked and acted on around the statements that write
//! either table (sql/foreign_key_actions.hpp).
struct ManagedForeignKey {
    std::string name;
    std::string schema; //!< of the referencing table
    std::string table;
    std::vector<std::string> columns;
    std::string referenced_schema;
    std::string referenced_table;
    std::vector<std::string> referenced_columns;
    //! pg_constraint's confdeltype / confupdtype: a (no action), r (restrict), c (cascade), n (set null), d (default)
    char on_delete = 'a';
    char on_update = 'a';

    bool operator==(const ManagedForeignKey &other) const = default;
};

//! The session's catalog as the rewrite sees it: looked up, never changed.
class TableLocator {
public:
    virtual ~TableLocator() = default;
    //! The first schema of the session's search path with a table named `table`; nullopt: none, or not known.
    virtual std::optional<std::string> SchemaOf(const std::string &table) const = 0;
    //! The columns of `table` (in `schema`; empty: the first schema of the search path that has it), in order;
    //! empty when not known.
    virtual std::vector<std::string> ColumnNames(const std::string &schema, const std::string &table) const = 0;
    //! The columns of the primary key or unique constraint `constraint` of `table` (schema as for ColumnNames), in
    //! order, as PostgreSQL names it (<table>_pkey for a primary key); empty when there is none.
    virtual std::vector<std::string> ConstraintColumns(const std::string &schema, const std::string &table,
                                                       const std::string &constraint) const = 0;
    //! The columns of the table or view `table` (schema as for ColumnNames) with their types, in order; empty when
    //! not known.
    virtual std::vector<ColumnType> ColumnTypes(const std::string &schema, const std::string &table) const {
        return {};
    }
    //! Whether `name` (in `schema`; empty: the search path) is a table macro (a function returning a set).
    virtual bool IsTableMacro(const std::string &schema, const std::string &name) const { return false; }
    //! The domains of the session's database: name -> the CREATE DOMAIN statement that made it.
    virtual std::map<std::string, std::string> Domains() const { return {}; }
    //! The generated columns of `table` (schema as for ColumnNames); empty when none or not known.
    virtual std::set<std::string> GeneratedColumns(const std::string &schema, const std::string &table) const {
        return {};
    }
    //! The columns of `table` (schema as for ColumnNames), in order; empty when not known.
    virtual std::vector<ColumnDefinition> ColumnDefinitions(const std::string &schema, const std::string &table) const {
        return {};
    }
    //! The comment DuckDB keeps for the table `table` (schema as for ColumnNames; a temporary table first); empty
    //! when it has none or is not known.
    virtual std::string TableComment(const std::string &schema, const std::string &table) const { return ""; }
    //! Whether the session has a temporary table named `table` (which hides permanent ones of its name).
    virtual bool IsTemporaryTable(const std::string &table) const { return false; }
    //! The foreign keys Duckgres enforces itself, of every table of the session's database.
    virtual std::vector<ManagedForeignKey> ManagedForeignKeys() const { return {}; }
    //! The schema of the sequence `name` (in `schema`; empty: the first schema of the search path that has one);
    //! nullopt when there is none or it is not known.
    virtual std::optional<std::string> SequenceSchema(const std::string &schema, const std::string &name) const {
        return std::nullopt;
    }
    //! The primary key and unique constraints of `table` (schema as for ColumnNames); empty when none or not known.
    virtual std::vector<UniqueKey> UniqueKeys(const std::string &schema, const std::string &table) const { return {}; }
};

} // namespace duckgres::sql
