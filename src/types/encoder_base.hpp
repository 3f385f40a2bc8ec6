// EncoderBase: the internal ValueEncoder base (validity, data pointer, PostgreSQL OID, DuckDB-style nested text).
#pragma once

#include "types/storage_format.hpp"
#include "types/value_encoder.hpp"

#include <duckdb.h>

#include <memory>
#include <string>
#include <utility>

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

    //! For LIST/ARRAY encoders: the element encoder and the (offset, length) of a row's elements
    //! in it, which binary output walks to write nested lists as one multidimensional array.
    virtual const EncoderBase *SequenceChild() const { return nullptr; }
    virtual std::pair<idx_t, idx_t> SequenceRange(idx_t row) const { return {0, 0}; }

    //! The OID of the PostgreSQL type the values are written as (MapLogicalType of the type).
    uint32_t PgOid() const { return pg_oid_; }
    void SetPgOid(uint32_t pg_oid) { pg_oid_ = pg_oid; }

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
    uint32_t pg_oid_ = oid::kText;
};

//! Builds the encoder tree for `type` (setting each encoder's PgOid); never nullptr (unsupported
//! types report every row NULL).
std::unique_ptr<EncoderBase> CreateEncoder(duckdb_logical_type type);
//! Encoders for non-nested types; nullptr when `type` is nested or unsupported.
std::unique_ptr<EncoderBase> CreateScalarEncoder(duckdb_logical_type type);
//! Encoders for LIST, ARRAY, STRUCT, MAP and UNION; nullptr for other types.
std::unique_ptr<EncoderBase> CreateNestedEncoder(duckdb_logical_type type);

} // namespace duckgres::types
