// CharacterLength: recognizes the CHECK that enforces a varchar(n) / char(n) length (see sql/ddl_passes).
#pragma once

#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace duckgres {

//! What a length CHECK made for a varchar(n) or char(n) column says: the column, the declared length and
//! whether it is char(n) (else varchar(n)).
struct CharacterLength {
    std::string column;
    int32_t length = 0;
    bool blank_padded = false;

    //! PostgreSQL's name of the column's type: "character varying(3)" or "character(3)".
    std::string TypeName() const {
        return (blank_padded ? "character(" : "character varying(") + std::to_string(length) + ")";
    }
};

//! The length CHECK in `expression` as DuckDB prints it, e.g. (length(rtrim(a, ' ')) <= 3) for varchar(3)
//! and (length(rtrim("Odd Name")) <= 2) for char(2), found anywhere in the text; nullopt when there is none.
inline std::optional<CharacterLength> CharacterLengthCheck(std::string_view expression) {
    static const std::regex pattern(R"re(length\(rtrim\((?:"((?:[^"]|"")+)"|([^",()]+))(, ' ')?\)\) <= (\d+))re");
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(expression.begin(), expression.end(), match, pattern)) {
        return std::nullopt;
    }
    CharacterLength found;
    if (match[1].matched) {
        found.column = match[1].str();
        for (size_t at = found.column.find("\"\""); at != std::string::npos; at = found.column.find("\"\"", at + 1)) {
            found.column.erase(at, 1);
        }
    } else {
        found.column = match[2].str();
    }
    found.blank_padded = !match[3].matched;
    found.length = std::stoi(match[4].str());
    return found;
}

} // namespace duckgres
