// Table-driven tests of the range rewrite: range operators, lower()/upper(), numrange() and range constants.
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "test_settings.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::sql {
namespace {

//! One table, bookings (id integer, seats int4range, during tstzrange, name text).
class BookingTables : public TableLocator {
public:
    std::optional<std::string> SchemaOf(const std::string &table) const override {
        return table == "bookings" ? std::optional<std::string>("public") : std::nullopt;
    }
    std::vector<std::string> ColumnNames(const std::string &, const std::string &table) const override {
        return table == "bookings" ? std::vector<std::string>{"id", "seats", "during", "name"}
                                   : std::vector<std::string>{};
    }
    std::vector<std::string> ConstraintColumns(const std::string &, const std::string &,
                                               const std::string &) const override {
        return {};
    }
    std::vector<ColumnType> ColumnTypes(const std::string &, const std::string &table) const override {
        if (table != "bookings") {
            return {};
        }
        return {{"id", "integer", {}}, {"seats", "int4range", {}}, {"during", "tstzrange", {}}, {"name", "text", {}}};
    }
};

std::string Rewrite(const std::string &sql, const std::string &time_zone) {
    RewriteContext context;
    context.tables = std::make_shared<BookingTables>();
    context.settings = std::make_shared<TestSettings>(std::map<std::string, std::string>{
        {"timezone", time_zone}, {"datestyle", "ISO, MDY"}, {"intervalstyle", "postgres"}});
    auto zone = types::TimeZone::Load(time_zone);
    context.text_options.time_zone = zone.get();
    auto parsed = ParseQuery(sql);
    EXPECT_EQ(parsed.statements.size(), 1u) << sql;
    return RewriteForDuckDb(*parsed.statements.at(0).tree, context).text.value_or("(unchanged)");
}

struct RangeRewriteCase {
    const char *sql;
    const char *rewritten;
    const char *time_zone = "UTC";
};

const RangeRewriteCase kCases[] = {
    {"select seats @> 3 from bookings", "SELECT duckgres_range_contains(seats, 3) FROM bookings"},
    {"select 3 <@ seats from bookings", "SELECT duckgres_range_contained(3, seats) FROM bookings"},
    {"select seats && '[1,5)' from bookings",
     "SELECT duckgres_range_overlaps(seats, '[1,5)'::int4range) FROM bookings"},
    {"select seats -|- seats, seats << seats from bookings",
     "SELECT duckgres_range_adjacent(seats, seats), duckgres_range_before(seats, seats) FROM bookings"},
    {"select seats + seats * seats from bookings",
     "SELECT duckgres_range_union(seats, duckgres_range_intersect(seats, seats)) FROM bookings"},
    {"select lower(seats), upper(during), lower(name) from bookings",
     "SELECT duckgres_range_lower(seats), duckgres_range_upper(during), duckgres_lower(name) FROM bookings"},
    {"select id - 1, name from bookings", "(unchanged)"},
    {"select int4range(1, 5) - int4range(2, 3)", "SELECT duckgres_range_minus(int4range(1, 5), int4range(2, 3))"},
    {"select numrange(1.50, 2)", "SELECT numrange((1.50)::text, 2::text)"},
    {"select '[2024-01-05 10:00,)'::tstzrange", "SELECT '[\"2024-01-05 15:00:00+00\",)'::tstzrange",
     "America/New_York"},
    {"select '[1,5]'::int4range", "(unchanged)"},
    {"insert into bookings (id, during) values (1, '[2024-01-05 10:00,)')",
     "INSERT INTO bookings (id, during) VALUES (1, '[\"2024-01-05 15:00:00+00\",)')", "America/New_York"},
    {"insert into bookings values (1, '[1,2]', '[2024-01-05 10:00,)', 'x')",
     "INSERT INTO bookings VALUES (1, '[1,2]', '[\"2024-01-05 10:00:00+00\",)', 'x')"},
};

TEST(RangePasses, Rewrites) {
    for (const auto &c : kCases) {
        EXPECT_EQ(Rewrite(c.sql, c.time_zone), c.rewritten) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
