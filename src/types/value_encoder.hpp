// ValueEncoder: turns the values of one DuckDB result column into PostgreSQL text.
#pragma once

#include "types/pg_type.hpp"
#include "types/text_format.hpp"

#include <duckdb.h>

#include <memory>
#include <string>

namespace duckgres::types {

//! Built once per result column from its logical type; Bind() is called for each data chunk
//! with that column's vector (caching data and validity pointers, and binding child encoders
//! for LIST/ARRAY/STRUCT/MAP), then IsNull()/AppendText() per row. Not thread-safe; cheap.
class ValueEncoder {
public:
    static std::unique_ptr<ValueEncoder> Create(duckdb_logical_type type);
    virtual ~ValueEncoder() = default;

    virtual void Bind(duckdb_vector vector) = 0;
    virtual bool IsNull(idx_t row) const = 0;
    //! Appends the PostgreSQL text of the (non-NULL) value at `row`.
    virtual void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const = 0;
};

} // namespace duckgres::types
