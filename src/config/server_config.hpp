// ServerConfig: every setting of a Duckgres server, passed by value to the parts that need it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::config {

enum class AuthMethod { ScramSha256, Md5, Password };
enum class TlsMode { Auto, Files, Off };

struct UserConfig {
    std::string name;
    //! A verifier ("SCRAM-SHA-256$...", "md5...") or, when allow_plaintext_passwords, a password.
    std::string password;
};

struct TlsConfig {
    TlsMode mode = TlsMode::Auto; //!< Auto: self-signed certificate generated in the data dir
    std::string cert_file;
    std::string key_file;
};

struct ServerConfig {
    std::string host = "127.0.0.1";
    uint16_t port = 5432;
    std::string data_dir = "./data";

    AuthMethod auth_method = AuthMethod::ScramSha256;
    bool allow_plaintext_passwords = false;
    std::vector<UserConfig> users; //!< empty: the default user postgres/postgres
    bool create_databases = false; //!< create <data_dir>/<db>.duckdb on first connection

    TlsConfig tls;

    uint32_t max_message_size = 256u << 20;    //!< after authentication
    uint32_t max_startup_message_size = 10000; //!< before authentication
    std::chrono::milliseconds startup_timeout{60000};
    std::chrono::milliseconds shutdown_timeout{30000};

    int io_threads = 2;
    int worker_threads = 32; //!< threads that run blocking DuckDB calls
    std::string log_level = "info";

    // DuckDB settings applied to every database.
    std::string duckdb_memory_limit;    //!< e.g. "4GB"; empty: DuckDB's default
    int duckdb_threads = 0;             //!< 0: DuckDB's default
    bool allow_external_access = false; //!< DuckDB file/network access for clients

    std::string time_zone = "UTC"; //!< default TimeZone of new sessions
};

//! The SQL-level name of an auth method ("scram-sha-256", "md5", "password").
const char *AuthMethodName(AuthMethod method);
std::optional<AuthMethod> ParseAuthMethod(const std::string &text);
std::optional<TlsMode> ParseTlsMode(const std::string &text);
//! Parses durations such as "30s", "500ms", "2min", "1h" or a plain number of milliseconds.
std::optional<std::chrono::milliseconds> ParseDuration(const std::string &text);

} // namespace duckgres::config
