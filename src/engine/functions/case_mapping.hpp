// upper(), lower() and initcap() of text as PostgreSQL maps letters with libc in a UTF-8 locale.
#pragma once

#include <duckdb.h>

#include <string>
#include <string_view>

namespace duckgres::engine {

//! What a case mapping does to each character.
enum class LetterCase {
    kUpper,   //!< upper(): towupper of every character
    kLower,   //!< lower(): towlower of every character
    kInitcap, //!< initcap(): towupper after a non-alphanumeric character (or at the start), towlower after one
};

//! `text` (valid UTF-8) mapped character by character with the C library's towupper / towlower in the C.UTF-8
//! locale, as PostgreSQL does for a database whose LC_CTYPE is C.UTF-8 or en_US.UTF-8: 'ß' stays 'ß' in upper case
//! (DuckDB: 'ẞ'), one character never becomes several.
std::string MapLetterCase(std::string_view text, LetterCase mapping);

//! duckgres_upper(text), duckgres_lower(text), duckgres_initcap(text): MapLetterCase; the rewriter calls them for
//! upper(), lower() and initcap() of anything but a range.
void RegisterCaseMappingFunctions(duckdb_connection connection);

} // namespace duckgres::engine
