// DecodeParameter: PostgreSQL text and binary Bind parameters to DuckDB values; ParameterTypeOid.
#include "types/parameter_decoder.hpp"

#include "common/ascii.hpp"
#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "types/array_input.hpp"
#include "types/binary_format.hpp"
#include "types/civil_date.hpp"
#include "types/datetime_input.hpp"
#include "types/geometry.hpp"
#include "types/int128.hpp"
#include "types/money_format.hpp"
#include "types/network_address.hpp"
#include "types/pg_type.hpp"
#include "types/range_value.hpp"
#include "types/text_input.hpp"
#include "types/type_mapping.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::types {

namespace {

constexpr uint32_t kRecordArray = 2287;
constexpr int32_t kMaxArraySize = 134217727; // PostgreSQL's MaxArraySize
constexpr int32_t kMaxArrayDimensions = 6;
constexpr int32_t kTimeZoneLimit = 57600; // PostgreSQL's TZDISP_LIMIT: 16 hours

OwnedValue Checked(duckdb_value value) {
    if (!value) {
        throw SqlError("XX000", "could not create a DuckDB value for a parameter");
    }
    return OwnedValue(value);
}

//! The DuckDB type DecodeParameter produces for a scalar OID (numeric excluded).
duckdb_type DuckDbTypeOf(uint32_t type_oid) {
    switch (type_oid) {
    case oid::kBool:
        return DUCKDB_TYPE_BOOLEAN;
    case oid::kBytea:
        return DUCKDB_TYPE_BLOB;
    case oid::kInt8:
        return DUCKDB_TYPE_BIGINT;
    case oid::kInt2:
        return DUCKDB_TYPE_SMALLINT;
    case oid::kInt4:
        return DUCKDB_TYPE_INTEGER;
    case oid::kOid:
        return DUCKDB_TYPE_UINTEGER;
    case oid::kFloat4:
        return DUCKDB_TYPE_FLOAT;
    case oid::kFloat8:
        return DUCKDB_TYPE_DOUBLE;
    case oid::kDate:
        return DUCKDB_TYPE_DATE;
    case oid::kTime:
        return DUCKDB_TYPE_TIME;
    case oid::kTimestamp:
        return DUCKDB_TYPE_TIMESTAMP;
    case oid::kTimestamptz:
        return DUCKDB_TYPE_TIMESTAMP_TZ;
    case oid::kInterval:
        return DUCKDB_TYPE_INTERVAL;
    case oid::kTimetz:
        return DUCKDB_TYPE_TIME_TZ;
    case oid::kBit:
    case oid::kVarbit:
        return DUCKDB_TYPE_BIT;
    case oid::kUuid:
        return DUCKDB_TYPE_UUID;
    case oid::kInet:
    case oid::kCidr:
    case oid::kMacaddr:
    case oid::kMacaddr8:
        return DUCKDB_TYPE_BLOB; // in the types' storage bytes
    default:
        return DUCKDB_TYPE_VARCHAR;
    }
}

//! format_type() names for the 42804 element type mismatch message.
std::string TypeNameOf(uint32_t type_oid) {
    switch (type_oid) {
    case oid::kBool:
        return "boolean";
    case oid::kBytea:
        return "bytea";
    case oid::kChar:
        return "\"char\"";
    case oid::kName:
        return "name";
    case oid::kInt8:
        return "bigint";
    case oid::kInt2:
        return "smallint";
    case oid::kInt4:
        return "integer";
    case oid::kText:
        return "text";
    case oid::kOid:
        return "oid";
    case oid::kJson:
        return "json";
    case oid::kFloat4:
        return "real";
    case oid::kFloat8:
        return "double precision";
    case oid::kUnknown:
        return "unknown";
    case oid::kBpchar:
        return "character";
    case oid::kVarchar:
        return "character varying";
    case oid::kDate:
        return "date";
    case oid::kTime:
        return "time without time zone";
    case oid::kTimestamp:
        return "timestamp without time zone";
    case oid::kTimestamptz:
        return "timestamp with time zone";
    case oid::kInterval:
        return "interval";
    case oid::kTimetz:
        return "time with time zone";
    case oid::kBit:
        return "bit";
    case oid::kVarbit:
        return "bit varying";
    case oid::kNumeric:
        return "numeric";
    case oid::kRecord:
        return "record";
    case oid::kUuid:
        return "uuid";
    case oid::kJsonb:
        return "jsonb";
    case oid::kInet:
        return "inet";
    case oid::kCidr:
        return "cidr";
    case oid::kMacaddr:
        return "macaddr";
    case oid::kMacaddr8:
        return "macaddr8";
    case oid::kMoney:
        return "money";
    case oid::kPoint:
    case oid::kLseg:
    case oid::kPath:
    case oid::kBox:
    case oid::kPolygon:
    case oid::kLine:
    case oid::kCircle:
        return GeoKindName(*GeoKindByOid(type_oid));
    case oid::kTsvector:
        return "tsvector";
    case oid::kTsquery:
        return "tsquery";
    case oid::kRegconfig:
        return "regconfig";
    default:
        if (auto range = RangeKindFromOid(type_oid)) {
            return RangeTypeName(*range);
        }
        return "???";
    }
}

OwnedValue MakeVarchar(std::string_view text) {
    VerifyUtf8(text);
    return Checked(duckdb_create_varchar_length(text.data(), text.size()));
}

//! A BLOB value: the storage bytes of inet, cidr, macaddr and macaddr8, which DuckDB takes as those types as they are.
OwnedValue MakeBlob(const std::string &bytes) {
    return Checked(duckdb_create_blob(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
}

OwnedValue MakeBit(const std::string &storage) {
    duckdb_bit bit;
    bit.data = reinterpret_cast<uint8_t *>(const_cast<char *>(storage.data()));
    bit.size = storage.size();
    return Checked(duckdb_create_bit(bit));
}

OwnedValue MakeDouble(const NumericValue &value) {
    switch (value.kind) {
    case NumericValue::Kind::kNaN:
        return Checked(duckdb_create_double(std::numeric_limits<double>::quiet_NaN()));
    case NumericValue::Kind::kPositiveInfinity:
        return Checked(duckdb_create_double(std::numeric_limits<double>::infinity()));
    case NumericValue::Kind::kNegativeInfinity:
        return Checked(duckdb_create_double(-std::numeric_limits<double>::infinity()));
    default:
        return Checked(duckdb_create_double(std::strtod(NumericToText(value).c_str(), nullptr)));
    }
}

//! DECIMAL(width, scale) of `value` rescaled to `scale` (>= value.scale); width <= 38.
OwnedValue MakeDecimal(const NumericValue &value, uint8_t width, uint8_t scale) {
    UInt128 magnitude = 0;
    for (char c : value.digits) {
        magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
    }
    for (int32_t i = value.scale; i < scale; i++) {
        magnitude *= 10;
    }
    const Int128 signed_value = value.negative ? -static_cast<Int128>(magnitude) : static_cast<Int128>(magnitude);
    duckdb_decimal decimal;
    decimal.width = width;
    decimal.scale = scale;
    decimal.value = FromInt128(signed_value);
    return Checked(duckdb_create_decimal(decimal));
}

OwnedValue MakeBignum(const NumericValue &value) {
    // Magnitude bytes from the decimal digits, least significant first while computing. DuckDB
    // 1.4.4's duckdb_create_bignum reads them most significant first (its header says little
    // endian), so they are reversed below; the binary round-trip tests pin this down.
    std::vector<uint8_t> bytes;
    for (char c : value.digits) {
        unsigned carry = static_cast<unsigned>(c - '0');
        for (auto &b : bytes) {
            const unsigned v = b * 10u + carry;
            b = static_cast<uint8_t>(v & 0xFF);
            carry = v >> 8;
        }
        while (carry != 0) {
            bytes.push_back(static_cast<uint8_t>(carry & 0xFF));
            carry >>= 8;
        }
    }
    if (bytes.empty()) {
        bytes.push_back(0);
    }
    std::reverse(bytes.begin(), bytes.end());
    duckdb_bignum bignum;
    bignum.data = bytes.data();
    bignum.size = bytes.size();
    bignum.is_negative = value.negative;
    return Checked(duckdb_create_bignum(bignum));
}

//! Digits before the decimal point.
int64_t IntegerDigits(const NumericValue &value) {
    return std::max<int64_t>(0, static_cast<int64_t>(value.digits.size()) - value.scale);
}

//! How a set of numerics (one value, or an array's elements) becomes DuckDB values.
struct NumericRepresentation {
    enum class Kind { kDecimal, kBignum, kVarchar, kDouble };
    Kind kind = Kind::kDecimal;
    uint8_t width = 1;
    uint8_t scale = 0;
};

NumericRepresentation ChooseRepresentation(const std::vector<const NumericValue *> &values) {
    NumericRepresentation result;
    int64_t integer_digits = 0;
    int64_t scale = 0;
    for (const NumericValue *value : values) {
        if (value->kind != NumericValue::Kind::kFinite) {
            result.kind = NumericRepresentation::Kind::kDouble;
            return result;
        }
        integer_digits = std::max(integer_digits, IntegerDigits(*value));
        scale = std::max<int64_t>(scale, value->scale);
    }
    if (integer_digits + scale <= 38) {
        result.width = static_cast<uint8_t>(std::max<int64_t>(1, integer_digits + scale));
        result.scale = static_cast<uint8_t>(scale);
        return result;
    }
    result.kind = scale == 0 ? NumericRepresentation::Kind::kBignum : NumericRepresentation::Kind::kVarchar;
    return result;
}

OwnedValue MakeNumeric(const NumericValue &value, const NumericRepresentation &representation) {
    switch (representation.kind) {
    case NumericRepresentation::Kind::kDouble:
        return MakeDouble(value);
    case NumericRepresentation::Kind::kBignum:
        return MakeBignum(value);
    case NumericRepresentation::Kind::kVarchar:
        return MakeVarchar(NumericToText(value));
    default:
        return MakeDecimal(value, representation.width, representation.scale);
    }
}

LogicalTypeHandle NumericLogicalType(const NumericRepresentation &representation) {
    switch (representation.kind) {
    case NumericRepresentation::Kind::kDouble:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE));
    case NumericRepresentation::Kind::kBignum:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BIGNUM));
    case NumericRepresentation::Kind::kVarchar:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    default:
        return LogicalTypeHandle(duckdb_create_decimal_type(representation.width, representation.scale));
    }
}

// ---- Text input ----

OwnedValue DecodeTextScalar(uint32_t type_oid, std::string_view text, const TextFormatOptions &options) {
    switch (type_oid) {
    case oid::kBool:
        return Checked(duckdb_create_bool(ParseBoolText(text)));
    case oid::kInt2:
        return Checked(duckdb_create_int16(ParseInt2Text(text)));
    case oid::kInt4:
        return Checked(duckdb_create_int32(ParseInt4Text(text)));
    case oid::kInt8:
        return Checked(duckdb_create_int64(ParseInt8Text(text)));
    case oid::kOid:
        return Checked(duckdb_create_uint32(ParseOidText(text)));
    case oid::kFloat4:
        return Checked(duckdb_create_float(ParseFloat4Text(text)));
    case oid::kFloat8:
        return Checked(duckdb_create_double(ParseFloat8Text(text)));
    case oid::kNumeric: {
        const NumericValue value = ParseNumericText(text);
        return MakeNumeric(value, ChooseRepresentation({&value}));
    }
    case oid::kBytea: {
        const std::string bytes = ParseByteaText(text);
        return Checked(duckdb_create_blob(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
    }
    case oid::kDate:
        return Checked(duckdb_create_date(duckdb_date{ParseDateText(text, options)}));
    case oid::kTime:
        return Checked(duckdb_create_time(duckdb_time{ParseTimeText(text, options)}));
    case oid::kTimetz: {
        const TimeTzParts parts = ParseTimeTzText(text, options);
        return Checked(duckdb_create_time_tz_value(duckdb_create_time_tz(parts.micros, parts.offset_seconds)));
    }
    case oid::kTimestamp:
        return Checked(duckdb_create_timestamp(duckdb_timestamp{ParseTimestampText(text, options)}));
    case oid::kTimestamptz:
        return Checked(duckdb_create_timestamp_tz(duckdb_timestamp{ParseTimestampTzText(text, options)}));
    case oid::kInterval:
        return Checked(duckdb_create_interval(ParseIntervalText(text)));
    case oid::kUuid:
        return Checked(duckdb_create_uuid(ParseUuidText(text)));
    case oid::kBit:
    case oid::kVarbit:
        return MakeBit(ParseBitText(text));
    case oid::kInet:
    case oid::kCidr:
    case oid::kMacaddr:
    case oid::kMacaddr8:
        return MakeBlob(ParseNetworkStorage(TypeNameOf(type_oid), text));
    default:
        if (auto range = RangeKindFromOid(type_oid)) {
            // Read in the session's DateStyle and TimeZone; passed on as ISO text that the cast reads alike.
            return MakeVarchar(FormatRange(*range, ParseRange(*range, text, options), {}));
        }
        return MakeVarchar(text);
    }
}

// ---- Binary input ----

[[noreturn]] void ThrowBinaryFormat(int parameter_number) {
    throw SqlError("22P03", "incorrect binary data format in bind parameter " + std::to_string(parameter_number));
}

//! varbit_recv into DuckDB BIT storage.
std::string ReadBit(BinaryReader &reader) {
    const auto bit_count = reader.Read<int32_t>();
    if (bit_count < 0) {
        throw SqlError("22P03", "invalid length in external bit string");
    }
    const std::string_view bytes = reader.ReadBytes((static_cast<size_t>(bit_count) + 7) / 8);
    std::string bits;
    bits.reserve(static_cast<size_t>(bit_count));
    for (int32_t i = 0; i < bit_count; i++) {
        bits += (static_cast<uint8_t>(bytes[i / 8]) >> (7 - i % 8)) & 1 ? '1' : '0';
    }
    return ParseBitText(bits);
}

//! Reads one scalar of `type_oid` from the reader (text-like types take all remaining bytes).
OwnedValue ReadBinaryScalar(uint32_t type_oid, BinaryReader &reader) {
    switch (type_oid) {
    case oid::kBool:
        return Checked(duckdb_create_bool(reader.ReadByte() != 0));
    case oid::kInt2:
        return Checked(duckdb_create_int16(reader.Read<int16_t>()));
    case oid::kInt4:
        return Checked(duckdb_create_int32(reader.Read<int32_t>()));
    case oid::kInt8:
        return Checked(duckdb_create_int64(reader.Read<int64_t>()));
    case oid::kOid:
        return Checked(duckdb_create_uint32(reader.Read<uint32_t>()));
    case oid::kFloat4:
        return Checked(duckdb_create_float(reader.ReadFloat4()));
    case oid::kFloat8:
        return Checked(duckdb_create_double(reader.ReadFloat8()));
    case oid::kNumeric: {
        const NumericValue value = ReadNumericBinary(reader);
        return MakeNumeric(value, ChooseRepresentation({&value}));
    }
    case oid::kBytea: {
        const std::string_view bytes = reader.Rest();
        return Checked(duckdb_create_blob(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
    }
    case oid::kDate:
        return Checked(duckdb_create_date(duckdb_date{ReadDateBinary(reader)}));
    case oid::kTime:
        return Checked(duckdb_create_time(duckdb_time{ReadTimeBinary(reader)}));
    case oid::kTimetz: {
        const int64_t micros = ReadTimeBinary(reader);
        const auto zone = reader.Read<int32_t>(); // seconds west of UTC
        if (zone <= -kTimeZoneLimit || zone >= kTimeZoneLimit) {
            throw SqlError("22009", "time zone displacement out of range");
        }
        return Checked(duckdb_create_time_tz_value(duckdb_create_time_tz(micros, -zone)));
    }
    case oid::kTimestamp:
        return Checked(duckdb_create_timestamp(duckdb_timestamp{ReadTimestampBinary(reader)}));
    case oid::kTimestamptz:
        return Checked(duckdb_create_timestamp_tz(duckdb_timestamp{ReadTimestampBinary(reader)}));
    case oid::kInterval:
        return Checked(duckdb_create_interval(ReadIntervalBinary(reader)));
    case oid::kUuid: {
        duckdb_uhugeint uuid;
        uuid.upper = reader.Read<uint64_t>();
        uuid.lower = reader.Read<uint64_t>();
        return Checked(duckdb_create_uuid(uuid));
    }
    case oid::kBit:
    case oid::kVarbit:
        return MakeBit(ReadBit(reader));
    case oid::kChar:
        return MakeVarchar(std::string(1, static_cast<char>(reader.ReadByte())));
    case oid::kInet:
    case oid::kCidr:
    case oid::kMacaddr:
    case oid::kMacaddr8:
        return MakeBlob(ReadNetworkBinary(TypeNameOf(type_oid), reader.Rest()));
    case oid::kJsonb: {
        const uint8_t version = reader.ReadByte();
        if (version != 1) {
            throw SqlError("XX000", "unsupported jsonb version number " + std::to_string(version));
        }
        return MakeVarchar(reader.Rest());
    }
    case oid::kMoney: // as its text, which the cast to money reads back
        return MakeVarchar(FormatMoney(reader.Read<int64_t>()));
    case oid::kPoint:
    case oid::kLseg:
    case oid::kPath:
    case oid::kBox:
    case oid::kPolygon:
    case oid::kLine:
    case oid::kCircle:
        return MakeVarchar(FormatGeometry(GeometryFromBinary(*GeoKindByOid(type_oid), reader.Rest())));
    default: // text, varchar, bpchar, name, json, unknown; ranges as their text, which the cast to them reads
        if (auto range = RangeKindFromOid(type_oid)) {
            return MakeVarchar(RangeBinaryToText(*range, reader.Rest()));
        }
        return MakeVarchar(reader.Rest());
    }
}

// ---- Arrays ----

//! Builds nested LIST values of `dims` from row-major `elements` of type `element_type`.
class ListBuilder {
public:
    ListBuilder(const std::vector<int32_t> &dims, std::vector<OwnedValue> &elements, duckdb_logical_type element_type)
        : dims_(dims), elements_(elements) {
        // types_[d]: the child type of the lists at depth d (the elements' type at the innermost).
        const size_t depth = std::max<size_t>(dims.size(), 1);
        types_.assign(depth, element_type);
        for (size_t d = depth - 1; d-- > 0;) {
            list_types_.emplace_back(duckdb_create_list_type(types_[d + 1]));
            types_[d] = list_types_.back().Get();
        }
    }

    OwnedValue Build() {
        if (dims_.empty()) {
            duckdb_value none = nullptr; // the C API rejects a null array even for zero values
            return Checked(duckdb_create_list_value(types_[0], &none, 0));
        }
        size_t next = 0;
        return BuildLevel(0, next);
    }

private:
    OwnedValue BuildLevel(size_t depth, size_t &next) {
        std::vector<OwnedValue> owned;
        std::vector<duckdb_value> items;
        for (int32_t i = 0; i < dims_[depth]; i++) {
            if (depth + 1 == dims_.size()) {
                items.push_back(elements_[next++].Get());
            } else {
                owned.push_back(BuildLevel(depth + 1, next));
                items.push_back(owned.back().Get());
            }
        }
        return Checked(duckdb_create_list_value(types_[depth], items.data(), items.size()));
    }

    const std::vector<int32_t> &dims_;
    std::vector<OwnedValue> &elements_;
    std::vector<LogicalTypeHandle> list_types_;
    std::vector<duckdb_logical_type> types_;
};

OwnedValue BuildList(const std::vector<int32_t> &dims, std::vector<OwnedValue> &elements,
                     duckdb_logical_type element_type) {
    return ListBuilder(dims, elements, element_type).Build();
}

//! Elements as DuckDB values: NULLs as SQLNULL values, numerics in one common representation.
OwnedValue MakeArray(uint32_t element_oid, const std::vector<int32_t> &dims,
                     std::vector<std::optional<NumericValue>> *numerics, std::vector<OwnedValue> elements) {
    if (element_oid == oid::kNumeric) {
        std::vector<const NumericValue *> present;
        for (const auto &numeric : *numerics) {
            if (numeric) {
                present.push_back(&*numeric);
            }
        }
        const NumericRepresentation representation = ChooseRepresentation(present);
        elements.clear();
        for (const auto &numeric : *numerics) {
            elements.push_back(numeric ? MakeNumeric(*numeric, representation) : Checked(duckdb_create_null_value()));
        }
        LogicalTypeHandle type = NumericLogicalType(representation);
        return BuildList(dims, elements, type.Get());
    }
    LogicalTypeHandle type(duckdb_create_logical_type(DuckDbTypeOf(element_oid)));
    return BuildList(dims, elements, type.Get());
}

OwnedValue DecodeTextArray(uint32_t element_oid, std::string_view text, const TextFormatOptions &options) {
    ArrayLiteral literal = ParseArrayText(text);
    std::vector<OwnedValue> elements;
    std::vector<std::optional<NumericValue>> numerics;
    for (const auto &element : literal.elements) {
        if (element_oid == oid::kNumeric) {
            numerics.push_back(element ? std::optional<NumericValue>(ParseNumericText(*element)) : std::nullopt);
        } else if (element) {
            elements.push_back(DecodeTextScalar(element_oid, *element, options));
        } else {
            elements.push_back(Checked(duckdb_create_null_value()));
        }
    }
    return MakeArray(element_oid, literal.dims, &numerics, std::move(elements));
}

OwnedValue DecodeBinaryArray(uint32_t element_oid, BinaryReader &reader) {
    const auto ndim = reader.Read<int32_t>();
    const auto flags = reader.Read<int32_t>();
    const auto sent_element_oid = reader.Read<uint32_t>();
    if (ndim < 0) {
        throw SqlError("22P03", "invalid number of dimensions: " + std::to_string(ndim));
    }
    if (ndim > kMaxArrayDimensions) {
        throw SqlError("54000", "number of array dimensions (" + std::to_string(ndim) +
                                    ") exceeds the maximum allowed (" + std::to_string(kMaxArrayDimensions) + ")");
    }
    if (flags != 0 && flags != 1) {
        throw SqlError("22P03", "invalid array flags");
    }
    if (sent_element_oid != element_oid) {
        throw SqlError("42804", "binary data has array element type " + std::to_string(sent_element_oid) + " (" +
                                    TypeNameOf(sent_element_oid) + ") instead of expected " +
                                    std::to_string(element_oid) + " (" + TypeNameOf(element_oid) + ")");
    }
    std::vector<int32_t> dims;
    int64_t count = ndim == 0 ? 0 : 1;
    for (int32_t d = 0; d < ndim; d++) {
        const auto size = reader.Read<int32_t>();
        reader.Read<int32_t>(); // lower bound: DuckDB lists start at 1
        if (size < 0 || (count *= size) > kMaxArraySize) {
            throw SqlError("54000", "array size exceeds the maximum allowed (" + std::to_string(kMaxArraySize) + ")");
        }
        dims.push_back(size);
    }
    if (count == 0) {
        dims.clear();
    }
    std::vector<OwnedValue> elements;
    std::vector<std::optional<NumericValue>> numerics;
    for (int64_t i = 0; i < count; i++) {
        const auto length = reader.Read<int32_t>();
        if (length < -1 || (length >= 0 && static_cast<size_t>(length) > reader.Remaining())) {
            throw SqlError("22P03", "insufficient data left in message");
        }
        if (length == -1) {
            numerics.emplace_back();
            elements.push_back(Checked(duckdb_create_null_value()));
            continue;
        }
        BinaryReader element(reader.ReadBytes(static_cast<size_t>(length)));
        if (element_oid == oid::kNumeric) {
            numerics.emplace_back(ReadNumericBinary(element));
        } else {
            elements.push_back(ReadBinaryScalar(element_oid, element));
        }
        if (element.Remaining() != 0) {
            throw SqlError("22P03", "improper binary format in array element " + std::to_string(i + 1));
        }
    }
    return MakeArray(element_oid, dims, &numerics, std::move(elements));
}

[[noreturn]] void ThrowAnonymousRecord() {
    throw SqlError("0A000", "input of anonymous composite types is not implemented");
}

} // namespace

uint32_t ArrayElementTypeOf(uint32_t array_oid) {
    const BuiltinType *element = FindBuiltinArrayElement(array_oid);
    return element && element->binary_receive ? element->oid : 0;
}

OwnedValue DecodeParameter(uint32_t type_oid, int16_t format, std::string_view bytes, const TextFormatOptions &options,
                           int parameter_number) {
    if (format != 0 && format != 1) {
        throw SqlError("22023", "unsupported format code: " + std::to_string(format));
    }
    if (type_oid == oid::kRecord || type_oid == kRecordArray) {
        ThrowAnonymousRecord();
    }
    const uint32_t element_oid = ArrayElementTypeOf(type_oid);
    if (format == 0) {
        VerifyUtf8(bytes);
        if (element_oid != 0) {
            return DecodeTextArray(element_oid, bytes, options);
        }
        return DecodeTextScalar(type_oid, bytes, options);
    }
    // 0 (a type left open) is read as text, like unknown.
    if (element_oid == 0 && type_oid != 0 && !HasBinaryReceive(type_oid)) {
        throw SqlError("0A000", "binary format is not supported for parameters of type " + std::to_string(type_oid) +
                                    " by Duckgres; send it in text format");
    }
    BinaryReader reader(bytes);
    OwnedValue value = element_oid != 0 ? DecodeBinaryArray(element_oid, reader) : ReadBinaryScalar(type_oid, reader);
    if (reader.Remaining() != 0) {
        ThrowBinaryFormat(parameter_number);
    }
    return value;
}

OwnedValue DecodeRangeColumnValue(uint32_t type_oid, int16_t format, std::string_view bytes,
                                  const TextFormatOptions &options) {
    const auto kind = RangeKindFromOid(type_oid);
    if (!kind) {
        throw SqlError("XX000", "not a range type: " + std::to_string(type_oid));
    }
    const Range range = format == 0 ? ParseRange(*kind, bytes, options)
                                    : ParseRange(*kind, RangeBinaryToText(*kind, bytes), TextFormatOptions{});
    // The appender converts a value to the column's type with DuckDB's default casts only (never a registered one):
    // text becomes a BLOB by reading \xHH escapes, so each storage byte is written as one.
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string escaped;
    for (const unsigned char byte : EncodeRange(*kind, range)) {
        escaped += "\\x";
        escaped += kHex[byte >> 4];
        escaped += kHex[byte & 0x0F];
    }
    return Checked(duckdb_create_varchar_length(escaped.data(), escaped.size()));
}

OwnedValue DecodeColumnValue(uint32_t type_oid, int16_t format, std::string_view bytes,
                             const TextFormatOptions &options, int parameter_number) {
    if (type_oid == oid::kMoney) {
        if (format == 0) {
            return Checked(duckdb_create_int64(ParseMoney(bytes)));
        }
        BinaryReader reader(bytes);
        const auto cents = reader.Read<int64_t>();
        if (reader.Remaining() != 0) {
            ThrowBinaryFormat(parameter_number);
        }
        return Checked(duckdb_create_int64(cents));
    }
    if (auto kind = GeoKindByOid(type_oid)) {
        const Geometry value = format == 0 ? ParseGeometry(*kind, bytes) : GeometryFromBinary(*kind, bytes);
        return MakeVarchar(FormatGeometry(value));
    }
    return DecodeParameter(type_oid, format, bytes, options, parameter_number);
}

uint32_t ParameterTypeOid(duckdb_logical_type type) {
    if (type == nullptr) {
        return oid::kText;
    }
    switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_INVALID:
    case DUCKDB_TYPE_ANY:
    case DUCKDB_TYPE_SQLNULL:
        return oid::kText;
    default:
        break;
    }
    const uint32_t mapped = MapLogicalType(type).oid;
    if (mapped == oid::kRecord || mapped == kRecordArray) {
        return oid::kText;
    }
    return mapped;
}

uint32_t GuessTextValueOid(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && text[i] == ' ') {
        i++;
    }
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        i++;
    }
    size_t digits = 0;
    bool point = false;
    bool exponent = false;
    for (; i < text.size(); i++) {
        char c = text[i];
        if (IsAsciiDigit(c)) {
            digits++;
        } else if (c == '.' && !point && !exponent) {
            point = true;
        } else if ((c == 'e' || c == 'E') && digits > 0 && !exponent && i + 1 < text.size()) {
            exponent = true;
            if (text[i + 1] == '-' || text[i + 1] == '+') {
                i++;
            }
        } else if (c == ' ') {
            while (i < text.size() && text[i] == ' ') {
                i++;
            }
            break;
        } else {
            return oid::kText;
        }
    }
    if (digits == 0 || i != text.size()) {
        return oid::kText;
    }
    if (point || exponent || digits > 18) {
        return oid::kFloat8;
    }
    return oid::kInt8;
}

int NumericValueScale(std::string_view value, bool binary) {
    int scale = 0;
    if (binary) {
        // ndigits, weight, sign, dscale: four big-endian int16 values.
        if (value.size() >= 8) {
            scale = (static_cast<unsigned char>(value[6]) << 8) | static_cast<unsigned char>(value[7]);
        }
    } else {
        auto point = value.find('.');
        if (point != std::string_view::npos) {
            auto end = value.find_first_not_of("0123456789", point + 1);
            scale = static_cast<int>((end == std::string_view::npos ? value.size() : end) - point - 1);
        }
    }
    return std::clamp(scale, 0, 38);
}

} // namespace duckgres::types
