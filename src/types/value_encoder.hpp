// ValueEncoder: turns the values of one DuckDB result column into PostgreSQL text or binary.
#pragma once

#include "types/binary_format.hpp"
#include "types/pg_type.hpp"
#include "types/text_format.hpp"

#include <duckdb.h>

#include <memory>
#include <string>

namespace duckgres::types {

//! Built once per result column from its logical type; Bind() is called for each data chunk
//! with that column's vector (caching data and validity pointers, and binding child encoders
//! for LIST/ARRAY/STRUCT/MAP), then IsNull() and AppendText() or AppendBinary() per row.
//! Not thread-safe; cheap.
class ValueEncoder {
public:
    static std::unique_ptr<ValueEncoder> Create(duckdb_logical_type type);
    virtual ~ValueEncoder() = default;

    virtual void Bind(duckdb_vector vector) = 0;
    virtual bool IsNull(idx_t row) const = 0;
    //! Appends the PostgreSQL text of the (non-NULL) value at `row`.
    virtual void AppendText(idx_t row, std::string &out, const TextFormatOptions &options) const = 0;
    //! Appends the (non-NULL) value's bytes exactly as PostgreSQL's send function for the
    //! column's mapped type (MapLogicalType) writes them, without the length word. Types reported
    //! as text (ENUM, MAP, UNION) send their text bytes. Throws SqlError 2202E for a nested list
    //! that is not rectangular, which a PostgreSQL array cannot represent.
    virtual void AppendBinary(idx_t row, std::string &out, const TextFormatOptions &options) const = 0;
};

} // namespace duckgres::types
