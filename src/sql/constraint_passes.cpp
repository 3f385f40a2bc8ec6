// Rewrite passes that keep the names given with CONSTRAINT name, which DuckDB drops, in the table's comment.
#include "sql/constraint_passes.hpp"

#include "common/sql_quote.hpp"
#include "sql/constraint_metadata.hpp"
#include "sql/table_locator.hpp"

#include <pg_query.pb.h>

namespace duckgres::sql {

bool KeepConstraintNames(pg_query::Node &node, PassContext &context) {
    if (!node.has_create_stmt()) {
        return false;
    }
    const auto &create = node.create_stmt();
    TableComment comment;
    comment.names = NamedConstraints(create);
    // CREATE TABLE IF NOT EXISTS of a table there is leaves its comment alone.
    if (comment.names.empty() ||
        (create.if_not_exists() && context.facts.tables &&
         !context.facts.tables->ColumnNames(create.relation().schemaname(), create.relation().relname()).empty())) {
        return false;
    }
    std::string table = QuoteIdentifier(create.relation().relname());
    if (!create.relation().schemaname().empty()) {
        table = QuoteIdentifier(create.relation().schemaname()) + "." + table;
    }
    context.effects.after.push_back("COMMENT ON TABLE " + table + " IS " + QuoteLiteral(FormatTableComment(comment)));
    return false;
}

bool CommentKeepsConstraintNames(pg_query::Node &node, PassContext &context) {
    if (!node.has_comment_stmt() || node.comment_stmt().objtype() != pg_query::OBJECT_TABLE || !context.facts.tables ||
        !node.comment_stmt().object().has_list()) {
        return false;
    }
    auto *comment = node.mutable_comment_stmt();
    const auto &names = comment->object().list().items();
    if (names.empty() || names.size() > 2) {
        return false;
    }
    const std::string schema = names.size() == 2 ? names[0].string().sval() : "";
    auto kept = ParseTableComment(context.facts.tables->TableComment(schema, names[names.size() - 1].string().sval()));
    std::string text = WithoutSeparators(comment->comment()); // a user's text never forges kept names
    if (kept.names.empty()) {
        if (text == comment->comment()) {
            return false;
        }
        comment->set_comment(text);
        return true;
    }
    kept.text = std::move(text);
    comment->set_comment(FormatTableComment(kept));
    return true;
}

} // namespace duckgres::sql
