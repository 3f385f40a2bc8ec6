// UPDATE ... FROM whose RETURNING reads a FROM relation (DuckDB's RETURNING sees only the target): run in steps.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! UPDATE t [a] SET ... FROM f1, f2 WHERE c RETURNING ... f1.x ...: three steps as RewriteEffects::captures and the
//! statement. First the rows that will change, each (once, by DuckDB's rowid) with the FROM rows it matches as
//! structs named like the FROM items: SELECT DISTINCT ON (a.rowid) a.rowid AS duckgres_row, f1, f2 FROM t a, f1, f2
//! WHERE c. Then the UPDATE without RETURNING. The statement is then a SELECT of the RETURNING list over the changed
//! target rows joined back by rowid to the kept FROM rows (f1.x reads the struct's field). Only FROM items that are
//! tables or subqueries with an alias are taken; anything else is left to DuckDB. True when it changed `statement`.
bool CaptureUpdateFromReturning(pg_query::Node &statement, RewriteEffects &effects);

} // namespace duckgres::sql
