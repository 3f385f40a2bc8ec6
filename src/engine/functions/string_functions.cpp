// PostgreSQL string conversions DuckDB does otherwise: boolean and integer input, SIMILAR TO patterns.
#include "engine/functions/string_functions.hpp"

#include "common/ascii.hpp"
#include "engine/functions/function_support.hpp"
#include "types/text_input.hpp"

#include <optional>
#include <string>

namespace duckgres::engine {

namespace {

bool IsBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool PrefixOf(std::string_view value, std::string_view word, size_t min_length) {
    return value.size() >= min_length && value.size() <= word.size() &&
           EqualsIgnoreAsciiCase(std::string(value), std::string(word.substr(0, value.size())));
}

//! PostgreSQL's boolean input (boolin): nullopt for text it rejects.
std::optional<bool> ParseBoolean(std::string_view text) {
    while (!text.empty() && IsBlank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && IsBlank(text.back())) {
        text.remove_suffix(1);
    }
    if (text.empty()) {
        return std::nullopt;
    }
    if (PrefixOf(text, "true", 1) || PrefixOf(text, "yes", 1) || PrefixOf(text, "on", 2) || text == "1") {
        return true;
    }
    if (PrefixOf(text, "false", 1) || PrefixOf(text, "no", 1) || PrefixOf(text, "off", 3) || text == "0") {
        return false;
    }
    return std::nullopt;
}

bool CastTextToBoolean(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    auto *out = static_cast<bool *>(duckdb_vector_get_data(output));
    return CastTextRows(info, count, input, output, [out](std::string_view text, idx_t row) {
        const auto value = ParseBoolean(text);
        if (!value) {
            throw SqlError("22P02", "invalid input syntax for type boolean: \"" + std::string(text) + "\"");
        }
        out[row] = *value;
    });
}

//! Casts text to an integer type with PostgreSQL's input function (int2in, int4in, int8in): blanks around an optional
//! sign and digits, nothing else ('1.5' is 22P02, where DuckDB would round), 22003 out of range.
template <typename Integer, Integer (*Parse)(std::string_view)>
bool CastTextToInteger(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    auto *out = static_cast<Integer *>(duckdb_vector_get_data(output));
    return CastTextRows(info, count, input, output,
                        [out](std::string_view text, idx_t row) { out[row] = Parse(text); });
}

//! A SIMILAR TO pattern as an anchored regular expression, as PostgreSQL's similar_to_escape() makes it: % and _
//! are wildcards, the escape character quotes the next one, bracket expressions and | * + ? {} () are kept.
std::string SimilarToEscape(std::span<const std::string_view> arguments) {
    const std::string_view pattern = arguments[0];
    const std::string_view escape = arguments[1];
    if (escape.size() > 1) {
        throw SqlError("22019", "invalid escape string", "Escape string must be empty or one character.");
    }
    std::string regex = "^(?:";
    bool in_bracket = false;
    for (size_t i = 0; i < pattern.size(); i++) {
        const char c = pattern[i];
        if (!escape.empty() && c == escape[0]) {
            if (i + 1 >= pattern.size()) {
                throw SqlError("2201B", "invalid regular expression: invalid escape sequence");
            }
            const char next = pattern[++i];
            // PostgreSQL's word-boundary escapes (\m \M \y \Y) as RE2 spells them; others stay escapes.
            if (next == 'm' || next == 'M' || next == 'y') {
                regex += "\\b";
            } else if (next == 'Y') {
                regex += "\\B";
            } else {
                regex += '\\';
                regex += next;
            }
            continue;
        }
        if (in_bracket) {
            if (c == ']') {
                in_bracket = false;
            }
            regex += c;
        } else if (c == '[') {
            in_bracket = true;
            regex += c;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^') {
                regex += pattern[++i];
            }
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') {
                regex += pattern[++i];
            }
        } else if (c == '%') {
            regex += ".*";
        } else if (c == '_') {
            regex += '.';
        } else if (c == '.' || c == '^' || c == '$' || c == '\\') {
            regex += '\\';
            regex += c;
        } else {
            regex += c;
        }
    }
    regex += ")$";
    return regex;
}

} // namespace

void RegisterStringFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle boolean(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    RegisterCast(connection, varchar.Get(), boolean.Get(), -1, CastTextToBoolean);
    LogicalTypeHandle smallint(duckdb_create_logical_type(DUCKDB_TYPE_SMALLINT));
    LogicalTypeHandle integer(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    LogicalTypeHandle bigint(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
    RegisterCast(connection, varchar.Get(), smallint.Get(), -1, CastTextToInteger<int16_t, types::ParseInt2Text>);
    RegisterCast(connection, varchar.Get(), integer.Get(), -1, CastTextToInteger<int32_t, types::ParseInt4Text>);
    RegisterCast(connection, varchar.Get(), bigint.Get(), -1, CastTextToInteger<int64_t, types::ParseInt8Text>);
    RegisterStringFunction(connection, "similar_to_escape", {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR},
                           DUCKDB_TYPE_VARCHAR, SimilarToEscape);
}

} // namespace duckgres::engine
