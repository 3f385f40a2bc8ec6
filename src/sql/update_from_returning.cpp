// UPDATE ... FROM ... RETURNING of FROM columns: the matched FROM rows kept first, the target's rows joined back after.
#include "sql/update_from_returning.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"

#include <pg_query.pb.h>

#include <set>

namespace duckgres::sql {

namespace {

using pg_query::Node;

constexpr const char *kRowColumn = "duckgres_row";
constexpr const char *kKeptTable = "duckgres_update_from";

//! The name a FROM item is referenced by (its alias, or a table's name); empty for one this rewrite does not take.
std::string FromItemName(const Node &item) {
    if (item.has_range_var()) {
        const auto &range = item.range_var();
        return range.has_alias() ? range.alias().aliasname() : range.relname();
    }
    if (item.has_range_subselect() && item.range_subselect().has_alias()) {
        return item.range_subselect().alias().aliasname();
    }
    return "";
}

//! Whether an expression names `names` as a relation (x.col, x.*).
bool ReadsRelation(const Node &expression, const std::set<std::string> &names) {
    bool found = false;
    Node copy = expression;
    WalkNodes(copy, [&](Node &node) {
        if (node.has_column_ref() && node.column_ref().fields_size() >= 2 && node.column_ref().fields(0).has_string() &&
            names.count(node.column_ref().fields(0).string().sval())) {
            found = true;
        }
    });
    return found;
}

Node ColumnRefNode(std::initializer_list<std::string> fields) {
    Node node;
    for (const auto &field : fields) {
        node.mutable_column_ref()->add_fields()->mutable_string()->set_sval(field);
    }
    return node;
}

std::string Deparsed(const Node &statement) {
    return DeparseOrRefuse(statement, "this UPDATE ... FROM ... RETURNING");
}

} // namespace

bool CaptureUpdateFromReturning(Node &statement, RewriteEffects &effects) {
    if (!statement.has_update_stmt() || statement.update_stmt().from_clause_size() == 0 ||
        statement.update_stmt().returning_list_size() == 0) {
        return false;
    }
    const auto &update = statement.update_stmt();
    std::set<std::string> names;
    for (const auto &item : update.from_clause()) {
        const std::string name = FromItemName(item);
        if (name.empty()) {
            return false;
        }
        names.insert(name);
    }
    bool reads_from = false;
    for (const auto &target : update.returning_list()) {
        reads_from |= ReadsRelation(target, names);
    }
    if (!reads_from) {
        return false;
    }
    const auto &relation = update.relation();
    const std::string target = relation.has_alias() ? relation.alias().aliasname() : relation.relname();
    // The rows that will change, each once, with the FROM rows they match (as structs named like the FROM items).
    Node kept = SelectNode();
    auto *select = kept.mutable_select_stmt();
    *select->add_distinct_clause() = ColumnRefNode({target, "rowid"});
    auto *row = select->add_target_list()->mutable_res_target();
    row->set_name(kRowColumn);
    *row->mutable_val() = ColumnRefNode({target, "rowid"});
    for (const auto &name : names) {
        auto *item = select->add_target_list()->mutable_res_target();
        item->set_name(name);
        *item->mutable_val() = ColumnRefNode({name});
    }
    *select->add_from_clause()->mutable_range_var() = relation;
    for (const auto &item : update.from_clause()) {
        *select->add_from_clause() = item;
    }
    if (update.has_where_clause()) {
        *select->mutable_where_clause() = update.where_clause();
    }
    if (update.has_with_clause()) {
        *select->mutable_with_clause() = update.with_clause();
    }
    const std::string kept_sql = Deparsed(kept);
    CapturedRows rows;
    rows.table = kKeptTable;
    rows.create = "CREATE OR REPLACE TEMPORARY TABLE " + std::string(kKeptTable) + " AS " + kept_sql + " LIMIT 0";
    rows.run = kept_sql;
    effects.captures.push_back(std::move(rows));
    // The UPDATE itself, without RETURNING.
    Node changed = statement;
    changed.mutable_update_stmt()->clear_returning_list();
    effects.captures.push_back({"", "", Deparsed(changed)});
    effects.after.push_back("DROP TABLE IF EXISTS temp.main." + std::string(kKeptTable));
    // The RETURNING list over the changed rows, joined back to what they matched.
    Node result = SelectNode();
    auto *returning = result.mutable_select_stmt();
    for (const auto &item : update.returning_list()) {
        *returning->add_target_list() = item;
    }
    auto *join = returning->add_from_clause()->mutable_join_expr();
    join->set_jointype(pg_query::JOIN_INNER);
    *join->mutable_larg()->mutable_range_var() = relation;
    *join->mutable_rarg()->mutable_range_var() = TemporaryTableRange(kKeptTable);
    auto *condition = join->mutable_quals()->mutable_a_expr();
    condition->set_kind(pg_query::AEXPR_OP);
    condition->add_name()->mutable_string()->set_sval("=");
    *condition->mutable_lexpr() = ColumnRefNode({target, "rowid"});
    *condition->mutable_rexpr() = ColumnRefNode({kKeptTable, kRowColumn});
    // DuckDB moves a row whose indexed column changes (a delete and an insert, a new rowid): then fewer rows join
    // back than changed, and a last step fails the statement rather than let it return too few.
    auto count_of = [](Node from) {
        Node count = SelectNode();
        auto *call = count.mutable_select_stmt()->add_target_list()->mutable_res_target()->mutable_val();
        *call = FuncCallNode({"count"}, {});
        call->mutable_func_call()->set_agg_star(true);
        *count.mutable_select_stmt()->add_from_clause() = std::move(from);
        Node sublink;
        sublink.mutable_sub_link()->set_sub_link_type(pg_query::EXPR_SUBLINK);
        *sublink.mutable_sub_link()->mutable_subselect() = std::move(count);
        return sublink;
    };
    Node kept_rows;
    *kept_rows.mutable_range_var() = TemporaryTableRange(kKeptTable);
    Node check = SelectNode();
    auto *guard =
        check.mutable_select_stmt()->add_target_list()->mutable_res_target()->mutable_val()->mutable_case_expr();
    auto *all_back = guard->add_args()->mutable_case_when();
    auto *same = all_back->mutable_expr()->mutable_a_expr();
    same->set_kind(pg_query::AEXPR_OP);
    same->add_name()->mutable_string()->set_sval("=");
    *same->mutable_lexpr() = count_of(returning->from_clause(0));
    *same->mutable_rexpr() = count_of(kept_rows);
    all_back->mutable_result()->mutable_a_const()->mutable_boolval()->set_boolval(true);
    *guard->mutable_defresult() =
        FuncCallNode({"error"}, {StringConst("SQLSTATE 0A000: RETURNING of this UPDATE ... FROM cannot read the FROM "
                                             "rows: DuckDB moved the changed rows (an indexed column changed)")});
    effects.captures.push_back({"", "", Deparsed(check)});
    statement = std::move(result);
    return true;
}

} // namespace duckgres::sql
