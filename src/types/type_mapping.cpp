// DuckDB logical type -> PostgreSQL type (OID, typlen, typmod, format_type name); see docs/type-mapping.md.
#include "types/type_mapping.hpp"

#include "common/ascii.hpp"
#include "common/duckdb_handles.hpp"
#include "types/geometry.hpp"
#include "types/range_value.hpp"
#include "types/typmod_alias.hpp"

namespace duckgres::types {

namespace {

PgType Make(uint32_t type_oid, int16_t typlen, const char *name, int32_t typmod = -1) {
    return PgType{type_oid, typlen, typmod, name};
}

bool HasAlias(duckdb_logical_type type, const char *name) {
    const std::string alias = TakeDuckDbString(duckdb_logical_type_get_alias(type));
    return EqualsIgnoreAsciiCase(alias, name);
}

PgType MapDecimal(duckdb_logical_type type) {
    const int32_t width = duckdb_decimal_width(type);
    const int32_t scale = duckdb_decimal_scale(type);
    const std::string name = "numeric(" + std::to_string(width) + "," + std::to_string(scale) + ")";
    return PgType{oid::kNumeric, -1, ((width << 16) | scale) + 4, name};
}

//! PostgreSQL has no nested array types: a list of lists maps to the innermost element's array.
PgType MapSequence(duckdb_logical_type child_type) {
    const duckdb_type child_id = duckdb_get_type_id(child_type);
    PgType element = MapLogicalType(child_type);
    if (child_id == DUCKDB_TYPE_LIST || child_id == DUCKDB_TYPE_ARRAY) {
        return element;
    }
    const uint32_t array_oid = ArrayTypeOf(element.oid);
    if (array_oid == 0) {
        return Make(ArrayTypeOf(oid::kText), -1, "text[]");
    }
    return PgType{array_oid, -1, element.typmod, element.name + "[]"};
}

} // namespace

PgType MapLogicalType(duckdb_logical_type type) {
    // varchar(n), char(n), timestamp(p), interval fields: their alias carries the modifier.
    if (auto alias = ParseTypmodAliasName(TakeDuckDbString(duckdb_logical_type_get_alias(type)));
        alias && TypmodAliasStorage(alias->base) == duckdb_get_type_id(type)) {
        return TypmodAliasPgType(*alias);
    }
    switch (duckdb_get_type_id(type)) {
    case DUCKDB_TYPE_BOOLEAN:
        return Make(oid::kBool, 1, "boolean");
    case DUCKDB_TYPE_TINYINT:
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_UTINYINT:
        return Make(oid::kInt2, 2, "smallint");
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_USMALLINT:
        return Make(oid::kInt4, 4, "integer");
    case DUCKDB_TYPE_BIGINT:
        return HasAlias(type, "money") ? Make(oid::kMoney, 8, "money") : Make(oid::kInt8, 8, "bigint");
    case DUCKDB_TYPE_UINTEGER: // PostgreSQL's oid is an unsigned 32-bit integer, and so is xid (an alias)
        return HasAlias(type, "xid") ? Make(oid::kXid, 4, "xid") : Make(oid::kOid, 4, "oid");
    case DUCKDB_TYPE_UBIGINT:
    case DUCKDB_TYPE_HUGEINT:
    case DUCKDB_TYPE_UHUGEINT:
    case DUCKDB_TYPE_BIGNUM:
        return Make(oid::kNumeric, -1, "numeric");
    case DUCKDB_TYPE_FLOAT:
        return Make(oid::kFloat4, 4, "real");
    case DUCKDB_TYPE_DOUBLE:
        return Make(oid::kFloat8, 8, "double precision");
    case DUCKDB_TYPE_DECIMAL:
        return MapDecimal(type);
    case DUCKDB_TYPE_VARCHAR:
        if (HasAlias(type, "JSON")) {
            return Make(oid::kJson, -1, "json");
        }
        if (HasAlias(type, "jsonb")) {
            return Make(oid::kJsonb, -1, "jsonb");
        }
        if (auto kind = GeoKindByName(TakeDuckDbString(duckdb_logical_type_get_alias(type)))) {
            return Make(GeoKindOid(*kind), GeoKindLength(*kind), GeoKindName(*kind));
        }
        if (HasAlias(type, "tsvector")) {
            return Make(oid::kTsvector, -1, "tsvector");
        }
        if (HasAlias(type, "tsquery")) {
            return Make(oid::kTsquery, -1, "tsquery");
        }
        if (HasAlias(type, "regtype")) {
            constexpr uint32_t kRegtype = 2206;
            return Make(kRegtype, 4, "regtype");
        }
        if (HasAlias(type, "regconfig")) {
            return Make(oid::kRegconfig, 4, "regconfig");
        }
        if (HasAlias(type, "name")) {
            return Make(oid::kName, 64, "name");
        }
        if (HasAlias(type, "pg_char")) {
            return Make(oid::kChar, 1, "\"char\"");
        }
        if (HasAlias(type, "character_data")) {
            return Make(oid::kVarchar, -1, "character varying");
        }
        if (HasAlias(type, "yes_or_no")) {
            return Make(oid::kVarchar, -1, "character varying(3)", 3 + 4);
        }
        if (HasAlias(type, "anyarray")) {
            return Make(oid::kAnyarray, -1, "anyarray");
        }
        return HasAlias(type, "aclitem") ? Make(oid::kAclitem, 12, "aclitem") : Make(oid::kText, -1, "text");
    case DUCKDB_TYPE_BLOB:
        if (HasAlias(type, "inet")) {
            return Make(oid::kInet, -1, "inet");
        }
        if (HasAlias(type, "cidr")) {
            return Make(oid::kCidr, -1, "cidr");
        }
        if (HasAlias(type, "macaddr")) {
            return Make(oid::kMacaddr, 6, "macaddr");
        }
        if (HasAlias(type, "macaddr8")) {
            return Make(oid::kMacaddr8, 8, "macaddr8");
        }
        if (auto range = RangeKindFromName(TakeDuckDbString(duckdb_logical_type_get_alias(type)))) {
            return Make(RangeOid(*range), -1, RangeTypeName(*range));
        }
        return Make(oid::kBytea, -1, "bytea");
    case DUCKDB_TYPE_DATE:
        return Make(oid::kDate, 4, "date");
    case DUCKDB_TYPE_TIME:
    case DUCKDB_TYPE_TIME_NS:
        return Make(oid::kTime, 8, "time without time zone");
    case DUCKDB_TYPE_TIME_TZ:
        return Make(oid::kTimetz, 12, "time with time zone");
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_S:
    case DUCKDB_TYPE_TIMESTAMP_MS:
    case DUCKDB_TYPE_TIMESTAMP_NS:
        return Make(oid::kTimestamp, 8, "timestamp without time zone");
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        return Make(oid::kTimestamptz, 8, "timestamp with time zone");
    case DUCKDB_TYPE_INTERVAL:
        return Make(oid::kInterval, 16, "interval");
    case DUCKDB_TYPE_UUID:
        return Make(oid::kUuid, 16, "uuid");
    case DUCKDB_TYPE_LIST: {
        // The catalog's int2vector and oidvector columns (pg_index.indkey, pg_proc.proargtypes): aliased lists.
        if (HasAlias(type, "int2vector")) {
            return Make(oid::kInt2vector, -1, "int2vector");
        }
        if (HasAlias(type, "oidvector")) {
            return Make(oid::kOidvector, -1, "oidvector");
        }
        LogicalTypeHandle child(duckdb_list_type_child_type(type));
        return MapSequence(child.Get());
    }
    case DUCKDB_TYPE_ARRAY: {
        LogicalTypeHandle child(duckdb_array_type_child_type(type));
        return MapSequence(child.Get());
    }
    case DUCKDB_TYPE_STRUCT:
        return Make(oid::kRecord, -1, "record");
    case DUCKDB_TYPE_BIT:
        return Make(oid::kVarbit, -1, "bit varying");
    default: // ENUM, MAP, UNION and anything else are sent as text
        return Make(oid::kText, -1, "text");
    }
}

} // namespace duckgres::types
