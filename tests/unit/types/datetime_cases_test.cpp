// Text output of DATE, TIME, TIMETZ, TIMESTAMP (all units) and INTERVAL values.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

using oid::kDate, oid::kTime, oid::kTimetz, oid::kTimestamp, oid::kInterval;

const std::vector<TextCase> kDateTimeCases = {
    {"DATE '2024-01-31'", "2024-01-31", kDate},
    {"DATE '1970-01-01' - 1", "1969-12-31", kDate},
    {"DATE '2000-02-29'", "2000-02-29", kDate},
    {"DATE '0001-01-01'", "0001-01-01", kDate},
    {"DATE '0001-12-31 (BC)'", "0001-12-31 BC", kDate, "DATE '0001-12-31 BC'"},
    {"DATE '0044-03-15 (BC)'", "0044-03-15 BC", kDate, "DATE '0044-03-15 BC'"},
    {"DATE '4713-01-01 (BC)'", "4713-01-01 BC", kDate, "DATE '4713-01-01 BC'"},
    {"DATE '0099-01-01'", "0099-01-01", kDate},
    {"DATE '10000-01-01'", "10000-01-01", kDate},
    {"DATE '5874897-12-31'", "5874897-12-31", kDate},
    {"'infinity'::DATE", "infinity", kDate},
    {"'-infinity'::DATE", "-infinity", kDate},
    {"NULL::DATE", nullptr, kDate},
    {"TIME '13:45:00'", "13:45:00", kTime},
    {"TIME '13:45:00.5'", "13:45:00.5", kTime},
    {"TIME '00:00:00'", "00:00:00", kTime},
    {"TIME '00:00:00.000001'", "00:00:00.000001", kTime},
    {"TIME '23:59:59.999999'", "23:59:59.999999", kTime},
    {"TIME '24:00:00'", "24:00:00", kTime},
    {"TIMETZ '13:45:00+02'", "13:45:00+02", kTimetz},
    {"TIMETZ '13:45:00.25-05:30'", "13:45:00.25-05:30", kTimetz},
    {"TIMETZ '01:00:00+05:30:15'", "01:00:00+05:30:15", kTimetz},
    {"TIMETZ '00:00:00-15:59'", "00:00:00-15:59", kTimetz},
    {"TIMETZ '23:59:59.999999+15:59:59'", "23:59:59.999999+15:59:59", kTimetz},
    {"TIMETZ '12:00:00+00'", "12:00:00+00", kTimetz},
    {"TIMESTAMP '2024-01-31 13:45:00.123'", "2024-01-31 13:45:00.123", kTimestamp},
    {"TIMESTAMP '2024-01-31 13:45:00'", "2024-01-31 13:45:00", kTimestamp},
    {"TIMESTAMP '1969-12-31 23:59:59.999999'", "1969-12-31 23:59:59.999999", kTimestamp},
    {"TIMESTAMP '1970-01-01 00:00:00.00001'", "1970-01-01 00:00:00.00001", kTimestamp},
    {"TIMESTAMP '0044-03-15 (BC) 10:00:00'", "0044-03-15 10:00:00 BC", kTimestamp,
     "TIMESTAMP '0044-03-15 10:00:00 BC'"},
    {"TIMESTAMP '4713-01-01 (BC) 00:00:00'", "4713-01-01 00:00:00 BC", kTimestamp,
     "TIMESTAMP '4713-01-01 00:00:00 BC'"},
    {"TIMESTAMP '290309-12-22 (BC) 00:00:00'", "290309-12-22 00:00:00 BC", kTimestamp, nullptr},
    {"TIMESTAMP '294247-01-10 04:00:54.775806'", "294247-01-10 04:00:54.775806", kTimestamp},
    {"'infinity'::TIMESTAMP", "infinity", kTimestamp},
    {"'-infinity'::TIMESTAMP", "-infinity", kTimestamp},
    {"NULL::TIMESTAMP", nullptr, kTimestamp},
    {"'2024-01-31 13:45:07'::TIMESTAMP_S", "2024-01-31 13:45:07", kTimestamp, "TIMESTAMP '2024-01-31 13:45:07'"},
    {"'1960-01-31 13:45:07'::TIMESTAMP_S", "1960-01-31 13:45:07", kTimestamp, "TIMESTAMP '1960-01-31 13:45:07'"},
    {"'infinity'::TIMESTAMP_S", "infinity", kTimestamp, "'infinity'::timestamp"},
    {"'2024-01-31 13:45:07.123'::TIMESTAMP_MS", "2024-01-31 13:45:07.123", kTimestamp,
     "TIMESTAMP '2024-01-31 13:45:07.123'"},
    {"'-infinity'::TIMESTAMP_MS", "-infinity", kTimestamp, "'-infinity'::timestamp"},
    {"'2024-01-31 13:45:07.123456789'::TIMESTAMP_NS", "2024-01-31 13:45:07.123457", kTimestamp,
     "TIMESTAMP '2024-01-31 13:45:07.123456789'"},
    {"'1969-12-31 23:59:59.9999994'::TIMESTAMP_NS", "1969-12-31 23:59:59.999999", kTimestamp,
     "TIMESTAMP '1969-12-31 23:59:59.9999994'"},
    {"'1969-12-31 23:59:59.9999996'::TIMESTAMP_NS", "1970-01-01 00:00:00", kTimestamp,
     "TIMESTAMP '1969-12-31 23:59:59.9999996'"},
    {"'infinity'::TIMESTAMP_NS", "infinity", kTimestamp, "'infinity'::timestamp"},
};

const std::vector<TextCase> kIntervalCases = {
    {"INTERVAL '1 year 2 months 3 days 04:05:06.789'", "1 year 2 mons 3 days 04:05:06.789", kInterval},
    {"INTERVAL '1 day'", "1 day", kInterval},
    {"INTERVAL '-1 day'", "-1 days", kInterval},
    {"INTERVAL '0 seconds'", "00:00:00", kInterval},
    {"INTERVAL '-1 second'", "-00:00:01", kInterval},
    {"INTERVAL '1 year'", "1 year", kInterval},
    {"INTERVAL '2 years'", "2 years", kInterval},
    {"INTERVAL '1 month'", "1 mon", kInterval},
    {"INTERVAL '-1 year -2 months 3 days -04:05:06'", "-1 years -2 mons +3 days -04:05:06", kInterval},
    {"INTERVAL '1 month -1 day'", "1 mon -1 days", kInterval},
    {"INTERVAL '-1 day 1 hour'", "-1 days +01:00:00", kInterval},
    {"INTERVAL '1 day -1 hour'", "1 day -01:00:00", kInterval},
    {"INTERVAL '-1 month -1 hour'", "-1 mons -01:00:00", kInterval},
    {"INTERVAL '1 year -1 second'", "1 year -00:00:01", kInterval},
    {"INTERVAL '-13 months'", "-1 years -1 mons", kInterval},
    {"INTERVAL '1.5 seconds'", "00:00:01.5", kInterval},
    {"INTERVAL '-0.5 seconds'", "-00:00:00.5", kInterval},
    {"INTERVAL '0.000001 seconds'", "00:00:00.000001", kInterval},
    {"INTERVAL '100000 hours'", "100000:00:00", kInterval},
    {"to_microseconds(9223372036854775807)", "2562047788:00:54.775807", kInterval,
     "INTERVAL '9223372036854775807 microseconds'"},
    {"to_microseconds(-9223372036854775807)", "-2562047788:00:54.775807", kInterval,
     "INTERVAL '-9223372036854775807 microseconds'"},
    {"to_days(-2147483647)", "-2147483647 days", kInterval, "make_interval(days => -2147483647)"},
    {"to_months(-2147483647)", "-178956970 years -7 mons", kInterval, "make_interval(months => -2147483647)"},
    {"NULL::INTERVAL", nullptr, kInterval},
};

INSTANTIATE_TEST_SUITE_P(DateTime, TextOutputTest, ::testing::ValuesIn(kDateTimeCases));
INSTANTIATE_TEST_SUITE_P(Intervals, TextOutputTest, ::testing::ValuesIn(kIntervalCases));
const bool kRegistered = RegisterCases(kDateTimeCases) && RegisterCases(kIntervalCases);

} // namespace
} // namespace duckgres::types::testing
