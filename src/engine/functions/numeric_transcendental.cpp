// exp, ln, log and power of decimal values in quad precision, rounded as PostgreSQL's numeric results.
#include "engine/functions/numeric_transcendental.hpp"

#include "common/sql_error.hpp"

#include <quadmath.h>

namespace duckgres::engine {

namespace {

__extension__ typedef __float128 Quad;

//! 10^exponent, exact for 0 <= exponent <= 48.
Quad QuadPowerOfTen(int exponent) {
    Quad power = 1;
    for (int i = 0; i < exponent; i++) {
        power *= 10;
    }
    return power;
}

Quad ToQuad(ScaledDecimal value) {
    return static_cast<Quad>(value.unscaled) / QuadPowerOfTen(value.scale);
}

//! The argument of a logarithm: positive, else 2201E.
Quad LogarithmArgument(ScaledDecimal value) {
    if (value.unscaled == 0) {
        throw SqlError("2201E", "cannot take logarithm of zero");
    }
    if (value.unscaled < 0) {
        throw SqlError("2201E", "cannot take logarithm of a negative number");
    }
    return ToQuad(value);
}

//! base^exponent with PostgreSQL's rules for zero and negative bases.
Quad Power(ScaledDecimal base, ScaledDecimal exponent) {
    const Quad y = ToQuad(exponent);
    if (exponent.unscaled == 0) {
        return 1; // 0 ^ 0 included
    }
    if (base.unscaled == 0) {
        if (exponent.unscaled < 0) {
            throw SqlError("2201F", "zero raised to a negative power is undefined");
        }
        return 0;
    }
    if (base.unscaled > 0) {
        return powq(ToQuad(base), y);
    }
    if (truncq(y) != y) {
        throw SqlError("2201F", "a negative number raised to a non-integer power yields a complex result");
    }
    const Quad magnitude = powq(-ToQuad(base), y);
    return fmodq(y, 2) == 0 ? magnitude : -magnitude;
}

Quad Compute(TranscendentalFunction function, ScaledDecimal first, ScaledDecimal second) {
    switch (function) {
    case TranscendentalFunction::kExp:
        return expq(ToQuad(first));
    case TranscendentalFunction::kLn:
        return logq(LogarithmArgument(first));
    case TranscendentalFunction::kLog10:
        return log10q(LogarithmArgument(first));
    case TranscendentalFunction::kLog: {
        const Quad base = LogarithmArgument(first);
        const Quad value = LogarithmArgument(second);
        if (base == 1) {
            throw SqlError("22012", "division by zero");
        }
        return logq(value) / logq(base);
    }
    case TranscendentalFunction::kPower:
        return Power(first, second);
    }
    return 0;
}

} // namespace

DecimalInt ComputeTranscendental(TranscendentalFunction function, ScaledDecimal first, ScaledDecimal second,
                                 int scale) {
    const Quad scaled = roundq(Compute(function, first, second) * QuadPowerOfTen(scale));
    if (!(fabsq(scaled) <= static_cast<Quad>(kMaxDecimal38))) {
        throw SqlError("22003", "value overflows numeric format");
    }
    return static_cast<DecimalInt>(scaled);
}

} // namespace duckgres::engine
