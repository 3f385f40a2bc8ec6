// Registration of scalar functions and reading of their VARCHAR arguments through DuckDB's C API.
#include "engine/functions/scalar_function_util.hpp"

#include "common/sql_error.hpp"

#include <string>

namespace duckgres::engine {

void RegisterScalarFunction(duckdb_connection connection, const char *name,
                            std::initializer_list<duckdb_type> parameters, duckdb_logical_type result,
                            duckdb_scalar_function_t callback) {
    ScalarFunctionHandle function(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(function.Get(), name);
    for (auto type : parameters) {
        LogicalTypeHandle parameter(duckdb_create_logical_type(type));
        duckdb_scalar_function_add_parameter(function.Get(), parameter.Get());
    }
    duckdb_scalar_function_set_return_type(function.Get(), result);
    duckdb_scalar_function_set_function(function.Get(), callback);
    if (duckdb_register_scalar_function(connection, function.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register ") + name);
    }
}

VarcharColumns::VarcharColumns(duckdb_data_chunk input, idx_t count)
    : rows_(duckdb_data_chunk_get_size(input)), count_(count) {
    for (idx_t column = 0; column < count_ && column < 4; column++) {
        auto vector = duckdb_data_chunk_get_vector(input, column);
        data_[column] = static_cast<duckdb_string_t *>(duckdb_vector_get_data(vector));
        validity_[column] = duckdb_vector_get_validity(vector);
    }
}

bool VarcharColumns::Valid(idx_t row) const {
    for (idx_t column = 0; column < count_; column++) {
        if (validity_[column] && !duckdb_validity_row_is_valid(validity_[column], row)) {
            return false;
        }
    }
    return true;
}

std::string_view VarcharColumns::Get(idx_t column, idx_t row) const {
    return {duckdb_string_t_data(&data_[column][row]), duckdb_string_t_length(data_[column][row])};
}

} // namespace duckgres::engine
