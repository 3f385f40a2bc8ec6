// Constraint names DuckDB does not keep, carried after the user's text in the table's comment.
#pragma once

#include "sql/table_locator.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pg_query {
class AlterTableCmd;
class CreateStmt;
class Constraint;
class Node;
} // namespace pg_query

namespace duckgres::sql {

//! A constraint's name as the user gave it (CONSTRAINT name), for the constraint DuckDB made from it. DuckDB's
//! constraints are found by kind and key: the constraint's position (1-based) among the table's constraints of its
//! kind, in DuckDB's order, which is the order CREATE TABLE declares them in (a renamed column changes no key). The
//! catalog view duckgres_constraints (catalog/sql/00_helpers.sql) reads the same entries.
struct KeptConstraintName {
    char contype = 'c'; //!< as pg_constraint: p, u, f, c
    std::string key;
    std::string name;

    bool operator==(const KeptConstraintName &other) const = default;
};

//! A table's comment: what COMMENT ON TABLE set, and the kept constraint names.
struct TableComment {
    std::string text;
    std::vector<KeptConstraintName> names;

    bool operator==(const TableComment &other) const = default;
};

//! Splits a comment DuckDB keeps for a table (FormatTableComment's form; any other text is all user text).
TableComment ParseTableComment(std::string_view comment);

//! `text` without the three separators the kept names use (chr 29 to 31), so that no text can forge them.
std::string WithoutSeparators(std::string text);

//! The comment to give DuckDB (the text and the names without separators of their own): the text, then (if any) the
//! kept names after a group separator (chr 29), entries separated by chr 30 and their fields (kind, key, name) by
//! chr 31.
std::string FormatTableComment(const TableComment &comment);

//! The kind of a PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK constraint ('p', 'u', 'f', 'c'); 0 for other kinds.
char ConstraintKind(const pg_query::Constraint &constraint);

//! The name PostgreSQL gives the constraint when it is not named: t_pkey, t_a_b_key, t_a_fkey, t_a_check (the first
//! column the CHECK reads; t_check for none).
std::string DefaultConstraintName(const std::string &table, const pg_query::Constraint &constraint);

//! The names given with CONSTRAINT name in a CREATE TABLE, with the keys DuckDB's constraints will have.
std::vector<KeptConstraintName> NamedConstraints(const pg_query::CreateStmt &create);

//! The kind of the comment entries that keep a CHECK's expression as PostgreSQL takes it (the name; DuckDB keeps its
//! own rewrite), which pg_get_constraintdef() shows. The key: the CHECK's position among the table's CHECKs, then the
//! columns it reads, separated by chr(27) (the text stands only while they all exist: a renamed column leaves
//! DuckDB's).
constexpr char kCheckTextKind = 'C';

//! A CHECK constraint (as the client wrote it), the `position`th of its table, as a kCheckTextKind entry; nullopt for
//! another kind or when its text or columns hold a separator.
std::optional<KeptConstraintName> CheckText(const pg_query::Constraint &constraint, int position);

//! The CHECK expressions of a CREATE TABLE (as the client wrote it) as kCheckTextKind entries.
std::vector<KeptConstraintName> CheckTexts(const pg_query::CreateStmt &create);

//! Whether `constraint` is a foreign key with an ON DELETE or ON UPDATE action other than NO ACTION / RESTRICT, which
//! DuckDB refuses: Duckgres keeps it in the table's comment and enforces it (ManagedForeignKey).
bool HasReferentialAction(const pg_query::Constraint &constraint);

//! The kind of the comment entries (KeptConstraintName::contype) that keep a ManagedForeignKey: the key holds the
//! foreign key (EncodeForeignKey), the name its name.
constexpr char kManagedForeignKeyKind = 'F';

//! The kind of the comment entry of a view that keeps its query as PostgreSQL takes it (the entry's name; its key is
//! empty), which pg_get_viewdef() shows (catalog/sql/45_functions.sql).
constexpr char kViewDefinitionKind = 'V';

//! A ManagedForeignKey as a comment entry's key: the two actions, then the columns, the referenced schema, table and
//! columns, separated by chr(28) (lists by chr(27)). Its name and referencing table are not in it.
std::string EncodeForeignKey(const ManagedForeignKey &key);

//! The ManagedForeignKey a comment entry's key holds (name and referencing table left empty); nullopt when malformed.
std::optional<ManagedForeignKey> DecodeForeignKey(std::string_view text);

//! Whether a name can be kept in an encoded foreign key (it has none of the separators chr(27) to chr(31)).
bool KeepableName(std::string_view name);

//! ALTER TABLE [ONLY] t ADD [CONSTRAINT name] PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK, or DROP CONSTRAINT, as its
//! one action: that action (made by making the table again, session/statement_work_constraints.cpp); null otherwise.
const pg_query::AlterTableCmd *ConstraintChange(const pg_query::Node &statement);

//! ALTER TABLE t RENAME CONSTRAINT a TO b (a new name in the table's comment).
bool RenamesConstraint(const pg_query::Node &statement);

} // namespace duckgres::sql
