// The schemas a search_path value names, as PostgreSQL reads the parameter.
#include "sql/search_path.hpp"

#include "common/ascii.hpp"

namespace duckgres::sql {

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

} // namespace duckgres::sql
