// Which relations a view reads, from its SQL: the dependencies DuckDB does not track (DROP ... RESTRICT / CASCADE).
#pragma once

#include <string>
#include <string_view>

namespace duckgres::sql {

//! Whether the query of `view_sql` (the CREATE VIEW statement DuckDB keeps) reads the relation `name` in `schema`:
//! a relation of that name in FROM, qualified with `schema` or not qualified. False when the SQL cannot be parsed.
bool ViewReadsRelation(std::string_view view_sql, const std::string &schema, const std::string &name);

} // namespace duckgres::sql
