// Range rewrite pass: range operators and lower()/upper() of ranges as the functions range_functions.cpp registers.
#include "sql/range_passes.hpp"

#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"
#include "types/range_value.hpp"

#include <algorithm>
#include <optional>

namespace duckgres::sql {

namespace {

using pg_query::Node;
using types::RangeKind;

//! The functions that return a range of the kind of their first (or second) argument.
bool ReturnsArgumentRange(std::string_view name) {
    return name == "range_merge" || name == "duckgres_range_union" || name == "duckgres_range_intersect" ||
           name == "duckgres_range_minus";
}

//! The range type of `node` as far as its form or its column tells; nullopt when it is no range or not known.
std::optional<RangeKind> RangeKindOf(const Node &node, PassContext &context) {
    if (node.has_type_cast()) {
        const auto &type = node.type_cast().type_name();
        if (type.array_bounds_size() > 0) {
            return std::nullopt;
        }
        return types::RangeKindFromName(CanonicalTypeName(LastName(type.names())));
    }
    if (node.has_func_call()) {
        const auto &call = node.func_call();
        const std::string name = LastName(call.funcname());
        if (auto kind = types::RangeKindFromName(name)) {
            return kind;
        }
        if (name.starts_with("duckgres_") && name.ends_with("range_in")) {
            return types::RangeKindFromName(name.substr(9, name.size() - 12));
        }
        if (ReturnsArgumentRange(name) && call.args_size() == 2) {
            auto kind = RangeKindOf(call.args(0), context);
            return kind ? kind : RangeKindOf(call.args(1), context);
        }
        return std::nullopt;
    }
    if (node.has_column_ref()) {
        return types::RangeKindFromName(ExpressionType(node, context));
    }
    return std::nullopt;
}

//! `node` cast to the range type `kind` when it is a string constant (PostgreSQL reads an unknown-typed literal
//! beside a range as that range type); otherwise `node`.
Node AsRangeIfLiteral(const Node &node, RangeKind kind) {
    return IsStringConst(node) ? TypeCastNode(node, {types::RangeTypeName(kind)}) : node;
}

bool IsTextCast(const Node &node) {
    return node.has_type_cast() && LastName(node.type_cast().type_name().names()) == "text";
}

//! numrange(a, b[, flags]): the bounds as text; lower(r) / upper(r) of a range: duckgres_range_lower / _upper.
bool RewriteRangeCall(Node &node, PassContext &context) {
    auto *call = node.mutable_func_call();
    const std::string name = LastName(call->funcname());
    if (name == "numrange" && (call->args_size() == 2 || call->args_size() == 3)) {
        bool changed = false;
        for (int i = 0; i < 2; i++) {
            if (!IsTextCast(call->args(i))) {
                *call->mutable_args(i) = TypeCastNode(call->args(i), {"text"});
                changed = true;
            }
        }
        return changed;
    }
    if ((name == "lower" || name == "upper") && call->args_size() == 1 && call->funcname_size() == 1 &&
        RangeKindOf(call->args(0), context)) {
        node = FuncCallNode({name == "lower" ? "duckgres_range_lower" : "duckgres_range_upper"}, {call->args(0)});
        return true;
    }
    return false;
}

struct OperatorFunction {
    std::string_view op;
    const char *function;
};

constexpr OperatorFunction kOperators[] = {
    {"@>", "duckgres_range_contains"},  {"<@", "duckgres_range_contained"}, {"&&", "duckgres_range_overlaps"},
    {"<<", "duckgres_range_before"},    {">>", "duckgres_range_after"},     {"&<", "duckgres_range_overleft"},
    {"&>", "duckgres_range_overright"}, {"-|-", "duckgres_range_adjacent"}, {"+", "duckgres_range_union"},
    {"*", "duckgres_range_intersect"},  {"-", "duckgres_range_minus"},
};

//! '...'::tstzrange and the other range casts of a string constant: read when the statement is parsed, with the
//! session's DateStyle and TimeZone as PostgreSQL reads a constant, and replaced by the range's ISO text (timestamptz
//! bounds in UTC), which the cast reads alike in every session.
bool ReadRangeConstant(Node &node, PassContext &context) {
    if (!node.has_type_cast() || !IsStringConst(node.type_cast().arg())) {
        return false;
    }
    const auto kind = RangeKindOf(node, context);
    if (!kind || *kind == RangeKind::kInt4 || *kind == RangeKind::kInt8 || *kind == RangeKind::kNumeric) {
        return false;
    }
    const std::string &text = node.type_cast().arg().a_const().sval().sval();
    const std::string normalized =
        types::FormatRange(*kind, types::ParseRange(*kind, text, context.facts.text_options), {});
    if (normalized == text) {
        return false;
    }
    node.mutable_type_cast()->mutable_arg()->mutable_a_const()->mutable_sval()->set_sval(normalized);
    return true;
}

//! A date, timestamp or timestamptz range cast to text: duckgres_text_cast(r, DateStyle, IntervalStyle, TimeZone),
//! which writes the bounds as the session does (the registered cast has no session: ISO, UTC).
bool SessionRangeText(Node &node, PassContext &context) {
    if (!node.has_type_cast() || !context.facts.settings) {
        return false;
    }
    const auto &type = node.type_cast().type_name();
    const std::string name = CanonicalTypeName(LastName(type.names()));
    if (type.array_bounds_size() > 0 || (name != "text" && name != "character varying")) {
        return false;
    }
    const auto kind = RangeKindOf(node.type_cast().arg(), context);
    if (!kind || *kind == RangeKind::kInt4 || *kind == RangeKind::kInt8 || *kind == RangeKind::kNumeric) {
        return false;
    }
    const auto &settings = *context.facts.settings;
    const auto date_style = settings.Get("DateStyle");
    const auto interval_style = settings.Get("IntervalStyle");
    const auto time_zone = settings.Get("TimeZone");
    if (!date_style || !interval_style || !time_zone) {
        return false;
    }
    Node value = node.type_cast().arg();
    node = FuncCallNode({"duckgres_text_cast"},
                        {std::move(value), StringConst(std::string(*date_style)),
                         StringConst(std::string(*interval_style)), StringConst(std::string(*time_zone))});
    return true;
}

//! `x::tstzrange` (daterange, tsrange) of a value that is no constant or parameter:
//! duckgres_tstzrange_in(x, DateStyle, TimeZone), which reads text as the session does (a range passes through).
bool SessionRangeInput(Node &node, PassContext &context) {
    if (!node.has_type_cast() || !context.facts.settings || node.type_cast().arg().has_a_const() ||
        node.type_cast().arg().has_param_ref()) {
        return false;
    }
    const auto kind = RangeKindOf(node, context);
    if (!kind || *kind == RangeKind::kInt4 || *kind == RangeKind::kInt8 || *kind == RangeKind::kNumeric) {
        return false;
    }
    const auto date_style = context.facts.settings->Get("DateStyle");
    const auto time_zone = context.facts.settings->Get("TimeZone");
    if (!date_style || !time_zone) {
        return false;
    }
    Node value = node.type_cast().arg();
    const std::string name = std::string("duckgres_") + types::RangeTypeName(*kind) + "_in";
    node = FuncCallNode({name}, {std::move(value), StringConst(*date_style), StringConst(*time_zone)});
    return true;
}

bool IsDateTimeRange(std::optional<RangeKind> kind) {
    return kind == RangeKind::kDate || kind == RangeKind::kTimestamp || kind == RangeKind::kTimestampTz;
}

//! INSERT ... VALUES of string constants into date, timestamp and timestamptz range columns: each read with the
//! session's DateStyle and TimeZone and replaced by the range's ISO text (the implicit cast has no session).
bool ReadInsertedRangeConstants(Node &node, PassContext &context) {
    if (!node.has_insert_stmt() || !context.facts.tables || !node.insert_stmt().has_select_stmt() ||
        !node.insert_stmt().select_stmt().has_select_stmt()) {
        return false;
    }
    auto *insert = node.mutable_insert_stmt();
    auto *values = insert->mutable_select_stmt()->mutable_select_stmt()->mutable_values_lists();
    // Only statements with a string constant among the values look the table up.
    const bool any_string = std::any_of(values->begin(), values->end(), [](const Node &row) {
        return row.has_list() && std::any_of(row.list().items().begin(), row.list().items().end(),
                                             [](const Node &item) { return IsStringConst(item); });
    });
    if (!any_string) {
        return false;
    }
    const auto &relation = insert->relation();
    std::string schema = relation.schemaname();
    if (schema.empty()) {
        schema = context.facts.tables->SchemaOf(relation.relname()).value_or("");
    }
    const auto columns = context.facts.tables->ColumnTypes(schema, relation.relname());
    std::vector<std::optional<RangeKind>> kinds;
    if (insert->cols_size() == 0) {
        for (const auto &column : columns) {
            kinds.push_back(types::RangeKindFromName(column.type));
        }
    } else {
        for (const auto &target : insert->cols()) {
            const std::string &name = target.res_target().name();
            std::optional<RangeKind> kind;
            for (const auto &column : columns) {
                if (column.column == name) {
                    kind = types::RangeKindFromName(column.type);
                }
            }
            kinds.push_back(kind);
        }
    }
    bool changed = false;
    for (auto &row : *values) {
        if (!row.has_list()) {
            continue;
        }
        auto *items = row.mutable_list()->mutable_items();
        for (int i = 0; i < items->size() && static_cast<size_t>(i) < kinds.size(); i++) {
            Node &item = *items->Mutable(i);
            if (!IsDateTimeRange(kinds[i]) || !IsStringConst(item)) {
                continue;
            }
            const std::string &text = item.a_const().sval().sval();
            const std::string normalized =
                types::FormatRange(*kinds[i], types::ParseRange(*kinds[i], text, context.facts.text_options), {});
            if (normalized != text) {
                item.mutable_a_const()->mutable_sval()->set_sval(normalized);
                changed = true;
            }
        }
    }
    return changed;
}

} // namespace

bool RewriteRanges(Node &node, PassContext &context) {
    if (ReadInsertedRangeConstants(node, context)) {
        return true;
    }
    if (ReadRangeConstant(node, context) || SessionRangeText(node, context) || SessionRangeInput(node, context)) {
        return true;
    }
    if (node.has_func_call()) {
        return RewriteRangeCall(node, context);
    }
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        !node.a_expr().has_lexpr() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    const std::string op = LastName(expr.name());
    const OperatorFunction *match = nullptr;
    for (const auto &entry : kOperators) {
        if (entry.op == op) {
            match = &entry;
        }
    }
    if (!match) {
        return false;
    }
    const auto left = RangeKindOf(expr.lexpr(), context);
    const auto right = RangeKindOf(expr.rexpr(), context);
    if (!left && !right) {
        return false;
    }
    // An element beside a range: @> takes it on the right, <@ on the left; any other string constant is a range.
    const bool element_right = op == "@>" && left && !right && !IsStringConst(expr.rexpr());
    const bool element_left = op == "<@" && right && !left && !IsStringConst(expr.lexpr());
    Node lhs = left || element_left ? expr.lexpr() : AsRangeIfLiteral(expr.lexpr(), *right);
    Node rhs = right || element_right ? expr.rexpr() : AsRangeIfLiteral(expr.rexpr(), *left);
    node = FuncCallNode({match->function}, {lhs, rhs});
    return true;
}

} // namespace duckgres::sql
