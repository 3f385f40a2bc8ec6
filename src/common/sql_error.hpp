// SqlError: an error that ends one statement, with the fields PostgreSQL reports.
#pragma once

#include <stdexcept>
#include <string>

namespace duckgres {

//! Thrown by the engine, SQL and session layers for errors that end the current statement;
//! the session turns it into one ErrorResponse (or NoticeResponse for lower severities).
class SqlError : public std::runtime_error {
public:
    SqlError(std::string sqlstate, const std::string &message, std::string detail = "", std::string hint = "",
             int position = 0)
        : std::runtime_error(message), sqlstate(std::move(sqlstate)), detail(std::move(detail)), hint(std::move(hint)),
          position(position) {}

    std::string sqlstate;
    std::string detail;
    std::string hint;
    int position = 0;               //!< 1-based character position in the statement, 0 unknown
    std::string where;              //!< context, e.g. COPY t, line 3, column a: "x"
    std::string severity = "ERROR"; //!< "ERROR" or "FATAL" (FATAL closes the session)
};

//! An error that ends the session (severity FATAL).
inline SqlError FatalError(std::string sqlstate, const std::string &message, std::string detail = "") {
    SqlError error(std::move(sqlstate), message, std::move(detail));
    error.severity = "FATAL";
    return error;
}

} // namespace duckgres
