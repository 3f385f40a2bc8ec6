// Runs the rewrite passes over a statement's parse tree and deparses the result for DuckDB.
#include "sql/rewriter.hpp"

#include "sql/node_builders.hpp"
#include "sql/rewrite_passes.hpp"

#include "common/sql_error.hpp"

#include <pg_query.h>
#include <pg_query.pb.h>

#include <memory>
#include <stdexcept>

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

struct DeparseResultDeleter {
    void operator()(PgQueryDeparseResult *result) const {
        pg_query_free_deparse_result(*result);
        delete result;
    }
};

std::optional<std::string> DeparseTree(const pg_query::ParseResult &tree) {
    std::string bytes;
    tree.SerializeToString(&bytes);
    PgQueryProtobuf protobuf{bytes.size(), bytes.data()};
    std::unique_ptr<PgQueryDeparseResult, DeparseResultDeleter> deparsed(
        new PgQueryDeparseResult(pg_query_deparse_protobuf(protobuf)));
    if (deparsed->error || !deparsed->query) {
        return std::nullopt;
    }
    return std::string(deparsed->query);
}

RewriteResult Rewrite(const Node &statement, const RewriteContext &context, bool always_deparse) {
    pg_query::ParseResult tree;
    tree.set_version(PG_VERSION_NUM);
    auto *raw = tree.add_stmts();
    *raw->mutable_stmt() = statement;
    const auto passes = EnabledPasses(context.disabled_passes);
    PassContext pass_context{context, TableOf(statement), {}, {}};
    bool changed = false;
    WalkNodes(*raw->mutable_stmt(), [&](Node &node) {
        for (auto *pass : passes) {
            changed |= pass(node, pass_context);
        }
    });
    RewriteResult result;
    result.effects = std::move(pass_context.effects);
    if (!changed && !always_deparse && !context.always_deparse) {
        return result;
    }
    result.text = DeparseTree(tree);
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
