// BinaryTupleReader: parses COPY binary format (PGCOPY header, tuples, trailer) arriving in arbitrary chunks.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::copy {

//! Reads PostgreSQL's COPY binary format: the 11-byte signature, int32 flags, int32 header extension length
//! and extension, then tuples (int16 field count, per field int32 length or -1 for NULL, then the bytes) up
//! to the int16 -1 trailer. Yields each tuple's raw field bytes. Errors are SqlError 22P04 with PostgreSQL's
//! messages. Holds at most one field's bytes besides the tuple being built.
class BinaryTupleReader {
public:
    using Tuple = std::vector<std::optional<std::string>>;
    using TupleSink = std::function<void(Tuple &tuple)>;

    explicit BinaryTupleReader(size_t field_count);

    void Feed(std::string_view data, const TupleSink &sink);
    //! At end of input: a truncated header or tuple is an error; a missing trailer is not.
    void Finish();

    //! The trailer was read.
    bool Ended() const { return state_ == State::Ended; }
    //! The 1-based number of the tuple being read (0 while in the header).
    uint64_t TupleNumber() const { return tuple_number_; }
    //! The 0-based field being read, if inside a tuple's fields.
    std::optional<size_t> CurrentField() const;

private:
    enum class State { Signature, Flags, ExtensionLength, Extension, FieldCount, FieldLength, FieldData, Ended };

    //! Moves bytes into `buffer_` until it holds `size`; returns whether it does.
    bool Fill(std::string_view data, size_t &pos, size_t size);
    void HandleBuffered(const TupleSink &sink);
    void FinishField(const TupleSink &sink);
    void StartTuple();

    size_t field_count_;
    State state_ = State::Signature;
    std::string buffer_;     //!< bytes of the fixed-size item being read
    uint64_t remaining_ = 0; //!< extension or field bytes still to read
    uint64_t tuple_number_ = 0;
    Tuple tuple_;
    std::string field_;
};

} // namespace duckgres::copy
