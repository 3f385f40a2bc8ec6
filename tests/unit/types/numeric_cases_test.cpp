// Text output of booleans, integers, unsigned and 128-bit integers, BIGNUM, DECIMAL and floats.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

using oid::kBool, oid::kInt2, oid::kInt4, oid::kInt8, oid::kNumeric, oid::kFloat4, oid::kFloat8;

const std::vector<TextCase> kIntegerCases = {
    {"true", "t", kBool},
    {"false", "f", kBool},
    {"NULL::BOOLEAN", nullptr, kBool},
    {"42::TINYINT", "42", kInt2, "42::int2"},
    {"(-128)::TINYINT", "-128", kInt2, "(-128)::int2"},
    {"(-32768)::SMALLINT", "-32768", kInt2},
    {"NULL::SMALLINT", nullptr, kInt2},
    {"0::INTEGER", "0", kInt4},
    {"2147483647::INTEGER", "2147483647", kInt4},
    {"(-2147483648)::INTEGER", "-2147483648", kInt4},
    {"NULL::INTEGER", nullptr, kInt4},
    {"9223372036854775807::BIGINT", "9223372036854775807", kInt8},
    {"(-9223372036854775808)::BIGINT", "-9223372036854775808", kInt8},
    {"255::UTINYINT", "255", kInt2, "255::int2"},
    {"65535::USMALLINT", "65535", kInt4, "65535::int4"},
    {"4294967295::UINTEGER", "4294967295", oid::kOid, "4294967295::oid"},
    {"18446744073709551615::UBIGINT", "18446744073709551615", kNumeric, "18446744073709551615::numeric"},
    {"0::HUGEINT", "0", kNumeric, "0::numeric"},
    {"(-1)::HUGEINT", "-1", kNumeric, "(-1)::numeric"},
    {"170141183460469231731687303715884105727::HUGEINT", "170141183460469231731687303715884105727", kNumeric,
     "170141183460469231731687303715884105727::numeric"},
    {"(-170141183460469231731687303715884105728)::HUGEINT", "-170141183460469231731687303715884105728", kNumeric,
     "(-170141183460469231731687303715884105728)::numeric"},
    {"18446744073709551616::HUGEINT", "18446744073709551616", kNumeric, "18446744073709551616::numeric"},
    {"340282366920938463463374607431768211455::UHUGEINT", "340282366920938463463374607431768211455", kNumeric,
     "340282366920938463463374607431768211455::numeric"},
    {"0::BIGNUM", "0", kNumeric, "0::numeric"},
    {"(-1)::BIGNUM", "-1", kNumeric, "(-1)::numeric"},
    {"256::BIGNUM", "256", kNumeric, "256::numeric"},
    {"(-256)::BIGNUM", "-256", kNumeric, "(-256)::numeric"},
    {"1000000000::BIGNUM", "1000000000", kNumeric, "1000000000::numeric"},
    {"'1606938044258990275541962092341162602522202993782792835301376'::BIGNUM",
     "1606938044258990275541962092341162602522202993782792835301376", kNumeric,
     "'1606938044258990275541962092341162602522202993782792835301376'::numeric"},
    {"'-12345678901234567890123456789012345678901234567890'::BIGNUM",
     "-12345678901234567890123456789012345678901234567890", kNumeric,
     "'-12345678901234567890123456789012345678901234567890'::numeric"},
};

const std::vector<TextCase> kDecimalCases = {
    {"1.5::DECIMAL(4,1)", "1.5", kNumeric, "1.5::numeric(4,1)"},
    {"(-0.05)::DECIMAL(4,2)", "-0.05", kNumeric, "(-0.05)::numeric(4,2)"},
    {"12.34::DECIMAL(5,2)", "12.34", kNumeric, "12.34::numeric(5,2)"},
    {"0::DECIMAL(9,3)", "0.000", kNumeric, "0::numeric(9,3)"},
    {"(-1.5)::DECIMAL(18,1)", "-1.5", kNumeric, "(-1.5)::numeric(18,1)"},
    {"123456789.123456789::DECIMAL(18,9)", "123456789.123456789", kNumeric, "123456789.123456789::numeric(18,9)"},
    {"42::DECIMAL(18,0)", "42", kNumeric, "42::numeric(18,0)"},
    {"(-99999999999999999999999999999999999999)::DECIMAL(38,0)", "-99999999999999999999999999999999999999", kNumeric,
     "(-99999999999999999999999999999999999999)::numeric(38,0)"},
    {"99999999999999999999999999999.999999999::DECIMAL(38,9)", "99999999999999999999999999999.999999999", kNumeric,
     "99999999999999999999999999999.999999999::numeric(38,9)"},
    {"0.00000000000000000000000000000000000001::DECIMAL(38,38)", "0.00000000000000000000000000000000000001", kNumeric,
     "0.00000000000000000000000000000000000001::numeric(38,38)"},
    {"(-0.5)::DECIMAL(38,10)", "-0.5000000000", kNumeric, "(-0.5)::numeric(38,10)"},
    {"NULL::DECIMAL(10,2)", nullptr, kNumeric, "NULL::numeric(10,2)"},
};

const std::vector<TextCase> kFloatCases = {
    {"1e6::REAL", "1e+06", kFloat4},
    {"123456::REAL", "123456", kFloat4},
    {"1234567::REAL", "1.234567e+06", kFloat4},
    {"0.1::REAL", "0.1", kFloat4},
    {"1.5e-5::REAL", "1.5e-05", kFloat4},
    {"0.0001::REAL", "0.0001", kFloat4},
    {"3.4028235e38::REAL", "3.4028235e+38", kFloat4},
    {"1.4e-45::REAL", "1e-45", kFloat4},
    {"'NaN'::REAL", "NaN", kFloat4},
    {"'-Infinity'::REAL", "-Infinity", kFloat4},
    {"'-0'::REAL", "-0", kFloat4},
    {"1e6::REAL", "1e+06", kFloat4, "", "UTC", 0},
    {"1234567::REAL", "1.23457e+06", kFloat4, "", "UTC", 0},
    {"0.1::REAL", "0.1", kFloat4, "", "UTC", 0},
    {"1e20::FLOAT8", "1e+20", kFloat8},
    {"1.5e-5::FLOAT8", "1.5e-05", kFloat8},
    {"123456789012345::FLOAT8", "123456789012345", kFloat8},
    {"1234567890123456::FLOAT8", "1.234567890123456e+15", kFloat8},
    {"1e15::FLOAT8", "1e+15", kFloat8},
    {"0.1::FLOAT8", "0.1", kFloat8},
    {"0.0001::FLOAT8", "0.0001", kFloat8},
    {"0.00001::FLOAT8", "1e-05", kFloat8},
    {"(-2.5)::FLOAT8", "-2.5", kFloat8},
    {"100::FLOAT8", "100", kFloat8},
    {"1::FLOAT8 / 3", "0.3333333333333333", kFloat8},
    {"'1e23'::FLOAT8", "9.999999999999999e+22", kFloat8},
    {"'1e22'::FLOAT8", "1e+22", kFloat8},
    {"1.7976931348623157e308::FLOAT8", "1.7976931348623157e+308", kFloat8},
    {"'5e-324'::FLOAT8", "5e-324", kFloat8},
    {"'2.2250738585072014e-308'::FLOAT8", "2.2250738585072014e-308", kFloat8},
    {"'NaN'::FLOAT8", "NaN", kFloat8},
    {"'Infinity'::FLOAT8", "Infinity", kFloat8},
    {"'-Infinity'::FLOAT8", "-Infinity", kFloat8},
    {"'-0'::FLOAT8", "-0", kFloat8},
    {"NULL::FLOAT8", nullptr, kFloat8},
    {"1234567890123456::FLOAT8", "1.23456789012346e+15", kFloat8, "", "UTC", 0},
    {"0.1::FLOAT8", "0.1", kFloat8, "", "UTC", 0},
    {"1e15::FLOAT8", "1e+15", kFloat8, "", "UTC", 0},
    {"1e14::FLOAT8", "100000000000000", kFloat8, "", "UTC", 0},
    {"'-0'::FLOAT8", "-0", kFloat8, "", "UTC", 0},
    {"1234567890123456::FLOAT8", "1.23456789012e+15", kFloat8, "", "UTC", -3},
    {"1.2345678::REAL", "1.23", kFloat4, "", "UTC", -3},
};

INSTANTIATE_TEST_SUITE_P(Integers, TextOutputTest, ::testing::ValuesIn(kIntegerCases));
INSTANTIATE_TEST_SUITE_P(Decimals, TextOutputTest, ::testing::ValuesIn(kDecimalCases));
INSTANTIATE_TEST_SUITE_P(Floats, TextOutputTest, ::testing::ValuesIn(kFloatCases));
const bool kRegistered = RegisterCases(kIntegerCases) && RegisterCases(kDecimalCases) && RegisterCases(kFloatCases);

} // namespace
} // namespace duckgres::types::testing
