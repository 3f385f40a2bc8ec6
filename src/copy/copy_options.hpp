// CopyOptions: the options of a COPY statement, parsed and validated as PostgreSQL 15 does.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace duckgres::copy {

//! COPY FROM (loading data sent by the client) or COPY TO (sending data to the client).
enum class CopyDirection { From, To };

//! The validated options of one COPY statement, with PostgreSQL's defaults for the chosen format.
struct CopyOptions {
    enum class Format { Text, Csv, Binary };

    Format format = Format::Text;
    char delimiter = '\t';                   //!< text: TAB, CSV: ','
    std::string null_string = "\\N";         //!< text: \N, CSV: empty
    bool header = false;                     //!< first line holds column names (text and CSV)
    bool header_match = false;               //!< HEADER MATCH (COPY FROM): the header must name the columns
    char quote = '"';                        //!< CSV only
    char escape = '"';                       //!< CSV only; defaults to the quote character
    std::vector<std::string> force_quote;    //!< CSV COPY TO: columns whose non-NULL values are always quoted
    bool force_quote_all = false;            //!< FORCE_QUOTE *
    std::vector<std::string> force_not_null; //!< CSV COPY FROM: columns whose unquoted null string reads as ""
    std::vector<std::string> force_null;     //!< CSV COPY FROM: columns whose quoted null string reads as NULL
    std::string encoding = "UTF8";           //!< only UTF8 is supported
    bool freeze = false;                     //!< FREEZE was given (no effect here)
};

//! One option as the parser hands it over (a DefElem of CopyStmt.options): its name and argument.
struct CopyOptionItem {
    std::string name;                             //!< e.g. "format", "delimiter", "force_quote"
    std::optional<std::string> value;             //!< a scalar argument as text (string, number, true/false)
    std::optional<std::vector<std::string>> list; //!< a parenthesized list argument (column names)
    bool star = false;                            //!< the argument is `*` (FORCE_QUOTE *)
};

//! Parses and validates COPY options with PostgreSQL 15's rules, messages and SQLSTATEs (throws SqlError).
//! Option names match case-insensitively. Legacy syntax (`CSV HEADER`, `DELIMITER AS ','`, `FORCE QUOTE *`)
//! arrives as the same items: libpg_query turns it into format/header/delimiter/force_quote DefElems.
CopyOptions ParseCopyOptions(const std::vector<CopyOptionItem> &items, CopyDirection direction);

//! The same from name/argument-text pairs: an empty argument of HEADER or FREEZE means no argument (true);
//! the argument of FORCE_QUOTE, FORCE_NOT_NULL and FORCE_NULL is `*` or comma-separated column names.
CopyOptions ParseCopyOptions(const std::vector<std::pair<std::string, std::string>> &options, CopyDirection direction);

} // namespace duckgres::copy
