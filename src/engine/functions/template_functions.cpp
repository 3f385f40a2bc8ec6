// The number-template functions registered in DuckDB, over types/number_template.
#include "engine/functions/template_functions.hpp"

#include "engine/functions/scalar_function_util.hpp"
#include "types/number_template.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace duckgres::engine {

namespace {

//! Runs `compute(columns, row)` for every row whose arguments are all non-NULL; nullopt results are NULL.
template <class Compute>
void MapRows(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output, idx_t arguments,
             Compute compute) {
    try {
        VarcharColumns columns(input, arguments);
        duckdb_vector_ensure_validity_writable(output);
        auto *validity = duckdb_vector_get_validity(output);
        for (idx_t row = 0; row < columns.Rows(); row++) {
            std::optional<std::string> result;
            if (columns.Valid(row)) {
                result = compute(columns, row);
            }
            if (result) {
                duckdb_vector_assign_string_element_len(output, row, result->data(), result->size());
            } else {
                duckdb_validity_set_row_invalid(validity, row);
            }
        }
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

void ToCharNumber(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    MapRows(info, input, output, 3, [](const VarcharColumns &columns, idx_t row) -> std::optional<std::string> {
        auto type = columns.Get(0, row);
        bool is_float = type == "DOUBLE" || type == "FLOAT";
        return types::NumberToChar(columns.Get(1, row), is_float, columns.Get(2, row));
    });
}

void ToNumber(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    MapRows(info, input, output, 2, [](const VarcharColumns &columns, idx_t row) -> std::optional<std::string> {
        auto number = types::NumberFromText(columns.Get(0, row), columns.Get(1, row));
        if (!number) {
            throw std::runtime_error("invalid input syntax for type numeric: \" \"");
        }
        return number;
    });
}

} // namespace

void RegisterTemplateFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    RegisterScalarFunction(connection, "duckgres_to_char_number",
                           {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR}, varchar.Get(),
                           ToCharNumber);
    RegisterScalarFunction(connection, "duckgres_to_number", {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR}, varchar.Get(),
                           ToNumber);
}

} // namespace duckgres::engine
