// CREATE FUNCTION ... LANGUAGE sql as DuckDB macros, and DROP FUNCTION as DROP MACRO.
#include "sql/function_macros.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"

#include <vector>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! `schema.name` of a qualified-name list, each part quoted where needed.
std::string QualifiedName(const google::protobuf::RepeatedPtrField<Node> &names) {
    std::string out;
    for (const auto &name : names) {
        out += (out.empty() ? "" : ".") + QuoteIdentifierIfNeeded(name.string().sval());
    }
    return out;
}

//! The string argument of the option `name` (LANGUAGE, AS), and the whole DefElem's list for AS.
const Node *Option(const pg_query::CreateFunctionStmt &function, const std::string &name) {
    for (const auto &option : function.options()) {
        if (option.has_def_elem() && option.def_elem().defname() == name) {
            return &option.def_elem().arg();
        }
    }
    return nullptr;
}

//! The body's one statement: from the AS string (parsed here) or the SQL-standard body.
Node BodyStatement(const pg_query::CreateFunctionStmt &function) {
    if (function.has_sql_body()) {
        const Node &body = function.sql_body();
        if (body.has_return_stmt()) {
            return body;
        }
        // BEGIN ATOMIC ... END: a list holding the list of statements.
        if (body.has_list() && body.list().items_size() == 1 && body.list().items(0).has_list() &&
            body.list().items(0).list().items_size() == 1) {
            return body.list().items(0).list().items(0);
        }
        throw SqlError("0A000", "a function body of several statements cannot be a DuckDB macro");
    }
    const Node *as = Option(function, "as");
    if (!as || !as->has_list() || as->list().items_size() != 1 || !as->list().items(0).has_string()) {
        throw SqlError("42P13", "no function body specified");
    }
    auto parsed = ParseQuery(as->list().items(0).string().sval());
    if (!parsed.postgres_syntax_ok) {
        throw SqlError("42601", parsed.syntax_error);
    }
    if (parsed.statements.size() != 1 || !parsed.statements[0].tree) {
        throw SqlError("0A000", "a function body of several statements cannot be a DuckDB macro");
    }
    return *parsed.statements[0].tree;
}

//! A SELECT of one expression and nothing else (SELECT a + b): that expression; null otherwise.
const Node *PlainExpression(const Node &statement) {
    if (statement.has_return_stmt()) {
        return &statement.return_stmt().returnval();
    }
    if (!statement.has_select_stmt()) {
        return nullptr;
    }
    const auto &select = statement.select_stmt();
    Node bare;
    *bare.mutable_select_stmt()->mutable_target_list() = select.target_list();
    bare.mutable_select_stmt()->set_limit_option(select.limit_option());
    bare.mutable_select_stmt()->set_op(select.op());
    if (select.target_list_size() != 1 || !select.target_list(0).has_res_target() ||
        select.SerializeAsString() != bare.select_stmt().SerializeAsString()) {
        return nullptr;
    }
    return &select.target_list(0).res_target().val();
}

std::string DropMacro(const pg_query::DropStmt &drop,
                      const std::function<bool(const std::string &, const std::string &)> &is_table_macro) {
    if (drop.objects_size() != 1 || !drop.objects(0).has_object_with_args()) {
        return "";
    }
    const auto &names = drop.objects(0).object_with_args().objname();
    const std::string schema = names.size() >= 2 ? names[names.size() - 2].string().sval() : "";
    const bool table = is_table_macro && is_table_macro(schema, LastName(names));
    return std::string("DROP MACRO ") + (table ? "TABLE " : "") + (drop.missing_ok() ? "IF EXISTS " : "") +
           QualifiedName(names);
}

} // namespace

std::optional<std::string>
FunctionAsMacro(const Node &statement, const QueryRewriter &rewrite,
                const std::function<bool(const std::string &schema, const std::string &name)> &is_table_macro) {
    if (statement.has_drop_stmt() && statement.drop_stmt().remove_type() == pg_query::OBJECT_FUNCTION) {
        auto drop = DropMacro(statement.drop_stmt(), is_table_macro);
        return drop.empty() ? std::nullopt : std::optional<std::string>(drop);
    }
    if (!statement.has_create_function_stmt()) {
        return std::nullopt;
    }
    const auto &function = statement.create_function_stmt();
    if (function.is_procedure()) {
        throw SqlError("0A000", "CREATE PROCEDURE is not supported: DuckDB has no procedures");
    }
    const Node *language = Option(function, "language");
    const std::string language_name = language && language->has_string() ? language->string().sval() : "sql";
    if (language_name != "sql") {
        throw SqlError("0A000", "functions in language \"" + language_name +
                                    "\" are not supported: only LANGUAGE sql functions, as DuckDB macros; function \"" +
                                    LastName(function.funcname()) + "\" was not created");
    }
    // The macro's parameters: the IN parameters' names ($n when unnamed); RETURNS TABLE columns name the result.
    std::vector<std::string> parameters;
    std::vector<std::string> result_columns;
    for (const auto &node : function.parameters()) {
        const auto &parameter = node.function_parameter();
        if (parameter.mode() == pg_query::FUNC_PARAM_TABLE) {
            result_columns.push_back(QuoteIdentifierIfNeeded(parameter.name()));
        } else if (parameter.mode() == pg_query::FUNC_PARAM_IN || parameter.mode() == pg_query::FUNC_PARAM_DEFAULT) {
            parameters.push_back(parameter.name().empty() ? "duckgres_arg" + std::to_string(parameters.size() + 1)
                                                          : parameter.name());
        } else {
            throw SqlError("0A000", "OUT, INOUT and VARIADIC parameters are not supported: a DuckDB macro has only "
                                    "input parameters");
        }
    }
    Node body = BodyStatement(function);
    WalkNodes(body, [&](Node &node) {
        if (node.has_param_ref() && node.param_ref().number() >= 1 &&
            static_cast<size_t>(node.param_ref().number()) <= parameters.size()) {
            const auto &name = parameters[node.param_ref().number() - 1];
            node.Clear();
            node.mutable_column_ref()->add_fields()->mutable_string()->set_sval(name);
        }
    });
    std::string header = std::string("CREATE ") + (function.replace() ? "OR REPLACE " : "") + "MACRO " +
                         QualifiedName(function.funcname()) + "(";
    for (size_t i = 0; i < parameters.size(); i++) {
        header += (i ? ", " : "") + QuoteIdentifierIfNeeded(parameters[i]);
    }
    header += ") AS ";
    if (function.return_type().setof()) {
        if (!body.has_select_stmt()) {
            throw SqlError("0A000", "a set-returning function's body must be a query to be a DuckDB table macro");
        }
        std::string query = rewrite(body);
        if (result_columns.empty()) {
            return header + "TABLE " + query;
        }
        std::string columns;
        for (const auto &column : result_columns) {
            columns += (columns.empty() ? "" : ", ") + column;
        }
        return header + "TABLE SELECT * FROM (" + query + ") AS duckgres_result(" + columns + ")";
    }
    // A scalar function returns its query's first row.
    Node value;
    if (const Node *expression = PlainExpression(body)) {
        value = *expression;
    } else if (body.has_select_stmt()) {
        if (!body.select_stmt().has_limit_count()) {
            *body.mutable_select_stmt()->mutable_limit_count() = IntConst(1);
            body.mutable_select_stmt()->set_limit_option(pg_query::LIMIT_OPTION_COUNT);
        }
        auto *sublink = value.mutable_sub_link();
        sublink->set_sub_link_type(pg_query::EXPR_SUBLINK);
        *sublink->mutable_subselect() = body;
    } else {
        throw SqlError("0A000", "a function body that is not a query cannot be a DuckDB macro");
    }
    Node cast;
    *cast.mutable_type_cast()->mutable_arg() = value;
    *cast.mutable_type_cast()->mutable_type_name() = function.return_type();
    value = cast;
    for (const auto &option : function.options()) {
        // STRICT: NULL for any NULL argument, without evaluating the body.
        if (option.has_def_elem() && option.def_elem().defname() == "strict" && !parameters.empty() &&
            option.def_elem().arg().has_boolean() && option.def_elem().arg().boolean().boolval()) {
            Node any_null;
            auto *test = any_null.mutable_bool_expr();
            test->set_boolop(pg_query::OR_EXPR);
            for (const auto &name : parameters) {
                auto *null_test = test->add_args()->mutable_null_test();
                null_test->mutable_arg()->mutable_column_ref()->add_fields()->mutable_string()->set_sval(name);
                null_test->set_nulltesttype(pg_query::IS_NULL);
            }
            if (parameters.size() == 1) {
                Node single = test->args(0);
                any_null = std::move(single);
            }
            Node guarded;
            auto *case_expr = guarded.mutable_case_expr();
            auto *when = case_expr->add_args()->mutable_case_when();
            *when->mutable_expr() = any_null;
            *when->mutable_result() = TypeCastNode(Node(), {});
            when->mutable_result()->mutable_type_cast()->mutable_arg()->mutable_a_const()->set_isnull(true);
            *when->mutable_result()->mutable_type_cast()->mutable_type_name() = function.return_type();
            *case_expr->mutable_defresult() = value;
            value = guarded;
        }
    }
    Node select;
    select.mutable_select_stmt()->add_target_list()->mutable_res_target()->mutable_val()->Swap(&value);
    select.mutable_select_stmt()->set_limit_option(pg_query::LIMIT_OPTION_DEFAULT);
    select.mutable_select_stmt()->set_op(pg_query::SETOP_NONE);
    std::string text = rewrite(select);
    constexpr std::string_view kSelect = "SELECT ";
    if (text.compare(0, kSelect.size(), kSelect) != 0) {
        throw SqlError("0A000", "this function body cannot be a DuckDB macro");
    }
    return header + text.substr(kSelect.size());
}

} // namespace duckgres::sql
