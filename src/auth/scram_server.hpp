// ScramServer: the server side of one SCRAM-SHA-256 exchange (RFC 5802 / RFC 7677).
#pragma once

#include "auth/password_verifier.hpp"

#include <string>
#include <string_view>

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
};

//! One exchange: construct with the user's verifier (a plaintext verifier is turned into
//! SCRAM keys on the fly), call ClientFirst with the SASLInitialResponse data, then
//! ClientFinal with the SASLResponse data. Channel binding: "n" and "y" gs2 flags accepted,
//! "p" (SCRAM-SHA-256-PLUS) rejected for now. For an unknown user, construct with
//! MockFor(user) so the exchange looks the same and fails at the proof.
class ScramServer {
public:
    explicit ScramServer(const PasswordVerifier &verifier);
    //! `iterations`: the count the mock announces (PostgreSQL's default, 4096, when not positive); the count most
    //! real users have, so that it does not tell unknown users apart.
    static ScramServer MockFor(std::string_view user, std::string_view server_secret, int iterations = 0);

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
    State state_ = State::AwaitingClientFirst;
};

} // namespace duckgres::auth
