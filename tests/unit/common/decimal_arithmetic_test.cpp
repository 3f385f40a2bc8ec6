// Exact decimal quotients and square roots and PostgreSQL's division scale, from tables of cases checked against
// PostgreSQL 15.
#include "common/decimal_arithmetic.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres {
namespace {

struct QuotientCase {
    ScaledDecimal dividend;
    ScaledDecimal divisor;
    int scale;
    const char *expected; //!< nullptr: no quotient (zero divisor or beyond 38 digits)
};

constexpr DecimalInt kBig = static_cast<DecimalInt>(PowerOfTen(37)) * 3; // 3e37

const QuotientCase kQuotients[] = {
    {{1, 0}, {3, 0}, 20, "0.33333333333333333333"},
    {{7, 0}, {3, 0}, 16, "2.3333333333333333"},
    {{-7, 0}, {3, 0}, 16, "-2.3333333333333333"},
    {{7, 0}, {-3, 0}, 16, "-2.3333333333333333"},
    {{2, 0}, {3, 0}, 16, "0.6666666666666667"}, // half away from zero
    {{-2, 0}, {3, 0}, 16, "-0.6666666666666667"},
    {{1, 0}, {8, 0}, 2, "0.13"}, // 0.125: the half rounds up
    {{-1, 0}, {8, 0}, 2, "-0.13"},
    {{100, 1}, {4, 0}, 16, "2.5000000000000000"},  // 10.0 / 4
    {{1999, 2}, {4, 0}, 16, "4.9975000000000000"}, // numeric(10,2) / int
    {{0, 0}, {5, 0}, 16, "0.0000000000000000"},
    {{12345, 3}, {1, 5}, 0, "1234500"}, // 12.345 / 0.00001
    {{5, 0}, {2, 0}, 0, "3"},
    {{1, 0}, {7, 0}, 0, "0"},
    {{1, 20}, {1, 0}, 16, "0.0000000000000000"}, // a dividend scale beyond the result's
    {{6, 19}, {1, 0}, 18, "0.000000000000000001"},
    {{kBig, 0}, {kBig, 0}, 16, "1.0000000000000000"}, // a 38-digit divisor
    {{kBig, 0}, {7, 0}, 0, "4285714285714285714285714285714285714"},
    {{kBig, 0}, {1, 1}, 0, nullptr}, // 3e38 needs 39 digits
    {{1, 0}, {0, 0}, 16, nullptr},
};

TEST(DecimalArithmeticTest, DividesExactlyAndRoundsHalfAwayFromZero) {
    for (const auto &test : kQuotients) {
        const auto quotient = DivideDecimal(test.dividend, test.divisor, test.scale);
        const std::string label = DecimalText(test.dividend) + " / " + DecimalText(test.divisor);
        if (!test.expected) {
            EXPECT_FALSE(quotient.has_value()) << label;
            continue;
        }
        ASSERT_TRUE(quotient.has_value()) << label;
        EXPECT_EQ(DecimalText({*quotient, test.scale}), test.expected) << label;
    }
}

struct ScaleCase {
    ScaledDecimal dividend;
    ScaledDecimal divisor;
    int expected;
};

// PostgreSQL 15: SELECT scale(a / b).
const ScaleCase kScales[] = {
    {{1, 0}, {3, 0}, 20},         // 1 / 3
    {{7, 0}, {3, 0}, 16},         // 7 / 3
    {{1, 0}, {1, 0}, 20},         // 1 / 1: equal first digits
    {{100, 1}, {4, 0}, 16},       // 10.0 / 4
    {{10, 1}, {3, 0}, 20},        // 1.0 / 3
    {{10000, 0}, {3, 0}, 16},     // 10000 / 3: one base-10000 digit 1 against 3
    {{1, 0}, {10000, 0}, 24},     // 1 / 10000
    {{5, 1}, {3, 0}, 20},         // 0.5 / 3
    {{0, 0}, {3, 0}, 20},         // 0 / 3
    {{1, 25}, {3, 0}, 44},        // 1e-25 / 3
    {{123456789, 0}, {2, 0}, 12}, // 123456789 / 2
};

TEST(DecimalArithmeticTest, ScaleIsPostgresDivisionScale) {
    for (const auto &test : kScales) {
        EXPECT_EQ(DivisionScale(test.dividend, test.divisor), test.expected)
            << DecimalText(test.dividend) << " / " << DecimalText(test.divisor);
    }
}

struct SquareRootCase {
    ScaledDecimal value;
    int scale;
    const char *expected; //!< nullptr: no root (a negative value)
};

// PostgreSQL 15: sqrt(value) with its scale (sqrt(2.0) has 15 decimals, sqrt(4.5714285714285714) 16).
const SquareRootCase kSquareRoots[] = {
    {{20, 1}, 15, "1.414213562373095"},
    {{2, 0}, 16, "1.4142135623730950"},
    {{45714285714285714, 16}, 16, "2.1380899352993951"}, // stddev of 2, 4, 4, 4, 5, 5, 7, 9
    {{16, 0}, 16, "4.0000000000000000"},
    {{0, 0}, 16, "0.0000000000000000"},
    {{static_cast<DecimalInt>(PowerOfTen(37)), 0}, 16, "3162277660168379331.9988935444327185"}, // 256-bit radicand
    {{1, 38}, 16, "0.0000000000000000"},
    {{-1, 0}, 16, nullptr},
};

TEST(DecimalArithmeticTest, SquareRootIsCorrectlyRounded) {
    for (const auto &test : kSquareRoots) {
        const auto root = SquareRootDecimal(test.value, test.scale);
        if (!test.expected) {
            EXPECT_FALSE(root.has_value()) << DecimalText(test.value);
            continue;
        }
        ASSERT_TRUE(root.has_value()) << DecimalText(test.value);
        EXPECT_EQ(DecimalText({*root, test.scale}), test.expected) << DecimalText(test.value);
    }
}

TEST(DecimalArithmeticTest, TextPlacesThePoint) {
    EXPECT_EQ(DecimalText({-50, 3}), "-0.050");
    EXPECT_EQ(DecimalText({0, 0}), "0");
    EXPECT_EQ(DecimalText({0, 2}), "0.00");
    EXPECT_EQ(DecimalText({12345, 2}), "123.45");
}

} // namespace
} // namespace duckgres
