// Array type OIDs of PostgreSQL's built-in element types.
#include "types/pg_type.hpp"

namespace duckgres::types {

uint32_t ArrayTypeOf(uint32_t element_oid) {
    switch (element_oid) {
    case oid::kBool:
        return 1000;
    case oid::kBytea:
        return 1001;
    case oid::kChar:
        return 1002;
    case oid::kName:
        return 1003;
    case oid::kInt2:
        return 1005;
    case oid::kInt4:
        return 1007;
    case oid::kText:
        return 1009;
    case oid::kBpchar:
        return 1014;
    case oid::kVarchar:
        return 1015;
    case oid::kInt8:
        return 1016;
    case oid::kFloat4:
        return 1021;
    case oid::kFloat8:
        return 1022;
    case oid::kOid:
        return 1028;
    case oid::kXid:
        return 1011;
    case oid::kAclitem:
        return 1034;
    case oid::kTimestamp:
        return 1115;
    case oid::kDate:
        return 1182;
    case oid::kTime:
        return 1183;
    case oid::kTimestamptz:
        return 1185;
    case oid::kInterval:
        return 1187;
    case oid::kNumeric:
        return 1231;
    case oid::kTimetz:
        return 1270;
    case oid::kBit:
        return 1561;
    case oid::kVarbit:
        return 1563;
    case oid::kJson:
        return 199;
    case oid::kRecord:
        return 2287;
    case oid::kUuid:
        return 2951;
    case oid::kJsonb:
        return 3807;
    default:
        return 0;
    }
}

std::string CastTypeNameForOid(uint32_t type_oid) {
    for (uint32_t element : {oid::kBool,        oid::kBytea,    oid::kInt2, oid::kInt4, oid::kInt8,   oid::kFloat4,
                             oid::kFloat8,      oid::kNumeric,  oid::kDate, oid::kTime, oid::kTimetz, oid::kTimestamp,
                             oid::kTimestamptz, oid::kInterval, oid::kUuid, oid::kJson, oid::kJsonb,  oid::kText,
                             oid::kVarchar,     oid::kBpchar,   oid::kName, oid::kChar, oid::kOid}) {
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
    case oid::kJsonb:
        return "json";
    case oid::kName:
        return "name";
    case oid::kVarchar:
    case oid::kBpchar:
    case oid::kChar:
        return "varchar";
    default:
        return "text";
    }
}

uint32_t TypeOidForName(std::string_view name) {
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
        {"interval", oid::kInterval},
        {"timetz", oid::kTimetz},
        {"numeric", oid::kNumeric},
        {"decimal", oid::kNumeric},
        {"uuid", oid::kUuid},
        {"jsonb", oid::kJsonb},
    };
    for (const auto &[type_name, type_oid] : kNames) {
        if (name == type_name) {
            return type_oid;
        }
    }
    return 0;
}

} // namespace duckgres::types
