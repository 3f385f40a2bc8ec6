// Numeric functions DuckDB lacks with PostgreSQL's result type: quotients, roots, exp, logs and powers of decimals.
#include "engine/functions/numeric_functions.hpp"

#include "common/decimal_arithmetic.hpp"
#include "engine/functions/function_support.hpp"
#include "engine/functions/numeric_transcendental.hpp"
#include "types/int128.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::engine {

namespace {

//! The scale of quotients: PostgreSQL's division scale for quotients from 1 to 9999 (at least 16 significant digits,
//! counted in base-10000 digits); one DuckDB type holds every row, so it cannot vary with the values as PostgreSQL's
//! does. Standard deviations have their variance's scale.
constexpr int kQuotientScale = 16;
//! The scale of sqrt(numeric): PostgreSQL's for arguments from 1 to 9999.
constexpr int kSquareRootScale = 15;

//! Reads the rows of a flat DECIMAL or integer vector as scaled decimals.
class DecimalColumn {
public:
    explicit DecimalColumn(duckdb_vector vector)
        : data_(duckdb_vector_get_data(vector)), validity_(duckdb_vector_get_validity(vector)) {
        LogicalTypeHandle type(duckdb_vector_get_column_type(vector));
        storage_ = duckdb_get_type_id(type.Get());
        if (storage_ == DUCKDB_TYPE_DECIMAL) {
            scale_ = duckdb_decimal_scale(type.Get());
            storage_ = duckdb_decimal_internal_type(type.Get());
        }
    }

    bool Valid(idx_t row) const { return RowIsValid(validity_, row); }

    ScaledDecimal Get(idx_t row) const { return {Unscaled(row), scale_}; }

private:
    template <typename T>
    T At(idx_t row) const {
        return static_cast<const T *>(data_)[row];
    }

    DecimalInt Unscaled(idx_t row) const {
        switch (storage_) {
        case DUCKDB_TYPE_TINYINT:
            return At<int8_t>(row);
        case DUCKDB_TYPE_SMALLINT:
            return At<int16_t>(row);
        case DUCKDB_TYPE_INTEGER:
            return At<int32_t>(row);
        case DUCKDB_TYPE_BIGINT:
            return At<int64_t>(row);
        case DUCKDB_TYPE_UTINYINT:
            return At<uint8_t>(row);
        case DUCKDB_TYPE_USMALLINT:
            return At<uint16_t>(row);
        case DUCKDB_TYPE_UINTEGER:
            return At<uint32_t>(row);
        case DUCKDB_TYPE_UBIGINT:
            return At<uint64_t>(row);
        case DUCKDB_TYPE_HUGEINT:
            return types::ToInt128(At<duckdb_hugeint>(row));
        default:
            throw SqlError("42883", "operator does not exist: numeric / " + std::to_string(storage_));
        }
    }

    const void *data_;
    uint64_t *validity_;
    duckdb_type storage_;
    int scale_ = 0;
};

//! Writes compute(arguments) for each row whose arguments are all non-NULL as a DECIMAL(38, scale); a SqlError
//! ends the statement with its SQLSTATE.
template <size_t kArity, typename Compute>
void DecimalRows(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output, Compute &&compute) {
    try {
        std::vector<DecimalColumn> columns;
        for (size_t column = 0; column < kArity; column++) {
            columns.emplace_back(duckdb_data_chunk_get_vector(input, column));
        }
        auto *results = static_cast<duckdb_hugeint *>(duckdb_vector_get_data(output));
        duckdb_vector_ensure_validity_writable(output);
        auto *out_validity = duckdb_vector_get_validity(output);
        const idx_t rows = duckdb_data_chunk_get_size(input);
        std::array<ScaledDecimal, kArity> arguments;
        for (idx_t row = 0; row < rows; row++) {
            bool valid = true;
            for (size_t column = 0; column < kArity; column++) {
                valid = valid && columns[column].Valid(row);
            }
            if (!valid) {
                duckdb_validity_set_row_invalid(out_validity, row);
                continue;
            }
            for (size_t column = 0; column < kArity; column++) {
                arguments[column] = columns[column].Get(row);
            }
            const auto result = compute(arguments);
            if (!result || *result > static_cast<DecimalInt>(kMaxDecimal38) ||
                *result < -static_cast<DecimalInt>(kMaxDecimal38)) {
                throw SqlError("22003", "numeric field overflow");
            }
            results[row] = types::FromInt128(*result);
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    }
}

void NumericDivide(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    DecimalRows<2>(info, input, output, [](const std::array<ScaledDecimal, 2> &arguments) {
        if (arguments[1].unscaled == 0) {
            throw SqlError("22012", "division by zero");
        }
        return DivideDecimal(arguments[0], arguments[1], kQuotientScale);
    });
}

template <int kScale>
void NumericSquareRoot(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    DecimalRows<1>(info, input, output, [](const std::array<ScaledDecimal, 1> &arguments) {
        if (arguments[0].unscaled < 0) {
            throw SqlError("2201F", "cannot take square root of a negative number");
        }
        return SquareRootDecimal(arguments[0], kScale);
    });
}

template <TranscendentalFunction kFunction, size_t kArity>
void NumericTranscendental(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    DecimalRows<kArity>(info, input, output, [](const std::array<ScaledDecimal, kArity> &arguments) {
        return std::optional<DecimalInt>(
            ComputeTranscendental(kFunction, arguments[0], arguments[kArity - 1], kQuotientScale));
    });
}

//! Registers `name(ANY...)` -> DECIMAL(38, scale) computed by `function`.
void RegisterDecimalFunction(duckdb_connection connection, const char *name, int arity, int scale,
                             duckdb_scalar_function_t function) {
    ScalarFunctionHandle handle(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(handle.Get(), name);
    LogicalTypeHandle any(duckdb_create_logical_type(DUCKDB_TYPE_ANY));
    for (int i = 0; i < arity; i++) {
        duckdb_scalar_function_add_parameter(handle.Get(), any.Get());
    }
    LogicalTypeHandle result(duckdb_create_decimal_type(38, static_cast<uint8_t>(scale)));
    duckdb_scalar_function_set_return_type(handle.Get(), result.Get());
    duckdb_scalar_function_set_function(handle.Get(), function);
    if (duckdb_register_scalar_function(connection, handle.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register ") + name);
    }
}

} // namespace

void RegisterNumericFunctions(duckdb_connection connection) {
    RegisterDecimalFunction(connection, "duckgres_numeric_divide", 2, kQuotientScale, NumericDivide);
    RegisterDecimalFunction(connection, "duckgres_numeric_sqrt", 1, kSquareRootScale,
                            NumericSquareRoot<kSquareRootScale>);
    RegisterDecimalFunction(connection, "duckgres_deviation_sqrt", 1, kQuotientScale,
                            NumericSquareRoot<kQuotientScale>);
    RegisterDecimalFunction(connection, "duckgres_numeric_exp", 1, kQuotientScale,
                            NumericTranscendental<TranscendentalFunction::kExp, 1>);
    RegisterDecimalFunction(connection, "duckgres_numeric_ln", 1, kQuotientScale,
                            NumericTranscendental<TranscendentalFunction::kLn, 1>);
    RegisterDecimalFunction(connection, "duckgres_numeric_log10", 1, kQuotientScale,
                            NumericTranscendental<TranscendentalFunction::kLog10, 1>);
    RegisterDecimalFunction(connection, "duckgres_numeric_log", 2, kQuotientScale,
                            NumericTranscendental<TranscendentalFunction::kLog, 2>);
    RegisterDecimalFunction(connection, "duckgres_numeric_power", 2, kQuotientScale,
                            NumericTranscendental<TranscendentalFunction::kPower, 2>);
}

} // namespace duckgres::engine
