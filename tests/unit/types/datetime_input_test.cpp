// Date/time text input forms (month names, day of the year, runs of digits, DateStyle's field order) against the
// values PostgreSQL 15 reads from the same text, written back in ISO.
#include "common/sql_error.hpp"
#include "types/datetime_input.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::types {
namespace {

enum class Kind { kDate, kTime, kTimestamp, kTimestampTz };

struct InputCase {
    Kind kind;
    const char *text;
    const char *expected; //!< ISO text (timestamptz in UTC), or the SQLSTATE of the error
    DateOrder order = DateOrder::kMdy;
};

std::string ReadAndWrite(const InputCase &c) {
    TextFormatOptions options;
    options.date_style.order = c.order;
    std::string out;
    switch (c.kind) {
    case Kind::kDate:
        AppendDate(out, ParseDateText(c.text, options));
        break;
    case Kind::kTime:
        AppendTime(out, ParseTimeText(c.text, options));
        break;
    case Kind::kTimestamp:
        AppendTimestamp(out, ParseTimestampText(c.text, options));
        break;
    case Kind::kTimestampTz:
        AppendTimestampTz(out, ParseTimestampTzText(c.text, options), nullptr);
        break;
    }
    return out;
}

const InputCase kCases[] = {
    {Kind::kDate, "January 8, 1999", "1999-01-08"},
    {Kind::kDate, "1999-Jan-08", "1999-01-08"},
    {Kind::kDate, "Jan-08-1999", "1999-01-08"},
    {Kind::kDate, "08-Jan-1999", "1999-01-08"},
    {Kind::kDate, "1999.008", "1999-01-08"},
    {Kind::kDate, "1999.366", "2000-01-01"},
    {Kind::kDate, "2000.366", "2000-12-31"},
    {Kind::kDate, "990108", "1999-01-08"},
    {Kind::kDate, "19990108", "1999-01-08"},
    {Kind::kDate, "8 January 1999", "1999-01-08"},
    {Kind::kDate, "Friday, January 8, 1999", "1999-01-08"},
    {Kind::kDate, "Mon Jan 08 1999", "1999-01-08"},
    {Kind::kDate, "Jan 8 99", "1999-01-08"},
    {Kind::kDate, "Sept 1, 2024", "2024-09-01"},
    {Kind::kDate, "Jan 8 0099 BC", "0099-01-08 BC"},
    {Kind::kDate, "12-31-99 BC", "0099-12-31 BC"},
    {Kind::kDate, "1/8/1999", "1999-01-08"},
    {Kind::kDate, "01/02/03", "2003-01-02"},
    {Kind::kDate, "2024-01-02 on", "2024-01-02"},
    {Kind::kDate, "01/02/2024", "2024-02-01", DateOrder::kDmy},
    {Kind::kDate, "1/2/24", "2024-02-01", DateOrder::kDmy},
    {Kind::kDate, "08-Jan-99", "1999-01-08", DateOrder::kDmy},
    {Kind::kDate, "Jan-08-99", "1999-01-08", DateOrder::kDmy},
    {Kind::kDate, "2024-01-02", "2024-01-02", DateOrder::kDmy},
    {Kind::kDate, "24/01/02", "2024-01-02", DateOrder::kYmd},
    {Kind::kDate, "08-Jan-1999", "1999-01-08", DateOrder::kYmd},
    {Kind::kDate, "99-Jan-08", "1999-01-08", DateOrder::kYmd},
    {Kind::kTime, "040506", "04:05:06"},
    {Kind::kTime, "0405", "04:05:00"},
    {Kind::kTime, "040506.789", "04:05:06.789"},
    {Kind::kTime, "04:05 PM", "16:05:00"},
    {Kind::kTime, "0405 pm", "16:05:00"},
    {Kind::kTime, "allballs", "00:00:00"},
    {Kind::kTimestamp, "20240105 040506", "2024-01-05 04:05:06"},
    {Kind::kTimestamp, "January 8, 1999 04:05:06", "1999-01-08 04:05:06"},
    {Kind::kTimestamp, "1999-Jan-08 04:05", "1999-01-08 04:05:00"},
    {Kind::kTimestamp, "Jan-08-1999 4:05 pm", "1999-01-08 16:05:00"},
    {Kind::kTimestamp, "Fri Jan 08 04:05:06 1999", "1999-01-08 04:05:06"},
    {Kind::kTimestamp, "1999.008 04:05", "1999-01-08 04:05:00"},
    {Kind::kTimestamp, "19990108T040506", "1999-01-08 04:05:06"},
    {Kind::kTimestamp, "19990108 0405", "1999-01-08 04:05:00"},
    {Kind::kTimestamp, "990108 040506", "1999-01-08 04:05:06"},
    {Kind::kTimestamp, "Jan 8 1999 040506", "1999-01-08 04:05:06"},
    {Kind::kTimestamp, "January 8 1999 BC 04:05", "1999-01-08 04:05:00 BC"},
    {Kind::kTimestamp, "epoch", "1970-01-01 00:00:00"},
    {Kind::kTimestamp, "2024-01-31T13:45", "2024-01-31 13:45:00"},
    {Kind::kTimestamp, "2024-01-31t13:45:00.5", "2024-01-31 13:45:00.5"},
    {Kind::kDate, "2024-01-31T13:45:00", "2024-01-31"},
    {Kind::kTimestampTz, "2024-01-15 12:00+00", "2024-01-15 12:00:00+00"},
    {Kind::kTimestampTz, "2024-01-15 08:30-05", "2024-01-15 13:30:00+00"},
    {Kind::kTimestampTz, "Jan 15 2024 08:30 PST", "2024-01-15 16:30:00+00"},
    {Kind::kTimestampTz, "2024-01-15 12:00 Europe/Berlin", "2024-01-15 11:00:00+00"},
    {Kind::kTimestampTz, "Jan-15-2024 12:00 America/New_York", "2024-01-15 17:00:00+00"},
    // Errors: 22007 syntax, 22008 out of range.
    {Kind::kDate, "1999.367", "22007"},
    {Kind::kDate, "99-Jan-08", "22008"},
    {Kind::kDate, "February 30, 2024", "22008"},
    {Kind::kDate, "Janu 8 1999", "22007"},
    {Kind::kDate, "Jan 8", "22007"},
    {Kind::kDate, "8 Jan 1999 Jan", "22007"},
    {Kind::kDate, "13/01/2024", "22008"},
    {Kind::kDate, "01/13/2024", "22008", DateOrder::kDmy},
    {Kind::kTime, "250000", "22008"},
    {Kind::kTime, "046000", "22008"},
    {Kind::kTime, "04:05:06 2024-01-02", "22007"},
    {Kind::kTime, "12345", "22007"},
};

class DateTimeInputTest : public ::testing::TestWithParam<InputCase> {};

TEST_P(DateTimeInputTest, ReadsAsPostgreSql) {
    const InputCase &c = GetParam();
    const std::string expected = c.expected;
    const bool error_expected = expected.size() == 5 && expected.find_first_not_of("0123456789") == std::string::npos;
    try {
        const std::string got = ReadAndWrite(c);
        EXPECT_FALSE(error_expected) << c.text << " read as " << got;
        EXPECT_EQ(got, expected) << c.text;
    } catch (const SqlError &error) {
        EXPECT_TRUE(error_expected) << c.text << ": " << error.what();
        EXPECT_EQ(error.sqlstate, expected) << c.text << ": " << error.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Forms, DateTimeInputTest, ::testing::ValuesIn(kCases));

} // namespace
} // namespace duckgres::types
