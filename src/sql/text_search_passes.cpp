// Text search rewrite pass: the tsvector / tsquery operators as the functions text_search_functions.cpp registers.
#include "sql/text_search_passes.hpp"

#include "common/sql_error.hpp"
#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"
#include "sql/setting_source.hpp"
#include "types/text_search.hpp"

namespace duckgres::sql {

namespace {

using pg_query::Node;

enum class TsType { Unknown, Vector, Query };

bool IsConfigFunction(std::string_view name) {
    return name == "to_tsvector" || name == "to_tsquery" || name == "plainto_tsquery" || name == "phraseto_tsquery" ||
           name == "websearch_to_tsquery";
}

//! Whether `node` is a tsvector or tsquery by its form (a cast, a function returning one) or its column's type.
TsType TypeOf(const Node &node, PassContext &context) {
    if (node.has_type_cast()) {
        if (node.type_cast().type_name().array_bounds_size() > 0) {
            return TsType::Unknown;
        }
        const auto name = LastName(node.type_cast().type_name().names());
        return name == "tsvector" ? TsType::Vector : name == "tsquery" ? TsType::Query : TsType::Unknown;
    }
    if (node.has_func_call()) {
        const auto name = LastName(node.func_call().funcname());
        if (name == "to_tsvector" || name == "setweight" || name == "strip" || name == "duckgres_ts_concat") {
            return TsType::Vector;
        }
        if (IsConfigFunction(name) || name == "tsquery_phrase" || name.starts_with("duckgres_tsquery_")) {
            return TsType::Query;
        }
        return TsType::Unknown;
    }
    if (node.has_column_ref()) {
        const auto type = ExpressionType(node, context);
        return type == "tsvector" ? TsType::Vector : type == "tsquery" ? TsType::Query : TsType::Unknown;
    }
    return TsType::Unknown;
}

std::string DefaultConfig(PassContext &context) {
    if (context.facts.settings) {
        if (auto value = context.facts.settings->Get("default_text_search_config")) {
            return *value;
        }
    }
    return "pg_catalog.english";
}

bool AddDefaultConfig(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().args_size() != 1 || node.func_call().has_over()) {
        return false;
    }
    const auto name = LastName(node.func_call().funcname());
    if (!IsConfigFunction(name)) {
        return false;
    }
    Node text = node.func_call().args(0);
    node = FuncCallNode({name}, {StringConst(DefaultConfig(context)), std::move(text)});
    return true;
}

bool TsLength(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().args_size() != 1 ||
        LastName(node.func_call().funcname()) != "length" ||
        TypeOf(node.func_call().args(0), context) != TsType::Vector) {
        return false;
    }
    Node vector = node.func_call().args(0);
    node = FuncCallNode({"duckgres_ts_length"}, {std::move(vector)});
    return true;
}

//! `left @@ right`: a tsvector (text through to_tsvector) against a tsquery (text, beside text, through
//! plainto_tsquery), in either order.
Node MatchCall(Node left, Node right, PassContext &context) {
    TsType left_type = TypeOf(left, context);
    TsType right_type = TypeOf(right, context);
    if (left_type == TsType::Query || right_type == TsType::Vector) {
        std::swap(left, right);
        std::swap(left_type, right_type);
    }
    const bool text_vector = left_type != TsType::Vector;
    if (text_vector) {
        left = FuncCallNode({"to_tsvector"}, {StringConst(DefaultConfig(context)), std::move(left)});
    }
    if (right_type != TsType::Query) {
        right = text_vector ? FuncCallNode({"plainto_tsquery"}, {StringConst(DefaultConfig(context)), std::move(right)})
                            : TypeCastNode(std::move(right), {"tsquery"});
    }
    return FuncCallNode({"duckgres_ts_match"}, {std::move(left), std::move(right)});
}

//! The text of a string constant, or of a string constant cast to regconfig; null otherwise.
const std::string *ConstantText(const Node &node) {
    if (IsStringConst(node)) {
        return &node.a_const().sval().sval();
    }
    if (node.has_type_cast() && IsStringConst(node.type_cast().arg()) &&
        LastName(node.type_cast().type_name().names()) == "regconfig") {
        return &node.type_cast().arg().a_const().sval().sval();
    }
    return nullptr;
}

//! The NOTICE PostgreSQL gives when a constant tsquery (a '...'::tsquery literal or a query builder of constants)
//! has no lexemes; the query's value is computed again when the statement runs.
void NoteEmptyQuery(const Node &node, PassContext &context) {
    std::string notice;
    try {
        if (node.has_type_cast() && IsStringConst(node.type_cast().arg()) &&
            node.type_cast().type_name().array_bounds_size() == 0 &&
            LastName(node.type_cast().type_name().names()) == "tsquery") {
            const auto &text = node.type_cast().arg().a_const().sval().sval();
            if (types::ParseTsQuery(text).root < 0) {
                notice = "text-search query doesn't contain lexemes: \"" + text + "\"";
            }
        } else if (node.has_func_call() && node.func_call().args_size() == 2) {
            const auto name = LastName(node.func_call().funcname());
            const std::string *config = ConstantText(node.func_call().args(0));
            const std::string *text = ConstantText(node.func_call().args(1));
            if (name == "to_tsvector" || !IsConfigFunction(name) || !config || !text) {
                return;
            }
            const auto parsed = types::ParseTsConfig(*config);
            const auto query = name == "to_tsquery"         ? types::ToTsQuery(parsed, *text)
                               : name == "plainto_tsquery"  ? types::PlainToTsQuery(parsed, *text)
                               : name == "phraseto_tsquery" ? types::PhraseToTsQuery(parsed, *text)
                                                            : types::WebSearchToTsQuery(parsed, *text);
            if (query.root >= 0) {
                return;
            }
            if (text->find_first_not_of(" \t\n\r") == std::string::npos) {
                notice = "text-search query doesn't contain lexemes: \"" + *text + "\"";
            } else {
                notice = "text-search query contains only stop words or doesn't contain lexemes, ignored";
            }
        }
    } catch (const SqlError &) {
        return; // the error comes when the statement runs
    }
    if (!notice.empty()) {
        context.effects.notices.push_back(std::move(notice));
    }
}

} // namespace

bool RewriteTextSearch(Node &node, PassContext &context) {
    const bool configured = AddDefaultConfig(node, context);
    NoteEmptyQuery(node, context);
    if (configured || TsLength(node, context)) {
        return true;
    }
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    const auto op = LastName(expr.name());
    if (!expr.has_lexpr()) {
        if (op == "!!") {
            node = FuncCallNode({"duckgres_tsquery_not"}, {TypeCastNode(expr.rexpr(), {"tsquery"})});
            return true;
        }
        return false;
    }
    if (op == "@@") {
        node = MatchCall(expr.lexpr(), expr.rexpr(), context);
        return true;
    }
    if (op != "||" && op != "&&" && op != "<->") {
        return false;
    }
    const TsType left = TypeOf(expr.lexpr(), context);
    const TsType right = TypeOf(expr.rexpr(), context);
    auto as = [](const Node &side, const char *type) { return TypeCastNode(side, {type}); };
    if (op == "||" && (left == TsType::Vector || right == TsType::Vector)) {
        node = FuncCallNode({"duckgres_ts_concat"}, {as(expr.lexpr(), "tsvector"), as(expr.rexpr(), "tsvector")});
        return true;
    }
    if (left != TsType::Query && right != TsType::Query) {
        return false;
    }
    if (op == "||" || op == "&&") {
        node = FuncCallNode({op == "||" ? "duckgres_tsquery_or" : "duckgres_tsquery_and"},
                            {as(expr.lexpr(), "tsquery"), as(expr.rexpr(), "tsquery")});
        return true;
    }
    if (op == "<->") {
        node = FuncCallNode({"tsquery_phrase"}, {as(expr.lexpr(), "tsquery"), as(expr.rexpr(), "tsquery")});
        return true;
    }
    return false;
}

} // namespace duckgres::sql
