// JSON rewrite pass: jsonb as JSON, #> / #>> / ? / @> / <@ as DuckDB's JSON functions.
#include "sql/json_passes.hpp"

#include "sql/node_builders.hpp"

#include <optional>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! One JSON pointer token: '~' and '/' escaped as RFC 6901 says.
std::string PointerToken(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

//! The JSON pointer for a constant PostgreSQL text[] path ('{a,b,1}' -> '/a/b/1'); nullopt when the path
//! is not a simple constant (quoted elements are left to DuckDB, which then reports the error).
std::optional<std::string> PointerFromPath(const Node &path) {
    const Node *value = &path;
    if (value->has_type_cast()) {
        value = &value->type_cast().arg();
    }
    if (!value->has_a_const() || !value->a_const().has_sval()) {
        return std::nullopt;
    }
    std::string_view text = value->a_const().sval().sval();
    if (text.size() < 2 || text.front() != '{' || text.back() != '}' || text.find('"') != std::string_view::npos) {
        return std::nullopt;
    }
    text = text.substr(1, text.size() - 2);
    std::string pointer;
    while (!text.empty()) {
        auto comma = text.find(',');
        pointer += "/" + PointerToken(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return pointer;
}

bool IsJsonCast(const Node &node) {
    if (!node.has_type_cast()) {
        return false;
    }
    auto name = LastName(node.type_cast().type_name().names());
    return name == "json" || name == "jsonb";
}

//! jsonb becomes DuckDB's JSON (name, PostgreSQL's identifier type, is a type of the catalog's own).
bool JsonbAsJson(pg_query::TypeName &type) {
    auto name = LastName(type.names());
    if (name != "jsonb") {
        return false;
    }
    type.mutable_names()->Clear();
    type.mutable_names()->Add()->mutable_string()->set_sval("json");
    return true;
}

} // namespace

namespace {

//! json_extract_path(j, 'a', '1') / jsonb_extract_path_text(...): json_extract(j, '/a/1') (or the _string form);
//! a path element that is not a constant joins the pointer as it is.
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
    Node pointer = FuncCallNode({"concat"}, {});
    for (int i = 1; i < args.size(); i++) {
        if (IsStringConst(args[i])) {
            *pointer.mutable_func_call()->add_args() = StringConst("/" + PointerToken(args[i].a_const().sval().sval()));
        } else {
            *pointer.mutable_func_call()->add_args() = StringConst("/");
            *pointer.mutable_func_call()->add_args() = args[i];
        }
    }
    Node json = TypeCastNode(args[0], {"json"});
    node = FuncCallNode({text ? "json_extract_string" : "json_extract"}, {std::move(json), std::move(pointer)});
    return true;
}

} // namespace

bool RewriteJson(Node &node, PassContext &context) {
    if (ExtractPathCall(node)) {
        return true;
    }
    if (node.has_type_cast()) {
        return JsonbAsJson(*node.mutable_type_cast()->mutable_type_name());
    }
    if (node.has_column_def() && node.column_def().has_type_name()) {
        return JsonbAsJson(*node.mutable_column_def()->mutable_type_name());
    }
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        !node.a_expr().has_lexpr() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    auto op = LastName(expr.name());
    if (op == "#>" || op == "#>>") {
        auto pointer = PointerFromPath(expr.rexpr());
        if (!pointer) {
            return false;
        }
        node =
            FuncCallNode({op == "#>" ? "json_extract" : "json_extract_string"}, {expr.lexpr(), StringConst(*pointer)});
        return true;
    }
    if ((op == "->" || op == "->>") && (expr.rexpr().has_a_const() || expr.rexpr().has_param_ref())) {
        // As functions: DuckDB parses -> as a low-precedence (lambda) arrow, so `(j -> 'a') IS NULL` deparsed
        // as `j -> 'a' IS NULL` would mean j -> ('a' IS NULL). (A lambda's body is never a bare constant.)
        node = FuncCallNode({op == "->" ? "json_extract" : "json_extract_string"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    if (op == "?" && expr.rexpr().has_a_const() && expr.rexpr().a_const().has_sval()) {
        node = FuncCallNode({"json_exists"},
                            {expr.lexpr(), StringConst("/" + PointerToken(expr.rexpr().a_const().sval().sval()))});
        return true;
    }
    if ((op == "@>" || op == "<@") && (IsJsonCast(expr.lexpr()) || IsJsonCast(expr.rexpr()))) {
        Node container = op == "@>" ? expr.lexpr() : expr.rexpr();
        Node contained = op == "@>" ? expr.rexpr() : expr.lexpr();
        node = FuncCallNode({"json_contains"}, {container, contained});
        return true;
    }
    return false;
}

} // namespace duckgres::sql
