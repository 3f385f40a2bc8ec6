// What the registered C++ functions share: handles, string access, row-wise string functions, casts, errors.
#pragma once

#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"

#include <duckdb.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::engine {

using ScalarFunctionHandle = DuckDbHandle<duckdb_scalar_function, duckdb_destroy_scalar_function>;
using CastFunctionHandle = DuckDbHandle<duckdb_cast_function, duckdb_destroy_cast_function>;

//! The message a registered function gives DuckDB for `error`: its SQLSTATE in front ("SQLSTATE 22023: ..."),
//! which MapDuckDbError takes back out, so that the client gets PostgreSQL's code.
std::string MessageWithSqlState(const SqlError &error);

//! The bytes of the VARCHAR or BLOB at `row` of a flat string vector's data.
inline std::string_view StringAt(duckdb_string_t *strings, idx_t row) {
    return {duckdb_string_t_data(&strings[row]), duckdb_string_t_length(strings[row])};
}

//! Whether `row` of a vector with `validity` (nullptr: all valid) holds a value.
inline bool RowIsValid(uint64_t *validity, idx_t row) {
    return !validity || duckdb_validity_row_is_valid(validity, row);
}

//! Calls each(row) for every valid row of `input` (a NULL row is NULL in `output`); stops when it returns false.
template <typename Each>
bool ForEachValidRow(idx_t count, duckdb_vector input, duckdb_vector output, Each &&each) {
    auto *validity = duckdb_vector_get_validity(input);
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    for (idx_t row = 0; row < count; row++) {
        if (!RowIsValid(validity, row)) {
            duckdb_validity_set_row_invalid(out_validity, row);
            continue;
        }
        if (!each(row)) {
            return false;
        }
    }
    return true;
}

//! The body of a cast between fixed-size values: out[row] = map(in[row]) for each valid row; a NULL row stays NULL.
template <typename In, typename Out, typename Map>
void MapValueRows(idx_t count, duckdb_vector input, duckdb_vector output, Map &&map) {
    const auto *values = static_cast<const In *>(duckdb_vector_get_data(input));
    auto *out = static_cast<Out *>(duckdb_vector_get_data(output));
    ForEachValidRow(count, input, output, [&](idx_t row) {
        out[row] = map(values[row]);
        return true;
    });
}

//! The body of a cast from VARCHAR: `convert(text, row)` writes the value of each valid row into `output` (or throws
//! SqlError); a NULL row stays NULL. An error ends the statement, or under TRY_CAST makes only its row NULL.
template <typename Convert>
bool CastTextRows(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output,
                  Convert &&convert) {
    auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(input));
    return ForEachValidRow(count, input, output, [&](idx_t row) {
        try {
            convert(StringAt(strings, row), row);
        } catch (const SqlError &error) {
            const std::string message = MessageWithSqlState(error);
            if (duckdb_cast_function_get_cast_mode(info) == DUCKDB_CAST_TRY) {
                duckdb_cast_function_set_row_error(info, message.c_str(), row, output);
                return true;
            }
            duckdb_cast_function_set_error(info, message.c_str());
            return false;
        }
        return true;
    });
}

//! A function of string arguments (VARCHAR or BLOB), one row at a time; throws SqlError.
using StringRowFunction = std::string (*)(std::span<const std::string_view> arguments);

//! Registers `name(parameters...) -> result` (VARCHAR or BLOB each) computed by `function`: NULL when any argument
//! is NULL, and a SqlError ends the statement with its SQLSTATE. Throws XX000 when DuckDB refuses the function.
void RegisterStringFunction(duckdb_connection connection, const char *name, const std::vector<duckdb_type> &parameters,
                            duckdb_type result, StringRowFunction function);

//! Registers the cast `source` -> `target` done by `function` (DuckDB uses it before its own; `implicit_cost` -1:
//! only explicit casts). Throws XX000 when DuckDB refuses it.
void RegisterCast(duckdb_connection connection, duckdb_logical_type source, duckdb_logical_type target,
                  int64_t implicit_cost, duckdb_cast_function_t function);

} // namespace duckgres::engine
