// MapLogicalType: OID, typlen, typmod and format_type name for every DuckDB type; ArrayTypeOf.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

struct MappingCase {
    const char *duckdb_type; //!< evaluated as "SELECT NULL::<type>"
    uint32_t oid;
    int16_t typlen;
    int32_t typmod;
    const char *name;
};

void PrintTo(const MappingCase &c, std::ostream *os) {
    *os << c.duckdb_type;
}

class TypeMappingTest : public ::testing::TestWithParam<MappingCase> {};

TEST_P(TypeMappingTest, MapsToPostgresType) {
    const MappingCase &c = GetParam();
    PgType type = TestDatabase::Get().EncodeFirstColumn(std::string("SELECT NULL::") + c.duckdb_type, {}).type;
    EXPECT_EQ(type.oid, c.oid);
    EXPECT_EQ(type.typlen, c.typlen);
    EXPECT_EQ(type.typmod, c.typmod);
    EXPECT_EQ(type.name, c.name);
}

constexpr int32_t NumericTypmod(int32_t precision, int32_t scale) {
    return ((precision << 16) | scale) + 4;
}

const std::vector<MappingCase> kMappingCases = {
    {"BOOLEAN", 16, 1, -1, "boolean"},
    {"TINYINT", 21, 2, -1, "smallint"},
    {"SMALLINT", 21, 2, -1, "smallint"},
    {"UTINYINT", 21, 2, -1, "smallint"},
    {"INTEGER", 23, 4, -1, "integer"},
    {"USMALLINT", 23, 4, -1, "integer"},
    {"BIGINT", 20, 8, -1, "bigint"},
    {"UINTEGER", 26, 4, -1, "oid"},
    {"UBIGINT", 1700, -1, -1, "numeric"},
    {"HUGEINT", 1700, -1, -1, "numeric"},
    {"UHUGEINT", 1700, -1, -1, "numeric"},
    {"BIGNUM", 1700, -1, -1, "numeric"},
    {"FLOAT", 700, 4, -1, "real"},
    {"DOUBLE", 701, 8, -1, "double precision"},
    {"DECIMAL(4,1)", 1700, -1, NumericTypmod(4, 1), "numeric(4,1)"},
    {"DECIMAL(10,2)", 1700, -1, NumericTypmod(10, 2), "numeric(10,2)"},
    {"DECIMAL(18,0)", 1700, -1, NumericTypmod(18, 0), "numeric(18,0)"},
    {"DECIMAL(38,10)", 1700, -1, NumericTypmod(38, 10), "numeric(38,10)"},
    {"VARCHAR", 25, -1, -1, "text"},
    {"JSON", 114, -1, -1, "json"},
    {"name", 19, 64, -1, "name"},
    {"pg_char", 18, 1, -1, "\"char\""},
    {"character_data", 1043, -1, -1, "character varying"},
    {"yes_or_no", 1043, -1, 7, "character varying(3)"},
    {"BLOB", 17, -1, -1, "bytea"},
    {"DATE", 1082, 4, -1, "date"},
    {"TIME", 1083, 8, -1, "time without time zone"},
    // DuckDB 1.4.4's C API reports TIME_NS as DUCKDB_TYPE_INVALID, so it cannot be told apart.
    {"TIME_NS", 25, -1, -1, "text"},
    {"TIMETZ", 1266, 12, -1, "time with time zone"},
    {"TIMESTAMP", 1114, 8, -1, "timestamp without time zone"},
    {"TIMESTAMP_S", 1114, 8, -1, "timestamp without time zone"},
    {"TIMESTAMP_MS", 1114, 8, -1, "timestamp without time zone"},
    {"TIMESTAMP_NS", 1114, 8, -1, "timestamp without time zone"},
    {"TIMESTAMPTZ", 1184, 8, -1, "timestamp with time zone"},
    {"INTERVAL", 1186, 16, -1, "interval"},
    {"UUID", 2950, 16, -1, "uuid"},
    {"BIT", 1562, -1, -1, "bit varying"},
    {"mood", 25, -1, -1, "text"},
    {"STRUCT(a INTEGER, b VARCHAR)", 2249, -1, -1, "record"},
    {"MAP(VARCHAR, INTEGER)", 25, -1, -1, "text"},
    {"UNION(a INTEGER, b VARCHAR)", 25, -1, -1, "text"},
    {"INTEGER[]", 1007, -1, -1, "integer[]"},
    {"INTEGER[][]", 1007, -1, -1, "integer[]"},
    {"INTEGER[3]", 1007, -1, -1, "integer[]"},
    {"INTEGER[3][]", 1007, -1, -1, "integer[]"},
    {"BOOLEAN[]", 1000, -1, -1, "boolean[]"},
    {"SMALLINT[]", 1005, -1, -1, "smallint[]"},
    {"BIGINT[]", 1016, -1, -1, "bigint[]"},
    {"VARCHAR[]", 1009, -1, -1, "text[]"},
    {"JSON[]", 199, -1, -1, "json[]"},
    {"name[]", 1003, -1, -1, "name[]"},
    {"BLOB[]", 1001, -1, -1, "bytea[]"},
    {"FLOAT[]", 1021, -1, -1, "real[]"},
    {"DOUBLE[]", 1022, -1, -1, "double precision[]"},
    {"DECIMAL(10,2)[]", 1231, -1, NumericTypmod(10, 2), "numeric(10,2)[]"},
    {"HUGEINT[]", 1231, -1, -1, "numeric[]"},
    {"DATE[]", 1182, -1, -1, "date[]"},
    {"TIME[]", 1183, -1, -1, "time without time zone[]"},
    {"TIMETZ[]", 1270, -1, -1, "time with time zone[]"},
    {"TIMESTAMP[]", 1115, -1, -1, "timestamp without time zone[]"},
    {"TIMESTAMPTZ[]", 1185, -1, -1, "timestamp with time zone[]"},
    {"INTERVAL[]", 1187, -1, -1, "interval[]"},
    {"UUID[]", 2951, -1, -1, "uuid[]"},
    {"BIT[]", 1563, -1, -1, "bit varying[]"},
    {"mood[]", 1009, -1, -1, "text[]"},
    {"STRUCT(a INTEGER)[]", 2287, -1, -1, "record[]"},
    {"MAP(VARCHAR, INTEGER)[]", 1009, -1, -1, "text[]"},
};

INSTANTIATE_TEST_SUITE_P(AllTypes, TypeMappingTest, ::testing::ValuesIn(kMappingCases));

TEST(ArrayTypeOfTest, KnownElementTypes) {
    const std::pair<uint32_t, uint32_t> pairs[] = {
        {oid::kBool, 1000},        {oid::kBytea, 1001},    {oid::kChar, 1002},   {oid::kName, 1003},
        {oid::kInt2, 1005},        {oid::kInt4, 1007},     {oid::kText, 1009},   {oid::kVarchar, 1015},
        {oid::kBpchar, 1014},      {oid::kInt8, 1016},     {oid::kFloat4, 1021}, {oid::kFloat8, 1022},
        {oid::kOid, 1028},         {oid::kDate, 1182},     {oid::kTime, 1183},   {oid::kTimestamp, 1115},
        {oid::kTimestamptz, 1185}, {oid::kInterval, 1187}, {oid::kTimetz, 1270}, {oid::kNumeric, 1231},
        {oid::kUuid, 2951},        {oid::kJson, 199},      {oid::kJsonb, 3807},  {oid::kBit, 1561},
        {oid::kVarbit, 1563},      {oid::kRecord, 2287},
    };
    for (const auto &[element, array] : pairs) {
        EXPECT_EQ(ArrayTypeOf(element), array) << element;
    }
    EXPECT_EQ(ArrayTypeOf(oid::kUnknown), 0u);
    EXPECT_EQ(ArrayTypeOf(1007), 0u);
}

} // namespace
} // namespace duckgres::types::testing
