// Splits query strings into statements with libpg_query and classifies each one.
#include "sql/statement_parser.hpp"

#include "common/ascii.hpp"
#include "sql/column_names.hpp"
#include "sql/command_tag.hpp"

#include <pg_query.h>
#include <pg_query.pb.h>

#include <memory>

namespace duckgres::sql {

namespace {

struct ProtobufResultDeleter {
    void operator()(PgQueryProtobufParseResult *result) const {
        pg_query_free_protobuf_parse_result(*result);
        delete result;
    }
};
struct SplitResultDeleter {
    void operator()(PgQuerySplitResult *result) const {
        pg_query_free_split_result(*result);
        delete result;
    }
};

//! Trims surrounding white space; returns false when nothing but space and comments is left.
bool HasContent(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (IsAsciiSpace(c) || c == ';') {
            i++;
        } else if (text.substr(i, 2) == "--") {
            while (i < text.size() && text[i] != '\n') {
                i++;
            }
        } else if (text.substr(i, 2) == "/*") {
            auto end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            return true;
        }
    }
    return false;
}

ParsedStatement MakeStatement(std::string_view query, int location, int length) {
    ParsedStatement statement;
    if (length <= 0) {
        length = static_cast<int>(query.size()) - location;
    }
    auto text = query.substr(location, length);
    // Drop leading white space so error positions and logs start at the statement itself.
    size_t skip = 0;
    while (skip < text.size() && IsAsciiSpace(text[skip])) {
        skip++;
    }
    statement.text = std::string(text.substr(skip));
    statement.location = location + static_cast<int>(skip);
    return statement;
}

//! A lexical split for strings PostgreSQL's grammar rejects (DuckDB syntax): statements end at
//! top-level semicolons, found by PostgreSQL's scanner, so quotes and comments are respected.
void SplitLexically(std::string_view query, const std::string &copy, ParsedQuery &out) {
    std::unique_ptr<PgQuerySplitResult, SplitResultDeleter> split(
        new PgQuerySplitResult(pg_query_split_with_scanner(copy.c_str())));
    if (split->error || split->n_stmts == 0) {
        if (HasContent(query)) {
            out.statements.push_back(MakeStatement(query, 0, static_cast<int>(query.size())));
        }
        return;
    }
    for (int i = 0; i < split->n_stmts; i++) {
        auto *s = split->stmts[i];
        auto statement = MakeStatement(query, s->stmt_location, s->stmt_len);
        if (HasContent(statement.text)) {
            out.statements.push_back(std::move(statement));
        }
    }
}

} // namespace

ParsedQuery ParseQuery(std::string_view query) {
    ParsedQuery out;
    std::string copy(query);
    std::unique_ptr<PgQueryProtobufParseResult, ProtobufResultDeleter> result(
        new PgQueryProtobufParseResult(pg_query_parse_protobuf(copy.c_str())));
    if (result->error) {
        out.postgres_syntax_ok = false;
        out.syntax_error = result->error->message ? result->error->message : "syntax error";
        out.syntax_error_position = result->error->cursorpos;
        SplitLexically(query, copy, out);
        return out;
    }
    auto tree = std::make_shared<pg_query::ParseResult>();
    if (!tree->ParseFromArray(result->parse_tree.data, static_cast<int>(result->parse_tree.len))) {
        out.postgres_syntax_ok = false;
        out.syntax_error = "could not read the parse tree";
        SplitLexically(query, copy, out);
        return out;
    }
    for (const auto &raw : tree->stmts()) {
        auto statement = MakeStatement(query, raw.stmt_location(), raw.stmt_len());
        if (!HasContent(statement.text)) {
            continue;
        }
        ClassifyStatement(raw.stmt(), statement);
        // PREPARE: the names its query's columns get, for EXECUTE's RowDescription.
        statement.column_names =
            PostgresColumnNames(raw.stmt().has_prepare_stmt() ? raw.stmt().prepare_stmt().query() : raw.stmt());
        // Shares ownership of the whole parse result; no copy of the subtree.
        statement.tree = std::shared_ptr<const pg_query::Node>(tree, &raw.stmt());
        out.statements.push_back(std::move(statement));
    }
    return out;
}

bool HasUnicodeEscapes(std::string_view text) {
    for (size_t at = text.find('&'); at != std::string_view::npos; at = text.find('&', at + 1)) {
        if (at > 0 && (text[at - 1] == 'u' || text[at - 1] == 'U') && at + 1 < text.size() &&
            (text[at + 1] == '\'' || text[at + 1] == '"')) {
            return true;
        }
    }
    return false;
}

} // namespace duckgres::sql
