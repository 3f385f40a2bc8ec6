// Names DuckDB's grammar reserves and PostgreSQL's does not: quoted in the SQL text DuckDB receives.
#include "sql/engine_keywords.hpp"

#include <algorithm>
#include <array>

namespace duckgres::sql {

namespace {

//! DuckDB 1.4's reserved and type/function keywords that PostgreSQL 15 has unreserved or not at all
//! (duckdb_keywords() against pg_get_keywords()); sorted for binary search.
constexpr std::array<std::string_view, 22> kEngineOnlyKeywords = {
    "anti",   "asof",   "at",        "by",           "columns",     "describe",   "generated", "glob",
    "lambda", "map",    "pivot",     "pivot_longer", "pivot_wider", "positional", "qualify",   "semi",
    "show",   "struct", "summarize", "try_cast",     "unpack",      "unpivot"};

bool IsWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsWordPart(char c) {
    return IsWordStart(c) || (c >= '0' && c <= '9') || c == '$';
}

//! The end of the quoted run starting at `start` (on its opening `quote`), a doubled quote standing for itself;
//! backslash escapes count when `backslashes`.
size_t QuotedEnd(std::string_view sql, size_t start, char quote, bool backslashes) {
    size_t i = start + 1;
    while (i < sql.size()) {
        if (backslashes && sql[i] == '\\') {
            i += 2;
            continue;
        }
        if (sql[i] == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i++;
    }
    return sql.size();
}

//! The end of a dollar-quoted body starting at `start` (on `$`), or `start` when no tag starts there.
size_t DollarQuotedEnd(std::string_view sql, size_t start) {
    size_t tag_end = start + 1;
    while (tag_end < sql.size() && sql[tag_end] != '$' && IsWordPart(sql[tag_end])) {
        tag_end++;
    }
    if (tag_end >= sql.size() || sql[tag_end] != '$' ||
        (tag_end > start + 1 && sql[start + 1] >= '0' && sql[start + 1] <= '9')) {
        return start;
    }
    auto tag = sql.substr(start, tag_end - start + 1);
    auto close = sql.find(tag, tag_end + 1);
    return close == std::string_view::npos ? sql.size() : close + tag.size();
}

} // namespace

bool IsEngineOnlyKeyword(std::string_view word) {
    return std::binary_search(kEngineOnlyKeywords.begin(), kEngineOnlyKeywords.end(), word);
}

bool NamesEngineOnlyKeyword(const google::protobuf::Message &tree) {
    const auto *reflection = tree.GetReflection();
    std::vector<const google::protobuf::FieldDescriptor *> fields;
    reflection->ListFields(tree, &fields);
    std::string scratch;
    for (const auto *field : fields) {
        const bool repeated = field->is_repeated();
        const int count = repeated ? reflection->FieldSize(tree, field) : 1;
        for (int i = 0; i < count; i++) {
            if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
                const auto &child =
                    repeated ? reflection->GetRepeatedMessage(tree, field, i) : reflection->GetMessage(tree, field);
                if (NamesEngineOnlyKeyword(child)) {
                    return true;
                }
            } else if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING) {
                const auto &value = repeated ? reflection->GetRepeatedStringReference(tree, field, i, &scratch)
                                             : reflection->GetStringReference(tree, field, &scratch);
                if (IsEngineOnlyKeyword(value)) {
                    return true;
                }
            }
        }
    }
    return false;
}

std::string QuoteEngineOnlyKeywords(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 8);
    size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        size_t end = i;
        if (c == '\'') {
            const bool escaped =
                i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i == 1 || !IsWordPart(sql[i - 2]));
            end = QuotedEnd(sql, i, '\'', escaped);
        } else if (c == '"') {
            end = QuotedEnd(sql, i, '"', false);
        } else if (c == '$' && (i == 0 || !IsWordPart(sql[i - 1]))) {
            end = DollarQuotedEnd(sql, i);
        } else if (IsWordStart(c)) {
            end = i;
            while (end < sql.size() && IsWordPart(sql[end])) {
                end++;
            }
            auto word = sql.substr(i, end - i);
            if (IsEngineOnlyKeyword(word)) {
                out += '"';
                out += word;
                out += '"';
                i = end;
                continue;
            }
        }
        if (end == i) {
            end = i + 1;
        }
        out.append(sql.substr(i, end - i));
        i = end;
    }
    return out;
}

} // namespace duckgres::sql
