// The Snowball English (Porter2) stemmer, as PostgreSQL's english_stem dictionary applies it.
#pragma once

#include <string>
#include <string_view>

namespace duckgres::types {

//! The stem of a lower-case word ("running" -> "run", "happily" -> "happili").
std::string StemEnglish(std::string_view word);

//! Whether a lower-case word is on PostgreSQL's English stop word list (english.stop).
bool IsEnglishStopWord(std::string_view word);

} // namespace duckgres::types
