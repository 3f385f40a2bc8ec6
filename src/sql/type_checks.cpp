// PostgreSQL's type resolution where DuckDB is more lenient: unknown literals and refused type mismatches.
#include "sql/type_checks.hpp"

#include "common/sql_error.hpp"
#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"
#include "types/text_input.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::sql {

using pg_query::Node;

namespace {

enum class TypeCategory { Other, Number, String, Boolean };

TypeCategory CategoryOf(std::string type) {
    type = type.substr(0, type.find('(')); // character varying(10): its modifier aside
    static constexpr std::array<std::string_view, 6> kNumbers = {"smallint", "integer", "bigint",
                                                                 "numeric",  "real",    "double precision"};
    if (std::find(kNumbers.begin(), kNumbers.end(), type) != kNumbers.end()) {
        return TypeCategory::Number;
    }
    if (type == "text" || type == "character varying" || type == "character") {
        return TypeCategory::String;
    }
    return type == "boolean" ? TypeCategory::Boolean : TypeCategory::Other;
}

//! The cast name of the types an unknown literal may be resolved to (CanonicalTypeName's spelling -> cast name).
constexpr std::pair<std::string_view, std::string_view> kLiteralTargets[] = {
    {"smallint", "int2"},
    {"integer", "int4"},
    {"bigint", "int8"},
    {"numeric", "numeric"},
    {"real", "float4"},
    {"double precision", "float8"},
    {"boolean", "bool"},
    {"date", "date"},
    {"interval", "interval"},
    {"timestamp without time zone", "timestamp"},
    {"timestamp with time zone", "timestamptz"},
};

//! An unknown literal resolved to an integer type is read when the statement is parsed, as PostgreSQL reads it:
//! 'x' beside an integer is 22P02 even in a branch that never runs (DuckDB would fold the branch away unread).
void CheckLiteral(std::string_view cast_name, std::string_view text) {
    if (cast_name == "int2") {
        types::ParseInt2Text(text);
    } else if (cast_name == "int4") {
        types::ParseInt4Text(text);
    } else if (cast_name == "int8") {
        types::ParseInt8Text(text);
    }
}

//! The type of a constant or a cast (never a column: set operation arms read different relations).
std::string ConstantOrCastType(const Node &node) {
    if (node.has_a_const() && (node.a_const().has_ival() || node.a_const().has_fval())) {
        return node.a_const().has_ival() ? "integer" : "numeric";
    }
    if (node.has_a_const() && node.a_const().has_boolval()) {
        return "boolean";
    }
    if (node.has_type_cast()) {
        const auto &type = node.type_cast().type_name();
        return CanonicalTypeName(LastName(type.names()), type.array_bounds_size());
    }
    return "";
}

//! The type of a number or boolean constant ("integer", "numeric", "boolean"); empty for anything else.
std::string ValueConstantType(const Node &node) {
    return node.has_a_const() && !node.a_const().isnull() && !node.a_const().has_sval() ? ConstantOrCastType(node) : "";
}

const char *SetOperationName(pg_query::SetOperation op) {
    switch (op) {
    case pg_query::SETOP_INTERSECT:
        return "INTERSECT";
    case pg_query::SETOP_EXCEPT:
        return "EXCEPT";
    default:
        return "UNION";
    }
}

//! The SELECT naming a query's columns: the leftmost arm of a set operation.
pg_query::SelectStmt &LeftmostArm(pg_query::SelectStmt &select) {
    auto *arm = &select;
    while (arm->op() != pg_query::SETOP_NONE && arm->has_larg()) {
        arm = arm->mutable_larg();
    }
    return *arm;
}

} // namespace

bool ResolveUnknownLiterals(Node &node, PassContext &context) {
    std::vector<Node *> items;
    if (node.has_case_expr()) {
        for (auto &when : *node.mutable_case_expr()->mutable_args()) {
            items.push_back(when.mutable_case_when()->mutable_result());
        }
        if (node.case_expr().has_defresult()) {
            items.push_back(node.mutable_case_expr()->mutable_defresult());
        }
    } else if (node.has_coalesce_expr()) {
        for (auto &arg : *node.mutable_coalesce_expr()->mutable_args()) {
            items.push_back(&arg);
        }
    }
    std::vector<Node *> literals;
    for (auto *item : items) {
        if (IsStringConst(*item)) {
            literals.push_back(item);
        }
    }
    if (literals.empty()) {
        return false;
    }
    std::string common;
    for (const auto *item : items) {
        if (IsStringConst(*item) || (item->has_a_const() && item->a_const().isnull())) {
            continue;
        }
        const std::string type = ExpressionType(*item, context);
        if (type.empty() || (!common.empty() && type != common)) {
            return false; // not known, or several types: PostgreSQL's rules for those are left to DuckDB
        }
        common = type;
    }
    const auto *target = std::find_if(std::begin(kLiteralTargets), std::end(kLiteralTargets),
                                      [&](const auto &entry) { return entry.first == common; });
    if (target == std::end(kLiteralTargets)) {
        return false;
    }
    for (auto *literal : literals) {
        CheckLiteral(target->second, literal->a_const().sval().sval());
        *literal = TypeCastNode(std::move(*literal), {target->second});
    }
    return true;
}

bool SetOperationTypes(Node &node, PassContext &) {
    if (!node.has_select_stmt() || node.select_stmt().op() == pg_query::SETOP_NONE || !node.select_stmt().has_larg() ||
        !node.select_stmt().has_rarg()) {
        return false;
    }
    auto &select = *node.mutable_select_stmt();
    auto &left = *LeftmostArm(*select.mutable_larg()).mutable_target_list();
    auto &right = *LeftmostArm(*select.mutable_rarg()).mutable_target_list();
    bool changed = false;
    for (int i = 0; i < std::min(left.size(), right.size()); i++) {
        // An unknown literal in one arm takes the other arm's type (SELECT 1 UNION SELECT '2' is integer).
        for (auto [literal, other] : {std::pair{&left[i], &right[i]}, std::pair{&right[i], &left[i]}}) {
            auto *value = literal->mutable_res_target()->mutable_val();
            const std::string other_type = ConstantOrCastType(other->res_target().val());
            const auto *target = std::find_if(std::begin(kLiteralTargets), std::end(kLiteralTargets),
                                              [&](const auto &entry) { return entry.first == other_type; });
            if (IsStringConst(*value) && target != std::end(kLiteralTargets)) {
                CheckLiteral(target->second, value->a_const().sval().sval());
                *value = TypeCastNode(std::move(*value), {target->second});
                changed = true;
            }
        }
        const std::string left_type = ConstantOrCastType(left[i].res_target().val());
        const std::string right_type = ConstantOrCastType(right[i].res_target().val());
        const auto left_category = CategoryOf(left_type);
        const auto right_category = CategoryOf(right_type);
        if (left_category != TypeCategory::Other && right_category != TypeCategory::Other &&
            left_category != right_category) {
            throw SqlError("42804", std::string(SetOperationName(node.select_stmt().op())) + " types " + left_type +
                                        " and " + right_type + " cannot be matched");
        }
    }
    return changed;
}

bool CheckComparisonTypes(Node &node, PassContext &context) {
    static constexpr std::array<std::string_view, 7> kComparisons = {"=", "<>", "!=", "<", ">", "<=", ">="};
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || !node.a_expr().has_lexpr() ||
        !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto op = LastName(node.a_expr().name());
    if (std::find(kComparisons.begin(), kComparisons.end(), op) == kComparisons.end()) {
        return false;
    }
    const auto &left = node.a_expr().lexpr();
    const auto &right = node.a_expr().rexpr();
    const bool number_right = CategoryOf(ValueConstantType(right)) == TypeCategory::Number;
    const bool number_left = CategoryOf(ValueConstantType(left)) == TypeCategory::Number;
    if (number_left == number_right) {
        return false; // a number constant on neither side (or on both): nothing to check
    }
    const auto *column = ReferencedColumn(number_right ? left : right, context);
    if (!column || CategoryOf(column->type) != TypeCategory::String) {
        return false;
    }
    const std::string number = ValueConstantType(number_right ? right : left);
    const std::string left_type = number_right ? column->type : number;
    const std::string right_type = number_right ? number : column->type;
    throw SqlError("42883", "operator does not exist: " + left_type + " " + op + " " + right_type, "",
                   "No operator matches the given name and argument types. You might need to add explicit type "
                   "casts.");
}

bool CheckInsertValueTypes(Node &node, PassContext &context) {
    if (!node.has_insert_stmt() || !context.facts.tables || !node.insert_stmt().has_select_stmt() ||
        !node.insert_stmt().select_stmt().has_select_stmt()) {
        return false;
    }
    const auto &insert = node.insert_stmt();
    const auto &values = insert.select_stmt().select_stmt().values_lists();
    const bool has_value_constant = std::any_of(values.begin(), values.end(), [](const Node &row) {
        const auto &items = row.list().items();
        return std::any_of(items.begin(), items.end(),
                           [](const Node &item) { return !ValueConstantType(item).empty(); });
    });
    if (!has_value_constant) {
        return false; // nothing PostgreSQL would refuse: no catalog lookup
    }
    const auto columns = context.facts.tables->ColumnTypes(insert.relation().schemaname(), insert.relation().relname());
    std::vector<const ColumnType *> targets;
    if (insert.cols_size() > 0) {
        for (const auto &col : insert.cols()) {
            const auto found = std::find_if(columns.begin(), columns.end(), [&](const ColumnType &column) {
                return column.column == col.res_target().name();
            });
            targets.push_back(found == columns.end() ? nullptr : &*found);
        }
    } else {
        for (const auto &column : columns) {
            targets.push_back(&column);
        }
    }
    for (const auto &row : values) {
        const auto &items = row.list().items();
        for (int i = 0; i < items.size() && i < static_cast<int>(targets.size()); i++) {
            const std::string value_type = ValueConstantType(items[i]);
            if (!targets[i] || value_type.empty()) {
                continue;
            }
            const auto column_category = CategoryOf(targets[i]->type);
            const auto value_category = CategoryOf(value_type);
            const bool mismatch =
                (column_category == TypeCategory::Boolean && value_category == TypeCategory::Number) ||
                (column_category == TypeCategory::Number && value_category == TypeCategory::Boolean);
            if (mismatch) {
                throw SqlError("42804",
                               "column \"" + targets[i]->column + "\" is of type " + targets[i]->type +
                                   " but expression is of type " + value_type,
                               "", "You will need to rewrite or cast the expression.");
            }
        }
    }
    return false;
}

} // namespace duckgres::sql
