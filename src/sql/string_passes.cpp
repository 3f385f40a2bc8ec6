// Rewrite passes for PostgreSQL operators and string syntax DuckDB's parser lacks or reads otherwise.
#include "sql/string_passes.hpp"

#include "common/ascii.hpp"
#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duckgres::sql {

namespace {

using pg_query::Node;

std::string OperatorName(const pg_query::A_Expr &expr) {
    return LastName(expr.name());
}

Node AExprNode(pg_query::A_Expr_Kind kind, const std::string &op, Node left, Node right) {
    Node node;
    auto *expr = node.mutable_a_expr();
    expr->set_kind(kind);
    expr->add_name()->mutable_string()->set_sval(op);
    *expr->mutable_lexpr() = std::move(left);
    *expr->mutable_rexpr() = std::move(right);
    return node;
}

Node BoolExprNode(pg_query::BoolExprType type, std::vector<Node> args) {
    Node node;
    node.mutable_bool_expr()->set_boolop(type);
    for (auto &arg : args) {
        *node.mutable_bool_expr()->add_args() = std::move(arg);
    }
    return node;
}

Node NotNode(Node arg) {
    return BoolExprNode(pg_query::NOT_EXPR, {std::move(arg)});
}

bool IsNullConst(const Node &node) {
    return node.has_a_const() && node.a_const().isnull();
}

//! The expression `sql` (PostgreSQL syntax) with each bare column reference named in `arguments` replaced by its
//! node: a template for rewrites too long to build node by node.
Node ExpressionFromTemplate(const std::string &sql, const std::map<std::string, Node> &arguments) {
    auto parsed = ParseQuery("SELECT " + sql);
    Node expression = parsed.statements.at(0).tree->select_stmt().target_list(0).res_target().val();
    WalkNodes(expression, [&](Node &node) {
        if (!node.has_column_ref() || node.column_ref().fields_size() != 1 ||
            !node.column_ref().fields(0).has_string()) {
            return;
        }
        auto found = arguments.find(node.column_ref().fields(0).string().sval());
        if (found != arguments.end()) {
            node = found->second;
        }
    });
    return expression;
}

//! The fields of a ROW(...) or (a, b) constructor; null for anything else.
const google::protobuf::RepeatedPtrField<Node> *RowFields(const Node &node) {
    return node.has_row_expr() ? &node.row_expr().args() : nullptr;
}

//! a op b of a row comparison, from element `i` on: lexicographic with PostgreSQL's NULL rules.
Node RowOrdering(const google::protobuf::RepeatedPtrField<Node> &left,
                 const google::protobuf::RepeatedPtrField<Node> &right, int i, const std::string &op) {
    if (i == left.size() - 1) {
        return AExprNode(pg_query::AEXPR_OP, op, left[i], right[i]);
    }
    const std::string strict = op.substr(0, 1);
    Node rest = BoolExprNode(pg_query::AND_EXPR, {AExprNode(pg_query::AEXPR_OP, "=", left[i], right[i]),
                                                  RowOrdering(left, right, i + 1, op)});
    return BoolExprNode(pg_query::OR_EXPR, {AExprNode(pg_query::AEXPR_OP, strict, left[i], right[i]), rest});
}

//! Whether a substring() pattern has a capturing group (an unescaped `(` not followed by `?`).
bool HasCapturingGroup(const std::string &pattern) {
    for (size_t i = 0; i < pattern.size(); i++) {
        if (pattern[i] == '\\') {
            i++;
        } else if (pattern[i] == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
            return true;
        }
    }
    return false;
}

bool IsFunctionNamed(const pg_query::FuncCall &call, std::initializer_list<const char *> names) {
    const std::string name = LastName(call.funcname());
    if (call.funcname_size() > 2 || (call.funcname_size() == 2 && call.funcname(0).string().sval() != "pg_catalog")) {
        return false;
    }
    for (const char *candidate : names) {
        if (name == candidate) {
            return true;
        }
    }
    return false;
}

//! Whether `node` is boolean by its form: true/false, a comparison, AND/OR/NOT, IS [NOT] NULL/TRUE, ::boolean.
bool IsBooleanExpression(const Node &node) {
    if (node.has_a_const()) {
        return node.a_const().has_boolval();
    }
    if (node.has_bool_expr() || node.has_null_test() || node.has_boolean_test()) {
        return true;
    }
    if (node.has_type_cast()) {
        const std::string name = LastName(node.type_cast().type_name().names());
        return node.type_cast().type_name().array_bounds_size() == 0 && (name == "bool" || name == "boolean");
    }
    if (node.has_a_expr()) {
        const auto kind = node.a_expr().kind();
        if (kind != pg_query::AEXPR_OP) {
            return kind != pg_query::AEXPR_NULLIF;
        }
        const std::string op = OperatorName(node.a_expr());
        return op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=" ||
               op == "~" || op == "!~" || op == "~*" || op == "!~*";
    }
    return false;
}

bool IsTextTypeName(const pg_query::TypeName &type) {
    const std::string name = LastName(type.names());
    return type.array_bounds_size() == 0 && type.typmods_size() == 0 && (name == "text" || name == "varchar");
}

} // namespace

bool ExpandBetweenSymmetric(Node &node, PassContext &) {
    if (!node.has_a_expr()) {
        return false;
    }
    const auto kind = node.a_expr().kind();
    if (kind != pg_query::AEXPR_BETWEEN_SYM && kind != pg_query::AEXPR_NOT_BETWEEN_SYM) {
        return false;
    }
    const auto &expr = node.a_expr();
    if (!expr.rexpr().has_list() || expr.rexpr().list().items_size() != 2) {
        return false;
    }
    const Node &low = expr.rexpr().list().items(0);
    const Node &high = expr.rexpr().list().items(1);
    auto between = [&](const Node &a, const Node &b) {
        Node bounds;
        *bounds.mutable_list()->add_items() = a;
        *bounds.mutable_list()->add_items() = b;
        return AExprNode(pg_query::AEXPR_BETWEEN, "BETWEEN", expr.lexpr(), std::move(bounds));
    };
    Node either = BoolExprNode(pg_query::OR_EXPR, {between(low, high), between(high, low)});
    node = kind == pg_query::AEXPR_BETWEEN_SYM ? std::move(either) : NotNode(std::move(either));
    return true;
}

bool RewriteMathOperators(Node &node, PassContext &) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1) {
        return false;
    }
    const auto &expr = node.a_expr();
    const std::string op = OperatorName(expr);
    if (op == "#" && expr.has_lexpr() && expr.has_rexpr()) {
        node = FuncCallNode({"xor"}, {expr.lexpr(), expr.rexpr()});
        return true;
    }
    if (op == "^" && expr.has_lexpr() && expr.has_rexpr()) {
        node = FuncCallNode({"power"}, {expr.lexpr(), expr.rexpr()}); // typed as power() is: numeric for numeric
        return true;
    }
    if ((op == "|/" || op == "||/") && !expr.has_lexpr() && expr.has_rexpr()) {
        node = FuncCallNode({op == "|/" ? "sqrt" : "cbrt"}, {TypeCastNode(expr.rexpr(), {"float8"})});
        return true;
    }
    return false;
}

bool LibcCaseMapping(Node &node, PassContext &) {
    static constexpr std::array<std::pair<std::string_view, const char *>, 3> kMappings = {{
        {"upper", "duckgres_upper"},
        {"lower", "duckgres_lower"},
        {"initcap", "duckgres_initcap"},
    }};
    if (!node.has_func_call()) {
        return false;
    }
    const auto &call = node.func_call();
    const auto &names = call.funcname();
    if (call.args_size() != 1 || call.has_over() || call.agg_star() || names.size() > 2 ||
        (names.size() == 2 && (!names[0].has_string() || names[0].string().sval() != "pg_catalog"))) {
        return false;
    }
    const auto name = LastName(names);
    for (const auto &[postgres_name, function] : kMappings) {
        if (name == postgres_name) {
            node = FuncCallNode({function}, {call.args(0)});
            return true;
        }
    }
    return false;
}

bool ExpandRowComparison(Node &node, PassContext &) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1) {
        return false;
    }
    const auto &expr = node.a_expr();
    const auto *left = RowFields(expr.lexpr());
    const auto *right = RowFields(expr.rexpr());
    if (!left || !right || left->size() != right->size() || left->empty()) {
        return false;
    }
    std::string op = OperatorName(expr);
    if (op == "=" || op == "<>" || op == "!=") {
        std::vector<Node> pairs;
        for (int i = 0; i < left->size(); i++) {
            pairs.push_back(AExprNode(pg_query::AEXPR_OP, op == "=" ? "=" : "<>", (*left)[i], (*right)[i]));
        }
        node = BoolExprNode(op == "=" ? pg_query::AND_EXPR : pg_query::OR_EXPR, std::move(pairs));
        return true;
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=") {
        node = RowOrdering(*left, *right, 0, op);
        return true;
    }
    return false;
}

bool ExpandLikeArray(Node &node, PassContext &) {
    if (!node.has_a_expr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    const bool any = expr.kind() == pg_query::AEXPR_OP_ANY;
    if ((!any && expr.kind() != pg_query::AEXPR_OP_ALL) || !expr.has_lexpr() || !expr.has_rexpr()) {
        return false;
    }
    const std::string op = OperatorName(expr);
    const bool ilike = op == "~~*" || op == "!~~*";
    if (op != "~~" && op != "!~~" && !ilike) {
        return false;
    }
    const std::string test = std::string("duckgres_value ") + (op[0] == '!' ? "NOT " : "") +
                             (ilike ? "ILIKE" : "LIKE") + " duckgres_pattern";
    const std::string verdict =
        any ? "CASE WHEN bool_or(duckgres_match) THEN true WHEN count(*) > count(duckgres_match) THEN NULL ELSE false "
              "END"
            : "CASE WHEN NOT bool_and(duckgres_match) THEN false WHEN count(*) > count(duckgres_match) THEN NULL "
              "ELSE true END";
    node = ExpressionFromTemplate(
        "(SELECT " + verdict + " FROM (SELECT " + test +
            " AS duckgres_match FROM unnest(duckgres_array) AS duckgres_u(duckgres_pattern)) AS duckgres_s)",
        {{"duckgres_value", expr.lexpr()}, {"duckgres_array", expr.rexpr()}});
    return true;
}

bool TypeConcatNull(Node &node, PassContext &) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || OperatorName(node.a_expr()) != "||" ||
        !node.a_expr().has_lexpr() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto *expr = &node.a_expr();
    const bool left_null = IsNullConst(expr->lexpr());
    const bool right_null = IsNullConst(expr->rexpr());
    if (left_null == right_null) {
        return false;
    }
    const Node &other = left_null ? expr->rexpr() : expr->lexpr();
    if (!other.has_a_const() && !(other.has_a_expr() && OperatorName(other.a_expr()) == "||")) {
        return false;
    }
    // The whole concatenation is cast: DuckDB folds a concatenation with a NULL constant to an untyped NULL.
    node = TypeCastNode(node, {"text"});
    return true;
}

bool RewriteSimilarTo(Node &node, PassContext &) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_SIMILAR || !node.a_expr().has_rexpr() ||
        !node.a_expr().rexpr().has_func_call()) {
        return false;
    }
    const auto &expr = node.a_expr();
    Node escape = expr.rexpr();
    escape.mutable_func_call()->clear_funcname();
    escape.mutable_func_call()->add_funcname()->mutable_string()->set_sval("similar_to_escape");
    if (escape.func_call().args_size() == 1) {
        *escape.mutable_func_call()->add_args() = StringConst("\\");
    }
    Node match = FuncCallNode({"regexp_full_match"}, {expr.lexpr(), escape});
    node = OperatorName(expr) == "!~" ? NotNode(std::move(match)) : std::move(match);
    return true;
}

bool RewriteSubstring(Node &node, PassContext &) {
    if (!node.has_func_call() || !IsFunctionNamed(node.func_call(), {"substring", "substr"})) {
        return false;
    }
    const auto &call = node.func_call();
    if (call.agg_star() || call.agg_distinct() || call.has_over()) {
        return false;
    }
    if (call.args_size() == 2 && IsStringConst(call.args(1))) {
        const std::string pattern = call.args(1).a_const().sval().sval();
        node = ExpressionFromTemplate(
            "CASE WHEN regexp_matches(duckgres_text, duckgres_pattern) THEN regexp_extract(duckgres_text, "
            "duckgres_pattern, " +
                std::string(HasCapturingGroup(pattern) ? "1" : "0") + ") END",
            {{"duckgres_text", call.args(0)}, {"duckgres_pattern", call.args(1)}});
        return true;
    }
    if (call.args_size() == 2) {
        node = ExpressionFromTemplate("substring(duckgres_text, greatest(duckgres_start, 1))",
                                      {{"duckgres_text", call.args(0)}, {"duckgres_start", call.args(1)}});
        return true;
    }
    if (call.args_size() == 3) {
        node = ExpressionFromTemplate(
            "substring(duckgres_text, greatest(duckgres_start, 1), CASE WHEN duckgres_count < 0 THEN "
            "error('SQLSTATE 22011: negative substring length not allowed') ELSE greatest(duckgres_start + "
            "duckgres_count - greatest(duckgres_start, 1), 0) END)",
            {{"duckgres_text", call.args(0)}, {"duckgres_start", call.args(1)}, {"duckgres_count", call.args(2)}});
        return true;
    }
    return false;
}

bool TypeVarcharCasts(Node &node, PassContext &) {
    if (!node.has_type_cast()) {
        return false;
    }
    auto *type = node.mutable_type_cast()->mutable_type_name();
    if (type->names_size() != 2 || type->names(0).string().sval() != "pg_catalog" ||
        LastName(type->names()) != "varchar" || type->typmods_size() > 0 || type->array_bounds_size() > 0) {
        return false;
    }
    type->clear_names();
    type->add_names()->mutable_string()->set_sval("character_data");
    return true;
}

bool IsBooleanValue(const Node &node, PassContext &context) {
    return IsBooleanExpression(node) || ExpressionType(node, context) == "boolean";
}

Node BooleanText(Node value) {
    return ExpressionFromTemplate("CASE WHEN duckgres_value THEN 't' WHEN NOT duckgres_value THEN 'f' END",
                                  {{"duckgres_value", std::move(value)}});
}

bool StyledTextCasts(Node &node, PassContext &context) {
    if (!node.has_type_cast() || !IsTextTypeName(node.type_cast().type_name()) ||
        node.type_cast().arg().has_a_const() || node.type_cast().arg().has_param_ref() || !context.facts.settings) {
        return false;
    }
    const auto &settings = *context.facts.settings;
    const auto bytea_output = settings.Get("bytea_output");
    if (bytea_output && *bytea_output == "escape" && ExpressionType(node.type_cast().arg(), context) == "bytea") {
        node = FuncCallNode({"duckgres_bytea_escape_text"}, {node.type_cast().arg()});
        return true;
    }
    const auto date_style = settings.Get("DateStyle");
    const auto interval_style = settings.Get("IntervalStyle");
    const auto time_zone = settings.Get("TimeZone");
    if (!date_style || !interval_style || !time_zone ||
        (date_style->starts_with("ISO,") && *interval_style == "postgres")) {
        return false;
    }
    Node value = node.type_cast().arg();
    node = FuncCallNode({"duckgres_text_cast"}, {std::move(value), StringConst(*date_style),
                                                 StringConst(*interval_style), StringConst(*time_zone)});
    return true;
}

bool PostgresTextOfValues(Node &node, PassContext &context) {
    if (node.has_type_cast() && node.type_cast().arg().has_row_expr() && IsTextTypeName(node.type_cast().type_name())) {
        Node row = node.type_cast().arg();
        node = FuncCallNode({"duckgres_text_out"}, {std::move(row)});
        return true;
    }
    if (!node.has_func_call() || !IsFunctionNamed(node.func_call(), {"concat", "concat_ws"})) {
        return false;
    }
    bool changed = false;
    auto *call = node.mutable_func_call();
    for (int i = LastName(call->funcname()) == "concat_ws" ? 1 : 0; i < call->args_size(); i++) {
        Node &arg = *call->mutable_args(i);
        if (IsBooleanValue(arg, context)) {
            arg = BooleanText(std::move(arg));
            changed = true;
        }
    }
    return changed;
}

} // namespace duckgres::sql
