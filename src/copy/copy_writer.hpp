// CopyWriter: formats rows for COPY TO STDOUT in text, CSV or binary format, byte for byte as PostgreSQL.
#pragma once

#include "copy/copy_columns.hpp"
#include "copy/copy_options.hpp"
#include "copy/copy_row.hpp"

#include <optional>
#include <string>
#include <vector>

namespace duckgres::copy {

//! Appends COPY TO output to a string: Header() once, Row() per row, Trailer() once. Text format escapes
//! backslash, the delimiter and \b \f \n \r \t \v; CSV quotes a value holding the delimiter, quote, CR or LF,
//! equal to the null string, or (single column) equal to `\.`, and every non-NULL value of a FORCE_QUOTE
//! column; NULL is the null string, never quoted. Binary writes the PGCOPY header, tuples and trailer.
class CopyWriter {
public:
    //! Throws SqlError when a FORCE_QUOTE column is not one of `columns`.
    CopyWriter(CopyOptions options, CopyColumns columns);

    //! Binary: signature, flags and an empty header extension. Text/CSV with HEADER: the column names line.
    void Header(std::string &out) const;
    //! One row: for text/CSV each value in PostgreSQL text output form, for binary in binary send form;
    //! nullopt is NULL.
    void Row(const CopyRow &values, std::string &out) const;
    //! Binary: the int16 -1 trailer. Nothing for text and CSV.
    void Trailer(std::string &out) const;

private:
    void AppendText(std::string_view value, std::string &out) const;
    void AppendCsv(std::string_view value, bool force_quote, std::string &out) const;

    CopyOptions options_;
    CopyColumns columns_;
    std::vector<bool> force_quote_;
};

} // namespace duckgres::copy
