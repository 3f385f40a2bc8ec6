// The range types, their casts, constructors, functions and operator functions over types/range_value.
#include "engine/functions/range_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/range_value.hpp"
#include "types/text_format.hpp"
#include "types/time_zone.hpp"

#include <variant>

namespace duckgres::engine {

namespace {

using types::Int128;
using types::Range;
using types::RangeBound;
using types::RangeKind;

using ScalarFunctionSetHandle = DuckDbHandle<duckdb_scalar_function_set, duckdb_destroy_scalar_function_set>;

enum class ArgType { kRange, kElement, kText, kBool };

//! One argument of one row.
struct Arg {
    bool null = false;
    std::string_view bytes; //!< a range's storage or a text
    Int128 element = 0;
};

using Result = std::variant<std::monostate, bool, Range, Int128>;
using RangeRowFunction = Result (*)(RangeKind kind, std::span<const Arg> args);

struct FunctionInfo {
    RangeKind kind;
    std::vector<ArgType> parameters;
    ArgType result;
    RangeRowFunction function;
    bool null_input_runs; //!< constructors: a NULL bound is an infinite one
};

LogicalTypeHandle RangeType(RangeKind kind) {
    LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
    duckdb_logical_type_set_alias(type.Get(), types::RangeTypeName(kind));
    return type;
}

LogicalTypeHandle ElementType(RangeKind kind) {
    switch (kind) {
    case RangeKind::kInt4:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    case RangeKind::kInt8:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
    case RangeKind::kNumeric:
        return LogicalTypeHandle(duckdb_create_decimal_type(38, types::kRangeNumericScale));
    case RangeKind::kDate:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_DATE));
    case RangeKind::kTimestamp:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_TIMESTAMP));
    case RangeKind::kTimestampTz:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_TIMESTAMP_TZ));
    }
    return {};
}

LogicalTypeHandle MakeType(RangeKind kind, ArgType type) {
    switch (type) {
    case ArgType::kRange:
        return RangeType(kind);
    case ArgType::kElement:
        return ElementType(kind);
    case ArgType::kText:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    case ArgType::kBool:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    }
    return {};
}

Int128 ReadElement(RangeKind kind, void *data, idx_t row) {
    switch (kind) {
    case RangeKind::kInt4:
    case RangeKind::kDate:
        return static_cast<int32_t *>(data)[row];
    case RangeKind::kNumeric:
        return types::ToInt128(static_cast<duckdb_hugeint *>(data)[row]);
    default:
        return static_cast<int64_t *>(data)[row];
    }
}

void WriteElement(RangeKind kind, void *data, idx_t row, Int128 value) {
    switch (kind) {
    case RangeKind::kInt4:
    case RangeKind::kDate:
        static_cast<int32_t *>(data)[row] = static_cast<int32_t>(value);
        break;
    case RangeKind::kNumeric:
        static_cast<duckdb_hugeint *>(data)[row] = types::FromInt128(value);
        break;
    default:
        static_cast<int64_t *>(data)[row] = static_cast<int64_t>(value);
    }
}

void ExecuteRangeFunction(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const auto &function = *static_cast<const FunctionInfo *>(duckdb_scalar_function_get_extra_info(info));
    const idx_t rows = duckdb_data_chunk_get_size(input);
    const size_t columns = function.parameters.size();
    std::vector<duckdb_vector> vectors(columns);
    for (size_t c = 0; c < columns; c++) {
        vectors[c] = duckdb_data_chunk_get_vector(input, c);
    }
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    std::vector<Arg> args(columns);
    try {
        for (idx_t row = 0; row < rows; row++) {
            bool null = false;
            for (size_t c = 0; c < columns; c++) {
                Arg &arg = args[c];
                arg.null = !RowIsValid(duckdb_vector_get_validity(vectors[c]), row);
                null = null || arg.null;
                if (arg.null) {
                    continue;
                }
                void *data = duckdb_vector_get_data(vectors[c]);
                if (function.parameters[c] == ArgType::kElement) {
                    arg.element = ReadElement(function.kind, data, row);
                } else {
                    arg.bytes = StringAt(static_cast<duckdb_string_t *>(data), row);
                }
            }
            const Result result = null && !function.null_input_runs ? Result() : function.function(function.kind, args);
            if (std::holds_alternative<std::monostate>(result)) {
                duckdb_validity_set_row_invalid(out_validity, row);
            } else if (auto *flag = std::get_if<bool>(&result)) {
                static_cast<bool *>(duckdb_vector_get_data(output))[row] = *flag;
            } else if (auto *range = std::get_if<Range>(&result)) {
                const std::string bytes = types::EncodeRange(function.kind, *range);
                duckdb_vector_assign_string_element_len(output, row, bytes.data(), bytes.size());
            } else {
                WriteElement(function.kind, duckdb_vector_get_data(output), row, std::get<Int128>(result));
            }
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

Range RangeArg(RangeKind kind, const Arg &arg) {
    return types::DecodeRange(kind, arg.bytes);
}

// ---- Constructors ----

//! A constructor's bound: infinite for NULL; numrange's bounds come as text (keeping the scale they were typed with).
RangeBound ConstructorBound(RangeKind kind, const Arg &arg, bool inclusive) {
    RangeBound bound;
    if (arg.null) {
        return bound;
    }
    if (kind == RangeKind::kNumeric) {
        bound = types::ParseRangeBound(kind, arg.bytes, {});
    } else {
        bound.infinite = false;
        bound.value = arg.element;
    }
    bound.inclusive = inclusive;
    return bound;
}

Result Construct(RangeKind kind, std::span<const Arg> args) {
    bool lower_inclusive = true;
    bool upper_inclusive = false;
    if (args.size() == 3) {
        if (args[2].null) {
            throw SqlError("22004", "range constructor flags argument must not be null");
        }
        const std::string_view flags = args[2].bytes;
        if (flags.size() != 2 || (flags[0] != '[' && flags[0] != '(') || (flags[1] != ']' && flags[1] != ')')) {
            throw SqlError("42601", "invalid range bound flags", "",
                           "Valid values are \"[]\", \"[)\", \"(]\", and \"()\".");
        }
        lower_inclusive = flags[0] == '[';
        upper_inclusive = flags[1] == ']';
    }
    return types::MakeRange(kind, ConstructorBound(kind, args[0], lower_inclusive),
                            ConstructorBound(kind, args[1], upper_inclusive));
}

// ---- Functions ----

template <bool Lower>
Result Bound(RangeKind kind, std::span<const Arg> args) {
    const Range range = RangeArg(kind, args[0]);
    const RangeBound &bound = Lower ? range.lower : range.upper;
    if (range.empty || bound.infinite) {
        return {};
    }
    return bound.value;
}

Result IsEmpty(RangeKind kind, std::span<const Arg> args) {
    return RangeArg(kind, args[0]).empty;
}

template <bool Lower>
Result BoundInclusive(RangeKind kind, std::span<const Arg> args) {
    const Range range = RangeArg(kind, args[0]);
    return !range.empty && (Lower ? range.lower.inclusive : range.upper.inclusive);
}

template <bool Lower>
Result BoundInfinite(RangeKind kind, std::span<const Arg> args) {
    const Range range = RangeArg(kind, args[0]);
    return !range.empty && (Lower ? range.lower.infinite : range.upper.infinite);
}

using RangePredicate = bool (*)(const Range &, const Range &);
using RangeOperation = Range (*)(RangeKind, const Range &, const Range &);

template <RangePredicate Predicate, bool Swap = false>
Result Compare(RangeKind kind, std::span<const Arg> args) {
    const Range a = RangeArg(kind, args[0]);
    const Range b = RangeArg(kind, args[1]);
    return Swap ? Predicate(b, a) : Predicate(a, b);
}

template <RangeOperation Operation>
Result Combine(RangeKind kind, std::span<const Arg> args) {
    return Operation(kind, RangeArg(kind, args[0]), RangeArg(kind, args[1]));
}

Result ContainsElement(RangeKind kind, std::span<const Arg> args) {
    return types::RangeContainsElement(RangeArg(kind, args[0]), args[1].element);
}

Result ElementContained(RangeKind kind, std::span<const Arg> args) {
    return types::RangeContainsElement(RangeArg(kind, args[1]), args[0].element);
}

// ---- Casts ----

bool CastTextToRange(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const auto kind = *static_cast<const RangeKind *>(duckdb_cast_function_get_extra_info(info));
    return CastTextRows(info, count, input, output, [&](std::string_view text, idx_t row) {
        const std::string bytes = types::EncodeRange(kind, types::ParseRange(kind, text, {}));
        duckdb_vector_assign_string_element_len(output, row, bytes.data(), bytes.size());
    });
}

bool CastRangeToText(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const auto kind = *static_cast<const RangeKind *>(duckdb_cast_function_get_extra_info(info));
    auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(input));
    try {
        return ForEachValidRow(count, input, output, [&](idx_t row) {
            const std::string text = types::FormatRange(kind, types::DecodeRange(kind, StringAt(strings, row)), {});
            duckdb_vector_assign_string_element_len(output, row, text.data(), text.size());
            return true;
        });
    } catch (const SqlError &error) {
        duckdb_cast_function_set_error(info, MessageWithSqlState(error).c_str());
        return false;
    }
}

//! bytea -> range: the storage bytes as they are, checked (DuckDB's appender casts a COPY value of a range column,
//! DecodeRangeColumnValue's storage, this way).
bool CastStorageToRange(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const auto kind = *static_cast<const RangeKind *>(duckdb_cast_function_get_extra_info(info));
    return CastTextRows(info, count, input, output, [&](std::string_view bytes, idx_t row) {
        const std::string storage = types::EncodeRange(kind, types::DecodeRange(kind, bytes));
        if (storage != bytes) {
            throw SqlError("22P03", std::string("invalid stored value of type ") + types::RangeTypeName(kind));
        }
        duckdb_vector_assign_string_element_len(output, row, storage.data(), storage.size());
    });
}

void RegisterRangeCast(duckdb_connection connection, RangeKind kind, duckdb_logical_type source,
                       duckdb_logical_type target, int64_t implicit_cost, duckdb_cast_function_t function) {
    CastFunctionHandle cast(duckdb_create_cast_function());
    duckdb_cast_function_set_source_type(cast.Get(), source);
    duckdb_cast_function_set_target_type(cast.Get(), target);
    duckdb_cast_function_set_implicit_cast_cost(cast.Get(), implicit_cost);
    duckdb_cast_function_set_function(cast.Get(), function);
    duckdb_cast_function_set_extra_info(cast.Get(), new RangeKind(kind),
                                        [](void *data) { delete static_cast<RangeKind *>(data); });
    if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register a cast of ") + types::RangeTypeName(kind));
    }
}

//! duckgres_<range>_in(value, DateStyle, TimeZone): text read as the range with the session's DateStyle and TimeZone
//! (the registered cast has no session); a range passes through.
void RangeIn(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const auto &function = *static_cast<const FunctionInfo *>(duckdb_scalar_function_get_extra_info(info));
    const idx_t count = duckdb_data_chunk_get_size(input);
    if (count == 0) {
        return;
    }
    duckdb_vector value = duckdb_data_chunk_get_vector(input, 0);
    try {
        auto constant = [&](idx_t column) {
            auto *strings =
                static_cast<duckdb_string_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, column)));
            return std::string(StringAt(strings, 0));
        };
        types::TextFormatOptions options;
        options.date_style = types::DateStyleFromSetting(constant(1)).value_or(types::DateStyle{});
        const auto zone = types::TimeZone::Load(constant(2));
        options.time_zone = zone.get();
        auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(value));
        ForEachValidRow(count, value, output, [&](idx_t row) {
            const std::string_view text = StringAt(strings, row);
            const std::string bytes =
                function.parameters[0] == ArgType::kRange
                    ? std::string(text)
                    : types::EncodeRange(function.kind, types::ParseRange(function.kind, text, options));
            duckdb_vector_assign_string_element_len(output, row, bytes.data(), bytes.size());
            return true;
        });
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

void RegisterRangeIn(duckdb_connection connection, RangeKind kind) {
    const std::string name = std::string("duckgres_") + types::RangeTypeName(kind) + "_in";
    ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(name.c_str()));
    for (auto source : {ArgType::kText, ArgType::kRange}) {
        ScalarFunctionHandle scalar(duckdb_create_scalar_function());
        duckdb_scalar_function_set_name(scalar.Get(), name.c_str());
        for (auto parameter : {source, ArgType::kText, ArgType::kText}) {
            LogicalTypeHandle type = MakeType(kind, parameter);
            duckdb_scalar_function_add_parameter(scalar.Get(), type.Get());
        }
        LogicalTypeHandle result = RangeType(kind);
        duckdb_scalar_function_set_return_type(scalar.Get(), result.Get());
        auto *info = new FunctionInfo{kind, {source}, ArgType::kRange, nullptr, false};
        duckdb_scalar_function_set_extra_info(scalar.Get(), info,
                                              [](void *data) { delete static_cast<FunctionInfo *>(data); });
        duckdb_scalar_function_set_function(scalar.Get(), RangeIn);
        if (duckdb_add_scalar_function_to_set(set.Get(), scalar.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", "could not add an overload of " + name);
        }
    }
    if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register " + name);
    }
}

struct RangeFunctionRow {
    const char *name; //!< nullptr: the range type's own name (its constructor)
    std::vector<ArgType> parameters;
    ArgType result;
    RangeRowFunction function;
};

void AddOverload(duckdb_scalar_function_set set, const char *name, RangeKind kind, const RangeFunctionRow &row) {
    ScalarFunctionHandle scalar(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(scalar.Get(), name);
    std::vector<ArgType> parameters = row.parameters;
    if (!row.name && kind == RangeKind::kNumeric) {
        parameters[0] = parameters[1] = ArgType::kText; // numrange(a, b): the rewriter passes the bounds' text
    }
    for (auto parameter : parameters) {
        LogicalTypeHandle type = MakeType(kind, parameter);
        duckdb_scalar_function_add_parameter(scalar.Get(), type.Get());
    }
    LogicalTypeHandle result = MakeType(kind, row.result);
    duckdb_scalar_function_set_return_type(scalar.Get(), result.Get());
    if (!row.name) {
        duckdb_scalar_function_set_special_handling(scalar.Get());
    }
    auto *info = new FunctionInfo{kind, std::move(parameters), row.result, row.function, row.name == nullptr};
    duckdb_scalar_function_set_extra_info(scalar.Get(), info,
                                          [](void *data) { delete static_cast<FunctionInfo *>(data); });
    duckdb_scalar_function_set_function(scalar.Get(), ExecuteRangeFunction);
    if (duckdb_add_scalar_function_to_set(set, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not add an overload of ") + name);
    }
}

void RegisterSet(duckdb_connection connection, const char *name, std::span<const RangeFunctionRow> rows,
                 std::span<const RangeKind> kinds) {
    ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(name));
    for (auto kind : kinds) {
        for (const auto &row : rows) {
            AddOverload(set.Get(), name, kind, row);
        }
    }
    if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register ") + name);
    }
}

} // namespace

void RegisterRangeFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle literal(duckdb_create_logical_type(DUCKDB_TYPE_STRING_LITERAL));
    LogicalTypeHandle blob(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
    constexpr int64_t kLiteralCost = 20;
    for (auto kind : types::kRangeKinds) {
        LogicalTypeHandle range = RangeType(kind);
        if (duckdb_register_logical_type(connection, range.Get(), nullptr) != DuckDBSuccess) {
            throw SqlError("XX000", std::string("could not register type ") + types::RangeTypeName(kind));
        }
        RegisterRangeCast(connection, kind, varchar.Get(), range.Get(), -1, CastTextToRange);
        RegisterRangeCast(connection, kind, literal.Get(), range.Get(), kLiteralCost, CastTextToRange);
        RegisterRangeCast(connection, kind, range.Get(), varchar.Get(), -1, CastRangeToText);
        RegisterRangeCast(connection, kind, blob.Get(), range.Get(), -1, CastStorageToRange);
        const RangeFunctionRow constructors[] = {
            {nullptr, {ArgType::kElement, ArgType::kElement}, ArgType::kRange, Construct},
            {nullptr, {ArgType::kElement, ArgType::kElement, ArgType::kText}, ArgType::kRange, Construct},
        };
        RegisterSet(connection, types::RangeTypeName(kind), constructors, std::span(&kind, 1));
        RegisterRangeIn(connection, kind);
    }
    using enum ArgType;
    struct Family {
        const char *name;
        std::vector<RangeFunctionRow> rows;
    };
    const Family families[] = {
        {"duckgres_range_lower", {{"", {kRange}, kElement, Bound<true>}}},
        {"duckgres_range_upper", {{"", {kRange}, kElement, Bound<false>}}},
        {"isempty", {{"", {kRange}, kBool, IsEmpty}}},
        {"lower_inc", {{"", {kRange}, kBool, BoundInclusive<true>}}},
        {"upper_inc", {{"", {kRange}, kBool, BoundInclusive<false>}}},
        {"lower_inf", {{"", {kRange}, kBool, BoundInfinite<true>}}},
        {"upper_inf", {{"", {kRange}, kBool, BoundInfinite<false>}}},
        {"range_merge", {{"", {kRange, kRange}, kRange, Combine<types::RangeMerge>}}},
        {"duckgres_range_contains",
         {{"", {kRange, kRange}, kBool, Compare<types::RangeContains>},
          {"", {kRange, kElement}, kBool, ContainsElement}}},
        {"duckgres_range_contained",
         {{"", {kRange, kRange}, kBool, Compare<types::RangeContains, true>},
          {"", {kElement, kRange}, kBool, ElementContained}}},
        {"duckgres_range_overlaps", {{"", {kRange, kRange}, kBool, Compare<types::RangeOverlaps>}}},
        {"duckgres_range_before", {{"", {kRange, kRange}, kBool, Compare<types::RangeBefore>}}},
        {"duckgres_range_after", {{"", {kRange, kRange}, kBool, Compare<types::RangeAfter>}}},
        {"duckgres_range_overleft", {{"", {kRange, kRange}, kBool, Compare<types::RangeOverLeft>}}},
        {"duckgres_range_overright", {{"", {kRange, kRange}, kBool, Compare<types::RangeOverRight>}}},
        {"duckgres_range_adjacent", {{"", {kRange, kRange}, kBool, Compare<types::RangeAdjacent>}}},
        {"duckgres_range_union", {{"", {kRange, kRange}, kRange, Combine<types::RangeUnion>}}},
        {"duckgres_range_intersect", {{"", {kRange, kRange}, kRange, Combine<types::RangeIntersection>}}},
        {"duckgres_range_minus", {{"", {kRange, kRange}, kRange, Combine<types::RangeDifference>}}},
    };
    for (const auto &family : families) {
        RegisterSet(connection, family.name, family.rows, types::kRangeKinds);
    }
}

} // namespace duckgres::engine
