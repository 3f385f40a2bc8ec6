// Rewrite passes for set-returning functions in FROM and in select lists.
#include "sql/set_function_passes.hpp"

#include "catalog/catalog_scripts.hpp"
#include "sql/column_types.hpp"
#include "sql/literal_passes.hpp"
#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"

#include <pg_query.pb.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! Set-returning functions whose rows are single values (not records).
bool IsScalarSetFunction(const std::string &name) {
    return name == "generate_series" || name == "unnest" || name == "generate_subscripts" ||
           name == "regexp_split_to_table" || name == "string_to_table" || name == "regexp_matches" ||
           name == "json_array_elements" || name == "jsonb_array_elements" || name == "json_array_elements_text" ||
           name == "jsonb_array_elements_text" || name == "json_object_keys" || name == "jsonb_object_keys" ||
           name == "jsonb_path_query";
}

//! The JSON set-returning functions (table macros of the catalog) in a select list: unnest() of the list of their
//! values; null for any other call.
std::optional<Node> JsonRowsInTarget(const pg_query::FuncCall &call) {
    const auto name = LastName(call.funcname());
    if (call.args_size() == 1 && (name == "json_object_keys" || name == "jsonb_object_keys")) {
        Node json = name == "jsonb_object_keys" ? TypeCastNode(call.args(0), {"jsonb"}) : call.args(0);
        return FuncCallNode({"unnest"}, {FuncCallNode({"json_keys"}, {TypeCastNode(std::move(json), {"json"})})});
    }
    if (call.args_size() == 2 && name == "jsonb_path_query") {
        Node items = TypeCastNode(FuncCallNode({"jsonb_path_query_array"}, {call.args(0), call.args(1)}), {"json"});
        return TypeCastNode(
            FuncCallNode({"unnest"}, {FuncCallNode({"json_extract"}, {std::move(items), StringConst("$[*]")})}),
            {"jsonb"});
    }
    return std::nullopt;
}

//! The value of an integer constant, negated ones (-5) included; nullopt for anything else.
std::optional<int64_t> IntegerConstant(const Node &value) {
    const bool negated = value.has_a_expr() && value.a_expr().kind() == pg_query::AEXPR_OP &&
                         !value.a_expr().has_lexpr() && LastName(value.a_expr().name()) == "-";
    const Node &magnitude = negated ? value.a_expr().rexpr() : value;
    if (!magnitude.has_a_const() || !magnitude.a_const().has_ival()) {
        return std::nullopt;
    }
    const int64_t number = magnitude.a_const().ival().ival();
    return negated ? -number : number;
}

//! True when every argument is an integer constant that fits int4 or an expression of type integer or smallint
//! (PostgreSQL picks generate_series(int, int) for them, whose result is int; DuckDB's is always BIGINT).
bool IntegerArgs(const pg_query::FuncCall &call, PassContext &context) {
    if (call.args_size() < 2 || call.args_size() > 3) {
        return false;
    }
    return std::all_of(call.args().begin(), call.args().end(), [&](const Node &arg) {
        if (IntegerConstant(arg).has_value()) {
            return true;
        }
        const auto type = ExpressionType(arg, context);
        return type == "integer" || type == "smallint";
    });
}

//! True when some argument of a two- or three-argument call is a numeric constant (0.5, or '0.5'::numeric(1,1) as
//! TypeNumericConstants types 0.5::numeric): PostgreSQL picks generate_series(numeric, numeric[, numeric]).
bool NumericConstantArg(const pg_query::FuncCall &call, PassContext &) {
    if (call.args_size() < 2 || call.args_size() > 3) {
        return false;
    }
    return std::any_of(call.args().begin(), call.args().end(), [](const Node &arg) {
        return (arg.has_a_const() && arg.a_const().has_fval()) || OwnShapeNumericText(arg).has_value();
    });
}

//! `FROM f(...) AS alias(column)` as `FROM (SELECT x AS column FROM <template>) AS alias`, the template's call
//! taking f's arguments.
Node SeriesSubquery(const pg_query::RangeFunction &range, const Node &function, const char *template_query) {
    auto [alias, column] = SingleFromFunctionNames(range, "generate_series");
    auto parsed = ParseQuery(template_query);
    Node select = *parsed.statements.at(0).tree;
    select.mutable_select_stmt()->mutable_target_list(0)->mutable_res_target()->set_name(column);
    auto *inner = select.mutable_select_stmt()->mutable_from_clause(0)->mutable_range_function();
    auto *call = inner->mutable_functions(0)->mutable_list()->mutable_items(0)->mutable_func_call();
    *call->mutable_args() = function.func_call().args();
    return FromSubquery(std::move(select), alias);
}

//! `FROM generate_series(...)` whose call `applies` to: replaced by SeriesSubquery over `template_query` (LATERAL
//! when the call was). Returns true when it changed the node.
bool SeriesInFrom(Node &node, PassContext &context, bool (*applies)(const pg_query::FuncCall &, PassContext &),
                  const char *template_query) {
    if (!node.has_range_function()) {
        return false;
    }
    const auto &range = node.range_function();
    const auto *function = SingleFromFunction(range);
    if (!function || LastName(function->func_call().funcname()) != "generate_series" ||
        !applies(function->func_call(), context)) {
        return false;
    }
    const bool lateral = range.lateral();
    node = SeriesSubquery(range, *function, template_query);
    node.mutable_range_subselect()->set_lateral(lateral);
    return true;
}

} // namespace

bool NumericSeriesInFrom(Node &node, PassContext &context) {
    if (node.has_range_function() && node.range_function().lateral()) {
        return false; // the catalog's table macro cannot read a LATERAL column
    }
    return SeriesInFrom(node, context, NumericConstantArg,
                        "SELECT x FROM duckgres_catalog.main.duckgres_numeric_series(0, 0) AS s(x)");
}

bool IntegerSeriesInFrom(Node &node, PassContext &context) {
    return SeriesInFrom(node, context, IntegerArgs, "SELECT x::int4 FROM generate_series(1, 1) AS s(x)");
}

bool NameSingleColumnFunction(Node &node, PassContext &context) {
    if (!node.has_range_function()) {
        return false;
    }
    auto *range = node.mutable_range_function();
    const auto *function = SingleFromFunction(*range);
    if (!range->has_alias() || range->alias().colnames_size() > 0 || !function ||
        !IsScalarSetFunction(LastName(function->func_call().funcname()))) {
        return false;
    }
    range->mutable_alias()->add_colnames()->mutable_string()->set_sval(range->alias().aliasname());
    return true;
}

bool UnnestExpandArrayField(Node &node, PassContext &context) {
    if (!node.has_res_target() || !node.res_target().val().has_a_indirection()) {
        return false;
    }
    const auto &indirection = node.res_target().val().a_indirection();
    if (!indirection.arg().has_func_call() || LastName(indirection.arg().func_call().funcname()) != "_pg_expandarray" ||
        indirection.arg().func_call().args_size() != 1 || indirection.indirection_size() != 1 ||
        !indirection.indirection(0).has_string()) {
        return false;
    }
    const auto field = indirection.indirection(0).string().sval();
    Node array = indirection.arg().func_call().args(0);
    Node rows;
    if (field == "x") {
        rows = FuncCallNode({"unnest"}, {array});
    } else if (field == "n") {
        // The position is an integer in PostgreSQL (generate_series gives bigint).
        rows = TypeCastNode(FuncCallNode({"unnest"}, {FuncCallNode({"generate_series"},
                                                                   {IntConst(1), FuncCallNode({"len"}, {array})})}),
                            {"int4"});
    } else {
        return false;
    }
    *node.mutable_res_target()->mutable_val() = std::move(rows);
    return true;
}

bool UnnestTargetSetFunction(Node &node, PassContext &context) {
    if (!node.has_res_target() || !node.res_target().has_val() || !node.res_target().val().has_func_call()) {
        return false;
    }
    const auto &call = node.res_target().val().func_call();
    const auto name = LastName(call.funcname());
    // (information_schema._pg_expandarray is a list of (x, n) records in the catalog.)
    // regexp_matches() as the catalog has it, a list of matches (the ~ operator's regexp_matches is DuckDB's).
    const bool catalog_matches = name == "regexp_matches" && call.funcname_size() == 3;
    if (auto rows = call.has_over() ? std::nullopt : JsonRowsInTarget(call)) {
        *node.mutable_res_target()->mutable_val() = std::move(*rows);
        return true;
    }
    if ((name != "generate_series" && name != "_pg_expandarray" && !catalog_matches) || call.has_over()) {
        return false;
    }
    const bool int4 = name == "generate_series" && IntegerArgs(call, context);
    Node wrapped = FuncCallNode({"unnest"}, {node.res_target().val()});
    *node.mutable_res_target()->mutable_val() = int4 ? TypeCastNode(std::move(wrapped), {"int4"}) : std::move(wrapped);
    return true;
}

bool OrdinalityOfTableMacro(Node &node, PassContext &context) {
    static constexpr std::string_view kTableMacros[] = {
        "json_array_elements",
        "jsonb_array_elements",
        "json_array_elements_text",
        "jsonb_array_elements_text",
        "jsonb_each",
        "jsonb_each_text",
        "json_each_text",
        "json_each",
        "json_object_keys",
        "jsonb_object_keys",
        "jsonb_path_query",
        "regexp_matches",
        "pg_partition_ancestors",
    };
    if (!node.has_range_function() || !node.range_function().ordinality()) {
        return false;
    }
    const auto &range = node.range_function();
    const auto &pair = range.functions(0);
    if (range.functions_size() != 1 || range.coldeflist_size() > 0 || range.is_rowsfrom() || !pair.has_list() ||
        pair.list().items_size() < 1 || !pair.list().items(0).has_func_call()) {
        return false;
    }
    const auto *function = &pair.list().items(0);
    if (std::find(std::begin(kTableMacros), std::end(kTableMacros), LastName(function->func_call().funcname())) ==
        std::end(kTableMacros)) {
        return false;
    }
    auto parsed = ParseQuery("SELECT *, row_number() OVER () AS ordinality FROM f() AS f");
    Node select = *parsed.statements.at(0).tree;
    auto *inner = select.mutable_select_stmt()->mutable_from_clause(0)->mutable_range_function();
    *inner->mutable_functions(0)->mutable_list()->mutable_items(0) = *function;
    Node subselect;
    *subselect.mutable_range_subselect()->mutable_subquery() = std::move(select);
    subselect.mutable_range_subselect()->set_lateral(range.lateral());
    if (range.has_alias()) {
        *subselect.mutable_range_subselect()->mutable_alias() = range.alias();
    } else {
        subselect.mutable_range_subselect()->mutable_alias()->set_aliasname(LastName(function->func_call().funcname()));
    }
    node = std::move(subselect);
    return true;
}

bool GuardSeriesStep(Node &node, PassContext &) {
    if (!node.has_func_call() || node.func_call().args_size() != 3 ||
        LastName(node.func_call().funcname()) != "generate_series") {
        return false;
    }
    const Node &step = node.func_call().args(2);
    // Only constants: a step read from a column is evaluated, in DuckDB, for rows PostgreSQL filters out first.
    const auto integer = IntegerConstant(step);
    const bool typed_constant = step.has_type_cast() && step.type_cast().arg().has_a_const();
    if ((integer && *integer != 0) || (!integer && !typed_constant)) {
        return false;
    }
    Node guarded = FuncCallNode({catalog::kCatalogDatabase, "main", "duckgres_series_step"}, {step});
    *node.mutable_func_call()->mutable_args(2) = std::move(guarded);
    return true;
}

} // namespace duckgres::sql
