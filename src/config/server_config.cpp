// Names and text forms of ServerConfig's enumerations and durations, and the automatic values of its limits.
#include "config/server_config.hpp"

#include "common/ascii.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace duckgres::config {

const char *AuthMethodName(AuthMethod method) {
    switch (method) {
    case AuthMethod::ScramSha256:
        return "scram-sha-256";
    case AuthMethod::Md5:
        return "md5";
    case AuthMethod::Password:
        return "password";
    }
    return "unknown";
}

std::optional<AuthMethod> ParseAuthMethod(const std::string &text) {
    auto lower = AsciiLower(text);
    if (lower == "scram-sha-256") {
        return AuthMethod::ScramSha256;
    }
    if (lower == "md5") {
        return AuthMethod::Md5;
    }
    if (lower == "password") {
        return AuthMethod::Password;
    }
    return std::nullopt;
}

std::optional<TlsMode> ParseTlsMode(const std::string &text) {
    auto lower = AsciiLower(text);
    if (lower == "auto") {
        return TlsMode::Auto;
    }
    if (lower == "files" || lower == "file") {
        return TlsMode::Files;
    }
    if (lower == "off" || lower == "disable" || lower == "disabled") {
        return TlsMode::Off;
    }
    return std::nullopt;
}

std::optional<TlsVersion> ParseTlsVersion(const std::string &text) {
    auto lower = AsciiLower(text);
    if (lower == "tlsv1.2") {
        return TlsVersion::Tls12;
    }
    if (lower == "tlsv1.3") {
        return TlsVersion::Tls13;
    }
    return std::nullopt;
}

const char *TlsVersionName(TlsVersion version) {
    switch (version) {
    case TlsVersion::Tls12:
        return "TLSv1.2";
    case TlsVersion::Tls13:
        return "TLSv1.3";
    }
    return "unknown";
}

std::optional<UserRole> ParseUserRole(const std::string &text) {
    auto lower = AsciiLower(text);
    if (lower == "read_only") {
        return UserRole::ReadOnly;
    }
    if (lower == "read_write") {
        return UserRole::ReadWrite;
    }
    if (lower == "admin") {
        return UserRole::Admin;
    }
    return std::nullopt;
}

std::optional<UserRole> RoleOf(const ServerConfig &config, const std::string &name) {
    if (config.users.empty()) {
        return name == "postgres" ? std::optional<UserRole>(UserRole::Admin) : std::nullopt;
    }
    for (const auto &user : config.users) {
        if (user.name == name) {
            return user.role;
        }
    }
    return std::nullopt;
}

const char *UserRoleName(UserRole role) {
    switch (role) {
    case UserRole::ReadOnly:
        return "read_only";
    case UserRole::ReadWrite:
        return "read_write";
    case UserRole::Admin:
        return "admin";
    }
    return "admin";
}

std::optional<std::chrono::milliseconds> ParseDuration(const std::string &text) {
    int64_t value = 0;
    auto begin = text.data();
    auto end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || value < 0) {
        return std::nullopt;
    }
    std::string unit = AsciiLower(std::string(ptr, end));
    int64_t factor = 0;
    if (unit.empty() || unit == "ms") {
        factor = 1;
    } else if (unit == "s") {
        factor = 1000;
    } else if (unit == "min") {
        factor = 60 * 1000;
    } else if (unit == "h") {
        factor = 3600 * 1000;
    } else {
        return std::nullopt;
    }
    return std::chrono::milliseconds(value * factor);
}

int EffectiveMaxStartupConnections(const ServerConfig &config) {
    if (config.max_startup_connections >= 0) {
        return config.max_startup_connections;
    }
    return config.max_connections + config.connection_queue_size;
}

int EffectiveMaxStartupConnectionsPerAddress(const ServerConfig &config) {
    if (config.max_startup_connections_per_address >= 0) {
        return config.max_startup_connections_per_address;
    }
    int total = EffectiveMaxStartupConnections(config);
    return total == 0 ? 0 : std::max(1, total / 4);
}

} // namespace duckgres::config
