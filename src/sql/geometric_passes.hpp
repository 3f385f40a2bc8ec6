// Rewrite pass for money's and the geometric types' operators, which DuckDB cannot overload: registered functions.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! An operator with a money operand (+ - * /) or a geometric one (+ - * / <-> = <> < <= > >= ~= @> <@ && ?# # <<
//! >> <<| |>> &< &> &<| |&> <^ >^ ?| ?- ?|| ?-| @@ @-@) as the duckgres_money_* / duckgres_geo_* function DuckDB
//! picks the overload of by the operand types; sum(money), money::numeric and length(path or lseg) likewise.
//! Operands are known by their form (casts, calls of the types' functions) or their columns' types.
bool RewriteMoneyAndGeometry(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
