// inet, cidr, macaddr and macaddr8 as DuckDB types, their casts, and PostgreSQL's network address functions.
#pragma once

#include <duckdb.h>

namespace duckgres::engine {

//! Registers the types inet, cidr, macaddr and macaddr8 (BLOBs under those aliases, in types/network_address's
//! storage bytes, whose byte order is PostgreSQL's order), their casts (text <-> each, cidr -> inet implicitly,
//! inet -> cidr, macaddr <-> macaddr8), abbrev, broadcast, family, host, hostmask, inet_merge, inet_same_family,
//! masklen, netmask, network, set_masklen, text, trunc, macaddr8_set7bit, and the operator functions the SQL rewriter
//! calls (duckgres_inet_contained[_eq], duckgres_inet_contains[_eq], duckgres_inet_overlaps, duckgres_network_not,
//! duckgres_network_and, duckgres_network_or, duckgres_inet_plus, duckgres_inet_minus).
void RegisterNetworkFunctions(duckdb_connection connection);

} // namespace duckgres::engine
