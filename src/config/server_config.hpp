// ServerConfig: every setting of a Duckgres server, passed by value to the parts that need it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::config {

enum class AuthMethod { ScramSha256, Md5, Password };
enum class TlsMode { Auto, Files, Off };
//! What a user may do: read only (every transaction READ ONLY), read and write data and schema, or also
//! administer the server (others' sessions, server settings and paths, CHECKPOINT).
enum class UserRole { ReadOnly, ReadWrite, Admin };
enum class TlsVersion { Tls12, Tls13 };

//! OpenSSL cipher list for TLS 1.2 (TLS 1.3 suites are OpenSSL's defaults, all AEAD): forward-secret ECDHE key
//! exchange with AES-GCM or ChaCha20-Poly1305 only, which every TLS 1.2 client offers; no CBC modes, no static RSA.
inline constexpr const char *kDefaultTlsCiphers = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL";

struct UserConfig {
    std::string name;
    //! A verifier ("SCRAM-SHA-256$...", "md5...") or, when allow_plaintext_passwords, a password.
    std::string password;
    //! This user's statement_timeout default (overrides the server's; startup options and SET override it).
    std::optional<std::chrono::milliseconds> statement_timeout;
    int max_connections = -1; //!< this user's sessions at once; -1: no limit of its own
    //! admin: may use the connection slots reserved for superusers, never waits for a statement turn,
    //! is_superuser on. Given as `role`, or (older configurations) as `superuser: true|false`.
    UserRole role = UserRole::Admin;
    bool role_given = false;            //!< `role` or `superuser` was set: no "everyone is an admin" warning
    std::vector<std::string> databases; //!< the databases this user may connect to; empty: all
};

//! Settings of one database (a <data_dir>/<name>.duckdb file), overriding the server's.
struct DatabaseConfig {
    int max_connections = -1;           //!< sessions on this database at once; -1: no limit of its own
    int max_concurrent_statements = -1; //!< statements running at once; -1: the server's default
    std::string memory_limit;           //!< DuckDB memory limit; empty: the server's
    std::string temp_directory;         //!< where DuckDB spills; empty: the server's
};

struct TlsConfig {
    TlsMode mode = TlsMode::Auto; //!< Auto: self-signed certificate generated in the data dir
    std::string cert_file;
    std::string key_file;
    TlsVersion min_protocol_version = TlsVersion::Tls12;
    std::string ciphers = kDefaultTlsCiphers; //!< OpenSSL cipher list for TLS 1.2
    //! PEM CA certificates: when set, clients are asked for a certificate, which must chain to one of them.
    std::string client_ca_file;
    //! PEM certificate revocation lists checked for client certificates (needs client_ca_file).
    std::string crl_file;
};

struct ServerConfig {
    std::string host = "127.0.0.1";
    uint16_t port = 5432;
    std::string data_dir = "./data";

    AuthMethod auth_method = AuthMethod::ScramSha256;
    bool allow_plaintext_passwords = false;
    std::vector<UserConfig> users; //!< empty: the default user postgres/postgres
    bool create_databases = false; //!< create <data_dir>/<db>.duckdb on first connection
    //! A pg_hba.conf-syntax file choosing each connection's auth method; empty: loopback with any TLS, others only
    //! with TLS, all with auth_method.
    std::string hba_file;
    std::string ident_file; //!< a pg_ident.conf-syntax file of user name maps (map= in hba_file); empty: none

    TlsConfig tls;

    uint32_t max_message_size = 256u << 20;    //!< after authentication
    uint32_t max_startup_message_size = 10000; //!< before authentication
    std::chrono::milliseconds startup_timeout{60000};
    //! From connect to a complete startup packet (SSL negotiation included); within startup_timeout.
    std::chrono::milliseconds startup_packet_timeout{10000};
    std::chrono::milliseconds shutdown_timeout{30000};

    int io_threads = 2;
    int worker_threads = 32; //!< threads that run blocking DuckDB calls
    std::string log_level = "info";

    // Connection limits: over one, a new session is refused with 53300 before authentication.
    int max_connections = 100;
    int superuser_reserved_connections = 3; //!< of max_connections, kept for users with superuser: true
    int max_connections_per_address = 0;    //!< per client address; 0: unlimited
    //! How long a connection over max_connections waits for a free slot before it is refused; 0: refuse at once.
    std::chrono::milliseconds connection_queue_timeout{0};
    int connection_queue_size = 100; //!< connections waiting for a slot at once; more are refused at once
    // Connections not yet authenticated, counted from accept to the end of authentication; over a limit a new
    // connection gets 53300 at once, before its startup packet is read. -1: automatic (see the Effective*
    // functions), 0: unlimited.
    int max_startup_connections = -1;
    int max_startup_connections_per_address = -1;
    //! New connections per second from one address (a token bucket of connection_rate_burst); 0: unlimited.
    int max_connection_rate_per_address = 0;
    int connection_rate_burst = 0; //!< connections at once from an address after a quiet spell; 0: the rate

    // Failed authentications: auth_failure_limit failures (28P01) from one address within auth_failure_window
    // ban it for auth_ban_duration: its logins then fail as with a wrong password. 0: no limit.
    int auth_failure_limit = 20;
    std::chrono::milliseconds auth_failure_window{60000};
    std::chrono::milliseconds auth_ban_duration{300000};

    //! Statements running at once per database (others wait their turn); 0: unlimited.
    int max_concurrent_statements = 0;
    //! Writers of one database take turns: a transaction's first write waits until no other transaction that
    //! wrote is open, as PostgreSQL's row locks make writers wait, instead of failing with DuckDB's write-write
    //! conflict (40001). false: DuckDB's optimistic concurrency (conflicting writes fail).
    bool serialize_writers = true;
    std::map<std::string, DatabaseConfig> databases; //!< by database name

    // DuckDB settings applied to every database.
    std::string duckdb_memory_limit;    //!< e.g. "4GB"; empty: DuckDB's default
    std::string duckdb_temp_directory;  //!< where DuckDB spills larger-than-memory work; empty: DuckDB's default
    int duckdb_threads = 0;             //!< 0: DuckDB's default
    bool allow_external_access = false; //!< DuckDB file/network access for clients
    //! Lets admins run DuckDB's own statements and functions (PRAGMA, SET GLOBAL, ATTACH, CALL, engine settings).
    bool admin_engine_access = false;

    std::string time_zone = "UTC"; //!< default TimeZone of new sessions
    // Defaults of PostgreSQL's time parameters for new sessions (0: none); SET and startup options override them.
    std::chrono::milliseconds statement_timeout{0};
    std::chrono::milliseconds idle_in_transaction_session_timeout{0};
    std::chrono::milliseconds idle_session_timeout{0};
    //! How often a running statement checks that its client is still connected (0: never); a statement whose
    //! client has gone is interrupted.
    std::chrono::milliseconds client_connection_check_interval{1000};
};

//! The SQL-level name of an auth method ("scram-sha-256", "md5", "password").
const char *AuthMethodName(AuthMethod method);
std::optional<AuthMethod> ParseAuthMethod(const std::string &text);
std::optional<TlsMode> ParseTlsMode(const std::string &text);
//! The role of user `name`: its configured one; without configured users, admin for the default user postgres;
//! nullopt for a user the server does not know.
std::optional<UserRole> RoleOf(const ServerConfig &config, const std::string &name);
//! "read_only", "read_write", "admin".
std::optional<UserRole> ParseUserRole(const std::string &text);
const char *UserRoleName(UserRole role);
//! "TLSv1.2" or "TLSv1.3" (case-insensitive), as PostgreSQL's ssl_min_protocol_version.
std::optional<TlsVersion> ParseTlsVersion(const std::string &text);
const char *TlsVersionName(TlsVersion version);
//! max_startup_connections, with -1 (automatic) as max_connections + connection_queue_size: every client that may
//! hold or wait for a session can be authenticating at once. 0: unlimited.
int EffectiveMaxStartupConnections(const ServerConfig &config);
//! max_startup_connections_per_address, with -1 (automatic) as a quarter of the effective
//! max_startup_connections (at least 1; 0 when that is unlimited). 0: unlimited.
int EffectiveMaxStartupConnectionsPerAddress(const ServerConfig &config);
//! Parses durations such as "30s", "500ms", "2min", "1h" or a plain number of milliseconds.
std::optional<std::chrono::milliseconds> ParseDuration(const std::string &text);

} // namespace duckgres::config
