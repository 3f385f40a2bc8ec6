// Reads back the results a server-side caller's statement wrote as backend messages (a DO block's statements).
#pragma once

#include "wire/backend_messages.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::wire {

//! The results of statements in backend messages: RowDescription columns, text DataRows and the command tags.
struct CapturedResults {
    std::vector<FieldDescription> columns;                     //!< of the last RowDescription
    std::vector<std::vector<std::optional<std::string>>> rows; //!< DataRow values (text format), NULL as nullopt
    std::vector<std::string> tags;                             //!< CommandComplete tags in order
    std::string passed_on; //!< the messages meant for the client all the same (notices, parameter changes)
};

//! Splits `messages` (whole backend messages) into results and what still goes to the client (NoticeResponse,
//! ParameterStatus). Throws MalformedMessage for a truncated message.
CapturedResults CaptureResults(std::string_view messages);

} // namespace duckgres::wire
