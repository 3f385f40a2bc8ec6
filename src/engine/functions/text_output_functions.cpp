// Casts to VARCHAR and duckgres_text_out() that run the PostgreSQL text encoders the wire uses, so SQL-made text
// matches the wire's.
#include "engine/functions/text_output_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/text_format.hpp"
#include "types/time_zone.hpp"
#include "types/value_encoder.hpp"

#include <vector>

namespace duckgres::engine {

namespace {

//! Writes PostgreSQL's text of each of `count` values of `input` into the VARCHAR vector `output` (NULL stays NULL).
//! No session here: `options` are the defaults (UTC, ISO) unless the rewrite passed the session's. Throws SqlError.
void WritePostgresText(duckdb_vector input, idx_t count, duckdb_vector output,
                       const types::TextFormatOptions &options = {}) {
    LogicalTypeHandle type(duckdb_vector_get_column_type(input));
    auto encoder = types::ValueEncoder::Create(type.Get());
    encoder->Bind(input);
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    std::string text;
    for (idx_t row = 0; row < count; row++) {
        if (encoder->IsNull(row)) {
            duckdb_validity_set_row_invalid(out_validity, row);
            continue;
        }
        text.clear();
        encoder->AppendText(row, text, options);
        duckdb_vector_assign_string_element_len(output, row, text.data(), text.size());
    }
}

//! The message of an exception a function gives DuckDB (a SqlError keeps its SQLSTATE).
std::string ErrorMessage(const std::exception &error) {
    const auto *sql_error = dynamic_cast<const SqlError *>(&error);
    return sql_error ? MessageWithSqlState(*sql_error) : error.what();
}

bool CastToPostgresText(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    try {
        WritePostgresText(input, count, output);
        return true;
    } catch (const std::exception &error) {
        duckdb_cast_function_set_error(info, ErrorMessage(error).c_str());
        return false;
    }
}

//! duckgres_text_out(value): PostgreSQL's text of any value, rows (ROW(...)::text) and arrays included.
void TextOut(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        WritePostgresText(duckdb_data_chunk_get_vector(input, 0), duckdb_data_chunk_get_size(input), output);
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, ErrorMessage(error).c_str());
    }
}

//! The text of row 0 of the VARCHAR column `column` of `input` (a constant argument).
std::string ConstantArgument(duckdb_data_chunk input, idx_t column) {
    auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, column)));
    return std::string(StringAt(strings, 0));
}

//! duckgres_text_cast(value, date_style, interval_style, time_zone): value::text in a session whose DateStyle or
//! IntervalStyle is not the default (the registered casts have no session; sql::StyledTextCasts passes the session's
//! settings as constants). A boolean is true/false, as PostgreSQL's cast writes it.
void TextCast(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        const idx_t count = duckdb_data_chunk_get_size(input);
        if (count == 0) {
            return;
        }
        duckdb_vector value = duckdb_data_chunk_get_vector(input, 0);
        LogicalTypeHandle type(duckdb_vector_get_column_type(value));
        if (duckdb_get_type_id(type.Get()) == DUCKDB_TYPE_BOOLEAN) {
            const auto *booleans = static_cast<const bool *>(duckdb_vector_get_data(value));
            auto *validity = duckdb_vector_get_validity(value);
            duckdb_vector_ensure_validity_writable(output);
            for (idx_t row = 0; row < count; row++) {
                if (!RowIsValid(validity, row)) {
                    duckdb_validity_set_row_invalid(duckdb_vector_get_validity(output), row);
                    continue;
                }
                duckdb_vector_assign_string_element(output, row, booleans[row] ? "true" : "false");
            }
            return;
        }
        types::TextFormatOptions options;
        options.date_style = types::DateStyleFromSetting(ConstantArgument(input, 1)).value_or(types::DateStyle{});
        options.interval_style =
            types::IntervalOutputFromSetting(ConstantArgument(input, 2)).value_or(types::IntervalOutput::kPostgres);
        const auto zone = types::TimeZone::Load(ConstantArgument(input, 3));
        options.time_zone = zone.get();
        WritePostgresText(value, count, output, options);
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, ErrorMessage(error).c_str());
    }
}

//! Registers `name(value ANY, more VARCHAR...) -> VARCHAR` computed by `function`.
void RegisterTextFunction(duckdb_connection connection, const char *name, idx_t varchar_parameters,
                          duckdb_scalar_function_t function) {
    ScalarFunctionHandle scalar(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(scalar.Get(), name);
    LogicalTypeHandle any(duckdb_create_logical_type(DUCKDB_TYPE_ANY));
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_scalar_function_add_parameter(scalar.Get(), any.Get());
    for (idx_t i = 0; i < varchar_parameters; i++) {
        duckdb_scalar_function_add_parameter(scalar.Get(), varchar.Get());
    }
    duckdb_scalar_function_set_return_type(scalar.Get(), varchar.Get());
    duckdb_scalar_function_set_function(scalar.Get(), function);
    if (duckdb_register_scalar_function(connection, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register ") + name);
    }
}

//! The source types whose cast to VARCHAR is PostgreSQL's. boolean keeps DuckDB's (true/false, as PostgreSQL's
//! boolean -> text cast and ||; only its output function writes t/f). DuckDB's C API registers no cast from nested
//! types (LIST(ANY) is refused), so arrays and rows keep DuckDB's text.
std::vector<LogicalTypeHandle> SourceTypes() {
    std::vector<LogicalTypeHandle> types;
    for (auto id : {DUCKDB_TYPE_FLOAT, DUCKDB_TYPE_DOUBLE, DUCKDB_TYPE_BLOB, DUCKDB_TYPE_DATE, DUCKDB_TYPE_TIME,
                    DUCKDB_TYPE_TIMESTAMP, DUCKDB_TYPE_TIMESTAMP_S, DUCKDB_TYPE_TIMESTAMP_MS, DUCKDB_TYPE_TIMESTAMP_NS,
                    DUCKDB_TYPE_INTERVAL}) {
        types.emplace_back(duckdb_create_logical_type(id));
    }
    return types;
}

} // namespace

void RegisterTextOutputFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    for (const auto &source : SourceTypes()) {
        RegisterCast(connection, source.Get(), varchar.Get(), -1, CastToPostgresText);
    }
    RegisterTextFunction(connection, "duckgres_text_out", 0, TextOut);
    RegisterTextFunction(connection, "duckgres_text_cast", 3, TextCast);
}

} // namespace duckgres::engine
