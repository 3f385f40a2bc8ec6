// CopyColumns: the columns a COPY reads or writes, and resolving FORCE_* column lists against them.
#include "copy/copy_columns.hpp"

#include "common/sql_error.hpp"

#include <algorithm>

namespace duckgres::copy {

namespace {

bool Contains(const std::vector<std::string> &names, const std::string &name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

std::vector<bool> ResolveForceColumns(const std::vector<std::string> &names, const CopyColumns &columns,
                                      const std::string &option_label) {
    const auto &known = columns.relation_names.empty() ? columns.names : columns.relation_names;
    for (size_t i = 0; i < names.size(); i++) {
        if (!Contains(known, names[i])) {
            auto where = columns.relation.empty() ? "" : " of relation \"" + columns.relation + "\"";
            throw SqlError("42703", "column \"" + names[i] + "\"" + where + " does not exist");
        }
        if (std::find(names.begin(), names.begin() + i, names[i]) != names.begin() + i) {
            throw SqlError("42701", "column \"" + names[i] + "\" specified more than once");
        }
    }
    std::vector<bool> flags(columns.names.size(), false);
    for (const auto &name : names) {
        auto found = std::find(columns.names.begin(), columns.names.end(), name);
        if (found == columns.names.end()) {
            throw SqlError("42P10", option_label + " column \"" + name + "\" not referenced by COPY");
        }
        flags[found - columns.names.begin()] = true;
    }
    return flags;
}

} // namespace duckgres::copy
