// Text output of TIMESTAMPTZ in various session time zones (IANA, numeric, POSIX), DST and LMT.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

constexpr uint32_t kTz = oid::kTimestamptz;

const std::vector<TextCase> kTimestampTzCases = {
    {"TIMESTAMPTZ '2024-01-31 13:45:00+00'", "2024-01-31 13:45:00+00", kTz},
    {"TIMESTAMPTZ '2024-01-31 13:45:00+00'", "2024-01-31 13:45:00+00", kTz, "", "Etc/UTC"},
    {"TIMESTAMPTZ '2024-01-31 13:45:00.5+00'", "2024-01-31 14:45:00.5+01", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 14:00:00+02", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2024-03-31 00:59:59+00'", "2024-03-31 01:59:59+01", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2024-03-31 01:00:00+00'", "2024-03-31 03:00:00+02", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '1800-01-01 12:00:00+00'", "1800-01-01 12:53:28+00:53:28", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '0044-03-15 (BC) 12:00:00+00'", "0044-03-15 12:53:28+00:53:28 BC", kTz,
     "TIMESTAMPTZ '0044-03-15 12:00:00+00 BC'", "Europe/Berlin"},
    {"TIMESTAMPTZ '1945-05-24 12:00:00+00'", "1945-05-24 15:00:00+03", kTz, "", "Europe/Berlin"},
    // After the last transition in the file the zone's POSIX footer rule applies.
    {"TIMESTAMPTZ '2100-01-15 12:00:00+00'", "2100-01-15 13:00:00+01", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2100-07-01 12:00:00+00'", "2100-07-01 14:00:00+02", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2100-03-28 00:59:59+00'", "2100-03-28 01:59:59+01", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2100-03-28 01:00:00+00'", "2100-03-28 03:00:00+02", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2100-10-31 00:59:59+00'", "2100-10-31 02:59:59+02", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '2100-10-31 01:00:00+00'", "2100-10-31 02:00:00+01", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '294247-01-10 04:00:54.775806+00'", "294247-01-10 05:00:54.775806+01", kTz, "", "Europe/Berlin"},
    {"TIMESTAMPTZ '290309-12-22 (BC) 00:00:00+00'", "290309-12-22 00:53:28+00:53:28 BC", kTz, nullptr, "Europe/Berlin"},
    {"TIMESTAMPTZ '2024-01-31 13:45:00+00'", "2024-01-31 14:45:00+01", kTz, "", "europe/berlin"},
    {"TIMESTAMPTZ '2024-01-31 13:45:00+00'", "2024-01-31 19:15:00+05:30", kTz, "", "Asia/Kolkata"},
    {"TIMESTAMPTZ '2024-01-31 13:45:00+00'", "2024-01-31 19:30:00+05:45", kTz, "", "Asia/Kathmandu"},
    {"TIMESTAMPTZ '2024-01-31 13:45:00+00'", "2024-01-31 10:15:00-03:30", kTz, "", "America/St_Johns"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 09:30:00-02:30", kTz, "", "America/St_Johns"},
    {"TIMESTAMPTZ '1900-07-01 12:00:00+00'", "1900-07-01 08:29:08-03:30:52", kTz, "", "America/St_Johns"},
    {"TIMESTAMPTZ '2100-07-01 12:00:00+00'", "2100-07-01 09:30:00-02:30", kTz, "", "America/St_Johns"},
    {"TIMESTAMPTZ '2024-03-10 06:59:59+00'", "2024-03-10 01:59:59-05", kTz, "", "America/New_York"},
    {"TIMESTAMPTZ '2024-03-10 07:00:00+00'", "2024-03-10 03:00:00-04", kTz, "", "America/New_York"},
    {"TIMESTAMPTZ '2024-11-03 05:59:59+00'", "2024-11-03 01:59:59-04", kTz, "", "America/New_York"},
    {"TIMESTAMPTZ '2024-11-03 06:00:00+00'", "2024-11-03 01:00:00-05", kTz, "", "America/New_York"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 05:00:00-07", kTz, "", "US/Pacific"},
    {"TIMESTAMPTZ '2024-01-15 00:00:00+00'", "2024-01-15 11:00:00+11", kTz, "", "Australia/Sydney"},
    {"TIMESTAMPTZ '2024-07-01 00:00:00+00'", "2024-07-01 10:00:00+10", kTz, "", "Australia/Sydney"},
    {"TIMESTAMPTZ '2100-01-15 00:00:00+00'", "2100-01-15 11:00:00+11", kTz, "", "Australia/Sydney"},
    {"TIMESTAMPTZ '2100-07-01 00:00:00+00'", "2100-07-01 10:00:00+10", kTz, "", "Australia/Sydney"},
    {"TIMESTAMPTZ '2100-01-15 12:00:00+00'", "2100-01-15 12:00:00+00", kTz, "", "Europe/Dublin"},
    {"TIMESTAMPTZ '2100-07-01 12:00:00+00'", "2100-07-01 13:00:00+01", kTz, "", "Europe/Dublin"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-02 00:45:00+12:45", kTz, "", "Pacific/Chatham"},
    {"TIMESTAMPTZ '2024-01-01 12:00:00+00'", "2024-01-02 01:45:00+13:45", kTz, "", "Pacific/Chatham"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 13:00:00+01", kTz, "", "Africa/Casablanca"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 14:00:00+02", kTz, "", "CET"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 08:00:00-04", kTz, "", "EST5EDT"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 17:30:00+05:30", kTz, "", "5.5"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 05:00:00-07", kTz, "", "-7"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 17:00:00+05", kTz, "", "+05"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 09:00:00-03", kTz, "", "UTC+3"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 06:30:00-05:30", kTz, "", "+05:30"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 17:30:00+05:30", kTz, "", "<+0530>-5:30"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 10:00:00-02", kTz, "", "XYZ3ABC"},
    {"TIMESTAMPTZ '2024-01-01 12:00:00+00'", "2024-01-01 09:00:00-03", kTz, "", "XYZ3ABC"},
    {"TIMESTAMPTZ '2024-07-01 12:00:00+00'", "2024-07-01 14:00:00+02", kTz, "", "CET-1CEST,M3.5.0,M10.5.0/3"},
    {"'infinity'::TIMESTAMPTZ", "infinity", kTz, "", "Europe/Berlin"},
    {"'-infinity'::TIMESTAMPTZ", "-infinity", kTz, "", "Europe/Berlin"},
    {"NULL::TIMESTAMPTZ", nullptr, kTz, "", "Europe/Berlin"},
};

INSTANTIATE_TEST_SUITE_P(TimestampTz, TextOutputTest, ::testing::ValuesIn(kTimestampTzCases));
const bool kRegistered = RegisterCases(kTimestampTzCases);

} // namespace
} // namespace duckgres::types::testing
