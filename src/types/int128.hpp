// 128-bit integer helpers for DuckDB's HUGEINT/UHUGEINT/UUID/DECIMAL storage.
#pragma once

#include <duckdb.h>

#include <string>

namespace duckgres::types {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

inline Int128 ToInt128(duckdb_hugeint v) {
    return static_cast<Int128>((static_cast<UInt128>(static_cast<uint64_t>(v.upper)) << 64) | v.lower);
}

inline UInt128 ToUInt128(duckdb_uhugeint v) {
    return (static_cast<UInt128>(v.upper) << 64) | v.lower;
}

inline duckdb_hugeint FromInt128(Int128 v) {
    duckdb_hugeint result;
    result.lower = static_cast<uint64_t>(v);
    result.upper = static_cast<int64_t>(v >> 64);
    return result;
}

//! Appends the decimal digits of `v`.
void AppendUInt128Digits(std::string &out, UInt128 v);

} // namespace duckgres::types
