// Table-driven tests of the float8 statistics: PostgreSQL's Youngs-Cramer sums and final functions.
#include "engine/functions/float_statistics.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

namespace duckgres::engine {
namespace {

struct StatisticCase {
    FloatStatistic statistic;
    std::vector<std::pair<double, double>> rows; //!< (y, x); the one-argument statistics read x
    std::optional<double> expected;
};

const StatisticCase kCases[] = {
    {FloatStatistic::kStddevSamp, {{0, 1.0}, {0, 2.0}, {0, 4.0}}, 1.5275252316519468},
    {FloatStatistic::kVarSamp, {{0, 1.0}, {0, 2.0}, {0, 4.0}}, 2.3333333333333335},
    {FloatStatistic::kVarSamp, {{0, 1.0}}, std::nullopt},
    {FloatStatistic::kVarPop, {{0, 1.0}}, 0.0},
    {FloatStatistic::kVarPop, {}, std::nullopt},
    {FloatStatistic::kCovarPop, {{1.0, 1.0}, {2.0, 2.0}, {4.0, 4.0}}, 1.5555555555555554},
    {FloatStatistic::kCorr, {{2.0, 1.0}, {4.0, 2.0}, {8.0, 4.0}}, 1.0},
    {FloatStatistic::kCorr, {{2.0, 1.0}, {2.0, 2.0}}, std::nullopt},
    {FloatStatistic::kRegrSlope, {{3.0, 1.0}, {5.0, 2.0}, {7.0, 3.0}}, 2.0},
    {FloatStatistic::kRegrIntercept, {{3.0, 1.0}, {5.0, 2.0}, {7.0, 3.0}}, 1.0},
    {FloatStatistic::kRegrR2, {{5.0, 1.0}, {5.0, 2.0}}, 1.0},
    {FloatStatistic::kRegrAvgY, {{3.0, 1.0}, {5.0, 2.0}}, 4.0},
};

TEST(FloatStatistics, FinalValuesAsPostgreSql) {
    for (const auto &test : kCases) {
        YoungsCramerState state;
        const bool pairs = test.statistic >= FloatStatistic::kCovarSamp;
        for (const auto &[y, x] : test.rows) {
            pairs ? state.AddPair(y, x) : state.Add(x);
        }
        EXPECT_EQ(FinalStatistic(test.statistic, state), test.expected) << static_cast<int>(test.statistic);
    }
}

TEST(FloatStatistics, CombineEqualsOneStateWhereEitherSideIsEmpty) {
    YoungsCramerState whole;
    YoungsCramerState empty;
    for (double x : {1.0, 2.0, 4.0}) {
        whole.Add(x);
    }
    YoungsCramerState combined = empty;
    combined.Combine(whole);
    combined.Combine(empty);
    EXPECT_EQ(FinalStatistic(FloatStatistic::kVarSamp, combined), FinalStatistic(FloatStatistic::kVarSamp, whole));
}

} // namespace
} // namespace duckgres::engine
