// What set_config() would make of a session's settings, worked out on a copy for the rewrite.
#include "session/rewrite_settings.hpp"

namespace duckgres::session {

RewriteSettings::RewriteSettings(const SessionSettings &settings, bool in_transaction)
    : settings_(settings), in_transaction_(in_transaction) {}

std::optional<std::string> RewriteSettings::Get(const std::string &name) const {
    return settings_.Get(name);
}

namespace {

//! The session's settings copied once per statement, each change applied to the copy as it comes.
class SettingsDraft : public sql::SettingDraft {
public:
    SettingsDraft(const SessionSettings &settings, bool in_transaction)
        : after_(settings), in_transaction_(in_transaction) {}

    std::optional<std::string> Apply(const sql::SettingChange &change) override {
        if (failed_) {
            return std::nullopt; // the session stops at the first change that fails
        }
        const auto *definition = SessionSettings::Find(change.name);
        if (definition && definition->effect == SettingEffect::ReadOnly) {
            failed_ = true;
            return std::nullopt;
        }
        const bool skipped = definition && change.is_local && !in_transaction_;
        if (!skipped &&
            (change.is_local ? after_.SetLocal(change.name, change.value) : after_.Set(change.name, change.value))) {
            failed_ = true;
            return std::nullopt;
        }
        return after_.Get(change.name).value_or(change.value);
    }

private:
    SessionSettings after_;
    bool in_transaction_;
    bool failed_ = false;
};

} // namespace

std::unique_ptr<sql::SettingDraft> RewriteSettings::Draft() const {
    return std::make_unique<SettingsDraft>(settings_, in_transaction_);
}

} // namespace duckgres::session
