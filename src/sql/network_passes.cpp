// Network address operators as the functions network_functions.cpp registers, chosen by operand type.
#include "sql/network_passes.hpp"

#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"

#include <string>
#include <string_view>

namespace duckgres::sql {

namespace {

using pg_query::Node;

bool IsNetworkTypeName(std::string_view type) {
    return type == "inet" || type == "cidr" || type == "macaddr" || type == "macaddr8";
}

//! The network type `node` has ("inet", "cidr", "macaddr", "macaddr8"), or "" when it is none or not known.
std::string NetworkType(const Node &node, PassContext &context) {
    if (node.has_func_call()) {
        const auto name = LastName(node.func_call().funcname());
        static constexpr std::pair<std::string_view, std::string_view> kResults[] = {
            {"broadcast", "inet"},
            {"hostmask", "inet"},
            {"netmask", "inet"},
            {"network", "cidr"},
            {"inet_merge", "cidr"},
            {"duckgres_inet_plus", "inet"},
            {"duckgres_network_not", ""},
            {"duckgres_network_and", ""},
            {"duckgres_network_or", ""},
            {"duckgres_macaddr_trunc", ""},
            {"macaddr8_set7bit", "macaddr8"},
            {"set_masklen", ""},
        };
        for (const auto &[function, type] : kResults) {
            if (name != function) {
                continue;
            }
            if (!type.empty() || node.func_call().args_size() == 0) {
                return std::string(type);
            }
            // The type of the first argument (inet for a cidr operand of the bitwise operators).
            std::string first = NetworkType(node.func_call().args(0), context);
            return first == "cidr" && name != "set_masklen" ? "inet" : first;
        }
        if (name == "duckgres_inet_minus" && node.func_call().args_size() == 2 &&
            NetworkType(node.func_call().args(1), context).empty()) {
            return "inet";
        }
        return "";
    }
    std::string type = ExpressionType(node, context);
    return IsNetworkTypeName(type) ? type : "";
}

//! `side` cast to `type` when it is a string literal (PostgreSQL gives an unknown literal the other operand's type).
Node Typed(const Node &side, const std::string &type) {
    if (!type.empty() && IsStringConst(side)) {
        return TypeCastNode(side, {type});
    }
    return side;
}

bool TruncCall(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().funcname_size() != 1 || node.func_call().args_size() != 1 ||
        LastName(node.func_call().funcname()) != "trunc") {
        return false;
    }
    const std::string type = NetworkType(node.func_call().args(0), context);
    if (type != "macaddr" && type != "macaddr8") {
        return false;
    }
    node.mutable_func_call()->mutable_funcname(0)->mutable_string()->set_sval("duckgres_macaddr_trunc");
    return true;
}

} // namespace

bool RewriteNetworkOperators(Node &node, PassContext &context) {
    if (TruncCall(node, context)) {
        return true;
    }
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    const std::string op = LastName(expr.name());
    if (!expr.has_lexpr()) {
        if (op == "~" && !NetworkType(expr.rexpr(), context).empty()) {
            node = FuncCallNode({"duckgres_network_not"}, {expr.rexpr()});
            return true;
        }
        return false;
    }
    static constexpr std::pair<std::string_view, std::string_view> kOperators[] = {
        {"<<", "duckgres_inet_contained"},    {"<<=", "duckgres_inet_contained_eq"}, {">>", "duckgres_inet_contains"},
        {">>=", "duckgres_inet_contains_eq"}, {"&&", "duckgres_inet_overlaps"},      {"&", "duckgres_network_and"},
        {"|", "duckgres_network_or"},         {"+", "duckgres_inet_plus"},           {"-", "duckgres_inet_minus"},
    };
    std::string_view function;
    for (const auto &[name, target] : kOperators) {
        if (op == name) {
            function = target;
        }
    }
    if (function.empty()) {
        return false;
    }
    const std::string left = NetworkType(expr.lexpr(), context);
    const std::string right = op == "-" ? "" : NetworkType(expr.rexpr(), context);
    if (left.empty() && right.empty()) {
        return false;
    }
    // +, - and the containment operators take inet: a cidr operand's literal partner is read as inet too.
    const bool bitwise = op == "&" || op == "|";
    auto partner = [&](const std::string &type) { return !bitwise && type == "cidr" ? std::string("inet") : type; };
    Node lexpr = Typed(expr.lexpr(), op == "+" ? "" : partner(right));
    Node rexpr = Typed(expr.rexpr(), op == "+" ? "" : partner(left));
    node = FuncCallNode({function}, {std::move(lexpr), std::move(rexpr)});
    return true;
}

} // namespace duckgres::sql
