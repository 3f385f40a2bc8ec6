// Casts to VARCHAR that run the PostgreSQL text encoders the wire uses, so SQL-made text matches the wire's.
#include "engine/functions/text_output_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/value_encoder.hpp"

#include <vector>

namespace duckgres::engine {

namespace {

bool CastToPostgresText(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    try {
        LogicalTypeHandle type(duckdb_vector_get_column_type(input));
        auto encoder = types::ValueEncoder::Create(type.Get());
        encoder->Bind(input);
        // No session here: UTC (timestamptz inside lists) and the default extra_float_digits.
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
        return true;
    } catch (const SqlError &error) {
        duckdb_cast_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_cast_function_set_error(info, error.what());
    }
    return false;
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
}

} // namespace duckgres::engine
