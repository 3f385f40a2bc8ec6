// SessionSettings: PostgreSQL run-time parameters of one session (SET / SHOW / RESET).
#pragma once

#include "common/sql_error.hpp"
#include "sql/search_path.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::session {

//! How a parameter takes effect.
enum class SettingEffect {
    Session,  //!< kept and used by Duckgres itself (output formats, reported values)
    ReadOnly, //!< fixed by the server (server_version, shared_buffers...): SET fails with 55P02
    Ignored,  //!< accepted with no effect, and SET says so with a NOTICE (where the effect would matter)
    Accepted, //!< a PostgreSQL planner or server knob with no meaning for DuckDB: kept and shown, silently
};

//! PostgreSQL's type of a parameter, which decides the values SET accepts and how SHOW prints them.
enum class SettingType { Bool, Integer, Real, Enum, String };

//! PostgreSQL's context of a parameter: when it can be changed (pg_settings.context).
enum class SettingContext { Internal, Postmaster, Sighup, SuperuserBackend, Backend, Superuser, User };

//! One parameter: what PostgreSQL 15 defines (name, type, default, context, unit, range, values) and what
//! Duckgres does with it.
struct SettingDefinition {
    const char *name; //!< canonical spelling, e.g. "DateStyle"
    SettingType type;
    const char *default_value; //!< as SHOW prints it
    SettingContext context;
    const char *unit = "";        //!< base unit of a number: "kB", "8kB", "MB", "B", "ms", "s", "min" or ""
    double min_value = 0;         //!< Integer and Real
    double max_value = 0;         //!< Integer and Real
    const char *enum_values = ""; //!< Enum: the accepted values, comma-separated, as SHOW prints them
    //! Parameters a session may change are kept without effect, unless Duckgres uses them; the others are fixed.
    SettingEffect effect = context == SettingContext::User || context == SettingContext::Superuser
                               ? SettingEffect::Accepted
                               : SettingEffect::ReadOnly;
    bool reported = false; //!< sent as ParameterStatus at startup and when it changes
    const char *description = "";
};

//! The values of every known parameter for one session. Names are case-insensitive.
class SessionSettings {
public:
    SessionSettings();

    static const std::vector<SettingDefinition> &Definitions();
    static const SettingDefinition *Find(std::string_view name);
    //! A custom placeholder name ("myapp.flag"): any name with a dot, which SET accepts as PostgreSQL does.
    static bool IsPlaceholder(const std::string &name) { return name.find('.') != std::string::npos; }

    //! Current value, or nullopt for unknown parameters.
    std::optional<std::string> Get(const std::string &name) const;
    //! Whether `name` is a time parameter kept in milliseconds (statement_timeout...).
    static bool IsMilliseconds(const std::string &name);
    //! Whether SET/RESET/set_config() may change the parameter now, by its context, as PostgreSQL decides:
    //! the error (55P02 for parameters fixed at server start, reload or connection start; 42501 for superuser
    //! parameters changed by another user), or nullopt.
    static std::optional<SqlError> RefuseChange(const SettingDefinition &definition, bool superuser);
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

    //! The value of a parameter that is not set in this session: configured, or built in.
    std::string DefaultOf(std::string_view key, const SettingDefinition &definition) const;

    std::map<std::string, std::string, std::less<>> values_; //!< lower-case name -> value, for the parameters set
    std::map<std::string, std::string, std::less<>>
        defaults_; //!< lower-case name -> value RESET restores, when not built in
    std::map<std::string, std::string, std::less<>> custom_; //!< placeholders ("myapp.flag"), as SET them
    std::map<std::string, std::string> reported_;            //!< last value reported to the client
    std::optional<std::map<std::string, std::string, std::less<>>> transaction_start_;
    std::map<std::string, std::optional<std::string>> local_saved_; //!< before SET LOCAL (nullopt: not set)
    bool changed_ = true;                                           //!< values may differ from what was last reported
};

using sql::SearchPathSchemas; // (sql/search_path.hpp)

//! pg_settings' `setting` and `unit` of a parameter SHOW prints as `shown`: a number in the parameter's base unit
//! and that unit ("8192", "kB" for work_mem = 8MB) for numbers with a unit; otherwise `shown` and no unit.
std::pair<std::string, std::string> PgSettingsValue(const SettingDefinition &definition, const std::string &shown);

} // namespace duckgres::session
