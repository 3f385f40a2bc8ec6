// Rewrite pass for the network address operators (inet, cidr, macaddr, macaddr8) DuckDB has under other meanings.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! With an inet, cidr, macaddr or macaddr8 operand (by column type, cast or the function computing it): << <<= >> >>=
//! && become duckgres_inet_contained[_eq] / duckgres_inet_contains[_eq] / duckgres_inet_overlaps; ~ & |
//! duckgres_network_not / _and / _or; + and - duckgres_inet_plus / duckgres_inet_minus; trunc(macaddr)
//! duckgres_macaddr_trunc. A string literal on the other side is cast to the operand's type, as PostgreSQL resolves
//! it. Returns true when it changed the node.
bool RewriteNetworkOperators(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
