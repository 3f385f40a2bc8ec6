// HbaFile: pg_hba.conf rules (PostgreSQL 15 syntax) and the choice of the rule that applies to a connection.
#pragma once

#include "auth/auth_file_tokenizer.hpp"
#include "auth/interface_addresses.hpp"
#include "auth/ip_address.hpp"

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::auth {

//! SQLSTATE of "no pg_hba.conf entry" and "pg_hba.conf rejects connection" (invalid_authorization_specification).
constexpr const char *kHbaRejectSqlState = "28000";

//! local, hostgssenc: valid lines that never match (Duckgres has no Unix socket and no GSSAPI encryption).
//! hostnogssenc matches like host, since no Duckgres connection is GSSAPI-encrypted.
enum class HbaConnectionType { Local, Host, HostSsl, HostNoSsl, HostGssEnc, HostNoGssEnc };
enum class HbaAddressKind { None, All, SameHost, SameNet, Range }; //!< None: local lines
//! Other: a PostgreSQL method Duckgres does not implement, accepted only on lines that never match.
enum class HbaMethod { Trust, Reject, ScramSha256, Md5, Password, Cert, Other };
enum class HbaClientCert { None, VerifyCa, VerifyFull };

struct HbaRule {
    std::string file;
    int line_number = 0;
    HbaConnectionType connection_type = HbaConnectionType::Host;
    std::vector<AuthFileToken> databases; //!< @file includes expanded
    std::vector<AuthFileToken> users;     //!< @file includes expanded
    HbaAddressKind address_kind = HbaAddressKind::All;
    IpAddress address; //!< for Range
    IpAddress mask;    //!< for Range
    HbaMethod method = HbaMethod::Reject;
    std::string method_name; //!< as written ("scram-sha-256", "peer")
    //! Client certificate check; `cert` implies VerifyFull.
    HbaClientCert client_cert = HbaClientCert::None;
    std::string map; //!< map= option: a pg_ident.conf map name; empty when absent

    //! Whether the rule can match any connection to Duckgres (false for local and hostgssenc).
    bool CanMatch() const;
};

//! What a rule is tested against: the facts of one connection after its startup packet.
struct HbaConnection {
    bool ssl = false;         //!< the connection uses TLS
    IpAddress client_address; //!< an IPv4-mapped IPv6 address counts as IPv4
    std::string database;     //!< the database asked for
    std::string user;         //!< the user name asked for
    //! Whether `user` is a member of `role` (+role, samerole). A user is always a member of its own name's role;
    //! may be empty (no other memberships).
    std::function<bool(const std::string &role)> is_member;
    std::span<const InterfaceAddress> interfaces; //!< the server's addresses, for samehost and samenet
};

class HbaFile {
public:
    //! Parses pg_hba.conf text. `file_name` names it in errors and anchors relative @file includes, which
    //! `reader` reads. Every malformed line is reported in Errors() and left out of Rules().
    static HbaFile Parse(std::string_view text, const std::string &file_name, const AuthFileReader &reader);
    //! Reads and parses the file at `path`; an unreadable file is an error.
    static HbaFile Load(const std::string &path);
    //! The policy without an hba_file: loopback (127.0.0.1, ::1) with or without TLS, any other address only with
    //! TLS, all with `method`.
    static HbaFile Default(HbaMethod method);

    const std::vector<HbaRule> &Rules() const { return rules; }
    const std::vector<AuthFileError> &Errors() const { return errors; }
    //! Lines worth a startup warning ("file:3: trust lets anyone ..."): trust, and password without TLS.
    std::vector<std::string> Warnings() const;

    //! The first rule matching `connection`, or nullptr (then refuse with HbaNoMatchMessage). A rule with
    //! method Reject is returned like any other: refuse with HbaRejectMessage.
    const HbaRule *Match(const HbaConnection &connection) const;

private:
    std::vector<HbaRule> rules;
    std::vector<AuthFileError> errors;
};

//! PostgreSQL's FATAL text when no rule matches: no pg_hba.conf entry for host "...", user "...", database "...",
//! SSL encryption|no encryption.
std::string HbaNoMatchMessage(const HbaConnection &connection);
//! PostgreSQL's FATAL text for a matching reject rule: pg_hba.conf rejects connection for host "...", ...
std::string HbaRejectMessage(const HbaConnection &connection);
//! The name of a method as pg_hba.conf writes it ("scram-sha-256").
const char *HbaMethodName(HbaMethod method);

} // namespace duckgres::auth
