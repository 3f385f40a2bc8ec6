// Constants read as PostgreSQL reads them: numerics typed with their own scale, bytea text through its input.
#include "sql/literal_passes.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "sql/column_types.hpp"
#include "sql/node_builders.hpp"
#include "sql/table_locator.hpp"
#include "types/datetime_input.hpp"

#include <pg_query.pb.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace duckgres::sql {

namespace {

using pg_query::Node;

constexpr int kMaxDecimalWidth = 38;

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

bool IsNumericWithModifiers(const Node &node) {
    if (!node.has_type_cast()) {
        return false;
    }
    const auto &type = node.type_cast().type_name();
    const auto name = LastName(type.names());
    return (name == "numeric" || name == "decimal") && type.typmods_size() > 0 && type.array_bounds_size() == 0;
}

bool IsFloatType(const pg_query::TypeName &type) {
    const auto name = LastName(type.names());
    return (name == "float8" || name == "float4") && type.typmods_size() == 0 && type.array_bounds_size() == 0;
}

//! The text of a numeric-looking constant (an integer, a float or a string), if `node` is one.
std::optional<std::string> ConstantText(const Node &node) {
    if (!node.has_a_const() || node.a_const().isnull()) {
        return std::nullopt;
    }
    const auto &constant = node.a_const();
    if (constant.has_ival()) {
        return std::to_string(constant.ival().ival());
    }
    if (constant.has_fval()) {
        return constant.fval().fval();
    }
    if (constant.has_sval()) {
        return constant.sval().sval();
    }
    return std::nullopt;
}

//! The text of a float literal (1.5, or 1e3 that this pass typed numeric('1000'::numeric(4,0)) beneath a cast, read
//! exactly from its text rather than through a DECIMAL.
std::optional<std::string> FloatLiteralText(const Node &arg) {
    if (arg.has_a_const() && arg.a_const().has_fval()) {
        return arg.a_const().fval().fval();
    }
    return OwnShapeNumericText(arg);
}

bool HasExponent(const std::string &text) {
    return text.find_first_of("eE") != std::string::npos;
}

} // namespace

bool IsUnconstrainedNumeric(const pg_query::TypeName &type) {
    const auto name = LastName(type.names());
    return (name == "numeric" || name == "decimal") && type.typmods_size() == 0 && type.array_bounds_size() == 0;
}

std::optional<std::string> OwnShapeNumericText(const Node &node) {
    if (!IsNumericWithModifiers(node) || !IsStringConst(node.type_cast().arg())) {
        return std::nullopt;
    }
    // Only a literal whose modifiers are its own shape: another typmod would round it first.
    const auto &text = node.type_cast().arg().a_const().sval().sval();
    const auto literal = ReadNumericLiteral(text);
    const auto &typmods = node.type_cast().type_name().typmods();
    if (!literal || typmods.size() != 2 || typmods[0].a_const().ival().ival() != literal->precision ||
        typmods[1].a_const().ival().ival() != literal->scale) {
        return std::nullopt;
    }
    return text;
}

Node TypedNumeric(const NumericLiteral &literal) {
    Node cast = TypeCastNode(StringConst(literal.text), {"numeric"});
    auto *type = cast.mutable_type_cast()->mutable_type_name();
    *type->add_typmods() = IntConst(literal.precision);
    *type->add_typmods() = IntConst(literal.scale);
    return cast;
}

std::optional<NumericLiteral> ReadNumericLiteral(std::string_view text) {
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && IsSpace(text[begin])) {
        begin++;
    }
    while (end > begin && IsSpace(text[end - 1])) {
        end--;
    }
    std::string_view s = text.substr(begin, end - begin);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        i++;
    }
    std::string digits; // every digit of the mantissa, in order
    int64_t fraction_digits = 0;
    bool point = false;
    for (; i < s.size(); i++) {
        if (IsDigit(s[i])) {
            digits += s[i];
            fraction_digits += point ? 1 : 0;
        } else if (s[i] == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (digits.empty()) {
        return std::nullopt;
    }
    int64_t exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool exponent_negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            exponent_negative = s[i] == '-';
            i++;
        }
        if (i == s.size()) {
            return std::nullopt;
        }
        for (; i < s.size() && IsDigit(s[i]); i++) {
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > 1000) {
                return std::nullopt;
            }
        }
        exponent = exponent_negative ? -exponent : exponent;
    }
    if (i != s.size()) {
        return std::nullopt;
    }
    // value = digits * 10^(exponent - fraction_digits); shown with max(0, fraction_digits - exponent) decimals.
    const int64_t shift = exponent - fraction_digits;
    const int64_t scale = shift < 0 ? -shift : 0;
    if (shift > 0) {
        digits.append(static_cast<size_t>(shift), '0');
    }
    // digits now holds value * 10^scale; split off the integer part, without leading zeros.
    if (static_cast<int64_t>(digits.size()) <= scale) {
        digits.insert(0, static_cast<size_t>(scale - static_cast<int64_t>(digits.size()) + 1), '0');
    }
    std::string integer = digits.substr(0, digits.size() - static_cast<size_t>(scale));
    const std::string fraction = digits.substr(digits.size() - static_cast<size_t>(scale));
    const auto first = integer.find_first_not_of('0');
    integer = first == std::string::npos ? "0" : integer.substr(first);
    const int64_t integer_digits = integer == "0" ? 0 : static_cast<int64_t>(integer.size());
    const int64_t precision = std::max<int64_t>(1, integer_digits + scale);
    if (precision > kMaxDecimalWidth) {
        return std::nullopt;
    }
    NumericLiteral literal;
    const bool zero = integer == "0" && fraction.find_first_not_of('0') == std::string::npos;
    literal.text = (negative && !zero ? "-" : "") + integer + (scale > 0 ? "." + fraction : "");
    literal.precision = static_cast<int>(precision);
    literal.scale = static_cast<int>(scale);
    return literal;
}

bool TypeNumericConstants(Node &node, PassContext &context) {
    if (node.has_a_const() && node.a_const().has_fval() && HasExponent(node.a_const().fval().fval())) {
        if (auto literal = ReadNumericLiteral(node.a_const().fval().fval())) {
            node = TypedNumeric(*literal);
            return true;
        }
        return false;
    }
    if (!node.has_type_cast()) {
        return false;
    }
    auto *cast = node.mutable_type_cast();
    const auto &type = cast->type_name();
    if (IsFloatType(type)) {
        auto text = FloatLiteralText(cast->arg());
        if (!text) {
            return false;
        }
        *cast->mutable_arg() = StringConst(*text);
        return true;
    }
    if (!IsUnconstrainedNumeric(type)) {
        return false;
    }
    // A constant already typed by this pass (1e3::numeric), or a parameter the session typed from its value.
    if (IsNumericWithModifiers(cast->arg())) {
        Node typed = cast->arg();
        node = std::move(typed);
        return true;
    }
    auto text = ConstantText(cast->arg());
    if (!text) {
        return false;
    }
    auto literal = ReadNumericLiteral(*text);
    if (!literal) {
        return false;
    }
    node = TypedNumeric(*literal);
    return true;
}

bool ReadByteaConstants(Node &node, PassContext &context) {
    if (!node.has_type_cast() || !IsStringConst(node.type_cast().arg())) {
        return false;
    }
    const auto &type = node.type_cast().type_name();
    if (LastName(type.names()) != "bytea" || type.array_bounds_size() > 0) {
        return false;
    }
    Node text = TypeCastNode(node.type_cast().arg(), {"varchar"});
    *node.mutable_type_cast()->mutable_arg() = std::move(text);
    return true;
}

bool ReadDateTimeConstants(Node &node, PassContext &context) {
    using types::DateTimeType;
    constexpr std::pair<const char *, DateTimeType> kTypes[] = {{"date", DateTimeType::kDate},
                                                                {"time", DateTimeType::kTime},
                                                                {"timetz", DateTimeType::kTimeTz},
                                                                {"timestamp", DateTimeType::kTimestamp},
                                                                {"timestamptz", DateTimeType::kTimestampTz}};
    if (!node.has_type_cast() || !IsStringConst(node.type_cast().arg()) ||
        node.type_cast().type_name().array_bounds_size() > 0) {
        return false;
    }
    const std::string name = LastName(node.type_cast().type_name().names());
    const auto *type =
        std::find_if(std::begin(kTypes), std::end(kTypes), [&name](const auto &entry) { return name == entry.first; });
    const std::string &text = node.type_cast().arg().a_const().sval().sval();
    const size_t first = text.find_first_not_of(" \t\n\r\f\v");
    const size_t last = text.find_last_not_of(" \t\n\r\f\v");
    if (type == std::end(kTypes) ||
        (first != std::string::npos && AsciiLower(std::string_view(text).substr(first, last + 1 - first)) == "now")) {
        return false;
    }
    const bool zoned = type->second == DateTimeType::kTimeTz || type->second == DateTimeType::kTimestampTz;
    std::string normalized;
    try {
        normalized = types::NormalizeDateTimeText(type->second, text, context.facts.text_options);
    } catch (const SqlError &) {
        if (zoned) {
            return false;
        }
        throw;
    }
    if (normalized == text || (zoned && normalized.ends_with(" BC"))) {
        return false;
    }
    node.mutable_type_cast()->mutable_arg()->mutable_a_const()->mutable_sval()->set_sval(normalized);
    return true;
}

namespace {

//! The date/time type of a column, by its canonical type name; nullopt for other types.
std::optional<types::DateTimeType> DateTimeColumnType(const std::string &type) {
    constexpr std::pair<std::string_view, types::DateTimeType> kColumnTypes[] = {
        {"date", types::DateTimeType::kDate},
        {"timestamp without time zone", types::DateTimeType::kTimestamp},
        {"timestamp with time zone", types::DateTimeType::kTimestampTz},
        {"time without time zone", types::DateTimeType::kTime},
        {"time with time zone", types::DateTimeType::kTimeTz}};
    for (const auto &[name, kind] : kColumnTypes) {
        if (type == name) {
            return kind;
        }
    }
    return std::nullopt;
}

//! A bare string constant that meets a date/time column, read with the session's DateStyle order into its ISO text.
bool ReadForColumn(Node &value, const ColumnType *column, PassContext &context) {
    if (!column || !IsStringConst(value)) {
        return false;
    }
    const auto type = DateTimeColumnType(column->type);
    if (!type) {
        return false;
    }
    const std::string &text = value.a_const().sval().sval();
    const bool zoned = *type == types::DateTimeType::kTimeTz || *type == types::DateTimeType::kTimestampTz;
    std::string normalized;
    try {
        normalized = types::NormalizeDateTimeText(*type, text, context.facts.text_options);
    } catch (const SqlError &) {
        if (zoned) {
            return false; // left to the cast, as ReadDateTimeConstants does
        }
        throw;
    }
    if (normalized == text || (zoned && normalized.ends_with(" BC")) ||
        AsciiLower(std::string(TrimAsciiSpace(text))) == "now") {
        return false;
    }
    value.mutable_a_const()->mutable_sval()->set_sval(normalized);
    return true;
}

const ColumnType *ColumnNamed(const std::vector<ColumnType> &columns, const std::string &name) {
    auto found =
        std::find_if(columns.begin(), columns.end(), [&](const ColumnType &column) { return column.column == name; });
    return found == columns.end() ? nullptr : &*found;
}

} // namespace

bool ReadDateTimeColumnConstants(Node &node, PassContext &context) {
    // DuckDB's casts read what only the field order makes ambiguous as MDY does: other orders need the rewrite.
    if (context.facts.text_options.date_style.order == types::DateOrder::kMdy) {
        return false;
    }
    bool changed = false;
    if (node.has_a_expr() && node.a_expr().kind() == pg_query::AEXPR_OP && node.a_expr().has_lexpr() &&
        node.a_expr().has_rexpr()) {
        auto &expr = *node.mutable_a_expr();
        changed |= ReadForColumn(*expr.mutable_rexpr(), ReferencedColumn(expr.lexpr(), context), context);
        changed |= ReadForColumn(*expr.mutable_lexpr(), ReferencedColumn(expr.rexpr(), context), context);
        return changed;
    }
    if (!context.facts.tables) {
        return false;
    }
    if (node.has_insert_stmt() && node.insert_stmt().has_select_stmt() &&
        node.insert_stmt().select_stmt().has_select_stmt()) {
        auto &insert = *node.mutable_insert_stmt();
        auto &values = *insert.mutable_select_stmt()->mutable_select_stmt()->mutable_values_lists();
        const bool has_string = std::any_of(values.begin(), values.end(), [](const Node &row) {
            return std::any_of(row.list().items().begin(), row.list().items().end(), IsStringConst);
        });
        if (!has_string) {
            return false; // no catalog lookup
        }
        const auto columns =
            context.facts.tables->ColumnTypes(insert.relation().schemaname(), insert.relation().relname());
        std::vector<const ColumnType *> targets;
        for (const auto &col : insert.cols()) {
            targets.push_back(ColumnNamed(columns, col.res_target().name()));
        }
        if (insert.cols_size() == 0) {
            for (const auto &column : columns) {
                targets.push_back(&column);
            }
        }
        for (auto &row : values) {
            auto &items = *row.mutable_list()->mutable_items();
            for (int i = 0; i < items.size() && i < static_cast<int>(targets.size()); i++) {
                changed |= ReadForColumn(items[i], targets[i], context);
            }
        }
        return changed;
    }
    if (node.has_update_stmt()) {
        auto &update = *node.mutable_update_stmt();
        const bool has_string =
            std::any_of(update.target_list().begin(), update.target_list().end(),
                        [](const Node &target) { return IsStringConst(target.res_target().val()); });
        if (!has_string) {
            return false;
        }
        const auto columns =
            context.facts.tables->ColumnTypes(update.relation().schemaname(), update.relation().relname());
        for (auto &target : *update.mutable_target_list()) {
            changed |= ReadForColumn(*target.mutable_res_target()->mutable_val(),
                                     ColumnNamed(columns, target.res_target().name()), context);
        }
    }
    return changed;
}

std::set<int32_t> ValueScaledParameters(const Node &statement) {
    std::set<int32_t> numbers;
    Node copy = statement;
    WalkNodes(copy, [&](Node &node) {
        if (node.has_type_cast() && node.type_cast().arg().has_param_ref() &&
            IsUnconstrainedNumeric(node.type_cast().type_name())) {
            numbers.insert(node.type_cast().arg().param_ref().number());
        }
    });
    return numbers;
}

} // namespace duckgres::sql
