// Parse-tree rewrite passes for PostgreSQL semantics on DuckDB, applied before deparsing.
#include "sql/rewriter.hpp"

#include "sql/catalog_passes.hpp"
#include "sql/ddl_passes.hpp"
#include "sql/dialect_passes.hpp"
#include "sql/json_passes.hpp"
#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"

#include "common/sql_error.hpp"
#include "version.hpp"

#include <google/protobuf/reflection.h>
#include <pg_query.h>
#include <pg_query.pb.h>

#include <functional>
#include <memory>

namespace duckgres::sql {

namespace {

using pg_query::Node;

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

//! `divisor` becomes CASE WHEN divisor = 0 THEN error('division by zero') ELSE divisor END.
bool GuardDivision(Node &node) {
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
    auto *raise = when->mutable_result()->mutable_func_call();
    raise->add_funcname()->mutable_string()->set_sval("error");
    *raise->add_args() = StringConst("division by zero");
    raise->set_funcformat(pg_query::COERCE_EXPLICIT_CALL);
    *case_expr->mutable_defresult() = std::move(divisor);
    *expr->mutable_rexpr() = std::move(guarded);
    return true;
}

bool InlineSessionFunctions(Node &node, const RewriteContext &context) {
    if (node.has_sqlvalue_function()) {
        switch (node.sqlvalue_function().op()) {
        case pg_query::SVFOP_CURRENT_USER:
        case pg_query::SVFOP_SESSION_USER:
        case pg_query::SVFOP_USER:
        case pg_query::SVFOP_CURRENT_ROLE:
            node = TypeCastNode(StringConst(context.user), {"name"});
            return true;
        case pg_query::SVFOP_CURRENT_SCHEMA:
        case pg_query::SVFOP_CURRENT_CATALOG:
            node = TypeCastNode(std::move(node), {"name"}); // PostgreSQL types these name, DuckDB varchar
            return true;
        default:
            return false;
        }
    }
    if (node.has_func_call() && node.func_call().args_size() == 0 &&
        (LastName(node.func_call().funcname()) == "current_schema" ||
         LastName(node.func_call().funcname()) == "current_database")) {
        node = TypeCastNode(std::move(node), {"name"});
        return true;
    }
    if (node.has_func_call() && (node.func_call().args_size() == 1 || node.func_call().args_size() == 2) &&
        context.setting && LastName(node.func_call().funcname()) == "current_setting") {
        // current_setting(name [, missing_ok]): the session's value; with missing_ok, NULL for unknown names.
        const auto &args = node.func_call().args();
        bool missing_ok = args.size() == 2 && args[1].has_a_const() && args[1].a_const().has_boolval() &&
                          args[1].a_const().boolval().boolval();
        if (args[0].has_a_const() && args[0].a_const().has_sval()) {
            if (auto value = context.setting(args[0].a_const().sval().sval())) {
                node = StringConst(*value);
                return true;
            }
            if (missing_ok) {
                Node null;
                null.mutable_a_const()->set_isnull(true);
                node = TypeCastNode(std::move(null), {"text"});
                return true;
            }
            if (!context.engine_settings) {
                throw SqlError("42704",
                               "unrecognized configuration parameter \"" + args[0].a_const().sval().sval() + "\"");
            }
        }
    }
    if (node.has_func_call() && node.func_call().args_size() == 3 && context.set_config &&
        LastName(node.func_call().funcname()) == "set_config") {
        const auto &args = node.func_call().args();
        if (args[0].has_a_const() && args[0].a_const().has_sval() && args[1].has_a_const() &&
            args[1].a_const().has_sval() && args[2].has_a_const() && args[2].a_const().has_boolval()) {
            node = StringConst(context.set_config(args[0].a_const().sval().sval(), args[1].a_const().sval().sval(),
                                                  args[2].a_const().boolval().boolval()));
            return true;
        }
    }
    if (node.has_func_call() && node.func_call().args_size() == 0) {
        const auto &names = node.func_call().funcname();
        if (!names.empty() && names[names.size() - 1].has_string()) {
            const auto &name = names[names.size() - 1].string().sval();
            if (name == "pg_backend_pid") {
                node = IntConst(context.backend_pid);
                return true;
            }
            if (name == "version") {
                // Clients parse version() for "PostgreSQL <major>.<minor>".
                node = StringConst(std::string("PostgreSQL ") + kPostgresVersion + " (Duckgres " + kDuckgresVersion +
                                   ", DuckDB " + kDuckDbVersion + ") on x86_64-pc-linux-gnu, 64-bit");
                return true;
            }
        }
    }
    return false;
}

std::string FunctionName(const pg_query::FuncCall &call) {
    const auto &names = call.funcname();
    if (names.empty() || !names[names.size() - 1].has_string()) {
        return "";
    }
    return names[names.size() - 1].string().sval();
}

//! Set-returning functions whose rows are single values (not records).
bool IsScalarSetFunction(const std::string &name) {
    return name == "generate_series" || name == "unnest" || name == "generate_subscripts" ||
           name == "regexp_split_to_table" || name == "string_to_table";
}

//! `FROM generate_series(1, 3) AS g`: PostgreSQL names the single column after the alias, so
//! `g` is the value; DuckDB would make `g` the whole row. Adds the column alias: `AS g(g)`.
//! True when every argument is an integer constant that fits int4 (PostgreSQL picks
//! generate_series(int, int) for them, whose result is int; DuckDB's is always BIGINT).
bool IntegerConstantArgs(const pg_query::FuncCall &call) {
    if (call.args_size() < 2 || call.args_size() > 3) {
        return false;
    }
    for (const auto &arg : call.args()) {
        const Node *value = &arg;
        if (value->has_a_expr() && value->a_expr().kind() == pg_query::AEXPR_OP && !value->a_expr().has_lexpr() &&
            LastName(value->a_expr().name()) == "-") {
            value = &value->a_expr().rexpr(); // -5
        }
        if (!value->has_a_const() || !value->a_const().has_ival()) {
            return false;
        }
    }
    return true;
}

Node Int4Cast(Node value) {
    Node cast;
    *cast.mutable_type_cast()->mutable_arg() = std::move(value);
    cast.mutable_type_cast()->mutable_type_name()->add_names()->mutable_string()->set_sval("int4");
    cast.mutable_type_cast()->mutable_type_name()->set_typemod(-1);
    return cast;
}

//! `FROM generate_series(1, 3) AS g(n)` with integer constants: a subquery casting the values to int4,
//! as PostgreSQL's generate_series(int, int) returns them.
bool IntegerSeriesInFrom(Node &node) {
    if (!node.has_range_function() || node.range_function().lateral()) {
        return false;
    }
    const auto &range = node.range_function();
    const auto *function = SingleFromFunction(range);
    if (!function || FunctionName(function->func_call()) != "generate_series" ||
        !IntegerConstantArgs(function->func_call())) {
        return false;
    }
    auto [alias, column] = SingleFromFunctionNames(range, "generate_series");
    auto parsed = ParseQuery("SELECT x FROM generate_series(1, 1) AS s(x)");
    Node select = *parsed.statements.at(0).tree;
    auto *target = select.mutable_select_stmt()->mutable_target_list(0)->mutable_res_target();
    target->set_name(column);
    *target->mutable_val() = Int4Cast(target->val());
    auto *inner = select.mutable_select_stmt()->mutable_from_clause(0)->mutable_range_function();
    *inner->mutable_functions(0)->mutable_list()->mutable_items(0) = *function;
    Node subselect;
    *subselect.mutable_range_subselect()->mutable_subquery() = std::move(select);
    subselect.mutable_range_subselect()->mutable_alias()->set_aliasname(alias);
    node = std::move(subselect);
    return true;
}

bool NameSingleColumnFunction(Node &node) {
    if (!node.has_range_function()) {
        return false;
    }
    auto *range = node.mutable_range_function();
    const auto *function = SingleFromFunction(*range);
    if (!range->has_alias() || range->alias().colnames_size() > 0 || !function ||
        !IsScalarSetFunction(FunctionName(function->func_call()))) {
        return false;
    }
    range->mutable_alias()->add_colnames()->mutable_string()->set_sval(range->alias().aliasname());
    return true;
}

//! `SELECT generate_series(1, 3)`: a set-returning function in the select list returns rows in
//! PostgreSQL, but a list in DuckDB: wrap it in unnest().
//! `(_pg_expandarray(a)).x` / `.n` in a select list: the elements / their positions as rows (zipped with
//! the other set-returning functions of the list, as PostgreSQL runs them).
bool UnnestExpandArrayField(Node &node) {
    if (!node.has_res_target() || !node.res_target().val().has_a_indirection()) {
        return false;
    }
    const auto &indirection = node.res_target().val().a_indirection();
    if (!indirection.arg().has_func_call() || FunctionName(indirection.arg().func_call()) != "_pg_expandarray" ||
        indirection.arg().func_call().args_size() != 1 || indirection.indirection_size() != 1 ||
        !indirection.indirection(0).has_string()) {
        return false;
    }
    const auto field = indirection.indirection(0).string().sval();
    Node array = indirection.arg().func_call().args(0);
    Node rows;
    if (field == "x") {
        rows = FuncCallNode({"unnest"}, {array});
    } else if (field == "n") {
        // The position is an integer in PostgreSQL (generate_series gives bigint).
        Node positions = FuncCallNode(
            {"unnest"}, {FuncCallNode({"generate_series"}, {IntConst(1), FuncCallNode({"len"}, {array})})});
        rows.mutable_type_cast()->mutable_type_name()->add_names()->mutable_string()->set_sval("int4");
        rows.mutable_type_cast()->mutable_type_name()->set_typemod(-1);
        *rows.mutable_type_cast()->mutable_arg() = std::move(positions);
    } else {
        return false;
    }
    *node.mutable_res_target()->mutable_val() = std::move(rows);
    return true;
}

//! `SELECT NULL AS x`: PostgreSQL types an untyped NULL in a select list as text (DuckDB: integer).
bool TypeSelectedNull(Node &node) {
    if (!node.has_res_target() || !node.res_target().val().has_a_const() ||
        !node.res_target().val().a_const().isnull()) {
        return false;
    }
    Node cast;
    *cast.mutable_type_cast()->mutable_arg() = node.res_target().val();
    cast.mutable_type_cast()->mutable_type_name()->add_names()->mutable_string()->set_sval("text");
    cast.mutable_type_cast()->mutable_type_name()->set_typemod(-1);
    *node.mutable_res_target()->mutable_val() = std::move(cast);
    return true;
}

bool UnnestTargetSetFunction(Node &node) {
    if (!node.has_res_target() || !node.res_target().has_val() || !node.res_target().val().has_func_call()) {
        return false;
    }
    const auto &call = node.res_target().val().func_call();
    const auto name = FunctionName(call);
    // (information_schema._pg_expandarray is a list of (x, n) records in the catalog.)
    if ((name != "generate_series" && name != "_pg_expandarray") || call.has_over()) {
        return false;
    }
    const bool int4 = name == "generate_series" && IntegerConstantArgs(call);
    Node wrapped;
    auto *unnest = wrapped.mutable_func_call();
    unnest->add_funcname()->mutable_string()->set_sval("unnest");
    *unnest->add_args() = node.res_target().val();
    unnest->set_funcformat(pg_query::COERCE_EXPLICIT_CALL);
    *node.mutable_res_target()->mutable_val() = int4 ? Int4Cast(std::move(wrapped)) : std::move(wrapped);
    return true;
}

//! Functions whose PostgreSQL result type is integer where DuckDB's is BIGINT: the call is
//! cast to integer so clients see int4, as from PostgreSQL.
bool IsInt4Function(const std::string &name) {
    static const char *const names[] = {"length",       "char_length", "character_length", "octet_length",
                                        "bit_length",   "strpos",      "position",         "ascii",
                                        "array_length", "cardinality", "width_bucket",     "ntile",
                                        "array_ndims",  "array_lower", "array_upper",      "generate_subscripts"};
    for (const char *candidate : names) {
        if (name == candidate) {
            return true;
        }
    }
    return false;
}

bool CastInt4Function(Node &node) {
    if (!node.has_func_call() || !IsInt4Function(FunctionName(node.func_call()))) {
        return false;
    }
    node = TypeCastNode(std::move(node), {"pg_catalog", "int4"});
    return true;
}

//! The table a CREATE TABLE / ALTER TABLE names, if any.
const pg_query::RangeVar *TableOf(const Node &statement) {
    if (statement.has_create_stmt()) {
        return &statement.create_stmt().relation();
    }
    if (statement.has_alter_table_stmt()) {
        return &statement.alter_table_stmt().relation();
    }
    return nullptr;
}

//! DuckDB looks up an unqualified REFERENCES target in its own default schema (main); PostgreSQL through the search
//! path: qualify the target with the first schema of the path that has it. A table referencing itself is in its own
//! schema; a target found nowhere is left to fail in the schema unqualified names are created in.
bool QualifyForeignKeyTarget(Node &node, const pg_query::RangeVar *table, const RewriteContext &context) {
    if (!node.has_constraint() || node.constraint().contype() != pg_query::CONSTR_FOREIGN ||
        !node.constraint().has_pktable() || !node.constraint().pktable().schemaname().empty()) {
        return false;
    }
    const auto &target = node.constraint().pktable().relname();
    std::optional<std::string> schema;
    if (context.find_table) {
        schema = context.find_table(target);
    }
    if (!schema && table && table->relname() == target && !table->schemaname().empty()) {
        schema = table->schemaname();
    }
    node.mutable_constraint()->mutable_pktable()->set_schemaname(schema ? *schema : context.creation_schema);
    return true;
}

//! `$n` becomes `$n::type` for parameters whose type only the client knows (declared in Parse)
//! or that PostgreSQL would take as text.
bool CastParameter(Node &node, const RewriteContext &context) {
    if (!node.has_param_ref()) {
        return false;
    }
    auto found = context.parameter_casts.find(node.param_ref().number());
    if (found == context.parameter_casts.end()) {
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

struct DeparseResultDeleter {
    void operator()(PgQueryDeparseResult *result) const {
        pg_query_free_deparse_result(*result);
        delete result;
    }
};

} // namespace

namespace {

std::optional<std::string> Rewrite(const Node &statement, const RewriteContext &context, bool always_deparse) {
    pg_query::ParseResult tree;
    tree.set_version(PG_VERSION_NUM);
    auto *raw = tree.add_stmts();
    *raw->mutable_stmt() = statement;
    bool changed = false;
    std::vector<std::string> notices;
    std::vector<std::string> before;
    const pg_query::RangeVar *table = TableOf(statement);
    WalkNodes(*raw->mutable_stmt(), [&](Node &node) {
        changed |= DropStorageClauses(node, notices);
        changed |= ExpandSerialColumns(node, before);
        changed |= EnforceCharacterLengths(node);
        changed |= FormatToConcat(node);
        changed |= LikeDefaultEscape(node);
        changed |= DropLockingClauses(node, notices);
        changed |= ScalarFunctionInFrom(node);
        changed |= ResolveOutputNames(node);
        changed |= VectorSubscriptsFromZero(node);
        changed |= RedirectCatalogFunction(node);
        changed |= RedirectCatalogRelation(node);
        changed |= CatalogSystemColumns(node);
        changed |= RewriteRegCasts(node);
        changed |= RewriteOperators(node);
        changed |= FillEmptySubquerySelect(node);
        changed |= PrepareArgumentTypes(node);
        changed |= DropDefaultCollation(node);
        changed |= RenameEquivalentFunctions(node);
        changed |= RewriteJson(node);
        changed |= RewriteArrayComparisons(node);
        changed |= CastInt4Function(node);
        changed |= QualifyForeignKeyTarget(node, table, context);
        changed |= CastParameter(node, context);
        changed |= GuardDivision(node);
        changed |= InlineSessionFunctions(node, context);
        changed |= IntegerSeriesInFrom(node);
        changed |= NameSingleColumnFunction(node);
        changed |= UnnestExpandArrayField(node);
        changed |= TypeSelectedNull(node);
        changed |= UnnestTargetSetFunction(node);
    });
    if (context.notices) {
        context.notices->insert(context.notices->end(), notices.begin(), notices.end());
    }
    if (context.before) {
        context.before->insert(context.before->end(), before.begin(), before.end());
    }
    if (!changed && !always_deparse) {
        return std::nullopt;
    }
    std::string bytes;
    tree.SerializeToString(&bytes);
    PgQueryProtobuf protobuf{bytes.size(), bytes.data()};
    std::unique_ptr<PgQueryDeparseResult, DeparseResultDeleter> result(
        new PgQueryDeparseResult(pg_query_deparse_protobuf(protobuf)));
    if (result->error || !result->query) {
        return std::nullopt;
    }
    return std::string(result->query);
}

} // namespace

std::optional<std::string> RewriteForDuckDb(const Node &statement, const RewriteContext &context) {
    return Rewrite(statement, context, false);
}

std::string CursorQueryText(const Node &declare, const RewriteContext &context) {
    auto text = Rewrite(declare.declare_cursor_stmt().query(), context, true);
    if (!text) {
        throw SqlError("0A000", "this cursor query cannot be run");
    }
    return *text;
}

std::vector<std::string> SplitMultiObjectDrop(const Node &statement) {
    std::vector<Node> singles;
    if (statement.has_drop_stmt() && statement.drop_stmt().objects_size() > 1) {
        for (const auto &object : statement.drop_stmt().objects()) {
            Node single = statement;
            single.mutable_drop_stmt()->clear_objects();
            *single.mutable_drop_stmt()->add_objects() = object;
            singles.push_back(std::move(single));
        }
    } else if (statement.has_truncate_stmt() && statement.truncate_stmt().relations_size() > 1) {
        for (const auto &relation : statement.truncate_stmt().relations()) {
            Node single = statement;
            single.mutable_truncate_stmt()->clear_relations();
            *single.mutable_truncate_stmt()->add_relations() = relation;
            singles.push_back(std::move(single));
        }
    }
    std::vector<std::string> parts;
    for (const auto &single : singles) {
        auto text = Rewrite(single, RewriteContext{}, true);
        if (!text) {
            return {};
        }
        parts.push_back(*text);
    }
    return parts;
}

std::map<int32_t, std::string> ExplicitParameterTypes(const Node &statement) {
    std::map<int32_t, std::string> types;
    Node copy = statement;
    WalkNodes(copy, [&](Node &node) {
        if (!node.has_type_cast() || !node.type_cast().arg().has_param_ref()) {
            return;
        }
        const auto &type = node.type_cast().type_name();
        auto name = LastName(type.names());
        if (!name.empty()) {
            types.emplace(node.type_cast().arg().param_ref().number(),
                          type.array_bounds_size() > 0 ? name + "[]" : name);
        }
    });
    return types;
}

std::string CopyQueryText(const Node &copy, const RewriteContext &context) {
    auto text = Rewrite(copy.copy_stmt().query(), context, true);
    if (!text) {
        throw SqlError("0A000", "this COPY query cannot be run");
    }
    return *text;
}

} // namespace duckgres::sql
