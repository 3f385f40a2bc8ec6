// Exact quotients and square roots of decimal values (scaled 128-bit integers), rounded as PostgreSQL's numeric.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace duckgres {

__extension__ typedef __int128 DecimalInt;
__extension__ typedef unsigned __int128 DecimalUInt;

//! A decimal value: unscaled / 10^scale (DuckDB's DECIMAL storage, PostgreSQL's numeric without NaN).
struct ScaledDecimal {
    DecimalInt unscaled = 0;
    int scale = 0;
};

//! 10^0 .. 10^38.
constexpr std::array<DecimalUInt, 39> kPowersOfTen = [] {
    std::array<DecimalUInt, 39> powers{};
    powers[0] = 1;
    for (size_t i = 1; i < powers.size(); i++) {
        powers[i] = powers[i - 1] * 10;
    }
    return powers;
}();

//! 10^exponent for 0 <= exponent <= 38.
constexpr DecimalUInt PowerOfTen(int exponent) {
    return kPowersOfTen[static_cast<size_t>(exponent)];
}

//! The largest value that times 10^digits stays below 2^127, for 0 <= digits <= 38.
constexpr std::array<DecimalUInt, 39> kProductLimits = [] {
    std::array<DecimalUInt, 39> limits{};
    for (size_t i = 0; i < limits.size(); i++) {
        limits[i] = ((static_cast<DecimalUInt>(1) << 127) - 1) / kPowersOfTen[i];
    }
    return limits;
}();

//! The largest magnitude of a 38-digit DECIMAL.
constexpr DecimalUInt kMaxDecimal38 = PowerOfTen(38) - 1;

//! dividend / divisor rounded half away from zero to `scale` decimals, as the unscaled integer of that scale; nullopt
//! when the divisor is zero or the quotient needs more than 38 digits. Exact while the divisor has at most 37 digits
//! (a 38-digit divisor loses its last digit).
inline std::optional<DecimalInt> DivideDecimal(ScaledDecimal dividend, ScaledDecimal divisor, int scale) {
    if (divisor.unscaled == 0) {
        return std::nullopt;
    }
    const bool negative = (dividend.unscaled < 0) != (divisor.unscaled < 0);
    DecimalUInt numerator = dividend.unscaled < 0 ? -static_cast<DecimalUInt>(dividend.unscaled)
                                                  : static_cast<DecimalUInt>(dividend.unscaled);
    DecimalUInt denominator =
        divisor.unscaled < 0 ? -static_cast<DecimalUInt>(divisor.unscaled) : static_cast<DecimalUInt>(divisor.unscaled);
    // The quotient's unscaled value is numerator * 10^shift / denominator.
    int shift = scale + divisor.scale - dividend.scale;
    constexpr DecimalUInt kDenominatorLimit = PowerOfTen(37);
    while (denominator > kDenominatorLimit) {
        denominator = (denominator + 5) / 10;
        shift--;
    }
    for (; shift < 0; shift++) {
        numerator = (numerator + 5) / 10;
    }
    DecimalUInt quotient = numerator / denominator;
    DecimalUInt remainder = numerator % denominator;
    // Long division, as many digits at a time as remainder * 10^digits keeps in 127 bits.
    while (shift > 0) {
        int digits = 1;
        while (digits < shift && digits < 38 && denominator <= kProductLimits[static_cast<size_t>(digits) + 1]) {
            digits++;
        }
        const DecimalUInt power = PowerOfTen(digits);
        if (quotient > kMaxDecimal38 / power) {
            return std::nullopt;
        }
        const DecimalUInt product = remainder * power;
        quotient = quotient * power + product / denominator;
        remainder = product % denominator;
        shift -= digits;
    }
    if (remainder * 2 >= denominator) {
        quotient++;
    }
    if (quotient > kMaxDecimal38) {
        return std::nullopt;
    }
    const auto magnitude = static_cast<DecimalInt>(quotient);
    return negative ? -magnitude : magnitude;
}

//! PostgreSQL's display scale of dividend / divisor (select_div_scale): enough decimals for 16 significant digits,
//! counted in its base-10000 digits, and at least either operand's scale.
inline int DivisionScale(ScaledDecimal dividend, ScaledDecimal divisor) {
    // The weight (power of 10000) of the first non-zero base-10000 digit of `value`, and that digit.
    const auto first_digit = [](ScaledDecimal value) -> std::pair<int, DecimalUInt> {
        DecimalUInt magnitude =
            value.unscaled < 0 ? -static_cast<DecimalUInt>(value.unscaled) : static_cast<DecimalUInt>(value.unscaled);
        if (magnitude == 0) {
            return {0, 0};
        }
        int digits = 0;
        for (DecimalUInt rest = magnitude; rest > 0; rest /= 10) {
            digits++;
        }
        const int exponent = digits - 1 - value.scale; // the power of ten of the leading decimal digit
        const int weight = exponent >= 0 ? exponent / 4 : -((-exponent + 3) / 4);
        const int below = 4 * weight + value.scale; // decimal digits of `magnitude` below that base-10000 digit
        return {weight, below >= 0 ? magnitude / PowerOfTen(below) : magnitude * PowerOfTen(-below)};
    };
    const auto [weight1, digit1] = first_digit(dividend);
    const auto [weight2, digit2] = first_digit(divisor);
    int quotient_weight = weight1 - weight2;
    if (digit1 <= digit2) {
        quotient_weight--;
    }
    constexpr int kMinSignificantDigits = 16;
    constexpr int kMaxDisplayScale = 1000;
    const int scale = std::max({kMinSignificantDigits - quotient_weight * 4, dividend.scale, divisor.scale, 0});
    return std::min(scale, kMaxDisplayScale);
}

//! The 256-bit product of two unsigned 128-bit integers, as {high, low} halves.
struct DecimalProduct {
    DecimalUInt high = 0;
    DecimalUInt low = 0;

    bool operator<=(const DecimalProduct &other) const {
        return high < other.high || (high == other.high && low <= other.low);
    }
};

inline DecimalProduct MultiplyWide(DecimalUInt a, DecimalUInt b) {
    constexpr DecimalUInt kLowMask = (static_cast<DecimalUInt>(1) << 64) - 1;
    const DecimalUInt a_low = a & kLowMask, a_high = a >> 64;
    const DecimalUInt b_low = b & kLowMask, b_high = b >> 64;
    const DecimalUInt low_low = a_low * b_low;
    const DecimalUInt middle1 = a_high * b_low;
    const DecimalUInt middle2 = a_low * b_high;
    const DecimalUInt carry = ((low_low >> 64) + (middle1 & kLowMask) + (middle2 & kLowMask)) >> 64;
    DecimalProduct product;
    product.low = low_low + (middle1 << 64) + (middle2 << 64);
    product.high = a_high * b_high + (middle1 >> 64) + (middle2 >> 64) + carry;
    return product;
}

//! sqrt(value) rounded half up to `scale` decimals (at most 19), as the unscaled integer of that scale; nullopt for a
//! negative value.
inline std::optional<DecimalInt> SquareRootDecimal(ScaledDecimal value, int scale) {
    if (value.unscaled < 0) {
        return std::nullopt;
    }
    // root = floor(sqrt(radicand)), radicand = value * 10^(2 * scale).
    DecimalUInt unscaled = static_cast<DecimalUInt>(value.unscaled);
    int exponent = 2 * scale - value.scale;
    for (; exponent < 0; exponent++) {
        unscaled = (unscaled + 5) / 10;
    }
    const DecimalProduct radicand = MultiplyWide(unscaled, PowerOfTen(exponent));
    DecimalUInt root = 0;
    for (int bit = 127; bit >= 0; bit--) {
        const DecimalUInt candidate = root | (static_cast<DecimalUInt>(1) << bit);
        if (MultiplyWide(candidate, candidate) <= radicand) {
            root = candidate;
        }
    }
    // Round up when radicand > root^2 + root, i.e. sqrt(radicand) >= root + 1/2.
    const DecimalProduct halfway = MultiplyWide(root, root + 1);
    if (!(radicand <= halfway)) {
        root++;
    }
    return static_cast<DecimalInt>(root);
}

//! The plain text of `value`: "-0.050" for {-50, 3}.
inline std::string DecimalText(ScaledDecimal value) {
    DecimalUInt magnitude =
        value.unscaled < 0 ? -static_cast<DecimalUInt>(value.unscaled) : static_cast<DecimalUInt>(value.unscaled);
    std::string digits;
    for (; magnitude > 0; magnitude /= 10) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    }
    if (digits.size() <= static_cast<size_t>(value.scale)) {
        digits.insert(0, static_cast<size_t>(value.scale) + 1 - digits.size(), '0');
    }
    if (value.scale > 0) {
        digits.insert(digits.size() - static_cast<size_t>(value.scale), 1, '.');
    }
    return (value.unscaled < 0 ? "-" : "") + digits;
}

} // namespace duckgres
