// The statements that make a table again with other constraints, keeping its rows, defaults, indexes and comments.
#include "sql/table_rebuild.hpp"

#include "common/sql_quote.hpp"

namespace duckgres::sql {

std::vector<std::string> TableRebuildStatements(const TableRebuild &rebuild) {
    const std::string copy = QuoteIdentifier(rebuild.copy_name);
    std::string create =
        std::string("CREATE ") + (rebuild.temporary ? "TEMPORARY " : "") + "TABLE " + rebuild.table + " (";
    std::vector<std::string> after;
    for (size_t i = 0; i < rebuild.columns.size(); i++) {
        const auto &column = rebuild.columns[i];
        create += (i == 0 ? "" : ", ") + QuoteIdentifier(column.name) + " " + column.type +
                  (column.not_null ? " NOT NULL" : "");
        if (!column.default_expression.empty()) {
            after.push_back("ALTER TABLE " + rebuild.table + " ALTER COLUMN " + QuoteIdentifier(column.name) +
                            " SET DEFAULT " + column.default_expression);
        }
    }
    for (const auto &constraint : rebuild.constraints) {
        create += ", " + constraint;
    }
    create += ")";
    std::vector<std::string> statements = {
        "CREATE TEMPORARY TABLE " + copy + " AS SELECT * FROM " + rebuild.table,
        "DROP TABLE " + rebuild.table,
        create,
        "INSERT INTO " + rebuild.table + " SELECT * FROM " + copy,
        "DROP TABLE " + copy,
    };
    statements.insert(statements.end(), after.begin(), after.end());
    statements.insert(statements.end(), rebuild.indexes.begin(), rebuild.indexes.end());
    if (!rebuild.comment.empty()) {
        statements.push_back("COMMENT ON TABLE " + rebuild.table + " IS " + QuoteLiteral(rebuild.comment));
    }
    for (const auto &column : rebuild.columns) {
        if (!column.comment.empty()) {
            statements.push_back("COMMENT ON COLUMN " + rebuild.table + "." + QuoteIdentifier(column.name) + " IS " +
                                 QuoteLiteral(column.comment));
        }
    }
    return statements;
}

} // namespace duckgres::sql
