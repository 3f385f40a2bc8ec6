// Loading a ServerConfig from YAML text and DUCKGRES_* environment variables, and validating it.
#pragma once

#include "config/server_config.hpp"

#include <functional>
#include <string>
#include <vector>

namespace duckgres::config {

//! Applies the settings in a YAML document on top of `config`. Unknown keys and malformed
//! values are reported in `errors` (as "key: problem"), never ignored silently.
void ApplyYaml(ServerConfig &config, const std::string &yaml_text, std::vector<std::string> &errors);
//! Reads the file and applies it; a missing or unreadable file is an error.
void ApplyYamlFile(ServerConfig &config, const std::string &path, std::vector<std::string> &errors);
//! Applies DUCKGRES_<KEY> variables (upper-case YAML keys, e.g. DUCKGRES_PORT) through `getenv`.
void ApplyEnvironment(ServerConfig &config, const std::function<const char *(const char *)> &getenv,
                      std::vector<std::string> &errors);
//! Checks cross-field rules (ports, thread counts, users, TLS files, plaintext passwords).
void Validate(const ServerConfig &config, std::vector<std::string> &errors);

} // namespace duckgres::config
