// ColumnScope and ExpressionType: column types from the catalog, expression types from their form.
#include "sql/column_types.hpp"

#include "catalog/catalog_scripts.hpp"
#include "common/ascii.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace duckgres::sql {

using pg_query::Node;

namespace {

//! PostgreSQL's internal and alternative type names -> format_type()'s.
constexpr std::pair<std::string_view, std::string_view> kTypeNames[] = {
    {"int2", "smallint"},
    {"int4", "integer"},
    {"int", "integer"},
    {"int8", "bigint"},
    {"float4", "real"},
    {"float8", "double precision"},
    {"bool", "boolean"},
    {"varchar", "character varying"},
    {"bpchar", "character"},
    {"decimal", "numeric"},
    {"timestamptz", "timestamp with time zone"},
    {"timestamp", "timestamp without time zone"},
};

//! Type of an expression, with the scope (possibly still being built) columns resolve in; null: none known.
std::string TypeOfExpression(const Node &node, const ColumnScope *scope) {
    if (node.has_type_cast()) {
        const auto &type = node.type_cast().type_name();
        return CanonicalTypeName(LastName(type.names()), type.array_bounds_size());
    }
    if (node.has_column_ref()) {
        const auto *column = scope ? scope->Find(node.column_ref()) : nullptr;
        return column ? column->type : "";
    }
    if (node.has_a_const()) {
        const auto &constant = node.a_const();
        return constant.has_ival()      ? "integer"
               : constant.has_fval()    ? "numeric"
               : constant.has_boolval() ? "boolean"
                                        : "";
    }
    if (node.has_a_expr() && node.a_expr().kind() == pg_query::AEXPR_OP && node.a_expr().has_lexpr() &&
        node.a_expr().has_rexpr()) {
        // The date/time arithmetic whose result is an interval: timestamp - timestamp, interval +- interval.
        const auto op = LastName(node.a_expr().name());
        const std::string left = TypeOfExpression(node.a_expr().lexpr(), scope);
        const std::string right = TypeOfExpression(node.a_expr().rexpr(), scope);
        const bool timestamps = left == right && left.starts_with("timestamp");
        const bool intervals = left == "interval" && right == "interval";
        return (op == "-" && timestamps) || ((op == "+" || op == "-") && intervals) ? "interval" : "";
    }
    if (node.has_a_array_expr()) {
        const auto &elements = node.a_array_expr().elements();
        const std::string element = elements.empty() ? "" : TypeOfExpression(elements[0], scope);
        return element.empty() || element.ends_with("[]") ? element : element + "[]";
    }
    return "";
}

//! The SELECT whose target list names a query's columns: the leftmost of a UNION / INTERSECT / EXCEPT.
const pg_query::SelectStmt *LeftmostSelect(const Node &query) {
    if (!query.has_select_stmt()) {
        return nullptr;
    }
    const auto *select = &query.select_stmt();
    while (select->op() != pg_query::SETOP_NONE && select->has_larg()) {
        select = &select->larg();
    }
    return select;
}

//! Adds `relation` under `name`; a name met twice (in different subqueries) keeps only the columns both agree on.
void AddRelation(std::map<std::string, std::vector<ColumnType>> &relations, const std::string &name,
                 std::vector<ColumnType> columns) {
    auto [found, added] = relations.try_emplace(name, std::move(columns));
    if (added) {
        return;
    }
    for (auto &column : found->second) {
        const auto other = std::find_if(columns.begin(), columns.end(),
                                        [&](const ColumnType &c) { return c.column == column.column; });
        if (other == columns.end() || other->type != column.type || other->enum_labels != column.enum_labels) {
            column.type.clear();
            column.enum_labels.clear();
        }
    }
}

} // namespace

std::string CanonicalTypeName(std::string_view name, int array_bounds) {
    std::string canonical = AsciiLower(std::string(name.substr(0, name.find('('))));
    while (canonical.ends_with("[]")) {
        canonical.resize(canonical.size() - 2);
        array_bounds++;
    }
    for (const auto &[alias, type] : kTypeNames) {
        if (canonical == alias) {
            canonical = type;
            break;
        }
    }
    if (!canonical.empty() && array_bounds > 0) {
        canonical += "[]"; // PostgreSQL's arrays have one type whatever their dimensions
    }
    return canonical;
}

ColumnScope::ColumnScope(const Node &statement, const TableLocator *tables) {
    // The relations are collected from a copy: WalkNodes visits mutable trees, and this is done once per statement
    // at the most.
    Node copy = statement;
    std::vector<const pg_query::CommonTableExpr *> ctes;
    std::vector<const pg_query::RangeVar *> range_vars;
    std::vector<const pg_query::RangeSubselect *> subselects;
    WalkNodes(copy, [&](Node &node) {
        if (node.has_common_table_expr()) {
            ctes.push_back(&node.common_table_expr());
        } else if (node.has_range_var()) {
            range_vars.push_back(&node.range_var());
        } else if (node.has_range_subselect()) {
            subselects.push_back(&node.range_subselect());
        }
    });
    // The targets of UPDATE, DELETE and INSERT are RangeVars of their own, not Nodes.
    for (const auto *target : {copy.update_stmt().has_relation() ? &copy.update_stmt().relation() : nullptr,
                               copy.delete_stmt().has_relation() ? &copy.delete_stmt().relation() : nullptr,
                               copy.insert_stmt().has_relation() ? &copy.insert_stmt().relation() : nullptr}) {
        if (target) {
            range_vars.push_back(target);
        }
    }
    std::set<std::string> cte_names;
    for (const auto *cte : ctes) {
        cte_names.insert(cte->ctename());
    }
    for (const auto *range_var : range_vars) {
        const auto &schema = range_var->schemaname();
        if (!tables || (schema.empty() && cte_names.count(range_var->relname())) || schema == "pg_catalog" ||
            schema == "information_schema" || !range_var->catalogname().empty() ||
            (schema.empty() && catalog::CatalogNames::Get().IsRelation(range_var->relname()))) {
            continue;
        }
        auto columns = tables->ColumnTypes(schema, range_var->relname());
        if (columns.empty()) {
            continue;
        }
        const auto &alias = range_var->alias();
        for (int i = 0; i < alias.colnames_size() && i < static_cast<int>(columns.size()); i++) {
            columns[i].column = alias.colnames(i).string().sval();
        }
        AddRelation(relations_, range_var->has_alias() ? alias.aliasname() : range_var->relname(), std::move(columns));
    }
    for (const auto *cte : ctes) {
        AddSubquery(cte->ctename(), cte->ctequery(), cte->aliascolnames());
    }
    // A CTE read under an alias (FROM walk w): its columns under that name too.
    for (const auto *range_var : range_vars) {
        const auto cte = relations_.find(range_var->relname());
        if (range_var->schemaname().empty() && range_var->has_alias() && cte_names.count(range_var->relname()) &&
            cte != relations_.end()) {
            AddRelation(relations_, range_var->alias().aliasname(), cte->second);
        }
    }
    for (const auto *subselect : subselects) {
        if (subselect->has_alias()) {
            AddSubquery(subselect->alias().aliasname(), subselect->subquery(), subselect->alias().colnames());
        }
    }
}

void ColumnScope::AddSubquery(const std::string &name, const Node &query,
                              const google::protobuf::RepeatedPtrField<Node> &column_names) {
    const auto *select = LeftmostSelect(query);
    if (select && select->values_lists_size() > 0) {
        AddValues(name, *select, column_names);
        return;
    }
    if (!select || select->target_list_size() == 0) {
        return;
    }
    std::vector<ColumnType> columns;
    for (int i = 0; i < select->target_list_size(); i++) {
        const auto &target = select->target_list(i).res_target();
        if (target.val().has_column_ref() && target.val().column_ref().fields(0).has_a_star()) {
            return; // SELECT *: its columns are not known here
        }
        ColumnType column;
        if (i < column_names.size()) {
            column.column = column_names[i].string().sval();
        } else if (!target.name().empty()) {
            column.column = target.name();
        } else if (target.val().has_column_ref()) {
            column.column = LastName(target.val().column_ref().fields());
        }
        column.type = TypeOfExpression(target.val(), this);
        if (const auto *source = target.val().has_column_ref() ? Find(target.val().column_ref()) : nullptr) {
            column.enum_labels = source->enum_labels;
        }
        columns.push_back(std::move(column));
    }
    AddRelation(relations_, name, std::move(columns));
}

void ColumnScope::AddValues(const std::string &name, const pg_query::SelectStmt &values,
                            const google::protobuf::RepeatedPtrField<Node> &column_names) {
    std::vector<ColumnType> columns;
    for (const auto &row : values.values_lists()) {
        const auto &items = row.list().items();
        columns.resize(std::max<size_t>(columns.size(), items.size()));
        for (int i = 0; i < items.size(); i++) {
            auto &column = columns[i];
            const std::string type = TypeOfExpression(items[i], this);
            const bool first_row = &row == &values.values_lists(0);
            column.type = first_row || column.type == type ? type : ""; // rows of several types: not known here
        }
    }
    for (size_t i = 0; i < columns.size(); i++) {
        columns[i].column = static_cast<int>(i) < column_names.size()
                                ? column_names[static_cast<int>(i)].string().sval()
                                : "column" + std::to_string(i + 1);
    }
    AddRelation(relations_, name, std::move(columns));
}

const ColumnType *ColumnScope::Find(const pg_query::ColumnRef &ref) const {
    const auto &fields = ref.fields();
    if (fields.empty() || !fields[fields.size() - 1].has_string()) {
        return nullptr;
    }
    const std::string &name = fields[fields.size() - 1].string().sval();
    auto in = [&](const std::vector<ColumnType> &columns) -> const ColumnType * {
        const auto found =
            std::find_if(columns.begin(), columns.end(), [&](const ColumnType &c) { return c.column == name; });
        return found == columns.end() ? nullptr : &*found;
    };
    if (fields.size() >= 2) {
        const auto relation = relations_.find(fields[fields.size() - 2].string().sval());
        const ColumnType *column = relation == relations_.end() ? nullptr : in(relation->second);
        return column && !column->type.empty() ? column : nullptr;
    }
    const ColumnType *found = nullptr;
    for (const auto &[relation, columns] : relations_) {
        const ColumnType *column = in(columns);
        if (!column) {
            continue;
        }
        if (found && (found->type != column->type || found->enum_labels != column->enum_labels)) {
            return nullptr; // of different types in different relations: which one is meant is not known here
        }
        found = column;
    }
    return found && !found->type.empty() ? found : nullptr;
}

bool ColumnScope::IsWholeRow(const pg_query::ColumnRef &ref) const {
    if (ref.fields_size() != 1 || !ref.fields(0).has_string()) {
        return false;
    }
    const std::string &name = ref.fields(0).string().sval();
    if (!relations_.count(name)) {
        return false;
    }
    for (const auto &[relation, columns] : relations_) {
        for (const auto &column : columns) {
            if (column.column == name) {
                return false; // a column of that name wins, as in PostgreSQL
            }
        }
    }
    return true;
}

namespace {

const ColumnScope &ScopeOf(PassContext &context) {
    if (!context.columns) {
        context.columns = std::make_shared<const ColumnScope>(*context.statement, context.facts.tables.get());
    }
    return *context.columns;
}

} // namespace

std::string ExpressionType(const Node &node, PassContext &context) {
    const bool needs_scope = node.has_column_ref() || node.has_a_expr() ||
                             (node.has_a_array_expr() && node.a_array_expr().elements_size() > 0 &&
                              node.a_array_expr().elements(0).has_column_ref());
    return TypeOfExpression(node, needs_scope && context.statement ? &ScopeOf(context) : nullptr);
}

const ColumnType *ReferencedColumn(const Node &node, PassContext &context) {
    if (!node.has_column_ref() || !context.statement) {
        return nullptr;
    }
    return ScopeOf(context).Find(node.column_ref());
}

bool IsWholeRowReference(const Node &node, PassContext &context) {
    return node.has_column_ref() && context.statement && ScopeOf(context).IsWholeRow(node.column_ref());
}

} // namespace duckgres::sql
