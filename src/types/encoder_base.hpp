// EncoderBase: the internal ValueEncoder base (validity, data pointer, DuckDB-style nested text).
#pragma once

#include "types/storage_format.hpp"
#include "types/value_encoder.hpp"

#include <duckdb.h>

#include <memory>
#include <string>

namespace duckgres::types {

class EncoderBase : public ValueEncoder {
public:
    void Bind(duckdb_vector vector) override {
        data_ = duckdb_vector_get_data(vector);
        validity_ = duckdb_vector_get_validity(vector);
        BindChildren(vector);
    }
    bool IsNull(idx_t row) const override { return validity_ && !((validity_[row / 64] >> (row % 64)) & 1); }

    //! Appends the (non-NULL) value as an element of DuckDB's own nested text, used inside MAPs:
    //! scalars quoted like DuckDB's VARCHAR cast quotes them, nested values as "[..]"/"{..}".
    virtual void AppendDuckDbElement(idx_t row, std::string &out, const TextFormatOptions &options) const {
        scratch_.clear();
        AppendText(row, scratch_, options);
        AppendDuckDbElementText(out, scratch_);
    }
    //! True when AppendText writes a PostgreSQL array literal, which nests unquoted in arrays.
    virtual bool WritesArray() const { return false; }

protected:
    virtual void BindChildren(duckdb_vector vector) {}

    template <class T>
    const T *Data() const {
        return static_cast<const T *>(data_);
    }

    //! Reused buffer for one child's text before it is quoted into the output.
    mutable std::string scratch_;

private:
    void *data_ = nullptr;
    uint64_t *validity_ = nullptr;
};

//! Builds the encoder tree for `type`; never nullptr (unsupported types report every row NULL).
std::unique_ptr<EncoderBase> CreateEncoder(duckdb_logical_type type);
//! Encoders for non-nested types; nullptr when `type` is nested or unsupported.
std::unique_ptr<EncoderBase> CreateScalarEncoder(duckdb_logical_type type);
//! Encoders for LIST, ARRAY, STRUCT, MAP and UNION; nullptr for other types.
std::unique_ptr<EncoderBase> CreateNestedEncoder(duckdb_logical_type type);

} // namespace duckgres::types
