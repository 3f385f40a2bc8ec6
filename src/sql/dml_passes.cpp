// DML rewrite passes: SELECT INTO as CREATE TABLE AS, INSERT column lists, ON CONFLICT ON CONSTRAINT as columns.
#include "sql/dml_passes.hpp"

#include "common/sql_error.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! How many values each row of an INSERT's source gives, or 0 when that cannot be told from the tree.
size_t SourceWidth(const pg_query::SelectStmt &select) {
    if (select.op() != pg_query::SETOP_NONE) {
        return 0;
    }
    if (select.values_lists_size() > 0) {
        return static_cast<size_t>(select.values_lists(0).list().items_size());
    }
    for (const auto &target : select.target_list()) {
        const auto &value = target.res_target().val();
        if (value.has_column_ref() && value.column_ref().fields_size() > 0 &&
            value.column_ref().fields(value.column_ref().fields_size() - 1).has_a_star()) {
            return 0; // t.* stands for columns we do not count
        }
    }
    return static_cast<size_t>(select.target_list_size());
}

//! A constant of a VALUES row as a key part: its kind and text; nullopt for NULL or an expression (not comparable
//! before DuckDB evaluates it).
std::optional<std::string> ConstantKey(const Node &value) {
    if (!value.has_a_const() || value.a_const().isnull()) {
        return std::nullopt;
    }
    const auto &constant = value.a_const();
    if (constant.has_ival()) {
        return "i" + std::to_string(constant.ival().ival());
    }
    if (constant.has_sval()) {
        return "s" + constant.sval().sval();
    }
    if (constant.has_fval()) {
        return "f" + constant.fval().fval();
    }
    if (constant.has_boolval()) {
        return constant.boolval().boolval() ? "t" : "f";
    }
    return std::nullopt;
}

} // namespace

bool SelectIntoAsCreateTable(Node &node, PassContext &) {
    if (!node.has_select_stmt() || !node.select_stmt().has_into_clause() ||
        node.select_stmt().op() != pg_query::SETOP_NONE) {
        return false;
    }
    Node created;
    auto *create = created.mutable_create_table_as_stmt();
    *create->mutable_into() = node.select_stmt().into_clause();
    create->set_objtype(pg_query::OBJECT_TABLE);
    auto *query = create->mutable_query();
    *query = node;
    query->mutable_select_stmt()->clear_into_clause();
    node = std::move(created);
    return true;
}

bool FillOmittedInsertColumns(Node &node, PassContext &context) {
    if (!context.facts.fill_insert_columns || !context.facts.tables || !node.has_insert_stmt() ||
        !node.insert_stmt().has_select_stmt() || !node.insert_stmt().select_stmt().has_select_stmt()) {
        return false;
    }
    auto &insert = *node.mutable_insert_stmt();
    const size_t width = SourceWidth(insert.select_stmt().select_stmt());
    if (width == 0) {
        return false;
    }
    const auto &relation = insert.relation();
    const auto columns = context.facts.tables->ColumnNames(relation.schemaname(), relation.relname());
    if (width > columns.size()) {
        return false; // too many values: DuckDB's error stands
    }
    // DuckDB takes no value for a generated column (and counts none without a column list); PostgreSQL takes DEFAULT
    // there, and nothing else.
    const auto generated = context.facts.tables->GeneratedColumns(relation.schemaname(), relation.relname());
    const bool listed = insert.cols_size() > 0;
    if ((listed || width == columns.size()) && generated.empty()) {
        return false;
    }
    if (!listed) {
        for (size_t i = 0; i < width; i++) {
            insert.add_cols()->mutable_res_target()->set_name(columns[i]);
        }
    }
    auto &select = *insert.mutable_select_stmt()->mutable_select_stmt();
    for (int i = insert.cols_size(); i-- > 0;) {
        const std::string &column = insert.cols(i).res_target().name();
        if (!generated.count(column)) {
            continue;
        }
        const bool all_default = select.values_lists_size() > 0 &&
                                 std::all_of(select.values_lists().begin(), select.values_lists().end(),
                                             [&](const Node &row) { return row.list().items(i).has_set_to_default(); });
        if (!all_default) {
            throw SqlError("428C9", "cannot insert a non-DEFAULT value into column \"" + column + "\"",
                           "Column \"" + column + "\" is a generated column.");
        }
        for (auto &row : *select.mutable_values_lists()) {
            row.mutable_list()->mutable_items()->DeleteSubrange(i, 1);
        }
        insert.mutable_cols()->DeleteSubrange(i, 1);
    }
    return true;
}

bool SplitMultiColumnAssignment(Node &node, PassContext &) {
    if (!node.has_res_target() || !node.res_target().val().has_multi_assign_ref()) {
        return false;
    }
    const auto &assign = node.res_target().val().multi_assign_ref();
    const auto &source = assign.source();
    const int column = assign.colno() - 1;
    Node value;
    if (source.has_row_expr() && source.row_expr().args_size() == assign.ncolumns()) {
        value = source.row_expr().args(column);
    } else if (source.has_sub_link() && source.sub_link().sub_link_type() == pg_query::EXPR_SUBLINK &&
               source.sub_link().subselect().has_select_stmt() &&
               source.sub_link().subselect().select_stmt().op() == pg_query::SETOP_NONE &&
               source.sub_link().subselect().select_stmt().target_list_size() == assign.ncolumns()) {
        // (SELECT multi.cN FROM (<the subquery>) AS multi(c1, ..., cn)): the subquery keeps its rows (an aggregate
        // in one column makes it one row), the assignment takes its column.
        const std::string alias = "duckgres_multi_assign";
        Node range = FromSubquery(source.sub_link().subselect(), alias);
        for (int i = 1; i <= assign.ncolumns(); i++) {
            range.mutable_range_subselect()->mutable_alias()->add_colnames()->mutable_string()->set_sval(
                "c" + std::to_string(i));
        }
        Node outer;
        auto *select = outer.mutable_select_stmt();
        select->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
        select->set_op(pg_query::SETOP_NONE);
        auto *field = select->add_target_list()->mutable_res_target()->mutable_val()->mutable_column_ref();
        field->add_fields()->mutable_string()->set_sval(alias);
        field->add_fields()->mutable_string()->set_sval("c" + std::to_string(assign.colno()));
        *select->add_from_clause() = std::move(range);
        value = source;
        *value.mutable_sub_link()->mutable_subselect() = std::move(outer);
    } else {
        return false;
    }
    *node.mutable_res_target()->mutable_val() = std::move(value);
    return true;
}

bool TruncateWithoutIdentityClause(Node &node, PassContext &) {
    if (!node.has_truncate_stmt()) {
        return false;
    }
    node.mutable_truncate_stmt()->set_restart_seqs(false);
    return true;
}

bool ConflictConstraintAsColumns(Node &node, PassContext &context) {
    if (!node.has_insert_stmt() || !node.insert_stmt().has_on_conflict_clause() ||
        node.insert_stmt().on_conflict_clause().infer().conname().empty() || !context.facts.tables) {
        return false;
    }
    auto &insert = *node.mutable_insert_stmt();
    auto *infer = insert.mutable_on_conflict_clause()->mutable_infer();
    const auto &table = insert.relation().relname();
    auto columns = context.facts.tables->ConstraintColumns(insert.relation().schemaname(), table, infer->conname());
    if (columns.empty()) {
        throw SqlError("42704", "constraint \"" + infer->conname() + "\" for table \"" + table + "\" does not exist");
    }
    infer->clear_conname();
    for (const auto &column : columns) {
        auto *element = infer->add_index_elems()->mutable_index_elem();
        element->set_name(column);
        element->set_ordering(pg_query::SORTBY_DEFAULT);
        element->set_nulls_ordering(pg_query::SORTBY_NULLS_DEFAULT);
    }
    return true;
}

bool FailRepeatedConflictKeys(Node &node, PassContext &context) {
    if (!node.has_insert_stmt() || !node.insert_stmt().has_on_conflict_clause() ||
        node.insert_stmt().on_conflict_clause().action() != pg_query::ONCONFLICT_UPDATE ||
        !node.insert_stmt().has_select_stmt() || !node.insert_stmt().select_stmt().has_select_stmt() ||
        node.insert_stmt().select_stmt().select_stmt().values_lists_size() < 2) {
        return false;
    }
    auto &insert = *node.mutable_insert_stmt();
    std::vector<std::string> columns;
    for (const auto &column : insert.cols()) {
        columns.push_back(column.res_target().name());
    }
    if (columns.empty() && context.facts.tables) {
        columns = context.facts.tables->ColumnNames(insert.relation().schemaname(), insert.relation().relname());
    }
    std::vector<size_t> key_positions;
    for (const auto &element : insert.on_conflict_clause().infer().index_elems()) {
        auto found = std::find(columns.begin(), columns.end(), element.index_elem().name());
        if (element.index_elem().name().empty() || found == columns.end()) {
            return false; // an expression index or an unknown column: DuckDB decides
        }
        key_positions.push_back(static_cast<size_t>(found - columns.begin()));
    }
    if (key_positions.empty()) {
        return false;
    }
    // Two rows of one command proposing the same key: the second would update the row the first inserted.
    std::set<std::vector<std::string>> keys;
    for (auto &row : *insert.mutable_select_stmt()->mutable_select_stmt()->mutable_values_lists()) {
        std::vector<std::string> key;
        for (size_t position : key_positions) {
            if (position >= static_cast<size_t>(row.list().items_size())) {
                return false;
            }
            auto part = ConstantKey(row.list().items(static_cast<int>(position)));
            if (!part) {
                key.clear();
                break; // NULL never conflicts; an expression is not known here
            }
            key.push_back(std::move(*part));
        }
        if (!key.empty() && !keys.insert(std::move(key)).second) {
            *row.mutable_list()->mutable_items(static_cast<int>(key_positions[0])) = FuncCallNode(
                {"error"},
                {StringConst("SQLSTATE 21000: ON CONFLICT DO UPDATE command cannot affect row a second time")});
            return true;
        }
    }
    return false;
}

bool QualifyMergeInsertValues(Node &node, PassContext &) {
    if (!node.has_merge_stmt()) {
        return false;
    }
    auto &merge = *node.mutable_merge_stmt();
    const auto &source = merge.source_relation();
    std::string alias;
    if (source.has_range_var()) {
        alias = source.range_var().has_alias() ? source.range_var().alias().aliasname() : source.range_var().relname();
    } else if (source.has_range_subselect()) {
        alias = source.range_subselect().alias().aliasname();
    }
    if (alias.empty()) {
        return false;
    }
    // WHEN NOT MATCHED sees the source row alone: a bare column name there is the source's (DuckDB also looks in the
    // target and calls the name ambiguous).
    bool changed = false;
    for (auto &when : *merge.mutable_merge_when_clauses()) {
        auto &clause = *when.mutable_merge_when_clause();
        if (clause.matched() || clause.command_type() != pg_query::CMD_INSERT) {
            continue;
        }
        for (auto &value : *clause.mutable_values()) {
            WalkNodes(value, [&](Node &inner) {
                if (inner.has_column_ref() && inner.column_ref().fields_size() == 1 &&
                    inner.column_ref().fields(0).has_string()) {
                    auto *fields = inner.mutable_column_ref()->mutable_fields();
                    Node qualifier;
                    qualifier.mutable_string()->set_sval(alias);
                    fields->Add(std::move(qualifier));
                    std::rotate(fields->rbegin(), fields->rbegin() + 1, fields->rend());
                    changed = true;
                }
            });
        }
    }
    return changed;
}

} // namespace duckgres::sql
