// Unit tests for ScramServer: RFC 7677 example, full exchanges, tampering, malformed messages, mock users and
// channel binding.
#include "auth/crypto.hpp"
#include "auth/password_verifier.hpp"
#include "auth/scram_server.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace duckgres::auth {
namespace {

constexpr const char *kRfcClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
constexpr const char *kRfcServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
constexpr const char *kRfcServerFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
constexpr const char *kRfcClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                        "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
constexpr const char *kRfcServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

// PostgreSQL 15 verifier for password 'correct horse battery staple'.
constexpr const char *kPostgresVerifier = "SCRAM-SHA-256$4096:9pfE/94UaThbjFrG6zDaBw==$rxXq/HMGSGNUKp71lREoDSxWps48Qz"
                                          "erjPskrSw7Nvc=:DL1Xxhh4/ivRBhWTeC/80wIbMQsFib9HvmaN7lCeT1Q=";

PasswordVerifier MustParse(std::string_view text) {
    auto verifier = PasswordVerifier::Parse(text);
    EXPECT_TRUE(verifier.has_value()) << text;
    return verifier.value_or(PasswordVerifier{});
}

PasswordVerifier RfcVerifier() {
    return MustParse(MakeScramVerifier("pencil", *Base64Decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096));
}

//! Splits a server-first-message "r=...,s=...,i=..." into its attributes.
std::map<char, std::string> ParseServerFirst(const std::string &message) {
    std::map<char, std::string> attributes;
    size_t start = 0;
    while (start <= message.size()) {
        size_t comma = message.find(',', start);
        std::string field = message.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (field.size() >= 2 && field[1] == '=') {
            attributes[field[0]] = field.substr(2);
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return attributes;
}

//! A SCRAM-SHA-256 client written against the RFC, independent of ScramServer's internals.
struct TestClient {
    explicit TestClient(std::string password_in = "") : password(std::move(password_in)) {}

    std::string password;
    std::string client_nonce = "fyko+d2lbbFgONRv9qkxdawL";
    std::string gs2_header = "n,,";
    std::string username; // libpq sends an empty user name
    std::string first_extensions;
    std::string final_extensions;
    std::string cbind_data; // channel binding data the client appends to the gs2 header in c=

    std::string ClientFirstBare() const { return "n=" + username + ",r=" + client_nonce + first_extensions; }
    std::string ClientFirst() const { return gs2_header + ClientFirstBare(); }

    //! Builds the client-final-message for server_first; stores the expected server-final-message.
    std::string ClientFinal(const std::string &server_first) {
        auto attributes = ParseServerFirst(server_first);
        std::string salted =
            Pbkdf2HmacSha256(password, Base64Decode(attributes['s']).value_or(""), std::stoi(attributes['i']));
        std::string client_key = HmacSha256(salted, "Client Key");
        std::string without_proof =
            "c=" + Base64Encode(gs2_header + cbind_data) + ",r=" + attributes['r'] + final_extensions;
        std::string auth_message = ClientFirstBare() + "," + server_first + "," + without_proof;
        std::string signature = HmacSha256(Sha256(client_key), auth_message);
        std::string proof = client_key;
        for (size_t i = 0; i < proof.size(); i++) {
            proof[i] = static_cast<char>(proof[i] ^ signature[i]);
        }
        expected_server_final = "v=" + Base64Encode(HmacSha256(HmacSha256(salted, "Server Key"), auth_message));
        return without_proof + ",p=" + Base64Encode(proof);
    }

    std::string expected_server_final;
};

//! Runs a whole exchange; returns the final step (or the failed first step).
ScramStep RunExchange(ScramServer &server, TestClient &client) {
    ScramStep first = server.ClientFirst(client.ClientFirst());
    if (!first.ok) {
        return first;
    }
    return server.ClientFinal(client.ClientFinal(first.message));
}

void ExpectWrongPassword(const ScramStep &step) {
    EXPECT_FALSE(step.ok);
    EXPECT_FALSE(step.protocol_violation);
    EXPECT_TRUE(step.message.empty());
    EXPECT_FALSE(step.error.empty());
}

void ExpectViolation(const ScramStep &step, const std::string &context) {
    EXPECT_FALSE(step.ok) << context;
    EXPECT_TRUE(step.protocol_violation) << context;
    EXPECT_TRUE(step.message.empty()) << context;
    EXPECT_FALSE(step.error.empty()) << context;
}

TEST(ScramServerTest, Rfc7677Example) {
    ScramServer server(RfcVerifier());
    server.SetServerNonceForTest(kRfcServerNonce);
    ScramStep first = server.ClientFirst(kRfcClientFirst);
    ASSERT_TRUE(first.ok) << first.error;
    EXPECT_EQ(first.message, kRfcServerFirst);
    ScramStep final_step = server.ClientFinal(kRfcClientFinal);
    ASSERT_TRUE(final_step.ok) << final_step.error;
    EXPECT_FALSE(final_step.protocol_violation);
    EXPECT_EQ(final_step.message, kRfcServerFinal);
}

TEST(ScramServerTest, TestClientReproducesRfc7677) {
    TestClient client("pencil");
    client.client_nonce = "rOprNGfwEbeRWgbNEkqO";
    client.username = "user";
    EXPECT_EQ(client.ClientFirst(), kRfcClientFirst);
    EXPECT_EQ(client.ClientFinal(kRfcServerFirst), kRfcClientFinal);
    EXPECT_EQ(client.expected_server_final, kRfcServerFinal);
}

TEST(ScramServerTest, Rfc7677WrongProofIsWrongPassword) {
    ScramServer server(RfcVerifier());
    server.SetServerNonceForTest(kRfcServerNonce);
    ASSERT_TRUE(server.ClientFirst(kRfcClientFirst).ok);
    // Same message with one bit of the proof flipped ('d' -> 'e' changes the first 6-bit group).
    std::string tampered = kRfcClientFinal;
    tampered[tampered.find(",p=") + 3] = 'e';
    ExpectWrongPassword(server.ClientFinal(tampered));
}

TEST(ScramServerTest, ExchangeAgainstPostgresVerifier) {
    ScramServer server(MustParse(kPostgresVerifier));
    TestClient client("correct horse battery staple");
    ScramStep first = server.ClientFirst(client.ClientFirst());
    ASSERT_TRUE(first.ok) << first.error;
    EXPECT_NE(first.message.find(",s=9pfE/94UaThbjFrG6zDaBw==,i=4096"), std::string::npos);
    ScramStep final_step = server.ClientFinal(client.ClientFinal(first.message));
    ASSERT_TRUE(final_step.ok) << final_step.error;
    EXPECT_EQ(final_step.message, client.expected_server_final);
}

TEST(ScramServerTest, WrongPasswordFailsWithoutViolation) {
    ScramServer server(MustParse(kPostgresVerifier));
    TestClient client("Tr0ub4dor&3");
    ExpectWrongPassword(RunExchange(server, client));
}

TEST(ScramServerTest, PlaintextVerifierIsConvertedOnTheFly) {
    {
        ScramServer server(MustParse("s3cret"));
        TestClient client("s3cret");
        ScramStep step = RunExchange(server, client);
        ASSERT_TRUE(step.ok) << step.error;
        EXPECT_EQ(step.message, client.expected_server_final);
    }
    {
        ScramServer server(MustParse("s3cret"));
        TestClient client("s3cret!");
        ExpectWrongPassword(RunExchange(server, client));
    }
}

TEST(ScramServerTest, IterationCountComesFromVerifier) {
    ScramServer server(MustParse(MakeScramVerifier("pw", "fixed-salt-bytes", 1234)));
    TestClient client("pw");
    ScramStep first = server.ClientFirst(client.ClientFirst());
    ASSERT_TRUE(first.ok);
    auto attributes = ParseServerFirst(first.message);
    EXPECT_EQ(attributes['s'], Base64Encode("fixed-salt-bytes"));
    EXPECT_EQ(attributes['i'], "1234");
    EXPECT_TRUE(first.message.ends_with(",s=" + Base64Encode("fixed-salt-bytes") + ",i=1234"));
    EXPECT_TRUE(server.ClientFinal(client.ClientFinal(first.message)).ok);
}

TEST(ScramServerTest, ServerNonceIsRandomBase64Of18Bytes) {
    TestClient client;
    std::vector<std::string> nonces;
    for (int i = 0; i < 2; i++) {
        ScramServer server(RfcVerifier());
        ScramStep first = server.ClientFirst(client.ClientFirst());
        ASSERT_TRUE(first.ok);
        std::string full_nonce = ParseServerFirst(first.message)['r'];
        ASSERT_TRUE(full_nonce.starts_with(client.client_nonce));
        std::string server_nonce = full_nonce.substr(client.client_nonce.size());
        EXPECT_EQ(server_nonce.size(), 24u);
        auto raw = Base64Decode(server_nonce);
        ASSERT_TRUE(raw.has_value());
        EXPECT_EQ(raw->size(), 18u);
        nonces.push_back(server_nonce);
    }
    EXPECT_NE(nonces[0], nonces[1]);
}

TEST(ScramServerTest, AcceptedClientFirstVariants) {
    struct Variant {
        const char *name;
        std::string gs2_header;
        std::string username;
        std::string first_extensions;
        std::string final_extensions;
    };
    const Variant variants[] = {
        {"n flag", "n,,", "", "", ""},
        {"y flag", "y,,", "", "", ""},
        {"empty authzid", "n,a=,", "", "", ""},
        {"empty authzid with y", "y,a=,", "", "", ""},
        {"ignored user name", "n,,", "someone", "", ""},
        {"escaped user name", "n,,", "we=2Cird=3Dname", "", ""},
        {"optional extension in first", "n,,", "", ",x=ext", ""},
        {"optional extensions in both", "n,,", "", ",x=a=b,Z=1", ",x=final"},
    };
    for (const Variant &variant : variants) {
        ScramServer server(RfcVerifier());
        TestClient client("pencil");
        client.gs2_header = variant.gs2_header;
        client.username = variant.username;
        client.first_extensions = variant.first_extensions;
        client.final_extensions = variant.final_extensions;
        ScramStep step = RunExchange(server, client);
        EXPECT_TRUE(step.ok) << variant.name << ": " << step.error;
        EXPECT_EQ(step.message, client.expected_server_final) << variant.name;
    }
}

TEST(ScramServerTest, MalformedClientFirstIsProtocolViolation) {
    const std::string malformed[] = {
        "",
        "n",
        "n,",
        "n,,",
        "n,,n=",
        "n,,n=,",
        "n,,n=,r=",                         // empty nonce
        "n,,r=abc",                         // missing user name attribute
        "n,,n=user",                        // missing nonce
        "n,,n=,x=abc",                      // nonce attribute missing
        "n,,n=,r=abc,",                     // trailing comma
        "n,,n=,r=abc,x",                    // extension without '='
        "n,,n=,r=abc,x=",                   // extension with empty value
        "n,,n=,r=abc,1=x",                  // attribute name not a letter
        "n,,n=,r=abc,,x=1",                 // empty field
        "n,,n=,r=ab c",                     // space in nonce
        "n,,n=,r=ab\x01",                   // control character in nonce
        "n,,n=,r=abc\x7f",                  // DEL in nonce
        "n,,n=,r=ab\xc3\xa9",               // non-ASCII nonce
        "n,,m=ext,n=,r=abc",                // mandatory extension before the user name
        "n,,n=,r=abc,m=ext",                // mandatory extension later
        "p=tls-server-end-point,,n=,r=abc", // channel binding requested
        "p,,n=,r=abc",
        "n,a=user,n=,r=abc", // non-empty authzid
        "n,a=user",
        "n,a=",
        "n,b=,n=,r=abc", // unknown gs2 field
        "N,,n=,r=abc",   // wrong flag case
        "x,,n=,r=abc",
        "n;,n=,r=abc",
        " n,,n=,r=abc",
        "n,,N=,r=abc",
        "n,,n=,R=abc",
        "n,,=,r=abc",
        std::string("n,,n=,r=abc\0", 12), // NUL byte
        std::string("n,,n=\0,r=abc", 12),
    };
    for (const std::string &message : malformed) {
        ScramServer server(RfcVerifier());
        ExpectViolation(server.ClientFirst(message), "client-first: " + message);
        // The exchange is over: a client-final-message is refused too.
        ExpectViolation(server.ClientFinal("c=biws,r=abc,p=" + Base64Encode(std::string(32, 'x'))),
                        "after bad client-first: " + message);
    }
}

TEST(ScramServerTest, ChannelBindingRejectionHasClearError) {
    ScramServer server(RfcVerifier());
    ScramStep step = server.ClientFirst("p=tls-server-end-point,,n=,r=abc");
    ExpectViolation(step, "p flag");
    EXPECT_NE(step.error.find("channel binding"), std::string::npos) << step.error;
}

TEST(ScramServerTest, TamperedChannelBindingIsProtocolViolation) {
    struct Case {
        std::string gs2_header;
        std::string binding;
    };
    const Case cases[] = {
        {"n,,", "eSws"},               // "y,," although the client sent "n,,"
        {"y,,", "biws"},               // "n,," although the client sent "y,,"
        {"n,a=,", "biws"},             // authzid part dropped
        {"n,,", Base64Encode("n,,x")}, // extra data
        {"n,,", ""},                   // empty
        {"n,,", "biws="},              // not base64
        {"n,,", "bi ws"},              // not base64
    };
    for (const Case &test_case : cases) {
        ScramServer server(RfcVerifier());
        TestClient client("pencil");
        client.gs2_header = test_case.gs2_header;
        ScramStep first = server.ClientFirst(client.ClientFirst());
        ASSERT_TRUE(first.ok) << first.error;
        std::string final_message = client.ClientFinal(first.message);
        std::string tampered = "c=" + test_case.binding + final_message.substr(final_message.find(','));
        ExpectViolation(server.ClientFinal(tampered), "binding " + test_case.binding);
    }
}

TEST(ScramServerTest, WrongNonceIsProtocolViolation) {
    ScramServer server(RfcVerifier());
    server.SetServerNonceForTest(kRfcServerNonce);
    ASSERT_TRUE(server.ClientFirst(kRfcClientFirst).ok);
    const std::string proof = ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    const std::string wrong_nonces[] = {
        "rOprNGfwEbeRWgbNEkqO",                                // client part only
        "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k",   // truncated
        "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k00", // extended
        "XOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",  // altered
        "",
    };
    for (const std::string &nonce : wrong_nonces) {
        ScramServer fresh(RfcVerifier());
        fresh.SetServerNonceForTest(kRfcServerNonce);
        ASSERT_TRUE(fresh.ClientFirst(kRfcClientFirst).ok);
        ExpectViolation(fresh.ClientFinal("c=biws,r=" + nonce + proof), "nonce " + nonce);
    }
}

TEST(ScramServerTest, MalformedClientFinalIsProtocolViolation) {
    const std::string nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    const std::string proof = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    const std::string malformed[] = {
        "",
        "c=biws",
        "c=biws,r=" + nonce,
        "c=biws,r=" + nonce + ",p=",
        "c=biws,r=" + nonce + ",p=c2hvcnQ=",                                     // 5-byte proof
        "c=biws,r=" + nonce + ",p=" + Base64Encode(std::string(31, 'x')),        // 31-byte proof
        "c=biws,r=" + nonce + ",p=" + Base64Encode(std::string(33, 'x')),        // 33-byte proof
        "c=biws,r=" + nonce + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ",  // missing padding
        "c=biws,r=" + nonce + ",p=dHzbZapWIk4jUhN-Ute9ytag9zjfMHgsqmmiz7AndVQ=", // base64url
        "r=" + nonce + ",c=biws,p=" + proof,                                     // wrong order
        "c=biws,p=" + proof + ",r=" + nonce,
        "c=biws,r=" + nonce + ",p=" + proof + ",x=1",        // proof not last
        "c=biws,r=" + nonce + ",p=" + proof + ",",           // trailing comma
        "c=biws,r=" + nonce + ",,p=" + proof,                // empty field
        "c=biws,r=" + nonce + ",p=" + proof + ",p=" + proof, // proof twice
        "c=biws,r=" + nonce + ",x=,p=" + proof,              // empty extension value
        "c=biws,r=" + nonce + ",x,p=" + proof,               // extension without '='
        "c=biws,r=" + nonce + ",1=a,p=" + proof,             // attribute name not a letter
        "d=biws,r=" + nonce + ",p=" + proof,
        "c=biws,R=" + nonce + ",p=" + proof,
        "c=biws,r=" + nonce + ",P=" + proof,
        "c=biws,r=" + nonce + ",p=" + proof + std::string("\0", 1), // NUL byte
        " c=biws,r=" + nonce + ",p=" + proof,
    };
    for (const std::string &message : malformed) {
        ScramServer server(RfcVerifier());
        server.SetServerNonceForTest(kRfcServerNonce);
        ASSERT_TRUE(server.ClientFirst(kRfcClientFirst).ok);
        ExpectViolation(server.ClientFinal(message), "client-final: " + message);
    }
}

TEST(ScramServerTest, StateMachineRejectsOutOfOrderMessages) {
    {
        ScramServer server(RfcVerifier());
        ExpectViolation(server.ClientFinal(kRfcClientFinal), "final before first");
    }
    {
        ScramServer server(RfcVerifier());
        server.SetServerNonceForTest(kRfcServerNonce);
        ASSERT_TRUE(server.ClientFirst(kRfcClientFirst).ok);
        ExpectViolation(server.ClientFirst(kRfcClientFirst), "first twice");
    }
    {
        ScramServer server(RfcVerifier());
        server.SetServerNonceForTest(kRfcServerNonce);
        ASSERT_TRUE(server.ClientFirst(kRfcClientFirst).ok);
        ASSERT_TRUE(server.ClientFinal(kRfcClientFinal).ok);
        ExpectViolation(server.ClientFinal(kRfcClientFinal), "final after success");
        ExpectViolation(server.ClientFirst(kRfcClientFirst), "first after success");
    }
    {
        ScramServer server(RfcVerifier());
        TestClient client("wrong");
        ExpectWrongPassword(RunExchange(server, client));
        ExpectViolation(server.ClientFinal(kRfcClientFinal), "final after failure");
    }
}

TEST(ScramServerTest, MockUserAlwaysFailsAtProof) {
    for (const char *password : {"", "pencil", "secret", "anything"}) {
        ScramServer server = ScramServer::MockFor("ghost", "server-secret");
        TestClient client(password);
        ExpectWrongPassword(RunExchange(server, client));
    }
}

TEST(ScramServerTest, MockSaltIsDeterministicAndLooksReal) {
    auto salt_and_iterations = [](std::string_view user, std::string_view secret) {
        ScramServer server = ScramServer::MockFor(user, secret);
        ScramStep first = server.ClientFirst("n,,n=,r=abc");
        EXPECT_TRUE(first.ok) << first.error;
        auto attributes = ParseServerFirst(first.message);
        return std::make_pair(attributes['s'], attributes['i']);
    };
    auto ghost = salt_and_iterations("ghost", "server-secret");
    EXPECT_EQ(ghost, salt_and_iterations("ghost", "server-secret"));
    EXPECT_EQ(ghost.second, "4096");
    auto raw_salt = Base64Decode(ghost.first);
    ASSERT_TRUE(raw_salt.has_value());
    EXPECT_EQ(raw_salt->size(), 16u);
    // Derived from HMAC(secret, user).
    EXPECT_EQ(*raw_salt, HmacSha256("server-secret", "ghost").substr(0, 16));
    EXPECT_NE(ghost.first, salt_and_iterations("phantom", "server-secret").first);
    EXPECT_NE(ghost.first, salt_and_iterations("ghost", "other-secret").first);
}

TEST(ScramServerTest, MockUserStillValidatesMessages) {
    ScramServer server = ScramServer::MockFor("ghost", "server-secret");
    server.SetServerNonceForTest(kRfcServerNonce);
    ASSERT_TRUE(server.ClientFirst(kRfcClientFirst).ok);
    ExpectViolation(server.ClientFinal("c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=" +
                                       Base64Encode(std::string(32, 'x'))),
                    "mock tampered binding");
    ScramServer malformed = ScramServer::MockFor("ghost", "server-secret");
    ExpectViolation(malformed.ClientFirst("p=tls-server-end-point,,n=,r=abc"), "mock channel binding");
}

TEST(ScramServerTest, MechanismsAndSelection) {
    const std::string binding = Sha256("server certificate");
    struct Case {
        const char *name;
        std::string offered; // tls-server-end-point data; empty: no TLS
        std::vector<std::string> advertised;
        std::string selected;
        bool accepted;
    };
    const Case cases[] = {
        {"no TLS, SCRAM-SHA-256", "", {"SCRAM-SHA-256"}, "SCRAM-SHA-256", true},
        {"no TLS, PLUS", "", {"SCRAM-SHA-256"}, "SCRAM-SHA-256-PLUS", false},
        {"TLS, SCRAM-SHA-256", binding, {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"}, "SCRAM-SHA-256", true},
        {"TLS, PLUS", binding, {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"}, "SCRAM-SHA-256-PLUS", true},
        {"unknown mechanism", binding, {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"}, "SCRAM-SHA-1", false},
        {"wrong case", binding, {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"}, "scram-sha-256-plus", false},
        {"empty", "", {"SCRAM-SHA-256"}, "", false},
    };
    for (const Case &test_case : cases) {
        for (bool mock : {false, true}) {
            ScramServer server = mock ? ScramServer::MockFor("ghost", "secret") : ScramServer(RfcVerifier());
            server.OfferChannelBinding(test_case.offered);
            EXPECT_EQ(server.Mechanisms(), test_case.advertised) << test_case.name;
            EXPECT_EQ(server.SelectMechanism(test_case.selected), test_case.accepted) << test_case.name;
        }
    }
}

TEST(ScramServerTest, ChannelBindingFlagsAndData) {
    const std::string binding = Sha256("server certificate");
    const std::string other = Sha256("another certificate");
    enum class Outcome { Ok, Violation, Refused }; // Refused: PostgreSQL's 28000
    struct Case {
        const char *name;
        std::string offered; // tls-server-end-point data of the connection; empty: no TLS
        std::string mechanism;
        std::string gs2_header;
        std::string cbind_data; // what the client binds to
        Outcome outcome;
        std::string client_message; // PostgreSQL's text, when it has one for this failure
    };
    const std::string plus = "SCRAM-SHA-256-PLUS";
    const std::string plain = "SCRAM-SHA-256";
    const std::string p_flag = "p=tls-server-end-point,,";
    const Case cases[] = {
        {"no TLS, n", "", plain, "n,,", "", Outcome::Ok, ""},
        {"no TLS, y", "", plain, "y,,", "", Outcome::Ok, ""},
        {"no TLS, p", "", plain, p_flag, binding, Outcome::Violation, "malformed SCRAM message"},
        {"TLS, n", binding, plain, "n,,", "", Outcome::Ok, ""},
        {"TLS, y is a downgrade", binding, plain, "y,,", "", Outcome::Refused,
         "SCRAM channel binding negotiation error"},
        {"TLS, p without PLUS", binding, plain, p_flag, binding, Outcome::Violation, "malformed SCRAM message"},
        {"PLUS, good binding", binding, plus, p_flag, binding, Outcome::Ok, ""},
        {"PLUS, good binding, empty authzid", binding, plus, "p=tls-server-end-point,a=,", binding, Outcome::Ok, ""},
        {"PLUS, other certificate", binding, plus, p_flag, other, Outcome::Refused,
         "SCRAM channel binding check failed"},
        {"PLUS, binding data left out", binding, plus, p_flag, "", Outcome::Refused,
         "SCRAM channel binding check failed"},
        {"PLUS, truncated binding", binding, plus, p_flag, binding.substr(0, 31), Outcome::Refused,
         "SCRAM channel binding check failed"},
        {"PLUS, n", binding, plus, "n,,", "", Outcome::Violation, "malformed SCRAM message"},
        {"PLUS, y", binding, plus, "y,,", "", Outcome::Refused, "SCRAM channel binding negotiation error"},
        {"PLUS, tls-unique", binding, plus, "p=tls-unique,,", binding, Outcome::Violation,
         "unsupported SCRAM channel-binding type \"tls-unique\""},
        {"PLUS, empty type", binding, plus, "p=,,", binding, Outcome::Violation,
         "unsupported SCRAM channel-binding type \"\""},
        {"PLUS, control byte in type", binding, plus,
         "p=a\x01"
         "b,,",
         binding, Outcome::Violation, "unsupported SCRAM channel-binding type \"a?b\""},
        {"PLUS, p without type", binding, plus, "p,,", binding, Outcome::Violation, ""},
    };
    for (const Case &test_case : cases) {
        // An unknown user's mock exchange must answer every message the same way; only the proof fails.
        for (bool mock : {false, true}) {
            std::string context = std::string(test_case.name) + (mock ? " (mock)" : "");
            ScramServer server = mock ? ScramServer::MockFor("ghost", "secret") : ScramServer(RfcVerifier());
            server.OfferChannelBinding(test_case.offered);
            ASSERT_TRUE(server.SelectMechanism(test_case.mechanism)) << context;
            TestClient client("pencil");
            client.gs2_header = test_case.gs2_header;
            client.cbind_data = test_case.cbind_data;
            ScramStep step = RunExchange(server, client);
            switch (test_case.outcome) {
            case Outcome::Ok:
                if (mock) {
                    ExpectWrongPassword(step);
                } else {
                    EXPECT_TRUE(step.ok) << context << ": " << step.error;
                    EXPECT_EQ(step.message, client.expected_server_final) << context;
                }
                break;
            case Outcome::Violation:
                ExpectViolation(step, context);
                EXPECT_FALSE(step.binding_refused) << context;
                break;
            case Outcome::Refused:
                EXPECT_FALSE(step.ok) << context;
                EXPECT_FALSE(step.protocol_violation) << context;
                EXPECT_TRUE(step.binding_refused) << context;
                break;
            }
            EXPECT_EQ(step.client_message, test_case.client_message) << context;
        }
    }
}

TEST(ScramServerTest, ChannelBindingDetailsMatchPostgres) {
    const std::string binding = Sha256("server certificate");
    struct Case {
        std::string mechanism;
        std::string client_first;
        std::string detail;
    };
    const Case cases[] = {
        {"SCRAM-SHA-256", "y,,n=,r=abc",
         "The client supports SCRAM channel binding but thinks the server does not.  However, this server does "
         "support channel binding."},
        {"SCRAM-SHA-256", "p=tls-server-end-point,,n=,r=abc",
         "The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding "
         "data."},
        {"SCRAM-SHA-256-PLUS", "n,,n=,r=abc",
         "The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel binding data."},
    };
    for (const Case &test_case : cases) {
        ScramServer server(RfcVerifier());
        server.OfferChannelBinding(binding);
        ASSERT_TRUE(server.SelectMechanism(test_case.mechanism));
        ScramStep step = server.ClientFirst(test_case.client_first);
        EXPECT_FALSE(step.ok) << test_case.client_first;
        EXPECT_EQ(step.client_detail, test_case.detail) << test_case.client_first;
    }
}

TEST(ScramServerTest, BindingDataEntersTheProof) {
    // c= is part of AuthMessage: a client that binds to the right certificate but whose proof was computed over
    // another c= value (a relayed exchange) fails at the proof.
    const std::string binding = Sha256("server certificate");
    ScramServer server(RfcVerifier());
    server.OfferChannelBinding(binding);
    ASSERT_TRUE(server.SelectMechanism("SCRAM-SHA-256-PLUS"));
    TestClient client("pencil");
    client.gs2_header = "p=tls-server-end-point,,";
    client.cbind_data = Sha256("the relay's certificate");
    ScramStep first = server.ClientFirst(client.ClientFirst());
    ASSERT_TRUE(first.ok) << first.error;
    std::string final_message = client.ClientFinal(first.message);
    std::string rebound =
        "c=" + Base64Encode(client.gs2_header + binding) + final_message.substr(final_message.find(','));
    ExpectWrongPassword(server.ClientFinal(rebound));
}

TEST(ScramServerTest, Md5VerifierCannotDoScram) {
    PasswordVerifier verifier = MustParse(MakeMd5Verifier("pencil", "user"));
    std::string salts[2];
    for (std::string &salt : salts) {
        ScramServer server(verifier);
        TestClient client("pencil");
        ScramStep first = server.ClientFirst(client.ClientFirst());
        ASSERT_TRUE(first.ok) << first.error;
        salt = ParseServerFirst(first.message)['s'];
        ExpectWrongPassword(server.ClientFinal(client.ClientFinal(first.message)));
    }
    // Looks like a real user: a stable salt.
    EXPECT_EQ(salts[0], salts[1]);
}

} // namespace
} // namespace duckgres::auth
