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
//! messages. Tuples lying whole in the fed data are delivered in place; others are assembled, so the reader holds
//! one tuple's bytes at most.
class BinaryTupleReader {
public:
    //! The fields of one tuple, valid during the sink's call only.
    using Tuple = std::vector<std::optional<std::string_view>>;
    using TupleSink = std::function<void(const Tuple &tuple)>;

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
    //! Acts on the whole fixed-size item in `buffer_` (signature, flags, a length, a field count).
    void HandleBuffered(const TupleSink &sink);
    void FinishField(const TupleSink &sink);
    //! Moves past a completed field; delivers the tuple after its last.
    void NextField(const TupleSink &sink);
    //! Delivers the tuple at the start of `data` without copying if it is all there; returns the bytes it took
    //! (0: not whole, or not a plain tuple).
    size_t WholeTuple(std::string_view data, const TupleSink &sink);
    void StartTuple();

    size_t field_count_;
    State state_ = State::Signature;
    std::string buffer_;     //!< bytes of the fixed-size item being read
    uint64_t remaining_ = 0; //!< extension or field bytes still to read
    uint64_t tuple_number_ = 0;
    Tuple tuple_;                      //!< always field_count_ fields
    std::vector<std::string> storage_; //!< fields arriving in pieces are assembled here
    size_t field_ = 0;                 //!< the field being read
};

} // namespace duckgres::copy
