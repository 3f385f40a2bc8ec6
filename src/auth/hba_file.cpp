// Parsing pg_hba.conf lines into HbaRules and finding the first rule that matches a connection.
#include "auth/hba_file.hpp"

#include <charconv>

namespace duckgres::auth {

namespace {

struct NamedMethod {
    const char *name;
    HbaMethod method;
};

//! Every method PostgreSQL 15 knows; Other marks those Duckgres does not implement.
constexpr NamedMethod kMethods[] = {
    {"trust", HbaMethod::Trust}, {"reject", HbaMethod::Reject},     {"scram-sha-256", HbaMethod::ScramSha256},
    {"md5", HbaMethod::Md5},     {"password", HbaMethod::Password}, {"cert", HbaMethod::Cert},
    {"gss", HbaMethod::Other},   {"sspi", HbaMethod::Other},        {"ident", HbaMethod::Other},
    {"peer", HbaMethod::Other},  {"pam", HbaMethod::Other},         {"bsd", HbaMethod::Other},
    {"ldap", HbaMethod::Other},  {"radius", HbaMethod::Other},
};

struct NamedType {
    const char *name;
    HbaConnectionType type;
};

constexpr NamedType kConnectionTypes[] = {
    {"local", HbaConnectionType::Local},           {"host", HbaConnectionType::Host},
    {"hostssl", HbaConnectionType::HostSsl},       {"hostnossl", HbaConnectionType::HostNoSsl},
    {"hostgssenc", HbaConnectionType::HostGssEnc}, {"hostnogssenc", HbaConnectionType::HostNoGssEnc},
};

bool IsKeyword(const AuthFileToken &token, std::string_view keyword) {
    return !token.quoted && token.text == keyword;
}

//! Reads one pg_hba.conf line into `rule`; returns what is wrong with it, or "".
class HbaLineParser {
public:
    HbaLineParser(const AuthFileLine &line, HbaRule &rule) : line(line), rule(rule) {}

    std::string Parse() {
        rule.file = line.file;
        rule.line_number = line.line_number;
        std::string error = ParseConnectionType();
        if (error.empty()) {
            error = ParseNames();
        }
        if (error.empty() && rule.connection_type != HbaConnectionType::Local) {
            error = ParseAddress();
        } else if (rule.connection_type == HbaConnectionType::Local) {
            rule.address_kind = HbaAddressKind::None;
        }
        if (error.empty()) {
            error = ParseMethod();
        }
        if (error.empty() && rule.CanMatch()) {
            error = ParseOptions();
        }
        return error;
    }

private:
    const std::vector<AuthFileToken> *NextField() { return next < line.fields.size() ? &line.fields[next++] : nullptr; }

    std::string ParseConnectionType() {
        auto *field = NextField();
        if (field->size() > 1) {
            return "multiple values specified for connection type";
        }
        std::string text = field->empty() ? "" : field->front().text;
        for (auto &type : kConnectionTypes) {
            if (text == type.name) {
                rule.connection_type = type.type;
                return "";
            }
        }
        return "invalid connection type \"" + text + "\"";
    }

    std::string ParseNames() {
        auto *databases = NextField();
        if (!databases) {
            return "end-of-line before database specification";
        }
        rule.databases = *databases;
        auto *users = NextField();
        if (!users) {
            return "end-of-line before role specification";
        }
        rule.users = *users;
        return "";
    }

    std::string ParseAddress() {
        auto *field = NextField();
        if (!field || field->empty()) {
            return "end-of-line before IP address specification";
        }
        if (field->size() > 1) {
            return "multiple values specified for host address";
        }
        const auto &token = field->front();
        if (IsKeyword(token, "all")) {
            rule.address_kind = HbaAddressKind::All;
            return "";
        }
        if (IsKeyword(token, "samehost") || IsKeyword(token, "samenet")) {
            rule.address_kind = token.text == "samehost" ? HbaAddressKind::SameHost : HbaAddressKind::SameNet;
            return "";
        }
        rule.address_kind = HbaAddressKind::Range;
        auto slash = token.text.find('/');
        std::string host = token.text.substr(0, slash);
        auto address = IpAddress::Parse(host);
        if (!address) {
            if (slash != std::string::npos) {
                return "specifying both host name and CIDR mask is invalid: \"" + token.text + "\"";
            }
            return "host name \"" + token.text +
                   "\" is not supported: Duckgres does not resolve host names in pg_hba.conf; use an IP address "
                   "or range, samehost or samenet";
        }
        rule.address = *address;
        if (slash != std::string::npos) {
            auto bits_text = std::string_view(token.text).substr(slash + 1);
            int bits = -1;
            auto [end, ec] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
            auto mask = IpAddress::PrefixMask(address->family, bits);
            if (bits_text.empty() || ec != std::errc() || end != bits_text.data() + bits_text.size() || !mask) {
                return "invalid CIDR mask in address \"" + token.text + "\"";
            }
            rule.mask = *mask;
            return "";
        }
        auto *mask_field = NextField();
        if (!mask_field || mask_field->empty()) {
            return "end-of-line before netmask specification";
        }
        if (mask_field->size() > 1) {
            return "multiple values specified for netmask";
        }
        std::string error;
        auto mask = IpAddress::Parse(mask_field->front().text, &error);
        if (!mask) {
            return "invalid IP mask \"" + mask_field->front().text + "\": " + error;
        }
        if (mask->family != address->family) {
            return "IP address and mask do not match";
        }
        rule.mask = *mask;
        return "";
    }

    std::string ParseMethod() {
        auto *field = NextField();
        if (!field || field->empty()) {
            return "end-of-line before authentication method";
        }
        if (field->size() > 1) {
            return "multiple values specified for authentication type";
        }
        rule.method_name = field->front().text;
        const NamedMethod *found = nullptr;
        for (auto &method : kMethods) {
            if (rule.method_name == method.name) {
                found = &method;
            }
        }
        if (!found) {
            return "invalid authentication method \"" + rule.method_name + "\"";
        }
        rule.method = found->method;
        if (!rule.CanMatch()) {
            return "";
        }
        if (rule.method == HbaMethod::Other) {
            return "authentication method \"" + rule.method_name + "\" is not supported by Duckgres";
        }
        if (rule.method == HbaMethod::Cert && rule.connection_type != HbaConnectionType::HostSsl) {
            return "cert authentication is only supported on hostssl connections";
        }
        return "";
    }

    std::string ParseOptions() {
        while (auto *field = NextField()) {
            for (const auto &token : *field) {
                auto equals = token.text.find('=');
                if (equals == std::string::npos) {
                    return "authentication option not in name=value format: " + token.text;
                }
                auto error = ParseOption(token.text.substr(0, equals), token.text.substr(equals + 1));
                if (!error.empty()) {
                    return error;
                }
            }
        }
        if (rule.method == HbaMethod::Cert) {
            rule.client_cert = HbaClientCert::VerifyFull;
        }
        return "";
    }

    std::string ParseOption(const std::string &name, const std::string &value) {
        if (name == "clientcert") {
            if (rule.connection_type != HbaConnectionType::HostSsl) {
                return "clientcert can only be configured for \"hostssl\" rows";
            }
            if (value == "verify-full") {
                rule.client_cert = HbaClientCert::VerifyFull;
            } else if (value == "verify-ca") {
                if (rule.method == HbaMethod::Cert) {
                    return "clientcert can only be set to \"verify-full\" when using \"cert\" authentication";
                }
                rule.client_cert = HbaClientCert::VerifyCa;
            } else {
                return "invalid value for clientcert: \"" + value + "\"";
            }
            return "";
        }
        if (name == "map") {
            if (rule.method != HbaMethod::Cert) {
                return "authentication option \"map\" is only valid for authentication method cert";
            }
            rule.map = value;
            return "";
        }
        return "unrecognized authentication option name: \"" + name + "\"";
    }

    const AuthFileLine &line;
    HbaRule &rule;
    size_t next = 0;
};

bool IsMember(const HbaConnection &connection, const std::string &role) {
    return role == connection.user || (connection.is_member && connection.is_member(role));
}

bool MatchesDatabase(const HbaRule &rule, const HbaConnection &connection) {
    for (const auto &token : rule.databases) {
        if (IsKeyword(token, "all")) {
            return true;
        }
        if (IsKeyword(token, "sameuser")) {
            if (connection.database == connection.user) {
                return true;
            }
        } else if (IsKeyword(token, "samerole") || IsKeyword(token, "samegroup")) {
            if (IsMember(connection, connection.database)) {
                return true;
            }
        } else if (IsKeyword(token, "replication")) {
            continue; // only replication connections, which Duckgres does not accept
        } else if (token.text == connection.database) {
            return true;
        }
    }
    return false;
}

bool MatchesUser(const HbaRule &rule, const HbaConnection &connection) {
    for (const auto &token : rule.users) {
        if (!token.quoted && !token.text.empty() && token.text[0] == '+') {
            if (IsMember(connection, token.text.substr(1))) {
                return true;
            }
        } else if (IsKeyword(token, "all") || token.text == connection.user) {
            return true;
        }
    }
    return false;
}

bool MatchesAddress(const HbaRule &rule, const IpAddress &client, std::span<const InterfaceAddress> interfaces) {
    switch (rule.address_kind) {
    case HbaAddressKind::None:
        return false;
    case HbaAddressKind::All:
        return true;
    case HbaAddressKind::Range:
        return client.SameNetwork(rule.address, rule.mask);
    case HbaAddressKind::SameHost:
    case HbaAddressKind::SameNet:
        for (const auto &interface : interfaces) {
            auto address = interface.address.Unmapped();
            if (rule.address_kind == HbaAddressKind::SameHost ? client == address
                                                              : client.SameNetwork(address, interface.netmask)) {
                return true;
            }
        }
        return false;
    }
    return false;
}

bool MatchesEncryption(const HbaRule &rule, bool ssl) {
    switch (rule.connection_type) {
    case HbaConnectionType::Host:
    case HbaConnectionType::HostNoGssEnc:
        return true;
    case HbaConnectionType::HostSsl:
        return ssl;
    case HbaConnectionType::HostNoSsl:
        return !ssl;
    case HbaConnectionType::Local:
    case HbaConnectionType::HostGssEnc:
        return false;
    }
    return false;
}

std::string ConnectionDescription(const HbaConnection &connection) {
    return "host \"" + connection.client_address.Unmapped().ToString() + "\", user \"" + connection.user +
           "\", database \"" + connection.database + "\", " + (connection.ssl ? "SSL encryption" : "no encryption");
}

} // namespace

bool HbaRule::CanMatch() const {
    return connection_type != HbaConnectionType::Local && connection_type != HbaConnectionType::HostGssEnc;
}

HbaFile HbaFile::Parse(std::string_view text, const std::string &file_name, const AuthFileReader &reader) {
    HbaFile file;
    for (const auto &line : TokenizeAuthFile(text, file_name, reader, file.errors)) {
        HbaRule rule;
        auto error = HbaLineParser(line, rule).Parse();
        if (error.empty()) {
            file.rules.push_back(std::move(rule));
        } else {
            file.errors.push_back({line.file, line.line_number, error});
        }
    }
    return file;
}

HbaFile HbaFile::Load(const std::string &path) {
    std::string error;
    auto text = ReadAuthFileFromDisk(path, error);
    if (!text) {
        HbaFile file;
        file.errors.push_back({path, 0, "could not open file: " + error});
        return file;
    }
    return Parse(*text, path, ReadAuthFileFromDisk);
}

HbaFile HbaFile::Default(HbaMethod method) {
    std::string name = HbaMethodName(method);
    std::string text =
        "host all all 127.0.0.0/8 " + name + "\nhost all all ::1/128 " + name + "\nhostssl all all all " + name + "\n";
    return Parse(text, "(built-in pg_hba.conf)", ReadAuthFileFromDisk);
}

std::vector<std::string> HbaFile::Warnings() const {
    std::vector<std::string> warnings;
    for (const auto &rule : rules) {
        auto where = rule.file + ":" + std::to_string(rule.line_number) + ": ";
        if (!rule.CanMatch()) {
            continue;
        }
        if (rule.method == HbaMethod::Trust) {
            warnings.push_back(where + "trust lets anyone matching this line connect without a password");
        } else if (rule.method == HbaMethod::Password && rule.connection_type != HbaConnectionType::HostSsl) {
            warnings.push_back(where + "password sends passwords in clear text on connections without TLS");
        }
    }
    return warnings;
}

const HbaRule *HbaFile::Match(const HbaConnection &connection) const {
    auto client = connection.client_address.Unmapped();
    for (const auto &rule : rules) {
        if (MatchesEncryption(rule, connection.ssl) && MatchesAddress(rule, client, connection.interfaces) &&
            MatchesDatabase(rule, connection) && MatchesUser(rule, connection)) {
            return &rule;
        }
    }
    return nullptr;
}

std::string HbaNoMatchMessage(const HbaConnection &connection) {
    return "no pg_hba.conf entry for " + ConnectionDescription(connection);
}

std::string HbaRejectMessage(const HbaConnection &connection) {
    return "pg_hba.conf rejects connection for " + ConnectionDescription(connection);
}

const char *HbaMethodName(HbaMethod method) {
    for (auto &named : kMethods) {
        if (named.method == method && method != HbaMethod::Other) {
            return named.name;
        }
    }
    return "unknown";
}

} // namespace duckgres::auth
