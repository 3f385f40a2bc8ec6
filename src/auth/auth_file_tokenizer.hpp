// Splits pg_hba.conf and pg_ident.conf text into lines of fields of tokens, as PostgreSQL 15 reads them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::auth {

//! One word of a field. Quoting keeps a keyword ("all", "+x", "@f") from being one.
struct AuthFileToken {
    std::string text;
    bool quoted = false;

    bool operator==(const AuthFileToken &other) const = default;
};

//! One record: fields separated by white space, each a comma-separated list of tokens.
struct AuthFileLine {
    std::string file;
    int line_number = 0; //!< of the record's first line when it is continued with a trailing backslash
    std::vector<std::vector<AuthFileToken>> fields;
};

//! A problem in a configuration file: its file, line (0: the file as a whole) and what is wrong.
struct AuthFileError {
    std::string file;
    int line_number = 0;
    std::string message;

    //! "file:line: message" (or "file: message" for the whole file).
    std::string ToString() const;
};

//! Reads a file's text; on failure returns nullopt and sets `error` (e.g. "No such file or directory").
using AuthFileReader = std::function<std::optional<std::string>(const std::string &path, std::string &error)>;

//! Reads from the file system.
std::optional<std::string> ReadAuthFileFromDisk(const std::string &path, std::string &error);

//! Tokenizes `text` read from `file_name` with PostgreSQL 15's rules:
//!   - `#` starts a comment outside double quotes; blank lines and comment lines yield nothing;
//!   - a backslash at the very end of a line joins the next line to it (the backslash and line break vanish,
//!     inside quotes and comments too);
//!   - fields are separated by spaces and tabs; commas separate a field's tokens (spaces may follow a comma);
//!   - double quotes may surround any part of a token, making it quoted; `""` inside quotes is one `"`;
//!   - an unquoted token `@name` is replaced by every token of the file `name` (relative to the directory of the
//!     file naming it; nested up to 10 levels). A file that cannot be read is an error of the line naming it,
//!     which is then left out.
std::vector<AuthFileLine> TokenizeAuthFile(std::string_view text, const std::string &file_name,
                                           const AuthFileReader &reader, std::vector<AuthFileError> &errors);

} // namespace duckgres::auth
