// PostgreSQL string conversions DuckDB does otherwise: boolean input, SIMILAR TO patterns, values' text output.
#include "engine/functions/string_functions.hpp"

#include "common/ascii.hpp"
#include "engine/functions/function_support.hpp"
#include "types/value_encoder.hpp"

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

void TextOut(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        auto vector = duckdb_data_chunk_get_vector(input, 0);
        LogicalTypeHandle type(duckdb_vector_get_column_type(vector));
        auto encoder = types::ValueEncoder::Create(type.Get());
        encoder->Bind(vector);
        const types::TextFormatOptions options;
        duckdb_vector_ensure_validity_writable(output);
        auto *out_validity = duckdb_vector_get_validity(output);
        const idx_t rows = duckdb_data_chunk_get_size(input);
        std::string text;
        for (idx_t row = 0; row < rows; row++) {
            if (encoder->IsNull(row)) {
                duckdb_validity_set_row_invalid(out_validity, row);
                continue;
            }
            text.clear();
            encoder->AppendText(row, text, options);
            duckdb_vector_assign_string_element_len(output, row, text.data(), text.size());
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

void RegisterTextOut(duckdb_connection connection) {
    ScalarFunctionHandle function(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(function.Get(), "duckgres_text_out");
    LogicalTypeHandle any(duckdb_create_logical_type(DUCKDB_TYPE_ANY));
    duckdb_scalar_function_add_parameter(function.Get(), any.Get());
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_scalar_function_set_return_type(function.Get(), varchar.Get());
    duckdb_scalar_function_set_function(function.Get(), TextOut);
    if (duckdb_register_scalar_function(connection, function.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register duckgres_text_out");
    }
}

} // namespace

void RegisterStringFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle boolean(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    RegisterCast(connection, varchar.Get(), boolean.Get(), -1, CastTextToBoolean);
    RegisterStringFunction(connection, "similar_to_escape", {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR},
                           DUCKDB_TYPE_VARCHAR, SimilarToEscape);
    RegisterTextOut(connection);
}

} // namespace duckgres::engine
