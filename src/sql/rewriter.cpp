// Runs the rewrite passes over a statement's parse tree and deparses the result for DuckDB.
#include "sql/rewriter.hpp"

#include "sql/column_names.hpp"
#include "sql/column_types.hpp"
#include "sql/data_modifying_with.hpp"
#include "sql/engine_keywords.hpp"
#include "sql/foreign_key_actions.hpp"
#include "sql/function_macros.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewrite_passes.hpp"
#include "sql/update_from_returning.hpp"
#include "sql/upsert_returning_order.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"

#include <pg_query.h>
#include <pg_query.pb.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace duckgres::sql {

namespace {

using pg_query::Node;

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

//! The passes of the table that `disabled` does not name, in order.
std::vector<PassFunction> EnabledPasses(const std::set<std::string> &disabled) {
    std::vector<PassFunction> passes;
    size_t matched = 0;
    for (const auto &pass : RewritePasses()) {
        if (disabled.count(pass.name)) {
            matched++;
        } else {
            passes.push_back(pass.function);
        }
    }
    if (matched != disabled.size()) {
        throw std::invalid_argument("disabled_passes names a pass the rewriter does not have");
    }
    return passes;
}

//! Whether a CREATE TABLE / ALTER TABLE defines a generated column (GENERATED ALWAYS AS (...) STORED).
bool DefinesGeneratedColumn(const Node &statement) {
    if (!statement.has_create_stmt() && !statement.has_alter_table_stmt()) {
        return false;
    }
    bool found = false;
    Node copy = statement;
    WalkNodes(copy, [&](Node &node) {
        found |= node.has_constraint() && node.constraint().contype() == pg_query::CONSTR_GENERATED;
    });
    return found;
}

//! The deparser writes every generated column as `GENERATED ALWAYS AS (expr) STORED`; DuckDB computes its generated
//! columns when they are read (the same values) and refuses STORED: the word goes.
std::string WithoutStoredKeyword(std::string text) {
    static constexpr std::string_view kGenerated = "GENERATED ALWAYS AS (";
    static constexpr std::string_view kStored = " STORED";
    for (size_t at = text.find(kGenerated); at != std::string::npos; at = text.find(kGenerated, at + 1)) {
        // The closing parenthesis of the expression, outside string literals and quoted names.
        int depth = 1;
        char quote = 0;
        size_t end = at + kGenerated.size();
        for (; end < text.size() && depth > 0; end++) {
            const char c = text[end];
            if (quote) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
        }
        if (depth == 0 && text.compare(end, kStored.size(), kStored) == 0) {
            text.erase(end, kStored.size());
        }
    }
    return text;
}

struct DeparseResultDeleter {
    void operator()(PgQueryDeparseResult *result) const {
        pg_query_free_deparse_result(*result);
        delete result;
    }
};

//! The ALTER TABLE's actions, each ADD COLUMN ... NOT NULL as ADD COLUMN (its default fills the rows) followed by
//! ALTER COLUMN ... SET NOT NULL.
google::protobuf::RepeatedPtrField<Node> WithNotNullApart(const pg_query::AlterTableStmt &alter) {
    google::protobuf::RepeatedPtrField<Node> commands;
    for (const auto &command : alter.cmds()) {
        Node added = command;
        auto &cmd = *added.mutable_alter_table_cmd();
        auto *constraints = cmd.mutable_def()->mutable_column_def()->mutable_constraints();
        const bool not_null = cmd.subtype() == pg_query::AT_AddColumn && cmd.def().has_column_def() &&
                              std::any_of(constraints->begin(), constraints->end(), [](const Node &constraint) {
                                  return constraint.constraint().contype() == pg_query::CONSTR_NOTNULL;
                              });
        if (!not_null) {
            *commands.Add() = command;
            continue;
        }
        const std::string column = cmd.def().column_def().colname();
        for (int i = constraints->size() - 1; i >= 0; i--) {
            if ((*constraints)[i].constraint().contype() == pg_query::CONSTR_NOTNULL) {
                constraints->DeleteSubrange(i, 1);
            }
        }
        *commands.Add() = std::move(added);
        Node set_not_null;
        set_not_null.mutable_alter_table_cmd()->set_subtype(pg_query::AT_SetNotNull);
        set_not_null.mutable_alter_table_cmd()->set_name(column);
        set_not_null.mutable_alter_table_cmd()->set_behavior(pg_query::DROP_RESTRICT);
        *commands.Add() = std::move(set_not_null);
    }
    return commands;
}

std::optional<std::string> DeparseTree(const pg_query::ParseResult &tree) {
    std::string bytes;
    tree.SerializeToString(&bytes);
    PgQueryProtobuf protobuf{bytes.size(), bytes.data()};
    std::unique_ptr<PgQueryDeparseResult, DeparseResultDeleter> deparsed(
        new PgQueryDeparseResult(pg_query_deparse_protobuf(protobuf)));
    if (deparsed->error || !deparsed->query) {
        return std::nullopt;
    }
    // The deparser quotes PostgreSQL's keywords only; DuckDB reserves more.
    return QuoteEngineOnlyKeywords(deparsed->query);
}

RewriteResult Rewrite(const Node &statement, const RewriteContext &context, bool always_deparse) {
    // CREATE FUNCTION ... LANGUAGE sql: a macro whose body is rewritten like any query.
    auto macro = FunctionAsMacro(
        statement,
        [&](const Node &query) {
            // A macro's parameters have no type when DuckDB binds its body: the passes that dispatch on their
            // operands' types through catalog macros (exact division, numeric casts) would tie between overloads.
            RewriteContext body_context = context;
            body_context.disabled_passes.insert({"numeric_quotients", "numeric_casts"});
            auto text = Rewrite(query, body_context, true).text;
            if (!text) {
                throw SqlError("0A000", "this function body cannot be run by DuckDB");
            }
            return *text;
        },
        [&](const std::string &schema, const std::string &name) {
            return context.tables && context.tables->IsTableMacro(schema, name);
        });
    if (macro) {
        return RewriteResult{std::move(macro), {}};
    }
    pg_query::ParseResult tree;
    tree.set_version(PG_VERSION_NUM);
    auto *raw = tree.add_stmts();
    *raw->mutable_stmt() = statement;
    const auto passes = EnabledPasses(context.disabled_passes);
    PassContext pass_context{context, TableOf(statement), {}, {}, {}, &statement, {}, raw->mutable_stmt()};
    bool changed = false;
    const auto *top_select = statement.has_select_stmt() ? &statement.select_stmt() : nullptr;
    if (top_select && top_select->target_list_size() == 0 && top_select->op() == pg_query::SETOP_NONE &&
        top_select->values_lists_size() == 0 && !top_select->has_into_clause()) {
        // SELECT with an empty select list: DuckDB needs a column; the session sends none.
        auto *target = raw->mutable_stmt()->mutable_select_stmt()->add_target_list()->mutable_res_target();
        target->set_name(std::string(kNoColumnsPlaceholder));
        *target->mutable_val() = IntConst(1);
        changed = true;
    }
    WalkNodes(*raw->mutable_stmt(), [&](Node &node) {
        for (auto *pass : passes) {
            changed |= pass(node, pass_context);
        }
    });
    // After the passes: the statements DuckDB cannot run in one go become steps (captures) as the passes left them.
    EnforceManagedForeignKeys(*raw->mutable_stmt(), context, pass_context.effects);
    changed |= CaptureDataModifyingWith(*raw->mutable_stmt(), pass_context.effects);
    changed |= CaptureUpdateFromReturning(*raw->mutable_stmt(), pass_context.effects);
    changed |= OrderUpsertReturning(*raw->mutable_stmt(), pass_context.effects);
    RewriteResult result;
    result.effects = std::move(pass_context.effects);
    const bool generated = DefinesGeneratedColumn(statement);
    if (!changed && !always_deparse && !context.always_deparse && !generated && !NamesEngineOnlyKeyword(statement)) {
        return result;
    }
    result.text = DeparseTree(tree);
    if (result.text && generated) {
        result.text = WithoutStoredKeyword(*result.text);
    }
    return result;
}

//! The rewrite of a query inside another statement (DECLARE, COPY): its text always set, or 0A000 `refusal`.
RewriteResult RewriteInnerQuery(const Node &query, const RewriteContext &context, const char *refusal) {
    auto result = Rewrite(query, context, true);
    if (!result.text) {
        throw SqlError("0A000", refusal);
    }
    return result;
}

//! The text of a rewritten inner query whose effects the caller cannot apply: set_config() there is refused.
} // namespace

RewriteResult RewriteForDuckDb(const Node &statement, const RewriteContext &context) {
    return Rewrite(statement, context, false);
}

RewriteResult RewriteCursorQuery(const Node &declare, const RewriteContext &context) {
    return RewriteInnerQuery(declare.declare_cursor_stmt().query(), context, "this cursor query cannot be run");
}

RewriteResult RewriteCopyQuery(const Node &copy, const RewriteContext &context) {
    return RewriteInnerQuery(copy.copy_stmt().query(), context, "this COPY query cannot be run");
}

std::optional<std::string> DeparseStatement(const Node &statement) {
    pg_query::ParseResult tree;
    tree.set_version(PG_VERSION_NUM);
    *tree.add_stmts()->mutable_stmt() = statement;
    return DeparseTree(tree);
}

std::string DeparseOrRefuse(const Node &statement, const std::string &what) {
    auto text = DeparseStatement(statement);
    if (!text) {
        throw SqlError("0A000", what + " cannot be run by DuckDB");
    }
    return *text;
}

bool AddsNotNullColumn(const pg_query::AlterTableStmt &alter) {
    for (const auto &command : alter.cmds()) {
        const auto &cmd = command.alter_table_cmd();
        if (cmd.subtype() != pg_query::AT_AddColumn || !cmd.def().has_column_def()) {
            continue;
        }
        for (const auto &constraint : cmd.def().column_def().constraints()) {
            if (constraint.constraint().contype() == pg_query::CONSTR_NOTNULL) {
                return true;
            }
        }
    }
    return false;
}

std::vector<std::string> SplitIntoSingleStatements(const Node &statement) {
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
    } else if (statement.has_alter_table_stmt() &&
               (statement.alter_table_stmt().cmds_size() > 1 || AddsNotNullColumn(statement.alter_table_stmt()))) {
        for (const auto &command : WithNotNullApart(statement.alter_table_stmt())) {
            Node single = statement;
            single.mutable_alter_table_stmt()->clear_cmds();
            *single.mutable_alter_table_stmt()->add_cmds() = command;
            singles.push_back(std::move(single));
        }
    }
    if (statement.has_create_domain_stmt()) {
        // A DuckDB type alias, with the domain's definition kept in its comment (the CREATE TABLE rewrite reads its
        // constraints from there: see ExpandDomainConstraints).
        auto definition = Rewrite(statement, RewriteContext{}, true).text;
        Node bare = statement;
        bare.mutable_create_domain_stmt()->clear_constraints();
        auto type = Rewrite(bare, RewriteContext{}, true).text;
        constexpr std::string_view kCreateDomain = "CREATE DOMAIN ";
        if (!definition || !type || type->compare(0, kCreateDomain.size(), kCreateDomain) != 0) {
            return {};
        }
        std::string name;
        for (const auto &part : statement.create_domain_stmt().domainname()) {
            name += (name.empty() ? "" : ".") + QuoteIdentifierIfNeeded(part.string().sval());
        }
        return {"CREATE TYPE " + type->substr(kCreateDomain.size()),
                "COMMENT ON TYPE " + name + " IS " + QuoteLiteral(*definition)};
    }
    std::vector<std::string> parts;
    for (const auto &single : singles) {
        auto text = Rewrite(single, RewriteContext{}, true).text;
        if (!text) {
            return {};
        }
        parts.push_back(std::move(*text));
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

} // namespace duckgres::sql
