// Small constructors of libpg_query parse-tree nodes, shared by the rewrite passes.
#pragma once

#include <google/protobuf/reflection.h>
#include <pg_query.pb.h>

#include <functional>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace duckgres::sql {

//! An empty SELECT (no target, no FROM), to fill.
inline pg_query::Node SelectNode() {
    pg_query::Node node;
    node.mutable_select_stmt()->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
    node.mutable_select_stmt()->set_op(pg_query::SETOP_NONE);
    return node;
}

//! A temporary table of the session's, as DuckDB names it: temp.main.<table>.
inline pg_query::RangeVar TemporaryTableRange(const std::string &table) {
    pg_query::RangeVar range;
    range.set_catalogname("temp");
    range.set_schemaname("main");
    range.set_relname(table);
    range.set_inh(true);
    range.set_relpersistence("p");
    return range;
}

inline pg_query::Node StringConst(const std::string &value) {
    pg_query::Node node;
    node.mutable_a_const()->mutable_sval()->set_sval(value);
    return node;
}

inline pg_query::Node IntConst(int32_t value) {
    pg_query::Node node;
    node.mutable_a_const()->mutable_ival()->set_ival(value);
    return node;
}

//! A call of the function whose (possibly qualified) name is `names`, with `args`.
//! SELECT 1: what DuckDB runs for a statement the session carries out by other means (its rows are not sent).
inline pg_query::Node SelectOne() {
    pg_query::Node node;
    auto *select = node.mutable_select_stmt();
    select->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
    select->set_op(pg_query::SETOP_NONE);
    *select->add_target_list()->mutable_res_target()->mutable_val() = IntConst(1);
    return node;
}

inline pg_query::Node FuncCallNode(std::initializer_list<std::string_view> names,
                                   std::initializer_list<pg_query::Node> args) {
    pg_query::Node node;
    auto *call = node.mutable_func_call();
    for (auto name : names) {
        call->add_funcname()->mutable_string()->set_sval(std::string(name));
    }
    for (const auto &arg : args) {
        *call->add_args() = arg;
    }
    call->set_funcformat(pg_query::COERCE_EXPLICIT_CALL);
    return node;
}

//! `arg::type`, the type's (possibly qualified) name being `names`.
inline pg_query::Node TypeCastNode(pg_query::Node arg, std::initializer_list<std::string_view> names) {
    pg_query::Node node;
    auto *cast = node.mutable_type_cast();
    *cast->mutable_arg() = std::move(arg);
    auto *type_name = cast->mutable_type_name();
    for (auto name : names) {
        type_name->add_names()->mutable_string()->set_sval(std::string(name));
    }
    type_name->set_typemod(-1);
    return node;
}

//! `(select) [LATERAL] AS alias` as a FROM item.
inline pg_query::Node FromSubquery(pg_query::Node select, const std::string &alias, bool lateral = false) {
    pg_query::Node node;
    *node.mutable_range_subselect()->mutable_subquery() = std::move(select);
    node.mutable_range_subselect()->set_lateral(lateral);
    node.mutable_range_subselect()->mutable_alias()->set_aliasname(alias);
    return node;
}

//! Visits every Node below `message`, children before parents, so a pass that replaces a node
//! (wrapping it in a cast, say) never sees its own output again. Uses protobuf reflection so
//! that every kind of node is reached. A node `enter` refuses is skipped with everything below it.
inline void WalkNodes(google::protobuf::Message &message, const std::function<void(pg_query::Node &)> &visit,
                      const std::function<bool(const pg_query::Node &)> &enter = {}) {
    if (const auto *node = enter ? dynamic_cast<const pg_query::Node *>(&message) : nullptr; node && !enter(*node)) {
        return;
    }
    const auto *reflection = message.GetReflection();
    std::vector<const google::protobuf::FieldDescriptor *> fields;
    reflection->ListFields(message, &fields);
    for (const auto *field : fields) {
        if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
            continue;
        }
        if (field->is_repeated()) {
            for (int i = 0; i < reflection->FieldSize(message, field); i++) {
                WalkNodes(*reflection->MutableRepeatedMessage(&message, field, i), visit, enter);
            }
        } else {
            WalkNodes(*reflection->MutableMessage(&message, field), visit, enter);
        }
    }
    if (auto *node = dynamic_cast<pg_query::Node *>(&message)) {
        visit(*node);
    }
}

//! The call of `FROM f(...) [AS a[(c)]]` when it is one plain function (no WITH ORDINALITY, column definition
//! list, ROWS FROM or more than one column alias); null otherwise.
inline const pg_query::Node *SingleFromFunction(const pg_query::RangeFunction &range) {
    if (range.functions_size() != 1 || range.ordinality() || range.coldeflist_size() > 0 || range.is_rowsfrom() ||
        range.alias().colnames_size() > 1) {
        return nullptr;
    }
    const auto &pair = range.functions(0);
    if (!pair.has_list() || pair.list().items_size() < 1 || !pair.list().items(0).has_func_call()) {
        return nullptr;
    }
    return &pair.list().items(0);
}

//! The names PostgreSQL gives `FROM f(...) [AS a[(c)]]` when f returns one column: the relation is `a`, else
//! `function`; the column is `c`, else the relation's name.
inline std::pair<std::string, std::string> SingleFromFunctionNames(const pg_query::RangeFunction &range,
                                                                   const std::string &function) {
    std::string relation = range.has_alias() ? range.alias().aliasname() : function;
    std::string column = range.alias().colnames_size() == 1 ? range.alias().colnames(0).string().sval() : relation;
    return {relation, column};
}

//! `a = b`, `a <> b` or `a != b` with both sides: the expression; null for any other node.
inline pg_query::A_Expr *EqualityComparison(pg_query::Node &node) {
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP || !node.a_expr().has_lexpr() ||
        !node.a_expr().has_rexpr() || node.a_expr().name_size() == 0) {
        return nullptr;
    }
    const auto &names = node.a_expr().name();
    const auto &op = names[names.size() - 1];
    if (!op.has_string() || (op.string().sval() != "=" && op.string().sval() != "<>" && op.string().sval() != "!=")) {
        return nullptr;
    }
    return node.mutable_a_expr();
}

//! A string constant ('text').
inline bool IsStringConst(const pg_query::Node &node) {
    return node.has_a_const() && node.a_const().has_sval();
}

//! The unqualified name of a qualified-name list (the last String item); empty if there is none.
inline std::string LastName(const google::protobuf::RepeatedPtrField<pg_query::Node> &names) {
    if (names.empty() || !names[names.size() - 1].has_string()) {
        return "";
    }
    return names[names.size() - 1].string().sval();
}

} // namespace duckgres::sql
