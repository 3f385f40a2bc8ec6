// LineScanner: splits text or CSV COPY data, arriving in arbitrary chunks, into PostgreSQL's logical lines.
#pragma once

#include "copy/copy_options.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace duckgres::copy {

//! Finds the lines of COPY FROM text or CSV data as PostgreSQL 15 does: the first line terminator fixes the
//! newline style (LF, CR LF or CR) and a different one later is an error; a backslash escapes the next byte
//! (text), quoted CSV fields may span lines; `\.` ends the data (text: anywhere, CSV: alone on a line).
//! Errors are SqlError 22P04 with PostgreSQL's messages and hints. Holds at most one line (under 1 GB).
class LineScanner {
public:
    //! Receives each line without its terminator; `last` marks the line ended by `\.` or by the end of input
    //! (then possibly empty). The line may be moved from.
    using LineSink = std::function<void(std::string &line, bool last)>;

    explicit LineScanner(const CopyOptions &options);

    //! Scans bytes (valid UTF-8, possibly ending mid-line); returns false once the data has ended.
    bool Feed(std::string_view data, const LineSink &sink);
    //! At end of input: delivers the final line (`last`), unless `\.` already ended the data.
    void Finish(const LineSink &sink);

    bool Ended() const { return state_ == State::Ended; }
    //! PostgreSQL's line number of the line being scanned (CSV counts newlines inside quotes too).
    uint64_t LineNumber() const { return line_number_; }
    //! The line being scanned or delivered.
    const std::string &Line() const { return line_; }

private:
    enum class State {
        Data,           //!< ordinary bytes
        Backslash,      //!< text: after a backslash
        QuoteEscape,    //!< CSV: after the escape character inside quotes
        CarriageReturn, //!< after an unquoted CR whose meaning depends on the next byte
        MarkerStart,    //!< CSV: a backslash opened the line
        MarkerDot,      //!< after `\.`
        MarkerDotCr,    //!< after `\.` and CR, in CR LF style
        Ended           //!< `\.` or the end of input was reached
    };
    enum class Newline { Unknown, Lf, CrLf, Cr };

    void Process(char c, const LineSink &sink);
    void ProcessData(char c, const LineSink &sink);
    void ProcessMarker(char c, const LineSink &sink);
    //! CSV: `\`, `\.` or `\.` CR at the start of a line turned out to be data; scan it as such.
    void Replay(std::string_view bytes, const LineSink &sink);
    void EndLine(const LineSink &sink);
    //! A CR not followed by LF ends the line (CR style), or is an error in CR LF style.
    void EndCarriageReturnLine(const LineSink &sink);
    void EndData(const LineSink &sink);
    //! A line may not reach 1 GB (54000 `out of memory`, as PostgreSQL's line buffer).
    void CheckLineLength(size_t more) const;
    [[noreturn]] void FailCarriageReturn() const;
    [[noreturn]] void FailNewline() const;
    [[noreturn]] void FailMarker(bool style_mismatch) const;

    bool csv_;
    char quote_;
    char escape_;
    std::array<bool, 256> special_{}; //!< bytes the fast path must stop at
    State state_ = State::Data;
    Newline newline_ = Newline::Unknown;
    bool in_quote_ = false;
    bool at_line_start_ = true;
    std::optional<char> held_; //!< CSV: a final CR or backslash waiting for the byte after it
    uint64_t line_number_ = 1;
    std::string line_;
};

} // namespace duckgres::copy
