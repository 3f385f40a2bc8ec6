// Loads the hba and ident files named in the configuration and checks them against each other.
#include "auth/hba_policy.hpp"

namespace duckgres::auth {

HbaPolicy HbaPolicy::Load(const HbaPolicyConfig &config) {
    HbaPolicy policy;
    policy.config = config;
    policy.hba = config.hba_file.empty() ? HbaFile::Default(config.default_method) : HbaFile::Load(config.hba_file);
    if (!config.ident_file.empty()) {
        policy.ident = IdentMap::Load(config.ident_file);
    }
    return policy;
}

std::vector<std::string> HbaPolicy::Errors() const {
    std::vector<std::string> errors;
    for (const auto *list : {&hba.Errors(), &ident.Errors()}) {
        for (const auto &error : *list) {
            errors.push_back(error.ToString());
        }
    }
    return errors;
}

std::vector<std::string> HbaPolicy::Warnings() const {
    auto warnings = hba.Warnings();
    for (const auto &rule : hba.Rules()) {
        auto where = rule.file + ":" + std::to_string(rule.line_number) + ": ";
        if (!rule.CanMatch()) {
            continue;
        }
        if (!config.tls_enabled && !config.hba_file.empty() && rule.connection_type == HbaConnectionType::HostSsl) {
            warnings.push_back(where + "hostssl cannot match any connection: TLS is off (tls.mode: off)");
        }
        if (rule.map.empty()) {
            continue;
        }
        if (config.ident_file.empty()) {
            warnings.push_back(where + "map \"" + rule.map + "\" cannot match: no ident_file is configured");
        } else if (!ident.HasMap(rule.map)) {
            warnings.push_back(where + "map \"" + rule.map + "\" is not defined in " + config.ident_file);
        }
    }
    return warnings;
}

} // namespace duckgres::auth
