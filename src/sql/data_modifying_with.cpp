// Data-modifying statements in WITH: each run first, alone, its RETURNING rows kept in a temporary table.
#include "sql/data_modifying_with.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"

#include <pg_query.pb.h>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! The WITH of a statement that may have one; null otherwise.
pg_query::WithClause *MutableWithOf(Node &statement) {
    switch (statement.node_case()) {
    case Node::kSelectStmt:
        return statement.mutable_select_stmt()->has_with_clause()
                   ? statement.mutable_select_stmt()->mutable_with_clause()
                   : nullptr;
    case Node::kInsertStmt:
        return statement.mutable_insert_stmt()->has_with_clause()
                   ? statement.mutable_insert_stmt()->mutable_with_clause()
                   : nullptr;
    case Node::kUpdateStmt:
        return statement.mutable_update_stmt()->has_with_clause()
                   ? statement.mutable_update_stmt()->mutable_with_clause()
                   : nullptr;
    case Node::kDeleteStmt:
        return statement.mutable_delete_stmt()->has_with_clause()
                   ? statement.mutable_delete_stmt()->mutable_with_clause()
                   : nullptr;
    default:
        return nullptr;
    }
}

bool IsDataModifying(const Node &query) {
    return query.has_insert_stmt() || query.has_update_stmt() || query.has_delete_stmt() || query.has_merge_stmt();
}

//! The RETURNING list of a data-modifying statement and the relation it names (null for MERGE, which has none).
struct Returning {
    const google::protobuf::RepeatedPtrField<Node> *targets = nullptr;
    const pg_query::RangeVar *relation = nullptr;
};

Returning ReturningOf(const Node &query) {
    if (query.has_insert_stmt()) {
        return {&query.insert_stmt().returning_list(), &query.insert_stmt().relation()};
    }
    if (query.has_update_stmt()) {
        return {&query.update_stmt().returning_list(), &query.update_stmt().relation()};
    }
    if (query.has_delete_stmt()) {
        return {&query.delete_stmt().returning_list(), &query.delete_stmt().relation()};
    }
    return {};
}

//! `query` with `before` (the CTEs ahead of it) prepended to its own WITH.
Node WithPrecedingCtes(const Node &query, const google::protobuf::RepeatedPtrField<Node> &before, bool recursive) {
    Node statement = query;
    if (before.empty()) {
        return statement;
    }
    pg_query::WithClause with;
    with.set_recursive(recursive);
    for (const auto &cte : before) {
        *with.add_ctes() = cte;
    }
    if (auto *own = MutableWithOf(statement)) {
        for (const auto &cte : own->ctes()) {
            *with.add_ctes() = cte;
        }
        with.set_recursive(with.recursive() || own->recursive());
    }
    if (statement.has_insert_stmt()) {
        *statement.mutable_insert_stmt()->mutable_with_clause() = std::move(with);
    } else if (statement.has_update_stmt()) {
        *statement.mutable_update_stmt()->mutable_with_clause() = std::move(with);
    } else if (statement.has_delete_stmt()) {
        *statement.mutable_delete_stmt()->mutable_with_clause() = std::move(with);
    } else {
        *statement.mutable_merge_stmt()->mutable_with_clause() = std::move(with);
    }
    return statement;
}

//! SELECT <targets> FROM <relation> WHERE false: the RETURNING list's columns, no rows.
Node EmptySelectOf(const Returning &returning) {
    Node node = SelectNode();
    auto *select = node.mutable_select_stmt();
    for (const auto &target : *returning.targets) {
        *select->add_target_list() = target;
    }
    *select->add_from_clause()->mutable_range_var() = *returning.relation;
    select->mutable_where_clause()->mutable_a_const()->mutable_boolval()->set_boolval(false);
    return node;
}

//! SELECT * FROM temp.main.<table>.
Node SelectAllOf(const std::string &table) {
    Node node = SelectNode();
    auto *select = node.mutable_select_stmt();
    select->add_target_list()
        ->mutable_res_target()
        ->mutable_val()
        ->mutable_column_ref()
        ->add_fields()
        ->mutable_a_star();
    *select->add_from_clause()->mutable_range_var() = TemporaryTableRange(table);
    return node;
}

std::string Deparsed(const Node &statement) {
    return DeparseOrRefuse(statement, "this data-modifying statement in WITH");
}

} // namespace

bool HasDataModifyingWith(const Node &statement) {
    auto *with = MutableWithOf(const_cast<Node &>(statement));
    if (!with) {
        return false;
    }
    for (const auto &cte : with->ctes()) {
        if (cte.has_common_table_expr() && IsDataModifying(cte.common_table_expr().ctequery())) {
            return true;
        }
    }
    return false;
}

bool CaptureDataModifyingWith(Node &statement, RewriteEffects &effects) {
    if (!HasDataModifyingWith(statement)) {
        return false;
    }
    auto &with = *MutableWithOf(statement);
    google::protobuf::RepeatedPtrField<Node> kept; // the CTEs as the statement reads them, in order
    for (auto &cte : *with.mutable_ctes()) {
        auto &common = *cte.mutable_common_table_expr();
        if (!IsDataModifying(common.ctequery())) {
            *kept.Add() = cte;
            continue;
        }
        CapturedRows capture;
        capture.run = Deparsed(WithPrecedingCtes(common.ctequery(), kept, with.recursive()));
        const auto returning = ReturningOf(common.ctequery());
        if (!returning.targets || returning.targets->empty()) {
            effects.captures.push_back(std::move(capture)); // runs; nothing can read it (PostgreSQL: 42P10)
            continue;
        }
        capture.table = "duckgres_with_" + std::to_string(effects.captures.size()) + "_" + common.ctename();
        capture.create = "CREATE OR REPLACE TEMPORARY TABLE " + QuoteIdentifier(capture.table) + " AS " +
                         Deparsed(EmptySelectOf(returning));
        effects.after.push_back("DROP TABLE IF EXISTS temp.main." + QuoteIdentifier(capture.table));
        *common.mutable_ctequery() = SelectAllOf(capture.table);
        effects.captures.push_back(std::move(capture));
        *kept.Add() = cte;
    }
    if (kept.empty()) {
        // No CTE is left to read: the statement goes without its WITH.
        switch (statement.node_case()) {
        case Node::kSelectStmt:
            statement.mutable_select_stmt()->clear_with_clause();
            break;
        case Node::kInsertStmt:
            statement.mutable_insert_stmt()->clear_with_clause();
            break;
        case Node::kUpdateStmt:
            statement.mutable_update_stmt()->clear_with_clause();
            break;
        default:
            statement.mutable_delete_stmt()->clear_with_clause();
            break;
        }
        return true;
    }
    *with.mutable_ctes() = std::move(kept);
    return true;
}

} // namespace duckgres::sql
