// money and geometric operators as the functions money_functions.cpp and geometric_functions.cpp register.
#include "sql/geometric_passes.hpp"

#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"

#include <string_view>

namespace duckgres::sql {

namespace {

using pg_query::Node;

enum class Family { None, Money, Geometry };

bool IsGeometricTypeName(std::string_view name) {
    return name == "point" || name == "lseg" || name == "path" || name == "box" || name == "polygon" ||
           name == "line" || name == "circle";
}

//! Functions whose result is money or a geometric value (the rewrite's own included: it works bottom-up).
Family FamilyOfCall(std::string_view name) {
    if (name == "duckgres_money_add" || name == "duckgres_money_sub" || name == "duckgres_money_mul" ||
        name == "duckgres_money_of_cents" || name == "duckgres_money_from") {
        return Family::Money;
    }
    if (IsGeometricTypeName(name) || name == "popen" || name == "pclose" || name == "center" || name == "diagonal" ||
        name == "bound_box" || name == "duckgres_geo_add" || name == "duckgres_geo_sub" || name == "duckgres_geo_mul" ||
        name == "duckgres_geo_div" || name == "duckgres_geo_center" || name == "duckgres_geo_intersection") {
        return Family::Geometry;
    }
    return Family::None;
}

Family FamilyOf(const Node &node, PassContext &context) {
    if (node.has_func_call()) {
        return FamilyOfCall(LastName(node.func_call().funcname()));
    }
    if (!node.has_type_cast() && !node.has_column_ref()) {
        return Family::None;
    }
    if (node.has_type_cast() && node.type_cast().type_name().array_bounds_size() > 0) {
        return Family::None;
    }
    const std::string type = ExpressionType(node, context);
    if (type == "money") {
        return Family::Money;
    }
    return IsGeometricTypeName(type) ? Family::Geometry : Family::None;
}

struct OperatorName {
    std::string_view op;
    std::string_view function;
};

constexpr OperatorName kMoneyOperators[] = {
    {"+", "duckgres_money_add"},
    {"-", "duckgres_money_sub"},
    {"*", "duckgres_money_mul"},
    {"/", "duckgres_money_div"},
};

constexpr OperatorName kGeometricOperators[] = {
    {"+", "duckgres_geo_add"},
    {"-", "duckgres_geo_sub"},
    {"*", "duckgres_geo_mul"},
    {"/", "duckgres_geo_div"},
    {"<->", "duckgres_geo_distance"},
    {"=", "duckgres_geo_eq"},
    {"<>", "duckgres_geo_ne"},
    {"<", "duckgres_geo_lt"},
    {"<=", "duckgres_geo_le"},
    {">", "duckgres_geo_gt"},
    {">=", "duckgres_geo_ge"},
    {"~=", "duckgres_geo_same"},
    {"@>", "duckgres_geo_contains"},
    {"<@", "duckgres_geo_contained"},
    {"&&", "duckgres_geo_overlaps"},
    {"?#", "duckgres_geo_intersects"},
    {"#", "duckgres_geo_intersection"},
    {"<<", "duckgres_geo_left"},
    {">>", "duckgres_geo_right"},
    {"<<|", "duckgres_geo_below"},
    {"|>>", "duckgres_geo_above"},
    {"&<", "duckgres_geo_overleft"},
    {"&>", "duckgres_geo_overright"},
    {"&<|", "duckgres_geo_overbelow"},
    {"|&>", "duckgres_geo_overabove"},
    {"<^", "duckgres_geo_below_eq"},
    {">^", "duckgres_geo_above_eq"},
    {"?|", "duckgres_geo_vertical"},
    {"?-", "duckgres_geo_horizontal"},
    {"?||", "duckgres_geo_parallel"},
    {"?-|", "duckgres_geo_perpendicular"},
};

constexpr OperatorName kGeometricPrefixOperators[] = {
    {"@@", "duckgres_geo_center"},   {"#", "duckgres_geo_npoints"},     {"@-@", "duckgres_geo_length"},
    {"?|", "duckgres_geo_vertical"}, {"?-", "duckgres_geo_horizontal"},
};

template <size_t N>
std::string_view FunctionFor(const OperatorName (&table)[N], std::string_view op) {
    for (const auto &entry : table) {
        if (entry.op == op) {
            return entry.function;
        }
    }
    return {};
}

Node TypedNumberConstant(const Node &node) {
    if (node.has_a_const() && node.a_const().has_ival()) {
        return TypeCastNode(node, {"pg_catalog", "int8"});
    }
    if (node.has_a_const() && node.a_const().has_fval()) {
        return TypeCastNode(node, {"pg_catalog", "float8"});
    }
    return node;
}

bool RewriteOperator(Node &node, PassContext &context) {
    const auto &expr = node.a_expr();
    const std::string op = LastName(expr.name());
    if (!expr.has_lexpr()) {
        if (!expr.has_rexpr() || FamilyOf(expr.rexpr(), context) != Family::Geometry) {
            return false;
        }
        const auto function = FunctionFor(kGeometricPrefixOperators, op);
        if (function.empty()) {
            return false;
        }
        node = FuncCallNode({function}, {expr.rexpr()});
        return true;
    }
    if (!expr.has_rexpr()) {
        return false;
    }
    const std::string normalized = op == "!=" ? "<>" : op;
    if (FunctionFor(kGeometricOperators, normalized).empty()) {
        return false; // not an operator of these types (their money ones are geometric ones too): no lookup
    }
    // A comparison with a number or boolean constant is never geometric (money's are DuckDB's own): spare the
    // column lookup the common `a = 1` would cost.
    const bool comparison = op == "=" || op == "<>" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=";
    auto plain_constant = [](const Node &side) { return side.has_a_const() && !side.a_const().has_sval(); };
    if (comparison && (plain_constant(expr.lexpr()) || plain_constant(expr.rexpr()))) {
        return false;
    }
    const Family left = FamilyOf(expr.lexpr(), context);
    const Family right = left == Family::None ? FamilyOf(expr.rexpr(), context) : Family::None;
    std::string_view function;
    if (left == Family::Money || right == Family::Money) {
        function = FunctionFor(kMoneyOperators, op);
    } else if (left == Family::Geometry || right == Family::Geometry) {
        function = FunctionFor(kGeometricOperators, normalized);
    }
    if (function.empty()) {
        return false;
    }
    if (left == Family::Money || right == Family::Money) {
        // A number constant as bigint or double precision: DuckDB would tie money / 3 between money / money and
        // money / bigint.
        node = FuncCallNode({function}, {TypedNumberConstant(expr.lexpr()), TypedNumberConstant(expr.rexpr())});
        return true;
    }
    node = FuncCallNode({function}, {expr.lexpr(), expr.rexpr()});
    return true;
}

//! sum(money): the cents summed as bigint, money again (min and max are DuckDB's own on the cents).
bool MoneySum(Node &node, PassContext &context) {
    auto *call = node.mutable_func_call();
    if (LastName(call->funcname()) != "sum" || call->args_size() != 1 || call->agg_star() ||
        FamilyOf(call->args(0), context) != Family::Money) {
        return false;
    }
    Node cents = TypeCastNode(call->args(0), {"bigint"});
    *call->mutable_args(0) = std::move(cents);
    node = FuncCallNode({"duckgres_money_of_cents"}, {TypeCastNode(std::move(node), {"bigint"})});
    return true;
}

//! length(lseg or path): the geometric length (DuckDB's length() is the string's).
bool GeometricLength(Node &node, PassContext &context) {
    const auto &call = node.func_call();
    if (LastName(call.funcname()) != "length" || call.args_size() != 1 ||
        FamilyOf(call.args(0), context) != Family::Geometry) {
        return false;
    }
    node = FuncCallNode({"duckgres_geo_length"}, {call.args(0)});
    return true;
}

//! number::money (numeric, integers, double precision, text): duckgres_money_from(), which reads the amount.
bool NumberToMoney(Node &node, PassContext &context) {
    const auto &cast = node.type_cast();
    if (LastName(cast.type_name().names()) != "money" || cast.type_name().array_bounds_size() > 0 ||
        IsStringConst(cast.arg()) || FamilyOf(cast.arg(), context) == Family::Money) {
        return false;
    }
    node = FuncCallNode({"duckgres_money_from"}, {cast.arg()});
    return true;
}

//! money::numeric: its amount with two decimals.
bool MoneyToNumeric(Node &node, PassContext &context) {
    const auto &cast = node.type_cast();
    const std::string target = LastName(cast.type_name().names());
    if ((target != "numeric" && target != "decimal") || cast.type_name().typmods_size() > 0 ||
        cast.type_name().array_bounds_size() > 0 || FamilyOf(cast.arg(), context) != Family::Money) {
        return false;
    }
    Node text = FuncCallNode({"duckgres_money_numeric_text"}, {cast.arg()});
    Node numeric = TypeCastNode(std::move(text), {"pg_catalog", "numeric"});
    auto *type_name = numeric.mutable_type_cast()->mutable_type_name();
    *type_name->add_typmods() = IntConst(38);
    *type_name->add_typmods() = IntConst(2);
    node = std::move(numeric);
    return true;
}

} // namespace

bool RewriteMoneyAndGeometry(Node &node, PassContext &context) {
    if (node.has_a_expr() && node.a_expr().kind() == pg_query::AEXPR_OP && node.a_expr().name_size() >= 1) {
        return RewriteOperator(node, context);
    }
    if (node.has_func_call()) {
        return MoneySum(node, context) || GeometricLength(node, context);
    }
    if (node.has_type_cast()) {
        return MoneyToNumeric(node, context) || NumberToMoney(node, context);
    }
    return false;
}

} // namespace duckgres::sql
