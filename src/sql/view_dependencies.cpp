// Which relations a view reads, from its SQL parsed with PostgreSQL's grammar.
#include "sql/view_dependencies.hpp"

#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"

namespace duckgres::sql {

bool ViewReadsRelation(std::string_view view_sql, const std::string &schema, const std::string &name) {
    auto parsed = ParseQuery(view_sql);
    if (!parsed.postgres_syntax_ok) {
        return false;
    }
    bool reads = false;
    for (const auto &statement : parsed.statements) {
        if (!statement.tree || !statement.tree->has_view_stmt()) {
            continue;
        }
        pg_query::Node query = statement.tree->view_stmt().query();
        WalkNodes(query, [&](pg_query::Node &node) {
            reads |=
                node.has_range_var() && node.range_var().relname() == name &&
                (node.range_var().schemaname().empty() || schema.empty() || node.range_var().schemaname() == schema);
        });
    }
    return reads;
}

} // namespace duckgres::sql
