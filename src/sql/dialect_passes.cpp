// Rewrite passes for PostgreSQL query semantics DuckDB spells or resolves differently.
#include "sql/dialect_passes.hpp"

#include "catalog/catalog_scripts.hpp"
#include "common/ascii.hpp"
#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"
#include "sql/string_passes.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace duckgres::sql {

namespace {

using pg_query::Node;

Node VarcharCast(Node value) {
    Node cast;
    *cast.mutable_type_cast()->mutable_arg() = std::move(value);
    cast.mutable_type_cast()->mutable_type_name()->add_names()->mutable_string()->set_sval("varchar");
    cast.mutable_type_cast()->mutable_type_name()->set_typemod(-1);
    return cast;
}

//! The name a select-list entry gives its column when it is a bare or qualified column reference.
std::string ColumnRefName(const Node &node) {
    if (!node.has_column_ref()) {
        return "";
    }
    return LastName(node.column_ref().fields());
}

bool IsStar(const Node &target) {
    if (!target.has_res_target() || !target.res_target().val().has_column_ref()) {
        return false;
    }
    const auto &fields = target.res_target().val().column_ref().fields();
    return !fields.empty() && fields[fields.size() - 1].has_a_star();
}

//! A single unqualified name (`ORDER BY oid`), or empty.
std::string BareName(const Node &node) {
    if (!node.has_column_ref() || node.column_ref().fields_size() != 1 || !node.column_ref().fields(0).has_string()) {
        return "";
    }
    return node.column_ref().fields(0).string().sval();
}

//! The aliases (or names) of the relations, subqueries and functions of a FROM clause.
void CollectFromAliases(const Node &item, std::vector<std::string> &aliases) {
    if (item.has_range_var()) {
        aliases.push_back(item.range_var().has_alias() ? item.range_var().alias().aliasname()
                                                       : item.range_var().relname());
    } else if (item.has_range_subselect() && item.range_subselect().has_alias()) {
        aliases.push_back(item.range_subselect().alias().aliasname());
    } else if (item.has_range_function() && item.range_function().has_alias()) {
        aliases.push_back(item.range_function().alias().aliasname());
    } else if (item.has_join_expr()) {
        CollectFromAliases(item.join_expr().larg(), aliases);
        CollectFromAliases(item.join_expr().rarg(), aliases);
        if (item.join_expr().has_alias()) {
            aliases.push_back(item.join_expr().alias().aliasname());
        }
    }
}

//! The 1-based position of the single select-list entry `accept` takes, or nullopt (none, or several).
template <class Accept>
std::optional<int32_t> SingleTarget(const pg_query::SelectStmt &select, Accept accept) {
    std::optional<int32_t> found;
    for (int i = 0; i < select.target_list_size(); i++) {
        if (IsStar(select.target_list(i))) {
            return std::nullopt;
        }
        if (accept(select.target_list(i).res_target())) {
            if (found) {
                return std::nullopt;
            }
            found = i + 1;
        }
    }
    return found;
}

bool IsNonZeroConstant(const Node &node) {
    if (!node.has_a_const()) {
        return false;
    }
    const auto &c = node.a_const();
    if (c.has_ival()) {
        return c.ival().ival() != 0;
    }
    if (c.has_fval()) {
        return c.fval().fval().find_first_not_of("0.+-eE") != std::string::npos;
    }
    return false;
}

//! Functions whose PostgreSQL result type is integer where DuckDB's is BIGINT.
bool IsInt4Function(const std::string &name) {
    static constexpr std::array<std::string_view, 17> kNames = {
        "length",      "char_length", "character_length", "octet_length",        "bit_length",       "strpos",
        "position",    "ascii",       "array_length",     "cardinality",         "width_bucket",     "ntile",
        "array_ndims", "array_lower", "array_upper",      "generate_subscripts", "json_array_length"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

} // namespace

bool LikeDefaultEscape(Node &node, PassContext &context) {
    if (!node.has_a_expr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    const bool like = expr.kind() == pg_query::AEXPR_LIKE;
    if ((!like && expr.kind() != pg_query::AEXPR_ILIKE) || !expr.has_lexpr() || !expr.has_rexpr()) {
        return false;
    }
    Node pattern = expr.rexpr();
    Node escape = StringConst("\\");
    if (pattern.has_func_call() && LastName(pattern.func_call().funcname()) == "like_escape") {
        // An explicit ESCAPE (PostgreSQL's grammar makes it like_escape(pattern, escape)); '' means none.
        if (pattern.func_call().args_size() != 2) {
            return false;
        }
        escape = pattern.func_call().args(1);
        Node inner = pattern.func_call().args(0);
        pattern = std::move(inner);
        if (IsStringConst(escape) && escape.a_const().sval().sval().empty()) {
            *node.mutable_a_expr()->mutable_rexpr() = std::move(pattern);
            return true;
        }
    } else if (IsStringConst(pattern) && pattern.a_const().sval().sval().find('\\') == std::string::npos) {
        return false; // no backslash: the same match either way
    }
    const bool negated = LastName(expr.name()).starts_with("!");
    std::string function = std::string(negated ? "not_" : "") + (like ? "like_escape" : "ilike_escape");
    node = FuncCallNode({function}, {expr.lexpr(), pattern, escape});
    return true;
}

bool FormatToConcat(Node &node, PassContext &context) {
    if (!node.has_func_call() || LastName(node.func_call().funcname()) != "format" ||
        node.func_call().funcname_size() > 2 || node.func_call().args_size() < 1 ||
        !IsStringConst(node.func_call().args(0)) || node.func_call().has_over()) {
        return false;
    }
    const auto &call = node.func_call();
    const std::string format = call.args(0).a_const().sval().sval();
    const std::string catalog(catalog::kCatalogDatabase);
    std::vector<Node> parts;
    std::string text;
    int next_argument = 1;
    for (size_t i = 0; i < format.size(); i++) {
        if (format[i] != '%') {
            text += format[i];
            continue;
        }
        if (++i >= format.size()) {
            return false;
        }
        if (format[i] == '%') {
            text += '%';
            continue;
        }
        int argument = next_argument;
        size_t digits = i;
        while (digits < format.size() && IsAsciiDigit(format[digits])) {
            digits++;
        }
        if (digits > i && digits < format.size() && format[digits] == '$') {
            argument = std::stoi(format.substr(i, digits - i));
            i = digits + 1;
        }
        // Flags ('-': left-justified) and a width: the value padded with spaces to that many characters.
        bool left = false;
        while (i < format.size() && format[i] == '-') {
            left = true;
            i++;
        }
        size_t width_end = i;
        while (width_end < format.size() && IsAsciiDigit(format[width_end])) {
            width_end++;
        }
        const int width = width_end > i ? std::stoi(format.substr(i, width_end - i)) : 0;
        i = width_end;
        if (i >= format.size() || argument < 1 || argument >= call.args_size()) {
            return false; // a * width or a missing argument: left to DuckDB (which will say so)
        }
        next_argument = argument + 1;
        const Node &value = call.args(argument);
        if (!text.empty()) {
            parts.push_back(StringConst(text));
            text.clear();
        }
        // A boolean as PostgreSQL's text of it (t / f), as format() writes it.
        const bool boolean = IsBooleanValue(value, context);
        switch (format[i]) {
        case 's':
            parts.push_back(boolean ? BooleanText(value) : VarcharCast(value));
            break;
        case 'I':
            parts.push_back(
                FuncCallNode({catalog, "main", "quote_ident"}, {boolean ? BooleanText(value) : VarcharCast(value)}));
            break;
        case 'L':
            parts.push_back(FuncCallNode({catalog, "main", "quote_nullable"}, {boolean ? BooleanText(value) : value}));
            break;
        default:
            return false;
        }
        if (width > 0) {
            parts.back() = FuncCallNode({catalog, "main", "duckgres_format_pad"},
                                        {std::move(parts.back()), IntConst(width), IntConst(left ? 1 : 0)});
        }
    }
    if (!text.empty() || parts.empty()) {
        parts.push_back(StringConst(text));
    }
    Node concat = FuncCallNode({"concat"}, {});
    for (auto &part : parts) {
        *concat.mutable_func_call()->add_args() = std::move(part);
    }
    node = std::move(concat);
    return true;
}

namespace {

//! A GROUP BY item that is a plain column reference: its qualifier (empty when unqualified) and column.
std::optional<std::pair<std::string, std::string>> GroupedColumn(const Node &item) {
    if (!item.has_column_ref()) {
        return std::nullopt;
    }
    const auto &fields = item.column_ref().fields();
    if (fields.size() > 2 || !fields.rbegin()->has_string()) {
        return std::nullopt;
    }
    std::string qualifier = fields.size() == 2 && fields[0].has_string() ? fields[0].string().sval() : "";
    return std::make_pair(std::move(qualifier), fields.rbegin()->string().sval());
}

//! The tables of a FROM list, through joins (subqueries and functions are not tables).
void CollectTables(const Node &item, std::vector<const pg_query::RangeVar *> &tables) {
    if (item.has_range_var()) {
        tables.push_back(&item.range_var());
    } else if (item.has_join_expr()) {
        CollectTables(item.join_expr().larg(), tables);
        CollectTables(item.join_expr().rarg(), tables);
    }
}

} // namespace

bool GroupByKeyColumns(Node &node, PassContext &context) {
    if (!context.facts.group_by_key_columns || !context.facts.tables || !node.has_select_stmt() ||
        node.select_stmt().group_clause_size() == 0) {
        return false;
    }
    auto &select = *node.mutable_select_stmt();
    std::vector<std::pair<std::string, std::string>> grouped;
    for (const auto &item : select.group_clause()) {
        if (item.has_grouping_set()) {
            return false; // more columns would change the grouping sets
        }
        if (auto column = GroupedColumn(item)) {
            grouped.push_back(std::move(*column));
        }
    }
    std::vector<const pg_query::RangeVar *> tables;
    for (const auto &item : select.from_clause()) {
        CollectTables(item, tables);
    }
    // A table whose whole primary key is grouped by: each group holds one of its rows, so grouping by its other
    // columns too changes no group (PostgreSQL infers this functional dependency; DuckDB does not).
    bool changed = false;
    for (const auto *table : tables) {
        const std::string &alias = table->has_alias() ? table->alias().aliasname() : table->relname();
        auto is_grouped = [&](const std::string &column) {
            return std::any_of(grouped.begin(), grouped.end(), [&](const auto &entry) {
                return entry.second == column && (entry.first.empty() || entry.first == alias);
            });
        };
        const auto key =
            context.facts.tables->ConstraintColumns(table->schemaname(), table->relname(), table->relname() + "_pkey");
        if (key.empty() || !std::all_of(key.begin(), key.end(), is_grouped)) {
            continue;
        }
        for (const auto &column : context.facts.tables->ColumnNames(table->schemaname(), table->relname())) {
            if (is_grouped(column)) {
                continue;
            }
            auto *ref = select.add_group_clause()->mutable_column_ref();
            ref->add_fields()->mutable_string()->set_sval(alias);
            ref->add_fields()->mutable_string()->set_sval(column);
            grouped.emplace_back(alias, column);
            changed = true;
        }
    }
    return changed;
}

bool TimeZoneAsCall(Node &node, PassContext &) {
    if (!node.has_func_call() || node.func_call().funcformat() != pg_query::COERCE_SQL_SYNTAX ||
        node.func_call().args_size() != 2 || LastName(node.func_call().funcname()) != "timezone") {
        return false;
    }
    auto &call = *node.mutable_func_call();
    call.clear_funcname();
    call.add_funcname()->mutable_string()->set_sval("timezone");
    call.set_funcformat(pg_query::COERCE_EXPLICIT_CALL);
    return true;
}

bool OrderStarOverUsingJoin(Node &node, PassContext &context) {
    if (!context.facts.tables || !node.has_select_stmt()) {
        return false;
    }
    auto &select = *node.mutable_select_stmt();
    if (select.target_list_size() != 1 || select.from_clause_size() != 1 || !select.from_clause(0).has_join_expr()) {
        return false;
    }
    const auto &star = select.target_list(0).res_target().val();
    if (!star.has_column_ref() || star.column_ref().fields_size() != 1 || !star.column_ref().fields(0).has_a_star()) {
        return false;
    }
    const auto &join = select.from_clause(0).join_expr();
    if (join.using_clause_size() == 0 || join.is_natural() || join.has_alias() || !join.larg().has_range_var() ||
        !join.rarg().has_range_var()) {
        return false;
    }
    std::vector<std::string> merged;
    for (const auto &name : join.using_clause()) {
        merged.push_back(name.string().sval());
    }
    // PostgreSQL's order: the USING columns once, then each side's other columns (DuckDB keeps the left's order).
    std::vector<std::pair<std::string, std::string>> columns;
    for (const auto &column : merged) {
        columns.emplace_back("", column);
    }
    for (const auto *side : {&join.larg().range_var(), &join.rarg().range_var()}) {
        const auto names = context.facts.tables->ColumnNames(side->schemaname(), side->relname());
        if (names.empty()) {
            return false;
        }
        const std::string &alias = side->has_alias() ? side->alias().aliasname() : side->relname();
        for (const auto &column : names) {
            if (std::find(merged.begin(), merged.end(), column) == merged.end()) {
                columns.emplace_back(alias, column);
            }
        }
    }
    select.clear_target_list();
    for (const auto &[qualifier, column] : columns) {
        auto *ref = select.add_target_list()->mutable_res_target()->mutable_val()->mutable_column_ref();
        if (!qualifier.empty()) {
            ref->add_fields()->mutable_string()->set_sval(qualifier);
        }
        ref->add_fields()->mutable_string()->set_sval(column);
    }
    return true;
}

bool ResolveOutputNames(Node &node, PassContext &context) {
    if (!node.has_select_stmt() || node.select_stmt().target_list_size() == 0) {
        return false;
    }
    auto *select = node.mutable_select_stmt();
    bool changed = false;
    for (auto &sort : *select->mutable_sort_clause()) {
        auto name = BareName(sort.sort_by().node());
        if (name.empty()) {
            continue;
        }
        auto position = SingleTarget(*select, [&](const pg_query::ResTarget &target) {
            return target.name().empty() ? ColumnRefName(target.val()) == name : target.name() == name;
        });
        // Only a qualified column (t.oid) needs it: DuckDB resolves bare columns and aliases itself.
        if (position && select->target_list(*position - 1).res_target().val().has_column_ref() &&
            select->target_list(*position - 1).res_target().val().column_ref().fields_size() > 1) {
            *sort.mutable_sort_by()->mutable_node() = IntConst(*position);
            changed = true;
        }
    }
    std::vector<std::string> aliases;
    for (const auto &item : select->from_clause()) {
        CollectFromAliases(item, aliases);
    }
    for (auto &group : *select->mutable_group_clause()) {
        auto name = BareName(group);
        if (name.empty() || std::find(aliases.begin(), aliases.end(), name) == aliases.end()) {
            continue;
        }
        auto position = SingleTarget(*select, [&](const pg_query::ResTarget &target) { return target.name() == name; });
        if (position) {
            group = IntConst(*position);
            changed = true;
        }
    }
    return changed;
}

bool ScalarFunctionInFrom(Node &node, PassContext &context) {
    // Scalar functions clients call in FROM (Grafana's string_to_array(current_setting('search_path'), ',')).
    // Text search's query builders too (FROM to_tsquery('cat') AS q, as PostgreSQL's documentation writes).
    static constexpr std::array<std::string_view, 11> kScalars = {"string_to_array",  "regexp_split_to_array",
                                                                  "current_schemas",  "array_remove",
                                                                  "array_append",     "array_cat",
                                                                  "to_tsquery",       "plainto_tsquery",
                                                                  "phraseto_tsquery", "websearch_to_tsquery",
                                                                  "to_tsvector"};
    if (!node.has_range_function()) {
        return false;
    }
    const auto &range = node.range_function();
    const auto *function = SingleFromFunction(range);
    if (!function) {
        return false;
    }
    auto name = LastName(function->func_call().funcname());
    if (std::find(kScalars.begin(), kScalars.end(), name) == kScalars.end()) {
        return false;
    }
    auto [alias, column] = SingleFromFunctionNames(range, name);
    Node select;
    auto *stmt = select.mutable_select_stmt();
    auto *target = stmt->add_target_list()->mutable_res_target();
    target->set_name(column);
    *target->mutable_val() = *function;
    stmt->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
    stmt->set_op(pg_query::SETOP_NONE);
    node = FromSubquery(std::move(select), alias, range.lateral());
    return true;
}

bool DropLockingClauses(Node &node, PassContext &) {
    if (!node.has_select_stmt() || node.select_stmt().locking_clause_size() == 0) {
        return false;
    }
    node.mutable_select_stmt()->clear_locking_clause();
    return true;
}

bool GuardDivision(Node &node, PassContext &context) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || node.a_expr().name_size() != 1 ||
        !node.a_expr().name(0).has_string() || !node.a_expr().has_rexpr()) {
        return false;
    }
    const auto &op = node.a_expr().name(0).string().sval();
    if (op != "/" && op != "%") {
        return false;
    }
    auto *expr = node.mutable_a_expr();
    if (IsNonZeroConstant(expr->rexpr()) || expr->rexpr().has_case_expr()) {
        return false;
    }
    Node divisor = expr->rexpr();
    Node guarded;
    auto *case_expr = guarded.mutable_case_expr();
    auto *when = case_expr->add_args()->mutable_case_when();
    auto *test = when->mutable_expr()->mutable_a_expr();
    test->set_kind(pg_query::AEXPR_OP);
    test->add_name()->mutable_string()->set_sval("=");
    *test->mutable_lexpr() = divisor;
    *test->mutable_rexpr() = IntConst(0);
    *when->mutable_result() = FuncCallNode({"error"}, {StringConst("division by zero")});
    *case_expr->mutable_defresult() = std::move(divisor);
    *expr->mutable_rexpr() = std::move(guarded);
    return true;
}

bool CastInt4Function(Node &node, PassContext &context) {
    if (!node.has_func_call() || !IsInt4Function(LastName(node.func_call().funcname()))) {
        return false;
    }
    node = TypeCastNode(std::move(node), {"pg_catalog", "int4"});
    return true;
}

bool TypeSelectedNull(Node &node, PassContext &context) {
    if (!node.has_res_target() || !node.res_target().val().has_a_const() ||
        !node.res_target().val().a_const().isnull()) {
        return false;
    }
    *node.mutable_res_target()->mutable_val() = TypeCastNode(node.res_target().val(), {"text"});
    return true;
}

namespace {

//! The digits after the decimal point ('.' or D) of a number template: the scale of to_number's result.
int32_t TemplateScale(std::string_view format) {
    int32_t scale = 0;
    bool after_point = false, quoted = false;
    for (char c : format) {
        quoted ^= c == '"';
        if (!quoted) {
            after_point |= c == '.' || c == 'D' || c == 'd';
            scale += after_point && (c == '9' || c == '0') ? 1 : 0;
        }
    }
    return scale;
}

} // namespace

//! `expression` (SQL text) with $1, $2... replaced by `args`.
Node Substitute(const std::string &expression, const google::protobuf::RepeatedPtrField<Node> &args) {
    auto parsed = ParseQuery("SELECT " + expression);
    if (parsed.statements.size() != 1 || !parsed.statements[0].tree) {
        throw std::logic_error("a rewrite's expression does not parse: " + expression);
    }
    Node value = parsed.statements[0].tree->select_stmt().target_list(0).res_target().val();
    WalkNodes(value, [&](Node &node) {
        if (node.has_param_ref()) {
            Node arg = args[node.param_ref().number() - 1];
            node = std::move(arg);
        }
    });
    return value;
}

bool TemplateFunctionResults(Node &node, PassContext &context) {
    if (!node.has_func_call() || node.func_call().has_over() || node.func_call().args_size() != 2) {
        return false;
    }
    const auto name = LastName(node.func_call().funcname());
    const auto &args = node.func_call().args();
    // Written into the statement, where the template is a constant (strftime and strptime need one).
    static const std::string kFormat = std::string(catalog::kCatalogDatabase) + ".main.duckgres_strftime_format($2)";
    if (name == "to_char") {
        // Dates and timestamps through strftime, numbers with PostgreSQL's number patterns (their exact text).
        node = Substitute("CASE WHEN typeof($1) IN ('DATE', 'TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', "
                          "'TIMESTAMP_NS') THEN strftime($1::varchar::timestamp, " +
                              kFormat +
                              ") WHEN typeof($1) = 'TIMESTAMP WITH TIME ZONE' THEN "
                              "strftime($1::varchar::timestamptz, " +
                              kFormat + ") ELSE duckgres_to_char_number(typeof($1), $1::varchar, $2) END",
                          args);
        return true;
    }
    if (name == "to_date" || name == "to_timestamp") {
        // to_timestamp(text, template); the one-argument to_timestamp(epoch) is DuckDB's.
        node = Substitute("strptime($1, " + kFormat + ")::" + (name == "to_date" ? "date" : "timestamptz"), args);
        return true;
    }
    if (name != "to_number" || !IsStringConst(args[1])) {
        return false;
    }
    const int32_t scale = TemplateScale(args[1].a_const().sval().sval());
    Node cast = TypeCastNode(std::move(node), {"numeric"});
    *cast.mutable_type_cast()->mutable_type_name()->add_typmods() = IntConst(38);
    *cast.mutable_type_cast()->mutable_type_name()->add_typmods() = IntConst(scale);
    node = std::move(cast);
    return true;
}

} // namespace duckgres::sql
