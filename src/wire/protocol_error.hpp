// ProtocolError: a malformed or oversized frontend message (SQLSTATE 08P01 by default).
#pragma once

#include <stdexcept>
#include <string>

namespace duckgres::wire {

//! Thrown by the codec for input that breaks the protocol; the session answers with an
//! ErrorResponse carrying `sqlstate` and closes the connection.
class ProtocolError : public std::runtime_error {
public:
    explicit ProtocolError(const std::string &message, std::string sqlstate = "08P01")
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
    const std::string &SqlState() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

} // namespace duckgres::wire
