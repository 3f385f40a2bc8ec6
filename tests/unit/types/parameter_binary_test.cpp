// Binary Bind parameters against PostgreSQL 15 (normalized values, malformed input), and ParameterTypeOid.
#include "binary_case.hpp"

namespace duckgres::types::testing {
namespace {

using oid::kBool, oid::kInt2, oid::kInt4, oid::kInt8, oid::kNumeric, oid::kFloat8, oid::kOid, oid::kChar;
using oid::kDate, oid::kTime, oid::kTimetz, oid::kTimestamp, oid::kTimestamptz, oid::kInterval;
using oid::kText, oid::kJson, oid::kJsonb, oid::kBytea, oid::kUuid, oid::kBit, oid::kVarbit;

constexpr uint32_t kInt4Array = 1007;
constexpr uint32_t kTextArray = 1009;
constexpr uint32_t kNumericArray = 1231;

//! Binary input PostgreSQL accepts but sends back differently (or that the output tables lack).
const std::vector<BinaryParameterCase> kBinaryCases = {
    {kBool, "02", "01"},
    {kNumeric, "0003000000000001000113881388", "000200000000000100011388"}, // 1.50005000 at dscale 1: truncated to 1.5
    {kNumeric, "0003000000000004000113881388",
     "000200000000000400011388"},                                   // 1.50005000 at dscale 4: truncated to 1.5000
    {kNumeric, "00010001000000000001", "00010001000000000001"},     // 10000
    {kNumeric, "0001fffe000000080001", "0001fffe000000080001"},     // 0.00000001
    {kNumeric, "000200004000000200010000", "00010000400000020001"}, // -1 with a trailing zero digit
    {kNumeric, "0001000a000000000001", "0001000a000000000001"},     // 1e40: a BIGNUM in DuckDB
    {kNumeric, "0000000040000002", "0000000000000002"},             // negative zero
    {kDate, "7fffffff", "7fffffff"},
    {kDate, "80000000", "80000000"},
    {kTimestamp, "8000000000000000", "8000000000000000"},
    {kTimestamptz, "7fffffffffffffff", "7fffffffffffffff"},
    {kTime, "000000141dd76000", "000000141dd76000"},
    {kTimetz, "0000000000000000ffff1f01", "0000000000000000ffff1f01"},
    {kInt4Array, "00000002000000000000001700000000000000010000000000000001", "000000000000000000000017"},
    {kInt4Array, "000000000000000000000017", "000000000000000000000017"},
    {kText, "68c3a96c6c6f", "68c3a96c6c6f"},
    {kJson, "7b7d", "7b7d"},
    {kChar, "61", "61"},
    {kBytea, "00ff", "00ff"},
    {kVarbit, "0000000affc0", "0000000affc0"},
    {kBit, "00000003a0", "00000003a0"},
    {kUuid, "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a11"},
    {kInterval, "00000000000000010000000200000003", "00000000000000010000000200000003"},
};

//! Binary input compared with DuckDB values (not sent back identically: jsonb as text, oid as int8).
struct BinaryValueCase {
    uint32_t oid;
    const char *hex;
    const char *duckdb;
};

void PrintTo(const BinaryValueCase &c, std::ostream *os) {
    *os << "oid " << c.oid << " " << c.hex;
}

const std::vector<BinaryValueCase> kValueCases = {
    {kJsonb, "017b2261223a20317d", R"('{"a": 1}')"},
    {kOid, "ffffffff", "4294967295::UINTEGER"},
    {kNumeric, "00000000c0000000", "'NaN'::DOUBLE"},
    {kNumeric, "00000000d0000000", "'Infinity'::DOUBLE"},
    {kNumeric, "00000000f0000000", "'-Infinity'::DOUBLE"},
    {kNumeric, "00010000000000020001", "1.00::DECIMAL(3,2)"},
    {kNumeric, "0003000000000000000100020003", "1::DECIMAL(1,0)"}, // 1.00020003 truncated to scale 0
    {0, "616263", "'abc'"},
    {kBit, "0000000450", "'0101'::BIT"},
    {kTextArray, "0000000100000001000000190000000200000001ffffffff0000000161", "[NULL, 'a']"},
    {kInt4Array, "000000010000000000000017000000020000000000000004000000010000000400000002", // lower bound 0
     "[1, 2]::INTEGER[]"},
    {kNumericArray,
     "0000000100000000000006a400000002000000010000000a00010000000000000001"
     "0000000c000200004000000100021388",
     "[1.0, -2.5]::DECIMAL(2,1)[]"}, // per-element display scales become one
};

const std::vector<ParameterErrorCase> kErrorCases = {
    {kInt4, 1, "0000000001", "22P03", "incorrect binary data format in bind parameter 1"},
    {kInt4, 1, "000001", "08P01", "insufficient data left in message"},
    {kInt2, 1, "00", "08P01", "insufficient data left in message"},
    {kInt8, 1, "", "08P01", "insufficient data left in message"},
    {kBool, 1, "", "08P01", "no data left in message"},
    {kBool, 1, "0101", "22P03", "incorrect binary data format in bind parameter 1"},
    {kFloat8, 1, "3ff0", "08P01", "insufficient data left in message"},
    {kText, 1, "ff", "22021", "invalid byte sequence for encoding \"UTF8\": 0xff"},
    {kText, 1, "6100", "22021", "invalid byte sequence for encoding \"UTF8\": 0x00"},
    {kText, 1, "61626364656667006869", "22021", "invalid byte sequence for encoding \"UTF8\": 0x00"},
    {kJsonb, 1, "027b7d", "XX000", "unsupported jsonb version number 2"},
    {kChar, 1, "6162", "22P03", "incorrect binary data format in bind parameter 1"},
    {kNumeric, 1, "0001000000050000000a", "22P03", "invalid sign in external \"numeric\" value"},
    {kNumeric, 1, "0001000000004000000a", "22P03", "invalid scale in external \"numeric\" value"},
    {kNumeric, 1, "000100000000000127100001", "22P03", "invalid digit in external \"numeric\" value"},
    {kNumeric, 1, "0001000000000000", "08P01", "insufficient data left in message"},
    {kDate, 1, "80000001", "22008", "date out of range"},
    {kDate, 1, "000000", "08P01", "insufficient data left in message"},
    {kTime, 1, "0000001424000001", "22008", "time out of range"},
    {kTime, 1, "ffffffffffffffff", "22008", "time out of range"},
    {kTimetz, 1, "00000000000000000000e100", "22009", "time zone displacement out of range"},
    {kTimestamp, 1, "8000000000000001", "22008", "timestamp out of range"},
    {kTimestamptz, 1, "7ffffffffffffffe", "22008", "timestamp out of range"},
    {kInterval, 1, "000000000000000100000002", "08P01", "insufficient data left in message"},
    {kUuid, 1, "a0eebc999c0b4ef8bb6d6bb9bd380a", "08P01", "insufficient data left in message"},
    {kVarbit, 1, "ffffffff00", "22P03", "invalid length in external bit string"},
    {kVarbit, 1, "0000000450ff", "22P03", "incorrect binary data format in bind parameter 1"},
    {kVarbit, 1, "00000009ff", "08P01", "insufficient data left in message"},
    {kInt4Array, 1, "ffffffff0000000000000017", "22P03", "invalid number of dimensions: -1"},
    {kInt4Array, 1,
     "00000007000000000000001700000001000000010000000100000001000000010000000100000001000000010000000100000001000000010"
     "000000100000001000000010000000400000001",
     "54000", "number of array dimensions (7) exceeds the maximum allowed (6)"},
    {kInt4Array, 1, "0000000100000002000000170000000100000001ffffffff", "22P03", "invalid array flags"},
    {kInt4Array, 1, "0000000000000000000000170000000100000001", "22P03",
     "incorrect binary data format in bind parameter 1"},
    {kInt4Array, 1, "000000010000000000000014000000010000000100000008000000000000000001", "42804",
     "binary data has array element type 20 (bigint) instead of expected 23 (integer)"},
    {kInt4Array, 1, "000000010000000000000017000000020000000100000004000000010000000500000000000002", "22P03",
     "improper binary format in array element 2"},
    {kInt4Array, 1, "000000010000000000000017000000010000000100000004000000", "22P03",
     "insufficient data left in message"},
    {kInt4Array, 1, "000000010000000000000017000000010000000100000005000000", "22P03",
     "insufficient data left in message"},
    {kInt4Array, 1, "000000010000000000000017000000010000000100000002", "22P03", "insufficient data left in message"},
    {kInt4Array, 1, "000000010000000000000017fffffffe00000001", "54000",
     "array size exceeds the maximum allowed (134217727)"},
    {kInt4Array, 1, "0000000100000000000000170000000100000001fffffffe", "22P03", "insufficient data left in message"},
    {kTextArray, 1, "000000010000000000000019000000010000000100000001ff", "22021",
     "invalid byte sequence for encoding \"UTF8\": 0xff"},
    {oid::kRecord, 1, "00000000", "0A000", "input of anonymous composite types is not implemented"},
};

class BinaryParameterTest : public ::testing::TestWithParam<BinaryParameterCase> {};

TEST_P(BinaryParameterTest, MatchesPostgres) {
    const BinaryParameterCase &c = GetParam();
    TextFormatOptions options;
    std::string sqlstate;
    std::string message;
    OwnedValue value = TryDecode(c.oid, 1, FromHex(c.input), options, &sqlstate, &message);
    ASSERT_TRUE(value) << sqlstate << " " << message;
    BinaryColumn column = BinaryDatabase::Get().Encode("SELECT $1", value.Get());
    ASSERT_EQ(column.error, "");
    ASSERT_EQ(column.values.size(), 1u);
    ASSERT_TRUE(column.values[0].has_value());
    EXPECT_EQ(ToHex(*column.values[0]), c.hex);
}

INSTANTIATE_TEST_SUITE_P(Binary, BinaryParameterTest, ::testing::ValuesIn(kBinaryCases));

class BinaryParameterValueTest : public ::testing::TestWithParam<BinaryValueCase> {};

TEST_P(BinaryParameterValueTest, EqualsDuckDbValue) {
    const BinaryValueCase &c = GetParam();
    TextFormatOptions options;
    std::string sqlstate;
    std::string message;
    OwnedValue value = TryDecode(c.oid, 1, FromHex(c.hex), options, &sqlstate, &message);
    ASSERT_TRUE(value) << sqlstate << " " << message;
    const std::string expected = std::string("(") + c.duckdb + ")";
    EXPECT_EQ(BinaryDatabase::Get().QueryText("SELECT (typeof(x) = typeof" + expected + " AND x IS NOT DISTINCT FROM " +
                                                  expected + ")::VARCHAR FROM (SELECT $1 AS x)",
                                              value.Get()),
              "true")
        << "decoded: "
        << BinaryDatabase::Get().QueryText("SELECT x::VARCHAR || ' ' || typeof(x) FROM (SELECT $1 AS x)", value.Get());
}

INSTANTIATE_TEST_SUITE_P(Values, BinaryParameterValueTest, ::testing::ValuesIn(kValueCases));

class BinaryParameterErrorTest : public ::testing::TestWithParam<ParameterErrorCase> {};

TEST_P(BinaryParameterErrorTest, MatchesPostgres) {
    const ParameterErrorCase &c = GetParam();
    TextFormatOptions options;
    std::string sqlstate;
    std::string message;
    OwnedValue value = TryDecode(c.oid, c.format, FromHex(c.input), options, &sqlstate, &message);
    EXPECT_FALSE(value);
    EXPECT_EQ(sqlstate, c.sqlstate);
    EXPECT_EQ(message, c.message);
}

INSTANTIATE_TEST_SUITE_P(Binary, BinaryParameterErrorTest, ::testing::ValuesIn(kErrorCases));

TEST(BinaryParameterTest, ParameterNumberInMessage) {
    TextFormatOptions options;
    try {
        DecodeParameter(kInt4, 1, FromHex("0000000001"), options, 3);
        FAIL() << "no error";
    } catch (const SqlError &e) {
        EXPECT_EQ(e.sqlstate, "22P03");
        EXPECT_EQ(std::string(e.what()), "incorrect binary data format in bind parameter 3");
    }
}

TEST(BinaryParameterTest, UnknownTypesOnlyInText) {
    TextFormatOptions options;
    std::string sqlstate;
    std::string message;
    EXPECT_FALSE(TryDecode(142, 1, FromHex("00"), options, &sqlstate, &message)); // xml
    EXPECT_EQ(sqlstate, "0A000");
    EXPECT_TRUE(TryDecode(142, 0, "<a/>", options, &sqlstate, &message));
    // point and money have binary input: PostgreSQL's layouts, passed on as their text.
    EXPECT_TRUE(TryDecode(600, 1, FromHex("3ff00000000000004000000000000000"), options, &sqlstate, &message));
    EXPECT_TRUE(TryDecode(790, 1, FromHex("00000000000004d2"), options, &sqlstate, &message));
    EXPECT_FALSE(TryDecode(600, 1, FromHex("00"), options, &sqlstate, &message));
    EXPECT_EQ(sqlstate, "08P01");
}

TEST(BinaryParameterTest, BindsIntoPreparedStatements) {
    TextFormatOptions options;
    OwnedValue number = DecodeParameter(kInt4, 1, FromHex("00000029"), options);
    EXPECT_EQ(BinaryDatabase::Get().QueryText("$1::INTEGER + 1", number.Get()), "42");
    OwnedValue text = DecodeParameter(0, 0, "41", options);
    EXPECT_EQ(BinaryDatabase::Get().QueryText("$1::INTEGER + 1", text.Get()), "42");
    OwnedValue decimal = DecodeParameter(kNumeric, 0, "2.25", options);
    EXPECT_EQ(BinaryDatabase::Get().QueryText("$1::DECIMAL(10,2) + 1", decimal.Get()), "3.25");
    OwnedValue list = DecodeParameter(kInt4Array, 0, "{1,2,3}", options);
    EXPECT_EQ(BinaryDatabase::Get().QueryText("list_sum($1::BIGINT[])", list.Get()), "6");
}

//! ParameterTypeOid of the type DuckDB infers for $1 in `sql`.
uint32_t InferredOid(const std::string &sql) {
    duckdb_prepared_statement prepared;
    EXPECT_EQ(duckdb_prepare(BinaryDatabase::Get().Connection(), sql.c_str(), &prepared), DuckDBSuccess)
        << duckdb_prepare_error(prepared);
    duckdb_logical_type type = duckdb_param_logical_type(prepared, 1);
    const uint32_t result = ParameterTypeOid(type);
    if (type) {
        duckdb_destroy_logical_type(&type);
    }
    duckdb_destroy_prepare(&prepared);
    return result;
}

TEST(ParameterTypeOidTest, InferredTypes) {
    // Unresolved parameters: duckdb_param_logical_type returns nullptr (duckdb_param_type INVALID).
    EXPECT_EQ(InferredOid("SELECT $1"), kText);
    EXPECT_EQ(InferredOid("SELECT $1 + 1"), kText);
    EXPECT_EQ(InferredOid("SELECT $1 || 'x'"), kText);
    EXPECT_EQ(InferredOid("SELECT $1::INTEGER"), kInt4);
    EXPECT_EQ(InferredOid("SELECT 1 WHERE 2 = $1"), kInt4);
    EXPECT_EQ(InferredOid("SELECT $1::DATE + 1"), kDate);
    EXPECT_EQ(InferredOid("SELECT $1::DECIMAL(10,2)"), kNumeric);
    EXPECT_EQ(InferredOid("SELECT $1::HUGEINT"), kNumeric);
    EXPECT_EQ(InferredOid("SELECT $1::UTINYINT"), kInt2);
    EXPECT_EQ(InferredOid("SELECT $1::UINTEGER"), kOid);
    EXPECT_EQ(InferredOid("SELECT $1::TIMESTAMPTZ"), kTimestamptz);
    EXPECT_EQ(InferredOid("SELECT $1::JSON"), kJson);
    EXPECT_EQ(InferredOid("SELECT $1::BIT"), kVarbit);
    EXPECT_EQ(InferredOid("SELECT [1, 2] = $1"), kInt4Array);
    EXPECT_EQ(InferredOid("SELECT $1::VARCHAR[][]"), kTextArray);
    EXPECT_EQ(InferredOid("SELECT {'a': 1} = $1"), kText);
    EXPECT_EQ(InferredOid("SELECT $1::STRUCT(a INTEGER)[]"), kText);
    EXPECT_EQ(InferredOid("SELECT $1::MAP(VARCHAR, INTEGER)"), kText);
    EXPECT_EQ(InferredOid("SELECT $1::mood"), kText);
    EXPECT_EQ(ParameterTypeOid(nullptr), kText);
}

TEST(ParameterTypeOidTest, EveryReportedOidDecodes) {
    // Each OID ParameterTypeOid can report is readable in text and binary.
    TextFormatOptions options;
    const std::pair<uint32_t, const char *> samples[] = {
        {kBool, "01"},
        {kInt2, "0001"},
        {kInt4, "00000001"},
        {kInt8, "0000000000000001"},
        {kNumeric, "0000000000000000"},
        {oid::kFloat4, "3f800000"},
        {kFloat8, "3ff0000000000000"},
        {kText, "61"},
        {kJson, "7b7d"},
        {kBytea, "00"},
        {kDate, "00000000"},
        {kTime, "0000000000000000"},
        {kTimetz, "000000000000000000000000"},
        {kTimestamp, "0000000000000000"},
        {kTimestamptz, "0000000000000000"},
        {kInterval, "00000000000000000000000000000000"},
        {kUuid, "00000000000000000000000000000000"},
        {kVarbit, "0000000180"},
        {kInt4Array, "000000000000000000000017"},
    };
    for (const auto &[type_oid, hex] : samples) {
        std::string sqlstate;
        std::string message;
        EXPECT_TRUE(TryDecode(type_oid, 1, FromHex(hex), options, &sqlstate, &message)) << type_oid << " " << message;
    }
}

TEST(ParameterTypeOidTest, ArrayElementTypes) {
    EXPECT_EQ(ArrayElementTypeOf(kInt4Array), kInt4);
    EXPECT_EQ(ArrayElementTypeOf(kTextArray), kText);
    EXPECT_EQ(ArrayElementTypeOf(199), kJson);
    EXPECT_EQ(ArrayElementTypeOf(3807), kJsonb);
    EXPECT_EQ(ArrayElementTypeOf(kInt4), 0u);
    EXPECT_EQ(ArrayElementTypeOf(0), 0u);
}

} // namespace
} // namespace duckgres::types::testing

namespace duckgres::types::testing {
namespace {

//! Random and truncated input for every decodable OID, in both formats: only SqlError, never a
//! crash or another exception (run under sanitizers when changing the decoders).
TEST(ParameterRobustnessTest, RandomInputOnlyThrowsSqlError) {
    const uint32_t oids[] = {16,   17,   18,   19,   20,   21,   23,   25,   26,   114,  700,  701,  705,  1042, 1043,
                             1082, 1083, 1114, 1184, 1186, 1266, 1560, 1562, 1700, 2950, 3802, 1000, 1001, 1005, 1007,
                             1009, 1016, 1021, 1022, 1115, 1182, 1183, 1185, 1187, 1231, 1270, 1563, 2951, 3807, 199,
                             0,    2249, 600,  601,  602,  603,  604,  628,  718,  790,  1017, 791};
    const std::string alphabet = "0123456789+-.:eE{}\",\\ NaInfyT/abcxX[]=@PWDHMS\t";
    uint64_t state = 42;
    const auto next = [&state]() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(state >> 33);
    };
    TextFormatOptions options;
    for (uint32_t type_oid : oids) {
        for (int i = 0; i < 300; i++) {
            std::string input;
            const int16_t format = static_cast<int16_t>(i % 2);
            const size_t length = next() % 24;
            for (size_t k = 0; k < length; k++) {
                input += format == 1 ? static_cast<char>(next() & 0xFF) : alphabet[next() % alphabet.size()];
            }
            const uint32_t element_oid = ArrayElementTypeOf(type_oid);
            if (format == 1 && i % 4 == 1 && element_oid != 0) {
                // A valid one-element array header so that element decoding is reached too.
                std::string header;
                for (uint32_t word : {1u, 0u, element_oid, 1u, 1u, static_cast<uint32_t>(input.size())}) {
                    for (int shift = 24; shift >= 0; shift -= 8) {
                        header += static_cast<char>((word >> shift) & 0xFF);
                    }
                }
                input = header + input;
            }
            try {
                OwnedValue value = DecodeParameter(type_oid, format, input, options);
                EXPECT_TRUE(value);
            } catch (const SqlError &) {
            } catch (const std::exception &e) {
                ADD_FAILURE() << type_oid << " format " << format << " '" << ToHex(input) << "': " << e.what();
            }
        }
    }
}

} // namespace
} // namespace duckgres::types::testing
