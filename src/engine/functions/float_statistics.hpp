// Variances, standard deviations, covariances, correlation and regressions of float8 as PostgreSQL computes them.
#pragma once

#include <duckdb.h>

#include <optional>
#include <string_view>

namespace duckgres::engine {

//! PostgreSQL's transition state of the float8 statistics aggregates (float8_accum / float8_regr_accum): the count
//! and the sums, with the sums of squares and products kept by the Youngs-Cramer recurrence, so that results round
//! in the last digit exactly as PostgreSQL's. The one-argument aggregates use only the X half.
struct YoungsCramerState {
    double n = 0;
    double sx = 0;
    double sxx = 0;
    double sy = 0;
    double syy = 0;
    double sxy = 0;

    //! Adds one value (the one-argument aggregates).
    void Add(double x);
    //! Adds one pair: y is the first argument of corr(y, x), covar_*(y, x), regr_*(y, x).
    void AddPair(double y, double x);
    //! Merges another state in (PostgreSQL's float8_combine / float8_regr_combine).
    void Combine(const YoungsCramerState &other);
};

//! The aggregates' final functions, one per PostgreSQL aggregate; nullopt is SQL NULL.
enum class FloatStatistic {
    kVarSamp,
    kVarPop,
    kStddevSamp,
    kStddevPop,
    kCovarSamp,
    kCovarPop,
    kCorr,
    kRegrSlope,
    kRegrIntercept,
    kRegrR2,
    kRegrSxx,
    kRegrSyy,
    kRegrSxy,
    kRegrAvgX,
    kRegrAvgY,
};

//! The name suffix of the variants adding every row of an update to its first state.
inline constexpr std::string_view kSingleStateSuffix = "_single_state";

//! The result of `statistic` from `state`, as PostgreSQL's final function computes it.
std::optional<double> FinalStatistic(FloatStatistic statistic, const YoungsCramerState &state);

//! Registers duckgres_float8_<name>(DOUBLE) for var_samp, var_pop, stddev_samp, stddev_pop and
//! duckgres_float8_<name>(DOUBLE, DOUBLE) for covar_samp, covar_pop, corr and the regr_ functions: the rewriter calls
//! them for those aggregates of float arguments (and of any arguments for the two-argument ones, which PostgreSQL
//! has for float8 only). Each also comes as duckgres_float8_<name>_single_state, for the calls where DuckDB passes
//! one state for all the rows of an update (see sql/numeric_passes.cpp).
void RegisterFloatStatistics(duckdb_connection connection);

} // namespace duckgres::engine
