// What the rewrite reads of the session's run-time parameters, and the set_config() changes it hands back.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::sql {

//! set_config(name, value, is_local) in a statement: a change the session applies when the statement runs.
struct SettingChange {
    std::string name;
    std::string value;
    bool is_local = false;

    bool operator==(const SettingChange &) const = default;
};

//! The set_config() changes of one statement, worked out in order on a copy of the session's parameters.
class SettingDraft {
public:
    virtual ~SettingDraft() = default;
    //! What SHOW would show for `change`'s parameter once it is applied after the changes applied before (what
    //! set_config() returns); nullopt when applying it, or one before, fails (unknown or read-only parameter, invalid
    //! value): the session reports that error when it applies the changes. Each call costs one change, however many
    //! came before.
    virtual std::optional<std::string> Apply(const SettingChange &change) = 0;
};

//! The session's run-time parameters as the rewrite sees them. Reading never changes them.
class SettingSource {
public:
    virtual ~SettingSource() = default;
    //! The value SHOW shows for `name`; nullopt for a parameter the session does not know.
    virtual std::optional<std::string> Get(const std::string &name) const = 0;
    //! A draft starting from the current values, for one statement's set_config() calls.
    virtual std::unique_ptr<SettingDraft> Draft() const = 0;
};

} // namespace duckgres::sql
