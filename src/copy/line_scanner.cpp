// LineScanner: splits text or CSV COPY data, arriving in arbitrary chunks, into PostgreSQL's logical lines.
#include "copy/line_scanner.hpp"

#include "common/sql_error.hpp"

namespace duckgres::copy {

LineScanner::LineScanner(const CopyOptions &options)
    : csv_(options.format == CopyOptions::Format::Csv), quote_(options.quote), escape_(options.escape) {
    special_['\r'] = true;
    special_['\n'] = true;
    if (csv_) {
        special_[static_cast<unsigned char>(quote_)] = true;
        special_[static_cast<unsigned char>(escape_)] = true;
    } else {
        special_['\\'] = true;
    }
}

bool LineScanner::Feed(std::string_view data, const LineSink &sink) {
    if (data.empty()) {
        return state_ != State::Ended;
    }
    if (held_) {
        char c = *held_;
        held_.reset();
        Process(c, sink);
    }
    size_t pos = 0;
    while (pos < data.size() && state_ != State::Ended) {
        CheckLineLength(1);
        if (state_ == State::Data && !(csv_ && at_line_start_)) {
            size_t end = pos;
            while (end < data.size() && !special_[static_cast<unsigned char>(data[end])]) {
                end++;
            }
            if (end > pos) {
                CheckLineLength(end - pos);
                line_.append(data.data() + pos, end - pos);
                pos = end;
                continue;
            }
        }
        if (csv_ && pos + 1 == data.size() && (data[pos] == '\r' || data[pos] == '\\') && state_ != State::MarkerDot &&
            state_ != State::MarkerDotCr) {
            // PostgreSQL reads the byte after these before acting on them (so invalid input there wins)
            if (state_ == State::CarriageReturn) {
                EndCarriageReturnLine(sink);
            }
            held_ = data[pos];
            break;
        }
        Process(data[pos++], sink);
    }
    return state_ != State::Ended;
}

void LineScanner::Finish(const LineSink &sink) {
    if (held_) {
        char c = *held_;
        held_.reset();
        Process(c, sink);
    }
    switch (state_) {
    case State::Ended:
        return;
    case State::Data:
        break;
    case State::Backslash:
        line_ += '\\';
        break;
    case State::QuoteEscape:
        line_ += escape_;
        in_quote_ = in_quote_ && escape_ != quote_;
        break;
    case State::CarriageReturn:
        EndCarriageReturnLine(sink);
        break;
    case State::MarkerStart:
        Replay("\\", sink);
        return Finish(sink);
    case State::MarkerDot:
    case State::MarkerDotCr:
        if (!csv_) {
            FailMarker(false);
        }
        Replay(state_ == State::MarkerDot ? "\\." : "\\.\r", sink);
        return Finish(sink);
    }
    EndData(sink);
}

void LineScanner::Process(char c, const LineSink &sink) {
    switch (state_) {
    case State::Data:
        ProcessData(c, sink);
        return;
    case State::Backslash:
        if (c == '.') {
            state_ = State::MarkerDot;
            return;
        }
        line_ += '\\';
        line_ += c;
        state_ = State::Data;
        return;
    case State::QuoteEscape:
        state_ = State::Data;
        line_ += escape_;
        if (c == quote_ || c == escape_) {
            line_ += c;
            return;
        }
        in_quote_ = escape_ != quote_;
        ProcessData(c, sink);
        return;
    case State::CarriageReturn:
        if (c == '\n') {
            state_ = State::Data;
            newline_ = Newline::CrLf;
            EndLine(sink);
            return;
        }
        EndCarriageReturnLine(sink);
        ProcessData(c, sink);
        return;
    case State::MarkerStart:
        if (c == '.') {
            state_ = State::MarkerDot;
            return;
        }
        Replay("\\", sink);
        Process(c, sink);
        return;
    case State::MarkerDot:
    case State::MarkerDotCr:
        ProcessMarker(c, sink);
        return;
    case State::Ended:
        return;
    }
}

void LineScanner::ProcessData(char c, const LineSink &sink) {
    if (csv_) {
        if (at_line_start_) {
            at_line_start_ = false;
            if (c == '\\') {
                state_ = State::MarkerStart;
                return;
            }
        }
        if (in_quote_) {
            if (c == escape_) {
                state_ = State::QuoteEscape;
                return;
            }
            if (c == quote_) {
                in_quote_ = false;
            } else if (c == (newline_ == Newline::Lf ? '\n' : '\r')) {
                line_number_++;
            }
            line_ += c;
            return;
        }
        if (c == quote_) {
            in_quote_ = true;
            line_ += c;
            return;
        }
    } else if (c == '\\') {
        state_ = State::Backslash;
        return;
    }
    if (c == '\r') {
        if (newline_ == Newline::Lf) {
            FailCarriageReturn();
        }
        if (newline_ == Newline::Cr) {
            EndLine(sink);
        } else {
            state_ = State::CarriageReturn;
        }
        return;
    }
    if (c == '\n') {
        if (newline_ == Newline::Cr || newline_ == Newline::CrLf) {
            FailNewline();
        }
        newline_ = Newline::Lf;
        EndLine(sink);
        return;
    }
    line_ += c;
}

void LineScanner::ProcessMarker(char c, const LineSink &sink) {
    bool after_cr = state_ == State::MarkerDotCr;
    if (!after_cr && newline_ == Newline::CrLf) {
        if (c == '\r') {
            state_ = State::MarkerDotCr;
            return;
        }
        if (!csv_) {
            FailMarker(c == '\n');
        }
        Replay("\\.", sink);
        Process(c, sink);
        return;
    }
    if (c != '\r' && c != '\n') {
        if (!csv_) {
            FailMarker(false);
        }
        Replay(after_cr ? "\\.\r" : "\\.", sink);
        Process(c, sink);
        return;
    }
    bool mismatch =
        after_cr ? c != '\n' : (newline_ == Newline::Lf && c != '\n') || (newline_ == Newline::Cr && c != '\r');
    if (mismatch) {
        FailMarker(true);
    }
    EndData(sink);
}

void LineScanner::Replay(std::string_view bytes, const LineSink &sink) {
    state_ = State::Data;
    at_line_start_ = false;
    for (char c : bytes) {
        Process(c, sink);
    }
}

void LineScanner::EndLine(const LineSink &sink) {
    sink(line_, false);
    line_.clear();
    line_number_++;
    at_line_start_ = true;
    in_quote_ = false;
}

void LineScanner::EndCarriageReturnLine(const LineSink &sink) {
    if (newline_ == Newline::CrLf) {
        FailCarriageReturn();
    }
    newline_ = Newline::Cr;
    state_ = State::Data;
    EndLine(sink);
}

void LineScanner::EndData(const LineSink &sink) {
    state_ = State::Ended;
    sink(line_, true);
}

void LineScanner::CheckLineLength(size_t more) const {
    // PostgreSQL's limit for one allocation (MaxAllocSize), which bounds its line buffer too.
    constexpr size_t kMaxLineBytes = 0x3fffffff;
    if (line_.size() + more + 4 >= kMaxLineBytes) {
        throw SqlError("54000", "out of memory",
                       "Cannot enlarge string buffer containing " + std::to_string(line_.size()) + " bytes by " +
                           std::to_string(more) + " more bytes.");
    }
}

void LineScanner::FailCarriageReturn() const {
    if (csv_) {
        throw SqlError("22P04", "unquoted carriage return found in data", "",
                       "Use quoted CSV field to represent carriage return.");
    }
    throw SqlError("22P04", "literal carriage return found in data", "", "Use \"\\r\" to represent carriage return.");
}

void LineScanner::FailNewline() const {
    if (csv_) {
        throw SqlError("22P04", "unquoted newline found in data", "", "Use quoted CSV field to represent newline.");
    }
    throw SqlError("22P04", "literal newline found in data", "", "Use \"\\n\" to represent newline.");
}

void LineScanner::FailMarker(bool style_mismatch) const {
    throw SqlError("22P04", style_mismatch ? "end-of-copy marker does not match previous newline style"
                                           : "end-of-copy marker corrupt");
}

} // namespace duckgres::copy
