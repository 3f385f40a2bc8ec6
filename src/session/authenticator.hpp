// Authenticator: runs the password exchange chosen by configuration for one client.
#pragma once

#include "auth/hba_file.hpp"
#include "session/message_stream.hpp"
#include "session/server_context.hpp"

#include <string>

namespace duckgres::session {

//! SCRAM-SHA-256, md5 or cleartext password, as configured. An unknown user and a wrong
//! password fail identically with FATAL 28P01, after the same work (an unknown user's password is
//! checked against ServerContext::mock_verifier). A user whose only credential is a SCRAM
//! verifier is asked for SCRAM even when md5 is configured, as PostgreSQL does.
class Authenticator {
public:
    Authenticator(ServerContext &context, MessageStream &stream) : context_(context), stream_(stream) {}

    //! Returns normally when the client proved its password; throws SqlError (FATAL) or
    //! wire::ProtocolError otherwise. With `refuse` (a banned address) the exchange runs as usual, with the
    //! same messages and work, and ends in the wrong-password error whatever the password.
    //! The method comes from the first pg_hba.conf rule (or built-in rule) that matches the connection, `user` and
    //! `database`: none, or a reject rule, is FATAL 28000 in PostgreSQL's words; trust logs in; cert and
    //! clientcert=verify-ca|verify-full need a verified client certificate (its CN the user, or mapped to it by
    //! pg_ident.conf).
    asio::awaitable<void> Authenticate(const std::string &user, const std::string &database, bool refuse = false);

private:
    //! The rule that decides how this connection authenticates; throws FATAL 28000 when none lets it in.
    const auth::HbaRule &MatchRule(const std::string &user, const std::string &database);
    //! What `rule` asks of the client certificate (cert method, clientcert option); throws FATAL when it fails.
    void CheckClientCertificate(const auth::HbaRule &rule, const std::string &user);
    asio::awaitable<void> Scram(const std::string &user, const auth::PasswordVerifier *verifier, bool refuse);
    asio::awaitable<void> Md5(const std::string &user, const auth::PasswordVerifier *verifier, bool refuse);
    asio::awaitable<void> Cleartext(const std::string &user, const auth::PasswordVerifier *verifier, bool refuse);
    //! Reads the next message, which must be a password-type ('p') message.
    asio::awaitable<std::span<const uint8_t>> ReadPasswordMessage();

    ServerContext &context_;
    MessageStream &stream_;
};

} // namespace duckgres::session
