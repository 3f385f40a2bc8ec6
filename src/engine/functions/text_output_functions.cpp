// Casts to VARCHAR and duckgres_text_out() that run the PostgreSQL text encoders the wire uses, so SQL-made text
// matches the wire's.
#include "engine/functions/text_output_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/value_encoder.hpp"

#include <vector>

namespace duckgres::engine {

namespace {

//! Writes PostgreSQL's text of each of `count` values of `input` into the VARCHAR vector `output` (NULL stays NULL).
//! No session here: UTC (timestamptz inside lists) and the default extra_float_digits. Throws SqlError.
void WritePostgresText(duckdb_vector input, idx_t count, duckdb_vector output) {
    LogicalTypeHandle type(duckdb_vector_get_column_type(input));
    auto encoder = types::ValueEncoder::Create(type.Get());
    encoder->Bind(input);
    const types::TextFormatOptions options;
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
    ScalarFunctionHandle text_out(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(text_out.Get(), "duckgres_text_out");
    LogicalTypeHandle any(duckdb_create_logical_type(DUCKDB_TYPE_ANY));
    duckdb_scalar_function_add_parameter(text_out.Get(), any.Get());
    duckdb_scalar_function_set_return_type(text_out.Get(), varchar.Get());
    duckdb_scalar_function_set_function(text_out.Get(), TextOut);
    if (duckdb_register_scalar_function(connection, text_out.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register duckgres_text_out");
    }
}

} // namespace duckgres::engine
