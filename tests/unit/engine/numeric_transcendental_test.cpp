// Table-driven tests of exp, ln, log and power of decimals rounded to a scale, with PostgreSQL's errors.
#include "common/sql_error.hpp"
#include "engine/functions/numeric_transcendental.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::engine {
namespace {

using Function = TranscendentalFunction;

struct TranscendentalCase {
    Function function;
    ScaledDecimal first;
    ScaledDecimal second;
    const char *expected; //!< the result at scale 16, or "ERROR <sqlstate>"
};

const TranscendentalCase kCases[] = {
    {Function::kExp, {10, 1}, {}, "2.7182818284590452"},
    {Function::kExp, {-10, 1}, {}, "0.3678794411714423"},
    {Function::kExp, {0, 0}, {}, "1.0000000000000000"},
    {Function::kLn, {25, 1}, {}, "0.9162907318741551"},
    {Function::kLn, {10, 1}, {}, "0.0000000000000000"},
    {Function::kLn, {0, 1}, {}, "ERROR 2201E"},
    {Function::kLn, {-1, 0}, {}, "ERROR 2201E"},
    {Function::kLog10, {25, 1}, {}, "0.3979400086720376"},
    {Function::kLog10, {1, 2}, {}, "-2.0000000000000000"},
    {Function::kLog, {2, 0}, {8, 0}, "3.0000000000000000"},
    {Function::kLog, {20, 1}, {5, 1}, "-1.0000000000000000"},
    {Function::kLog, {1, 0}, {10, 0}, "ERROR 22012"},
    {Function::kLog, {0, 0}, {10, 0}, "ERROR 2201E"},
    {Function::kPower, {20, 1}, {5, 1}, "1.4142135623730950"},
    {Function::kPower, {9, 0}, {5, 1}, "3.0000000000000000"},
    {Function::kPower, {-20, 1}, {3, 0}, "-8.0000000000000000"},
    {Function::kPower, {-20, 1}, {20, 1}, "4.0000000000000000"},
    {Function::kPower, {0, 1}, {0, 0}, "1.0000000000000000"},
    {Function::kPower, {25, 1}, {-1, 0}, "0.4000000000000000"},
    {Function::kPower, {0, 0}, {-1, 0}, "ERROR 2201F"},
    {Function::kPower, {-8, 0}, {5, 1}, "ERROR 2201F"},
    {Function::kPower, {10, 0}, {30, 0}, "ERROR 22003"},
};

std::string Result(const TranscendentalCase &test) {
    try {
        return DecimalText({ComputeTranscendental(test.function, test.first, test.second, 16), 16});
    } catch (const SqlError &error) {
        return "ERROR " + error.sqlstate;
    }
}

TEST(NumericTranscendental, RoundsAndRefusesAsPostgreSql) {
    for (const auto &test : kCases) {
        EXPECT_EQ(Result(test), test.expected)
            << static_cast<int>(test.function) << " " << DecimalText(test.first) << " " << DecimalText(test.second);
    }
}

} // namespace
} // namespace duckgres::engine
