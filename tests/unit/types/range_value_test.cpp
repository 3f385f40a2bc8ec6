// Table-driven tests of range literals: range_in's parsing (malformed input included), canonical forms, range_out,
// the storage order, and the range operators.
#include "common/sql_error.hpp"
#include "types/range_text.hpp"
#include "types/range_value.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::types {
namespace {

struct TextCase {
    RangeKind kind;
    const char *input;
    const char *output; //!< range_out's text, or the SQLSTATE of the error
};

const TextCase kTextCases[] = {
    {RangeKind::kInt4, "[1,5)", "[1,5)"},
    {RangeKind::kInt4, "[1,5]", "[1,6)"},
    {RangeKind::kInt4, "(1,5]", "[2,6)"},
    {RangeKind::kInt4, "(1,5)", "[2,5)"},
    {RangeKind::kInt4, "  [ 1 , 5 )  ", "[1,5)"},
    {RangeKind::kInt4, "[3,3)", "empty"},
    {RangeKind::kInt4, "[3,3]", "[3,4)"},
    {RangeKind::kInt4, "(3,4)", "empty"},
    {RangeKind::kInt4, "empty", "empty"},
    {RangeKind::kInt4, " EMPTY ", "empty"},
    {RangeKind::kInt4, "[,5)", "(,5)"},
    {RangeKind::kInt4, "(,)", "(,)"},
    {RangeKind::kInt4, "[1,]", "[1,)"},
    {RangeKind::kInt4, "[\"1\",\"5\")", "[1,5)"},
    {RangeKind::kInt4, "[5,1)", "22000"},
    {RangeKind::kInt4, "[1,5", "22P02"},
    {RangeKind::kInt4, "1,5)", "22P02"},
    {RangeKind::kInt4, "[1,5,7)", "22P02"},
    {RangeKind::kInt4, "[1,5) x", "22P02"},
    {RangeKind::kInt4, "[1;5)", "22P02"},
    {RangeKind::kInt4, "", "22P02"},
    {RangeKind::kInt4, "[a,5)", "22P02"},
    {RangeKind::kInt4, "[1,2147483647]", "22003"},
    {RangeKind::kInt8, "[-9000000000,9000000000]", "[-9000000000,9000000001)"},
    {RangeKind::kNumeric, "[1.50,2.0]", "[1.50,2.0]"},
    {RangeKind::kNumeric, "(0,1e2)", "(0,100)"},
    {RangeKind::kNumeric, "[1.5,1.50]", "[1.5,1.50]"},
    {RangeKind::kNumeric, "(1.5,1.5)", "empty"},
    {RangeKind::kNumeric, "[-2.25,)", "[-2.25,)"},
    {RangeKind::kDate, "[2024-01-01,2024-01-31]", "[2024-01-01,2024-02-01)"},
    {RangeKind::kDate, "(2024-01-01,infinity)", "[2024-01-02,infinity)"},
    {RangeKind::kDate, "[-infinity,2024-01-01]", "[-infinity,2024-01-02)"},
    {RangeKind::kTimestamp, "[2024-01-01,2024-02-01 12:00)", "[\"2024-01-01 00:00:00\",\"2024-02-01 12:00:00\")"},
    {RangeKind::kTimestamp, "[\"2024-01-01 10:00\",]", "[\"2024-01-01 10:00:00\",)"},
    {RangeKind::kTimestampTz, "[2024-01-01 00:00+02,2024-01-02)",
     "[\"2023-12-31 22:00:00+00\",\"2024-01-02 00:00:00+00\")"},
};

TEST(RangeTextTest, InputAndOutput) {
    for (const auto &c : kTextCases) {
        std::string result;
        try {
            result = FormatRange(c.kind, ParseRange(c.kind, c.input, {}), {});
        } catch (const SqlError &error) {
            result = error.sqlstate;
        }
        EXPECT_EQ(result, c.output) << RangeTypeName(c.kind) << " " << c.input;
    }
}

TEST(RangeTextTest, MalformedMessageAndDetail) {
    try {
        ParseRangeText("(1,2");
        FAIL();
    } catch (const SqlError &error) {
        EXPECT_EQ(std::string(error.what()), "malformed range literal: \"(1,2\"");
        EXPECT_EQ(error.detail, "Unexpected end of input.");
    }
}

struct QuoteCase {
    const char *input;
    const char *lower; //!< "<inf>" when omitted
    const char *upper;
};

const QuoteCase kQuoteCases[] = {
    {"[a,b)", "a", "b"},   {"[\"a,b\",c)", "a,b", "c"}, {"[\"a\"\"b\",c)", "a\"b", "c"}, {"[a\\,b,c)", "a,b", "c"},
    {"[\"\",c)", "", "c"}, {"[,c)", "<inf>", "c"},      {"[ a b ,c)", " a b ", "c"},
};

TEST(RangeTextTest, BoundQuoting) {
    for (const auto &c : kQuoteCases) {
        const RangeText parts = ParseRangeText(c.input);
        EXPECT_EQ(parts.lower.value_or("<inf>"), c.lower) << c.input;
        EXPECT_EQ(parts.upper.value_or("<inf>"), c.upper) << c.input;
    }
    RangeText parts;
    parts.lower = "a\"b\\c";
    parts.upper = "";
    parts.lower_inclusive = true;
    EXPECT_EQ(FormatRangeText(parts), "[\"a\"\"b\\\\c\",\"\")");
}

//! Literals in PostgreSQL's range order: each sorts before the next.
const char *const kOrdered[] = {"empty", "(,1)", "(,5)", "(,)", "[1,2)", "[1,5)", "[1,)", "[2,3)", "[2,)"};
const char *const kNumericOrdered[] = {"empty", "(,1]", "[1,2)", "[1,2]", "[1,)", "(1,2)", "(1,2]"};

TEST(RangeStorageTest, ByteOrderIsRangeOrder) {
    for (size_t i = 0; i + 1 < std::size(kOrdered); i++) {
        EXPECT_LT(EncodeRange(RangeKind::kInt4, ParseRange(RangeKind::kInt4, kOrdered[i], {})),
                  EncodeRange(RangeKind::kInt4, ParseRange(RangeKind::kInt4, kOrdered[i + 1], {})))
            << kOrdered[i] << " < " << kOrdered[i + 1];
    }
    for (size_t i = 0; i + 1 < std::size(kNumericOrdered); i++) {
        EXPECT_LT(EncodeRange(RangeKind::kNumeric, ParseRange(RangeKind::kNumeric, kNumericOrdered[i], {})),
                  EncodeRange(RangeKind::kNumeric, ParseRange(RangeKind::kNumeric, kNumericOrdered[i + 1], {})))
            << kNumericOrdered[i] << " < " << kNumericOrdered[i + 1];
    }
    const Range range = ParseRange(RangeKind::kNumeric, "[-1.5,2.25)", {});
    EXPECT_EQ(
        FormatRange(RangeKind::kNumeric, DecodeRange(RangeKind::kNumeric, EncodeRange(RangeKind::kNumeric, range)), {}),
        "[-1.5,2.25)");
}

struct OperatorCase {
    const char *left;
    const char *op;
    const char *right;
    const char *result; //!< "t", "f", a range, or an SQLSTATE
};

const OperatorCase kOperatorCases[] = {
    {"[2,4)", "@>", "[2,3)", "t"},         {"[2,4)", "@>", "[3,5)", "f"},       {"[2,4)", "@>", "empty", "t"},
    {"empty", "@>", "[1,2)", "f"},         {"[3,7)", "&&", "[4,12)", "t"},      {"[1,3)", "&&", "[3,5)", "f"},
    {"[1,10)", "<<", "[100,110)", "t"},    {"[50,60)", ">>", "[20,30)", "t"},   {"[1,20)", "&<", "[18,20)", "t"},
    {"[7,20)", "&>", "[5,10)", "t"},       {"[1,2)", "-|-", "[2,3)", "t"},      {"[1,2)", "-|-", "[3,4)", "f"},
    {"[5,15)", "+", "[10,20)", "[5,20)"},  {"[5,15)", "+", "[16,20)", "22000"}, {"[1,2)", "+", "[2,3)", "[1,3)"},
    {"[5,15)", "*", "[10,20)", "[10,15)"}, {"[1,3)", "*", "[5,7)", "empty"},    {"[5,15)", "-", "[10,20)", "[5,10)"},
    {"[5,20)", "-", "[10,15)", "22000"},   {"[5,15)", "-", "[1,20)", "empty"},  {"[10,20)", "-", "[5,12)", "[12,20)"},
    {"[1,5)", "merge", "[7,9)", "[1,9)"},
};

TEST(RangeOperatorTest, Int4Ranges) {
    constexpr RangeKind kind = RangeKind::kInt4;
    for (const auto &c : kOperatorCases) {
        const Range a = ParseRange(kind, c.left, {});
        const Range b = ParseRange(kind, c.right, {});
        const std::string op = c.op;
        std::string result;
        try {
            auto flag = [](bool v) { return std::string(v ? "t" : "f"); };
            if (op == "@>") {
                result = flag(RangeContains(a, b));
            } else if (op == "&&") {
                result = flag(RangeOverlaps(a, b));
            } else if (op == "<<") {
                result = flag(RangeBefore(a, b));
            } else if (op == ">>") {
                result = flag(RangeAfter(a, b));
            } else if (op == "&<") {
                result = flag(RangeOverLeft(a, b));
            } else if (op == "&>") {
                result = flag(RangeOverRight(a, b));
            } else if (op == "-|-") {
                result = flag(RangeAdjacent(a, b));
            } else if (op == "+") {
                result = FormatRange(kind, RangeUnion(kind, a, b), {});
            } else if (op == "*") {
                result = FormatRange(kind, RangeIntersection(kind, a, b), {});
            } else if (op == "-") {
                result = FormatRange(kind, RangeDifference(kind, a, b), {});
            } else {
                result = FormatRange(kind, RangeMerge(kind, a, b), {});
            }
        } catch (const SqlError &error) {
            result = error.sqlstate;
        }
        EXPECT_EQ(result, c.result) << c.left << " " << c.op << " " << c.right;
    }
    EXPECT_TRUE(RangeContainsElement(ParseRange(kind, "[1,5)", {}), 4));
    EXPECT_FALSE(RangeContainsElement(ParseRange(kind, "[1,5)", {}), 5));
    EXPECT_TRUE(RangeContainsElement(ParseRange(kind, "(,5)", {}), -100));
}

} // namespace
} // namespace duckgres::types
