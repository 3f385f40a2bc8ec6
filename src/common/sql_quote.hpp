// Quoting of identifiers and string literals for SQL text Duckgres writes itself.
#pragma once

#include <string>
#include <string_view>

namespace duckgres {

namespace detail {
inline std::string Quote(std::string_view text, char quote) {
    std::string out(1, quote);
    for (char c : text) {
        out += c;
        if (c == quote) {
            out += quote;
        }
    }
    return out + quote;
}
} // namespace detail

//! `"name"`, with embedded double quotes doubled.
inline std::string QuoteIdentifier(std::string_view name) {
    return detail::Quote(name, '"');
}

//! `name` as it is when it is a plain lower-case identifier, else quoted (PostgreSQL's quote_ident rule,
//! without the keyword check): empty names and names starting with a digit are quoted too.
inline std::string QuoteIdentifierIfNeeded(std::string_view name) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
        return QuoteIdentifier(name);
    }
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return QuoteIdentifier(name);
        }
    }
    return std::string(name);
}

//! `'text'`, with embedded single quotes doubled.
inline std::string QuoteLiteral(std::string_view text) {
    return detail::Quote(text, '\'');
}

} // namespace duckgres
