// exp, ln, log and power of decimal values, rounded to a fixed scale, with PostgreSQL's numeric errors.
#pragma once

#include "common/decimal_arithmetic.hpp"

namespace duckgres::engine {

//! The numeric functions PostgreSQL computes exactly and DuckDB only as DOUBLE.
enum class TranscendentalFunction {
    kExp,   //!< exp(x)
    kLn,    //!< ln(x)
    kLog10, //!< log(x), log10(x)
    kLog,   //!< log(b, x): the logarithm of x to base b
    kPower, //!< power(x, y), pow(x, y)
};

//! function(first[, second]) rounded half away from zero to `scale` decimals, as the unscaled integer of that scale.
//! Computed in 113-bit binary floating point (about 34 significant digits), so results of more than about 30
//! digits lose their last ones. Throws SqlError as PostgreSQL: a logarithm of zero or of a negative number is
//! 2201E, log to base 1 22012, zero to a negative power or a negative number to a non-integer power 2201F, a result
//! beyond 38 digits 22003.
DecimalInt ComputeTranscendental(TranscendentalFunction function, ScaledDecimal first, ScaledDecimal second, int scale);

} // namespace duckgres::engine
