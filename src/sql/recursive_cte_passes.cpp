// Rewrite passes for recursive CTE clauses DuckDB's grammar lacks: SEARCH and CYCLE as explicit columns.
#include "sql/recursive_cte_passes.hpp"

#include "sql/node_builders.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace duckgres::sql {

namespace {

using pg_query::Node;

Node ColumnRefNode(const std::string &relation, const std::string &column) {
    Node node;
    auto *ref = node.mutable_column_ref();
    if (!relation.empty()) {
        ref->add_fields()->mutable_string()->set_sval(relation);
    }
    ref->add_fields()->mutable_string()->set_sval(column);
    return node;
}

//! The name a target list item gives its column: its alias, else the last name of a column reference.
std::string OutputName(const Node &target) {
    if (!target.has_res_target()) {
        return "";
    }
    if (!target.res_target().name().empty()) {
        return target.res_target().name();
    }
    const auto &value = target.res_target().val();
    if (value.has_column_ref() && value.column_ref().fields_size() > 0) {
        return LastName(value.column_ref().fields());
    }
    return "";
}

//! row(the expressions `step` computes for `columns`), or nullopt when a column is not one of the CTE's.
std::optional<Node> RowOf(const pg_query::SelectStmt &branch, const std::vector<std::string> &names,
                          const google::protobuf::RepeatedPtrField<Node> &columns) {
    Node row;
    row.mutable_row_expr()->set_row_format(pg_query::COERCE_EXPLICIT_CALL);
    for (const auto &column : columns) {
        const std::string name = column.has_string() ? column.string().sval() : "";
        size_t position = 0;
        while (position < names.size() && names[position] != name) {
            position++;
        }
        if (position == names.size() || static_cast<int>(position) >= branch.target_list_size()) {
            return std::nullopt;
        }
        *row.mutable_row_expr()->add_args() = branch.target_list(static_cast<int>(position)).res_target().val();
    }
    return row;
}

//! The name the recursive step reads the CTE by (its alias in FROM, else its name); empty when it does not.
std::string StepReference(const pg_query::SelectStmt &step, const std::string &cte) {
    std::string reference;
    for (auto from : step.from_clause()) {
        WalkNodes(from, [&](Node &node) {
            if (node.has_range_var() && node.range_var().schemaname().empty() && node.range_var().relname() == cte) {
                reference = node.range_var().has_alias() ? node.range_var().alias().aliasname() : cte;
            }
        });
    }
    return reference;
}

//! The rows of `columns` in the base and in the step; nullopt when a column is not one of the CTE's.
std::optional<std::pair<Node, Node>> RowsOf(const pg_query::SelectStmt &base, const pg_query::SelectStmt &step,
                                            const std::vector<std::string> &names,
                                            const google::protobuf::RepeatedPtrField<Node> &columns) {
    auto base_row = RowOf(base, names, columns);
    auto step_row = RowOf(step, names, columns);
    if (!base_row || !step_row) {
        return std::nullopt;
    }
    return std::make_pair(std::move(*base_row), std::move(*step_row));
}

//! `left op right`.
Node OperatorNode(const char *op, Node left, Node right) {
    Node node;
    auto *expression = node.mutable_a_expr();
    expression->set_kind(pg_query::AEXPR_OP);
    expression->add_name()->mutable_string()->set_sval(op);
    *expression->mutable_lexpr() = std::move(left);
    *expression->mutable_rexpr() = std::move(right);
    return node;
}

//! row(first, ...) from row(...).
void Prepend(Node &row, Node first) {
    auto *args = row.mutable_row_expr()->mutable_args();
    args->Add(std::move(first));
    std::rotate(args->rbegin(), args->rbegin() + 1, args->rend());
}

void AddColumn(pg_query::SelectStmt &branch, const std::string &name, Node value) {
    auto *target = branch.add_target_list()->mutable_res_target();
    target->set_name(name);
    *target->mutable_val() = std::move(value);
}

} // namespace

bool ExpandSearchCycleClauses(Node &node, PassContext &context) {
    if (!node.has_common_table_expr()) {
        return false;
    }
    auto *cte = node.mutable_common_table_expr();
    if ((!cte->has_search_clause() && !cte->has_cycle_clause()) || !cte->ctequery().has_select_stmt()) {
        return false;
    }
    auto *query = cte->mutable_ctequery()->mutable_select_stmt();
    if (query->op() != pg_query::SETOP_UNION || !query->larg().target_list_size() ||
        !query->rarg().target_list_size()) {
        return false; // PostgreSQL refuses it; so will DuckDB
    }
    auto &base = *query->mutable_larg();
    auto &step = *query->mutable_rarg();
    const std::string reference = StepReference(step, cte->ctename());
    std::vector<std::string> names;
    for (const auto &alias : cte->aliascolnames()) {
        names.push_back(alias.string().sval());
    }
    for (size_t i = names.size(); static_cast<int>(i) < base.target_list_size(); i++) {
        names.push_back(OutputName(base.target_list(static_cast<int>(i))));
    }
    if (reference.empty()) {
        return false;
    }
    std::vector<std::string> added;
    if (cte->has_search_clause()) {
        const auto &search = cte->search_clause();
        auto rows = RowsOf(base, step, names, search.search_col_list());
        if (!rows) {
            return false;
        }
        auto &[base_row, step_row] = *rows;
        const std::string &column = search.search_seq_column();
        if (search.search_breadth_first()) {
            // row(depth, columns...): ordered by depth, then by the columns.
            Prepend(base_row, IntConst(0));
            Prepend(step_row,
                    OperatorNode("+", FuncCallNode({"struct_extract"}, {ColumnRefNode(reference, column), IntConst(1)}),
                                 IntConst(1)));
            AddColumn(base, column, base_row);
            AddColumn(step, column, step_row);
        } else {
            // The list of rows from the root: siblings' subtrees in order.
            AddColumn(base, column, FuncCallNode({"list_value"}, {base_row}));
            AddColumn(step, column, FuncCallNode({"list_append"}, {ColumnRefNode(reference, column), step_row}));
        }
        added.push_back(column);
    }
    if (cte->has_cycle_clause()) {
        const auto &cycle = cte->cycle_clause();
        auto rows = RowsOf(base, step, names, cycle.cycle_col_list());
        if (!rows) {
            return false;
        }
        auto &[base_row, step_row] = *rows;
        const std::string &mark = cycle.cycle_mark_column();
        const std::string &path = cycle.cycle_path_column();
        AddColumn(base, mark, cycle.cycle_mark_default());
        AddColumn(base, path, FuncCallNode({"list_value"}, {base_row}));
        Node seen;
        auto *when = seen.mutable_case_expr()->add_args()->mutable_case_when();
        *when->mutable_expr() = FuncCallNode({"list_contains"}, {ColumnRefNode(reference, path), step_row});
        *when->mutable_result() = cycle.cycle_mark_value();
        *seen.mutable_case_expr()->mutable_defresult() = cycle.cycle_mark_default();
        AddColumn(step, mark, seen);
        AddColumn(step, path, FuncCallNode({"list_append"}, {ColumnRefNode(reference, path), step_row}));
        // The step goes on only below rows not yet marked.
        Node unmarked = OperatorNode("<>", ColumnRefNode(reference, mark), cycle.cycle_mark_value());
        if (step.has_where_clause()) {
            Node both;
            both.mutable_bool_expr()->set_boolop(pg_query::AND_EXPR);
            *both.mutable_bool_expr()->add_args() = step.where_clause();
            *both.mutable_bool_expr()->add_args() = unmarked;
            *step.mutable_where_clause() = both;
        } else {
            *step.mutable_where_clause() = unmarked;
        }
        added.push_back(mark);
        added.push_back(path);
    }
    if (cte->aliascolnames_size() > 0) {
        for (const auto &name : added) {
            cte->add_aliascolnames()->mutable_string()->set_sval(name);
        }
    }
    cte->clear_search_clause();
    cte->clear_cycle_clause();
    return true;
}

} // namespace duckgres::sql
