// JSON rewrite pass: the json/jsonb operators and jsonb constructors as the functions jsonb_functions.cpp registers.
#include "sql/json_passes.hpp"

#include "sql/column_types.hpp"
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
bool JsonConstructor(Node &node, PassContext &context) {
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
        Node list = FuncCallNode({"to_json"}, {AggregateLike(node, "list", {args[0]})});
        if (!jsonb && (IsWholeRowReference(args[0], context) || ExpressionType(args[0], context).ends_with("[]"))) {
            // Rows and arrays: PostgreSQL starts each but the first on a new line.
            node = FuncCallNode({"duckgres_json_agg_rows_format"}, {std::move(list)});
            return true;
        }
        return finish(std::move(list));
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

//! `FROM jsonb_to_record(j) AS r(a int, b text)` (json_, _recordset): a subquery of the fields named by the column
//! definition list, each the field's text cast to its column's type (json and jsonb columns take the field's JSON).
bool JsonToRecord(Node &node) {
    if (!node.has_range_function() || node.range_function().coldeflist_size() == 0) {
        return false;
    }
    const auto &range = node.range_function();
    if (range.functions_size() != 1 || range.ordinality() || !range.functions(0).has_list() ||
        range.functions(0).list().items_size() < 1 || !range.functions(0).list().items(0).has_func_call()) {
        return false;
    }
    const auto &call = range.functions(0).list().items(0).func_call();
    const auto name = LastName(call.funcname());
    const bool jsonb = name.starts_with("jsonb");
    const bool set = name.ends_with("_recordset");
    if (call.args_size() != 1 || (name != "json_to_record" && name != "jsonb_to_record" && !set) ||
        (set && name != "json_to_recordset" && name != "jsonb_to_recordset")) {
        return false;
    }
    Node select;
    auto *stmt = select.mutable_select_stmt();
    stmt->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
    stmt->set_op(pg_query::SETOP_NONE);
    Node document = TypeCastNode(call.args(0), {jsonb ? "jsonb" : "json"});
    if (set) {
        // One row per element of the array.
        Node elements;
        auto *inner = elements.mutable_select_stmt();
        inner->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
        inner->set_op(pg_query::SETOP_NONE);
        auto *element = inner->add_target_list()->mutable_res_target();
        element->set_name("duckgres_element");
        *element->mutable_val() = FuncCallNode(
            {"unnest"},
            {FuncCallNode({"json_extract"}, {TypeCastNode(std::move(document), {"json"}), StringConst("$[*]")})});
        *stmt->add_from_clause() = FromSubquery(std::move(elements), "duckgres_elements", range.lateral());
        document = Node();
        document.mutable_column_ref()->add_fields()->mutable_string()->set_sval("duckgres_element");
    }
    for (const auto &definition : range.coldeflist()) {
        const auto &column = definition.column_def();
        const auto type = LastName(column.type_name().names());
        const bool json_column = (type == "json" || type == "jsonb") && column.type_name().array_bounds_size() == 0;
        Node field = FuncCallNode({json_column ? "duckgres_json_get" : "duckgres_json_get_text"},
                                  {document, StringConst(column.colname())});
        Node cast;
        *cast.mutable_type_cast()->mutable_arg() = std::move(field);
        *cast.mutable_type_cast()->mutable_type_name() = column.type_name();
        auto *target = stmt->add_target_list()->mutable_res_target();
        target->set_name(column.colname());
        *target->mutable_val() = std::move(cast);
    }
    node = FromSubquery(std::move(select), range.has_alias() ? range.alias().aliasname() : name, range.lateral());
    return true;
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
    if (ExtractPathCall(node) || JsonConstructor(node, context) || PathArgumentCast(node) || JsonToRecord(node)) {
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
    // jsonb by form, or a jsonb column (looked up only when the form does not tell).
    auto is_jsonb = [&](const Node &side) {
        return IsJsonbExpr(side) || (side.has_column_ref() && ExpressionType(side, context) == "jsonb");
    };
    if ((op == "@>" || op == "<@") &&
        (IsJsonContainerLiteral(expr.lexpr()) || IsJsonContainerLiteral(expr.rexpr()) || IsJsonCast(expr.lexpr()) ||
         IsJsonCast(expr.rexpr()) || is_jsonb(expr.lexpr()) || is_jsonb(expr.rexpr()))) {
        Node container = op == "@>" ? expr.lexpr() : expr.rexpr();
        Node contained = op == "@>" ? expr.rexpr() : expr.lexpr();
        node = FuncCallNode({"duckgres_jsonb_contains"}, {container, contained});
        return true;
    }
    if (op == "||" && (is_jsonb(expr.lexpr()) || is_jsonb(expr.rexpr()))) {
        node = FuncCallNode({"duckgres_jsonb_concat"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    if (op == "-" && is_jsonb(expr.lexpr())) {
        node = FuncCallNode({"duckgres_jsonb_delete"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    return false;
}

} // namespace duckgres::sql
