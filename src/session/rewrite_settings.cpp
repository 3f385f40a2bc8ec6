// What set_config() would make of a session's settings, worked out on a copy for the rewrite.
#include "session/rewrite_settings.hpp"

namespace duckgres::session {

RewriteSettings::RewriteSettings(const SessionSettings &settings, bool in_transaction)
    : settings_(settings), in_transaction_(in_transaction) {}

std::optional<std::string> RewriteSettings::Get(const std::string &name) const {
    return settings_.Get(name);
}

std::optional<std::string> RewriteSettings::ValueAfter(const std::vector<sql::SettingChange> &changes) const {
    if (changes.empty()) {
        return std::nullopt;
    }
    SessionSettings after = settings_;
    for (const auto &change : changes) {
        const auto *definition = SessionSettings::Find(change.name);
        if (definition && definition->effect == SettingEffect::ReadOnly) {
            return std::nullopt;
        }
        if (definition && change.is_local && !in_transaction_) {
            continue;
        }
        if (change.is_local ? after.SetLocal(change.name, change.value) : after.Set(change.name, change.value)) {
            return std::nullopt;
        }
    }
    return after.Get(changes.back().name).value_or(changes.back().value);
}

} // namespace duckgres::session
