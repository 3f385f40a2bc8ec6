// The table of PostgreSQL parameters Duckgres knows, and per-session SET/RESET bookkeeping.
#include "session/session_settings.hpp"

#include "common/ascii.hpp"

#include "session/setting_units.hpp"
#include "types/time_zone.hpp"

#include <algorithm>
#include <cctype>

namespace duckgres::session {

const std::vector<SettingDefinition> &SessionSettings::Definitions() {
    using E = SettingEffect;
    static const std::vector<SettingDefinition> definitions = {
        {"application_name", "", E::Session, true, "Sets the application name to be reported."},
        {"client_encoding", "UTF8", E::Session, true, "Sets the client's character set encoding."},
        {"DateStyle", "ISO, MDY", E::Session, true, "Sets the display format for date and time values."},
        {"IntervalStyle", "postgres", E::Session, true, "Sets the display format for interval values."},
        {"TimeZone", "UTC", E::Session, true, "Sets the time zone for displaying and interpreting time stamps."},
        {"extra_float_digits", "1", E::Session, false, "Sets the number of digits displayed for floats."},
        {"search_path", "\"$user\", public", E::Session, false, "Sets the schema search order."},
        {"statement_timeout", "0", E::Session, false, "Sets the maximum allowed duration of any statement."},
        {"lock_timeout", "0", E::Session, false, "Sets the maximum allowed duration of any wait for a lock."},
        {"idle_in_transaction_session_timeout", "0", E::Session, false,
         "Sets the maximum allowed idle time between queries, when in a transaction."},
        {"idle_session_timeout", "0", E::Session, false,
         "Sets the maximum allowed idle time between queries, when not in a transaction."},
        {"standard_conforming_strings", "on", E::Session, true, "Causes '...' strings to treat backslashes literally."},
        {"default_transaction_read_only", "off", E::Session, true,
         "Sets the default read-only status of new transactions."},
        {"default_transaction_isolation", "read committed", E::Ignored, false,
         "Sets the transaction isolation level of each new transaction."},
        {"transaction_isolation", "read committed", E::Ignored, false,
         "Sets the current transaction's isolation level."},
        {"synchronous_commit", "on", E::Ignored, false, "Sets the current transaction's synchronization level."},
        {"client_min_messages", "notice", E::Session, false, "Sets the message levels that are sent to the client."},
        {"bytea_output", "hex", E::Session, false, "Sets the output format for bytea."},
        {"work_mem", "4MB", E::Ignored, false, "Sets the maximum memory to be used for query workspaces."},
        {"jit", "off", E::Ignored, false, "Allow JIT compilation."},
        {"row_security", "on", E::Ignored, false, "Enable row security."},
        {"check_function_bodies", "on", E::Ignored, false, "Check routine bodies during CREATE FUNCTION."},
        {"xmloption", "content", E::Ignored, false, "Sets whether XML data is to be considered as documents."},
        {"escape_string_warning", "on", E::Ignored, false, "Warn about backslash escapes in ordinary string literals."},
        {"server_version", "15.0", E::ReadOnly, true, "Shows the server version."},
        {"server_version_num", "150000", E::ReadOnly, false, "Shows the server version as an integer."},
        {"server_encoding", "UTF8", E::ReadOnly, true, "Shows the server (database) character set encoding."},
        {"integer_datetimes", "on", E::ReadOnly, true, "Shows whether datetimes are integer based."},
        {"is_superuser", "on", E::ReadOnly, true, "Shows whether the current user is a superuser."},
        {"session_authorization", "", E::ReadOnly, true, "Sets the session user name."},
        {"in_hot_standby", "off", E::ReadOnly, true, "Shows whether hot standby is currently active."},
        {"max_identifier_length", "63", E::ReadOnly, false, "Shows the maximum identifier length."},
        {"lc_collate", "C.UTF-8", E::ReadOnly, false, "Shows the collation order locale."},
        {"lc_ctype", "C.UTF-8", E::ReadOnly, false, "Shows the character classification locale."},
        {"block_size", "8192", E::ReadOnly, false, "Shows the size of a disk block."},
        {"max_index_keys", "32", E::ReadOnly, false, "Shows the maximum number of index keys."},
        {"max_function_args", "100", E::ReadOnly, false, "Shows the maximum number of function arguments."},
    };
    return definitions;
}

const SettingDefinition *SessionSettings::Find(const std::string &name) {
    // Built once per process: lower-case name -> definition.
    static const auto index = [] {
        std::map<std::string, const SettingDefinition *> by_name;
        for (const auto &definition : Definitions()) {
            by_name.emplace(AsciiLower(definition.name), &definition);
        }
        return by_name;
    }();
    auto found = index.find(AsciiLower(name));
    return found == index.end() ? nullptr : found->second;
}

SessionSettings::SessionSettings() {
    ResetAll();
}

std::optional<std::string> SessionSettings::Get(const std::string &name) const {
    auto it = values_.find(AsciiLower(name));
    if (it == values_.end()) {
        auto custom = custom_.find(AsciiLower(name));
        return custom == custom_.end() ? std::nullopt : std::optional<std::string>(custom->second);
    }
    return it->second;
}

bool SessionSettings::IsMilliseconds(const std::string &name) {
    auto lower = AsciiLower(name);
    return lower == "statement_timeout" || lower == "lock_timeout" || lower == "idle_in_transaction_session_timeout" ||
           lower == "idle_session_timeout";
}

int64_t SessionSettings::Milliseconds(const std::string &name) const {
    auto value = Get(name);
    std::string error, hint;
    return value ? ParseMilliseconds(name, *value, error, hint).value_or(0) : 0;
}

std::string SessionSettings::Normalize(const std::string &name, const std::string &value, std::string &error,
                                       std::string &hint) const {
    auto lower = AsciiLower(name);
    if (IsMilliseconds(name)) {
        auto milliseconds = ParseMilliseconds(Find(name)->name, value, error, hint);
        return milliseconds ? FormatMilliseconds(*milliseconds) : "";
    }
    auto lower_value = AsciiLower(value);
    // Values may arrive quoted from startup packets (asyncpg sends 'utf-8').
    if (lower_value.size() >= 2 && lower_value.front() == '\'' && lower_value.back() == '\'') {
        lower_value = lower_value.substr(1, lower_value.size() - 2);
    }
    if (lower == "client_encoding") {
        if (lower_value != "utf8" && lower_value != "utf-8" && lower_value != "unicode") {
            error = "invalid value for parameter \"client_encoding\": \"" + value + "\"";
            return "";
        }
        return "UTF8";
    }
    if (lower == "datestyle") {
        // Only ISO output with MDY input order is produced; accept the spellings that mean it.
        std::string compact;
        for (char c : lower_value) {
            if (c != ' ') {
                compact += c;
            }
        }
        // Output is always ISO; the input order (MDY, DMY, YMD) is kept and reported. A value without an
        // order keeps the current one (SET DateStyle = ISO after DMY stays DMY), as in PostgreSQL.
        std::string order = "MDY";
        if (auto current = values_.find("datestyle"); current != values_.end() && current->second.size() > 5) {
            order = current->second.substr(5);
        }
        bool iso = true;
        size_t start = 0;
        while (start <= compact.size()) {
            auto end = compact.find(',', start);
            auto part = compact.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (part == "mdy" || part == "us" || part == "noneuropean") {
                order = "MDY";
            } else if (part == "dmy" || part == "euro" || part == "european") {
                order = "DMY";
            } else if (part == "ymd") {
                order = "YMD";
            } else if (part != "iso" && part != "default") {
                iso = false;
            }
            if (end == std::string::npos) {
                break;
            }
            start = end + 1;
        }
        if (!iso) {
            error = "invalid value for parameter \"DateStyle\": \"" + value + "\" (only ISO output is supported)";
            return "";
        }
        return "ISO, " + order;
    }
    if (lower == "intervalstyle") {
        if (lower_value != "postgres") {
            error = "invalid value for parameter \"IntervalStyle\": \"" + value + "\"";
            return "";
        }
        return "postgres";
    }
    if (lower == "timezone") {
        if (!types::TimeZone::Load(value)) {
            error = "invalid value for parameter \"TimeZone\": \"" + value + "\"";
            return "";
        }
        return value;
    }
    if (lower == "extra_float_digits") {
        try {
            size_t used = 0;
            int digits = std::stoi(value, &used);
            if (used != value.size() || digits < -15 || digits > 3) {
                throw std::out_of_range("range");
            }
            return std::to_string(digits);
        } catch (const std::exception &) {
            error = "invalid value for parameter \"extra_float_digits\": \"" + value + "\"";
            return "";
        }
    }
    if (lower == "standard_conforming_strings") {
        if (lower_value != "on" && lower_value != "true") {
            error = "non-standard string literals are not supported";
            return "";
        }
        return "on";
    }
    if (lower == "bytea_output") {
        if (lower_value != "hex") {
            error = "only bytea_output hex is supported";
            return "";
        }
        return "hex";
    }
    if (lower == "default_transaction_read_only") {
        if (lower_value == "on" || lower_value == "true" || lower_value == "1") {
            return "on";
        }
        if (lower_value == "off" || lower_value == "false" || lower_value == "0") {
            return "off";
        }
        error = "parameter \"default_transaction_read_only\" requires a Boolean value";
        return "";
    }
    return value;
}

std::optional<SqlError> SessionSettings::Set(const std::string &name, const std::string &value) {
    changed_ = true;
    if (!Find(name)) {
        if (IsPlaceholder(name)) {
            custom_[AsciiLower(name)] = value;
            return std::nullopt;
        }
        return SqlError("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    std::string error, hint;
    auto normalized = Normalize(name, value, error, hint);
    if (!error.empty()) {
        return SqlError("22023", error, "", hint);
    }
    local_saved_.erase(AsciiLower(name));
    values_[AsciiLower(name)] = normalized;
    return std::nullopt;
}

std::optional<SqlError> SessionSettings::SetDefault(const std::string &name, const std::string &value) {
    auto error = Set(name, value);
    if (!error) {
        defaults_[AsciiLower(name)] = values_[AsciiLower(name)];
    }
    return error;
}

std::optional<SqlError> SessionSettings::SetLocal(const std::string &name, const std::string &value) {
    auto key = AsciiLower(name);
    auto previous = values_.find(key);
    std::string saved = previous == values_.end() ? "" : previous->second;
    auto error = Set(name, value);
    if (!error) {
        local_saved_.emplace(key, saved);
    }
    return error;
}

void SessionSettings::Reset(const std::string &name) {
    changed_ = true;
    if (auto custom = custom_.find(AsciiLower(name)); custom != custom_.end()) {
        custom->second.clear(); // a reset placeholder stays defined, empty
    }
    if (auto *definition = Find(name)) {
        auto key = AsciiLower(name);
        auto configured = defaults_.find(key);
        values_[key] = configured != defaults_.end() ? configured->second : definition->default_value;
    }
}

void SessionSettings::ResetAll() {
    changed_ = true;
    for (const auto &definition : Definitions()) {
        auto key = AsciiLower(definition.name);
        if (definition.effect != SettingEffect::ReadOnly || !values_.count(key)) {
            auto configured = defaults_.find(key);
            values_[key] = configured != defaults_.end() ? configured->second : definition.default_value;
        }
    }
}

void SessionSettings::BeginTransaction() {
    transaction_start_ = values_;
    local_saved_.clear();
}

void SessionSettings::EndTransaction(bool committed) {
    changed_ = true;
    if (!committed && transaction_start_) {
        values_ = *transaction_start_;
    } else {
        for (auto &[key, value] : local_saved_) {
            values_[key] = value;
        }
    }
    local_saved_.clear();
    transaction_start_.reset();
}

std::vector<std::pair<std::string, std::string>> SessionSettings::TakeReportedChanges() {
    std::vector<std::pair<std::string, std::string>> changes;
    if (!changed_) {
        return changes; // the common case, checked after every statement
    }
    changed_ = false;
    for (const auto &definition : Definitions()) {
        if (!definition.reported) {
            continue;
        }
        auto key = AsciiLower(definition.name);
        auto &value = values_[key];
        auto it = reported_.find(key);
        if (it == reported_.end() || it->second != value) {
            reported_[key] = value;
            changes.emplace_back(definition.name, value);
        }
    }
    return changes;
}

std::vector<std::string> SearchPathSchemas(const std::string &value, const std::string &user) {
    std::vector<std::string> schemas;
    std::string current;
    bool quoted = false;
    bool was_quoted = false;
    auto finish = [&]() {
        std::string name = was_quoted ? current : AsciiLower(std::string(TrimAsciiSpace(current)));
        if (name == "$user") {
            name = user;
        }
        if (!name.empty()) {
            schemas.push_back(name);
        }
        current.clear();
        was_quoted = false;
    };
    for (size_t i = 0; i < value.size(); i++) {
        char c = value[i];
        if (quoted) {
            if (c == '"' && i + 1 < value.size() && value[i + 1] == '"') {
                current += '"';
                i++;
            } else if (c == '"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == '"') {
            quoted = true;
            was_quoted = true;
            current.clear();
        } else if (c == ',') {
            finish();
        } else if (!was_quoted) {
            current += c;
        }
    }
    finish();
    return schemas;
}

} // namespace duckgres::session
