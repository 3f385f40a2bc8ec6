// money text input and output against PostgreSQL 15 under the C locale, from tables of cases.
#include "common/sql_error.hpp"
#include "types/money_format.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace duckgres::types {
namespace {

struct MoneyCase {
    const char *input;
    const char *output;   //!< PostgreSQL's output of input::money; nullptr: an error
    const char *sqlstate; //!< the error's SQLSTATE
};

const MoneyCase kMoneyCases[] = {
    {"12.34", "$12.34", nullptr},
    {"$1,234.56", "$1,234.56", nullptr},
    {"1234", "$1,234.00", nullptr},
    {"(1.00)", "-$1.00", nullptr},
    {" -$ 5 ", "-$5.00", nullptr},
    {"1.995", "$2.00", nullptr},
    {"1.994", "$1.99", nullptr},
    {"-0.005", "-$0.01", nullptr},
    {"0", "$0.00", nullptr},
    {"", "$0.00", nullptr},
    {"$", "$0.00", nullptr},
    {"1,2,3.4", "$123.40", nullptr},
    {"$-7.5", "-$7.50", nullptr},
    {"12-", "-$12.00", nullptr},
    {"-92233720368547758.08", "-$92,233,720,368,547,758.08", nullptr},
    {"92233720368547758.07", "$92,233,720,368,547,758.07", nullptr},
    {"abc", nullptr, "22P02"},
    {"1.2.3", nullptr, "22P02"},
    {"12 34", nullptr, "22P02"},
    {"92233720368547758.08", nullptr, "22003"},
    {"123456789012345678901234567890", nullptr, "22003"},
};

TEST(MoneyFormat, ReadsAndPrintsAsPostgres) {
    for (const auto &row : kMoneyCases) {
        if (row.output) {
            EXPECT_EQ(FormatMoney(ParseMoney(row.input)), row.output) << row.input;
            continue;
        }
        try {
            ParseMoney(row.input);
            ADD_FAILURE() << "accepted " << row.input;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, row.sqlstate) << row.input;
        }
    }
}

TEST(MoneyFormat, PrintsTheExtremes) {
    EXPECT_EQ(FormatMoney(std::numeric_limits<int64_t>::min()), "-$92,233,720,368,547,758.08");
    EXPECT_EQ(FormatMoney(5), "$0.05");
    EXPECT_EQ(FormatMoney(-100000), "-$1,000.00");
}

TEST(MoneyFormat, RoundsComputedAmounts) {
    EXPECT_EQ(MoneyFromDouble(2.5), 2);
    EXPECT_EQ(MoneyFromDouble(-3.5), -4);
    EXPECT_THROW(MoneyFromDouble(1e300), SqlError);
}

} // namespace
} // namespace duckgres::types
