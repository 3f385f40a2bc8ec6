// A multi-row upsert's RETURNING rows kept in a temporary table, then read back in the VALUES order.
#include "sql/upsert_returning_order.hpp"

#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"

#include <pg_query.pb.h>

namespace duckgres::sql {

namespace {

using pg_query::Node;

constexpr const char *kTable = "duckgres_upsert";

//! A value the ordering may evaluate again with the same result: a constant or parameter, maybe cast.
bool IsStableValue(const Node &value) {
    if (value.has_type_cast()) {
        return IsStableValue(value.type_cast().arg());
    }
    return value.has_a_const() || value.has_param_ref();
}

Node ColumnNode(const std::string &name) {
    Node node;
    node.mutable_column_ref()->add_fields()->mutable_string()->set_sval(name);
    return node;
}

//! The output name PostgreSQL gives a RETURNING item: its alias, a column's name, or ?column?.
std::string OutputName(const pg_query::ResTarget &target) {
    if (!target.name().empty()) {
        return target.name();
    }
    const auto &value = target.val();
    if (value.has_column_ref() && value.column_ref().fields_size() > 0) {
        const auto &last = value.column_ref().fields(value.column_ref().fields_size() - 1);
        if (last.has_string()) {
            return last.string().sval();
        }
    }
    return "?column?";
}

} // namespace

bool OrderUpsertReturning(Node &statement, RewriteEffects &effects) {
    if (!statement.has_insert_stmt()) {
        return false;
    }
    const auto &insert = statement.insert_stmt();
    if (!insert.has_on_conflict_clause() || !insert.on_conflict_clause().has_infer() ||
        insert.returning_list_size() == 0 || insert.cols_size() == 0 || insert.has_with_clause() ||
        !insert.has_select_stmt() || !insert.select_stmt().has_select_stmt() ||
        insert.select_stmt().select_stmt().values_lists_size() < 2) {
        return false;
    }
    // The VALUES position of each key column.
    std::vector<int> key_positions;
    for (const auto &element : insert.on_conflict_clause().infer().index_elems()) {
        const auto &name = element.index_elem().name();
        int position = -1;
        for (int i = 0; i < insert.cols_size(); i++) {
            if (insert.cols(i).res_target().name() == name) {
                position = i;
            }
        }
        if (name.empty() || position < 0) {
            return false;
        }
        key_positions.push_back(position);
    }
    const auto &rows = insert.select_stmt().select_stmt().values_lists();
    for (const auto &row : rows) {
        for (int position : key_positions) {
            if (row.list().items_size() <= position || !IsStableValue(row.list().items(position))) {
                return false;
            }
        }
    }
    for (const auto &target : insert.returning_list()) {
        const auto &value = target.res_target().val();
        if (value.has_column_ref() && value.column_ref().fields(value.column_ref().fields_size() - 1).has_a_star()) {
            return false;
        }
    }
    // The INSERT returns its RETURNING items and its keys, under names of ours.
    Node run = statement;
    auto *returning = run.mutable_insert_stmt()->mutable_returning_list();
    returning->Clear();
    for (int i = 0; i < insert.returning_list_size(); i++) {
        auto *item = returning->Add()->mutable_res_target();
        *item->mutable_val() = insert.returning_list(i).res_target().val();
        item->set_name("duckgres_r" + std::to_string(i));
    }
    for (size_t k = 0; k < key_positions.size(); k++) {
        auto *item = returning->Add()->mutable_res_target();
        *item->mutable_val() = ColumnNode(insert.cols(key_positions[k]).res_target().name());
        item->set_name("duckgres_k" + std::to_string(k));
    }
    Node empty = SelectNode();
    for (const auto &item : *returning) {
        *empty.mutable_select_stmt()->add_target_list() = item;
    }
    *empty.mutable_select_stmt()->add_from_clause()->mutable_range_var() = insert.relation();
    empty.mutable_select_stmt()->mutable_where_clause()->mutable_a_const()->mutable_boolval()->set_boolval(false);
    CapturedRows capture;
    capture.table = kTable;
    capture.create = "CREATE OR REPLACE TEMPORARY TABLE " + std::string(kTable) + " AS " +
                     DeparseOrRefuse(empty, "this INSERT ... ON CONFLICT ... RETURNING");
    capture.run = DeparseOrRefuse(run, "this INSERT ... ON CONFLICT ... RETURNING");
    // The rows in the order of the VALUES row their keys come from.
    Node ordered = SelectNode();
    auto *select = ordered.mutable_select_stmt();
    for (int i = 0; i < insert.returning_list_size(); i++) {
        auto *item = select->add_target_list()->mutable_res_target();
        *item->mutable_val() = ColumnNode("duckgres_r" + std::to_string(i));
        item->set_name(OutputName(insert.returning_list(i).res_target()));
    }
    *select->add_from_clause()->mutable_range_var() = TemporaryTableRange(kTable);
    auto *order = select->add_sort_clause()->mutable_sort_by();
    order->set_sortby_dir(pg_query::SORTBY_DEFAULT);
    order->set_sortby_nulls(pg_query::SORTBY_NULLS_DEFAULT);
    auto *choice = order->mutable_node()->mutable_case_expr();
    for (int r = 0; r < rows.size(); r++) {
        auto *when = choice->add_args()->mutable_case_when();
        Node condition;
        auto *all = condition.mutable_bool_expr();
        all->set_boolop(pg_query::AND_EXPR);
        for (size_t k = 0; k < key_positions.size(); k++) {
            auto *same = all->add_args()->mutable_a_expr();
            same->set_kind(pg_query::AEXPR_NOT_DISTINCT);
            same->add_name()->mutable_string()->set_sval("=");
            *same->mutable_lexpr() = ColumnNode("duckgres_k" + std::to_string(k));
            *same->mutable_rexpr() = rows[r].list().items(key_positions[k]);
        }
        *when->mutable_expr() = key_positions.size() == 1 ? all->args(0) : condition;
        *when->mutable_result() = IntConst(r);
    }
    effects.captures.push_back(std::move(capture));
    effects.after.push_back("DROP TABLE IF EXISTS temp.main." + std::string(kTable));
    statement = std::move(ordered);
    return true;
}

} // namespace duckgres::sql
