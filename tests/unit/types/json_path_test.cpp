// Table-driven tests of SQL/JSON path evaluation: each path's items over a document, as jsonb text.
#include "common/sql_error.hpp"
#include "types/json_path.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::types {
namespace {

struct PathCase {
    const char *document;
    const char *path;
    const char *items; //!< the items' jsonb texts joined with " | "; "" for none
};

const PathCase kCases[] = {
    {R"({"a": {"b": 1}})", "$.a.b", "1"},
    {R"({"a": {"b": 1}})", "$", R"({"a": {"b": 1}})"},
    {R"({"a": [1, 2, 3]})", "$.a[0]", "1"},
    {R"({"a": [1, 2, 3]})", "$.a[last]", "3"},
    {R"({"a": [1, 2, 3]})", "$.a[last - 1]", "2"},
    {R"({"a": [1, 2, 3]})", "$.a[0 to 1]", "1 | 2"},
    {R"({"a": [1, 2, 3]})", "$.a[0, 2]", "1 | 3"},
    {R"({"a": [1, 2, 3]})", "$.a[*]", "1 | 2 | 3"},
    {R"({"a": [1, 2, 3]})", "$.a[5]", ""},
    {R"({"a": 1, "b": "x"})", "$.*", R"(1 | "x")"},
    {R"({"a": [1, 2, 3]})", "$.a[*] ? (@ > 2)", "3"},
    {R"({"a": [1, 2, 3]})", "$.a[*] ? (@ >= 2)", "2 | 3"},
    {R"({"a": [1, 2, 3]})", "$.a ? (@ != 2)", "1 | 3"},
    {R"({"a": [1, 2, 3]})", "lax $.a[*] ? (@ > 1 && @ < 3)", "2"},
    {R"({"a": [1, 2, 3]})", "$.a[*] ? (@ == 1 || @ == 3)", "1 | 3"},
    {R"({"a": [1, 2, 3]})", "$.a[*] ? (!(@ == 1))", "2 | 3"},
    {R"([{"n": "x", "v": 1}, {"n": "y", "v": 2}])", "$[*] ? (@.n == \"y\").v", "2"},
    {R"([{"n": "x", "v": 1}, {"n": "y"}])", "$[*] ? (exists(@.v)).n", R"("x")"},
    {R"({"a": [{"b": 1}, {"b": 2}]})", "$.a.b", "1 | 2"},
    {R"({"a": "x"})", "$.a[*]", R"("x")"},
    {R"({"a": "x"})", "$.a[0]", R"("x")"},
    {R"({"a b": 1})", "$.\"a b\"", "1"},
    {R"({"a": [1, "2", null]})", "$.a[*] ? (@ == null)", "null"},
    {R"({"a": [1, "2", null]})", "$.a[*] ? (@ > 0)", "1"},
};

TEST(JsonPath, Items) {
    for (const auto &row : kCases) {
        const JsonValue document = ParseJsonb(row.document);
        std::string items;
        for (const auto *item : EvaluateJsonPath(document, row.path)) {
            items += (items.empty() ? "" : " | ") + JsonbText(*item);
        }
        EXPECT_EQ(items, row.items) << row.document << " " << row.path;
    }
}

TEST(JsonPath, SyntaxErrors) {
    const JsonValue document = ParseJsonb("{}");
    for (const char *path : {"a", "$.", "$[", "$.a ? (@ >)", "$.a.size()", "$ $"}) {
        try {
            EvaluateJsonPath(document, path);
            ADD_FAILURE() << path;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "42601") << path;
        }
    }
}

} // namespace
} // namespace duckgres::types
