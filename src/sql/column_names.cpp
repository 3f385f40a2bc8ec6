// Derives result column names from the parse tree the way PostgreSQL's FigureColname does.
#include "sql/column_names.hpp"

#include <pg_query.pb.h>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! How sure a name is: PostgreSQL prefers a strong name found deeper in an expression over a
//! weak one (a type name from a cast, "case").
enum class Strength { None = 0, Weak = 1, Strong = 2 };

std::vector<std::string> TargetNames(const google::protobuf::RepeatedPtrField<Node> &targets);

Strength FigureName(const Node &node, std::string &name);

Strength LastString(const google::protobuf::RepeatedPtrField<Node> &names, std::string &name, Strength strength) {
    if (names.empty() || !names[names.size() - 1].has_string()) {
        return Strength::None;
    }
    name = names[names.size() - 1].string().sval();
    return strength;
}

const char *SqlValueFunctionName(pg_query::SQLValueFunctionOp op) {
    switch (op) {
    case pg_query::SVFOP_CURRENT_DATE:
        return "current_date";
    case pg_query::SVFOP_CURRENT_TIME:
    case pg_query::SVFOP_CURRENT_TIME_N:
        return "current_time";
    case pg_query::SVFOP_CURRENT_TIMESTAMP:
    case pg_query::SVFOP_CURRENT_TIMESTAMP_N:
        return "current_timestamp";
    case pg_query::SVFOP_LOCALTIME:
    case pg_query::SVFOP_LOCALTIME_N:
        return "localtime";
    case pg_query::SVFOP_LOCALTIMESTAMP:
    case pg_query::SVFOP_LOCALTIMESTAMP_N:
        return "localtimestamp";
    case pg_query::SVFOP_CURRENT_ROLE:
        return "current_role";
    case pg_query::SVFOP_CURRENT_USER:
        return "current_user";
    case pg_query::SVFOP_USER:
        return "user";
    case pg_query::SVFOP_SESSION_USER:
        return "session_user";
    case pg_query::SVFOP_CURRENT_CATALOG:
        return "current_catalog";
    case pg_query::SVFOP_CURRENT_SCHEMA:
        return "current_schema";
    default:
        return nullptr;
    }
}

Strength FigureName(const Node &node, std::string &name) {
    switch (node.node_case()) {
    case Node::kColumnRef:
        return LastString(node.column_ref().fields(), name, Strength::Strong);
    case Node::kAIndirection: {
        const auto &indirection = node.a_indirection().indirection();
        for (int i = indirection.size() - 1; i >= 0; i--) {
            if (indirection[i].has_string()) {
                name = indirection[i].string().sval();
                return Strength::Strong;
            }
        }
        return FigureName(node.a_indirection().arg(), name);
    }
    case Node::kFuncCall:
        return LastString(node.func_call().funcname(), name, Strength::Strong);
    case Node::kAExpr:
        if (node.a_expr().kind() == pg_query::AEXPR_NULLIF) {
            name = "nullif";
            return Strength::Strong;
        }
        return Strength::None;
    case Node::kTypeCast: {
        auto strength = FigureName(node.type_cast().arg(), name);
        if (strength <= Strength::Weak) {
            if (LastString(node.type_cast().type_name().names(), name, Strength::Weak) != Strength::None) {
                return Strength::Weak;
            }
        }
        return strength;
    }
    case Node::kCollateClause:
        return FigureName(node.collate_clause().arg(), name);
    case Node::kGroupingFunc:
        name = "grouping";
        return Strength::Strong;
    case Node::kSubLink: {
        const auto &link = node.sub_link();
        switch (link.sub_link_type()) {
        case pg_query::EXISTS_SUBLINK:
            name = "exists";
            return Strength::Strong;
        case pg_query::ARRAY_SUBLINK:
            name = "array";
            return Strength::Strong;
        case pg_query::EXPR_SUBLINK:
        case pg_query::MULTIEXPR_SUBLINK: {
            auto names = PostgresColumnNames(link.subselect());
            if (!names.empty()) {
                name = names[0];
                return Strength::Strong;
            }
            return Strength::None;
        }
        default:
            return Strength::None;
        }
    }
    case Node::kCaseExpr: {
        Strength strength = Strength::None;
        if (node.case_expr().has_defresult()) {
            strength = FigureName(node.case_expr().defresult(), name);
        }
        if (strength <= Strength::Weak) {
            name = "case";
            return Strength::Weak;
        }
        return strength;
    }
    case Node::kAArrayExpr:
        name = "array";
        return Strength::Strong;
    case Node::kRowExpr:
        name = "row";
        return Strength::Strong;
    case Node::kCoalesceExpr:
        name = "coalesce";
        return Strength::Strong;
    case Node::kMinMaxExpr:
        name = node.min_max_expr().op() == pg_query::IS_GREATEST ? "greatest" : "least";
        return Strength::Strong;
    case Node::kSqlvalueFunction:
        if (const char *function = SqlValueFunctionName(node.sqlvalue_function().op())) {
            name = function;
            return Strength::Strong;
        }
        return Strength::None;
    case Node::kXmlSerialize:
        name = "xmlserialize";
        return Strength::Strong;
    default:
        return Strength::None;
    }
}

bool IsStar(const Node &value) {
    if (!value.has_column_ref()) {
        return false;
    }
    for (const auto &field : value.column_ref().fields()) {
        if (field.has_a_star()) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> TargetNames(const google::protobuf::RepeatedPtrField<Node> &targets) {
    std::vector<std::string> names;
    for (const auto &target : targets) {
        if (!target.has_res_target()) {
            return {};
        }
        const auto &res = target.res_target();
        if (IsStar(res.val())) {
            return {};
        }
        if (!res.name().empty()) {
            names.push_back(res.name());
            continue;
        }
        std::string name;
        if (FigureName(res.val(), name) == Strength::None) {
            name = "?column?";
        }
        names.push_back(name);
    }
    return names;
}

//! A set operation takes its names from its leftmost SELECT.
std::vector<std::string> SelectNames(const pg_query::SelectStmt &select) {
    if (select.op() != pg_query::SETOP_NONE && select.op() != pg_query::SET_OPERATION_UNDEFINED) {
        return SelectNames(select.larg());
    }
    if (select.values_lists_size() > 0) {
        const auto &first = select.values_lists(0);
        if (!first.has_list()) {
            return {};
        }
        std::vector<std::string> names;
        for (int i = 0; i < first.list().items_size(); i++) {
            names.push_back("column" + std::to_string(i + 1));
        }
        return names;
    }
    return TargetNames(select.target_list());
}

} // namespace

std::vector<std::string> PostgresColumnNames(const Node &statement) {
    switch (statement.node_case()) {
    case Node::kSelectStmt:
        return SelectNames(statement.select_stmt());
    case Node::kDeclareCursorStmt:
        return PostgresColumnNames(statement.declare_cursor_stmt().query());
    case Node::kInsertStmt:
        return TargetNames(statement.insert_stmt().returning_list());
    case Node::kUpdateStmt:
        return TargetNames(statement.update_stmt().returning_list());
    case Node::kDeleteStmt:
        return TargetNames(statement.delete_stmt().returning_list());
    default:
        return {};
    }
}

} // namespace duckgres::sql
