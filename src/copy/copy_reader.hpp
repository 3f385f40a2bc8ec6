// CopyReader: turns the data of COPY FROM STDIN, in arbitrary chunks, into rows of fields.
#pragma once

#include "copy/binary_tuple_reader.hpp"
#include "copy/copy_columns.hpp"
#include "copy/copy_options.hpp"
#include "copy/copy_row.hpp"
#include "copy/line_scanner.hpp"
#include "copy/utf8_validator.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::copy {

//! Rows read by COPY FROM are valid only during the sink's call (the bytes are the reader's or the fed chunk's).
//! Receives each complete row; may throw to abort the COPY.
using CopyRowSink = std::function<void(const CopyRow &row)>;

//! Parses COPY FROM data in text, CSV or binary format exactly as PostgreSQL 15 accepts and rejects it, fed
//! with CopyData payloads split anywhere (mid-row, mid-UTF-8 sequence). Memory stays bounded by the longest
//! row. Errors are SqlError (22P04 malformed data, 22021 invalid UTF-8, 42703/42701/42P10 bad FORCE_* columns)
//! with PostgreSQL's messages; ErrorContext() then gives PostgreSQL's CONTEXT line. After an error the reader
//! must not be used again.
class CopyReader {
public:
    //! Throws SqlError when a FORCE_NOT_NULL or FORCE_NULL column is not one of `columns`.
    CopyReader(CopyOptions options, CopyColumns columns);

    //! Consumes one chunk, calling `sink` for every row it completes.
    void Feed(std::string_view chunk, const CopyRowSink &sink);
    //! At CopyDone: completes the last row and checks the data ended properly (e.g. unterminated CSV quote).
    void Finish(const CopyRowSink &sink);

    //! The data has ended: `\.` was seen (later data is ignored), Finish() ran, or the binary trailer was read.
    bool Done() const;
    //! PostgreSQL's 1-based line number: during `sink`, the row's line; after an error, the error's line.
    uint64_t LineNumber() const;
    //! PostgreSQL's error context after "COPY <table>, " for the last error raised by the reader: `line 2`,
    //! `line 2: "<raw line>"` or (binary) `line 2, column a`; empty for errors in the binary file header.
    std::string ErrorContext() const;
    //! The context for an error converting column `column` of the row being delivered to `sink`:
    //! `line 2, column a: "<value>"`, `line 2, column a: null input`, or (binary) `line 2, column a`.
    std::string FieldContext(size_t column, const CopyField &value) const;

    //! PostgreSQL's shortening of text quoted in contexts: over 100 bytes, cut at a character boundary + "...".
    static std::string LimitPrintout(std::string_view text);

private:
    void OnLine(std::string &line, bool last, const CopyRowSink &sink);
    void CheckHeader(const std::string &line);
    void CheckFieldCount() const;
    void ApplyForceOptions();

    CopyOptions options_;
    CopyColumns columns_;
    std::vector<bool> force_not_null_;
    std::vector<bool> force_null_;
    std::unique_ptr<LineScanner> scanner_;      //!< text and CSV
    std::unique_ptr<BinaryTupleReader> binary_; //!< binary
    Utf8Validator validator_;
    bool header_pending_;
    bool line_complete_ = false;                     //!< a whole line is being processed (contexts quote it)
    std::vector<std::optional<std::string>> fields_; //!< text and CSV: the fields of the line, de-escaped
    CopyRow row_;
};

} // namespace duckgres::copy
