// Whether a write can run again with the same effect (ROLLBACK TO SAVEPOINT replays the transaction up to it).
#include "sql/replay_safety.hpp"

#include "common/ascii.hpp"
#include "sql/data_modifying_with.hpp"

#include <pg_query.pb.h>

#include <array>
#include <string_view>

namespace duckgres::sql {

namespace {

//! Names of functions whose value changes from one run to the next (a word of the statement containing one is
//! enough to refuse: refusing a repeatable statement costs a 0A000, replaying another would corrupt data).
constexpr std::array<std::string_view, 14> kVolatileWords = {
    "nextval",      "setval",    "random",       "uuid",   "now",        "current_timestamp",
    "current_time", "localtime", "current_date", "clock_", "statement_", "transaction_timestamp",
    "timeofday",    "serial",
};

//! The statement kinds whose effect depends only on the data they read.
bool IsRepeatableKind(const pg_query::Node &tree) {
    switch (tree.node_case()) {
    case pg_query::Node::kInsertStmt:
    case pg_query::Node::kUpdateStmt:
    case pg_query::Node::kDeleteStmt:
    case pg_query::Node::kMergeStmt:
    case pg_query::Node::kSelectStmt:
    case pg_query::Node::kCreateStmt:
    case pg_query::Node::kCreateTableAsStmt:
    case pg_query::Node::kViewStmt:
    case pg_query::Node::kIndexStmt:
        return true;
    default:
        return false;
    }
}

std::string QualifiedName(const pg_query::RangeVar &relation) {
    return relation.schemaname().empty() ? relation.relname() : relation.schemaname() + "." + relation.relname();
}

} // namespace

std::optional<std::string> ReplayRefusal(const ParsedStatement &statement) {
    const std::string name = statement.tag.empty() ? "a statement in DuckDB's own syntax" : statement.tag;
    if (!statement.tree || !IsRepeatableKind(*statement.tree) || !statement.Is<GenericStatement>()) {
        return name;
    }
    if (HasDataModifyingWith(*statement.tree)) {
        return name + " with a data-modifying WITH"; // its rows went through temporary tables, gone since
    }
    for (const auto word : kVolatileWords) {
        if (ContainsIgnoreAsciiCase(statement.text, word)) {
            return name + " calling " + std::string(word);
        }
    }
    if (statement.tree->has_create_stmt()) {
        for (const auto &element : statement.tree->create_stmt().table_elts()) {
            if (!element.has_column_def()) {
                continue;
            }
            for (const auto &constraint : element.column_def().constraints()) {
                if (constraint.has_constraint() && constraint.constraint().contype() == pg_query::CONSTR_IDENTITY) {
                    return name + " with an identity column";
                }
            }
        }
    }
    return std::nullopt;
}

std::string InsertTarget(const ParsedStatement &statement) {
    if (!statement.tree) {
        return "";
    }
    if (statement.tree->has_insert_stmt()) {
        return QualifiedName(statement.tree->insert_stmt().relation());
    }
    if (statement.tree->has_merge_stmt()) {
        return QualifiedName(statement.tree->merge_stmt().relation());
    }
    return "";
}

} // namespace duckgres::sql
