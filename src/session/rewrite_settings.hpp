// RewriteSettings: a session's settings as the rewrite reads them (sql::SettingSource), changing nothing.
#pragma once

#include "session/session_settings.hpp"
#include "sql/setting_source.hpp"

namespace duckgres::session {

//! Current values, and the value set_config() would give a parameter, worked out on a copy: what
//! Session::ChangeSetting stores for the same change. Reads `settings` while it lives.
class RewriteSettings : public sql::SettingSource {
public:
    RewriteSettings(const SessionSettings &settings, bool in_transaction);

    std::optional<std::string> Get(const std::string &name) const override;
    //! A draft whose Apply() gives nullopt where ChangeSetting throws (42704 unknown, 55P02 read-only, 22023 invalid
    //! value); SET LOCAL of a known parameter outside a transaction changes nothing (ChangeSetting only warns).
    std::unique_ptr<sql::SettingDraft> Draft() const override;

private:
    const SessionSettings &settings_;
    bool in_transaction_;
};

} // namespace duckgres::session
