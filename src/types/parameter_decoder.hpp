// Decodes Bind parameters (PostgreSQL text or binary format) into DuckDB values, and reports parameter types.
#pragma once

#include "types/text_format.hpp"

#include <duckdb.h>

#include <cstdint>
#include <string_view>

namespace duckgres::types {

//! Owns a duckdb_value (destroyed with duckdb_destroy_value).
class OwnedValue {
public:
    OwnedValue() = default;
    explicit OwnedValue(duckdb_value value) : value_(value) {}
    OwnedValue(const OwnedValue &) = delete;
    OwnedValue &operator=(const OwnedValue &) = delete;
    OwnedValue(OwnedValue &&other) noexcept : value_(other.value_) { other.value_ = nullptr; }
    OwnedValue &operator=(OwnedValue &&other) noexcept {
        if (this != &other) {
            Reset();
            value_ = other.value_;
            other.value_ = nullptr;
        }
        return *this;
    }
    ~OwnedValue() { Reset(); }

    void Reset() {
        if (value_) {
            duckdb_destroy_value(&value_);
            value_ = nullptr;
        }
    }
    duckdb_value Get() const { return value_; }
    //! Gives up ownership.
    duckdb_value Release() {
        duckdb_value value = value_;
        value_ = nullptr;
        return value;
    }
    explicit operator bool() const { return value_ != nullptr; }

private:
    duckdb_value value_ = nullptr;
};

//! Decodes one non-NULL Bind parameter into a DuckDB value.
//!
//! `type_oid` is the parameter's PostgreSQL type (from Parse, or ParameterTypeOid of the type
//! DuckDB inferred, or 0 = unknown); `format` 0 is text, 1 binary. Values by OID:
//! bool -> BOOLEAN, int2/int4/int8 -> SMALLINT/INTEGER/BIGINT, oid -> UINTEGER, float4/float8 ->
//! FLOAT/DOUBLE, numeric -> DECIMAL(w,s) (up to 38 digits; larger integers BIGNUM, larger
//! fractions VARCHAR; NaN and +/-Infinity DOUBLE), bytea -> BLOB, date/time/timetz/timestamp/
//! timestamptz/interval/uuid -> the DuckDB type of the same name, bit/varbit -> BIT, arrays of
//! these -> (nested) LISTs, and text, varchar, bpchar, name, "char", json, jsonb, unknown (705), 0
//! and OIDs Duckgres does not know -> VARCHAR (DuckDB casts them to the parameter's type).
//! Text input follows PostgreSQL 15's input functions (see text_input.hpp, datetime_input.hpp,
//! array_input.hpp) with the session's TimeZone from `options`; binary input is what PostgreSQL's
//! send functions (and ValueEncoder::AppendBinary) write.
//!
//! Throws SqlError with PostgreSQL's SQLSTATE and message, e.g. 22P02 `invalid input syntax for
//! type integer: "abc"`, 22003 `value "99999999999" is out of range for type integer`, 22007/22008
//! for dates, 22021 for invalid UTF-8, 0A000 for record parameters (PostgreSQL cannot read anonymous
//! records either) and for binary parameters of OIDs Duckgres does not know, 22023 for a format
//! other than 0/1. Binary input shorter than its type needs is 08P01 `insufficient data left in
//! message`; longer is 22P03 `incorrect binary data format in bind parameter <parameter_number>`
//! (PostgreSQL's codes; parameter_number is 1-based).
OwnedValue DecodeParameter(uint32_t type_oid, int16_t format, std::string_view bytes, const TextFormatOptions &options,
                           int parameter_number = 1);

//! A range column's value of COPY FROM (type_oid a range type's): its storage bytes as \xHH escapes, which DuckDB's
//! appender (default casts only: text to BLOB) stores into the column as those bytes. Errors as DecodeParameter's.
OwnedValue DecodeRangeColumnValue(uint32_t type_oid, int16_t format, std::string_view bytes,
                                  const TextFormatOptions &options);

//! A COPY FROM field for a column of PostgreSQL type `type_oid`: as DecodeParameter, except that money becomes its
//! BIGINT of cents and a geometric value its canonical text, which the column stores as they are (DuckDB's appender
//! casts with its built-in casts only).
OwnedValue DecodeColumnValue(uint32_t type_oid, int16_t format, std::string_view bytes,
                             const TextFormatOptions &options, int parameter_number);

//! The OID to report in ParameterDescription for a parameter DuckDB inferred as `type`:
//! MapLogicalType's OID, except 25 (text) when DuckDB could not infer it (duckdb_param_logical_type
//! returns nullptr and duckdb_param_type DUCKDB_TYPE_INVALID for `SELECT $1` and `SELECT $1 + 1`),
//! for ANY/SQLNULL, and for STRUCTs and lists of them (record, record[]: PostgreSQL has no input
//! for anonymous records; as text, DuckDB casts its own struct syntax). Every OID returned is one
//! DecodeParameter reads in both formats.
uint32_t ParameterTypeOid(duckdb_logical_type type);

//! The type a text parameter of unknown type most likely has, from its text alone: int8 for
//! integers, float8 for other numbers, text otherwise.
uint32_t GuessTextValueOid(std::string_view text);

//! The scale (digits after the point, at most 38) of a numeric parameter value in text or
//! PostgreSQL's binary form (its dscale); 0 when it cannot tell.
int NumericValueScale(std::string_view value, bool binary);

//! The element type OID of a PostgreSQL array type OID whose values DecodeParameter decodes as arrays, in text
//! and binary (1007 -> 23): the element types with binary receive in pg_type.cpp's table. 0 for other OIDs,
//! including the arrays of xid, aclitem and record (xid[] and aclitem[] are read as text, record[] is refused).
uint32_t ArrayElementTypeOf(uint32_t array_oid);

} // namespace duckgres::types
