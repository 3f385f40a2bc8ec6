// Names DuckDB's grammar reserves and PostgreSQL's does not: quoted in the SQL text DuckDB receives.
#pragma once

#include <google/protobuf/message.h>

#include <string>
#include <string_view>

namespace duckgres::sql {

//! Whether `word` (lower case) is a keyword DuckDB reserves, or keeps for types and functions, while PostgreSQL
//! takes it as a plain name: `at`, `map`, `qualify`, `show`... Such a name must be quoted for DuckDB.
bool IsEngineOnlyKeyword(std::string_view word);

//! Whether a string anywhere in `tree` (a name, an alias, a column) is such a keyword: the statement's text must
//! then be deparsed (and quoted) before DuckDB reads it.
bool NamesEngineOnlyKeyword(const google::protobuf::Message &tree);

//! `sql` (as the deparser prints it: keywords in upper case) with every bare lower-case word that is such a
//! keyword double-quoted; string literals, quoted names and dollar-quoted bodies are left as they are.
std::string QuoteEngineOnlyKeywords(std::string_view sql);

} // namespace duckgres::sql
