// What the rewrite reads of the session's run-time parameters, and the set_config() changes it hands back.
#pragma once

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

//! The session's run-time parameters as the rewrite sees them. Reading never changes them.
class SettingSource {
public:
    virtual ~SettingSource() = default;
    //! The value SHOW shows for `name`; nullopt for a parameter the session does not know.
    virtual std::optional<std::string> Get(const std::string &name) const = 0;
    //! What SHOW would show for the last change's parameter once `changes` are applied in order (what set_config()
    //! returns); nullopt when applying them fails (unknown or read-only parameter, invalid value): the session reports
    //! that error when it applies them.
    virtual std::optional<std::string> ValueAfter(const std::vector<SettingChange> &changes) const = 0;
};

} // namespace duckgres::sql
