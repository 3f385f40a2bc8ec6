// Rounds PostgreSQL numerics into DECIMAL(width, scale) storage with PostgreSQL's overflow errors.
#include "types/decimal_input.hpp"

#include "common/sql_error.hpp"

#include <string>

namespace duckgres::types {

namespace {

[[noreturn]] void ThrowOverflow(uint8_t width, uint8_t scale, const std::string &what) {
    throw SqlError("22003", "numeric field overflow",
                   "A field with precision " + std::to_string(width) + ", scale " + std::to_string(scale) + " " + what +
                       ".");
}

} // namespace

Int128 NumericToDecimal(const NumericValue &value, uint8_t width, uint8_t scale) {
    switch (value.kind) {
    case NumericValue::Kind::kNaN:
        ThrowOverflow(width, scale, "cannot hold NaN");
    case NumericValue::Kind::kPositiveInfinity:
    case NumericValue::Kind::kNegativeInfinity:
        ThrowOverflow(width, scale, "cannot hold an infinite value");
    case NumericValue::Kind::kFinite:
        break;
    }
    const int integer_digits = width - scale;
    const auto overflow = [&]() {
        // PostgreSQL shows 10^0 as 1.
        ThrowOverflow(width, scale,
                      "must round to an absolute value less than " +
                          (integer_digits > 0 ? "10^" + std::to_string(integer_digits) : std::string("1")));
    };
    // digits * 10^-value.scale, kept to `scale` places: drop or add trailing digits.
    const auto &digits = value.digits;
    const int64_t kept = static_cast<int64_t>(digits.size()) - value.scale + scale;
    if (kept > width) {
        overflow();
    }
    UInt128 magnitude = 0;
    for (int64_t i = 0; i < kept; i++) {
        const char digit = i < static_cast<int64_t>(digits.size()) ? digits[i] : '0';
        magnitude = magnitude * 10 + static_cast<unsigned>(digit - '0');
    }
    // Half away from zero: the first dropped digit decides.
    if (kept >= 0 && kept < static_cast<int64_t>(digits.size()) && digits[kept] >= '5') {
        magnitude++;
    }
    UInt128 limit = 1;
    for (int i = 0; i < width; i++) {
        limit *= 10;
    }
    if (magnitude >= limit) {
        overflow();
    }
    return value.negative ? -static_cast<Int128>(magnitude) : static_cast<Int128>(magnitude);
}

} // namespace duckgres::types
