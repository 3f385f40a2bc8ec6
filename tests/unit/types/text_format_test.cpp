// Direct tests of the text_format functions (values DuckDB SQL cannot easily produce).
#include "types/text_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace duckgres::types {
namespace {

template <class F>
std::string Text(F &&append) {
    std::string out = "prefix:";
    append(out);
    return out.substr(7);
}

TEST(TextFormatTest, Floats) {
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 1e23, 1); }), "9.999999999999999e+22");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 0.30000000000000004, 1); }), "0.30000000000000004");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 123456789012345678.0, 1); }), "1.2345678901234568e+17");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, -0.0, 1); }), "-0");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 0.0, 1); }), "0");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, std::numeric_limits<double>::denorm_min(), 1); }), "5e-324");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, std::nan(""), 1); }), "NaN");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, -std::nan(""), 0); }), "NaN");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 0.1, 3); }), "0.1");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 0.1, -15); }), "0.1");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat8(o, 123.456, -15); }), "1e+02");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat4(o, 16777216.0f, 1); }), "1.6777216e+07");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat4(o, 0.3f, 1); }), "0.3");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat4(o, 0.3f, 0); }), "0.3");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat4(o, 1e-5f, 1); }), "1e-05");
    EXPECT_EQ(Text([](std::string &o) { AppendFloat4(o, std::numeric_limits<float>::infinity(), 1); }), "Infinity");
}

TEST(TextFormatTest, Decimals) {
    auto decimal = [](int64_t v, uint8_t scale) {
        duckdb_hugeint h{static_cast<uint64_t>(v), v < 0 ? -1 : 0};
        return Text([&](std::string &o) { AppendDecimal(o, h, scale); });
    };
    EXPECT_EQ(decimal(0, 0), "0");
    EXPECT_EQ(decimal(5, 3), "0.005");
    EXPECT_EQ(decimal(-5, 3), "-0.005");
    EXPECT_EQ(decimal(12345, 2), "123.45");
    EXPECT_EQ(decimal(std::numeric_limits<int64_t>::min(), 0), "-9223372036854775808");
    EXPECT_EQ(decimal(std::numeric_limits<int64_t>::min(), 19), "-0.9223372036854775808");
}

TEST(TextFormatTest, IntegersAndHugeints) {
    EXPECT_EQ(Text([](std::string &o) { AppendInt64(o, std::numeric_limits<int64_t>::min()); }),
              "-9223372036854775808");
    EXPECT_EQ(Text([](std::string &o) { AppendUInt64(o, std::numeric_limits<uint64_t>::max()); }),
              "18446744073709551615");
    EXPECT_EQ(Text([](std::string &o) {
                  AppendHugeint(o, duckdb_hugeint{0, std::numeric_limits<int64_t>::min()});
              }),
              "-170141183460469231731687303715884105728");
    EXPECT_EQ(Text([](std::string &o) { AppendUHugeint(o, duckdb_uhugeint{0, 1}); }), "18446744073709551616");
    EXPECT_EQ(Text([](std::string &o) { AppendBool(o, true); }), "t");
}

TEST(TextFormatTest, DatesAndTimes) {
    EXPECT_EQ(Text([](std::string &o) { AppendDate(o, 0); }), "1970-01-01");
    EXPECT_EQ(Text([](std::string &o) { AppendDate(o, -719528); }), "0001-01-01 BC"); // 0000-01-01
    EXPECT_EQ(Text([](std::string &o) { AppendDate(o, std::numeric_limits<int32_t>::max()); }), "infinity");
    EXPECT_EQ(Text([](std::string &o) { AppendDate(o, -std::numeric_limits<int32_t>::max()); }), "-infinity");
    EXPECT_EQ(Text([](std::string &o) { AppendTime(o, 49500500000); }), "13:45:00.5");
    EXPECT_EQ(Text([](std::string &o) { AppendTimeTz(o, 0, -3600 * 5 - 1800); }), "00:00:00-05:30");
    EXPECT_EQ(Text([](std::string &o) { AppendTimeTz(o, 0, 3600 * 5 + 1); }), "00:00:00+05:00:01");
    EXPECT_EQ(Text([](std::string &o) { AppendTimestamp(o, -1); }), "1969-12-31 23:59:59.999999");
    EXPECT_EQ(Text([](std::string &o) { AppendTimestampTz(o, 0, nullptr); }), "1970-01-01 00:00:00+00");
    EXPECT_EQ(Text([](std::string &o) { AppendTimestampTz(o, std::numeric_limits<int64_t>::max(), nullptr); }),
              "infinity");
}

TEST(TextFormatTest, Intervals) {
    auto interval = [](int32_t months, int32_t days, int64_t micros) {
        return Text([&](std::string &o) { AppendInterval(o, duckdb_interval{months, days, micros}); });
    };
    EXPECT_EQ(interval(0, 0, 0), "00:00:00");
    EXPECT_EQ(interval(14, 3, 14706789000), "1 year 2 mons 3 days 04:05:06.789");
    EXPECT_EQ(interval(-1, 0, 500000), "-1 mons +00:00:00.5");
    EXPECT_EQ(interval(0, 1, -500000), "1 day -00:00:00.5");
    EXPECT_EQ(interval(0, 0, std::numeric_limits<int64_t>::min()), "-2562047788:00:54.775808");
    EXPECT_EQ(interval(std::numeric_limits<int32_t>::min(), 0, 0), "-178956970 years -8 mons");
}

TEST(TextFormatTest, BytesAndUuid) {
    EXPECT_EQ(Text([](std::string &o) { AppendBytea(o, std::string_view("\x00\xff\x10", 3)); }), "\\x00ff10");
    EXPECT_EQ(Text([](std::string &o) {
                  AppendBytea(o, std::string_view("a\\ \x00\x1f~\x7f\xff", 8), ByteaOutput::kEscape);
              }),
              "a\\\\ \\000\\037~\\177\\377");
    // DuckDB stores 00000000-0000-0000-0000-000000000001 as upper 0x8000000000000000, lower 1.
    EXPECT_EQ(Text([](std::string &o) {
                  AppendUuid(o, duckdb_hugeint{1, std::numeric_limits<int64_t>::min()});
              }),
              "00000000-0000-0000-0000-000000000001");
}

TEST(TextFormatTest, ArrayElementQuoting) {
    auto element = [](std::string_view s) { return Text([&](std::string &o) { AppendArrayElement(o, s); }); };
    EXPECT_EQ(element("abc"), "abc");
    EXPECT_EQ(element(""), R"("")");
    EXPECT_EQ(element("NuLl"), R"("NuLl")");
    EXPECT_EQ(element("NULLS"), "NULLS");
    EXPECT_EQ(element(R"(a"b\c)"), R"("a\"b\\c")");
    EXPECT_EQ(element("a\nb"), "\"a\nb\"");
    EXPECT_EQ(element("(x)"), "(x)");
}

TEST(TextFormatTest, RecordFieldQuoting) {
    auto field = [](std::string_view s) { return Text([&](std::string &o) { AppendRecordField(o, s); }); };
    EXPECT_EQ(field("abc"), "abc");
    EXPECT_EQ(field(""), R"("")");
    EXPECT_EQ(field("NULL"), "NULL");
    EXPECT_EQ(field(R"(a"b\c)"), R"("a""b\\c")");
    EXPECT_EQ(field("{1,2}"), R"("{1,2}")");
    EXPECT_EQ(field("{}"), "{}");
}

} // namespace
} // namespace duckgres::types
