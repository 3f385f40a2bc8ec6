// Date/time constants read with the session's DateStyle order and TimeZone at rewrite time (read_datetime_constants).
#include "common/sql_error.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "types/time_zone.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace duckgres::sql {
namespace {

struct ConstantCase {
    const char *sql;
    std::optional<std::string> rewritten; //!< nullopt: left as written
    types::DateOrder order = types::DateOrder::kMdy;
    const char *time_zone = "UTC";
};

const ConstantCase kCases[] = {
    {"select '01/02/2024'::date", "SELECT '2024-01-02'::date"},
    {"select '01/02/2024'::date", "SELECT '2024-02-01'::date", types::DateOrder::kDmy},
    {"select date '24/01/02'", "SELECT '2024-01-02'::date", types::DateOrder::kYmd},
    {"select '2024-01-02'::date", std::nullopt},
    {"select 'infinity'::date", std::nullopt},
    {"select 'epoch'::timestamp", "SELECT '1970-01-01 00:00:00'::timestamp"},
    {"select '040506'::time", "SELECT '04:05:06'::time"},
    {"select 'allballs'::time", "SELECT '00:00:00'::time"},
    {"select '1999-Jan-08 04:05'::timestamp(0)", "SELECT '1999-01-08 04:05:00'::\"timestamp\"::pg_timestamp_0"},
    {"select '2024-01-15 12:00+00'::timestamptz", "SELECT '2024-01-15 12:00:00+00'::timestamptz"},
    {"select timestamptz '2024-01-15 12:00'", "SELECT '2024-01-15 06:30:00+00'::timestamptz", types::DateOrder::kMdy,
     "Asia/Kolkata"},
    {"select '12:00'::timetz", "SELECT '12:00:00+05:30'::timetz", types::DateOrder::kMdy, "Asia/Kolkata"},
    {"select 'now'::timestamp", std::nullopt},
    {"select ' NOW '::date", std::nullopt},
    {"select 'not a time'::timestamptz", std::nullopt}, // left to the cast's error
    {"select '0044-03-15 10:00 BC'::timestamptz", std::nullopt},
    {"select '2024-01-02'::text", std::nullopt},
    {"select array['2024-01-02']::date[]", std::nullopt},
};

std::optional<std::string> Rewrite(const ConstantCase &c) {
    auto zone = types::TimeZone::Load(c.time_zone);
    RewriteContext context;
    context.text_options.time_zone = zone.get();
    context.text_options.date_style.order = c.order;
    auto parsed = ParseQuery(c.sql);
    return RewriteForDuckDb(*parsed.statements.at(0).tree, context).text;
}

class DateTimeConstantsTest : public ::testing::TestWithParam<ConstantCase> {};

TEST_P(DateTimeConstantsTest, ReadInTheSession) {
    EXPECT_EQ(Rewrite(GetParam()), GetParam().rewritten) << GetParam().sql;
}

INSTANTIATE_TEST_SUITE_P(Constants, DateTimeConstantsTest, ::testing::ValuesIn(kCases));

TEST(DateTimeConstantsErrors, AreThoseOfPostgreSqlsInput) {
    const std::pair<ConstantCase, const char *> errors[] = {
        {{"select '01/13/2024'::date", std::nullopt, types::DateOrder::kDmy}, "22008"},
        {{"select 'January 32, 2024'::date", std::nullopt}, "22008"},
        {{"select '2024-01-02 garbage'::timestamp", std::nullopt}, "22007"},
    };
    for (const auto &[c, sqlstate] : errors) {
        try {
            Rewrite(c);
            ADD_FAILURE() << c.sql << " was read";
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, sqlstate) << c.sql;
        }
    }
}

} // namespace
} // namespace duckgres::sql
