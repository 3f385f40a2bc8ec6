// Rewrite passes that inline the session's user, backend, settings and parameter types.
#include "sql/session_passes.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/search_path.hpp"
#include "sql/statement_parser.hpp"
#include "version.hpp"

#include <pg_query.pb.h>

#include <string>
#include <utility>
#include <vector>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! A call of the function named `name` (any qualification) with `args` arguments: its arguments; null otherwise.
const google::protobuf::RepeatedPtrField<Node> *CallArgs(const Node &node, const char *name, int args) {
    if (!node.has_func_call() || node.func_call().args_size() != args ||
        LastName(node.func_call().funcname()) != name) {
        return nullptr;
    }
    return &node.func_call().args();
}

bool IsBoolConst(const Node &node) {
    return node.has_a_const() && node.a_const().has_boolval();
}

bool IsColumn(const Node &node, std::string_view name) {
    return node.has_column_ref() && node.column_ref().fields_size() <= 2 &&
           LastName(node.column_ref().fields()) == name;
}

//! In `SELECT set_config(name, ...) FROM pg_settings WHERE name = 'x'` (pg_dump's way of setting a parameter the
//! server may not have): 'x', the one value the `name` column can take; empty otherwise.
std::string SettingNameOfTheRow(const Node &argument, const Node *root) {
    if (!IsColumn(argument, "name") || !root || !root->has_select_stmt()) {
        return "";
    }
    const auto &select = root->select_stmt();
    if (select.from_clause_size() != 1 || !select.from_clause(0).has_range_var() ||
        select.from_clause(0).range_var().relname() != "pg_settings" || !select.has_where_clause()) {
        return "";
    }
    const auto &where = select.where_clause();
    if (!where.has_a_expr() || where.a_expr().kind() != pg_query::AEXPR_OP || LastName(where.a_expr().name()) != "=" ||
        !IsColumn(where.a_expr().lexpr(), "name") || !IsStringConst(where.a_expr().rexpr())) {
        return "";
    }
    return where.a_expr().rexpr().a_const().sval().sval();
}

} // namespace

bool InlineCurrentUser(Node &node, PassContext &context) {
    if (!node.has_sqlvalue_function()) {
        return false;
    }
    switch (node.sqlvalue_function().op()) {
    case pg_query::SVFOP_CURRENT_USER:
    case pg_query::SVFOP_SESSION_USER:
    case pg_query::SVFOP_USER:
    case pg_query::SVFOP_CURRENT_ROLE:
        node = TypeCastNode(StringConst(context.facts.user), {"name"});
        return true;
    default:
        return false;
    }
}

bool TypeNameFunctions(Node &node, PassContext &context) {
    bool typed = false;
    if (node.has_sqlvalue_function()) {
        typed = node.sqlvalue_function().op() == pg_query::SVFOP_CURRENT_SCHEMA ||
                node.sqlvalue_function().op() == pg_query::SVFOP_CURRENT_CATALOG;
    } else {
        typed = CallArgs(node, "current_schema", 0) || CallArgs(node, "current_database", 0);
    }
    if (!typed) {
        return false;
    }
    const bool schema = node.has_sqlvalue_function() ? node.sqlvalue_function().op() == pg_query::SVFOP_CURRENT_SCHEMA
                                                     : CallArgs(node, "current_schema", 0) != nullptr;
    if (schema) {
        // With no schema of the search path existing, DuckDB's falls back to its own main: PostgreSQL says NULL.
        node = FuncCallNode({"nullif"}, {std::move(node), StringConst("main")});
    }
    node = TypeCastNode(std::move(node), {"name"});
    return true;
}

bool InlineCurrentSetting(Node &node, PassContext &context) {
    const auto *args = CallArgs(node, "current_setting", 1);
    if (!args) {
        args = CallArgs(node, "current_setting", 2);
    }
    if (!args || !context.facts.settings || !IsStringConst((*args)[0])) {
        return false;
    }
    const auto &name = (*args)[0].a_const().sval().sval();
    bool missing_ok = args->size() == 2 && IsBoolConst((*args)[1]) && (*args)[1].a_const().boolval().boolval();
    std::optional<std::string> value;
    if (auto pending = context.pending_settings.find(AsciiLower(name)); pending != context.pending_settings.end()) {
        value = pending->second;
    } else {
        value = context.facts.settings->Get(name);
    }
    if (value) {
        node = StringConst(*value);
        return true;
    }
    if (missing_ok) {
        Node null;
        null.mutable_a_const()->set_isnull(true);
        node = TypeCastNode(std::move(null), {"text"});
        return true;
    }
    if (!context.facts.engine_settings) {
        throw SqlError("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    return false; // DuckDB's own setting
}

bool InlineCurrentSchemas(Node &node, PassContext &context) {
    const auto *args = CallArgs(node, "current_schemas", 1);
    if (!args || !context.facts.settings || !IsBoolConst((*args)[0])) {
        return false;
    }
    std::optional<std::string> path;
    if (auto pending = context.pending_settings.find("search_path"); pending != context.pending_settings.end()) {
        path = pending->second;
    } else {
        path = context.facts.settings->Get("search_path");
    }
    if (!path) {
        return false;
    }
    // The path's schemas that exist (the query keeps them), pg_catalog first when it is implicit, as PostgreSQL.
    std::vector<std::string> names;
    if ((*args)[0].a_const().boolval().boolval() && path->find("pg_catalog") == std::string::npos) {
        names.push_back("pg_catalog");
    }
    for (auto &schema : SearchPathSchemas(*path, context.facts.user)) {
        names.push_back(std::move(schema));
    }
    std::string list;
    for (const auto &name : names) {
        list += (list.empty() ? "" : ", ") + QuoteLiteral(name);
    }
    const std::string array = "ARRAY[" + list + "]::varchar[]";
    auto parsed =
        ParseQuery("SELECT (SELECT coalesce(list(p.s ORDER BY p.i), ARRAY[]::varchar[]) FROM (SELECT unnest(" + array +
                   ") AS s, generate_subscripts(" + array +
                   ", 1) AS i) p WHERE p.s = 'pg_catalog' OR EXISTS (SELECT 1 FROM duckdb_schemas() d WHERE "
                   "d.database_name = current_database() AND d.schema_name = p.s))");
    node = parsed.statements.at(0).tree->select_stmt().target_list(0).res_target().val();
    return true;
}

bool InlineSetConfig(Node &node, PassContext &context) {
    const auto *args = CallArgs(node, "set_config", 3);
    if (!args || !context.facts.settings || !IsStringConst((*args)[1]) || !IsBoolConst((*args)[2])) {
        return false;
    }
    auto name =
        IsStringConst((*args)[0]) ? (*args)[0].a_const().sval().sval() : SettingNameOfTheRow((*args)[0], context.root);
    if (name.empty() || (!IsStringConst((*args)[0]) && !context.facts.settings->Get(name))) {
        return false; // a row of pg_settings there is not: no call
    }
    SettingChange change{name, (*args)[1].a_const().sval().sval(), (*args)[2].a_const().boolval().boolval()};
    context.effects.setting_changes.push_back(change);
    if (!context.setting_draft) {
        context.setting_draft = context.facts.settings->Draft();
    }
    auto value = context.setting_draft->Apply(change);
    if (value) {
        context.pending_settings[AsciiLower(change.name)] = *value;
    }
    // Without a value the change fails when the session applies it, before the statement runs.
    node = StringConst(value.value_or(change.value));
    return true;
}

bool InlineBackendPid(Node &node, PassContext &context) {
    if (!CallArgs(node, "pg_backend_pid", 0)) {
        return false;
    }
    node = IntConst(context.facts.backend_pid);
    return true;
}

bool PostgresVersion(Node &node, PassContext &context) {
    if (!CallArgs(node, "version", 0)) {
        return false;
    }
    node = StringConst(std::string("PostgreSQL ") + kPostgresVersion + " (Duckgres " + kDuckgresVersion + ", DuckDB " +
                       kDuckDbVersion + ") on x86_64-pc-linux-gnu, 64-bit");
    return true;
}

bool CastParameter(Node &node, PassContext &context) {
    if (!node.has_param_ref()) {
        return false;
    }
    auto found = context.facts.parameter_casts.find(node.param_ref().number());
    if (found == context.facts.parameter_casts.end()) {
        return false;
    }
    Node cast;
    auto *type_cast = cast.mutable_type_cast();
    *type_cast->mutable_arg() = std::move(node);
    auto *type_name = type_cast->mutable_type_name();
    // "name" or "name(a,b)": the modifiers become the type name's typmods.
    auto spec = found->second;
    bool array = spec.size() > 2 && spec.compare(spec.size() - 2, 2, "[]") == 0;
    if (array) {
        spec.resize(spec.size() - 2);
        type_name->add_array_bounds()->mutable_integer()->set_ival(-1);
    }
    auto paren = spec.find('(');
    type_name->add_names()->mutable_string()->set_sval(spec.substr(0, paren));
    if (paren != std::string::npos) {
        size_t start = paren + 1;
        while (start < spec.size()) {
            auto end = spec.find_first_of(",)", start);
            if (end == std::string::npos || end == start) {
                break;
            }
            *type_name->add_typmods() = IntConst(std::stoi(spec.substr(start, end - start)));
            start = end + 1;
        }
    }
    type_name->set_typemod(-1);
    node = std::move(cast);
    return true;
}

} // namespace duckgres::sql
