// Parsing pg_ident.conf and checking a system user name against its maps.
#include "auth/ident_map.hpp"

namespace duckgres::auth {

namespace {

//! Reads one pg_ident.conf line into `mapping`; returns what is wrong with it, or "".
std::string ParseMapping(const AuthFileLine &line, IdentMapping &mapping) {
    mapping.file = line.file;
    mapping.line_number = line.line_number;
    std::string *targets[] = {&mapping.map_name, &mapping.system_user, &mapping.database_user};
    for (size_t i = 0; i < 3; i++) {
        if (i >= line.fields.size() || line.fields[i].empty()) {
            return "missing entry at end of line";
        }
        if (line.fields[i].size() > 1) {
            return "multiple values in ident field";
        }
        *targets[i] = line.fields[i].front().text;
    }
    // Like PostgreSQL 15, fields after the third are ignored.
    if (mapping.system_user.empty() || mapping.system_user[0] != '/') {
        return "";
    }
    auto expression = mapping.system_user.substr(1);
    try {
        mapping.pattern.emplace(expression, std::regex::ECMAScript);
    } catch (const std::regex_error &e) {
        return "invalid regular expression \"" + expression + "\": " + e.what();
    }
    if (mapping.database_user.find("\\1") != std::string::npos && mapping.pattern->mark_count() == 0) {
        return "regular expression \"" + expression + "\" has no subexpressions as requested by backreference in \"" +
               mapping.database_user + "\"";
    }
    return "";
}

bool MappingAllows(const IdentMapping &mapping, std::string_view system_user, std::string_view database_user) {
    if (!mapping.pattern) {
        return mapping.system_user == system_user && mapping.database_user == database_user;
    }
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(system_user.begin(), system_user.end(), match, *mapping.pattern)) {
        return false;
    }
    std::string expected = mapping.database_user;
    auto reference = expected.find("\\1");
    if (reference != std::string::npos) {
        // PostgreSQL 15 substitutes the first \1 only.
        expected.replace(reference, 2, match[1].str());
    }
    return expected == database_user;
}

} // namespace

IdentMap IdentMap::Parse(std::string_view text, const std::string &file_name, const AuthFileReader &reader) {
    IdentMap map;
    for (const auto &line : TokenizeAuthFile(text, file_name, reader, map.errors)) {
        IdentMapping mapping;
        auto error = ParseMapping(line, mapping);
        if (error.empty()) {
            map.mappings.push_back(std::move(mapping));
        } else {
            map.errors.push_back({line.file, line.line_number, error});
        }
    }
    return map;
}

IdentMap IdentMap::Load(const std::string &path) {
    std::string error;
    auto text = ReadAuthFileFromDisk(path, error);
    if (!text) {
        IdentMap map;
        map.errors.push_back({path, 0, "could not open file: " + error});
        return map;
    }
    return Parse(*text, path, ReadAuthFileFromDisk);
}

bool IdentMap::HasMap(std::string_view map_name) const {
    for (const auto &mapping : mappings) {
        if (mapping.map_name == map_name) {
            return true;
        }
    }
    return false;
}

bool IdentMap::Allows(std::string_view map_name, std::string_view system_user, std::string_view database_user) const {
    for (const auto &mapping : mappings) {
        if (mapping.map_name == map_name && MappingAllows(mapping, system_user, database_user)) {
            return true;
        }
    }
    return false;
}

} // namespace duckgres::auth
