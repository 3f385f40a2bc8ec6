// Rewrite passes giving numeric expressions and aggregates PostgreSQL's result types.
#include "sql/numeric_passes.hpp"

#include "common/decimal_arithmetic.hpp"
#include "sql/column_types.hpp"
#include "sql/literal_passes.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! Functions whose result type depends on their arguments' in PostgreSQL but not alike in DuckDB: the call is
//! wrapped in a catalog macro given the call and its arguments (type witnesses; used only to compute anew).
struct WitnessedFunction {
    std::string_view name;
    int arity;
    const char *macro;
};

constexpr WitnessedFunction kWitnessed[] = {
    {"sum", 1, "duckgres_sum_result"}, {"round", 1, "duckgres_round_result"}, {"sign", 1, "duckgres_sign_result"},
    {"gcd", 2, "duckgres_gcd_result"}, {"lcm", 2, "duckgres_gcd_result"},
};

//! Functions with a numeric overload in PostgreSQL that DuckDB computes as DOUBLE only: the call is wrapped in the
//! catalog macro duckgres_numeric_result (or `macro`) given the call, the registered numeric function's call and
//! the arguments (type witnesses).
struct NumericOverload {
    std::string_view name;
    int arity;
    const char *numeric;
    const char *macro = "duckgres_numeric_result";
};

constexpr NumericOverload kNumericOverloads[] = {
    {"sqrt", 1, "duckgres_numeric_sqrt"},
    {"exp", 1, "duckgres_numeric_exp"},
    {"ln", 1, "duckgres_numeric_ln"},
    {"log", 1, "duckgres_numeric_log10"},
    {"log10", 1, "duckgres_numeric_log10"},
    {"power", 2, "duckgres_numeric_power", "duckgres_power_result"},
    {"pow", 2, "duckgres_numeric_power", "duckgres_power_result"},
};

//! The unqualified or pg_catalog-qualified name of a call with plain arguments; empty otherwise.
std::string PlainFunctionName(const pg_query::FuncCall &call) {
    const auto &names = call.funcname();
    if (call.agg_star() || call.agg_within_group() || call.func_variadic() || names.empty() || names.size() > 2) {
        return {};
    }
    if (names.size() == 2 && (!names[0].has_string() || names[0].string().sval() != "pg_catalog")) {
        return {};
    }
    return LastName(names);
}

//! The variances and standard deviations, whose result has their argument's type (numeric of integers).
constexpr std::string_view kVariances[] = {"stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop"};

bool IsVariance(std::string_view name) {
    return std::find(std::begin(kVariances), std::end(kVariances), name) != std::end(kVariances);
}

//! Whether `call` itself is an aggregate or window call (the result macros around aggregates included).
bool IsAggregateCall(const pg_query::FuncCall &call) {
    static constexpr std::string_view kAggregates[] = {"count",
                                                       "sum",
                                                       "avg",
                                                       "min",
                                                       "max",
                                                       "string_agg",
                                                       "array_agg",
                                                       "bool_and",
                                                       "bool_or",
                                                       "every",
                                                       "bit_and",
                                                       "bit_or",
                                                       "json_agg",
                                                       "jsonb_agg",
                                                       "regr_count",
                                                       "corr",
                                                       "covar_pop",
                                                       "covar_samp",
                                                       "regr_slope",
                                                       "mode",
                                                       "duckgres_sum_interval",
                                                       "duckgres_sum_result",
                                                       "duckgres_avg_result",
                                                       "duckgres_var_samp_result",
                                                       "duckgres_var_pop_result",
                                                       "duckgres_stddev_samp_result",
                                                       "duckgres_stddev_pop_result",
                                                       "regr_intercept",
                                                       "regr_r2",
                                                       "regr_sxx",
                                                       "regr_syy",
                                                       "regr_sxy",
                                                       "regr_avgx",
                                                       "regr_avgy"};
    const auto name = LastName(call.funcname());
    return call.agg_star() || call.agg_distinct() || call.has_agg_filter() || call.has_over() ||
           name.starts_with("duckgres_float8_") ||
           std::find(std::begin(kAggregates), std::end(kAggregates), name) != std::end(kAggregates);
}

//! Whether `arg` calls an aggregate or window function: as a witness it would not bind outside the aggregate.
bool CallsAggregate(const Node &arg) {
    bool found = false;
    Node copy = arg;
    WalkNodes(copy, [&](Node &node) { found |= node.has_func_call() && IsAggregateCall(node.func_call()); });
    return found;
}

//! The stand-in for one aggregate or window call in a type witness: an expression without aggregates whose type is
//! the call's (its argument for sum/avg/min/max, which the result macros around them type as the call; bigint for
//! counts and ranks); null when the call has none.
std::optional<Node> AggregateStandIn(const pg_query::FuncCall &call) {
    static constexpr std::string_view kKeepArgumentType[] = {
        "sum", "duckgres_sum_interval", "avg", "min", "max", "any_value", "first_value", "last_value", "lag", "lead"};
    static constexpr std::string_view kBigint[] = {"count", "regr_count", "row_number", "rank", "dense_rank", "ntile"};
    const auto name = LastName(call.funcname());
    if (std::find(std::begin(kBigint), std::end(kBigint), name) != std::end(kBigint)) {
        return TypeCastNode(IntConst(1), {"pg_catalog", "int8"}); // not NULL: DuckDB folds it to an untyped NULL
    }
    const bool keeps_type =
        std::find(std::begin(kKeepArgumentType), std::end(kKeepArgumentType), name) != std::end(kKeepArgumentType) ||
        IsVariance(name) || (name.starts_with("duckgres_float8_") && call.args_size() == 1);
    if (keeps_type && call.args_size() >= 1) {
        return call.args(0);
    }
    return std::nullopt;
}

//! A type witness for `node` that DuckDB can bind as a macro argument: `node` itself, or with its aggregate and
//! window calls replaced by stand-ins of their types (sum(a) / sum(b) could not pick an overload otherwise);
//! null when some call has no stand-in.
std::optional<Node> TypeWitness(const Node &node) {
    Node witness = node;
    bool complete = true;
    WalkNodes(
        witness,
        [&](Node &call) {
            // Result macros around aggregates stay: they type the stand-ins as they typed the aggregates.
            if (!call.has_func_call() || !IsAggregateCall(call.func_call()) ||
                LastName(call.func_call().funcname()).ends_with("_result")) {
                return;
            }
            auto stand_in = AggregateStandIn(call.func_call());
            complete &= stand_in.has_value();
            if (stand_in) {
                call = std::move(*stand_in);
            }
        },
        [](const Node &inner) { return !inner.has_sub_link(); }); // a subquery's aggregates are bound in it
    return complete ? std::optional<Node>(std::move(witness)) : std::nullopt;
}

//! `call` as a call of `name`, keeping its arguments and modifiers (DISTINCT, FILTER, OVER, ORDER BY).
Node Renamed(const Node &call, const char *name) {
    Node renamed = call;
    auto *names = renamed.mutable_func_call()->mutable_funcname();
    names->Clear();
    names->Add()->mutable_string()->set_sval(name);
    return renamed;
}

//! Variances and standard deviations: the catalog macro computing them as numeric for integer arguments and by
//! PostgreSQL's float8 recurrence (`float_function`) for float arguments.
struct StatisticFunction {
    std::string_view name;
    const char *macro;
    const char *float_function;
};

constexpr StatisticFunction kStatistics[] = {
    {"variance", "duckgres_var_samp_result", "duckgres_float8_var_samp"},
    {"var_samp", "duckgres_var_samp_result", "duckgres_float8_var_samp"},
    {"var_pop", "duckgres_var_pop_result", "duckgres_float8_var_pop"},
    {"stddev", "duckgres_stddev_samp_result", "duckgres_float8_stddev_samp"},
    {"stddev_samp", "duckgres_stddev_samp_result", "duckgres_float8_stddev_samp"},
    {"stddev_pop", "duckgres_stddev_pop_result", "duckgres_float8_stddev_pop"},
};

//! The two-argument statistics, float8 only in PostgreSQL: its recurrence for any arguments.
constexpr std::string_view kPairStatistics[] = {"covar_samp",     "covar_pop", "corr",     "regr_slope",
                                                "regr_intercept", "regr_r2",   "regr_sxx", "regr_syy",
                                                "regr_sxy",       "regr_avgx", "regr_avgy"};

//! PostgreSQL's window frame option bits (WindowDef.frameOptions).
constexpr int kFrameRange = 0x2;
constexpr int kFrameStartUnboundedPreceding = 0x20;
constexpr int kFrameEndUnboundedFollowing = 0x100;
constexpr int kFrameStartCurrentRow = 0x200;
constexpr int kFrameEndCurrentRow = 0x400;
constexpr int kFrameExclusions = 0x8000 | 0x10000 | 0x20000;

//! Whether DuckDB 1.4 computes `window` once per partition (its WindowConstantAggregator): no exclusion, and both
//! ends unbounded or, with no ORDER BY, a RANGE CURRENT ROW (which then spans the partition).
bool SpansWholePartition(const pg_query::WindowDef &window) {
    const int options = window.frame_options();
    const bool peers_span = (options & kFrameRange) != 0 && window.order_clause_size() == 0;
    const bool start =
        (options & kFrameStartUnboundedPreceding) != 0 || ((options & kFrameStartCurrentRow) != 0 && peers_span);
    const bool end =
        (options & kFrameEndUnboundedFollowing) != 0 || ((options & kFrameEndCurrentRow) != 0 && peers_span);
    return (options & kFrameExclusions) == 0 && start && end;
}

//! `call` as a call of the registered (C API) aggregate `name`, or of its `_single_state` variant where DuckDB 1.4
//! passes one state for all the rows of an update: its sorted-aggregate wrapper (an ORDER BY inside the call, DISTINCT
//! or not) and its whole-partition window aggregator. Its other window aggregators (segment tree, naive, DISTINCT)
//! pass a state per row. A named window is not known from the call alone: DuckDB's own aggregate serves it.
Node RegisteredAggregateCall(const Node &call, const std::string &name) {
    const auto &function = call.func_call();
    bool single_state = function.agg_order_size() > 0;
    if (function.has_over()) {
        const auto &window = function.over();
        if (!window.name().empty() || !window.refname().empty()) {
            return call;
        }
        single_state = !function.agg_distinct() && SpansWholePartition(window);
    }
    return Renamed(call, (single_state ? name + "_single_state" : name).c_str());
}

//! `call` of `name` over `argument` instead of its own (keeping DISTINCT, FILTER, OVER).
Node RenamedOver(const Node &call, const char *name, Node argument) {
    Node renamed = Renamed(call, name);
    *renamed.mutable_func_call()->mutable_args(0) = std::move(argument);
    return renamed;
}

//! `x::hugeint * x`: the square of an integer argument without overflow.
Node ExactSquare(const Node &value) {
    Node square;
    auto *product = square.mutable_a_expr();
    product->set_kind(pg_query::AEXPR_OP);
    product->add_name()->mutable_string()->set_sval("*");
    *product->mutable_lexpr() = TypeCastNode(value, {"hugeint"});
    *product->mutable_rexpr() = value;
    return square;
}

//! A float constant ('0.5'::float8, as TypeNumericConstants leaves 0.5::float8) as PostgreSQL's cast to numeric
//! reads it: the float printed with 15 significant digits (6 for real); nullopt for anything else, NaN, infinities.
std::optional<NumericLiteral> FloatConstantAsNumeric(const Node &node) {
    if (!node.has_type_cast() || !IsStringConst(node.type_cast().arg())) {
        return std::nullopt;
    }
    const auto &type = node.type_cast().type_name();
    const auto name = LastName(type.names());
    if ((name != "float8" && name != "float4") || type.typmods_size() > 0 || type.array_bounds_size() > 0) {
        return std::nullopt;
    }
    const auto &text = node.type_cast().arg().a_const().sval().sval();
    char *end = nullptr;
    const double value = name == "float8" ? std::strtod(text.c_str(), &end) : std::strtof(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) {
        return std::nullopt;
    }
    std::array<char, 64> printed{};
    std::snprintf(printed.data(), printed.size(), "%.*g", name == "float8" ? 15 : 6, value);
    return ReadNumericLiteral(printed.data());
}

//! Whether `operand` holds a parameter not cast to a type ($1, not $1::int4): DuckDB types it only from its use.
bool HasUntypedParameter(const Node &operand) {
    int parameters = 0;
    int cast_parameters = 0;
    Node copy = operand;
    WalkNodes(copy, [&](Node &node) {
        parameters += node.has_param_ref() ? 1 : 0;
        cast_parameters += node.has_type_cast() && node.type_cast().arg().has_param_ref() ? 1 : 0;
    });
    return parameters > cast_parameters;
}

//! A constant operand of an arithmetic operator, as PostgreSQL's numeric sees it.
struct ConstantOperand {
    ScaledDecimal value;
    bool numeric = false; //!< a numeric constant (1.5, 7::numeric), not an integer (7)
};

//! The value of an integer constant, a numeric literal (1.5) or a numeric constant TypeNumericConstants typed
//! ('1.50'::numeric(3,2)); nullopt for anything else.
//! An integer constant: 7, or 9223372036854775807 (a float node to the grammar, bigint to PostgreSQL).
bool IsIntegerConstant(const Node &node) {
    if (!node.has_a_const()) {
        return false;
    }
    if (node.a_const().has_ival()) {
        return true;
    }
    if (!node.a_const().has_fval()) {
        return false;
    }
    const auto &text = node.a_const().fval().fval();
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

std::optional<ConstantOperand> ReadConstantOperand(const Node &node) {
    if (node.has_a_const() && node.a_const().has_ival()) {
        return ConstantOperand{{node.a_const().ival().ival(), 0}, false};
    }
    if (IsIntegerConstant(node)) {
        return std::nullopt; // a bigint constant: integer division, DuckDB's
    }
    std::optional<std::string> text;
    if (node.has_a_const() && node.a_const().has_fval()) {
        text = node.a_const().fval().fval();
    } else {
        text = OwnShapeNumericText(node);
    }
    const auto literal = text ? ReadNumericLiteral(*text) : std::nullopt;
    if (!literal) {
        return std::nullopt;
    }
    ConstantOperand operand{{0, literal->scale}, true};
    for (char c : literal->text) {
        if (c >= '0' && c <= '9') {
            operand.value.unscaled = operand.value.unscaled * 10 + (c - '0');
        }
    }
    if (literal->text.front() == '-') {
        operand.value.unscaled = -operand.value.unscaled;
    }
    return operand;
}

//! The binary operator expression `node` when its operator is `op`; null otherwise.
const pg_query::A_Expr *BinaryOperator(const Node &node, std::string_view op) {
    if (!node.has_a_expr()) {
        return nullptr;
    }
    const auto &expr = node.a_expr();
    if (expr.kind() != pg_query::AEXPR_OP || expr.name_size() != 1 || !expr.name(0).has_string() ||
        expr.name(0).string().sval() != op || !expr.has_lexpr() || !expr.has_rexpr()) {
        return nullptr;
    }
    return &expr;
}

} // namespace

bool FoldNumericQuotients(Node &node, PassContext &context) {
    const auto *expr = BinaryOperator(node, "/");
    if (!expr) {
        return false;
    }
    const auto dividend = ReadConstantOperand(expr->lexpr());
    const auto divisor = ReadConstantOperand(expr->rexpr());
    if (!dividend || !divisor || !(dividend->numeric || divisor->numeric) || divisor->value.unscaled == 0) {
        return false;
    }
    const int scale = DivisionScale(dividend->value, divisor->value);
    const auto quotient = DivideDecimal(dividend->value, divisor->value, scale);
    const auto literal = quotient ? ReadNumericLiteral(DecimalText({*quotient, scale})) : std::nullopt;
    if (!literal) {
        return false; // beyond 38 digits: left to duckgres_divide
    }
    node = TypedNumeric(*literal);
    return true;
}

bool FoldTrimScale(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().args_size() != 1 ||
        PlainFunctionName(node.func_call()) != "trim_scale") {
        return false;
    }
    const auto operand = ReadConstantOperand(node.func_call().args(0));
    if (!operand) {
        return false;
    }
    ScaledDecimal trimmed = operand->value;
    while (trimmed.scale > 0 && trimmed.unscaled % 10 == 0) {
        trimmed.unscaled /= 10;
        trimmed.scale--;
    }
    const auto literal = ReadNumericLiteral(DecimalText(trimmed));
    if (!literal) {
        return false;
    }
    node = TypedNumeric(*literal);
    return true;
}

bool NumericQuotients(Node &node, PassContext &context) {
    const auto *expr = BinaryOperator(node, "/");
    if (!expr || context.statement_table) {
        return false;
    }
    if (IsIntegerConstant(expr->lexpr()) && IsIntegerConstant(expr->rexpr())) {
        return false; // 7 / 2: integer division, DuckDB's
    }
    if (HasUntypedParameter(expr->lexpr()) || HasUntypedParameter(expr->rexpr())) {
        return false; // DuckDB cannot type these as macro arguments: every overload would tie
    }
    auto left = TypeWitness(expr->lexpr());
    auto right = TypeWitness(expr->rexpr());
    if (!left || !right) {
        return false;
    }
    node = FuncCallNode({"duckgres_catalog", "main", "duckgres_divide"},
                        {expr->lexpr(), expr->rexpr(), std::move(*left), std::move(*right)});
    return true;
}

bool NumericCasts(Node &node, PassContext &context) {
    if (!node.has_type_cast() || !IsUnconstrainedNumeric(node.type_cast().type_name()) || context.statement_table) {
        return false;
    }
    const auto &arg = node.type_cast().arg();
    if (arg.has_a_const() || arg.has_param_ref()) {
        return false; // constants are TypeNumericConstants', parameters the session's
    }
    if (auto literal = FloatConstantAsNumeric(arg)) {
        node = TypedNumeric(*literal);
        return true;
    }
    if (HasUntypedParameter(arg)) {
        return false; // DuckDB cannot type these as macro arguments: every overload would tie
    }
    auto witness = TypeWitness(arg);
    if (!witness) {
        return false;
    }
    node = FuncCallNode({"duckgres_catalog", "main", "duckgres_to_numeric"}, {arg, std::move(*witness)});
    return true;
}

bool AggregateResultTypes(Node &node, PassContext &context) {
    if (node.has_grouping_func()) {
        node = TypeCastNode(std::move(node), {"pg_catalog", "int4"});
        return true;
    }
    if (!node.has_func_call()) {
        return false;
    }
    const auto name = PlainFunctionName(node.func_call());
    for (const auto &arg : node.func_call().args()) {
        if (CallsAggregate(arg)) {
            return false; // sum(count(*)): DuckDB's result types are PostgreSQL's there (bigint in, numeric out)
        }
    }
    const int arity = node.func_call().args_size();
    if (name == "sum" && arity == 1 && ExpressionType(node.func_call().args(0), context) == "interval") {
        node = Renamed(node, "duckgres_sum_interval"); // DuckDB has no sum(interval)
        return true;
    }
    if (name == "log" && arity == 2) {
        node = Renamed(node, "duckgres_numeric_log"); // numeric only in PostgreSQL
        return true;
    }
    for (const auto &function : kNumericOverloads) {
        if (function.name == name && function.arity == arity) {
            Node wrapped =
                FuncCallNode({"duckgres_catalog", "main", function.macro}, {node, Renamed(node, function.numeric)});
            for (const auto &arg : node.func_call().args()) {
                *wrapped.mutable_func_call()->add_args() = arg;
            }
            node = std::move(wrapped);
            return true;
        }
    }
    for (const auto &function : kWitnessed) {
        if (function.name == name && function.arity == arity) {
            Node wrapped = FuncCallNode({"duckgres_catalog", "main", function.macro}, {node});
            for (const auto &arg : node.func_call().args()) {
                *wrapped.mutable_func_call()->add_args() = arg;
            }
            node = std::move(wrapped);
            return true;
        }
    }
    if (name == "avg" && arity == 1) {
        Node witness = node.func_call().args(0);
        node = FuncCallNode({"duckgres_catalog", "main", "duckgres_avg_result"},
                            {node, Renamed(node, "sum"), Renamed(node, "count"), witness});
        return true;
    }
    for (const auto &statistic : kStatistics) {
        if (statistic.name == name && arity == 1) {
            const Node &value = node.func_call().args(0);
            node = FuncCallNode({"duckgres_catalog", "main", statistic.macro},
                                {node, RegisteredAggregateCall(node, statistic.float_function), Renamed(node, "sum"),
                                 RenamedOver(node, "sum", ExactSquare(value)), Renamed(node, "count"), value});
            return true;
        }
    }
    if (arity == 2 &&
        std::find(std::begin(kPairStatistics), std::end(kPairStatistics), name) != std::end(kPairStatistics)) {
        Node renamed = RegisteredAggregateCall(node, "duckgres_float8_" + name);
        if (LastName(renamed.func_call().funcname()) == name) {
            return false; // DuckDB's own aggregate
        }
        node = std::move(renamed);
        return true;
    }
    if (name == "regr_count" && arity == 2) {
        node = TypeCastNode(std::move(node), {"pg_catalog", "int8"});
        return true;
    }
    return false;
}

bool IntegerMinimumConstant(Node &node, PassContext &context) {
    if (!node.has_a_const() || !node.a_const().has_fval() || node.a_const().fval().fval() != "-2147483648") {
        return false;
    }
    node = TypeCastNode(std::move(node), {"pg_catalog", "int4"});
    return true;
}

} // namespace duckgres::sql
