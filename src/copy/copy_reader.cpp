// CopyReader: turns the data of COPY FROM STDIN, in arbitrary chunks, into rows of fields.
#include "copy/copy_reader.hpp"

#include "common/sql_error.hpp"
#include "common/utf8.hpp"
#include "copy/csv_fields.hpp"
#include "copy/text_fields.hpp"

namespace duckgres::copy {

CopyReader::CopyReader(CopyOptions options, CopyColumns columns)
    : options_(std::move(options)), columns_(std::move(columns)), header_pending_(options_.header) {
    force_not_null_ = ResolveForceColumns(options_.force_not_null, columns_, "FORCE_NOT_NULL");
    force_null_ = ResolveForceColumns(options_.force_null, columns_, "FORCE_NULL");
    if (options_.format == CopyOptions::Format::Binary) {
        binary_ = std::make_unique<BinaryTupleReader>(columns_.names.size());
    } else {
        scanner_ = std::make_unique<LineScanner>(options_);
    }
}

void CopyReader::Feed(std::string_view chunk, const CopyRowSink &sink) {
    if (binary_) {
        binary_->Feed(chunk, sink);
        return;
    }
    if (scanner_->Ended()) {
        return;
    }
    auto on_line = [&](std::string &line, bool last) { OnLine(line, last, sink); };
    validator_.Feed(chunk, [&](std::string_view valid) { return scanner_->Feed(valid, on_line); });
}

void CopyReader::Finish(const CopyRowSink &sink) {
    if (binary_) {
        binary_->Finish();
        return;
    }
    if (scanner_->Ended()) {
        return;
    }
    validator_.Finish();
    scanner_->Finish([&](std::string &line, bool last) { OnLine(line, last, sink); });
}

bool CopyReader::Done() const {
    return binary_ ? binary_->Ended() : scanner_->Ended();
}

uint64_t CopyReader::LineNumber() const {
    return binary_ ? binary_->TupleNumber() : scanner_->LineNumber();
}

std::string CopyReader::ErrorContext() const {
    if (binary_) {
        if (binary_->TupleNumber() == 0) {
            return "";
        }
        auto context = "line " + std::to_string(binary_->TupleNumber());
        if (auto field = binary_->CurrentField()) {
            context += ", column " + columns_.names[*field];
        }
        return context;
    }
    auto context = "line " + std::to_string(scanner_->LineNumber());
    if (line_complete_) {
        context += ": \"" + LimitPrintout(scanner_->Line()) + "\"";
    }
    return context;
}

std::string CopyReader::FieldContext(size_t column, const CopyField &value) const {
    auto context = "line " + std::to_string(LineNumber()) + ", column " + columns_.names.at(column);
    if (binary_) {
        return context;
    }
    return value ? context + ": \"" + LimitPrintout(*value) + "\"" : context + ": null input";
}

std::string CopyReader::LimitPrintout(std::string_view text) {
    constexpr size_t kLimit = 100;
    if (text.size() <= kLimit) {
        return std::string(text);
    }
    size_t cut = kLimit;
    while (cut > 0 && IsUtf8Continuation(text[cut])) {
        cut--;
    }
    return std::string(text.substr(0, cut)) + "...";
}

void CopyReader::OnLine(std::string &line, bool last, const CopyRowSink &sink) {
    line_complete_ = true;
    size_t expect = columns_.names.size();
    if (header_pending_) {
        header_pending_ = false;
        if (options_.header_match) {
            CheckHeader(line);
        }
    } else if (!(last && line.empty())) {
        if (options_.format == CopyOptions::Format::Csv) {
            SplitCsvFields(line, options_, expect, fields_);
        } else {
            SplitTextFields(line, options_, expect, fields_);
        }
        CheckFieldCount();
        ApplyForceOptions();
        row_.resize(fields_.size());
        for (size_t i = 0; i < fields_.size(); i++) {
            row_[i] = fields_[i] ? CopyField(*fields_[i]) : std::nullopt;
        }
        sink(row_);
    }
    line_complete_ = false;
}

void CopyReader::CheckHeader(const std::string &line) {
    const auto &names = columns_.names;
    if (options_.format == CopyOptions::Format::Csv) {
        SplitCsvFields(line, options_, names.size(), fields_);
    } else {
        SplitTextFields(line, options_, names.size(), fields_);
    }
    if (fields_.size() != names.size()) {
        throw SqlError("22P04", "wrong number of fields in header line: got " + std::to_string(fields_.size()) +
                                    ", expected " + std::to_string(names.size()));
    }
    for (size_t i = 0; i < names.size(); i++) {
        auto field = "column name mismatch in header line field " + std::to_string(i + 1) + ": got ";
        if (!fields_[i]) {
            throw SqlError("22P04",
                           field + "null value (\"" + options_.null_string + "\"), expected \"" + names[i] + "\"");
        }
        if (*fields_[i] != names[i]) {
            throw SqlError("22P04", field + "\"" + *fields_[i] + "\", expected \"" + names[i] + "\"");
        }
    }
}

void CopyReader::CheckFieldCount() const {
    const auto &names = columns_.names;
    if (fields_.size() > names.size()) {
        throw SqlError("22P04", "extra data after last expected column");
    }
    if (fields_.size() < names.size()) {
        throw SqlError("22P04", "missing data for column \"" + names[fields_.size()] + "\"");
    }
}

void CopyReader::ApplyForceOptions() {
    for (size_t i = 0; i < fields_.size(); i++) {
        if (!fields_[i] && force_not_null_[i]) {
            fields_[i] = std::string();
        } else if (fields_[i] && force_null_[i] && *fields_[i] == options_.null_string) {
            fields_[i] = std::nullopt;
        }
    }
}

} // namespace duckgres::copy
