// Applies YAML documents and DUCKGRES_* environment variables to a ServerConfig.
#include "config/config_loader.hpp"

#include "common/ascii.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace duckgres::config {

namespace {

//! A setter turns the text of one scalar setting into a field value, or returns an error.
using Setter = std::function<std::string(ServerConfig &, const std::string &)>;

template <class T>
std::string SetInteger(T &field, const std::string &text, int64_t min, int64_t max) {
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
        return "expected an integer from " + std::to_string(min) + " to " + std::to_string(max);
    }
    field = static_cast<T>(value);
    return "";
}

std::string SetBool(bool &field, const std::string &text) {
    if (text == "true" || text == "on" || text == "yes" || text == "1") {
        field = true;
    } else if (text == "false" || text == "off" || text == "no" || text == "0") {
        field = false;
    } else {
        return "expected true or false";
    }
    return "";
}

std::string SetDuration(std::chrono::milliseconds &field, const std::string &text) {
    auto value = ParseDuration(text);
    if (!value) {
        return "expected a duration such as 500ms, 30s, 2min";
    }
    field = *value;
    return "";
}

//! Every scalar setting, by its YAML path ("tls.mode"); environment names derive from it.
const std::map<std::string, Setter> &Setters() {
    static const std::map<std::string, Setter> setters = {
        {"host",
         [](ServerConfig &c, const std::string &v) {
             c.host = v;
             return std::string();
         }},
        {"port", [](ServerConfig &c, const std::string &v) { return SetInteger(c.port, v, 0, 65535); }},
        {"admin_engine_access",
         [](ServerConfig &c, const std::string &v) { return SetBool(c.admin_engine_access, v); }},
        {"data_dir",
         [](ServerConfig &c, const std::string &v) {
             c.data_dir = v;
             return std::string();
         }},
        {"auth_method",
         [](ServerConfig &c, const std::string &v) {
             auto m = ParseAuthMethod(v);
             if (!m) {
                 return std::string("expected scram-sha-256, md5 or password");
             }
             c.auth_method = *m;
             return std::string();
         }},
        {"allow_plaintext_passwords",
         [](ServerConfig &c, const std::string &v) { return SetBool(c.allow_plaintext_passwords, v); }},
        {"create_databases", [](ServerConfig &c, const std::string &v) { return SetBool(c.create_databases, v); }},
        {"hba_file",
         [](ServerConfig &c, const std::string &v) {
             c.hba_file = v;
             return std::string();
         }},
        {"ident_file",
         [](ServerConfig &c, const std::string &v) {
             c.ident_file = v;
             return std::string();
         }},
        {"tls.mode",
         [](ServerConfig &c, const std::string &v) {
             auto m = ParseTlsMode(v);
             if (!m) {
                 return std::string("expected auto, files or off");
             }
             c.tls.mode = *m;
             return std::string();
         }},
        {"tls.cert_file",
         [](ServerConfig &c, const std::string &v) {
             c.tls.cert_file = v;
             return std::string();
         }},
        {"tls.key_file",
         [](ServerConfig &c, const std::string &v) {
             c.tls.key_file = v;
             return std::string();
         }},
        {"tls.min_protocol_version",
         [](ServerConfig &c, const std::string &v) {
             auto version = ParseTlsVersion(v);
             if (!version) {
                 return std::string("expected TLSv1.2 or TLSv1.3");
             }
             c.tls.min_protocol_version = *version;
             return std::string();
         }},
        {"tls.ciphers",
         [](ServerConfig &c, const std::string &v) {
             c.tls.ciphers = v;
             return std::string();
         }},
        {"tls.client_ca_file",
         [](ServerConfig &c, const std::string &v) {
             c.tls.client_ca_file = v;
             return std::string();
         }},
        {"tls.crl_file",
         [](ServerConfig &c, const std::string &v) {
             c.tls.crl_file = v;
             return std::string();
         }},
        {"max_message_size",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.max_message_size, v, 1024, 1 << 30); }},
        {"max_startup_message_size",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.max_startup_message_size, v, 64, 1 << 20); }},
        {"startup_timeout", [](ServerConfig &c, const std::string &v) { return SetDuration(c.startup_timeout, v); }},
        {"startup_packet_timeout",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.startup_packet_timeout, v); }},
        {"max_startup_connections",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.max_startup_connections, v, -1, 1000000); }},
        {"max_startup_connections_per_address",
         [](ServerConfig &c, const std::string &v) {
             return SetInteger(c.max_startup_connections_per_address, v, -1, 1000000);
         }},
        {"max_connection_rate_per_address",
         [](ServerConfig &c, const std::string &v) {
             return SetInteger(c.max_connection_rate_per_address, v, 0, 1000000);
         }},
        {"connection_rate_burst",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.connection_rate_burst, v, 0, 1000000); }},
        {"auth_failure_limit",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.auth_failure_limit, v, 0, 1000000); }},
        {"auth_failure_window",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.auth_failure_window, v); }},
        {"auth_ban_duration",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.auth_ban_duration, v); }},
        {"shutdown_timeout", [](ServerConfig &c, const std::string &v) { return SetDuration(c.shutdown_timeout, v); }},
        {"io_threads", [](ServerConfig &c, const std::string &v) { return SetInteger(c.io_threads, v, 1, 256); }},
        {"worker_threads",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.worker_threads, v, 1, 4096); }},
        {"log_level",
         [](ServerConfig &c, const std::string &v) {
             c.log_level = v;
             return std::string();
         }},
        {"duckdb_memory_limit",
         [](ServerConfig &c, const std::string &v) {
             c.duckdb_memory_limit = v;
             return std::string();
         }},
        {"duckdb_threads",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.duckdb_threads, v, 0, 1024); }},
        {"allow_external_access",
         [](ServerConfig &c, const std::string &v) { return SetBool(c.allow_external_access, v); }},
        {"time_zone",
         [](ServerConfig &c, const std::string &v) {
             c.time_zone = v;
             return std::string();
         }},
        {"statement_timeout",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.statement_timeout, v); }},
        {"idle_in_transaction_session_timeout",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.idle_in_transaction_session_timeout, v); }},
        {"idle_session_timeout",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.idle_session_timeout, v); }},
        {"client_connection_check_interval",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.client_connection_check_interval, v); }},
        {"max_connections",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.max_connections, v, 1, 1000000); }},
        {"superuser_reserved_connections",
         [](ServerConfig &c, const std::string &v) {
             return SetInteger(c.superuser_reserved_connections, v, 0, 1000000);
         }},
        {"max_connections_per_address",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.max_connections_per_address, v, 0, 1000000); }},
        {"connection_queue_timeout",
         [](ServerConfig &c, const std::string &v) { return SetDuration(c.connection_queue_timeout, v); }},
        {"connection_queue_size",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.connection_queue_size, v, 0, 1000000); }},
        {"max_concurrent_statements",
         [](ServerConfig &c, const std::string &v) { return SetInteger(c.max_concurrent_statements, v, 0, 1000000); }},
        {"serialize_writers", [](ServerConfig &c, const std::string &v) { return SetBool(c.serialize_writers, v); }},
        {"duckdb_temp_directory",
         [](ServerConfig &c, const std::string &v) {
             c.duckdb_temp_directory = v;
             return std::string();
         }},
    };
    return setters;
}

void ApplyScalar(ServerConfig &config, const std::string &key, const std::string &value,
                 std::vector<std::string> &errors) {
    auto &setters = Setters();
    auto it = setters.find(key);
    if (it == setters.end()) {
        errors.push_back(key + ": unknown setting");
        return;
    }
    auto error = it->second(config, value);
    if (!error.empty()) {
        errors.push_back(key + ": " + error + " (got \"" + value + "\")");
    }
}

void ApplyUsers(ServerConfig &config, const YAML::Node &node, std::vector<std::string> &errors) {
    if (!node.IsSequence()) {
        errors.push_back("users: expected a list of {name, password}");
        return;
    }
    config.users.clear();
    for (size_t i = 0; i < node.size(); i++) {
        auto entry = node[i];
        auto where = "users[" + std::to_string(i) + "]";
        if (!entry.IsMap() || !entry["name"] || !entry["password"]) {
            errors.push_back(where + ": expected name and password");
            continue;
        }
        UserConfig user;
        user.name = entry["name"].as<std::string>();
        user.password = entry["password"].as<std::string>();
        std::optional<UserRole> role;
        std::optional<bool> superuser;
        for (auto field : entry) {
            auto key = field.first.as<std::string>();
            auto value = field.second.IsScalar() ? field.second.Scalar() : "";
            std::string error;
            if (key == "statement_timeout") {
                user.statement_timeout.emplace();
                error = SetDuration(*user.statement_timeout, value);
            } else if (key == "max_connections") {
                error = SetInteger(user.max_connections, value, -1, 1000000);
            } else if (key == "superuser") {
                superuser.emplace();
                error = SetBool(*superuser, value);
            } else if (key == "role") {
                role = ParseUserRole(value);
                if (!role) {
                    error = "expected read_only, read_write or admin (got \"" + value + "\")";
                }
            } else if (key == "databases") {
                if (!field.second.IsSequence()) {
                    error = "expected a list of database names";
                } else {
                    for (auto name : field.second) {
                        user.databases.push_back(name.as<std::string>());
                    }
                }
            } else if (key != "name" && key != "password") {
                error = "unknown setting";
            }
            if (!error.empty()) {
                errors.push_back(where + "." + key + ": " + error);
            }
        }
        // `superuser` predates roles: true is admin, false read_write; given with a role it must agree.
        if (role && superuser && *superuser != (*role == UserRole::Admin)) {
            errors.push_back(where + ": superuser: " + (*superuser ? "true" : "false") + " contradicts role " +
                             UserRoleName(*role));
        }
        user.role_given = role || superuser;
        user.role = role ? *role : (superuser.value_or(true) ? UserRole::Admin : UserRole::ReadWrite);
        config.users.push_back(std::move(user));
    }
}

void ApplyDatabases(ServerConfig &config, const YAML::Node &node, std::vector<std::string> &errors) {
    if (!node.IsMap()) {
        errors.push_back("databases: expected a map of database name -> settings");
        return;
    }
    for (auto item : node) {
        auto name = item.first.as<std::string>();
        auto where = "databases." + name;
        if (!item.second.IsMap()) {
            errors.push_back(where + ": expected settings");
            continue;
        }
        auto &database = config.databases[name];
        for (auto field : item.second) {
            auto key = field.first.as<std::string>();
            auto value = field.second.IsScalar() ? field.second.Scalar() : "";
            std::string error;
            if (key == "max_connections") {
                error = SetInteger(database.max_connections, value, -1, 1000000);
            } else if (key == "max_concurrent_statements") {
                error = SetInteger(database.max_concurrent_statements, value, -1, 1000000);
            } else if (key == "memory_limit") {
                database.memory_limit = value;
            } else if (key == "temp_directory") {
                database.temp_directory = value;
            } else {
                error = "unknown setting";
            }
            if (!error.empty()) {
                errors.push_back(where + "." + key + ": " + error);
            }
        }
    }
}

void ApplyMap(ServerConfig &config, const YAML::Node &node, const std::string &prefix,
              std::vector<std::string> &errors) {
    for (auto item : node) {
        auto key = prefix + item.first.as<std::string>();
        if (key == "users") {
            ApplyUsers(config, item.second, errors);
        } else if (key == "databases") {
            ApplyDatabases(config, item.second, errors);
        } else if (item.second.IsMap()) {
            ApplyMap(config, item.second, key + ".", errors);
        } else if (item.second.IsScalar()) {
            ApplyScalar(config, key, item.second.Scalar(), errors);
        } else if (!item.second.IsNull()) {
            errors.push_back(key + ": expected a single value");
        }
    }
}

} // namespace

void ApplyYaml(ServerConfig &config, const std::string &yaml_text, std::vector<std::string> &errors) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml_text);
    } catch (const YAML::Exception &e) {
        errors.push_back(std::string("invalid YAML: ") + e.what());
        return;
    }
    if (root.IsNull()) {
        return;
    }
    if (!root.IsMap()) {
        errors.push_back("the configuration must be a YAML mapping");
        return;
    }
    try {
        ApplyMap(config, root, "", errors);
    } catch (const YAML::Exception &e) {
        errors.push_back(std::string("invalid value: ") + e.what());
    }
}

void ApplyYamlFile(ServerConfig &config, const std::string &path, std::vector<std::string> &errors) {
    std::ifstream in(path);
    if (!in) {
        errors.push_back("cannot read configuration file \"" + path + "\"");
        return;
    }
    std::stringstream text;
    text << in.rdbuf();
    ApplyYaml(config, text.str(), errors);
}

void ApplyEnvironment(ServerConfig &config, const std::function<const char *(const char *)> &getenv,
                      std::vector<std::string> &errors) {
    for (auto &[key, setter] : Setters()) {
        std::string name = "DUCKGRES_";
        for (char c : key) {
            name += c == '.' ? '_' : AsciiToUpper(c);
        }
        if (const char *value = getenv(name.c_str())) {
            auto error = setter(config, value);
            if (!error.empty()) {
                errors.push_back(name + ": " + error + " (got \"" + value + "\")");
            }
        }
    }
}

void Validate(const ServerConfig &config, std::vector<std::string> &errors) {
    if (config.data_dir.empty()) {
        errors.push_back("data_dir: must not be empty");
    }
    if (config.tls.mode == TlsMode::Files && (config.tls.cert_file.empty() || config.tls.key_file.empty())) {
        errors.push_back("tls: mode files needs cert_file and key_file");
    }
    if (config.tls.ciphers.empty()) {
        errors.push_back("tls.ciphers: must not be empty");
    }
    if (!config.tls.crl_file.empty() && config.tls.client_ca_file.empty()) {
        errors.push_back("tls.crl_file: needs tls.client_ca_file (revocation is checked for client certificates)");
    }
    if (config.tls.mode != TlsMode::Off) {
        // Whether the files parse (and the key matches the certificate) is checked by the net layer's CheckTlsFiles.
        std::vector<std::pair<const char *, std::string>> files = {{"tls.client_ca_file", config.tls.client_ca_file},
                                                                   {"tls.crl_file", config.tls.crl_file}};
        if (config.tls.mode == TlsMode::Files) {
            files.emplace_back("tls.cert_file", config.tls.cert_file);
            files.emplace_back("tls.key_file", config.tls.key_file);
        }
        for (const auto &[key, path] : files) {
            std::error_code ec;
            if (!path.empty() && !std::filesystem::is_regular_file(path, ec)) {
                errors.push_back(std::string(key) + ": \"" + path + "\" is not a file");
            }
        }
    }
    if (config.superuser_reserved_connections >= config.max_connections) {
        errors.push_back("superuser_reserved_connections: must be less than max_connections");
    }
    if (config.auth_failure_limit > 0 &&
        (config.auth_failure_window.count() <= 0 || config.auth_ban_duration.count() <= 0)) {
        errors.push_back("auth_failure_window, auth_ban_duration: must be positive when auth_failure_limit is set");
    }
    if (config.startup_packet_timeout.count() <= 0 || config.startup_timeout.count() <= 0) {
        errors.push_back("startup_timeout, startup_packet_timeout: must be positive");
    }
    if (config.max_startup_message_size > config.max_message_size) {
        errors.push_back("max_startup_message_size: must not exceed max_message_size");
    }
    std::map<std::string, int> seen;
    for (auto &user : config.users) {
        if (user.name.empty()) {
            errors.push_back("users: a user has an empty name");
        }
        if (seen[user.name]++ == 1) {
            errors.push_back("users: \"" + user.name + "\" is listed twice");
        }
        bool is_verifier = user.password.rfind("SCRAM-SHA-256$", 0) == 0 ||
                           (user.password.size() == 35 && user.password.rfind("md5", 0) == 0);
        if (!is_verifier && !config.allow_plaintext_passwords) {
            errors.push_back("users: \"" + user.name +
                             "\" has a plaintext password; store a verifier from `duckgres hash-password` "
                             "or set allow_plaintext_passwords: true");
        }
        if (config.auth_method == AuthMethod::Md5 && user.password.rfind("SCRAM-SHA-256$", 0) == 0) {
            errors.push_back("users: \"" + user.name + "\" has a SCRAM verifier, which cannot answer md5 auth");
        }
    }
}

} // namespace duckgres::config
