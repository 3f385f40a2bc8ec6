// Row-wise string functions and casts registered through DuckDB's C API, with PostgreSQL's error codes.
#include "engine/functions/function_support.hpp"

#include <vector>

namespace duckgres::engine {

namespace {

void RunStringFunction(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    auto function = *static_cast<StringRowFunction *>(duckdb_scalar_function_get_extra_info(info));
    const idx_t rows = duckdb_data_chunk_get_size(input);
    const idx_t columns = duckdb_data_chunk_get_column_count(input);
    std::vector<duckdb_string_t *> data(columns);
    std::vector<uint64_t *> validity(columns);
    for (idx_t column = 0; column < columns; column++) {
        auto vector = duckdb_data_chunk_get_vector(input, column);
        data[column] = static_cast<duckdb_string_t *>(duckdb_vector_get_data(vector));
        validity[column] = duckdb_vector_get_validity(vector);
    }
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    std::vector<std::string_view> arguments(columns);
    for (idx_t row = 0; row < rows; row++) {
        bool null = false;
        for (idx_t column = 0; column < columns && !null; column++) {
            null = !RowIsValid(validity[column], row);
            if (!null) {
                arguments[column] = StringAt(data[column], row);
            }
        }
        if (null) {
            duckdb_validity_set_row_invalid(out_validity, row);
            continue;
        }
        try {
            const std::string result = function(arguments);
            duckdb_vector_assign_string_element_len(output, row, result.data(), result.size());
        } catch (const SqlError &error) {
            duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
            return;
        }
    }
}

} // namespace

std::string MessageWithSqlState(const SqlError &error) {
    return "SQLSTATE " + error.sqlstate + ": " + error.what();
}

void RegisterStringFunction(duckdb_connection connection, const char *name, const std::vector<duckdb_type> &parameters,
                            duckdb_type result, StringRowFunction function) {
    ScalarFunctionHandle scalar(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(scalar.Get(), name);
    for (auto parameter : parameters) {
        LogicalTypeHandle type(duckdb_create_logical_type(parameter));
        duckdb_scalar_function_add_parameter(scalar.Get(), type.Get());
    }
    LogicalTypeHandle result_type(duckdb_create_logical_type(result));
    duckdb_scalar_function_set_return_type(scalar.Get(), result_type.Get());
    duckdb_scalar_function_set_special_handling(scalar.Get()); // NULLs are handled row by row
    duckdb_scalar_function_set_extra_info(scalar.Get(), new StringRowFunction(function),
                                          [](void *info) { delete static_cast<StringRowFunction *>(info); });
    duckdb_scalar_function_set_function(scalar.Get(), RunStringFunction);
    if (duckdb_register_scalar_function(connection, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register the function ") + name);
    }
}

void RegisterCast(duckdb_connection connection, duckdb_logical_type source, duckdb_logical_type target,
                  int64_t implicit_cost, duckdb_cast_function_t function) {
    CastFunctionHandle cast(duckdb_create_cast_function());
    duckdb_cast_function_set_source_type(cast.Get(), source);
    duckdb_cast_function_set_target_type(cast.Get(), target);
    duckdb_cast_function_set_implicit_cast_cost(cast.Get(), implicit_cost);
    duckdb_cast_function_set_function(cast.Get(), function);
    if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register the cast from DuckDB type " +
                                    std::to_string(duckdb_get_type_id(source)) + " to " +
                                    std::to_string(duckdb_get_type_id(target)));
    }
}

} // namespace duckgres::engine
