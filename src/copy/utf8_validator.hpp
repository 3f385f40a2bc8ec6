// Utf8Validator: checks a byte stream split anywhere is valid UTF-8, with PostgreSQL's error for bad bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace duckgres::copy {

//! Validates a stream of chunks as UTF-8 the way PostgreSQL does (NUL bytes, overlong forms, surrogates and
//! code points above U+10FFFF are invalid). Valid bytes are passed on in order; a multi-byte sequence split
//! between chunks is held back until complete. An invalid sequence raises 22021
//! `invalid byte sequence for encoding "UTF8": 0x.. 0x..` naming as many bytes as its first byte announces,
//! so the error may wait for the next chunk.
class Utf8Validator {
public:
    //! Receives runs of valid bytes; returns false to stop validating (later bytes are then ignored).
    using Sink = std::function<bool(std::string_view valid)>;

    //! Validates `data`, passing the valid bytes to `sink` before raising any error.
    void Feed(std::string_view data, const Sink &sink);
    //! At end of input: raises the pending error, or 22021 for a sequence cut short by the end.
    void Finish();

    //! Raises 22021 if `text` (complete, e.g. a de-escaped field) is not valid UTF-8.
    static void Verify(std::string_view text);

private:
    //! Starts reporting the invalid sequence beginning with `bytes`; raises it once enough bytes are known.
    void BeginError(std::string_view bytes);
    [[noreturn]] void RaiseError() const;

    std::string pending_;       //!< a valid but incomplete sequence from the previous chunk
    size_t pending_length_ = 0; //!< the length its first byte announces
    std::string error_bytes_;   //!< the invalid sequence being collected for the message
    size_t error_length_ = 0;   //!< how many bytes the message shows
};

} // namespace duckgres::copy
