// Entry point: command line, configuration precedence, and the server's subcommands.
#include "auth/hba_policy.hpp"
#include "auth/password_verifier.hpp"
#include "config/config_loader.hpp"
#include "net/server.hpp"
#include "net/tls_context.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

using namespace duckgres;

namespace {

//! Checks what only the auth layer can: every stored verifier parses.
void ValidateVerifiers(const config::ServerConfig &config, std::vector<std::string> &errors) {
    for (const auto &user : config.users) {
        bool looks_like_verifier = user.password.rfind("SCRAM-SHA-256$", 0) == 0 || user.password.rfind("md5", 0) == 0;
        if (looks_like_verifier && !auth::PasswordVerifier::Parse(user.password)) {
            errors.push_back("users: \"" + user.name + "\" has a malformed password verifier");
        }
    }
}

auth::HbaMethod HbaMethodFor(config::AuthMethod method) {
    switch (method) {
    case config::AuthMethod::ScramSha256:
        return auth::HbaMethod::ScramSha256;
    case config::AuthMethod::Md5:
        return auth::HbaMethod::Md5;
    case config::AuthMethod::Password:
        return auth::HbaMethod::Password;
    }
    return auth::HbaMethod::ScramSha256;
}

//! Reads hba_file and ident_file (or takes the built-in rules); each malformed line is an error "file:line: ...".
auth::HbaPolicy LoadHbaPolicy(const config::ServerConfig &config, std::vector<std::string> &errors) {
    auth::HbaPolicyConfig policy_config;
    policy_config.hba_file = config.hba_file;
    policy_config.ident_file = config.ident_file;
    policy_config.default_method = HbaMethodFor(config.auth_method);
    policy_config.tls_enabled = config.tls.mode != config::TlsMode::Off;
    auto policy = auth::HbaPolicy::Load(policy_config);
    for (auto &error : policy.Errors()) {
        errors.push_back(error);
    }
    return policy;
}

//! What the server says at startup about users' rights: users without a role are admins, cleartext passwords
//! without TLS.
std::vector<std::string> RoleWarnings(const config::ServerConfig &config) {
    std::vector<std::string> warnings;
    std::string admins;
    for (const auto &user : config.users) {
        if (!user.role_given) {
            admins += (admins.empty() ? "" : ", ") + user.name;
        }
    }
    if (!admins.empty()) {
        warnings.push_back("users without a role are admins: " + admins +
                           "; give each user role read_only, read_write or admin");
    }
    if (config.hba_file.empty() && config.auth_method == config::AuthMethod::Password) {
        warnings.push_back("auth_method password: clients on loopback without TLS send their password in clear text");
    }
    return warnings;
}

int PrintErrors(const std::vector<std::string> &errors) {
    for (const auto &error : errors) {
        std::cerr << "duckgres: " << error << "\n";
    }
    return errors.empty() ? 0 : 1;
}

int HashPassword(const std::string &method, const std::string &user) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    if (password.empty()) {
        std::cerr << "duckgres: empty password\n";
        return 1;
    }
    if (method == "md5") {
        if (user.empty()) {
            std::cerr << "duckgres: --method md5 needs --user NAME (md5 salts with the user name)\n";
            return 1;
        }
        std::cout << auth::MakeMd5Verifier(password, user) << "\n";
    } else if (method == "scram-sha-256") {
        std::cout << auth::MakeScramVerifier(password) << "\n";
    } else {
        std::cerr << "duckgres: unknown method \"" << method << "\" (scram-sha-256 or md5)\n";
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    CLI::App app{"Duckgres: a PostgreSQL server on DuckDB"};
    app.set_version_flag("--version", std::string("duckgres ") + kDuckgresVersion + " (DuckDB " + kDuckDbVersion +
                                          ", PostgreSQL protocol 3.0, presents as PostgreSQL " + kPostgresVersion +
                                          ")");
    std::string config_file;
    std::optional<std::string> host, data_dir, log_level, hba_file, ident_file;
    std::optional<uint16_t> port;
    std::optional<int> max_connections;
    app.add_option("--config", config_file, "YAML configuration file");
    app.add_option("--host", host, "address to listen on (default 127.0.0.1)");
    app.add_option("--port", port, "port to listen on (default 5432)");
    app.add_option("--data-dir", data_dir, "directory of the DuckDB database files (default ./data)");
    app.add_option("--log-level", log_level, "trace, debug, info, warn, error");
    app.add_option("--max-connections", max_connections, "sessions at once (default 100)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--hba-file", hba_file, "pg_hba.conf-syntax file of authentication rules");
    app.add_option("--ident-file", ident_file, "pg_ident.conf-syntax file of user name maps");

    auto *check = app.add_subcommand("check-config", "validate a configuration file");
    std::string check_file;
    check->add_option("file", check_file, "YAML configuration file")->required();

    auto *hash = app.add_subcommand("hash-password", "read a password on stdin and print a verifier");
    std::string method = "scram-sha-256";
    std::string user;
    hash->add_option("--method", method, "scram-sha-256 (default) or md5");
    hash->add_option("--user", user, "user name (needed for md5)");

    CLI11_PARSE(app, argc, argv);

    if (*hash) {
        return HashPassword(method, user);
    }

    config::ServerConfig config;
    std::vector<std::string> errors;
    if (*check) {
        config::ApplyYamlFile(config, check_file, errors);
        config::Validate(config, errors);
        ValidateVerifiers(config, errors);
        auto policy = LoadHbaPolicy(config, errors);
        for (const auto &warning : policy.Warnings()) {
            std::cerr << "duckgres: warning: " << warning << "\n";
        }
        if (errors.empty()) {
            net::CheckTlsFiles(config, errors);
        }
        if (errors.empty()) {
            std::cout << "configuration ok: " << check_file << "\n";
        }
        return PrintErrors(errors);
    }

    // Precedence: flags > environment > file > defaults.
    if (config_file.empty()) {
        if (const char *from_env = std::getenv("DUCKGRES_CONFIG")) {
            config_file = from_env;
        }
    }
    if (!config_file.empty()) {
        config::ApplyYamlFile(config, config_file, errors);
    }
    config::ApplyEnvironment(
        config, [](const char *name) { return std::getenv(name); }, errors);
    if (host) {
        config.host = *host;
    }
    if (port) {
        config.port = *port;
    }
    if (data_dir) {
        config.data_dir = *data_dir;
    }
    if (log_level) {
        config.log_level = *log_level;
    }
    if (max_connections) {
        config.max_connections = *max_connections;
    }
    if (hba_file) {
        config.hba_file = *hba_file;
    }
    if (ident_file) {
        config.ident_file = *ident_file;
    }
    config::Validate(config, errors);
    ValidateVerifiers(config, errors);
    auto hba_policy = LoadHbaPolicy(config, errors);
    if (!errors.empty()) {
        return PrintErrors(errors);
    }

    auto logger = spdlog::stderr_color_mt("duckgres");
    spdlog::set_default_logger(logger);
    spdlog::set_level(spdlog::level::from_str(config.log_level));
    for (const auto &warning : hba_policy.Warnings()) {
        spdlog::warn("{}", warning);
    }
    for (const auto &warning : RoleWarnings(config)) {
        spdlog::warn("{}", warning);
    }
    try {
        return net::Server(config, std::move(hba_policy)).Run();
    } catch (const std::exception &e) {
        spdlog::critical("cannot start: {}", e.what());
        return 1;
    }
}
