// HbaPolicy: the pg_hba.conf rules (or the built-in default) and pg_ident.conf maps a server authenticates with.
#pragma once

#include "auth/hba_file.hpp"
#include "auth/ident_map.hpp"

#include <string>
#include <vector>

namespace duckgres::auth {

struct HbaPolicyConfig {
    std::string hba_file;                              //!< empty: HbaFile::Default(default_method)
    std::string ident_file;                            //!< empty: no maps
    HbaMethod default_method = HbaMethod::ScramSha256; //!< the method of the built-in rules
    bool tls_enabled = true;                           //!< false: hostssl lines of hba_file cannot match (a warning)
};

class HbaPolicy {
public:
    //! Reads both files. Their problems are in Errors(); a server must not start with any.
    static HbaPolicy Load(const HbaPolicyConfig &config);

    const HbaFile &Hba() const { return hba; }
    const IdentMap &Ident() const { return ident; }
    //! Every malformed line of both files as "file:line: message".
    std::vector<std::string> Errors() const;
    //! What the server logs at startup: trust and cleartext-password lines, hostssl lines without TLS, map= names
    //! that no pg_ident.conf line defines.
    std::vector<std::string> Warnings() const;

private:
    HbaPolicyConfig config;
    HbaFile hba;
    IdentMap ident;
};

} // namespace duckgres::auth
