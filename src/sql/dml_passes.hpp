// Rewrite passes for DML PostgreSQL accepts and DuckDB does not: SELECT INTO, omitted INSERT columns, ON CONSTRAINT.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! SELECT ... INTO [TEMP] new_table FROM ...: CREATE [TEMP] TABLE new_table AS SELECT ... (DuckDB has no SELECT
//! INTO). Set operations, whose INTO PostgreSQL takes from the leftmost arm, are left as they are.
bool SelectIntoAsCreateTable(pg_query::Node &node, PassContext &context);

//! INSERT INTO t VALUES (...) / INSERT INTO t SELECT ... without a column list and with fewer values than t has
//! columns: the list of the first columns is added, so the others take their defaults as in PostgreSQL. A generated
//! column (listed or not) whose VALUES are all DEFAULT leaves the list with its values (DuckDB takes none for it); any
//! other value for it is PostgreSQL's 428C9. Runs only when RewriteContext::fill_insert_columns is set (the table's
//! columns cost a lookup).
bool FillOmittedInsertColumns(pg_query::Node &node, PassContext &context);

//! INSERT ... ON CONFLICT ON CONSTRAINT name: ON CONFLICT (its columns), found through RewriteContext::tables (DuckDB
//! takes no constraint name). A name that is no primary key or unique constraint of the table is 42704.
bool ConflictConstraintAsColumns(pg_query::Node &node, PassContext &context);

//! INSERT ... VALUES ... ON CONFLICT (columns) DO UPDATE whose rows repeat a constant key: PostgreSQL's 21000 (a
//! command cannot update a row it inserted or updated) where DuckDB would apply both, raised when the repeated row's
//! values are evaluated. Rows whose keys are expressions or NULL are left to DuckDB.
bool FailRepeatedConflictKeys(pg_query::Node &node, PassContext &context);

//! MERGE ... WHEN NOT MATCHED THEN INSERT ... VALUES (a, b): bare names there are the source's columns (the target row
//! does not exist), qualified with the source's alias, as DuckDB would call a name both have ambiguous.
bool QualifyMergeInsertValues(pg_query::Node &node, PassContext &context);

//! UPDATE ... SET (a, b) = (SELECT x, y ...) and SET (a, b) = (1, 2): one assignment per column, a = (SELECT m.c1
//! FROM (SELECT x, y ...) m(c1, c2)), b = (... m.c2 ...) (the subquery runs once per column, with the same result:
//! it reads no changed row).
bool SplitMultiColumnAssignment(pg_query::Node &node, PassContext &context);

//! TRUNCATE ... CONTINUE IDENTITY / RESTART IDENTITY (syntax errors in DuckDB): written without the clause. The tree
//! cannot tell CONTINUE IDENTITY from no clause, so every TRUNCATE is deparsed. The session restarts the sequences of
//! RESTART IDENTITY itself, from the statement's tree (StatementWork::RestartIdentities).
bool TruncateWithoutIdentityClause(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
