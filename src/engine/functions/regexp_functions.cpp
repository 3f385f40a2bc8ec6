// The regular-expression match functions registered in DuckDB (std::regex, ECMAScript syntax).
#include "engine/functions/regexp_functions.hpp"

#include "engine/functions/scalar_function_util.hpp"

#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace duckgres::engine {

namespace {

using Match = std::vector<std::optional<std::string>>;

std::vector<Match> FindMatches(const std::regex &pattern, const std::string &text, bool global) {
    std::vector<Match> matches;
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
        const auto &found = *it;
        Match groups;
        if (found.size() == 1) {
            groups.emplace_back(found.str(0));
        }
        for (size_t group = 1; group < found.size(); group++) {
            groups.push_back(found[group].matched ? std::optional<std::string>(found.str(group)) : std::nullopt);
        }
        matches.push_back(std::move(groups));
        if (!global) {
            break;
        }
    }
    return matches;
}

void RegexpMatches(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        VarcharColumns columns(input, 3);
        auto child = duckdb_list_vector_get_child(output);
        auto strings = duckdb_list_vector_get_child(child);
        duckdb_vector_ensure_validity_writable(output);
        idx_t match_count = 0, string_count = 0;
        std::string compiled_key;
        std::regex pattern;
        for (idx_t row = 0; row < columns.Rows(); row++) {
            auto *entries = static_cast<duckdb_list_entry *>(duckdb_vector_get_data(output));
            if (!columns.Valid(row)) {
                duckdb_validity_set_row_invalid(duckdb_vector_get_validity(output), row);
                entries[row] = {match_count, 0};
                continue;
            }
            std::string flags(columns.Get(2, row));
            std::string key = flags + '\0' + std::string(columns.Get(1, row));
            if (key != compiled_key || row == 0) {
                auto options = std::regex::ECMAScript;
                if (flags.find('i') != std::string::npos) {
                    options |= std::regex::icase;
                }
                pattern = std::regex(std::string(columns.Get(1, row)), options);
                compiled_key = key;
            }
            auto matches = FindMatches(pattern, std::string(columns.Get(0, row)), flags.find('g') != std::string::npos);
            entries[row] = {match_count, matches.size()};
            duckdb_list_vector_reserve(output, match_count + matches.size());
            duckdb_list_vector_set_size(output, match_count + matches.size());
            for (const auto &groups : matches) {
                auto *match_entries = static_cast<duckdb_list_entry *>(duckdb_vector_get_data(child));
                match_entries[match_count++] = {string_count, groups.size()};
                duckdb_list_vector_reserve(child, string_count + groups.size());
                duckdb_list_vector_set_size(child, string_count + groups.size());
                duckdb_vector_ensure_validity_writable(strings);
                for (const auto &group : groups) {
                    if (group) {
                        duckdb_vector_assign_string_element_len(strings, string_count, group->data(), group->size());
                    } else {
                        duckdb_validity_set_row_invalid(duckdb_vector_get_validity(strings), string_count);
                    }
                    string_count++;
                }
            }
        }
    } catch (const std::regex_error &error) {
        duckdb_scalar_function_set_error(info, (std::string("invalid regular expression: ") + error.what()).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

} // namespace

void RegisterRegexpFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle texts(duckdb_create_list_type(varchar.Get()));
    LogicalTypeHandle matches(duckdb_create_list_type(texts.Get()));
    RegisterScalarFunction(connection, "duckgres_regexp_matches",
                           {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR}, matches.Get(),
                           RegexpMatches);
}

} // namespace duckgres::engine
