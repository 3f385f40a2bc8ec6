// Array literals cast to array types, array || element, array functions in FROM, ragged ARRAY[] constructors.
#include "sql/array_passes.hpp"

#include "common/ascii.hpp"
#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace duckgres::sql {

using pg_query::Node;

namespace {

//! Functions whose result is an array whatever their arguments.
bool ReturnsArray(const std::string &name) {
    static constexpr std::array<std::string_view, 14> kNames = {
        "array_append", "array_prepend", "array_cat",       "array_remove",    "array_replace",
        "array_agg",    "array_fill",    "array_positions", "string_to_array", "regexp_split_to_array",
        "list_append",  "list_prepend",  "list_concat",     "string_split"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

//! True when `node` is an array by its syntax alone.
bool IsSurelyArray(const Node &node) {
    if (node.has_a_array_expr()) {
        return true;
    }
    if (node.has_type_cast()) {
        return node.type_cast().type_name().array_bounds_size() > 0;
    }
    if (node.has_sub_link()) {
        return node.sub_link().sub_link_type() == pg_query::ARRAY_SUBLINK;
    }
    if (node.has_coalesce_expr()) {
        const auto &args = node.coalesce_expr().args();
        return std::any_of(args.begin(), args.end(), [](const Node &arg) { return IsSurelyArray(arg); });
    }
    if (node.has_func_call()) {
        return ReturnsArray(LastName(node.func_call().funcname()));
    }
    return false;
}

//! True when `node` is a single value by its syntax alone (a string constant may be an array literal).
bool IsSurelyScalar(const Node &node) {
    if (node.has_a_const()) {
        const auto &constant = node.a_const();
        return constant.has_ival() || constant.has_fval() || constant.has_boolval();
    }
    if (node.has_type_cast()) {
        return node.type_cast().type_name().array_bounds_size() == 0 && !node.type_cast().type_name().names().empty();
    }
    return false;
}

//! The number of dimensions of an array written as one: nested ARRAY[] constructors or a cast's [] (0 otherwise).
int WrittenDimensions(const Node &node) {
    if (node.has_a_array_expr()) {
        const auto &elements = node.a_array_expr().elements();
        return 1 + (elements.empty() ? 0 : WrittenDimensions(elements[0]));
    }
    if (node.has_type_cast()) {
        return node.type_cast().type_name().array_bounds_size();
    }
    return 0;
}

//! The shape of a nested ARRAY[] constructor: each level's length (first element's), and whether it is
//! rectangular. Elements that are not constructors end the shape.
bool ConstructorShape(const pg_query::A_ArrayExpr &array, std::vector<int> &shape) {
    shape.push_back(array.elements_size());
    std::vector<int> first;
    bool first_seen = false;
    for (const auto &element : array.elements()) {
        if (!element.has_a_array_expr()) {
            return true;
        }
        std::vector<int> inner;
        if (!ConstructorShape(element.a_array_expr(), inner)) {
            return false;
        }
        if (first_seen && inner != first) {
            return false;
        }
        first = std::move(inner);
        first_seen = true;
    }
    shape.insert(shape.end(), first.begin(), first.end());
    return true;
}

} // namespace

size_t ArrayLiteralDimensions(std::string_view text) {
    size_t pos = 0;
    auto skip_space = [&] {
        while (pos < text.size() && IsAsciiSpace(text[pos])) {
            pos++;
        }
    };
    skip_space();
    if (pos < text.size() && text[pos] == '[') { // dimension decoration "[lb:ub]...="
        pos = text.find('=', pos);
        if (pos == std::string_view::npos) {
            return 0;
        }
        pos++;
    }
    size_t dimensions = 0;
    skip_space();
    while (pos < text.size() && text[pos] == '{') {
        dimensions++;
        pos++;
        skip_space();
    }
    return dimensions;
}

bool ArrayLiteralCastDimensions(pg_query::Node &node, PassContext &context) {
    if (!node.has_type_cast() || !node.type_cast().has_type_name() || !node.type_cast().arg().has_a_const() ||
        !node.type_cast().arg().a_const().has_sval()) {
        return false;
    }
    auto *type = node.mutable_type_cast()->mutable_type_name();
    const int bounds = type->array_bounds_size();
    if (bounds == 0) {
        return false;
    }
    const size_t dimensions = ArrayLiteralDimensions(node.type_cast().arg().a_const().sval().sval());
    if (dimensions == 0 || dimensions == static_cast<size_t>(bounds)) {
        return false;
    }
    type->clear_array_bounds();
    for (size_t i = 0; i < dimensions; i++) {
        type->add_array_bounds()->mutable_integer()->set_ival(-1);
    }
    return true;
}

bool ArrayElementConcat(Node &node, PassContext &context) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || LastName(node.a_expr().name()) != "||" ||
        !node.a_expr().has_lexpr() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const Node &left = node.a_expr().lexpr();
    const Node &right = node.a_expr().rexpr();
    // By form first; a column (or ARRAY[column]) by its type, looked up only when the form does not tell.
    auto is_array = [&](const Node &side) {
        return IsSurelyArray(side) || (!IsSurelyScalar(side) && ExpressionType(side, context).ends_with("[]"));
    };
    auto is_scalar = [&](const Node &side) {
        if (IsSurelyScalar(side)) {
            return true;
        }
        const std::string type = side.has_column_ref() ? ExpressionType(side, context) : "";
        return !type.empty() && !type.ends_with("[]") && type != "jsonb" && type != "json";
    };
    if (is_array(left) && is_scalar(right)) {
        node = FuncCallNode({"list_append"}, {left, right});
        return true;
    }
    if (is_scalar(left) && is_array(right)) {
        node = FuncCallNode({"list_prepend"}, {left, right});
        return true;
    }
    return false;
}

bool ArrayFunctionsInFrom(Node &node, PassContext &context) {
    if (!node.has_range_function()) {
        return false;
    }
    const auto &range = node.range_function();
    if (range.functions_size() != 1 || range.ordinality() || range.coldeflist_size() > 0 || range.is_rowsfrom()) {
        return false;
    }
    const auto &pair = range.functions(0);
    if (!pair.has_list() || pair.list().items_size() < 1) {
        return false;
    }
    // generate_subscripts(...) may already be cast to int4 (cast_int4_function).
    const Node &item = pair.list().items(0);
    const bool cast = item.has_type_cast() && item.type_cast().arg().has_func_call();
    if (!item.has_func_call() && !cast) {
        return false;
    }
    const auto &call = cast ? item.type_cast().arg().func_call() : item.func_call();
    const std::string name = LastName(call.funcname());
    const bool several_arrays = name == "unnest" && call.args_size() > 1 && !cast;
    const bool subscripts = name == "generate_subscripts" && range.alias().colnames_size() <= 1;
    if (!several_arrays && !subscripts) {
        return false;
    }
    const std::string alias = range.has_alias() ? range.alias().aliasname() : name;
    Node select;
    auto *stmt = select.mutable_select_stmt();
    stmt->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
    stmt->set_op(pg_query::SETOP_NONE);
    if (subscripts) {
        auto *target = stmt->add_target_list()->mutable_res_target();
        target->set_name(range.alias().colnames_size() == 1 ? range.alias().colnames(0).string().sval() : alias);
        *target->mutable_val() = cast ? item : TypeCastNode(item, {"int4"});
    } else {
        for (int i = 0; i < call.args_size(); i++) {
            auto *target = stmt->add_target_list()->mutable_res_target();
            target->set_name(i < range.alias().colnames_size() ? range.alias().colnames(i).string().sval() : name);
            *target->mutable_val() = FuncCallNode({"unnest"}, {call.args(i)});
        }
    }
    node = FromSubquery(std::move(select), alias, range.lateral());
    return true;
}

bool UnnestMultidimensionalArray(Node &node, PassContext &context) {
    if (!node.has_func_call() || LastName(node.func_call().funcname()) != "unnest" ||
        node.func_call().args_size() != 1) {
        return false;
    }
    const int dimensions = WrittenDimensions(node.func_call().args(0));
    if (dimensions < 2) {
        return false;
    }
    Node array = node.func_call().args(0);
    for (int i = 1; i < dimensions; i++) {
        array = FuncCallNode({"flatten"}, {array});
    }
    *node.mutable_func_call()->mutable_args(0) = std::move(array);
    return true;
}

bool RaggedArrayConstructor(Node &node, PassContext &context) {
    if (!node.has_a_array_expr()) {
        return false;
    }
    std::vector<int> shape;
    if (ConstructorShape(node.a_array_expr(), shape)) {
        return false;
    }
    node = FuncCallNode({"error"}, {StringConst("multidimensional arrays must have array expressions with matching "
                                                "dimensions")});
    return true;
}

} // namespace duckgres::sql
