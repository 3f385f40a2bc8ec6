// ValueEncoder over whole results: rebinding per chunk, many rows, NULL patterns, list offsets.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

EncodedColumn Encode(const std::string &sql) {
    TextFormatOptions options;
    return TestDatabase::Get().EncodeFirstColumn(sql, options);
}

TEST(ValueEncoderTest, RebindsAcrossChunks) {
    EncodedColumn column = Encode("SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE i END FROM range(5000) t(i)");
    ASSERT_EQ(column.values.size(), 5000u);
    for (int64_t i = 0; i < 5000; i++) {
        if (i % 7 == 0) {
            EXPECT_FALSE(column.values[i].has_value()) << i;
        } else {
            EXPECT_EQ(column.values[i].value_or("<NULL>"), std::to_string(i));
        }
    }
}

TEST(ValueEncoderTest, StringsInlinedAndNotAcrossChunks) {
    EncodedColumn column = Encode("SELECT repeat('x', (i % 20)::INTEGER) FROM range(3000) t(i)");
    ASSERT_EQ(column.values.size(), 3000u);
    for (size_t i = 0; i < column.values.size(); i++) {
        EXPECT_EQ(column.values[i].value_or("<NULL>"), std::string(i % 20, 'x'));
    }
}

TEST(ValueEncoderTest, ListOffsetsAcrossChunks) {
    EncodedColumn column = Encode("SELECT CASE WHEN i = 2500 THEN NULL ELSE [i, i + 1] END FROM range(3000) t(i)");
    ASSERT_EQ(column.values.size(), 3000u);
    EXPECT_EQ(column.type.oid, 1016u);
    for (int64_t i = 0; i < 3000; i++) {
        if (i == 2500) {
            EXPECT_FALSE(column.values[i].has_value());
        } else {
            EXPECT_EQ(column.values[i].value_or("<NULL>"), "{" + std::to_string(i) + "," + std::to_string(i + 1) + "}");
        }
    }
}

TEST(ValueEncoderTest, StructsAndMapsAcrossRows) {
    EncodedColumn structs = Encode("SELECT {'i': i, 's': CASE WHEN i = 1 THEN NULL ELSE 'v ' || i END} "
                                   "FROM range(3) t(i)");
    ASSERT_EQ(structs.values.size(), 3u);
    EXPECT_EQ(structs.values[0].value_or("<NULL>"), R"((0,"v 0"))");
    EXPECT_EQ(structs.values[1].value_or("<NULL>"), "(1,)");
    EXPECT_EQ(structs.values[2].value_or("<NULL>"), R"((2,"v 2"))");
    EncodedColumn maps = Encode("SELECT MAP {'k' || i: i} FROM range(3) t(i)");
    ASSERT_EQ(maps.values.size(), 3u);
    EXPECT_EQ(maps.values[2].value_or("<NULL>"), "{k2=2}");
}

TEST(ValueEncoderTest, UnionMembersPerRow) {
    EncodedColumn column = Encode("SELECT CASE WHEN i = 0 THEN union_value(n := 7)::UNION(n INTEGER, s VARCHAR) "
                                  "WHEN i = 1 THEN union_value(s := 'seven')::UNION(n INTEGER, s VARCHAR) END "
                                  "FROM range(3) t(i)");
    ASSERT_EQ(column.values.size(), 3u);
    EXPECT_EQ(column.values[0].value_or("<NULL>"), "7");
    EXPECT_EQ(column.values[1].value_or("<NULL>"), "seven");
    EXPECT_FALSE(column.values[2].has_value());
}

TEST(ValueEncoderTest, AppendsToExistingOutput) {
    TextFormatOptions options;
    duckdb_logical_type type = duckdb_create_logical_type(DUCKDB_TYPE_INTEGER);
    auto encoder = ValueEncoder::Create(type);
    duckdb_destroy_logical_type(&type);
    ASSERT_NE(encoder, nullptr);
    EncodedColumn column = TestDatabase::Get().EncodeFirstColumn("SELECT 5", options);
    ASSERT_EQ(column.values.size(), 1u);
    EXPECT_EQ(column.values[0].value_or("<NULL>"), "5");
}

} // namespace
} // namespace duckgres::types::testing
