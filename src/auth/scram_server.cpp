// Server side of a SCRAM-SHA-256(-PLUS) exchange (RFC 5802, RFC 5929, RFC 7677), following PostgreSQL's rules.
#include "auth/scram_server.hpp"

#include "auth/crypto.hpp"
#include "common/ascii.hpp"

#include <optional>
#include <vector>

namespace duckgres::auth {

namespace {

constexpr size_t kScramKeyLength = 32;       // SHA-256 output
constexpr size_t kMockSaltLength = 16;       // PostgreSQL's SCRAM_DEFAULT_SALT_LEN
constexpr size_t kRawServerNonceLength = 18; // PostgreSQL's SCRAM_RAW_NONCE_LEN
constexpr int kDefaultIterations = 4096;     // PostgreSQL's SCRAM_DEFAULT_ITERATIONS

//! One "x=value" field of a SCRAM message.
struct Attribute {
    char name = 0;
    std::string_view value;
};

//! Splits on ',' keeping empty fields (so "a=1," yields a trailing empty field, which is then rejected).
std::vector<std::string_view> SplitFields(std::string_view text) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) {
            fields.push_back(text.substr(start));
            return fields;
        }
        fields.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
}

//! attr-val = ALPHA "=" value. The value may be empty here; callers decide whether that is allowed.
std::optional<Attribute> ParseAttribute(std::string_view field) {
    if (field.size() < 2 || !IsAsciiAlpha(field[0]) || field[1] != '=') {
        return std::nullopt;
    }
    return Attribute{field[0], field.substr(2)};
}

//! RFC 5802 "printable": %x21-2B / %x2D-7E (visible ASCII except ','), at least one character.
bool IsPrintableNonce(std::string_view nonce) {
    if (nonce.empty()) {
        return false;
    }
    for (char c : nonce) {
        if (c < 0x21 || c > 0x7E || c == ',') {
            return false;
        }
    }
    return true;
}

//! The text with bytes outside printable ASCII replaced by '?', for quoting client input in an error.
std::string Printable(std::string_view text) {
    std::string result(text);
    for (char &c : result) {
        if (c < 0x20 || c > 0x7E) {
            c = '?';
        }
    }
    return result;
}

//! Key for deterministic fake salts when no configured secret is available: random per process, so the salt
//! reveals nothing about the stored credential it is derived from.
const std::string &ProcessMockKey() {
    static const std::string key = RandomBytes(32);
    return key;
}

} // namespace

ScramServer::ScramServer(const PasswordVerifier &verifier) {
    switch (verifier.kind) {
    case VerifierKind::ScramSha256:
        if (verifier.iterations < 1 || verifier.salt.empty() || verifier.stored_key.size() != kScramKeyLength ||
            verifier.server_key.size() != kScramKeyLength) {
            MakeDoomed(ProcessMockKey(), verifier.text, "stored SCRAM secret is invalid");
            return;
        }
        iterations_ = verifier.iterations;
        salt_ = verifier.salt;
        stored_key_ = verifier.stored_key;
        server_key_ = verifier.server_key;
        return;
    case VerifierKind::Plaintext: {
        if (verifier.iterations > 0 && verifier.stored_key.size() == kScramKeyLength &&
            verifier.server_key.size() == kScramKeyLength && !verifier.salt.empty()) {
            iterations_ = verifier.iterations; // keys derived once when the users were loaded
            salt_ = verifier.salt;
            stored_key_ = verifier.stored_key;
            server_key_ = verifier.server_key;
            return;
        }
        // Derive SCRAM keys on the fly with a fresh random salt (as PostgreSQL did for plaintext-stored passwords).
        auto derived = PasswordVerifier::Parse(MakeScramVerifier(verifier.text, kDefaultIterations));
        if (!derived || derived->kind != VerifierKind::ScramSha256) {
            MakeDoomed(ProcessMockKey(), verifier.text, "could not derive SCRAM keys from the plaintext password");
            return;
        }
        iterations_ = derived->iterations;
        salt_ = std::move(derived->salt);
        stored_key_ = std::move(derived->stored_key);
        server_key_ = std::move(derived->server_key);
        return;
    }
    case VerifierKind::Md5:
        // Like PostgreSQL: an md5 secret cannot answer SCRAM; run the exchange and fail at the proof.
        MakeDoomed(ProcessMockKey(), verifier.text, "user has an md5 password, which cannot be used with SCRAM");
        return;
    }
}

ScramServer ScramServer::MockFor(std::string_view user, std::string_view server_secret, int iterations) {
    ScramServer server;
    server.MakeDoomed(server_secret, user, "no such user (mock SCRAM exchange)");
    if (iterations > 0) {
        server.iterations_ = iterations;
    }
    return server;
}

void ScramServer::MakeDoomed(std::string_view salt_seed_key, std::string_view salt_seed, std::string reason) {
    mock_ = true;
    mock_reason_ = std::move(reason);
    iterations_ = kDefaultIterations;
    salt_ = HmacSha256(salt_seed_key, salt_seed).substr(0, kMockSaltLength);
    // Random keys: the proof is still checked (same work as a real exchange) but can never match usefully.
    stored_key_ = RandomBytes(kScramKeyLength);
    server_key_ = RandomBytes(kScramKeyLength);
}

ScramStep ScramServer::Fail(std::string error, bool protocol_violation) {
    state_ = State::Finished;
    ScramStep step;
    step.ok = false;
    step.error = std::move(error);
    step.protocol_violation = protocol_violation;
    return step;
}

ScramStep ScramServer::FailAs(std::string error, std::string client_message, std::string client_detail) {
    ScramStep step = Fail(std::move(error), true);
    step.client_message = std::move(client_message);
    step.client_detail = std::move(client_detail);
    return step;
}

ScramStep ScramServer::RefuseBinding(std::string error, std::string client_message, std::string client_detail) {
    ScramStep step = Fail(std::move(error), false);
    step.binding_refused = true;
    step.client_message = std::move(client_message);
    step.client_detail = std::move(client_detail);
    return step;
}

void ScramServer::OfferChannelBinding(std::string end_point_data) {
    binding_data_ = std::move(end_point_data);
}

std::vector<std::string> ScramServer::Mechanisms() const {
    if (binding_data_.empty()) {
        return {kScramSha256};
    }
    return {kScramSha256Plus, kScramSha256};
}

bool ScramServer::SelectMechanism(std::string_view mechanism) {
    plus_selected_ = mechanism == kScramSha256Plus && !binding_data_.empty();
    return plus_selected_ || mechanism == kScramSha256;
}

ScramStep ScramServer::ClientFirst(std::string_view message) {
    if (state_ != State::AwaitingClientFirst) {
        return Fail("unexpected SCRAM client-first-message", true);
    }
    if (message.find('\0') != std::string_view::npos) {
        return Fail("malformed SCRAM client-first-message: contains a NUL byte", true);
    }

    // gs2-header = gs2-cbind-flag "," [authzid] ","
    if (message.empty()) {
        return Fail("malformed SCRAM client-first-message: empty", true);
    }
    // gs2-cbind-flag = ("p=" cb-name) / "n" / "y"
    char cbind_flag = message[0];
    size_t pos = 0; // just past the flag's comma
    if (cbind_flag == 'p') {
        if (!plus_selected_) {
            return FailAs("client sent channel binding data but selected SCRAM-SHA-256", "malformed SCRAM message",
                          "The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message "
                          "includes channel binding data.");
        }
        size_t comma = message.find(',');
        if (message.size() < 2 || message[1] != '=' || comma == std::string_view::npos) {
            return Fail("malformed SCRAM client-first-message: invalid channel binding flag", true);
        }
        std::string_view type = message.substr(2, comma - 2);
        if (type != "tls-server-end-point") {
            return FailAs("unsupported channel binding type",
                          "unsupported SCRAM channel-binding type \"" + Printable(type) + "\"");
        }
        pos = comma + 1;
    } else {
        if ((cbind_flag != 'n' && cbind_flag != 'y') || message.size() < 2 || message[1] != ',') {
            return Fail("malformed SCRAM client-first-message: invalid channel binding flag", true);
        }
        // "y": the client could bind but believes the server cannot. This server offered binding over this
        // connection, so something between them removed SCRAM-SHA-256-PLUS from the list: a downgrade.
        if (cbind_flag == 'y' && !binding_data_.empty()) {
            return RefuseBinding("client sent gs2 flag \"y\" although channel binding was offered",
                                 "SCRAM channel binding negotiation error",
                                 "The client supports SCRAM channel binding but thinks the server does not.  However, "
                                 "this server does support channel binding.");
        }
        if (plus_selected_) {
            return FailAs("client selected SCRAM-SHA-256-PLUS without sending channel binding data",
                          "malformed SCRAM message",
                          "The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel "
                          "binding data.");
        }
        pos = 2;
    }
    if (message.substr(pos).starts_with("a=")) {
        size_t comma = message.find(',', pos);
        if (comma == std::string_view::npos) {
            return Fail("malformed SCRAM client-first-message: unterminated authorization identity", true);
        }
        if (comma != pos + 2) {
            return Fail("SCRAM authorization identity (authzid) is not supported", true);
        }
        pos = comma;
    }
    if (pos >= message.size() || message[pos] != ',') {
        return Fail("malformed SCRAM client-first-message: invalid gs2 header", true);
    }
    std::string_view gs2_header = message.substr(0, pos + 1);
    std::string_view client_first_bare = message.substr(pos + 1);

    // client-first-message-bare = [reserved-mext ","] username "," nonce ["," extensions]
    std::vector<std::string_view> fields = SplitFields(client_first_bare);
    auto username = ParseAttribute(fields[0]);
    if (username && username->name == 'm') {
        return Fail("SCRAM client requires an unsupported mandatory extension", true);
    }
    if (!username || username->name != 'n') {
        return Fail("malformed SCRAM client-first-message: expected username attribute \"n\"", true);
    }
    // The username is ignored, as in PostgreSQL: the startup packet's user is authenticated.
    if (fields.size() < 2) {
        return Fail("malformed SCRAM client-first-message: missing nonce", true);
    }
    auto nonce = ParseAttribute(fields[1]);
    if (!nonce || nonce->name != 'r') {
        return Fail("malformed SCRAM client-first-message: expected nonce attribute \"r\"", true);
    }
    if (!IsPrintableNonce(nonce->value)) {
        return Fail("malformed SCRAM client-first-message: nonce is empty or has non-printable characters", true);
    }
    for (size_t i = 2; i < fields.size(); i++) {
        auto extension = ParseAttribute(fields[i]);
        if (!extension || extension->value.empty()) {
            return Fail("malformed SCRAM client-first-message: invalid attribute", true);
        }
        if (extension->name == 'm') {
            return Fail("SCRAM client requires an unsupported mandatory extension", true);
        }
        // Other optional extensions are ignored.
    }

    if (server_nonce_.empty()) {
        server_nonce_ = Base64Encode(RandomBytes(kRawServerNonceLength));
    }
    gs2_header_ = std::string(gs2_header);
    client_first_bare_ = std::string(client_first_bare);
    nonce_ = std::string(nonce->value) + server_nonce_;
    server_first_ = "r=" + nonce_ + ",s=" + Base64Encode(salt_) + ",i=" + std::to_string(iterations_);
    state_ = State::AwaitingClientFinal;

    ScramStep step;
    step.ok = true;
    step.message = server_first_;
    return step;
}

ScramStep ScramServer::ClientFinal(std::string_view message) {
    if (state_ != State::AwaitingClientFinal) {
        return Fail("unexpected SCRAM client-final-message", true);
    }
    if (message.find('\0') != std::string_view::npos) {
        return Fail("malformed SCRAM client-final-message: contains a NUL byte", true);
    }

    // client-final-message = "c=" base64 "," "r=" nonce ["," extensions] "," "p=" base64
    std::vector<std::string_view> fields = SplitFields(message);
    if (fields.size() < 3) {
        return Fail("malformed SCRAM client-final-message: missing attributes", true);
    }
    auto binding = ParseAttribute(fields[0]);
    if (!binding || binding->name != 'c') {
        return Fail("malformed SCRAM client-final-message: expected channel binding attribute \"c\"", true);
    }
    // c= is base64(gs2-header [cbind-data]): with PLUS the binding data of this connection follows the header.
    auto binding_data = Base64Decode(binding->value);
    if (plus_selected_) {
        if (!binding_data || *binding_data != gs2_header_ + binding_data_) {
            return RefuseBinding("channel binding data does not match this TLS connection's server certificate",
                                 "SCRAM channel binding check failed");
        }
    } else if (!binding_data) {
        return Fail("malformed SCRAM client-final-message: invalid base64 in channel binding", true);
    } else if (*binding_data != gs2_header_) {
        return FailAs("channel binding attribute does not repeat the gs2 header",
                      "unexpected SCRAM channel-binding attribute in client-final-message");
    }
    auto nonce = ParseAttribute(fields[1]);
    if (!nonce || nonce->name != 'r') {
        return Fail("malformed SCRAM client-final-message: expected nonce attribute \"r\"", true);
    }
    if (nonce->value != nonce_) {
        return Fail("SCRAM client-final-message nonce does not match", true);
    }
    for (size_t i = 2; i + 1 < fields.size(); i++) {
        auto extension = ParseAttribute(fields[i]);
        if (!extension || extension->value.empty() || extension->name == 'p') {
            return Fail("malformed SCRAM client-final-message: invalid attribute", true);
        }
    }
    auto proof_attribute = ParseAttribute(fields.back());
    if (!proof_attribute || proof_attribute->name != 'p') {
        return Fail("malformed SCRAM client-final-message: expected proof attribute \"p\" last", true);
    }
    auto proof = Base64Decode(proof_attribute->value);
    if (!proof || proof->size() != kScramKeyLength) {
        return Fail("malformed SCRAM client-final-message: invalid client proof", true);
    }

    std::string_view without_proof = message.substr(0, message.size() - fields.back().size() - 1);
    std::string auth_message = client_first_bare_ + "," + server_first_ + "," + std::string(without_proof);

    // ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage); valid when H(ClientKey) == StoredKey.
    std::string client_key = HmacSha256(stored_key_, auth_message);
    for (size_t i = 0; i < client_key.size(); i++) {
        client_key[i] = static_cast<char>(client_key[i] ^ (*proof)[i]);
    }
    bool proof_ok = ConstantTimeEquals(Sha256(client_key), stored_key_);
    if (mock_) {
        return Fail(mock_reason_, false);
    }
    if (!proof_ok) {
        return Fail("password authentication failed: invalid SCRAM client proof", false);
    }

    state_ = State::Finished;
    ScramStep step;
    step.ok = true;
    step.message = "v=" + Base64Encode(HmacSha256(server_key_, auth_message));
    return step;
}

} // namespace duckgres::auth
