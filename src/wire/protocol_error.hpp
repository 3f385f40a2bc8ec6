// ProtocolError and its two kinds: broken framing (the connection ends) and a malformed message body (an ERROR).
#pragma once

#include <stdexcept>
#include <string>

namespace duckgres::wire {

//! Input that breaks the protocol, with its SQLSTATE (08P01 by default). Thrown as one of the two kinds below,
//! except during startup and authentication, where every protocol error ends the connection.
class ProtocolError : public std::runtime_error {
public:
    explicit ProtocolError(const std::string &message, std::string sqlstate = "08P01")
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
    const std::string &SqlState() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

//! The byte stream can no longer be cut into messages (a bad length word, an unknown message type): the session
//! answers with a FATAL ErrorResponse and closes the connection, as PostgreSQL does.
class FramingError : public ProtocolError {
public:
    using ProtocolError::ProtocolError;
};

//! A whole message whose body does not parse (a missing terminator, trailing bytes): the framing is intact, so the
//! message fails with an ordinary ERROR and the session goes on, as PostgreSQL does.
class MalformedMessage : public ProtocolError {
public:
    using ProtocolError::ProtocolError;
};

} // namespace duckgres::wire
