// PostgreSQL's default text search parser (its common token kinds): words, numbers, hyphenated words, emails, URLs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::types {

//! The token kinds of PostgreSQL's default parser (ts_token_type('default')), by their alias.
enum class TsTokenKind : uint8_t {
    AsciiWord,      //!< asciiword: letters only, all ASCII
    Word,           //!< word: letters, some not ASCII
    NumWord,        //!< numword: letters and digits
    AsciiHword,     //!< asciihword: hyphenated ASCII words
    Hword,          //!< hword: hyphenated words with non-ASCII letters
    NumHword,       //!< numhword: hyphenated words with digits
    HwordAsciipart, //!< hword_asciipart: an ASCII part of a hyphenated word
    HwordPart,      //!< hword_part: a part with non-ASCII letters
    HwordNumpart,   //!< hword_numpart: a part with digits
    Email,
    Protocol, //!< http:// (not indexed)
    Url,
    Host,
    UrlPath,
    File,
    Sfloat, //!< 1e10
    Float,  //!< 1.5
    Int,    //!< -5
    Uint,   //!< 42
    Version,
    Tag,    //!< <b> (not indexed)
    Entity, //!< &amp; (not indexed)
};

struct TsToken {
    TsTokenKind kind;
    std::string text;
};

//! The indexable and skipped tokens of `text`, in order (blanks are left out).
std::vector<TsToken> ParseTsTokens(std::string_view text);

//! Whether the configurations index tokens of `kind` (protocol, tag and entity they do not).
bool IsIndexedTokenKind(TsTokenKind kind);

//! Whether 'english' stems tokens of `kind` (words and their parts) rather than only lower-casing them.
bool IsStemmedTokenKind(TsTokenKind kind);

} // namespace duckgres::types
