// array_ndims, array_dims, array_length and cardinality: the dimensions of a (nested) DuckDB list.
#include "engine/functions/array_functions.hpp"

#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace duckgres::engine {

namespace {

using ScalarFunctionHandle = DuckDbHandle<duckdb_scalar_function, duckdb_destroy_scalar_function>;

bool IsValid(duckdb_vector vector, idx_t row) {
    uint64_t *validity = duckdb_vector_get_validity(vector);
    return validity == nullptr || duckdb_validity_row_is_valid(validity, row);
}

//! The dimensions of the array at `row` of `list` as PostgreSQL sees them: each level's length, taken from its
//! first element (PostgreSQL's arrays are rectangular); empty for an empty array. nullopt for NULL.
std::optional<std::vector<int64_t>> Dimensions(duckdb_vector list, idx_t row) {
    if (!IsValid(list, row)) {
        return std::nullopt;
    }
    std::vector<int64_t> dims;
    duckdb_vector level = list;
    idx_t index = row;
    while (true) {
        LogicalTypeHandle type(duckdb_vector_get_column_type(level));
        if (duckdb_get_type_id(type.Get()) != DUCKDB_TYPE_LIST) {
            break;
        }
        if (!IsValid(level, index)) {
            break;
        }
        const auto &entry = static_cast<duckdb_list_entry *>(duckdb_vector_get_data(level))[index];
        if (entry.length == 0) {
            break;
        }
        dims.push_back(static_cast<int64_t>(entry.length));
        index = entry.offset;
        level = duckdb_list_vector_get_child(level);
    }
    return dims;
}

void SetNull(duckdb_vector vector, idx_t row) {
    duckdb_vector_ensure_validity_writable(vector);
    duckdb_validity_set_row_invalid(duckdb_vector_get_validity(vector), row);
}

//! Runs `compute(dims, row)` for each row whose array is not NULL; it returns nullopt for a NULL result.
template <class T, class Compute>
void ForEachArray(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output, Compute compute) {
    try {
        duckdb_vector arrays = duckdb_data_chunk_get_vector(input, 0);
        LogicalTypeHandle type(duckdb_vector_get_column_type(arrays));
        if (duckdb_get_type_id(type.Get()) != DUCKDB_TYPE_LIST) {
            throw SqlError("42883", "the argument is not an array");
        }
        const idx_t rows = duckdb_data_chunk_get_size(input);
        for (idx_t row = 0; row < rows; row++) {
            auto dims = Dimensions(arrays, row);
            std::optional<T> result = dims ? compute(*dims, row) : std::nullopt;
            if (!result) {
                SetNull(output, row);
            } else if constexpr (std::is_same_v<T, std::string>) {
                duckdb_vector_assign_string_element_len(output, row, result->data(), result->size());
            } else {
                static_cast<T *>(duckdb_vector_get_data(output))[row] = *result;
            }
        }
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

void ArrayNdims(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    ForEachArray<int32_t>(info, input, output, [](const std::vector<int64_t> &dims, idx_t) -> std::optional<int32_t> {
        if (dims.empty()) {
            return std::nullopt;
        }
        return static_cast<int32_t>(dims.size());
    });
}

void ArrayDims(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    ForEachArray<std::string>(info, input, output,
                              [](const std::vector<int64_t> &dims, idx_t) -> std::optional<std::string> {
                                  if (dims.empty()) {
                                      return std::nullopt;
                                  }
                                  std::string text;
                                  for (int64_t length : dims) {
                                      text += "[1:" + std::to_string(length) + "]";
                                  }
                                  return text;
                              });
}

void ArrayLength(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    duckdb_vector dimensions = duckdb_data_chunk_get_vector(input, 1);
    const auto *dimension = static_cast<const int32_t *>(duckdb_vector_get_data(dimensions));
    ForEachArray<int32_t>(
        info, input, output, [&](const std::vector<int64_t> &dims, idx_t row) -> std::optional<int32_t> {
            if (!IsValid(dimensions, row) || dimension[row] < 1 || static_cast<size_t>(dimension[row]) > dims.size()) {
                return std::nullopt;
            }
            return static_cast<int32_t>(dims[dimension[row] - 1]);
        });
}

void Cardinality(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    ForEachArray<int32_t>(info, input, output, [](const std::vector<int64_t> &dims, idx_t) -> std::optional<int32_t> {
        int64_t count = dims.empty() ? 0 : 1;
        for (int64_t length : dims) {
            count *= length;
        }
        return static_cast<int32_t>(count);
    });
}

struct ShapeFunction {
    const char *name;
    bool takes_dimension;
    duckdb_type result;
    duckdb_scalar_function_t function;
};

constexpr ShapeFunction kShapeFunctions[] = {
    {"duckgres_array_ndims", false, DUCKDB_TYPE_INTEGER, ArrayNdims},
    {"duckgres_array_dims", false, DUCKDB_TYPE_VARCHAR, ArrayDims},
    {"duckgres_array_length", true, DUCKDB_TYPE_INTEGER, ArrayLength},
    {"duckgres_cardinality", false, DUCKDB_TYPE_INTEGER, Cardinality},
};

} // namespace

void RegisterArrayFunctions(duckdb_connection connection) {
    for (const ShapeFunction &shape : kShapeFunctions) {
        ScalarFunctionHandle function(duckdb_create_scalar_function());
        LogicalTypeHandle any(duckdb_create_logical_type(DUCKDB_TYPE_ANY));
        LogicalTypeHandle integer(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
        LogicalTypeHandle result(duckdb_create_logical_type(shape.result));
        duckdb_scalar_function_set_name(function.Get(), shape.name);
        duckdb_scalar_function_add_parameter(function.Get(), any.Get());
        if (shape.takes_dimension) {
            duckdb_scalar_function_add_parameter(function.Get(), integer.Get());
        }
        duckdb_scalar_function_set_return_type(function.Get(), result.Get());
        duckdb_scalar_function_set_function(function.Get(), shape.function);
        if (duckdb_register_scalar_function(connection, function.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", std::string("could not register ") + shape.name);
        }
    }
}

} // namespace duckgres::engine
