// Date/time result types: extract(), date_part(), date_trunc(), date - date and time - time as in PostgreSQL.
#include "sql/datetime_passes.hpp"

#include "catalog/catalog_scripts.hpp"
#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <cctype>

namespace duckgres::sql {

using pg_query::Node;

namespace {

//! `arg::pg_catalog.name(typmods...)`.
Node CastTo(Node arg, std::string_view name, std::initializer_list<int32_t> typmods = {}) {
    Node cast = TypeCastNode(std::move(arg), {"pg_catalog", name});
    for (auto typmod : typmods) {
        *cast.mutable_type_cast()->mutable_type_name()->add_typmods() = IntConst(typmod);
    }
    return cast;
}

//! `value * factor` (factor a decimal constant such as 0.001).
Node Times(Node value, const std::string &factor) {
    Node node;
    auto *times = node.mutable_a_expr();
    times->set_kind(pg_query::AEXPR_OP);
    times->add_name()->mutable_string()->set_sval("*");
    *times->mutable_lexpr() = std::move(value);
    times->mutable_rexpr()->mutable_a_const()->mutable_fval()->set_fval(factor);
    return node;
}

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool OneOf(const std::string &field, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), field) != names.end();
}

//! extract(field FROM x) as PostgreSQL's numeric: the seconds with their fraction, the epoch at the argument's
//! scale, the other fields whole.
Node NumericField(const std::string &field, const Node &value) {
    auto microseconds = [&] { return FuncCallNode({"date_part"}, {StringConst("microsecond"), value}); };
    if (field == "epoch") {
        return FuncCallNode({"duckgres_epoch"}, {value});
    }
    if (OneOf(field, {"second", "seconds", "sec", "secs", "s"})) {
        return CastTo(Times(CastTo(microseconds(), "numeric", {18, 0}), "0.000001"), "numeric", {18, 6});
    }
    if (OneOf(field, {"millisecond", "milliseconds", "msec", "msecs", "ms", "mseconds"})) {
        return CastTo(Times(CastTo(microseconds(), "numeric", {18, 0}), "0.001"), "numeric", {18, 3});
    }
    if (OneOf(field, {"microsecond", "microseconds", "usec", "usecs", "us", "useconds"})) {
        return CastTo(microseconds(), "numeric", {18, 0});
    }
    return CastTo(FuncCallNode({"date_part"}, {StringConst(field), value}), "numeric", {18, 0});
}

//! Whether `node` is written as a value of the type `name` (date 'x', x::date, CAST(x AS date)).
bool WrittenAs(const Node &node, std::string_view name) {
    return node.has_type_cast() && node.type_cast().type_name().names_size() > 0 &&
           LastName(node.type_cast().type_name().names()) == name && node.type_cast().type_name().typmods_size() == 0;
}

//! The unit of the lowest field of an interval qualifier's field mask (PostgreSQL's INTERVAL_MASK bits).
std::string LowestIntervalUnit(int32_t mask) {
    static constexpr std::pair<int, const char *> kUnits[] = {{12, "second"}, {11, "minute"}, {10, "hour"},
                                                              {3, "day"},     {1, "month"},   {2, "year"}};
    for (const auto &[bit, unit] : kUnits) {
        if (mask & (1 << bit)) {
            return unit;
        }
    }
    return "second";
}

//! Whether `text` is a bare, optionally signed, decimal number.
bool IsBareNumber(std::string_view text) {
    size_t start = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    bool digits = false;
    for (size_t i = start; i < text.size(); i++) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) {
            digits = true;
        } else if (text[i] != '.') {
            return false;
        }
    }
    return digits;
}

} // namespace

bool IntervalQualifiers(Node &node, PassContext &context) {
    if (!node.has_type_cast() || node.type_cast().type_name().names_size() == 0 ||
        LastName(node.type_cast().type_name().names()) != "interval") {
        return false;
    }
    auto *type_name = node.mutable_type_cast()->mutable_type_name();
    if (type_name->typmods_size() == 0 || !IsStringConst(node.type_cast().arg()) ||
        !type_name->typmods(0).has_a_const() || !type_name->typmods(0).a_const().has_ival()) {
        return false;
    }
    const int32_t mask = type_name->typmods(0).a_const().ival().ival();
    const std::string text = node.type_cast().arg().a_const().sval().sval();
    // The qualifier stays: typmod_types makes it the type's alias (interval day reports its typmod).
    if (IsBareNumber(text)) {
        // A bare number counts units of the qualifier's lowest field: interval '2' hour is 2 hours.
        *node.mutable_type_cast()->mutable_arg() = StringConst(text + " " + LowestIntervalUnit(mask));
    }
    return true;
}

bool DateTimeFunctionTypes(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().args_size() != 2 || node.func_call().has_over() ||
        node.func_call().agg_star() || node.func_call().agg_distinct()) {
        return false;
    }
    const auto name = LastName(node.func_call().funcname());
    const auto &args = node.func_call().args();
    if (name == "date_trunc") {
        if (WrittenAs(args[1], "date")) {
            // date_trunc(unit, date): of the date as timestamptz, as PostgreSQL does.
            *node.mutable_func_call()->mutable_args(1) = CastTo(args[1], "timestamptz");
            return true;
        }
        node = FuncCallNode({"duckgres_trunc_timestamp"}, {node});
        return true;
    }
    if (name != "extract" && name != "date_part") {
        return false;
    }
    if (!IsStringConst(args[0])) {
        if (name == "date_part") {
            node = CastTo(std::move(node), "float8");
            return true;
        }
        return false;
    }
    Node value = NumericField(Lower(args[0].a_const().sval().sval()), args[1]);
    node = name == "extract" ? std::move(value) : CastTo(std::move(value), "float8");
    return true;
}

bool RewriteOverlaps(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().args_size() != 4 ||
        LastName(node.func_call().funcname()) != "overlaps") {
        return false;
    }
    const auto &args = node.func_call().args();
    // (start, interval): the period ends at start + interval.
    auto end_of = [&](int start, int end) {
        if (!WrittenAs(args[end], "interval")) {
            return args[end];
        }
        Node plus;
        auto *expr = plus.mutable_a_expr();
        expr->set_kind(pg_query::AEXPR_OP);
        expr->add_name()->mutable_string()->set_sval("+");
        *expr->mutable_lexpr() = args[start];
        *expr->mutable_rexpr() = args[end];
        return plus;
    };
    node = FuncCallNode({catalog::kCatalogDatabase, "main", "duckgres_overlaps"},
                        {args[0], end_of(0, 1), args[2], end_of(2, 3)});
    return true;
}

bool DateTimeSubtraction(Node &node, PassContext &context) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        LastName(node.a_expr().name()) != "-" || !node.a_expr().has_lexpr() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &left = node.a_expr().lexpr();
    const auto &right = node.a_expr().rexpr();
    const bool date_column = !left.has_a_const() && !right.has_a_const() &&
                             (ExpressionType(left, context) == "date" || ExpressionType(right, context) == "date");
    if (WrittenAs(left, "date") || WrittenAs(right, "date") || date_column) {
        node = FuncCallNode({"duckgres_date_difference"}, {node});
        return true;
    }
    const bool left_other = WrittenAs(left, "timestamp") || WrittenAs(left, "timestamptz") ||
                            WrittenAs(left, "interval") || left.has_a_const();
    if (WrittenAs(left, "time") || (WrittenAs(right, "time") && !left_other)) {
        node = FuncCallNode({"duckgres_time_minus"}, {left, right});
        return true;
    }
    return false;
}

} // namespace duckgres::sql
