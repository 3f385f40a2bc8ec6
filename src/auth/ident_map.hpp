// IdentMap: pg_ident.conf user name maps (PostgreSQL 15 syntax), which let a system user name act as a database user.
#pragma once

#include "auth/auth_file_tokenizer.hpp"

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::auth {

//! One line: MAPNAME SYSTEM-USERNAME DATABASE-USERNAME.
struct IdentMapping {
    std::string file;
    int line_number = 0;
    std::string map_name;
    std::string system_user;   //!< as written; starting with "/" it is a regular expression (the rest)
    std::string database_user; //!< as written; with a regex, its first "\1" stands for the first capture group
    std::optional<std::regex> pattern;
};

class IdentMap {
public:
    //! Parses pg_ident.conf text (`file_name` names it in errors; `reader` reads @file includes). Malformed lines
    //! are reported in Errors() and left out. Regular expressions use std::regex's ECMAScript grammar and match
    //! anywhere in the system user name unless anchored (^...$), as PostgreSQL's do.
    static IdentMap Parse(std::string_view text, const std::string &file_name, const AuthFileReader &reader);
    //! Reads and parses the file at `path`; an unreadable file is an error.
    static IdentMap Load(const std::string &path);

    const std::vector<IdentMapping> &Mappings() const { return mappings; }
    const std::vector<AuthFileError> &Errors() const { return errors; }
    //! Whether some line defines the map `map_name`.
    bool HasMap(std::string_view map_name) const;
    //! Whether map `map_name` lets `system_user` (e.g. a client certificate's CN) connect as `database_user`.
    //! Names compare exactly (case-sensitively).
    bool Allows(std::string_view map_name, std::string_view system_user, std::string_view database_user) const;

private:
    std::vector<IdentMapping> mappings;
    std::vector<AuthFileError> errors;
};

} // namespace duckgres::auth
