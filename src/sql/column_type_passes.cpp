// Passes by column type: enum comparisons with literals, real and smallint arithmetic, length(bytea).
#include "sql/column_type_passes.hpp"

#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace duckgres::sql {

using pg_query::Node;

namespace {

//! `node` when it is a binary operator whose (unqualified) name is one of `operators`; null otherwise.
template <size_t N>
pg_query::A_Expr *BinaryOperator(Node &node, const std::array<std::string_view, N> &operators) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || !node.a_expr().has_lexpr() ||
        !node.a_expr().has_rexpr()) {
        return nullptr;
    }
    const auto name = LastName(node.a_expr().name());
    return std::find(operators.begin(), operators.end(), name) != operators.end() ? node.mutable_a_expr() : nullptr;
}

//! The types PostgreSQL converts to double precision when the other operand is real.
bool WidensReal(const std::string &type) {
    return type == "smallint" || type == "integer" || type == "bigint" || type == "numeric";
}

} // namespace

bool CompareEnumWithLiteral(Node &node, PassContext &context) {
    static constexpr std::array<std::string_view, 7> kComparisons = {"=", "<>", "!=", "<", ">", "<=", ">="};
    auto *expr = BinaryOperator(node, kComparisons);
    if (!expr) {
        return false;
    }
    for (auto [column, literal] : {std::pair{expr->mutable_lexpr(), expr->mutable_rexpr()},
                                   std::pair{expr->mutable_rexpr(), expr->mutable_lexpr()}}) {
        if (!IsStringConst(*literal)) {
            continue;
        }
        const auto *type = ReferencedColumn(*column, context);
        if (type && type->type == "enum" && !type->enum_labels.empty()) {
            // DuckDB keeps no name for the column's enum type: an enum of the same labels compares alike.
            Node cast = TypeCastNode(std::move(*literal), {"enum"});
            for (const auto &label : type->enum_labels) {
                *cast.mutable_type_cast()->mutable_type_name()->add_typmods() = StringConst(label);
            }
            *literal = std::move(cast);
            return true;
        }
    }
    return false;
}

bool WidenRealArithmetic(Node &node, PassContext &context) {
    static constexpr std::array<std::string_view, 4> kArithmetic = {"+", "-", "*", "/"};
    auto *expr = BinaryOperator(node, kArithmetic);
    if (!expr) {
        return false;
    }
    const std::string left = ExpressionType(expr->lexpr(), context);
    const std::string right = ExpressionType(expr->rexpr(), context);
    if (left == "real" && WidensReal(right)) {
        *expr->mutable_lexpr() = TypeCastNode(std::move(*expr->mutable_lexpr()), {"float8"});
        return true;
    }
    if (right == "real" && WidensReal(left)) {
        *expr->mutable_rexpr() = TypeCastNode(std::move(*expr->mutable_rexpr()), {"float8"});
        return true;
    }
    return false;
}

bool WidenSmallintArithmetic(Node &node, PassContext &context) {
    static constexpr std::array<std::string_view, 5> kArithmetic = {"+", "-", "*", "/", "%"};
    auto *expr = BinaryOperator(node, kArithmetic);
    if (!expr) {
        return false;
    }
    for (auto [operand, other] : {std::pair{expr->mutable_lexpr(), expr->mutable_rexpr()},
                                  std::pair{expr->mutable_rexpr(), expr->mutable_lexpr()}}) {
        if (operand->has_a_const() && operand->a_const().has_ival() && ExpressionType(*other, context) == "smallint") {
            *operand = TypeCastNode(std::move(*operand), {"pg_catalog", "int4"});
            return true;
        }
    }
    return false;
}

bool LengthOfBytea(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().args_size() != 1 || node.func_call().funcname_size() != 1 ||
        LastName(node.func_call().funcname()) != "length" ||
        ExpressionType(node.func_call().args(0), context) != "bytea") {
        return false;
    }
    auto *names = node.mutable_func_call()->mutable_funcname();
    names->Clear();
    names->Add()->mutable_string()->set_sval("octet_length");
    return true;
}

} // namespace duckgres::sql
