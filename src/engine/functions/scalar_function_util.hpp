// Helpers for registering scalar functions through DuckDB's C API: VARCHAR arguments read row by row.
#pragma once

#include "common/duckdb_handles.hpp"

#include <duckdb.h>

#include <initializer_list>
#include <string_view>

namespace duckgres::engine {

using ScalarFunctionHandle = DuckDbHandle<duckdb_scalar_function, duckdb_destroy_scalar_function>;

//! Registers `name(parameters...) -> result` calling `callback`; throws SqlError XX000 when DuckDB refuses.
void RegisterScalarFunction(duckdb_connection connection, const char *name,
                            std::initializer_list<duckdb_type> parameters, duckdb_logical_type result,
                            duckdb_scalar_function_t callback);

//! The VARCHAR argument columns of one chunk, read row by row (NULL: nullopt-like `valid` false).
class VarcharColumns {
public:
    VarcharColumns(duckdb_data_chunk input, idx_t count);
    idx_t Rows() const { return rows_; }
    //! Whether every argument of `row` is non-NULL.
    bool Valid(idx_t row) const;
    std::string_view Get(idx_t column, idx_t row) const;

private:
    idx_t rows_;
    idx_t count_;
    duckdb_string_t *data_[4] = {};
    uint64_t *validity_[4] = {};
};

} // namespace duckgres::engine
