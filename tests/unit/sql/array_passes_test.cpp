// Table-driven tests of the array literal helpers of the rewrite passes.
#include "sql/array_passes.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(ArrayPasses, LiteralDimensions) {
    struct {
        const char *text;
        size_t dimensions;
    } cases[] = {
        {"{}", 1},       {"{1,2}", 1},       {" { {1,2},{3,4} } ", 2},
        {"{{{x}}}", 3},  {"[1:2]={1,2}", 1}, {"[1:1][1:2]={{1,2}}", 2},
        {"{\"{a\"}", 1}, {"abc", 0},         {"", 0},
        {"[1:2]", 0},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(ArrayLiteralDimensions(c.text), c.dimensions) << c.text;
    }
}

} // namespace
} // namespace duckgres::sql
