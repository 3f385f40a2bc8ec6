// Password authentication exchanges: SCRAM-SHA-256 (with channel binding over TLS), md5 and cleartext.
#include "session/authenticator.hpp"

#include "auth/crypto.hpp"
#include "auth/md5_auth.hpp"
#include "auth/scram_server.hpp"
#include "common/sql_error.hpp"
#include "wire/backend_messages.hpp"
#include "wire/frontend_messages.hpp"
#include "wire/protocol_error.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace duckgres::session {

namespace {

SqlError AuthFailed(const std::string &user) {
    SqlError error("28P01", "password authentication failed for user \"" + user + "\"");
    error.severity = "FATAL";
    return error;
}

//! Reports a failed SCRAM step as PostgreSQL does: a wrong password (or unknown user) as 28P01, a refused channel
//! binding as 28000, anything else as a protocol violation.
[[noreturn]] void ThrowScramFailure(const std::string &user, const auth::ScramStep &step) {
    spdlog::info("SCRAM authentication of user \"{}\" failed: {}", user, step.error);
    if (step.binding_refused) {
        SqlError error("28000", step.client_message, step.client_detail);
        error.severity = "FATAL";
        throw error;
    }
    if (!step.protocol_violation) {
        throw AuthFailed(user);
    }
    if (step.client_message.empty()) {
        throw wire::ProtocolError("malformed SCRAM message: " + step.error);
    }
    SqlError error("08P01", step.client_message, step.client_detail);
    error.severity = "FATAL";
    throw error;
}

} // namespace

asio::awaitable<std::span<const uint8_t>> Authenticator::ReadPasswordMessage() {
    auto message = co_await stream_.Read();
    if (message.type != static_cast<char>(wire::FrontendType::Password)) {
        throw wire::ProtocolError("expected password response, got message type " +
                                  std::to_string(static_cast<int>(message.type)));
    }
    co_return message.payload;
}

const auth::HbaRule &Authenticator::MatchRule(const std::string &user, const std::string &database) {
    auth::HbaConnection connection;
    connection.ssl = stream_.Channel().IsTls();
    auto peer = stream_.Channel().PeerAddress();
    auto address = auth::IpAddress::Parse(peer.substr(0, peer.rfind(':')));
    if (address) {
        connection.client_address = *address;
    }
    connection.database = database;
    connection.user = user;
    // +role: a user belongs to the role named in its configuration (read_only, read_write, admin).
    connection.is_member = [role = config::RoleOf(context_.config, user)](const std::string &name) {
        return role && name == config::UserRoleName(*role);
    };
    connection.interfaces = context_.interfaces;
    const auth::HbaRule *rule = address ? context_.hba.Hba().Match(connection) : nullptr;
    if (!rule || rule->method == auth::HbaMethod::Reject) {
        SqlError error(auth::kHbaRejectSqlState,
                       rule ? auth::HbaRejectMessage(connection) : auth::HbaNoMatchMessage(connection));
        error.severity = "FATAL";
        spdlog::info("connection from {} refused: {}", peer, error.what());
        throw error;
    }
    return *rule;
}

void Authenticator::CheckClientCertificate(const auth::HbaRule &rule, const std::string &user) {
    const bool cert_method = rule.method == auth::HbaMethod::Cert;
    if (!cert_method && rule.client_cert == auth::HbaClientCert::None) {
        return;
    }
    auto certificate = stream_.Channel().PeerCertificate();
    if (!certificate) {
        SqlError error("28000", "connection requires a valid client certificate");
        error.severity = "FATAL";
        throw error;
    }
    if (!cert_method && rule.client_cert != auth::HbaClientCert::VerifyFull) {
        return; // verify-ca: a certificate the CA signed is enough
    }
    // verify-full and cert: the certificate's CN is the user, or maps to it through pg_ident.conf.
    const bool matches = rule.map.empty() ? certificate->common_name == user
                                          : context_.hba.Ident().Allows(rule.map, certificate->common_name, user);
    if (matches) {
        return;
    }
    spdlog::info("certificate of {} (CN \"{}\") does not authenticate user \"{}\" (pg_hba.conf line {})",
                 stream_.Channel().PeerAddress(), certificate->common_name, user, rule.line_number);
    // As PostgreSQL: the cert method says so; with clientcert=verify-full the password method's failure is reported.
    SqlError error(cert_method ? "28000" : "28P01", cert_method
                                                        ? "certificate authentication failed for user \"" + user + "\""
                                                        : "password authentication failed for user \"" + user + "\"");
    error.severity = "FATAL";
    throw error;
}

asio::awaitable<void> Authenticator::Authenticate(const std::string &user, const std::string &database, bool refuse) {
    const auto &rule = MatchRule(user, database);
    auto it = context_.users.find(user);
    const auth::PasswordVerifier *verifier = it == context_.users.end() ? nullptr : &it->second;
    switch (rule.method) {
    case auth::HbaMethod::Trust:
        break;
    case auth::HbaMethod::Cert:
        CheckClientCertificate(rule, user);
        if (!verifier) {
            // A certificate for a user Duckgres does not know: no session can start.
            SqlError error("28000", "certificate authentication failed for user \"" + user + "\"");
            error.severity = "FATAL";
            throw error;
        }
        break;
    case auth::HbaMethod::ScramSha256:
        co_await Scram(user, verifier, refuse);
        break;
    case auth::HbaMethod::Md5:
        if (verifier && verifier->kind == auth::VerifierKind::ScramSha256) {
            co_await Scram(user, verifier, refuse);
        } else {
            co_await Md5(user, verifier, refuse);
        }
        break;
    case auth::HbaMethod::Password:
        co_await Cleartext(user, verifier, refuse);
        break;
    case auth::HbaMethod::Reject:
    case auth::HbaMethod::Other:
        throw SqlError("XX000", "pg_hba.conf line " + std::to_string(rule.line_number) + " cannot authenticate");
    }
    if (rule.method != auth::HbaMethod::Cert) {
        CheckClientCertificate(rule, user);
    }
    wire::WriteAuthenticationOk(stream_.Out());
}

asio::awaitable<void> Authenticator::Scram(const std::string &user, const auth::PasswordVerifier *verifier,
                                           bool refuse) {
    auto scram = verifier ? auth::ScramServer(*verifier)
                          : auth::ScramServer::MockFor(user, context_.mock_secret, context_.mock_verifier.iterations);
    scram.OfferChannelBinding(stream_.Channel().TlsServerEndPoint()); // empty without TLS
    wire::WriteAuthenticationSasl(stream_.Out(), scram.Mechanisms());
    co_await stream_.Flush();

    auto initial_payload = co_await ReadPasswordMessage();
    auto initial = wire::ParseSaslInitialResponse(initial_payload);
    if (!scram.SelectMechanism(initial.mechanism)) {
        throw wire::ProtocolError("client selected an invalid SASL authentication mechanism");
    }
    auto first = scram.ClientFirst(initial.data);
    if (!first.ok) {
        ThrowScramFailure(user, first);
    }
    wire::WriteAuthenticationSaslContinue(stream_.Out(), first.message);
    co_await stream_.Flush();

    auto response_payload = co_await ReadPasswordMessage();
    auto response = wire::ParseSaslResponse(response_payload);
    auto final_step = scram.ClientFinal(response.data);
    if (!final_step.ok) {
        ThrowScramFailure(user, final_step);
    }
    if (refuse) {
        throw AuthFailed(user); // a banned address: the same answer as a wrong password
    }
    wire::WriteAuthenticationSaslFinal(stream_.Out(), final_step.message);
}

asio::awaitable<void> Authenticator::Md5(const std::string &user, const auth::PasswordVerifier *verifier, bool refuse) {
    auto salt = auth::RandomBytes(4);
    uint8_t salt_bytes[4];
    std::copy(salt.begin(), salt.end(), salt_bytes);
    wire::WriteAuthenticationMd5Password(stream_.Out(), salt_bytes);
    co_await stream_.Flush();
    auto payload = co_await ReadPasswordMessage();
    auto response = wire::ParsePasswordMessage(payload);
    // An unknown user's response is checked too, against the mock verifier: the same work either way.
    bool ok =
        auth::CheckMd5Response(verifier ? *verifier : context_.mock_verifier, user, salt_bytes, response.password);
    if (!ok || !verifier || refuse) {
        throw AuthFailed(user);
    }
}

asio::awaitable<void> Authenticator::Cleartext(const std::string &user, const auth::PasswordVerifier *verifier,
                                               bool refuse) {
    wire::WriteAuthenticationCleartextPassword(stream_.Out());
    co_await stream_.Flush();
    auto payload = co_await ReadPasswordMessage();
    auto response = wire::ParsePasswordMessage(payload);
    bool ok = auth::CheckCleartextPassword(verifier ? *verifier : context_.mock_verifier, user, response.password);
    if (!ok || !verifier || refuse) {
        throw AuthFailed(user);
    }
}

} // namespace duckgres::session
