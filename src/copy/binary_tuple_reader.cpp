// BinaryTupleReader: parses COPY binary format (PGCOPY header, tuples, trailer) arriving in arbitrary chunks.
#include "copy/binary_tuple_reader.hpp"

#include "common/sql_error.hpp"

#include <algorithm>

namespace duckgres::copy {

namespace {

constexpr std::string_view kSignature("PGCOPY\n\377\r\n\0", 11);
//! PostgreSQL's limit for one allocation (MaxAllocSize): a field must be shorter.
constexpr int32_t kMaxFieldBytes = 0x3fffffff;

int32_t ReadInt32(std::string_view bytes) {
    uint32_t value = 0;
    for (size_t i = 0; i < 4; i++) {
        value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    }
    return static_cast<int32_t>(value);
}

int16_t ReadInt16(std::string_view bytes) {
    auto value =
        static_cast<uint16_t>((static_cast<unsigned char>(bytes[0]) << 8) | static_cast<unsigned char>(bytes[1]));
    return static_cast<int16_t>(value);
}

SqlError Malformed(const std::string &message) {
    return SqlError("22P04", message);
}

} // namespace

BinaryTupleReader::BinaryTupleReader(size_t field_count)
    : field_count_(field_count), tuple_(field_count), storage_(field_count) {}

std::optional<size_t> BinaryTupleReader::CurrentField() const {
    if (state_ == State::FieldLength || state_ == State::FieldData) {
        return field_;
    }
    return std::nullopt;
}

void BinaryTupleReader::Feed(std::string_view data, const TupleSink &sink) {
    size_t pos = 0;
    while (pos < data.size()) {
        // Most tuples lie whole in `data`: read them in place. The rest (a tuple cut by the chunk's end, the
        // trailer, errors) goes through the states below.
        if (buffer_.empty() && state_ == State::FieldCount) {
            if (auto used = WholeTuple(data.substr(pos), sink)) {
                pos += used;
                continue;
            }
        }
        switch (state_) {
        case State::Signature:
            if (Fill(data, pos, kSignature.size())) {
                HandleBuffered(sink);
            }
            break;
        case State::Flags:
        case State::ExtensionLength:
        case State::FieldLength:
            if (Fill(data, pos, 4)) {
                HandleBuffered(sink);
            }
            break;
        case State::FieldCount:
            if (Fill(data, pos, 2)) {
                HandleBuffered(sink);
            }
            break;
        case State::Extension:
        case State::FieldData: {
            auto take = static_cast<size_t>(std::min<uint64_t>(remaining_, data.size() - pos));
            if (state_ == State::FieldData) {
                storage_[field_].append(data.data() + pos, take);
            }
            pos += take;
            remaining_ -= take;
            if (remaining_ == 0 && state_ == State::Extension) {
                StartTuple();
            } else if (remaining_ == 0) {
                FinishField(sink);
            }
            break;
        }
        case State::Ended:
            throw Malformed("received copy data after EOF marker");
        }
    }
}

void BinaryTupleReader::Finish() {
    switch (state_) {
    case State::Signature:
        throw Malformed("COPY file signature not recognized");
    case State::Flags:
        throw Malformed("invalid COPY file header (missing flags)");
    case State::ExtensionLength:
        throw Malformed("invalid COPY file header (missing length)");
    case State::Extension:
        throw Malformed("invalid COPY file header (wrong length)");
    case State::FieldLength:
    case State::FieldData:
        throw Malformed("unexpected EOF in COPY data");
    case State::FieldCount: // a missing trailer, even a partial field count, just ends the data
    case State::Ended:
        return;
    }
}

bool BinaryTupleReader::Fill(std::string_view data, size_t &pos, size_t size) {
    auto take = std::min(size - buffer_.size(), data.size() - pos);
    buffer_.append(data.data() + pos, take);
    pos += take;
    return buffer_.size() == size;
}

void BinaryTupleReader::HandleBuffered(const TupleSink &sink) {
    std::string bytes;
    bytes.swap(buffer_);
    switch (state_) {
    case State::Signature:
        if (bytes != kSignature) {
            throw Malformed("COPY file signature not recognized");
        }
        state_ = State::Flags;
        return;
    case State::Flags: {
        auto flags = static_cast<uint32_t>(ReadInt32(bytes));
        if (flags & (1u << 16)) {
            throw Malformed("invalid COPY file header (WITH OIDS)");
        }
        if ((flags >> 16) != 0) {
            throw Malformed("unrecognized critical flags in COPY file header");
        }
        state_ = State::ExtensionLength;
        return;
    }
    case State::ExtensionLength: {
        auto length = ReadInt32(bytes);
        if (length < 0) {
            throw Malformed("invalid COPY file header (missing length)");
        }
        remaining_ = static_cast<uint64_t>(length);
        state_ = State::Extension;
        if (remaining_ == 0) {
            StartTuple();
        }
        return;
    }
    case State::FieldCount: {
        auto count = ReadInt16(bytes);
        if (count == -1) {
            state_ = State::Ended;
            return;
        }
        if (count < 0 || static_cast<size_t>(count) != field_count_) {
            throw Malformed("row field count is " + std::to_string(count) + ", expected " +
                            std::to_string(field_count_));
        }
        if (field_count_ == 0) {
            sink(tuple_);
            StartTuple();
            return;
        }
        state_ = State::FieldLength;
        return;
    }
    case State::FieldLength: {
        auto length = ReadInt32(bytes);
        if (length == -1) {
            tuple_[field_].reset();
            NextField(sink);
            return;
        }
        if (length < -1) {
            throw Malformed("invalid field size");
        }
        if (length >= kMaxFieldBytes) {
            throw SqlError("54000", "out of memory",
                           "Cannot enlarge string buffer containing 0 bytes by " + std::to_string(length) +
                               " more bytes.");
        }
        remaining_ = static_cast<uint64_t>(length);
        storage_[field_].clear();
        state_ = State::FieldData;
        if (remaining_ == 0) {
            FinishField(sink);
        }
        return;
    }
    default:
        return;
    }
}

void BinaryTupleReader::FinishField(const TupleSink &sink) {
    tuple_[field_] = storage_[field_];
    state_ = State::FieldLength;
    NextField(sink);
}

void BinaryTupleReader::NextField(const TupleSink &sink) {
    if (++field_ == field_count_) {
        state_ = State::FieldCount; // no current field while the sink runs
        sink(tuple_);
        StartTuple();
    }
}

size_t BinaryTupleReader::WholeTuple(std::string_view data, const TupleSink &sink) {
    if (data.size() < 2 || ReadInt16(data) != static_cast<int64_t>(field_count_) || field_count_ == 0) {
        return 0; // the trailer, a bad count and empty tuples take the general path
    }
    size_t pos = 2;
    for (size_t i = 0; i < field_count_; i++) {
        if (data.size() - pos < 4) {
            return 0;
        }
        auto length = ReadInt32(data.substr(pos));
        pos += 4;
        if (length == -1) {
            tuple_[i].reset();
            continue;
        }
        if (length < 0 || length >= kMaxFieldBytes || data.size() - pos < static_cast<size_t>(length)) {
            return 0; // errors are raised by the general path
        }
        tuple_[i] = data.substr(pos, length);
        pos += length;
    }
    sink(tuple_);
    StartTuple();
    return pos;
}

void BinaryTupleReader::StartTuple() {
    field_ = 0;
    tuple_number_++;
    state_ = State::FieldCount;
}

} // namespace duckgres::copy
