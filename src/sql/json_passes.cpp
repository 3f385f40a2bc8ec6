// JSON rewrite pass: the json/jsonb operators and jsonb constructors as the functions jsonb_functions.cpp registers.
#include "sql/json_passes.hpp"

#include "sql/node_builders.hpp"

namespace duckgres::sql {

namespace {

using pg_query::Node;

bool IsJsonCast(const Node &node) {
    if (!node.has_type_cast()) {
        return false;
    }
    auto name = LastName(node.type_cast().type_name().names());
    return name == "json" || name == "jsonb";
}

//! Whether `node` is syntactically a jsonb value: a ::jsonb cast or a call of a function returning jsonb.
bool IsJsonbExpr(const Node &node) {
    if (node.has_type_cast()) {
        return LastName(node.type_cast().type_name().names()) == "jsonb" &&
               node.type_cast().type_name().array_bounds_size() == 0;
    }
    if (node.has_func_call()) {
        const auto name = LastName(node.func_call().funcname());
        return name.starts_with("duckgres_jsonb_") || name == "jsonb_set" || name == "jsonb_insert" ||
               name == "jsonb_strip_nulls";
    }
    return false;
}

//! A string literal that is a JSON object or array ('{"a": 1}', '[1, 2]'), not a PostgreSQL array literal.
bool IsJsonContainerLiteral(const Node &node) {
    if (!IsStringConst(node)) {
        return false;
    }
    std::string_view text = node.a_const().sval().sval();
    const auto first = text.find_first_not_of(" \t\n\r");
    if (first == std::string_view::npos) {
        return false;
    }
    if (text[first] == '[') {
        return true;
    }
    if (text[first] != '{') {
        return false;
    }
    const auto next = text.find_first_not_of(" \t\n\r", first + 1);
    return next != std::string_view::npos && (text[next] == '"' || text[next] == '}') &&
           text.find(':') != std::string_view::npos;
}

//! `node::text[]`.
Node TextArrayCast(Node node) {
    Node cast = TypeCastNode(std::move(node), {"text"});
    cast.mutable_type_cast()->mutable_type_name()->add_array_bounds()->mutable_integer()->set_ival(-1);
    return cast;
}

} // namespace

namespace {

//! json_extract_path(j, 'a', '1') / jsonb_extract_path_text(...): duckgres_json_get_path[_text](j, ARRAY['a', '1']).
bool ExtractPathCall(Node &node) {
    if (!node.has_func_call() || node.func_call().args_size() < 2 || node.func_call().has_over()) {
        return false;
    }
    const auto name = LastName(node.func_call().funcname());
    const bool text = name == "json_extract_path_text" || name == "jsonb_extract_path_text";
    if (!text && name != "json_extract_path" && name != "jsonb_extract_path") {
        return false;
    }
    const auto &args = node.func_call().args();
    Node path;
    auto *array = path.mutable_a_array_expr();
    for (int i = 1; i < args.size(); i++) {
        *array->add_elements() = args[i];
    }
    Node json = TypeCastNode(args[0], {name.starts_with("jsonb") ? "jsonb" : "json"});
    node = FuncCallNode({text ? "duckgres_json_get_path_text" : "duckgres_json_get_path"},
                        {std::move(json), TextArrayCast(std::move(path))});
    return true;
}

//! `call` (an aggregate call) with its function renamed to `name` and its arguments replaced by `args`: ORDER BY,
//! FILTER, DISTINCT and OVER stay.
Node AggregateLike(const Node &call, std::string_view name, std::initializer_list<Node> args) {
    Node out = call;
    auto *func = out.mutable_func_call();
    func->mutable_funcname()->Clear();
    func->add_funcname()->mutable_string()->set_sval(std::string(name));
    func->mutable_args()->Clear();
    for (const auto &arg : args) {
        *func->add_args() = arg;
    }
    return out;
}

//! The json and jsonb constructors: DuckDB's JSON functions, as jsonb (which normalizes) or re-spaced as PostgreSQL
//! prints json built by functions; json_agg / json_object_agg over list(), which takes ORDER BY.
bool JsonConstructor(Node &node) {
    if (!node.has_func_call() || node.func_call().funcname_size() != 1) {
        return false;
    }
    const auto name = LastName(node.func_call().funcname());
    const bool jsonb = name.starts_with("jsonb");
    const auto &args = node.func_call().args();
    auto finish = [&](Node json) {
        node = jsonb ? TypeCastNode(std::move(json), {"jsonb"})
                     : FuncCallNode({"duckgres_json_build_format"}, {std::move(json)});
        return true;
    };
    if (name == "json_build_object" || name == "jsonb_build_object" || name == "json_build_array" ||
        name == "jsonb_build_array") {
        Node call = node;
        const bool object = name.ends_with("object");
        call.mutable_func_call()->mutable_funcname(0)->mutable_string()->set_sval(object ? "json_object"
                                                                                         : "json_array");
        // PostgreSQL takes keys of any type as their text; DuckDB's json_object only VARCHAR keys. A json or jsonb
        // value is nested as JSON (DuckDB would take jsonb as a string).
        for (int i = 0; i < call.func_call().args_size(); i++) {
            Node arg = call.func_call().args(i);
            if (object && i % 2 == 0) {
                *call.mutable_func_call()->mutable_args(i) = TypeCastNode(std::move(arg), {"text"});
            } else if (IsJsonbExpr(arg)) {
                *call.mutable_func_call()->mutable_args(i) = TypeCastNode(std::move(arg), {"json"});
            }
        }
        return finish(std::move(call));
    }
    if (name == "to_jsonb" && args.size() == 1) {
        node = TypeCastNode(FuncCallNode({"to_json"}, {args[0]}), {"jsonb"});
        return true;
    }
    if ((name == "json_agg" || name == "jsonb_agg") && args.size() == 1) {
        return finish(FuncCallNode({"to_json"}, {AggregateLike(node, "list", {args[0]})}));
    }
    if ((name == "json_object_agg" || name == "jsonb_object_agg") && args.size() == 2) {
        Node keys = FuncCallNode({"to_json"}, {AggregateLike(node, "list", {args[0]})});
        Node values = FuncCallNode({"to_json"}, {AggregateLike(node, "list", {args[1]})});
        Node json = FuncCallNode({"duckgres_json_object_agg_format"}, {std::move(keys), std::move(values)});
        node = jsonb ? TypeCastNode(std::move(json), {"jsonb"}) : std::move(json);
        return true;
    }
    return false;
}

} // namespace

//! jsonb_set / jsonb_insert with a literal path: the path as text[] (PostgreSQL's array text, which DuckDB's list
//! literal syntax is not).
bool PathArgumentCast(Node &node) {
    if (!node.has_func_call() || node.func_call().args_size() < 3) {
        return false;
    }
    const auto name = LastName(node.func_call().funcname());
    if ((name != "jsonb_set" && name != "jsonb_insert") || !IsStringConst(node.func_call().args(1))) {
        return false;
    }
    Node path = node.func_call().args(1);
    *node.mutable_func_call()->mutable_args(1) = TextArrayCast(std::move(path));
    return true;
}

bool RewriteJson(Node &node, PassContext &context) {
    if (ExtractPathCall(node) || JsonConstructor(node) || PathArgumentCast(node)) {
        return true;
    }
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        !node.a_expr().has_lexpr() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    auto op = LastName(expr.name());
    if (op == "#>" || op == "#>>") {
        node = FuncCallNode({op == "#>" ? "duckgres_json_get_path" : "duckgres_json_get_path_text"},
                            {expr.lexpr(), TextArrayCast(expr.rexpr())});
        return true;
    }
    if ((op == "->" || op == "->>") && (expr.rexpr().has_a_const() || expr.rexpr().has_param_ref() ||
                                        expr.rexpr().has_type_cast() || expr.rexpr().has_column_ref())) {
        // As functions: DuckDB parses -> as a low-precedence (lambda) arrow, so `(j -> 'a') IS NULL` deparsed
        // as `j -> 'a' IS NULL` would mean j -> ('a' IS NULL). (A lambda's body is never a bare constant.)
        node =
            FuncCallNode({op == "->" ? "duckgres_json_get" : "duckgres_json_get_text"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    if (op == "?") {
        node = FuncCallNode({"duckgres_jsonb_exists"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    if (op == "?|" || op == "?&") {
        node = FuncCallNode({op == "?|" ? "duckgres_jsonb_exists_any" : "duckgres_jsonb_exists_all"},
                            {expr.lexpr(), TextArrayCast(expr.rexpr())});
        return true;
    }
    if (op == "#-") {
        node = FuncCallNode({"duckgres_jsonb_delete_path"}, {expr.lexpr(), TextArrayCast(expr.rexpr())});
        return true;
    }
    const bool left_jsonb = IsJsonbExpr(expr.lexpr()) || IsJsonCast(expr.lexpr());
    const bool right_jsonb = IsJsonbExpr(expr.rexpr()) || IsJsonCast(expr.rexpr());
    if ((op == "@>" || op == "<@") &&
        (left_jsonb || right_jsonb || IsJsonContainerLiteral(expr.lexpr()) || IsJsonContainerLiteral(expr.rexpr()))) {
        Node container = op == "@>" ? expr.lexpr() : expr.rexpr();
        Node contained = op == "@>" ? expr.rexpr() : expr.lexpr();
        node = FuncCallNode({"duckgres_jsonb_contains"}, {container, contained});
        return true;
    }
    if (op == "||" && (IsJsonbExpr(expr.lexpr()) || IsJsonbExpr(expr.rexpr()))) {
        node = FuncCallNode({"duckgres_jsonb_concat"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    if (op == "-" && IsJsonbExpr(expr.lexpr())) {
        node = FuncCallNode({"duckgres_jsonb_delete"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    return false;
}

} // namespace duckgres::sql
