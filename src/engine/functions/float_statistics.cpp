// PostgreSQL's float8 statistics aggregates (Youngs-Cramer sums) as DuckDB aggregate functions.
#include "engine/functions/float_statistics.hpp"

#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "engine/functions/function_support.hpp"

#include <cmath>
#include <string>

namespace duckgres::engine {

void YoungsCramerState::Add(double x) {
    const double previous = n;
    n += 1.0;
    sx += x;
    if (previous > 0.0) {
        const double deviation = x * n - sx;
        sxx += deviation * deviation / (n * previous);
    } else {
        sxx = x * 0.0; // 0, or NaN for a NaN or infinite first value, as PostgreSQL
    }
}

void YoungsCramerState::AddPair(double y, double x) {
    const double previous = n;
    n += 1.0;
    sx += x;
    sy += y;
    if (previous > 0.0) {
        const double deviation_x = x * n - sx;
        const double deviation_y = y * n - sy;
        const double scale = 1.0 / (n * previous);
        sxx += deviation_x * deviation_x * scale;
        syy += deviation_y * deviation_y * scale;
        sxy += deviation_x * deviation_y * scale;
    } else {
        sxx = x * 0.0;
        syy = y * 0.0;
        sxy = x * y * 0.0;
    }
}

void YoungsCramerState::Combine(const YoungsCramerState &other) {
    if (other.n == 0.0) {
        return;
    }
    if (n == 0.0) {
        *this = other;
        return;
    }
    const double total = n + other.n;
    const double difference_x = sx / n - other.sx / other.n;
    const double difference_y = sy / n - other.sy / other.n;
    sxx = sxx + other.sxx + n * other.n * difference_x * difference_x / total;
    syy = syy + other.syy + n * other.n * difference_y * difference_y / total;
    sxy = sxy + other.sxy + n * other.n * difference_x * difference_y / total;
    sx += other.sx;
    sy += other.sy;
    n = total;
}

std::optional<double> FinalStatistic(FloatStatistic statistic, const YoungsCramerState &state) {
    const double n = state.n;
    switch (statistic) {
    case FloatStatistic::kVarSamp:
        return n > 1.0 ? std::optional(state.sxx / (n - 1.0)) : std::nullopt;
    case FloatStatistic::kVarPop:
        return n > 0.0 ? std::optional(state.sxx / n) : std::nullopt;
    case FloatStatistic::kStddevSamp:
        return n > 1.0 ? std::optional(std::sqrt(state.sxx / (n - 1.0))) : std::nullopt;
    case FloatStatistic::kStddevPop:
        return n > 0.0 ? std::optional(std::sqrt(state.sxx / n)) : std::nullopt;
    case FloatStatistic::kCovarSamp:
        return n > 1.0 ? std::optional(state.sxy / (n - 1.0)) : std::nullopt;
    case FloatStatistic::kCovarPop:
        return n > 0.0 ? std::optional(state.sxy / n) : std::nullopt;
    case FloatStatistic::kCorr:
        if (n < 1.0 || state.sxx == 0.0 || state.syy == 0.0) {
            return std::nullopt;
        }
        return state.sxy / std::sqrt(state.sxx * state.syy);
    case FloatStatistic::kRegrSlope:
        return n > 0.0 && state.sxx != 0.0 ? std::optional(state.sxy / state.sxx) : std::nullopt;
    case FloatStatistic::kRegrIntercept:
        if (n < 1.0 || state.sxx == 0.0) {
            return std::nullopt;
        }
        return (state.sy - state.sx * state.sxy / state.sxx) / n;
    case FloatStatistic::kRegrR2:
        if (n < 1.0 || state.sxx == 0.0) {
            return std::nullopt;
        }
        if (state.syy == 0.0) {
            return 1.0;
        }
        return (state.sxy * state.sxy) / (state.sxx * state.syy);
    case FloatStatistic::kRegrSxx:
        return n > 0.0 ? std::optional(state.sxx) : std::nullopt;
    case FloatStatistic::kRegrSyy:
        return n > 0.0 ? std::optional(state.syy) : std::nullopt;
    case FloatStatistic::kRegrSxy:
        return n > 0.0 ? std::optional(state.sxy) : std::nullopt;
    case FloatStatistic::kRegrAvgX:
        return n > 0.0 ? std::optional(state.sx / n) : std::nullopt;
    case FloatStatistic::kRegrAvgY:
        return n > 0.0 ? std::optional(state.sy / n) : std::nullopt;
    }
    return std::nullopt;
}

namespace {

YoungsCramerState &StateOf(duckdb_aggregate_state state) {
    return *reinterpret_cast<YoungsCramerState *>(state);
}

idx_t StateSize(duckdb_function_info) {
    return sizeof(YoungsCramerState);
}

void StateInit(duckdb_function_info, duckdb_aggregate_state state) {
    StateOf(state) = {};
}

//! Adds each row whose arguments are all non-NULL: one value, or a (y, x) pair. `kSingleState` variants serve the
//! callers that pass one state for all the rows where the C API promises one per row: DuckDB 1.4's sorted-aggregate
//! wrapper (an ORDER BY inside the call) and its whole-partition window aggregator hand over a constant vector of one
//! state, and reading a state per row there reads past it.
template <int kArity, bool kSingleState>
void StateUpdate(duckdb_function_info, duckdb_data_chunk input, duckdb_aggregate_state *states) {
    const idx_t rows = duckdb_data_chunk_get_size(input);
    const double *values[kArity];
    uint64_t *validity[kArity];
    for (int column = 0; column < kArity; column++) {
        auto vector = duckdb_data_chunk_get_vector(input, column);
        values[column] = static_cast<const double *>(duckdb_vector_get_data(vector));
        validity[column] = duckdb_vector_get_validity(vector);
    }
    for (idx_t row = 0; row < rows; row++) {
        if (!RowIsValid(validity[0], row) || !RowIsValid(validity[kArity - 1], row)) {
            continue;
        }
        auto &state = StateOf(states[kSingleState ? 0 : row]);
        if constexpr (kArity == 1) {
            state.Add(values[0][row]);
        } else {
            state.AddPair(values[0][row], values[1][row]);
        }
    }
}

void StateCombine(duckdb_function_info, duckdb_aggregate_state *sources, duckdb_aggregate_state *targets, idx_t count) {
    for (idx_t i = 0; i < count; i++) {
        StateOf(targets[i]).Combine(StateOf(sources[i]));
    }
}

template <FloatStatistic kStatistic>
void StateFinalize(duckdb_function_info, duckdb_aggregate_state *states, duckdb_vector output, idx_t count,
                   idx_t offset) {
    auto *out = static_cast<double *>(duckdb_vector_get_data(output));
    duckdb_vector_ensure_validity_writable(output);
    auto *validity = duckdb_vector_get_validity(output);
    for (idx_t i = 0; i < count; i++) {
        const auto result = FinalStatistic(kStatistic, StateOf(states[i]));
        if (result) {
            out[offset + i] = *result;
        } else {
            duckdb_validity_set_row_invalid(validity, offset + i);
        }
    }
}

template <FloatStatistic kStatistic, int kArity, bool kSingleState>
void RegisterVariant(duckdb_connection connection, const char *name) {
    using AggregateFunctionHandle = DuckDbHandle<duckdb_aggregate_function, duckdb_destroy_aggregate_function>;
    AggregateFunctionHandle function(duckdb_create_aggregate_function());
    std::string full_name = std::string("duckgres_float8_") + name;
    if (kSingleState) {
        full_name += kSingleStateSuffix;
    }
    duckdb_aggregate_function_set_name(function.Get(), full_name.c_str());
    LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE));
    for (int i = 0; i < kArity; i++) {
        duckdb_aggregate_function_add_parameter(function.Get(), type.Get());
    }
    duckdb_aggregate_function_set_return_type(function.Get(), type.Get());
    duckdb_aggregate_function_set_functions(function.Get(), StateSize, StateInit, StateUpdate<kArity, kSingleState>,
                                            StateCombine, StateFinalize<kStatistic>);
    if (duckdb_register_aggregate_function(connection, function.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register " + full_name);
    }
}

//! Both variants of one statistic: `duckgres_float8_<name>` and `duckgres_float8_<name>_single_state`.
template <FloatStatistic kStatistic, int kArity>
void RegisterStatistic(duckdb_connection connection, const char *name) {
    RegisterVariant<kStatistic, kArity, false>(connection, name);
    RegisterVariant<kStatistic, kArity, true>(connection, name);
}

} // namespace

void RegisterFloatStatistics(duckdb_connection connection) {
    RegisterStatistic<FloatStatistic::kVarSamp, 1>(connection, "var_samp");
    RegisterStatistic<FloatStatistic::kVarPop, 1>(connection, "var_pop");
    RegisterStatistic<FloatStatistic::kStddevSamp, 1>(connection, "stddev_samp");
    RegisterStatistic<FloatStatistic::kStddevPop, 1>(connection, "stddev_pop");
    RegisterStatistic<FloatStatistic::kCovarSamp, 2>(connection, "covar_samp");
    RegisterStatistic<FloatStatistic::kCovarPop, 2>(connection, "covar_pop");
    RegisterStatistic<FloatStatistic::kCorr, 2>(connection, "corr");
    RegisterStatistic<FloatStatistic::kRegrSlope, 2>(connection, "regr_slope");
    RegisterStatistic<FloatStatistic::kRegrIntercept, 2>(connection, "regr_intercept");
    RegisterStatistic<FloatStatistic::kRegrR2, 2>(connection, "regr_r2");
    RegisterStatistic<FloatStatistic::kRegrSxx, 2>(connection, "regr_sxx");
    RegisterStatistic<FloatStatistic::kRegrSyy, 2>(connection, "regr_syy");
    RegisterStatistic<FloatStatistic::kRegrSxy, 2>(connection, "regr_sxy");
    RegisterStatistic<FloatStatistic::kRegrAvgX, 2>(connection, "regr_avgx");
    RegisterStatistic<FloatStatistic::kRegrAvgY, 2>(connection, "regr_avgy");
}

} // namespace duckgres::engine
