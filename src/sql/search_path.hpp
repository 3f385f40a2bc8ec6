// The schemas a search_path value names, as PostgreSQL reads the parameter.
#pragma once

#include <string>
#include <vector>

namespace duckgres::sql {

//! The schemas a PostgreSQL search_path value names, in order: comma-separated identifiers, double-quoted
//! or folded to lower case, "$user" standing for `user`.
std::vector<std::string> SearchPathSchemas(const std::string &value, const std::string &user);

} // namespace duckgres::sql
