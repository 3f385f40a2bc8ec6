// Binary output of every mapped type against PostgreSQL 15's bytes, and binary parameter round trips.
#include "binary_case.hpp"

namespace duckgres::types::testing {
namespace {

using oid::kBool, oid::kInt2, oid::kInt4, oid::kInt8, oid::kNumeric, oid::kFloat4, oid::kFloat8;
using oid::kDate, oid::kTime, oid::kTimetz, oid::kTimestamp, oid::kTimestamptz, oid::kInterval;
using oid::kText, oid::kJson, oid::kBytea, oid::kUuid, oid::kVarbit, oid::kRecord;

constexpr uint32_t kBoolArray = 1000;
constexpr uint32_t kByteaArray = 1001;
constexpr uint32_t kInt2Array = 1005;
constexpr uint32_t kInt4Array = 1007;
constexpr uint32_t kTextArray = 1009;
constexpr uint32_t kInt8Array = 1016;
constexpr uint32_t kFloat4Array = 1021;
constexpr uint32_t kFloat8Array = 1022;
constexpr uint32_t kTimestampArray = 1115;
constexpr uint32_t kDateArray = 1182;
constexpr uint32_t kTimeArray = 1183;
constexpr uint32_t kTimestamptzArray = 1185;
constexpr uint32_t kIntervalArray = 1187;
constexpr uint32_t kNumericArray = 1231;
constexpr uint32_t kTimetzArray = 1270;
constexpr uint32_t kVarbitArray = 1563;
constexpr uint32_t kJsonArray = 199;
constexpr uint32_t kRecordArray = 2287;
constexpr uint32_t kUuidArray = 2951;

const std::vector<BinaryCase> kNumberCases = {
    {"true", "01", kBool},
    {"false", "00", kBool},
    {"42::TINYINT", "002a", kInt2, "42::int2"},
    {"(-128)::TINYINT", "ff80", kInt2, "(-128)::int2"},
    {"(-32768)::SMALLINT", "8000", kInt2, "(-32768)::int2"},
    {"255::UTINYINT", "00ff", kInt2, "255::int2"},
    {"0::INTEGER", "00000000", kInt4},
    {"2147483647::INTEGER", "7fffffff", kInt4},
    {"(-2147483648)::INTEGER", "80000000", kInt4},
    {"65535::USMALLINT", "0000ffff", kInt4, "65535::int4"},
    {"9223372036854775807::BIGINT", "7fffffffffffffff", kInt8},
    {"(-9223372036854775808)::BIGINT", "8000000000000000", kInt8},
    {"4294967295::UINTEGER", "ffffffff", oid::kOid, "4294967295::oid"},
    {"18446744073709551615::UBIGINT", "000500040000000007341a5802e103bb064f", kNumeric,
     "18446744073709551615::numeric"},
    {"0::UBIGINT", "0000000000000000", kNumeric, "0::numeric"},
    {"0::HUGEINT", "0000000000000000", kNumeric, "0::numeric"},
    {"(-1)::HUGEINT", "00010000400000000001", kNumeric, "(-1)::numeric"},
    {"10000::HUGEINT", "00010001000000000001", kNumeric, "10000::numeric"},
    {"100000000000000000000::HUGEINT", "00010005000000000001", kNumeric, "100000000000000000000::numeric"},
    {"170141183460469231731687303715884105727::HUGEINT", "000a00090000000000aa0583209a01d5090d0c601c871bf620da165f",
     kNumeric, "170141183460469231731687303715884105727::numeric"},
    {"(-170141183460469231731687303715884105728)::HUGEINT", "000a00094000000000aa0583209a01d5090d0c601c871bf620da1660",
     kNumeric, "(-170141183460469231731687303715884105728)::numeric"},
    {"340282366920938463463374607431768211455::UHUGEINT", "000a00090000000001540b071a2403aa121a18c111ff10dd1aa505af",
     kNumeric, "340282366920938463463374607431768211455::numeric"},
    {"0::BIGNUM", "0000000000000000", kNumeric, "0::numeric"},
    {"(-256)::BIGNUM", "00010000400000000100", kNumeric, "(-256)::numeric"},
    {"'1606938044258990275541962092341162602522202993782792835301376'::BIGNUM",
     "0010000f00000000000117b50edc10a226ae1d8207aa039b10140a2a1466012b0ec61ef80dca0560", kNumeric,
     "'1606938044258990275541962092341162602522202993782792835301376'::numeric"},
    {"'-12345678901234567890123456789012345678901234567890'::BIGNUM",
     "000d000c40000000000c0d801ed204d2162e23340d801ed204d2162e23340d801ed2", kNumeric,
     "'-12345678901234567890123456789012345678901234567890'::numeric"},
    {"1.5::DECIMAL(4,1)", "000200000000000100011388", kNumeric, "1.5::numeric(4,1)"},
    {"(-0.05)::DECIMAL(4,2)", "0001ffff4000000201f4", kNumeric, "(-0.05)::numeric(4,2)"},
    {"12.34::DECIMAL(5,2)", "0002000000000002000c0d48", kNumeric, "12.34::numeric(5,2)"},
    {"0::DECIMAL(9,3)", "0000000000000003", kNumeric, "0::numeric(9,3)"},
    {"1.0000::DECIMAL(10,4)", "00010000000000040001", kNumeric, "1.0000::numeric(10,4)"},
    {"0.0001::DECIMAL(10,4)", "0001ffff000000040001", kNumeric, "0.0001::numeric(10,4)"},
    {"0.00001::DECIMAL(10,5)", "0001fffe0000000503e8", kNumeric, "0.00001::numeric(10,5)"},
    {"10000::DECIMAL(10,0)", "00010001000000000001", kNumeric, "10000::numeric(10,0)"},
    {"12345.6789::DECIMAL(9,4)", "0003000100000004000109291a85", kNumeric, "12345.6789::numeric(9,4)"},
    {"123456789.123456789::DECIMAL(18,9)", "0006000200000009000109291a8504d2162e2328", kNumeric,
     "123456789.123456789::numeric(18,9)"},
    {"(-99999999999999999999999999999999999999)::DECIMAL(38,0)",
     "000a0009400000000063270f270f270f270f270f270f270f270f270f", kNumeric,
     "(-99999999999999999999999999999999999999)::numeric(38,0)"},
    {"99999999999999999999999999999.999999999::DECIMAL(38,9)",
     "000b0007000000090009270f270f270f270f270f270f270f270f270f2328", kNumeric,
     "99999999999999999999999999999.999999999::numeric(38,9)"},
    {"0.00000000000000000000000000000000000001::DECIMAL(38,38)", "0001fff6000000260064", kNumeric,
     "0.00000000000000000000000000000000000001::numeric(38,38)"},
    {"1.5::REAL", "3fc00000", kFloat4},
    {"'-0'::REAL", "80000000", kFloat4},
    {"'NaN'::REAL", "7fc00000", kFloat4},
    {"'Infinity'::REAL", "7f800000", kFloat4},
    {"'-Infinity'::REAL", "ff800000", kFloat4},
    {"3.4028235e38::REAL", "7f7fffff", kFloat4},
    {"1.4e-45::REAL", "00000001", kFloat4},
    {"0.1::DOUBLE", "3fb999999999999a", kFloat8, "0.1::float8"},
    {"(-1e308)::DOUBLE", "ffe1ccf385ebc8a0", kFloat8, "(-1e308)::float8"},
    {"5e-324::DOUBLE", "0000000000000001", kFloat8, "5e-324::float8"},
    {"'NaN'::DOUBLE", "7ff8000000000000", kFloat8, "'NaN'::float8"},
    {"'-Infinity'::DOUBLE", "fff0000000000000", kFloat8, "'-Infinity'::float8"},
};

const std::vector<BinaryCase> kStringCases = {
    {"'hello'", "68656c6c6f", kText, "'hello'::text"},
    {"''", "", kText, "''::text"},
    {"'abcdefghijklmnopqrstuvwxyz'", "6162636465666768696a6b6c6d6e6f707172737475767778797a", kText,
     "'abcdefghijklmnopqrstuvwxyz'::text"},
    {"'héllo wörld ✓'", "68c3a96c6c6f2077c3b6726c6420e29c93", kText, "'héllo wörld ✓'::text"},
    {R"('{"a":  [1, 2]}'::JSON)", "7b2261223a20205b312c20325d7d", kJson, R"('{"a":  [1, 2]}'::json)", false},
    {"'abc'::BLOB", "616263", kBytea, "'abc'::bytea"},
    {R"('\xAB\x00\x01'::BLOB)", "ab0001", kBytea, R"('\xab0001'::bytea)"},
    {"''::BLOB", "", kBytea, "''::bytea"},
    {"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID", "a0eebc999c0b4ef8bb6d6bb9bd380a11", kUuid,
     "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid"},
    {"'00000000-0000-0000-0000-000000000000'::UUID", "00000000000000000000000000000000", kUuid,
     "'00000000-0000-0000-0000-000000000000'::uuid"},
    {"'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID", "ffffffffffffffffffffffffffffffff", kUuid,
     "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid"},
    {"'7fffffff-ffff-ffff-ffff-ffffffffffff'::UUID", "7fffffffffffffffffffffffffffffff", kUuid,
     "'7fffffff-ffff-ffff-ffff-ffffffffffff'::uuid"},
    {"'happy'::mood", "6861707079", kText, "'happy'::text"},
    {"'0101'::BIT", "0000000450", kVarbit, "'0101'::varbit"},
    {"'1'::BIT", "0000000180", kVarbit, "'1'::varbit"},
    {"'10101010'::BIT", "00000008aa", kVarbit, "'10101010'::varbit"},
    {"'101010101'::BIT", "00000009aa80", kVarbit, "'101010101'::varbit"},
    {"MAP {'a': 1, 'b': 2}", "7b613d312c20623d327d", kText, "'{a=1, b=2}'::text"},
    {"union_value(num := 42)::UNION(num INTEGER, str VARCHAR)", "3432", kText, "'42'::text"},
};

const std::vector<BinaryCase> kDateTimeCases = {
    {"DATE '2000-01-01'", "00000000", kDate},
    {"DATE '2024-01-31'", "0000225c", kDate},
    {"DATE '1970-01-01'", "ffffd533", kDate},
    {"DATE '0044-03-15 (BC)'", "fff49d7b", kDate, "DATE '0044-03-15 BC'"},
    {"DATE '4714-11-24 (BC)'", "ffda97a7", kDate, "DATE '4714-11-24 BC'"},
    {"DATE '5874897-12-31'", "7fda970c", kDate},
    {"'infinity'::DATE", "7fffffff", kDate},
    {"'-infinity'::DATE", "80000000", kDate},
    {"TIME '13:45:00.5'", "0000000b8675b020", kTime},
    {"TIME '00:00:00'", "0000000000000000", kTime},
    {"TIME '24:00:00'", "000000141dd76000", kTime},
    {"TIMETZ '13:45:00+02'", "0000000b866e0f00ffffe3e0", kTimetz},
    {"TIMETZ '13:45:00.25-05:30'", "0000000b8671df9000004d58", kTimetz},
    {"TIMETZ '01:00:00+05:30:15'", "00000000d693a400ffffb299", kTimetz},
    {"TIMETZ '23:59:59.999999+15:59:59'", "000000141dd75fffffff1f01", kTimetz},
    {"TIMESTAMP '2000-01-01 00:00:00'", "0000000000000000", kTimestamp},
    {"TIMESTAMP '2024-01-31 13:45:00.123'", "0002b33cda966f78", kTimestamp},
    {"TIMESTAMP '1969-12-31 23:59:59.999999'", "fffca2fec4c81fff", kTimestamp},
    {"TIMESTAMP '0044-03-15 (BC) 10:00:00'", "ff1af9e74e1f8800", kTimestamp, "TIMESTAMP '0044-03-15 10:00:00 BC'"},
    {"TIMESTAMP '4714-11-24 (BC) 00:00:00'", "fd0f7cc1411fa000", kTimestamp, "TIMESTAMP '4714-11-24 00:00:00 BC'"},
    {"TIMESTAMP '294247-01-10 04:00:54.775806'", "7ffca2fec4c81ffe", kTimestamp},
    {"'infinity'::TIMESTAMP", "7fffffffffffffff", kTimestamp},
    {"'-infinity'::TIMESTAMP", "8000000000000000", kTimestamp},
    {"'2024-01-31 13:45:07'::TIMESTAMP_S", "0002b33cdaff5ec0", kTimestamp, "TIMESTAMP '2024-01-31 13:45:07'"},
    {"'2024-01-31 13:45:07.123'::TIMESTAMP_MS", "0002b33cdb013f38", kTimestamp, "TIMESTAMP '2024-01-31 13:45:07.123'"},
    {"'2024-01-31 13:45:07.123456789'::TIMESTAMP_NS", "0002b33cdb014101", kTimestamp,
     "TIMESTAMP '2024-01-31 13:45:07.123456789'"},
    {"'-infinity'::TIMESTAMP_MS", "8000000000000000", kTimestamp, "'-infinity'::timestamp"},
    {"TIMESTAMPTZ '2024-01-31 13:45:00+01'", "0002b33c0400eb00", kTimestamptz},
    {"TIMESTAMPTZ '1890-06-01 00:00:00+00'", "fff3b6d2619fa000", kTimestamptz},
    {"'infinity'::TIMESTAMPTZ", "7fffffffffffffff", kTimestamptz},
    {"'-infinity'::TIMESTAMPTZ", "8000000000000000", kTimestamptz},
    {"INTERVAL '1 year 2 months 3 days 04:05:06.789'", "000000036c97ca88000000030000000e", kInterval,
     "INTERVAL '1 year 2 mons 3 days 04:05:06.789'"},
    {"INTERVAL '-1 days' + INTERVAL '1 hour'", "00000000d693a400ffffffff00000000", kInterval,
     "INTERVAL '-1 days +01:00:00'"},
    {"INTERVAL '0 seconds'", "00000000000000000000000000000000", kInterval, "INTERVAL '0'"},
    {"INTERVAL '-178956970 years -7 months'", "00000000000000000000000080000001", kInterval},
};

const std::vector<BinaryCase> kNestedCases = {
    {"[1, 2, NULL]", "000000010000000100000017000000030000000100000004000000010000000400000002ffffffff", kInt4Array,
     "ARRAY[1, 2, NULL]"},
    {"[]::INTEGER[]", "000000000000000000000017", kInt4Array, "'{}'::int4[]"},
    {"[[1, 2], [3, 4]]",
     "00000002000000000000001700000002000000010000000200000001000000040000000100000004000000020000000400000003000000040"
     "0000004",
     kInt4Array, "ARRAY[[1, 2], [3, 4]]"},
    {"[[1, NULL], [3, 4]]",
     "000000020000000100000017000000020000000100000002000000010000000400000001ffffffff00000004000000030000000400000004",
     kInt4Array, "ARRAY[[1, NULL], [3, 4]]"},
    {"[[[1], [2]]]",
     "00000003000000000000001700000001000000010000000200000001000000010000000100000004000000010000000400000002",
     kInt4Array, "ARRAY[[[1], [2]]]"},
    {"[[]]::INTEGER[][]", "000000000000000000000017", kInt4Array, "'{}'::int4[]"},
    {"[[], []]::INTEGER[][]", "000000000000000000000017", kInt4Array, "'{}'::int4[]"},
    {"[1, 2, 3]::INTEGER[3]",
     "0000000100000000000000170000000300000001000000040000000100000004000000020000000400000003", kInt4Array,
     "ARRAY[1, 2, 3]"},
    {"[[1, 2], [3, 4]]::INTEGER[2][2]",
     "00000002000000000000001700000002000000010000000200000001000000040000000100000004000000020000000400000003000000040"
     "0000004",
     kInt4Array, "ARRAY[[1, 2], [3, 4]]"},
    {"[[1, 2], [3, 4]]::INTEGER[2][]",
     "00000002000000000000001700000002000000010000000200000001000000040000000100000004000000020000000400000003000000040"
     "0000004",
     kInt4Array, "ARRAY[[1, 2], [3, 4]]"},
    {"[[1, 2], [3, 4]]::INTEGER[][2]",
     "00000002000000000000001700000002000000010000000200000001000000040000000100000004000000020000000400000003000000040"
     "0000004",
     kInt4Array, "ARRAY[[1, 2], [3, 4]]"},
    {"[true, false]", "000000010000000000000010000000020000000100000001010000000100", kBoolArray, "ARRAY[true, false]"},
    {"[1::SMALLINT]", "0000000100000000000000150000000100000001000000020001", kInt2Array, "ARRAY[1::int2]"},
    {"[1::UTINYINT]", "0000000100000000000000150000000100000001000000020001", kInt2Array, "ARRAY[1::int2]"},
    {"[1::BIGINT, NULL]", "0000000100000001000000140000000200000001000000080000000000000001ffffffff", kInt8Array,
     "ARRAY[1::int8, NULL]"},
    {"[1.5::REAL]", "0000000100000000000002bc0000000100000001000000043fc00000", kFloat4Array, "ARRAY[1.5::float4]"},
    {"[1.5::DOUBLE, 'NaN'::DOUBLE]",
     "0000000100000000000002bd0000000200000001000000083ff8000000000000000000087ff8000000000000", kFloat8Array,
     "ARRAY[1.5::float8, 'NaN'::float8]"},
    {"[1.5::DECIMAL(4,1), NULL, -2.5::DECIMAL(4,1)]",
     "0000000100000001000006a400000003000000010000000c000200000000000100011388ffffffff0000000c000200004000000100021388",
     kNumericArray, "ARRAY[1.5::numeric(4,1), NULL, -2.5::numeric(4,1)]"},
    {"['a', NULL, 'b c', '']", "00000001000000010000001900000004000000010000000161ffffffff0000000362206300000000",
     kTextArray, "ARRAY['a', NULL, 'b c', '']"},
    {"['abc'::BLOB]", "000000010000000000000011000000010000000100000003616263", kByteaArray, "ARRAY['abc'::bytea]"},
    {"[DATE '2024-01-31', 'infinity'::DATE]",
     "00000001000000000000043a0000000200000001000000040000225c000000047fffffff", kDateArray,
     "ARRAY[DATE '2024-01-31', 'infinity'::date]"},
    {"[TIME '13:45:00']", "00000001000000000000043b0000000100000001000000080000000b866e0f00", kTimeArray,
     "ARRAY[TIME '13:45:00']"},
    {"[TIMETZ '13:45:00+02']", "0000000100000000000004f200000001000000010000000c0000000b866e0f00ffffe3e0", kTimetzArray,
     "ARRAY['13:45:00+02'::timetz]"},
    {"[TIMESTAMP '2024-01-31 13:45:00']", "00000001000000000000045a0000000100000001000000080002b33cda948f00",
     kTimestampArray, "ARRAY[TIMESTAMP '2024-01-31 13:45:00']"},
    {"[TIMESTAMPTZ '2024-01-31 13:45:00+01']", "0000000100000000000004a00000000100000001000000080002b33c0400eb00",
     kTimestamptzArray, "ARRAY[TIMESTAMPTZ '2024-01-31 13:45:00+01']"},
    {"[INTERVAL '1 day']", "0000000100000000000004a200000001000000010000001000000000000000000000000100000000",
     kIntervalArray, "ARRAY[INTERVAL '1 day']"},
    {"['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID]",
     "000000010000000000000b86000000010000000100000010a0eebc999c0b4ef8bb6d6bb9bd380a11", kUuidArray,
     "ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid]"},
    {"['0101'::BIT]", "00000001000000000000061a0000000100000001000000050000000450", kVarbitArray,
     "ARRAY['0101'::varbit]"},
    {"['1'::JSON]", "00000001000000000000007200000001000000010000000131", kJsonArray, "ARRAY['1'::json]", false},
    {"['happy'::mood]", "0000000100000000000000190000000100000001000000056861707079", kTextArray,
     "ARRAY['happy'::text]"},
    {"[MAP {'a': 1}]", "0000000100000000000000190000000100000001000000057b613d317d", kTextArray,
     "ARRAY['{a=1}'::text]"},
    {"{'a': 1, 'b': 'x'}", "00000002000000170000000400000001000000190000000178", kRecord, "ROW(1, 'x'::text)", false},
    {"{'a': NULL::INTEGER, 'b': ''}", "0000000200000017ffffffff0000001900000000", kRecord, "ROW(NULL::int4, ''::text)",
     false},
    {"{'u': 255::UTINYINT, 'h': 1::HUGEINT}", "00000002000000150000000200ff000006a40000000a00010000000000000001",
     kRecord, "ROW(255::int2, 1::numeric)", false},
    {"{'s': {'x': 1}, 'l': [1, 2]}",
     "00000002000008c90000001000000001000000170000000400000001000003ef0000002400000001000000000000001700000002000000010"
     "0000004000000010000000400000002",
     kRecord, "ROW(ROW(1), ARRAY[1, 2])", false},
    {"[{'a': 1}, NULL]", "0000000100000001000008c900000002000000010000001000000001000000170000000400000001ffffffff",
     kRecordArray, "ARRAY[ROW(1), NULL]", false},
};

class BinaryOutputTest : public ::testing::TestWithParam<BinaryCase> {};

TEST_P(BinaryOutputTest, MatchesPostgres) {
    const BinaryCase &c = GetParam();
    BinaryColumn column = BinaryDatabase::Get().Encode(std::string("SELECT ") + c.duckdb);
    ASSERT_EQ(column.error, "");
    ASSERT_EQ(column.values.size(), 1u);
    EXPECT_EQ(column.type.oid, c.oid);
    ASSERT_TRUE(column.values[0].has_value());
    EXPECT_EQ(ToHex(*column.values[0]), c.hex);
    EXPECT_TRUE(SupportsBinary(column.type));
}

//! DecodeParameter(binary) then re-encoding gives PostgreSQL's bytes back.
TEST_P(BinaryOutputTest, RoundTripsAsParameter) {
    const BinaryCase &c = GetParam();
    if (!c.round_trip) {
        return; // json (sent back as text) and records (no record input); see the dedicated tests
    }
    TextFormatOptions options;
    OwnedValue value = DecodeParameter(c.oid, 1, FromHex(c.hex), options);
    ASSERT_TRUE(value);
    BinaryColumn column = BinaryDatabase::Get().Encode("SELECT $1", value.Get());
    ASSERT_EQ(column.error, "");
    ASSERT_EQ(column.values.size(), 1u);
    ASSERT_TRUE(column.values[0].has_value());
    EXPECT_EQ(ToHex(*column.values[0]), c.hex);
}

INSTANTIATE_TEST_SUITE_P(Numbers, BinaryOutputTest, ::testing::ValuesIn(kNumberCases));
INSTANTIATE_TEST_SUITE_P(Strings, BinaryOutputTest, ::testing::ValuesIn(kStringCases));
INSTANTIATE_TEST_SUITE_P(DateTimes, BinaryOutputTest, ::testing::ValuesIn(kDateTimeCases));
INSTANTIATE_TEST_SUITE_P(Nested, BinaryOutputTest, ::testing::ValuesIn(kNestedCases));

TEST(BinaryOutputTest, NullsAreReportedByIsNull) {
    BinaryColumn column = BinaryDatabase::Get().Encode("SELECT NULL::INTEGER");
    ASSERT_EQ(column.values.size(), 1u);
    EXPECT_FALSE(column.values[0].has_value());
}

TEST(BinaryOutputTest, JaggedListsAreRefused) {
    for (const char *sql : {"SELECT [[1], [2, 3]]", "SELECT [[1], NULL]", "SELECT [[[1], [2]], [[3]]]"}) {
        BinaryColumn column = BinaryDatabase::Get().Encode(sql);
        EXPECT_EQ(column.sqlstate, "2202E") << sql;
        EXPECT_EQ(column.error, "multidimensional arrays must have array expressions with matching dimensions") << sql;
    }
}

TEST(BinaryOutputTest, TooManyDimensionsAreRefused) {
    BinaryColumn column = BinaryDatabase::Get().Encode("SELECT [[[[[[[1]]]]]]]");
    EXPECT_EQ(column.sqlstate, "54000");
    EXPECT_EQ(column.error, "number of array dimensions (7) exceeds the maximum allowed (6)");
}

TEST(BinaryOutputTest, ListsAcrossChunks) {
    BinaryColumn column = BinaryDatabase::Get().Encode(
        "SELECT CASE WHEN i = 2500 THEN NULL ELSE [i::INTEGER, NULL] END FROM range(3000) t(i)");
    ASSERT_EQ(column.values.size(), 3000u);
    for (size_t i = 0; i < column.values.size(); i++) {
        if (i == 2500) {
            EXPECT_FALSE(column.values[i].has_value());
            continue;
        }
        std::string expected = FromHex("00000001000000010000001700000002000000010000000400000000ffffffff");
        for (int b = 0; b < 4; b++) {
            expected[expected.size() - 8 + b] = static_cast<char>((i >> (24 - 8 * b)) & 0xFF);
        }
        ASSERT_TRUE(column.values[i].has_value());
        EXPECT_EQ(ToHex(*column.values[i]), ToHex(expected)) << i;
    }
}

TEST(BinaryOutputTest, AppendsToExistingOutput) {
    duckdb_logical_type type = duckdb_create_logical_type(DUCKDB_TYPE_INTEGER);
    auto encoder = ValueEncoder::Create(type);
    duckdb_destroy_logical_type(&type);
    duckdb_result result;
    ASSERT_EQ(duckdb_query(BinaryDatabase::Get().Connection(), "SELECT 7::INTEGER", &result), DuckDBSuccess);
    duckdb_data_chunk chunk = duckdb_fetch_chunk(result);
    ASSERT_NE(chunk, nullptr);
    encoder->Bind(duckdb_data_chunk_get_vector(chunk, 0));
    std::string out = "xy";
    TextFormatOptions options;
    encoder->AppendBinary(0, out, options);
    EXPECT_EQ(ToHex(out), "787900000007");
    duckdb_destroy_data_chunk(&chunk);
    duckdb_destroy_result(&result);
}

TEST(BinaryOutputTest, SupportsBinary) {
    for (uint32_t type_oid :
         {kBool,      kInt2,        kInt4,     kInt8,      kNumeric,     kFloat4,   kFloat8, kText,
          kJson,      kBytea,       kUuid,     kVarbit,    kRecord,      kDate,     kTime,   kTimetz,
          kTimestamp, kTimestamptz, kInterval, kInt4Array, kRecordArray, kJsonArray}) {
        PgType type;
        type.oid = type_oid;
        EXPECT_TRUE(SupportsBinary(type)) << type_oid;
    }
    PgType xml;
    xml.oid = 142;
    EXPECT_FALSE(SupportsBinary(xml));
}

} // namespace
} // namespace duckgres::types::testing
