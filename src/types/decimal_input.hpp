// NumericToDecimal: a PostgreSQL numeric rounded into DuckDB DECIMAL(width, scale) storage, as numeric's typmod does.
#pragma once

#include "types/int128.hpp"
#include "types/text_input.hpp"

#include <cstdint>

namespace duckgres::types {

//! `value` rounded half away from zero to `scale` digits after the point, as a scaled integer (DECIMAL(width,
//! scale) storage, width <= 38). Throws PostgreSQL's 22003 "numeric field overflow" with its detail when the
//! rounded value needs more than width - scale integer digits or is infinite; NaN, which PostgreSQL's numeric
//! holds and DuckDB's DECIMAL cannot, gets the same error.
Int128 NumericToDecimal(const NumericValue &value, uint8_t width, uint8_t scale);

} // namespace duckgres::types
