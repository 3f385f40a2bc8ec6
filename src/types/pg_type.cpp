// Duckgres' table of PostgreSQL's built-in types (array types, binary formats), cast names and type names.
#include "types/pg_type.hpp"

#include "types/geometry.hpp"

namespace duckgres::types {

namespace {

//! The built-in types Duckgres knows, by OID: array type, binary send, binary receive. The one list of which types
//! have a binary format here; binary output (SupportsBinary) and binary parameter and COPY FROM input
//! (DecodeParameter, ArrayElementTypeOf) read it.
// clang-format off
constexpr BuiltinType kBuiltinTypes[] = {
    // type              array  send   receive
    {oid::kBool,         1000,  true,  true},
    {oid::kBytea,        1001,  true,  true},
    {oid::kChar,         1002,  true,  true},
    {oid::kName,         1003,  true,  true},
    {oid::kInt8,         1016,  true,  true},
    {oid::kInt2,         1005,  true,  true},
    {oid::kInt4,         1007,  true,  true},
    {oid::kText,         1009,  true,  true},
    {oid::kOid,          1028,  true,  true},
    {oid::kXid,          1011,  true,  false},
    {oid::kJson,         199,   true,  true},
    {oid::kPoint,        1017,  true,  true},
    {oid::kLseg,         1018,  true,  true},
    {oid::kPath,         1019,  true,  true},
    {oid::kBox,          1020,  true,  true},
    {oid::kPolygon,      1027,  true,  true},
    {oid::kLine,         629,   true,  true},
    {oid::kFloat4,       1021,  true,  true},
    {oid::kFloat8,       1022,  true,  true},
    {oid::kUnknown,      0,     false, true}, // parameters only, read as text
    {oid::kCircle,       719,   true,  true},
    {oid::kMoney,        791,   true,  true},
    {oid::kAclitem,      1034,  false, false},
    {oid::kBpchar,       1014,  true,  true},
    {oid::kVarchar,      1015,  true,  true},
    {oid::kDate,         1182,  true,  true},
    {oid::kTime,         1183,  true,  true},
    {oid::kTimestamp,    1115,  true,  true},
    {oid::kTimestamptz,  1185,  true,  true},
    {oid::kInterval,     1187,  true,  true},
    {oid::kTimetz,       1270,  true,  true},
    {oid::kBit,          1561,  true,  true},
    {oid::kVarbit,       1563,  true,  true},
    {oid::kNumeric,      1231,  true,  true},
    {oid::kRecord,       2287,  true,  false}, // anonymous records are refused as input, as by PostgreSQL
    {oid::kUuid,         2951,  true,  true},
    {oid::kJsonb,        3807,  true,  true},
    {oid::kCidr,         651,   true,  true},
    {oid::kMacaddr8,     775,   true,  true},
    {oid::kMacaddr,      1040,  true,  true},
    {oid::kInet,         1041,  true,  true},
    {oid::kInt4range,    3905,  true,  true},
    {oid::kNumrange,     3907,  true,  true},
    {oid::kTsrange,      3909,  true,  true},
    {oid::kTstzrange,    3911,  true,  true},
    {oid::kDaterange,    3913,  true,  true},
    {oid::kInt8range,    3927,  true,  true},
    {oid::kTsvector,     3643,  true,  false},
    {oid::kTsquery,      3645,  true,  false},
    {oid::kRegconfig,    3735,  false, false},
};
// clang-format on

} // namespace

const BuiltinType *FindBuiltinType(uint32_t type_oid) {
    for (const auto &type : kBuiltinTypes) {
        if (type.oid == type_oid) {
            return &type;
        }
    }
    return nullptr;
}

const BuiltinType *FindBuiltinArrayElement(uint32_t array_oid) {
    if (array_oid == 0) {
        return nullptr;
    }
    for (const auto &type : kBuiltinTypes) {
        if (type.array_oid == array_oid) {
            return &type;
        }
    }
    return nullptr;
}

bool HasBinarySend(uint32_t type_oid) {
    const BuiltinType *type = FindBuiltinType(type_oid);
    if (!type) {
        type = FindBuiltinArrayElement(type_oid);
    }
    return type && type->binary_send;
}

bool HasBinaryReceive(uint32_t type_oid) {
    const BuiltinType *type = FindBuiltinType(type_oid);
    if (!type) {
        type = FindBuiltinArrayElement(type_oid);
    }
    return type && type->binary_receive;
}

uint32_t ArrayTypeOf(uint32_t element_oid) {
    const BuiltinType *type = FindBuiltinType(element_oid);
    return type ? type->array_oid : 0;
}

std::string CastTypeNameForOid(uint32_t type_oid) {
    for (uint32_t element :
         {oid::kBool,    oid::kBytea, oid::kInt2,  oid::kInt4,   oid::kInt8,      oid::kFloat4,      oid::kFloat8,
          oid::kNumeric, oid::kDate,  oid::kTime,  oid::kTimetz, oid::kTimestamp, oid::kTimestamptz, oid::kInterval,
          oid::kUuid,    oid::kJson,  oid::kJsonb, oid::kText,   oid::kVarchar,   oid::kBpchar,      oid::kName,
          oid::kChar,    oid::kOid,   oid::kInet,  oid::kCidr,   oid::kMacaddr,   oid::kMacaddr8}) {
        if (type_oid != 0 && ArrayTypeOf(element) == type_oid) {
            return CastTypeNameForOid(element) + "[]";
        }
    }
    switch (type_oid) {
    case oid::kBool:
        return "boolean";
    case oid::kBytea:
        return "blob";
    case oid::kInt2:
        return "int2";
    case oid::kInt4:
        return "int4";
    case oid::kInt8:
        return "int8";
    case oid::kOid:
        return "uinteger";
    case oid::kFloat4:
        return "float4";
    case oid::kFloat8:
        return "float8";
    case oid::kNumeric:
        return "numeric(38,10)";
    case oid::kDate:
        return "date";
    case oid::kTime:
        return "time";
    case oid::kTimetz:
        return "timetz";
    case oid::kTimestamp:
        return "timestamp";
    case oid::kTimestamptz:
        return "timestamptz";
    case oid::kInterval:
        return "interval";
    case oid::kUuid:
        return "uuid";
    case oid::kJson:
        return "json";
    case oid::kJsonb:
        return "jsonb";
    case oid::kInt4range:
        return "int4range";
    case oid::kNumrange:
        return "numrange";
    case oid::kTsrange:
        return "tsrange";
    case oid::kTstzrange:
        return "tstzrange";
    case oid::kDaterange:
        return "daterange";
    case oid::kInt8range:
        return "int8range";
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
    case oid::kName:
        return "name";
    case oid::kInet:
        return "inet";
    case oid::kCidr:
        return "cidr";
    case oid::kMacaddr:
        return "macaddr";
    case oid::kMacaddr8:
        return "macaddr8";
    case oid::kVarchar:
    case oid::kBpchar:
    case oid::kChar:
        return "varchar";
    default:
        return "text";
    }
}

uint32_t TypeOidForName(std::string_view name) {
    if (name.ends_with("[]")) {
        return ArrayTypeOf(TypeOidForName(name.substr(0, name.size() - 2)));
    }
    static constexpr std::pair<std::string_view, uint32_t> kNames[] = {
        {"bool", oid::kBool},
        {"boolean", oid::kBool},
        {"bytea", oid::kBytea},
        {"char", oid::kChar},
        {"name", oid::kName},
        {"int8", oid::kInt8},
        {"bigint", oid::kInt8},
        {"int2", oid::kInt2},
        {"smallint", oid::kInt2},
        {"int4", oid::kInt4},
        {"int", oid::kInt4},
        {"integer", oid::kInt4},
        {"text", oid::kText},
        {"oid", oid::kOid},
        {"json", oid::kJson},
        {"float4", oid::kFloat4},
        {"real", oid::kFloat4},
        {"float8", oid::kFloat8},
        {"double precision", oid::kFloat8},
        {"bpchar", oid::kBpchar},
        {"character", oid::kBpchar},
        {"varchar", oid::kVarchar},
        {"character varying", oid::kVarchar},
        {"date", oid::kDate},
        {"time", oid::kTime},
        {"timestamp", oid::kTimestamp},
        {"timestamptz", oid::kTimestamptz},
        {"timestamp without time zone", oid::kTimestamp},
        {"timestamp with time zone", oid::kTimestamptz},
        {"time without time zone", oid::kTime},
        {"time with time zone", oid::kTimetz},
        {"interval", oid::kInterval},
        {"timetz", oid::kTimetz},
        {"numeric", oid::kNumeric},
        {"decimal", oid::kNumeric},
        {"uuid", oid::kUuid},
        {"jsonb", oid::kJsonb},
        {"inet", oid::kInet},
        {"cidr", oid::kCidr},
        {"macaddr", oid::kMacaddr},
        {"macaddr8", oid::kMacaddr8},
        {"int4range", oid::kInt4range},
        {"int8range", oid::kInt8range},
        {"numrange", oid::kNumrange},
        {"daterange", oid::kDaterange},
        {"tsrange", oid::kTsrange},
        {"tstzrange", oid::kTstzrange},
        {"money", oid::kMoney},
        {"point", oid::kPoint},
        {"lseg", oid::kLseg},
        {"path", oid::kPath},
        {"box", oid::kBox},
        {"polygon", oid::kPolygon},
        {"line", oid::kLine},
        {"circle", oid::kCircle},
        {"tsvector", oid::kTsvector},
        {"tsquery", oid::kTsquery},
        {"regconfig", oid::kRegconfig},
    };
    for (const auto &[type_name, type_oid] : kNames) {
        if (name == type_name) {
            return type_oid;
        }
    }
    return 0;
}

} // namespace duckgres::types
