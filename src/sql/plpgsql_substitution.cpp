// Finds variable references in a statement's parse tree and splices typed literals in at their places in the text.
#include "sql/plpgsql_substitution.hpp"

#include "common/ascii.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/statement_parser.hpp"

#include <pg_query.pb.h>

#include <algorithm>

namespace duckgres::sql::plpgsql {

namespace {

bool IsIdentifierChar(char c) {
    return IsAsciiAlnum(c) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

//! The end of the identifier (plain or double-quoted) that starts at `at`.
size_t IdentifierEnd(std::string_view sql, size_t at) {
    if (at < sql.size() && sql[at] == '"') {
        for (size_t i = at + 1; i < sql.size(); i++) {
            if (sql[i] == '"') {
                if (i + 1 < sql.size() && sql[i + 1] == '"') {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return sql.size();
    }
    size_t end = at;
    while (end < sql.size() && IsIdentifierChar(sql[end])) {
        end++;
    }
    return end;
}

size_t SkipSpaces(std::string_view sql, size_t at) {
    while (at < sql.size() && IsAsciiSpace(sql[at])) {
        at++;
    }
    return at;
}

struct Replacement {
    size_t begin;
    size_t end;
    std::string text;
};

} // namespace

std::string BoundLiteral(const BoundValue &value) {
    if (value.type.empty()) {
        return value.text ? QuoteLiteral(*value.text) : "NULL";
    }
    return "CAST(" + (value.text ? QuoteLiteral(*value.text) : std::string("NULL")) + " AS " + value.type + ")";
}

std::string SubstituteVariables(std::string_view sql, const VariableLookup &lookup,
                                const std::vector<BoundValue> &parameters) {
    ParsedQuery parsed = ParseQuery(sql);
    if (!parsed.postgres_syntax_ok) {
        return std::string(sql);
    }
    std::vector<Replacement> replacements;
    for (const auto &statement : parsed.statements) {
        if (!statement.tree) {
            continue;
        }
        pg_query::Node tree = *statement.tree;
        WalkNodes(tree, [&](pg_query::Node &node) {
            if (node.has_param_ref()) {
                const auto &param = node.param_ref();
                const int number = param.number();
                if (number >= 1 && static_cast<size_t>(number) <= parameters.size() && param.location() >= 0) {
                    const size_t begin = static_cast<size_t>(param.location());
                    size_t end = begin + 1;
                    while (end < sql.size() && IsAsciiDigit(sql[end])) {
                        end++;
                    }
                    replacements.push_back({begin, end, BoundLiteral(parameters[number - 1])});
                }
                return;
            }
            if (!node.has_column_ref() || node.column_ref().location() < 0) {
                return;
            }
            const auto &fields = node.column_ref().fields();
            if (fields.empty() || fields.size() > 2 || !fields[0].has_string() ||
                (fields.size() == 2 && !fields[1].has_string())) {
                return;
            }
            const std::string &name = fields[0].string().sval();
            const std::string field = fields.size() == 2 ? fields[1].string().sval() : std::string();
            auto value = lookup(name, field);
            if (!value) {
                return;
            }
            const size_t begin = static_cast<size_t>(node.column_ref().location());
            size_t end = IdentifierEnd(sql, begin);
            if (fields.size() == 2) {
                end = SkipSpaces(sql, end);
                if (end < sql.size() && sql[end] == '.') {
                    end = IdentifierEnd(sql, SkipSpaces(sql, end + 1));
                }
            }
            replacements.push_back({begin, end, "(" + BoundLiteral(*value) + ")"});
        });
    }
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement &a, const Replacement &b) { return a.begin > b.begin; });
    std::string out(sql);
    size_t limit = out.size();
    for (const auto &replacement : replacements) {
        if (replacement.end > limit || replacement.end <= replacement.begin) {
            continue; // overlapping or empty: leave the text as it is
        }
        out.replace(replacement.begin, replacement.end - replacement.begin, replacement.text);
        limit = replacement.begin;
    }
    return out;
}

std::optional<std::string> AssignedExpression(std::string_view assignment) {
    size_t at = SkipSpaces(assignment, 0);
    const size_t end = IdentifierEnd(assignment, at);
    if (end == at) {
        return std::nullopt;
    }
    at = SkipSpaces(assignment, end);
    if (assignment.substr(at, 2) == ":=") {
        at += 2;
    } else if (assignment.substr(at, 1) == "=") {
        at += 1;
    } else {
        return std::nullopt; // rec.field := ..., arr[1] := ...
    }
    return std::string(assignment.substr(at));
}

} // namespace duckgres::sql::plpgsql
