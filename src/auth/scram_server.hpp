// ScramServer: the server side of one SCRAM-SHA-256(-PLUS) exchange (RFC 5802 / RFC 5929 / RFC 7677).
#pragma once

#include "auth/password_verifier.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace duckgres::auth {

//! Result of one step: on success `message` is the next server message; on failure `error`
//! says why (for the log only: the client always gets the same 28P01 text).
struct ScramStep {
    bool ok = false;
    std::string message;
    std::string error;
    //! True when the failure is a protocol violation (malformed message, 08P01) rather than
    //! a wrong password (28P01).
    bool protocol_violation = false;
    //! True for the channel binding failures PostgreSQL reports as 28000 rather than 08P01: a binding that does
    //! not match this connection, or a client that says the server cannot bind when it offered to (a downgrade).
    bool binding_refused = false;
    //! For failures PostgreSQL reports with their own text: the message and detail to send as they are.
    std::string client_message;
    std::string client_detail;
};

//! Names of the SASL mechanisms.
inline constexpr const char *kScramSha256 = "SCRAM-SHA-256";
inline constexpr const char *kScramSha256Plus = "SCRAM-SHA-256-PLUS";

//! One exchange: construct with the user's verifier (a plaintext verifier is turned into
//! SCRAM keys on the fly), offer channel binding over TLS, advertise Mechanisms(), pass the
//! client's choice to SelectMechanism, call ClientFirst with the SASLInitialResponse data, then
//! ClientFinal with the SASLResponse data. For an unknown user, construct with MockFor(user) so
//! the exchange looks the same (same messages, same work) and fails at the proof.
//!
//! Channel binding (RFC 5802 section 6, type tls-server-end-point of RFC 5929): over TLS the
//! server offers SCRAM-SHA-256-PLUS as well (OfferChannelBinding). With PLUS
//! chosen the gs2 flag must be "p=tls-server-end-point" and c= must carry the gs2 header and
//! the binding data; without it, "n" is accepted, and "y" only when no binding was offered
//! (otherwise it is a downgrade).
class ScramServer {
public:
    explicit ScramServer(const PasswordVerifier &verifier);
    //! `iterations`: the count the mock announces (PostgreSQL's default, 4096, when not positive); the count most
    //! real users have, so that it does not tell unknown users apart.
    static ScramServer MockFor(std::string_view user, std::string_view server_secret, int iterations = 0);

    //! Offers channel binding with the connection's tls-server-end-point data (call before Mechanisms
    //! when the connection uses TLS and the data could be computed; empty data offers nothing).
    void OfferChannelBinding(std::string end_point_data);
    //! The mechanisms to advertise: SCRAM-SHA-256-PLUS first when binding is offered, then SCRAM-SHA-256.
    std::vector<std::string> Mechanisms() const;
    //! Records the client's choice; false for a mechanism that was not advertised.
    bool SelectMechanism(std::string_view mechanism);

    ScramStep ClientFirst(std::string_view client_first_message);
    ScramStep ClientFinal(std::string_view client_final_message);

    //! For tests: fix the server nonce part instead of a random one.
    void SetServerNonceForTest(std::string nonce) { server_nonce_ = std::move(nonce); }

private:
    enum class State { AwaitingClientFirst, AwaitingClientFinal, Finished };

    ScramServer() = default;
    //! Makes the exchange fail at the proof, with a deterministic fake salt; reason goes to the log.
    void MakeDoomed(std::string_view salt_seed_key, std::string_view salt_seed, std::string reason);
    ScramStep Fail(std::string error, bool protocol_violation);
    //! A protocol violation PostgreSQL reports with the given message and detail.
    ScramStep FailAs(std::string error, std::string client_message, std::string client_detail = "");
    //! A channel binding failure PostgreSQL reports as 28000 with the given message and detail.
    ScramStep RefuseBinding(std::string error, std::string client_message, std::string client_detail = "");

    int iterations_ = 4096;
    std::string salt_;
    std::string stored_key_;
    std::string server_key_;
    bool mock_ = false;
    std::string mock_reason_;
    std::string server_nonce_;
    std::string client_first_bare_;
    std::string server_first_;
    std::string nonce_;
    std::string gs2_header_;
    std::string binding_data_;
    bool plus_selected_ = false;
    State state_ = State::AwaitingClientFirst;
};

} // namespace duckgres::auth
