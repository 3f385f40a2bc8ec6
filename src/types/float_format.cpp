// float4/float8 text output matching PostgreSQL's float4out/float8out (Ryu shortest or %g).
#include "types/text_format.hpp"

#include "types/int128.hpp"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace duckgres::types {

namespace {

template <class T>
struct FloatTraits;

template <>
struct FloatTraits<double> {
    using Bits = uint64_t;
    static constexpr int kDigits = 15;    // DBL_DIG: exponent from which %e style is used
    static constexpr int kMaxDigits = 17; // digits that always round-trip
    static constexpr int kMantissaBits = 52;
    static constexpr int kExponentBias = 1023;
    static double Parse(const char *s) { return std::strtod(s, nullptr); }
};

template <>
struct FloatTraits<float> {
    using Bits = uint32_t;
    static constexpr int kDigits = 6; // FLT_DIG
    static constexpr int kMaxDigits = 9;
    static constexpr int kMantissaBits = 23;
    static constexpr int kExponentBias = 127;
    static float Parse(const char *s) { return std::strtof(s, nullptr); }
};

//! A decimal in scientific form: digits d1.d2d3... times 10^exponent (at most 17 significant digits are ever
//! printed; the buffer holds what to_chars or %e may give, kept without allocating).
struct DecimalForm {
    bool negative = false;
    char buffer[32];
    size_t length = 0;
    int exponent = 0;

    std::string_view Digits() const { return std::string_view(buffer, length); }
};

//! Parses std::to_chars / printf "%e" output like "-1.25e-05".
DecimalForm ParseScientific(std::string_view text) {
    DecimalForm form;
    size_t i = 0;
    if (text[i] == '-') {
        form.negative = true;
        i++;
    }
    for (; i < text.size() && text[i] != 'e'; i++) {
        if (text[i] != '.' && form.length < sizeof(form.buffer)) {
            form.buffer[form.length++] = text[i];
        }
    }
    std::from_chars(text.data() + i + 1 + (text[i + 1] == '+'), text.data() + text.size(), form.exponent);
    return form;
}

//! Whether N * 10^k equals odd * 2^j exactly (N > 0, odd is odd).
bool DecimalEqualsBinary(uint64_t n, int k, uint64_t odd, int j) {
    const int twos = std::countr_zero(n);
    const uint64_t n_odd = n >> twos;
    if (twos + k != j || k > 27 || k < -27) {
        return false; // 5^28 exceeds any operand here, so larger |k| can never match
    }
    UInt128 power = 1;
    for (int i = 0; i < (k < 0 ? -k : k); i++) {
        power *= 5;
    }
    return k >= 0 ? n_odd * power == odd : odd * power == n_odd;
}

//! Whether `form` is exactly the midpoint between |v| and a neighbour. PostgreSQL's Ryu is built
//! without STRICTLY_SHORTEST and never prints such bounds; std::to_chars may (e.g. 1e23).
template <class T>
bool IsRoundingBound(T v, const DecimalForm &form) {
    using Traits = FloatTraits<T>;
    const auto bits = std::bit_cast<typename Traits::Bits>(v);
    const uint64_t mantissa = bits & ((uint64_t(1) << Traits::kMantissaBits) - 1);
    const int biased =
        static_cast<int>((bits >> Traits::kMantissaBits) & ((1 << (8 * sizeof(T) - 1 - Traits::kMantissaBits)) - 1));
    const std::string_view digits = form.Digits();
    if (digits.size() > 19 || (biased == 0 && mantissa == 0)) {
        return false;
    }
    const uint64_t m2 = biased == 0 ? mantissa : mantissa | (uint64_t(1) << Traits::kMantissaBits);
    const int e2 = (biased == 0 ? 1 : biased) - Traits::kExponentBias - Traits::kMantissaBits;
    uint64_t n = 0;
    for (char c : digits) {
        n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    const int k = form.exponent - static_cast<int>(digits.size()) + 1;
    if (DecimalEqualsBinary(n, k, 2 * m2 + 1, e2 - 1)) {
        return true;
    }
    if (mantissa == 0 && biased > 1) { // the neighbour below is half as far away
        return DecimalEqualsBinary(n, k, 4 * m2 - 1, e2 - 2);
    }
    return DecimalEqualsBinary(n, k, 2 * m2 - 1, e2 - 1);
}

//! Shortest round-trip digits that lie strictly inside the rounding interval of v.
template <class T>
DecimalForm ShortestDigits(T v) {
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
    DecimalForm form = ParseScientific(std::string_view(buf, result.ptr - buf));
    if (!IsRoundingBound(std::fabs(v), form)) {
        return form;
    }
    for (int precision = static_cast<int>(form.length) + 1; precision <= FloatTraits<T>::kMaxDigits; precision++) {
        std::snprintf(buf, sizeof(buf), "%.*e", precision - 1, static_cast<double>(v));
        DecimalForm candidate = ParseScientific(buf);
        if (FloatTraits<T>::Parse(buf) == v && !IsRoundingBound(std::fabs(v), candidate)) {
            return candidate;
        }
    }
    return form;
}

void AppendDecimalForm(std::string &out, const DecimalForm &form, int sci_threshold) {
    if (form.negative) {
        out += '-';
    }
    const std::string_view d = form.Digits();
    const int e = form.exponent;
    if (e < -4 || e >= sci_threshold) {
        out += d[0];
        if (d.size() > 1) {
            out += '.';
            out.append(d.substr(1));
        }
        out += e < 0 ? "e-" : "e+";
        const int magnitude = e < 0 ? -e : e;
        if (magnitude < 10) {
            out += '0';
        }
        out += std::to_string(magnitude);
    } else if (e < 0) {
        out += "0.";
        out.append(static_cast<size_t>(-e - 1), '0');
        out += d;
    } else if (d.size() <= static_cast<size_t>(e) + 1) {
        out += d;
        out.append(static_cast<size_t>(e) + 1 - d.size(), '0');
    } else {
        out.append(d.substr(0, e + 1));
        out += '.';
        out.append(d.substr(e + 1));
    }
}

template <class T>
void AppendFloat(std::string &out, T v, int extra_float_digits) {
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v > 0 ? "Infinity" : "-Infinity";
        return;
    }
    if (extra_float_digits > 0) {
        AppendDecimalForm(out, ShortestDigits(v), FloatTraits<T>::kDigits);
        return;
    }
    const int digits = std::max(1, FloatTraits<T>::kDigits + extra_float_digits);
    char buf[64];
    const int n = std::snprintf(buf, sizeof(buf), "%.*g", digits, static_cast<double>(v));
    out.append(buf, n);
}

} // namespace

void AppendFloat4(std::string &out, float v, int extra_float_digits) {
    AppendFloat(out, v, extra_float_digits);
}

void AppendFloat8(std::string &out, double v, int extra_float_digits) {
    AppendFloat(out, v, extra_float_digits);
}

} // namespace duckgres::types
