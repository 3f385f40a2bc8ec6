// ReadNumericLiteral: PostgreSQL's display scale of numeric constants and the DECIMAL that holds them.
#include "sql/literal_passes.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

struct LiteralCase {
    const char *input;
    const char *text; //!< nullptr: not read (left to DuckDB)
    int precision;
    int scale;
};

const LiteralCase kLiteralCases[] = {
    {"1.25", "1.25", 3, 2},
    {"100", "100", 3, 0},
    {"0", "0", 1, 0},
    {"0.1", "0.1", 1, 1},
    {"1.50", "1.50", 3, 2},
    {" 3.5 ", "3.5", 2, 1},
    {"-0.50", "-0.50", 2, 2},
    {"+7", "7", 1, 0},
    {"-0", "0", 1, 0},
    {"007.10", "7.10", 3, 2},
    {".5", "0.5", 1, 1},
    {"5.", "5", 1, 0},
    {"1e3", "1000", 4, 0},
    {"1.0e2", "100", 3, 0},
    {"1.50E1", "15.0", 3, 1},
    {"1e-3", "0.001", 3, 3},
    {"1.5e-10", "0.00000000015", 11, 11},
    {"12345678901234567890", "12345678901234567890", 20, 0},
    {"12345678901234567890123456789012345678", "12345678901234567890123456789012345678", 38, 0},
    {"123456789012345678901234567890123456789", nullptr, 0, 0},
    {"1e40", nullptr, 0, 0},
    {"NaN", nullptr, 0, 0},
    {"Infinity", nullptr, 0, 0},
    {"abc", nullptr, 0, 0},
    {"1.2.3", nullptr, 0, 0},
    {"1e", nullptr, 0, 0},
    {"", nullptr, 0, 0},
    {"-", nullptr, 0, 0},
};

TEST(NumericLiteral, ReadsPostgresqlScale) {
    for (const auto &row : kLiteralCases) {
        auto literal = ReadNumericLiteral(row.input);
        if (!row.text) {
            EXPECT_FALSE(literal.has_value()) << row.input;
            continue;
        }
        ASSERT_TRUE(literal.has_value()) << row.input;
        EXPECT_EQ(literal->text, row.text) << row.input;
        EXPECT_EQ(literal->precision, row.precision) << row.input;
        EXPECT_EQ(literal->scale, row.scale) << row.input;
    }
}

//! $n::numeric: the session types the parameter from its value at Bind, and the cast keeps that type.
TEST(NumericLiteral, ParameterScaledByItsValue) {
    auto parsed = ParseQuery("select $1::numeric + 1, $2::numeric(5,1), $3::int, $1::decimal");
    ASSERT_EQ(parsed.statements.size(), 1u);
    const auto &tree = *parsed.statements[0].tree;
    EXPECT_EQ(ValueScaledParameters(tree), (std::set<int32_t>{1}));
    RewriteContext context;
    context.parameter_casts = {{1, "numeric(38,2)"}};
    EXPECT_EQ(RewriteForDuckDb(tree, context).text,
              "SELECT $1::\"numeric\"(38, 2) + 1, $2::numeric(5, 1), $3::int, $1::\"numeric\"(38, 2)");
}

} // namespace
} // namespace duckgres::sql
