// The row-at-a-time executor of the money and geometric functions.
#include "engine/functions/typed_row_function.hpp"

namespace duckgres::engine {

namespace {

using ScalarFunctionSetHandle = DuckDbHandle<duckdb_scalar_function_set, duckdb_destroy_scalar_function_set>;

struct FunctionInfo {
    std::vector<Slot> parameters;
    Slot result;
    TypedRowFunction function;
};

bool IsGeo(Slot slot) {
    return slot <= Slot::Circle;
}

void ReadCell(Slot slot, duckdb_vector vector, idx_t row, Cell &cell) {
    void *data = duckdb_vector_get_data(vector);
    switch (slot) {
    case Slot::Double:
        cell.number = static_cast<double *>(data)[row];
        break;
    case Slot::BigInt:
    case Slot::Money:
        cell.integer = static_cast<int64_t *>(data)[row];
        break;
    case Slot::Int4:
        cell.integer = static_cast<int32_t *>(data)[row];
        break;
    case Slot::Bool:
        cell.flag = static_cast<bool *>(data)[row];
        break;
    case Slot::Text:
        cell.text = StringAt(static_cast<duckdb_string_t *>(data), row);
        break;
    default:
        cell.geo = types::ParseGeometry(SlotGeoKind(slot), StringAt(static_cast<duckdb_string_t *>(data), row));
    }
}

void WriteResult(Slot slot, duckdb_vector output, idx_t row, const CellResult &result) {
    void *out = duckdb_vector_get_data(output);
    if (const auto *geo = std::get_if<types::Geometry>(&result)) {
        const std::string text = types::FormatGeometry(*geo);
        duckdb_vector_assign_string_element_len(output, row, text.data(), text.size());
    } else if (const auto *text = std::get_if<std::string>(&result)) {
        duckdb_vector_assign_string_element_len(output, row, text->data(), text->size());
    } else if (const auto *number = std::get_if<double>(&result)) {
        static_cast<double *>(out)[row] = *number;
    } else if (const auto *integer = std::get_if<int64_t>(&result)) {
        if (slot == Slot::Int4) {
            static_cast<int32_t *>(out)[row] = static_cast<int32_t>(*integer);
        } else {
            static_cast<int64_t *>(out)[row] = *integer;
        }
    } else if (const auto *flag = std::get_if<bool>(&result)) {
        static_cast<bool *>(out)[row] = *flag;
    }
}

void ExecuteTypedFunction(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const auto &function = *static_cast<const FunctionInfo *>(duckdb_scalar_function_get_extra_info(info));
    const idx_t rows = duckdb_data_chunk_get_size(input);
    const size_t columns = function.parameters.size();
    std::vector<duckdb_vector> vectors(columns);
    std::vector<uint64_t *> validity(columns);
    for (size_t c = 0; c < columns; c++) {
        vectors[c] = duckdb_data_chunk_get_vector(input, c);
        validity[c] = duckdb_vector_get_validity(vectors[c]);
    }
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    std::vector<Cell> cells(columns);
    try {
        for (idx_t row = 0; row < rows; row++) {
            bool null = false;
            for (size_t c = 0; c < columns && !null; c++) {
                null = !RowIsValid(validity[c], row);
                if (!null) {
                    ReadCell(function.parameters[c], vectors[c], row, cells[c]);
                }
            }
            const CellResult result = null ? CellResult() : function.function(cells);
            if (std::holds_alternative<std::monostate>(result)) {
                duckdb_validity_set_row_invalid(out_validity, row);
            } else {
                WriteResult(function.result, output, row, result);
            }
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

void AddTypedFunction(duckdb_scalar_function_set set, const TypedFunctionRow &row) {
    ScalarFunctionHandle scalar(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(scalar.Get(), row.name);
    for (auto slot : row.parameters) {
        LogicalTypeHandle type = SlotLogicalType(slot);
        duckdb_scalar_function_add_parameter(scalar.Get(), type.Get());
    }
    LogicalTypeHandle result_type = SlotLogicalType(row.result);
    duckdb_scalar_function_set_return_type(scalar.Get(), result_type.Get());
    auto *info = new FunctionInfo{row.parameters, row.result, row.function};
    duckdb_scalar_function_set_extra_info(scalar.Get(), info,
                                          [](void *data) { delete static_cast<FunctionInfo *>(data); });
    duckdb_scalar_function_set_function(scalar.Get(), ExecuteTypedFunction);
    if (duckdb_add_scalar_function_to_set(set, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not add an overload of ") + row.name);
    }
}

} // namespace

types::GeoKind SlotGeoKind(Slot slot) {
    return static_cast<types::GeoKind>(static_cast<int>(slot));
}

LogicalTypeHandle SlotLogicalType(Slot slot) {
    if (IsGeo(slot)) {
        LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        duckdb_logical_type_set_alias(type.Get(), types::GeoKindName(SlotGeoKind(slot)));
        return type;
    }
    switch (slot) {
    case Slot::Money: {
        LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
        duckdb_logical_type_set_alias(type.Get(), "money");
        return type;
    }
    case Slot::Double:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE));
    case Slot::BigInt:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
    case Slot::Int4:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    case Slot::Bool:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    default:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    }
}

void RegisterTypedFunctions(duckdb_connection connection, std::span<const TypedFunctionRow> rows) {
    for (size_t first = 0; first < rows.size();) {
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(rows[first].name));
        size_t next = first;
        for (; next < rows.size() && std::string_view(rows[next].name) == rows[first].name; next++) {
            AddTypedFunction(set.Get(), rows[next]);
        }
        if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", std::string("could not register ") + rows[first].name);
        }
        first = next;
    }
}

} // namespace duckgres::engine
