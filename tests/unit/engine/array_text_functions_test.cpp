// Table-driven tests of the array text casts (array_in / array_out) in a DuckDB database of their own.
#include "common/duckdb_handles.hpp"
#include "engine/error_mapping.hpp"
#include "engine/functions/array_text_functions.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace duckgres::engine {
namespace {

class ArrayTextFunctions : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(duckdb_open(nullptr, database_.Out()), DuckDBSuccess);
        ASSERT_EQ(duckdb_connect(database_.Get(), connection_.Out()), DuckDBSuccess);
        RegisterArrayTextFunctions(connection_.Get());
    }

    //! The single value of `sql` as text (std::nullopt for NULL), or "ERROR <sqlstate>".
    std::optional<std::string> Value(const std::string &sql) {
        ResultHandle result;
        if (duckdb_query(connection_.Get(), sql.c_str(), result.Out()) != DuckDBSuccess) {
            const SqlError error =
                MapDuckDbError(duckdb_result_error_type(result.Get()), duckdb_result_error(result.Get()), sql);
            return "ERROR " + error.sqlstate;
        }
        char *text = duckdb_value_varchar(result.Get(), 0, 0);
        if (text == nullptr) {
            return std::nullopt;
        }
        std::string value(text);
        duckdb_free(text);
        return value;
    }

    DatabaseHandle database_;
    ConnectionHandle connection_;
};

TEST_F(ArrayTextFunctions, TextToListAndBack) {
    struct {
        const char *sql;
        std::optional<std::string> expected;
    } cases[] = {
        {"SELECT '{1,2,3}'::INTEGER[]::VARCHAR", "{1,2,3}"},
        {"SELECT '{}'::INTEGER[]::VARCHAR", "{}"},
        {"SELECT len('{}'::VARCHAR[])", "0"},
        {"SELECT ' { 1 , NULL ,3 } '::BIGINT[]::VARCHAR", "{1,NULL,3}"},
        {"SELECT '{{1,2},{3,4}}'::SMALLINT[][]::VARCHAR", "{{1,2},{3,4}}"},
        {"SELECT ('{{1,2},{3,4}}'::INTEGER[][])[2][1]", "3"},
        {R"(SELECT '{"x y",z,"a\"b",NULL,"NULL",""}'::VARCHAR[]::VARCHAR)", R"({"x y",z,"a\"b",NULL,"NULL",""})"},
        {R"(SELECT ('{"x y",z,"a\"b"}'::VARCHAR[])[3])", "a\"b"},
        {"SELECT ('{NULL}'::VARCHAR[])[1] IS NULL", "true"},
        {"SELECT '{t,false,yes}'::BOOLEAN[]::VARCHAR", "{t,f,t}"},
        {"SELECT '{1.5,NaN,-Infinity}'::DOUBLE[]::VARCHAR", "{1.5,NaN,-Infinity}"},
        {"SELECT '{1.005,2,-3.1}'::DECIMAL(10,2)[]::VARCHAR", "{1.01,2.00,-3.10}"},
        {"SELECT '{2024-01-31,infinity}'::DATE[]::VARCHAR", "{2024-01-31,infinity}"},
        {"SELECT '{\"2024-01-31 10:20:30.5\"}'::TIMESTAMP[]::VARCHAR", "{\"2024-01-31 10:20:30.5\"}"},
        {"SELECT '{\"1 day 02:00\"}'::INTERVAL[]::VARCHAR", "{\"1 day 02:00:00\"}"},
        {"SELECT '{12:30}'::TIME[]::VARCHAR", "{12:30:00}"},
        {"SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::UUID[]::VARCHAR", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"},
        {R"(SELECT '{"\\x0a"}'::BLOB[]::VARCHAR)", R"({"\\x0a"})"},
        {R"(SELECT octet_length(('{"\\x0a0b"}'::BLOB[])[1]))", "2"},
        {"SELECT [1, 2, 3]::VARCHAR", "{1,2,3}"},
        {"SELECT [[1, 2], [NULL, 4]]::VARCHAR", "{{1,2},{NULL,4}}"},
        {"SELECT ['a b', 'c,d', '', NULL]::VARCHAR", R"({"a b","c,d","",NULL})"},
        {"SELECT NULL::INTEGER[]::VARCHAR", std::nullopt},
        {"SELECT NULL::VARCHAR::INTEGER[]", std::nullopt},
        {"SELECT TRY_CAST('{x}' AS INTEGER[]) IS NULL", "true"},
        // Errors with PostgreSQL's SQLSTATEs.
        {"SELECT '{1,2'::INTEGER[]", "ERROR 22P02"},
        {"SELECT '1,2'::INTEGER[]", "ERROR 22P02"},
        {"SELECT '{x}'::INTEGER[]", "ERROR 22P02"},
        {"SELECT '{99999999999}'::INTEGER[]", "ERROR 22003"},
        {"SELECT '{1234.5}'::DECIMAL(4,1)[]", "ERROR 22003"},
        {"SELECT '{{1,2},{3}}'::INTEGER[][]", "ERROR 22P02"},
        // A list type fixes its nesting: a two-dimensional literal does not fit a one-dimensional list.
        {"SELECT '{{1,2}}'::INTEGER[]", "ERROR 22P02"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(Value(c.sql), c.expected) << c.sql;
    }
}

TEST_F(ArrayTextFunctions, StringLiteralsInColumnsAndComparisons) {
    struct {
        const char *sql;
        std::optional<std::string> expected;
    } cases[] = {
        {"CREATE TABLE t (id INTEGER, tags VARCHAR[] DEFAULT '{}', nums INTEGER[])", std::nullopt},
        {"INSERT INTO t VALUES (1, '{a,\"b c\"}', '{1,2}')", "1"},
        {"INSERT INTO t (id) VALUES (2)", "1"},
        {"UPDATE t SET nums = '{7}' WHERE id = 2", "1"},
        {"SELECT tags::VARCHAR || ' ' || nums::VARCHAR FROM t WHERE id = 1", "{a,\"b c\"} {1,2}"},
        {"SELECT tags::VARCHAR || ' ' || nums::VARCHAR FROM t WHERE id = 2", "{} {7}"},
        {"SELECT count(*) FROM t WHERE nums = '{1,2}'", "1"},
        {"SELECT list_contains('{select,from}'::VARCHAR[], 'from')", "true"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(Value(c.sql), c.expected) << c.sql;
    }
}

} // namespace
} // namespace duckgres::engine
