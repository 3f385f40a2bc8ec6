// Casts between PostgreSQL array text and DuckDB lists, registered for each element type and nesting depth.
#include "engine/functions/array_text_functions.hpp"

#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "types/array_input.hpp"
#include "types/datetime_input.hpp"
#include "types/int128.hpp"
#include "types/network_address.hpp"
#include "types/range_value.hpp"
#include "types/text_input.hpp"
#include "types/value_encoder.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace duckgres::engine {

namespace {

using CastFunctionHandle = DuckDbHandle<duckdb_cast_function, duckdb_destroy_cast_function>;
using types::Int128;

//! PostgreSQL's limit on array dimensions (MAXDIM).
constexpr size_t kMaxDepth = 6;
//! DECIMAL lists are registered for each width and scale, nested up to this depth.
constexpr size_t kMaxDecimalDepth = 3;

//! An element type the casts are registered for: `input` when text is read into lists of it.
struct ElementCast {
    duckdb_type type;
    bool input;
};

// Session settings do not reach a cast, so timestamptz (whose text depends on TimeZone) is left to DuckDB.
constexpr ElementCast kElementCasts[] = {
    {DUCKDB_TYPE_BOOLEAN, true},   {DUCKDB_TYPE_SMALLINT, true},   {DUCKDB_TYPE_INTEGER, true},
    {DUCKDB_TYPE_BIGINT, true},    {DUCKDB_TYPE_UINTEGER, true},   {DUCKDB_TYPE_FLOAT, true},
    {DUCKDB_TYPE_DOUBLE, true},    {DUCKDB_TYPE_VARCHAR, true},    {DUCKDB_TYPE_BLOB, true},
    {DUCKDB_TYPE_DATE, true},      {DUCKDB_TYPE_TIME, true},       {DUCKDB_TYPE_TIMESTAMP, true},
    {DUCKDB_TYPE_INTERVAL, true},  {DUCKDB_TYPE_UUID, true},       {DUCKDB_TYPE_TINYINT, false},
    {DUCKDB_TYPE_UTINYINT, false}, {DUCKDB_TYPE_USMALLINT, false}, {DUCKDB_TYPE_UBIGINT, false},
    {DUCKDB_TYPE_HUGEINT, false},
};

//! The innermost type of a (nested) list type, and how deep it is nested.
struct ListShape {
    duckdb_type element = DUCKDB_TYPE_INVALID;
    uint8_t width = 0;
    uint8_t scale = 0;
    duckdb_type storage = DUCKDB_TYPE_INVALID; //!< a DECIMAL's internal integer type
    std::string alias;                         //!< a BLOB's alias: inet, cidr, macaddr, macaddr8
    std::optional<types::RangeKind> range;     //!< a range type (a BLOB under its name)
    size_t depth = 0;
};

ListShape DescribeList(duckdb_logical_type list_type) {
    ListShape shape;
    LogicalTypeHandle current(duckdb_list_type_child_type(list_type));
    shape.depth = 1;
    while (duckdb_get_type_id(current.Get()) == DUCKDB_TYPE_LIST) {
        current = LogicalTypeHandle(duckdb_list_type_child_type(current.Get()));
        shape.depth++;
    }
    shape.element = duckdb_get_type_id(current.Get());
    if (shape.element == DUCKDB_TYPE_BLOB) {
        shape.alias = TakeDuckDbString(duckdb_logical_type_get_alias(current.Get()));
    }
    if (shape.element == DUCKDB_TYPE_DECIMAL) {
        shape.width = duckdb_decimal_width(current.Get());
        shape.scale = duckdb_decimal_scale(current.Get());
        shape.storage = duckdb_decimal_internal_type(current.Get());
    }
    if (shape.element == DUCKDB_TYPE_BLOB) {
        shape.range = types::RangeKindFromName(TakeDuckDbString(duckdb_logical_type_get_alias(current.Get())));
    }
    return shape;
}

template <class T>
void Store(duckdb_vector vector, idx_t index, T value) {
    static_cast<T *>(duckdb_vector_get_data(vector))[index] = value;
}

void SetNull(duckdb_vector vector, idx_t index) {
    duckdb_vector_ensure_validity_writable(vector);
    duckdb_validity_set_row_invalid(duckdb_vector_get_validity(vector), index);
}

//! A numeric's text as the scaled integer of DECIMAL(width, scale), rounded half away from zero as numeric(p,s)
//! rounds; 22003 when it does not fit.
Int128 ScaledDecimal(std::string_view text, uint8_t width, uint8_t scale) {
    const types::NumericValue value = types::ParseNumericText(text);
    if (value.kind != types::NumericValue::Kind::kFinite) {
        throw SqlError("22003", "numeric field overflow", "DuckDB's DECIMAL has no NaN or infinity.");
    }
    std::string digits = value.digits;
    bool round_up = false;
    if (value.scale > scale) {
        const size_t dropped = static_cast<size_t>(value.scale - scale);
        if (dropped <= digits.size()) {
            round_up = digits[digits.size() - dropped] >= '5';
            digits.resize(digits.size() - dropped);
        } else {
            digits.clear();
        }
    } else {
        digits.append(static_cast<size_t>(scale - value.scale), '0');
    }
    if (digits.size() > width) {
        throw SqlError("22003", "numeric field overflow");
    }
    Int128 scaled = 0;
    for (char c : digits) {
        scaled = scaled * 10 + (c - '0');
    }
    scaled += round_up ? 1 : 0;
    Int128 limit = 1;
    for (uint8_t i = 0; i < width; i++) {
        limit *= 10;
    }
    if (scaled >= limit) {
        throw SqlError("22003", "numeric field overflow");
    }
    return value.negative ? -scaled : scaled;
}

void StoreDecimal(duckdb_vector vector, idx_t index, const ListShape &shape, std::string_view text) {
    const Int128 scaled = ScaledDecimal(text, shape.width, shape.scale);
    switch (shape.storage) {
    case DUCKDB_TYPE_SMALLINT:
        return Store(vector, index, static_cast<int16_t>(scaled));
    case DUCKDB_TYPE_INTEGER:
        return Store(vector, index, static_cast<int32_t>(scaled));
    case DUCKDB_TYPE_BIGINT:
        return Store(vector, index, static_cast<int64_t>(scaled));
    default:
        return Store(vector, index, types::FromInt128(scaled));
    }
}

//! One element's text, read by the PostgreSQL input function of its type, into slot `index` of `vector`.
void StoreElement(duckdb_vector vector, idx_t index, const ListShape &shape, std::string_view text) {
    static const types::TextFormatOptions kOptions;
    switch (shape.element) {
    case DUCKDB_TYPE_BOOLEAN:
        return Store(vector, index, types::ParseBoolText(text));
    case DUCKDB_TYPE_SMALLINT:
        return Store(vector, index, types::ParseInt2Text(text));
    case DUCKDB_TYPE_INTEGER:
        return Store(vector, index, types::ParseInt4Text(text));
    case DUCKDB_TYPE_BIGINT:
        return Store(vector, index, types::ParseInt8Text(text));
    case DUCKDB_TYPE_UINTEGER:
        return Store(vector, index, types::ParseOidText(text));
    case DUCKDB_TYPE_FLOAT:
        return Store(vector, index, types::ParseFloat4Text(text));
    case DUCKDB_TYPE_DOUBLE:
        return Store(vector, index, types::ParseFloat8Text(text));
    case DUCKDB_TYPE_DECIMAL:
        return StoreDecimal(vector, index, shape, text);
    case DUCKDB_TYPE_VARCHAR:
        return duckdb_vector_assign_string_element_len(vector, index, text.data(), text.size());
    case DUCKDB_TYPE_BLOB: {
        const std::string bytes =
            shape.range           ? types::EncodeRange(*shape.range, types::ParseRange(*shape.range, text, kOptions))
            : shape.alias.empty() ? types::ParseByteaText(text)
                                  : types::ParseNetworkStorage(shape.alias, text);
        return duckdb_vector_assign_string_element_len(vector, index, bytes.data(), bytes.size());
    }
    case DUCKDB_TYPE_DATE:
        return Store(vector, index, duckdb_date{types::ParseDateText(text, kOptions)});
    case DUCKDB_TYPE_TIME:
        return Store(vector, index, duckdb_time{types::ParseTimeText(text, kOptions)});
    case DUCKDB_TYPE_TIMESTAMP:
        return Store(vector, index, duckdb_timestamp{types::ParseTimestampText(text, kOptions)});
    case DUCKDB_TYPE_INTERVAL:
        return Store(vector, index, types::ParseIntervalText(text));
    case DUCKDB_TYPE_UUID: {
        // DuckDB stores a UUID as a signed 128-bit integer with the top bit flipped.
        const duckdb_uhugeint uuid = types::ParseUuidText(text);
        duckdb_hugeint stored;
        stored.lower = uuid.lower;
        stored.upper = static_cast<int64_t>(uuid.upper ^ (uint64_t(1) << 63));
        return Store(vector, index, stored);
    }
    default:
        throw SqlError("0A000", "array input of this element type is not supported");
    }
}

//! Writes a parsed array literal as row `row` of a LIST vector whose shape is `shape`.
class ListWriter {
public:
    ListWriter(const ListShape &shape, const types::ArrayLiteral &literal) : shape_(shape), literal_(literal) {}

    void Write(duckdb_vector list, idx_t row, std::string_view text) {
        if (!literal_.dims.empty() && literal_.dims.size() != shape_.depth) {
            // PostgreSQL's arrays carry their dimensions in each value; a DuckDB list type fixes its nesting.
            throw SqlError("22P02", "malformed array literal: \"" + std::string(text) + "\"",
                           "The literal has " + std::to_string(literal_.dims.size()) +
                               " dimensions where the array type has " + std::to_string(shape_.depth) + ".");
        }
        WriteLevel(list, row, 0);
    }

private:
    void WriteLevel(duckdb_vector list, idx_t row, size_t level) {
        const idx_t count = literal_.dims.empty() ? 0 : static_cast<idx_t>(literal_.dims[level]);
        const idx_t offset = duckdb_list_vector_get_size(list);
        duckdb_list_vector_reserve(list, offset + count);
        duckdb_list_vector_set_size(list, offset + count);
        auto *entries = static_cast<duckdb_list_entry *>(duckdb_vector_get_data(list));
        entries[row].offset = offset;
        entries[row].length = count;
        duckdb_vector child = duckdb_list_vector_get_child(list);
        for (idx_t i = 0; i < count; i++) {
            if (level + 1 < shape_.depth) {
                WriteLevel(child, offset + i, level + 1);
                continue;
            }
            const auto &element = literal_.elements[next_++];
            if (element) {
                StoreElement(child, offset + i, shape_, *element);
            } else {
                SetNull(child, offset + i);
            }
        }
    }

    const ListShape &shape_;
    const types::ArrayLiteral &literal_;
    size_t next_ = 0;
};

//! Reports `error` for `row`: the whole cast fails, or (TRY_CAST) the row becomes NULL. False when the cast ends.
bool ReportRowError(duckdb_function_info info, const std::exception &error, idx_t row, duckdb_vector output) {
    if (duckdb_cast_function_get_cast_mode(info) == DUCKDB_CAST_TRY) {
        duckdb_cast_function_set_row_error(info, error.what(), row, output);
        return true;
    }
    duckdb_cast_function_set_error(info, error.what());
    return false;
}

//! text -> list: array_in.
bool TextToList(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    try {
        LogicalTypeHandle type(duckdb_vector_get_column_type(output));
        const ListShape shape = DescribeList(type.Get());
        auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(input));
        uint64_t *validity = duckdb_vector_get_validity(input);
        bool all_cast = true;
        for (idx_t row = 0; row < count; row++) {
            if (validity && !duckdb_validity_row_is_valid(validity, row)) {
                SetNull(output, row);
                continue;
            }
            const std::string_view text(duckdb_string_t_data(&strings[row]), duckdb_string_t_length(strings[row]));
            try {
                const types::ArrayLiteral literal = types::ParseArrayText(text);
                ListWriter(shape, literal).Write(output, row, text);
            } catch (const std::exception &error) {
                all_cast = false;
                if (!ReportRowError(info, error, row, output)) {
                    return false;
                }
            }
        }
        return all_cast;
    } catch (const std::exception &error) {
        duckdb_cast_function_set_error(info, error.what());
        return false;
    }
}

//! list -> text: array_out, written by the encoder the wire protocol's text format uses.
bool ListToText(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    try {
        static const types::TextFormatOptions kOptions;
        LogicalTypeHandle type(duckdb_vector_get_column_type(input));
        auto encoder = types::ValueEncoder::Create(type.Get());
        encoder->Bind(input);
        std::string text;
        for (idx_t row = 0; row < count; row++) {
            if (encoder->IsNull(row)) {
                SetNull(output, row);
                continue;
            }
            text.clear();
            encoder->AppendText(row, text, kOptions);
            duckdb_vector_assign_string_element_len(output, row, text.data(), text.size());
        }
        return true;
    } catch (const std::exception &error) {
        duckdb_cast_function_set_error(info, error.what());
        return false;
    }
}

void RegisterCast(duckdb_connection connection, duckdb_logical_type source, duckdb_logical_type target,
                  duckdb_cast_function_t function) {
    CastFunctionHandle cast(duckdb_create_cast_function());
    duckdb_cast_function_set_source_type(cast.Get(), source);
    duckdb_cast_function_set_target_type(cast.Get(), target);
    duckdb_cast_function_set_function(cast.Get(), function);
    if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register the array text casts");
    }
}

//! Both casts for lists of `element` nested 1..max_depth deep (only list -> text unless `input`).
void RegisterListCasts(duckdb_connection connection, duckdb_logical_type element, size_t max_depth, bool input) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle list(duckdb_create_list_type(element));
    for (size_t depth = 1; depth <= max_depth; depth++) {
        if (input) {
            RegisterCast(connection, varchar.Get(), list.Get(), TextToList);
        }
        RegisterCast(connection, list.Get(), varchar.Get(), ListToText);
        list = LogicalTypeHandle(duckdb_create_list_type(list.Get()));
    }
}

} // namespace

void RegisterArrayTextFunctions(duckdb_connection connection) {
    for (const ElementCast &cast : kElementCasts) {
        LogicalTypeHandle element(duckdb_create_logical_type(cast.type));
        RegisterListCasts(connection, element.Get(), kMaxDepth, cast.input);
    }
    for (const char *alias : {"inet", "cidr", "macaddr", "macaddr8"}) {
        LogicalTypeHandle element(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
        duckdb_logical_type_set_alias(element.Get(), alias);
        RegisterListCasts(connection, element.Get(), kMaxDepth, true);
    }
    for (uint8_t width = 1; width <= 38; width++) {
        for (uint8_t scale = 0; scale <= width; scale++) {
            LogicalTypeHandle element(duckdb_create_decimal_type(width, scale));
            RegisterListCasts(connection, element.Get(), kMaxDecimalDepth, true);
        }
    }
    // Range arrays read in ISO and UTC, as the element cast does (range_functions.cpp registers the range types
    // first).
    for (auto kind : types::kRangeKinds) {
        LogicalTypeHandle element(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
        duckdb_logical_type_set_alias(element.Get(), types::RangeTypeName(kind));
        RegisterListCasts(connection, element.Get(), kMaxDecimalDepth, true);
    }
}

} // namespace duckgres::engine
