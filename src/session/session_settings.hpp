// SessionSettings: PostgreSQL run-time parameters of one session (SET / SHOW / RESET).
#pragma once

#include "common/sql_error.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::session {

//! How a parameter takes effect.
enum class SettingEffect {
    Session,  //!< kept and used by Duckgres itself (output formats, reported values)
    ReadOnly, //!< fixed by the server (server_version...): SET fails with 55P02
    Ignored,  //!< accepted for compatibility with no effect: SET answers with a NOTICE
};

struct SettingDefinition {
    const char *name;          //!< canonical spelling, e.g. "DateStyle"
    const char *default_value; //!< as SHOW prints it
    SettingEffect effect;
    bool reported; //!< sent as ParameterStatus at startup and when it changes
    const char *description;
};

//! The values of every known parameter for one session. Names are case-insensitive.
class SessionSettings {
public:
    SessionSettings();

    static const std::vector<SettingDefinition> &Definitions();
    static const SettingDefinition *Find(const std::string &name);
    //! A custom placeholder name ("myapp.flag"): any name with a dot, which SET accepts as PostgreSQL does.
    static bool IsPlaceholder(const std::string &name) { return name.find('.') != std::string::npos; }

    //! Current value, or nullopt for unknown parameters.
    std::optional<std::string> Get(const std::string &name) const;
    //! Whether `name` is a time parameter kept in milliseconds (statement_timeout...).
    static bool IsMilliseconds(const std::string &name);
    //! A time parameter (statement_timeout...) in milliseconds; 0 when unset or unknown.
    int64_t Milliseconds(const std::string &name) const;
    //! Sets a value after validation; returns the error (42704 unknown, 22023 invalid value) or nullopt.
    //! Does not check the effect (the session decides about read-only and ignored parameters).
    std::optional<SqlError> Set(const std::string &name, const std::string &value);
    //! Sets the value RESET returns to (server configuration, the user's settings, startup options).
    std::optional<SqlError> SetDefault(const std::string &name, const std::string &value);
    void Reset(const std::string &name);
    void ResetAll();
    //! SET LOCAL: the value reverts at the end of the transaction.
    std::optional<SqlError> SetLocal(const std::string &name, const std::string &value);
    //! Ends the transaction: reverts SET LOCAL values; on rollback also reverts plain SETs
    //! made inside the transaction, as PostgreSQL does.
    void EndTransaction(bool committed);
    void BeginTransaction();

    //! Reported parameters whose values changed since the last call (for ParameterStatus).
    std::vector<std::pair<std::string, std::string>> TakeReportedChanges();

private:
    //! The value as stored and shown; sets `error` (and maybe `hint`) when it is invalid.
    std::string Normalize(const std::string &name, const std::string &value, std::string &error,
                          std::string &hint) const;

    std::map<std::string, std::string> values_;   //!< lower-case name -> value
    std::map<std::string, std::string> defaults_; //!< lower-case name -> value RESET restores, when not built in
    std::map<std::string, std::string> custom_;   //!< placeholders ("myapp.flag"), as SET them
    std::map<std::string, std::string> reported_; //!< last value reported to the client
    std::optional<std::map<std::string, std::string>> transaction_start_;
    std::map<std::string, std::string> local_saved_;
    bool changed_ = true; //!< values may differ from what was last reported
};

//! The schemas a PostgreSQL search_path value names, in order: comma-separated identifiers, double-quoted
//! or folded to lower case, "$user" standing for `user`.
std::vector<std::string> SearchPathSchemas(const std::string &value, const std::string &user);

} // namespace duckgres::session
