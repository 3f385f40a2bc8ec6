// Utf8Validator: checks a byte stream split anywhere is valid UTF-8, with PostgreSQL's error for bad bytes.
#include "copy/utf8_validator.hpp"

#include "common/sql_error.hpp"
#include "common/utf8.hpp"

#include <cstdio>

namespace duckgres::copy {

namespace {

enum class Check { Valid, Invalid, Incomplete };

//! Checks the sequence at the start of `bytes` (non-empty); `length` receives its length when valid.
Check CheckSequence(std::string_view bytes, size_t &length) {
    length = Utf8ValidLength(bytes[0]);
    if (length == 0) {
        return Check::Invalid;
    }
    for (size_t i = 1; i < length; i++) {
        if (i >= bytes.size()) {
            return Check::Incomplete;
        }
        if (!IsUtf8Follower(bytes[0], i, bytes[i])) {
            return Check::Invalid;
        }
    }
    return Check::Valid;
}

SqlError InvalidBytes(std::string_view bytes) {
    std::string message = "invalid byte sequence for encoding \"UTF8\":";
    for (char c : bytes) {
        char hex[8];
        std::snprintf(hex, sizeof(hex), " 0x%02x", static_cast<unsigned char>(c));
        message += hex;
    }
    return SqlError("22021", message);
}

} // namespace

void Utf8Validator::Feed(std::string_view data, const Sink &sink) {
    if (!error_bytes_.empty()) {
        BeginError(data);
        return;
    }
    size_t pos = 0;
    if (!pending_.empty()) {
        while (pending_.size() < pending_length_ && pos < data.size()) {
            pending_ += data[pos++];
        }
        size_t length = 0;
        auto check = CheckSequence(pending_, length);
        if (check == Check::Incomplete) {
            return;
        }
        if (check == Check::Invalid) {
            auto bytes = std::move(pending_);
            pending_.clear();
            BeginError(bytes + std::string(data.substr(pos)));
            return;
        }
        auto complete = std::move(pending_);
        pending_.clear();
        if (!sink(complete)) {
            return;
        }
    }
    size_t start = pos;
    while (pos < data.size()) {
        auto byte = static_cast<unsigned char>(data[pos]);
        if (byte != 0 && byte < 0x80) {
            pos++;
            continue;
        }
        size_t length = 0;
        auto check = CheckSequence(data.substr(pos), length);
        if (check == Check::Valid) {
            pos += length;
            continue;
        }
        if (pos > start && !sink(data.substr(start, pos - start))) {
            return;
        }
        if (check == Check::Incomplete) {
            pending_ = data.substr(pos);
            pending_length_ = length;
            return;
        }
        BeginError(data.substr(pos));
        return;
    }
    if (pos > start) {
        sink(data.substr(start, pos - start));
    }
}

void Utf8Validator::Finish() {
    if (!error_bytes_.empty()) {
        RaiseError();
    }
    if (!pending_.empty()) {
        throw InvalidBytes(pending_);
    }
}

void Utf8Validator::Verify(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        size_t length = 0;
        if (CheckSequence(text.substr(pos), length) == Check::Valid) {
            pos += length;
            continue;
        }
        auto shown = Utf8AnnouncedLength(text[pos]);
        throw InvalidBytes(text.substr(pos, shown));
    }
}

void Utf8Validator::BeginError(std::string_view bytes) {
    if (error_bytes_.empty()) {
        error_length_ = Utf8AnnouncedLength(bytes[0]);
    }
    error_bytes_ += bytes.substr(0, error_length_ - error_bytes_.size());
    if (error_bytes_.size() >= error_length_) {
        RaiseError();
    }
}

void Utf8Validator::RaiseError() const {
    throw InvalidBytes(error_bytes_);
}

} // namespace duckgres::copy
