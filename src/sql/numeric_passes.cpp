// Rewrite passes giving numeric expressions and aggregates PostgreSQL's result types.
#include "sql/numeric_passes.hpp"

#include "sql/node_builders.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! Functions whose result type depends on their arguments' in PostgreSQL but not alike in DuckDB: the call is
//! wrapped in a catalog macro given the call and its arguments (type witnesses; used only to compute anew).
struct WitnessedFunction {
    std::string_view name;
    int arity;
    const char *macro;
};

constexpr WitnessedFunction kWitnessed[] = {
    {"sum", 1, "duckgres_sum_result"}, {"round", 1, "duckgres_round_result"}, {"sign", 1, "duckgres_sign_result"},
    {"gcd", 2, "duckgres_gcd_result"}, {"lcm", 2, "duckgres_gcd_result"},
};

//! The unqualified or pg_catalog-qualified name of a call with plain arguments; empty otherwise.
std::string PlainFunctionName(const pg_query::FuncCall &call) {
    const auto &names = call.funcname();
    if (call.agg_star() || call.agg_within_group() || call.func_variadic() || names.empty() || names.size() > 2) {
        return {};
    }
    if (names.size() == 2 && (!names[0].has_string() || names[0].string().sval() != "pg_catalog")) {
        return {};
    }
    return LastName(names);
}

//! Whether `arg` calls an aggregate or window function: as a witness it would not bind outside the aggregate.
bool CallsAggregate(const Node &arg) {
    static constexpr std::string_view kAggregates[] = {"count",
                                                       "sum",
                                                       "avg",
                                                       "min",
                                                       "max",
                                                       "string_agg",
                                                       "array_agg",
                                                       "bool_and",
                                                       "bool_or",
                                                       "every",
                                                       "stddev",
                                                       "stddev_samp",
                                                       "stddev_pop",
                                                       "variance",
                                                       "var_samp",
                                                       "var_pop",
                                                       "bit_and",
                                                       "bit_or",
                                                       "json_agg",
                                                       "jsonb_agg",
                                                       "regr_count",
                                                       "corr",
                                                       "covar_pop",
                                                       "covar_samp",
                                                       "regr_slope",
                                                       "mode",
                                                       "duckgres_sum_result",
                                                       "duckgres_avg_result"};
    bool found = false;
    Node copy = arg;
    WalkNodes(copy, [&](Node &node) {
        if (!node.has_func_call()) {
            return;
        }
        const auto &call = node.func_call();
        const auto name = LastName(call.funcname());
        found |= call.agg_star() || call.agg_distinct() || call.has_agg_filter() || call.has_over() ||
                 std::find(std::begin(kAggregates), std::end(kAggregates), name) != std::end(kAggregates);
    });
    return found;
}

//! `call` as a call of `name`, keeping its arguments and modifiers (DISTINCT, FILTER, OVER, ORDER BY).
Node Renamed(const Node &call, const char *name) {
    Node renamed = call;
    auto *names = renamed.mutable_func_call()->mutable_funcname();
    names->Clear();
    names->Add()->mutable_string()->set_sval(name);
    return renamed;
}

} // namespace

bool AggregateResultTypes(Node &node, PassContext &context) {
    if (node.has_grouping_func()) {
        node = TypeCastNode(std::move(node), {"pg_catalog", "int4"});
        return true;
    }
    if (!node.has_func_call()) {
        return false;
    }
    const auto name = PlainFunctionName(node.func_call());
    for (const auto &arg : node.func_call().args()) {
        if (CallsAggregate(arg)) {
            return false; // sum(count(*)): DuckDB's result types are PostgreSQL's there (bigint in, numeric out)
        }
    }
    const int arity = node.func_call().args_size();
    for (const auto &function : kWitnessed) {
        if (function.name == name && function.arity == arity) {
            Node wrapped = FuncCallNode({"duckgres_catalog", "main", function.macro}, {node});
            for (const auto &arg : node.func_call().args()) {
                *wrapped.mutable_func_call()->add_args() = arg;
            }
            node = std::move(wrapped);
            return true;
        }
    }
    if (name == "avg" && arity == 1) {
        Node witness = node.func_call().args(0);
        node = FuncCallNode({"duckgres_catalog", "main", "duckgres_avg_result"},
                            {node, Renamed(node, "sum"), Renamed(node, "count"), witness});
        return true;
    }
    if (name == "regr_count" && arity == 2) {
        node = TypeCastNode(std::move(node), {"pg_catalog", "int8"});
        return true;
    }
    return false;
}

bool IntegerMinimumConstant(Node &node, PassContext &context) {
    if (!node.has_a_const() || !node.a_const().has_fval() || node.a_const().fval().fval() != "-2147483648") {
        return false;
    }
    node = TypeCastNode(std::move(node), {"pg_catalog", "int4"});
    return true;
}

} // namespace duckgres::sql
