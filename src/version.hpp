// Version strings of Duckgres and the PostgreSQL version it presents itself as.
#pragma once

namespace duckgres {

constexpr const char *kDuckgresVersion = "0.1.0";
constexpr const char *kDuckDbVersion = "1.4.4";
constexpr const char *kPostgresVersion = "15.0";

} // namespace duckgres
