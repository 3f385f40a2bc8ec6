// Date/time functions with PostgreSQL's result types, one DuckDB overload per argument type.
#include "engine/functions/datetime_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "engine/functions/scalar_function_util.hpp"
#include "types/datetime_input.hpp"

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

namespace duckgres::engine {

namespace {

using ScalarFunctionSetHandle = DuckDbHandle<duckdb_scalar_function_set, duckdb_destroy_scalar_function_set>;

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;

//! Seconds (DATE) or microseconds (the others) since 1970-01-01 of one value; false for an infinite one.
template <typename Value>
bool EpochOf(const Value &value, int64_t &out);

template <>
bool EpochOf(const duckdb_date &value, int64_t &out) {
    if (value.days == std::numeric_limits<int32_t>::max() || value.days == -std::numeric_limits<int32_t>::max()) {
        return false;
    }
    out = int64_t{value.days} * kSecondsPerDay;
    return true;
}

template <>
bool EpochOf(const duckdb_timestamp &value, int64_t &out) {
    if (value.micros == std::numeric_limits<int64_t>::max() || value.micros == -std::numeric_limits<int64_t>::max()) {
        return false;
    }
    out = value.micros;
    return true;
}

template <>
bool EpochOf(const duckdb_time &value, int64_t &out) {
    out = value.micros;
    return true;
}

template <>
bool EpochOf(const duckdb_interval &value, int64_t &out) {
    // PostgreSQL: a year is 365.25 days, a month 30; counted in quarter days to stay in integers.
    const int64_t quarter_days =
        int64_t{4 * 365 + 1} * (value.months / 12) + int64_t{4 * 30} * (value.months % 12) + int64_t{4} * value.days;
    out = quarter_days * (kSecondsPerDay / 4) * kMicrosPerSecond + value.micros;
    return true;
}

//! The function `Compute` (false: NULL) of one argument column of `In` values into `Out` values.
template <typename In, typename Out, bool (*Compute)(const In &, Out &)>
void UnaryFunction(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const idx_t rows = duckdb_data_chunk_get_size(input);
    auto vector = duckdb_data_chunk_get_vector(input, 0);
    const auto *values = static_cast<const In *>(duckdb_vector_get_data(vector));
    auto *validity = duckdb_vector_get_validity(vector);
    auto *out = static_cast<Out *>(duckdb_vector_get_data(output));
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    for (idx_t row = 0; row < rows; row++) {
        if (!RowIsValid(validity, row) || !Compute(values[row], out[row])) {
            duckdb_validity_set_row_invalid(out_validity, row);
        }
    }
}

//! The function `Compute` (false: NULL) of two argument columns.
template <typename Left, typename Right, typename Out, bool (*Compute)(const Left &, const Right &, Out &)>
void BinaryFunction(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const idx_t rows = duckdb_data_chunk_get_size(input);
    auto left_vector = duckdb_data_chunk_get_vector(input, 0);
    auto right_vector = duckdb_data_chunk_get_vector(input, 1);
    const auto *left = static_cast<const Left *>(duckdb_vector_get_data(left_vector));
    const auto *right = static_cast<const Right *>(duckdb_vector_get_data(right_vector));
    auto *left_validity = duckdb_vector_get_validity(left_vector);
    auto *right_validity = duckdb_vector_get_validity(right_vector);
    auto *out = static_cast<Out *>(duckdb_vector_get_data(output));
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    for (idx_t row = 0; row < rows; row++) {
        if (!RowIsValid(left_validity, row) || !RowIsValid(right_validity, row) ||
            !Compute(left[row], right[row], out[row])) {
            duckdb_validity_set_row_invalid(out_validity, row);
        }
    }
}

template <typename Value>
bool Identity(const Value &value, Value &out) {
    out = value;
    return true;
}

//! A date as the timestamp of its midnight (infinities kept).
bool DateToTimestamp(const duckdb_date &value, duckdb_timestamp &out) {
    constexpr int32_t kInfinity = std::numeric_limits<int32_t>::max();
    if (value.days == kInfinity || value.days == -kInfinity) {
        out.micros =
            value.days == kInfinity ? std::numeric_limits<int64_t>::max() : -std::numeric_limits<int64_t>::max();
        return true;
    }
    out.micros = int64_t{value.days} * kSecondsPerDay * kMicrosPerSecond;
    return true;
}

//! A day count (date - date) as PostgreSQL's integer.
bool DayCount(const int64_t &value, int32_t &out) {
    out = static_cast<int32_t>(value);
    return true;
}

constexpr int64_t kMicrosPerDay = kSecondsPerDay * kMicrosPerSecond;

//! time - time: an interval of the microseconds between them.
bool TimeDifference(const duckdb_time &left, const duckdb_time &right, duckdb_interval &out) {
    out = {0, 0, left.micros - right.micros};
    return true;
}

//! time - interval: the time of day, wrapping around midnight (months and days do not move a time).
bool TimeMinusInterval(const duckdb_time &left, const duckdb_interval &right, duckdb_time &out) {
    const int64_t micros = (left.micros - right.micros % kMicrosPerDay) % kMicrosPerDay;
    out.micros = micros < 0 ? micros + kMicrosPerDay : micros;
    return true;
}

//! Text read by PostgreSQL's input function of a date/time type (BC years, ISO 8601 and signed-part intervals,
//! 'January 5, 2024', '20240105', '040506', 'allballs'), where DuckDB's own cast takes fewer forms.
template <typename Out, Out (*Parse)(std::string_view)>
bool CastText(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    auto *out = static_cast<Out *>(duckdb_vector_get_data(output));
    return CastTextRows(info, count, input, output,
                        [out](std::string_view text, idx_t row) { out[row] = Parse(text); });
}

// Casts have no session: text is read with DateStyle MDY and, for 'now' and 'today', in UTC. Constants cast in SQL are
// read with the session's settings before (sql::ReadDateTimeConstants); parameters and COPY are read by the session.
duckdb_date ParseDate(std::string_view text) {
    static const types::TextFormatOptions kOptions;
    return duckdb_date{types::ParseDateText(text, kOptions)};
}

duckdb_time ParseTime(std::string_view text) {
    static const types::TextFormatOptions kOptions;
    return duckdb_time{types::ParseTimeText(text, kOptions)};
}

duckdb_timestamp ParseTimestamp(std::string_view text) {
    static const types::TextFormatOptions kOptions;
    return duckdb_timestamp{types::ParseTimestampText(text, kOptions)};
}

duckdb_interval ParseInterval(std::string_view text) {
    return types::ParseIntervalText(text);
}

//! The casts text -> `target` by `function`: a string literal converts implicitly, as DuckDB lets literals do.
void RegisterTextCasts(duckdb_connection connection, duckdb_type target, duckdb_cast_function_t function) {
    constexpr int64_t kLiteralCost = 20;
    for (auto source : {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_STRING_LITERAL}) {
        LogicalTypeHandle text(duckdb_create_logical_type(source));
        LogicalTypeHandle value(duckdb_create_logical_type(target));
        RegisterCast(connection, text.Get(), value.Get(), source == DUCKDB_TYPE_STRING_LITERAL ? kLiteralCost : -1,
                     function);
    }
}

//! interval -> time: the time part of the interval, wrapped to a time of day (days and months dropped).
bool CastIntervalToTime(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    MapValueRows<duckdb_interval, duckdb_time>(count, input, output, [](const duckdb_interval &value) {
        const int64_t micros = value.micros % kMicrosPerDay;
        return duckdb_time{micros < 0 ? micros + kMicrosPerDay : micros};
    });
    return true;
}

//! interval / number as PostgreSQL divides: months and days each divided, their fractions carried down (a month
//! as 30 days, a day as 24 hours) into the smaller fields. A zero divisor gives NULL:
//! the rewriter guards divisors with 22012 before they get here.
bool IntervalDivide(const duckdb_interval &span, const double &divisor, duckdb_interval &out) {
    if (divisor == 0 || std::isnan(divisor)) {
        return false;
    }
    constexpr double kDaysPerMonth = 30;
    const double months = span.months / divisor;
    const double days = span.days / divisor;
    out.months = static_cast<int32_t>(months);
    out.days = static_cast<int32_t>(days);
    // PostgreSQL rounds both remainders to six decimals (its TSROUND), the days' before carrying their fraction.
    const auto six_decimals = [](double value) { return std::rint(value * kMicrosPerSecond) / kMicrosPerSecond; };
    const double month_remainder_days = six_decimals((months - out.months) * kDaysPerMonth);
    const auto whole_remainder_days = static_cast<int32_t>(month_remainder_days);
    double remainder_seconds =
        (days - out.days + month_remainder_days - whole_remainder_days) * static_cast<double>(kSecondsPerDay);
    remainder_seconds = six_decimals(remainder_seconds);
    if (std::fabs(remainder_seconds) >= kSecondsPerDay) {
        const auto carried_days = static_cast<int32_t>(remainder_seconds / kSecondsPerDay);
        out.days += carried_days;
        remainder_seconds -= static_cast<double>(carried_days) * kSecondsPerDay;
    }
    out.days += whole_remainder_days;
    out.micros = static_cast<int64_t>(std::rint(span.micros / divisor + remainder_seconds * kMicrosPerSecond));
    return true;
}

//! sum(interval)'s running total: each field summed apart, as PostgreSQL adds intervals (no carries between them).
struct IntervalSum {
    int64_t months;
    int64_t days;
    int64_t micros;
    bool overflow; //!< the microseconds left int64's range
    bool any;      //!< a value was added (none: NULL)
};

void AddInterval(IntervalSum &sum, int64_t months, int64_t days, int64_t micros, bool overflow) {
    sum.any = true;
    sum.months += months;
    sum.days += days;
    sum.overflow |= overflow || __builtin_add_overflow(sum.micros, micros, &sum.micros);
}

idx_t IntervalSumSize(duckdb_function_info) {
    return sizeof(IntervalSum);
}

void IntervalSumInit(duckdb_function_info, duckdb_aggregate_state state) {
    *reinterpret_cast<IntervalSum *>(state) = {};
}

void IntervalSumUpdate(duckdb_function_info, duckdb_data_chunk input, duckdb_aggregate_state *states) {
    const idx_t rows = duckdb_data_chunk_get_size(input);
    auto vector = duckdb_data_chunk_get_vector(input, 0);
    const auto *values = static_cast<const duckdb_interval *>(duckdb_vector_get_data(vector));
    auto *validity = duckdb_vector_get_validity(vector);
    for (idx_t row = 0; row < rows; row++) {
        if (RowIsValid(validity, row)) {
            AddInterval(*reinterpret_cast<IntervalSum *>(states[row]), values[row].months, values[row].days,
                        values[row].micros, false);
        }
    }
}

void IntervalSumCombine(duckdb_function_info, duckdb_aggregate_state *sources, duckdb_aggregate_state *targets,
                        idx_t count) {
    for (idx_t i = 0; i < count; i++) {
        const auto &source = *reinterpret_cast<IntervalSum *>(sources[i]);
        if (!source.any) {
            continue;
        }
        AddInterval(*reinterpret_cast<IntervalSum *>(targets[i]), source.months, source.days, source.micros,
                    source.overflow);
    }
}

void IntervalSumFinalize(duckdb_function_info info, duckdb_aggregate_state *states, duckdb_vector output, idx_t count,
                         idx_t offset) {
    auto *out = static_cast<duckdb_interval *>(duckdb_vector_get_data(output));
    duckdb_vector_ensure_validity_writable(output);
    auto *validity = duckdb_vector_get_validity(output);
    constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();
    for (idx_t i = 0; i < count; i++) {
        const auto &sum = *reinterpret_cast<IntervalSum *>(states[i]);
        if (!sum.any) {
            duckdb_validity_set_row_invalid(validity, offset + i);
            continue;
        }
        if (sum.months > kInt32Max || sum.months < -kInt32Max - 1 || sum.days > kInt32Max ||
            sum.days < -kInt32Max - 1 || sum.overflow) {
            duckdb_aggregate_function_set_error(info, "SQLSTATE 22008: interval out of range");
            return;
        }
        out[offset + i] = {static_cast<int32_t>(sum.months), static_cast<int32_t>(sum.days), sum.micros};
    }
}

//! Registers duckgres_sum_interval(interval): sum() of intervals, which the rewriter calls for sum() of an interval.
void RegisterIntervalSum(duckdb_connection connection) {
    using AggregateFunctionHandle = DuckDbHandle<duckdb_aggregate_function, duckdb_destroy_aggregate_function>;
    AggregateFunctionHandle function(duckdb_create_aggregate_function());
    duckdb_aggregate_function_set_name(function.Get(), "duckgres_sum_interval");
    LogicalTypeHandle interval(duckdb_create_logical_type(DUCKDB_TYPE_INTERVAL));
    duckdb_aggregate_function_add_parameter(function.Get(), interval.Get());
    duckdb_aggregate_function_set_return_type(function.Get(), interval.Get());
    duckdb_aggregate_function_set_functions(function.Get(), IntervalSumSize, IntervalSumInit, IntervalSumUpdate,
                                            IntervalSumCombine, IntervalSumFinalize);
    if (duckdb_register_aggregate_function(connection, function.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register duckgres_sum_interval");
    }
}

//! One overload of a function set: `parameters` -> `result`.
void AddOverload(duckdb_scalar_function_set set, const char *name, std::initializer_list<duckdb_type> parameters,
                 duckdb_logical_type result, duckdb_scalar_function_t callback) {
    ScalarFunctionHandle function(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(function.Get(), name);
    for (auto parameter : parameters) {
        LogicalTypeHandle argument(duckdb_create_logical_type(parameter));
        duckdb_scalar_function_add_parameter(function.Get(), argument.Get());
    }
    duckdb_scalar_function_set_return_type(function.Get(), result);
    duckdb_scalar_function_set_function(function.Get(), callback);
    if (duckdb_add_scalar_function_to_set(set, function.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not add an overload of ") + name);
    }
}

LogicalTypeHandle Type(duckdb_type type) {
    return LogicalTypeHandle(duckdb_create_logical_type(type));
}

LogicalTypeHandle Decimal(uint8_t scale) {
    return LogicalTypeHandle(duckdb_create_decimal_type(18, scale));
}

void RegisterSet(duckdb_connection connection, const ScalarFunctionSetHandle &set, const char *name) {
    if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register ") + name);
    }
}

} // namespace

void RegisterDateTimeFunctions(duckdb_connection connection) {
    RegisterTextCasts(connection, DUCKDB_TYPE_DATE, CastText<duckdb_date, ParseDate>);
    RegisterTextCasts(connection, DUCKDB_TYPE_TIME, CastText<duckdb_time, ParseTime>);
    RegisterTextCasts(connection, DUCKDB_TYPE_TIMESTAMP, CastText<duckdb_timestamp, ParseTimestamp>);
    RegisterTextCasts(connection, DUCKDB_TYPE_INTERVAL, CastText<duckdb_interval, ParseInterval>);
    RegisterCast(connection, Type(DUCKDB_TYPE_INTERVAL).Get(), Type(DUCKDB_TYPE_TIME).Get(), -1, CastIntervalToTime);
    {
        constexpr const char *kName = "duckgres_epoch";
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(kName));
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_DATE}, Decimal(0).Get(),
                    UnaryFunction<duckdb_date, int64_t, EpochOf>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIMESTAMP}, Decimal(6).Get(),
                    UnaryFunction<duckdb_timestamp, int64_t, EpochOf>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIMESTAMP_TZ}, Decimal(6).Get(),
                    UnaryFunction<duckdb_timestamp, int64_t, EpochOf>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIME}, Decimal(6).Get(),
                    UnaryFunction<duckdb_time, int64_t, EpochOf>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_INTERVAL}, Decimal(6).Get(),
                    UnaryFunction<duckdb_interval, int64_t, EpochOf>);
        RegisterSet(connection, set, kName);
    }
    {
        // date_trunc's result as a timestamp: DuckDB gives a DATE for units of a day and more.
        constexpr const char *kName = "duckgres_trunc_timestamp";
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(kName));
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_DATE}, Type(DUCKDB_TYPE_TIMESTAMP).Get(),
                    UnaryFunction<duckdb_date, duckdb_timestamp, DateToTimestamp>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIMESTAMP}, Type(DUCKDB_TYPE_TIMESTAMP).Get(),
                    UnaryFunction<duckdb_timestamp, duckdb_timestamp, Identity<duckdb_timestamp>>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIMESTAMP_TZ}, Type(DUCKDB_TYPE_TIMESTAMP_TZ).Get(),
                    UnaryFunction<duckdb_timestamp, duckdb_timestamp, Identity<duckdb_timestamp>>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_INTERVAL}, Type(DUCKDB_TYPE_INTERVAL).Get(),
                    UnaryFunction<duckdb_interval, duckdb_interval, Identity<duckdb_interval>>);
        RegisterSet(connection, set, kName);
    }
    {
        // The result of a subtraction with a date operand: date - date is PostgreSQL's integer (DuckDB: BIGINT).
        constexpr const char *kName = "duckgres_date_difference";
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(kName));
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_BIGINT}, Type(DUCKDB_TYPE_INTEGER).Get(),
                    UnaryFunction<int64_t, int32_t, DayCount>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_DATE}, Type(DUCKDB_TYPE_DATE).Get(),
                    UnaryFunction<duckdb_date, duckdb_date, Identity<duckdb_date>>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIMESTAMP}, Type(DUCKDB_TYPE_TIMESTAMP).Get(),
                    UnaryFunction<duckdb_timestamp, duckdb_timestamp, Identity<duckdb_timestamp>>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_INTERVAL}, Type(DUCKDB_TYPE_INTERVAL).Get(),
                    UnaryFunction<duckdb_interval, duckdb_interval, Identity<duckdb_interval>>);
        RegisterSet(connection, set, kName);
    }
    {
        // time - time (an interval) and time - interval, which DuckDB lacks or types otherwise.
        constexpr const char *kName = "duckgres_time_minus";
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(kName));
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIME, DUCKDB_TYPE_TIME}, Type(DUCKDB_TYPE_INTERVAL).Get(),
                    BinaryFunction<duckdb_time, duckdb_time, duckdb_interval, TimeDifference>);
        AddOverload(set.Get(), kName, {DUCKDB_TYPE_TIME, DUCKDB_TYPE_INTERVAL}, Type(DUCKDB_TYPE_TIME).Get(),
                    BinaryFunction<duckdb_time, duckdb_interval, duckdb_time, TimeMinusInterval>);
        RegisterSet(connection, set, kName);
    }
    RegisterIntervalSum(connection);
    RegisterScalarFunction(connection, "duckgres_interval_divide", {DUCKDB_TYPE_INTERVAL, DUCKDB_TYPE_DOUBLE},
                           Type(DUCKDB_TYPE_INTERVAL).Get(),
                           BinaryFunction<duckdb_interval, double, duckdb_interval, IntervalDivide>);
}

} // namespace duckgres::engine
