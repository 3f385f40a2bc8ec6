// Rewrite passes that keep the names given with CONSTRAINT name, which DuckDB drops, in the table's comment.
#include "sql/constraint_passes.hpp"

#include "common/sql_quote.hpp"
#include "sql/constraint_metadata.hpp"
#include "sql/foreign_key_actions.hpp"
#include "sql/table_locator.hpp"

#include <pg_query.pb.h>

namespace duckgres::sql {

bool KeepConstraintNames(pg_query::Node &node, PassContext &context) {
    if (!node.has_create_stmt()) {
        return false;
    }
    auto &create = *node.mutable_create_stmt();
    // CREATE TABLE IF NOT EXISTS of a table there is leaves its comment alone.
    if (create.if_not_exists() && context.facts.tables &&
        !context.facts.tables->ColumnNames(create.relation().schemaname(), create.relation().relname()).empty()) {
        return false;
    }
    TableComment comment;
    comment.names = NamedConstraints(create);
    if (context.statement && context.statement->has_create_stmt()) {
        // The CHECKs as the client wrote them (the passes have rewritten those of `create` already).
        auto texts = CheckTexts(context.statement->create_stmt());
        comment.names.insert(comment.names.end(), texts.begin(), texts.end());
    }
    // Foreign keys with actions leave the statement (DuckDB refuses them) for the comment.
    const std::string schema =
        create.relation().schemaname().empty() ? context.facts.creation_schema : create.relation().schemaname();
    const auto &relname = create.relation().relname();
    bool changed = false;
    const auto take = [&](const pg_query::Constraint &constraint, const std::string &column) {
        if (!HasReferentialAction(constraint)) {
            return false;
        }
        auto key = DeclaredForeignKey(constraint, column, schema, relname, &create, context.facts.tables.get());
        comment.names.push_back({kManagedForeignKeyKind, EncodeForeignKey(key), key.name});
        changed = true;
        return true;
    };
    auto *elements = create.mutable_table_elts();
    for (int i = 0; i < elements->size();) {
        auto &element = *elements->Mutable(i);
        if (element.has_column_def()) {
            auto *constraints = element.mutable_column_def()->mutable_constraints();
            for (int j = 0; j < constraints->size();) {
                if (take(constraints->Get(j).constraint(), element.column_def().colname())) {
                    constraints->DeleteSubrange(j, 1);
                } else {
                    j++;
                }
            }
        } else if (element.has_constraint() && take(element.constraint(), "")) {
            elements->DeleteSubrange(i, 1);
            continue;
        }
        i++;
    }
    if (comment.names.empty()) {
        return changed;
    }
    std::string table = QuoteIdentifier(relname);
    if (!create.relation().schemaname().empty()) {
        table = QuoteIdentifier(create.relation().schemaname()) + "." + table;
    }
    context.effects.after.push_back("COMMENT ON TABLE " + table + " IS " + QuoteLiteral(FormatTableComment(comment)));
    return changed;
}

bool CommentKeepsConstraintNames(pg_query::Node &node, PassContext &context) {
    if (!node.has_comment_stmt() ||
        (node.comment_stmt().objtype() != pg_query::OBJECT_TABLE &&
         node.comment_stmt().objtype() != pg_query::OBJECT_VIEW) ||
        !context.facts.tables || !node.comment_stmt().object().has_list()) {
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
