// Registers the DuckDB aliases of varchar(n), char(n), timestamp(p) and interval fields with their casts.
#include "engine/functions/typmod_casts.hpp"

#include "common/utf8.hpp"
#include "engine/functions/function_support.hpp"
#include "types/datetime_input.hpp"

#include <cstdint>
#include <limits>
#include <string>

namespace duckgres::engine {

namespace {

const types::TypmodAlias &AliasOf(duckdb_function_info info) {
    return *static_cast<const types::TypmodAlias *>(duckdb_cast_function_get_extra_info(info));
}

//! The value of `text` for varchar(n) / char(n): excess trailing blanks beyond n characters dropped, as PostgreSQL
//! assigns it, and for char(n) no trailing blanks at all. A longer value passes unchanged: comparisons cast literals
//! this way and must not fail, and a column's CHECK refuses it (22001, sql/ddl_passes.hpp EnforceCharacterLengths).
std::string_view FitCharacters(std::string_view text, const types::TypmodAlias &alias) {
    if (alias.base == types::TypmodBase::Bpchar) {
        const size_t last = text.find_last_not_of(' ');
        return text.substr(0, last == std::string_view::npos ? 0 : last + 1);
    }
    const auto length = static_cast<size_t>(types::DeclaredLength(alias));
    if (text.size() <= length || Utf8CharacterCount(text) <= length) {
        return text;
    }
    size_t end = 0;
    for (size_t characters = 0; end < text.size() && characters < length; characters++) {
        end++;
        while (end < text.size() && IsUtf8Continuation(text[end])) {
            end++;
        }
    }
    return text.find_first_not_of(' ', end) == std::string_view::npos ? text.substr(0, end) : text;
}

bool CastTextToCharacters(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const auto &alias = AliasOf(info);
    return CastTextRows(info, count, input, output, [&](std::string_view text, idx_t row) {
        const std::string_view fitted = FitCharacters(text, alias);
        duckdb_vector_assign_string_element_len(output, row, fitted.data(), fitted.size());
    });
}

//! Microseconds rounded to `precision` fractional digits as PostgreSQL does (halves away from zero); infinities stay.
int64_t RoundMicros(int64_t micros, int32_t precision) {
    if (precision >= 6 || micros == std::numeric_limits<int64_t>::max() ||
        micros <= -std::numeric_limits<int64_t>::max()) {
        return micros;
    }
    int64_t scale = 1;
    for (int32_t digit = precision; digit < 6; digit++) {
        scale *= 10;
    }
    const int64_t offset = scale / 2;
    return micros >= 0 ? (micros + offset) / scale * scale : -((-micros + offset) / scale * scale);
}

bool CastTimestampToPrecision(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const int32_t precision = AliasOf(info).typmod;
    MapValueRows<int64_t, int64_t>(count, input, output,
                                   [precision](int64_t micros) { return RoundMicros(micros, precision); });
    return true;
}

bool CastTextToTimestamp(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    static const types::TextFormatOptions kOptions; // a timestamp without zone does not depend on the session's
    const int32_t precision = AliasOf(info).typmod;
    auto *out = static_cast<int64_t *>(duckdb_vector_get_data(output));
    return CastTextRows(info, count, input, output, [&](std::string_view text, idx_t row) {
        out[row] = RoundMicros(types::ParseTimestampText(text, kOptions), precision);
    });
}

bool CastTextToInterval(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    auto *out = static_cast<duckdb_interval *>(duckdb_vector_get_data(output));
    return CastTextRows(info, count, input, output,
                        [&](std::string_view text, idx_t row) { out[row] = types::ParseIntervalText(text); });
}

bool CastByReference(duckdb_function_info, idx_t, duckdb_vector input, duckdb_vector output) {
    duckdb_vector_reference_vector(output, input);
    return true;
}

//! The casts into the alias from text (assignments of literals) and from its storage type, by its base.
struct AssignmentCasts {
    duckdb_cast_function_t from_text;
    duckdb_cast_function_t from_storage;
};

AssignmentCasts CastsOf(types::TypmodBase base) {
    switch (base) {
    case types::TypmodBase::Varchar:
    case types::TypmodBase::Bpchar:
        return {CastTextToCharacters, CastTextToCharacters};
    case types::TypmodBase::Timestamp:
        return {CastTextToTimestamp, CastTimestampToPrecision};
    case types::TypmodBase::Timestamptz: // text depends on the session's zone: DuckDB's own cast reads it
        return {nullptr, CastTimestampToPrecision};
    case types::TypmodBase::Interval:
        return {CastTextToInterval, CastByReference};
    }
    return {nullptr, CastByReference};
}

void AddCast(duckdb_connection connection, duckdb_logical_type source, duckdb_logical_type target, int64_t cost,
             duckdb_cast_function_t function, const types::TypmodAlias &alias) {
    CastFunctionHandle cast(duckdb_create_cast_function());
    duckdb_cast_function_set_source_type(cast.Get(), source);
    duckdb_cast_function_set_target_type(cast.Get(), target);
    duckdb_cast_function_set_implicit_cast_cost(cast.Get(), cost);
    duckdb_cast_function_set_function(cast.Get(), function);
    duckdb_cast_function_set_extra_info(cast.Get(), new types::TypmodAlias(alias),
                                        [](void *data) { delete static_cast<types::TypmodAlias *>(data); });
    if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register a cast of type " + types::TypmodAliasName(alias));
    }
}

} // namespace

void RegisterTypmodAlias(duckdb_connection connection, const types::TypmodAlias &alias) {
    const std::string name = types::TypmodAliasName(alias);
    const duckdb_type storage_id = types::TypmodAliasStorage(alias.base);
    LogicalTypeHandle aliased(duckdb_create_logical_type(storage_id));
    duckdb_logical_type_set_alias(aliased.Get(), name.c_str());
    if (duckdb_register_logical_type(connection, aliased.Get(), nullptr) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register type " + name);
    }
    LogicalTypeHandle storage(duckdb_create_logical_type(storage_id));
    AddCast(connection, aliased.Get(), storage.Get(), 1, CastByReference, alias);
    const auto casts = CastsOf(alias.base);
    AddCast(connection, storage.Get(), aliased.Get(), -1, casts.from_storage, alias);
    if (casts.from_text && storage_id != DUCKDB_TYPE_VARCHAR) {
        LogicalTypeHandle text(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        AddCast(connection, text.Get(), aliased.Get(), -1, casts.from_text, alias);
    }
}

} // namespace duckgres::engine
