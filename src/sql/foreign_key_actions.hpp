// Foreign keys with ON DELETE / ON UPDATE actions, which DuckDB refuses: declared, checked and acted on by Duckgres.
#pragma once

#include "sql/constraint_metadata.hpp"
#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! The ManagedForeignKey a FOREIGN KEY constraint with actions declares on `schema`.`table` (`column`: the column of
//! a column constraint, else empty). The referenced columns are the referenced table's primary key when not named;
//! the referenced table's keys come from `tables`, or from `creating` for a table that references itself.
//! PostgreSQL's errors when the referenced table or key is not there (42P01, 42830); 0A000 for what Duckgres does not
//! enforce (MATCH FULL, SET NULL (columns), deferred checks, temporary tables).
ManagedForeignKey DeclaredForeignKey(const pg_query::Constraint &constraint, const std::string &column,
                                     const std::string &schema, const std::string &table,
                                     const pg_query::CreateStmt *creating, const TableLocator *tables);

//! A query raising PostgreSQL's 23503 (with its DETAIL) for the first row of the referencing table whose key (all
//! columns non-NULL, MATCH SIMPLE) has no referenced row, worded for a write of the referencing table or, with
//! `referenced_side`, of the referenced one; no rows when there is none.
std::string ForeignKeyCheck(const ManagedForeignKey &key, bool referenced_side);

//! Around a statement that writes a table of a ManagedForeignKey (RewriteContext::tables lists them), as PostgreSQL's
//! triggers act (after the passes, on the statement as they left it):
//! - DELETE of a referenced table: after it, the referencing rows left without their referenced row are deleted
//!   (CASCADE; a table referencing itself: the whole descent, by a recursive query; a cycle of keys followed again)
//!   or set NULL / to their defaults, and NO ACTION / RESTRICT are checked;
//! - UPDATE of referenced columns: the old and new keys are kept in a temporary table first, and the referencing rows
//!   follow them after it (CASCADE, SET NULL, SET DEFAULT) or are checked;
//! - INSERT, UPDATE, MERGE of a referencing table: checked after it;
//! - TRUNCATE of a referenced table: 0A000 unless its referencing tables go with it (CASCADE adds them); DROP TABLE:
//!   2BP01 unless CASCADE, which drops the foreign keys from their tables' comments;
//! - ALTER TABLE ... RENAME TO / RENAME COLUMN: the kept keys follow the new names.
//! All of it goes into RewriteEffects::foreign_keys; the statement itself stays as it is.
void EnforceManagedForeignKeys(const pg_query::Node &statement, const RewriteContext &context, RewriteEffects &effects);

} // namespace duckgres::sql
