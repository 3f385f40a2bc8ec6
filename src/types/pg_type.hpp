// PgType: a PostgreSQL type as a client sees it (OID, length, modifier, name).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

//! PostgreSQL built-in type OIDs used by Duckgres (values from PostgreSQL 15's pg_type).
namespace oid {
constexpr uint32_t kBool = 16;
constexpr uint32_t kBytea = 17;
constexpr uint32_t kChar = 18;
constexpr uint32_t kName = 19;
constexpr uint32_t kInt8 = 20;
constexpr uint32_t kInt2 = 21;
constexpr uint32_t kInt4 = 23;
constexpr uint32_t kText = 25;
constexpr uint32_t kOid = 26;
constexpr uint32_t kXid = 28;
constexpr uint32_t kJson = 114;
constexpr uint32_t kCidr = 650;
constexpr uint32_t kPoint = 600;
constexpr uint32_t kLseg = 601;
constexpr uint32_t kPath = 602;
constexpr uint32_t kBox = 603;
constexpr uint32_t kPolygon = 604;
constexpr uint32_t kLine = 628;
constexpr uint32_t kFloat4 = 700;
constexpr uint32_t kMacaddr8 = 774;
constexpr uint32_t kMacaddr = 829;
constexpr uint32_t kInet = 869;
constexpr uint32_t kFloat8 = 701;
constexpr uint32_t kUnknown = 705;
constexpr uint32_t kCircle = 718;
constexpr uint32_t kMoney = 790;
constexpr uint32_t kAclitem = 1033;
constexpr uint32_t kInt2vector = 22;
constexpr uint32_t kOidvector = 30;
constexpr uint32_t kAnyarray = 2277;
constexpr uint32_t kBpchar = 1042;
constexpr uint32_t kVarchar = 1043;
constexpr uint32_t kDate = 1082;
constexpr uint32_t kTime = 1083;
constexpr uint32_t kTimestamp = 1114;
constexpr uint32_t kTimestamptz = 1184;
constexpr uint32_t kInterval = 1186;
constexpr uint32_t kTimetz = 1266;
constexpr uint32_t kBit = 1560;
constexpr uint32_t kVarbit = 1562;
constexpr uint32_t kNumeric = 1700;
constexpr uint32_t kRecord = 2249;
constexpr uint32_t kUuid = 2950;
constexpr uint32_t kJsonb = 3802;
constexpr uint32_t kInt4range = 3904;
constexpr uint32_t kNumrange = 3906;
constexpr uint32_t kTsrange = 3908;
constexpr uint32_t kTstzrange = 3910;
constexpr uint32_t kDaterange = 3912;
constexpr uint32_t kInt8range = 3926;
constexpr uint32_t kTsvector = 3614;
constexpr uint32_t kTsquery = 3615;
constexpr uint32_t kRegconfig = 3734;
} // namespace oid

struct PgType {
    uint32_t oid = oid::kText;
    int16_t typlen = -1; //!< pg_type.typlen: fixed size, -1 varlena, -2 cstring
    int32_t typmod = -1; //!< e.g. numeric ((precision << 16) | scale) + 4; -1 when none
    std::string name;    //!< PostgreSQL type name as format_type() writes it, e.g. "integer"
};

//! A SQL type name DuckDB accepts in a cast for values of PostgreSQL type `oid` (e.g. 23 ->
//! "int4", 1700 -> "numeric(38,10)"); "text" for types without a better match.
std::string CastTypeNameForOid(uint32_t oid);

//! A built-in type in Duckgres' table of them (pg_type.cpp): its OID, its array type's OID and which directions
//! of PostgreSQL's binary format (send/recv) Duckgres handles for values of it and for arrays of it.
struct BuiltinType {
    uint32_t oid = 0;
    uint32_t array_oid = 0;      //!< 0 when it has no array type
    bool binary_send = false;    //!< result columns and COPY TO can carry it in binary (format code 1)
    bool binary_receive = false; //!< Bind parameters and COPY FROM are decoded from binary
};

//! The table's row for `type_oid` (an element type, not an array), or nullptr.
const BuiltinType *FindBuiltinType(uint32_t type_oid);

//! The table's row whose array type is `array_oid`, or nullptr.
const BuiltinType *FindBuiltinArrayElement(uint32_t array_oid);

//! Whether values of `type_oid`, a built-in type or an array of one, can be sent in binary.
bool HasBinarySend(uint32_t type_oid);

//! Whether values of `type_oid`, a built-in type or an array of one, can be received in binary.
bool HasBinaryReceive(uint32_t type_oid);

//! The array type OID of an element type OID (e.g. 23 -> 1007), or 0 when there is none.
uint32_t ArrayTypeOf(uint32_t element_oid);

//! The OID of a PostgreSQL type by one of its SQL names ("int4", "integer", "character varying", "oid",
//! "timestamptz", "timestamp with time zone"...; lower case; "integer[]" its array type), or 0 for names not in
//! Duckgres' type table.
uint32_t TypeOidForName(std::string_view name);

} // namespace duckgres::types
