// Tests of CaptureResults: a DO block's statements' rows and tags read back, notices passed on.
#include "wire/backend_messages.hpp"
#include "wire/captured_results.hpp"
#include "wire/protocol_error.hpp"

#include <gtest/gtest.h>

namespace duckgres::wire {
namespace {

TEST(CapturedResults, RowsTagsAndPassedOnMessages) {
    std::string out;
    const FieldDescription fields[] = {{"id", 0, 0, 23, 4, -1, 0}, {"name", 0, 0, 25, -1, -1, 0}};
    ErrorFields notice;
    notice.severity = "NOTICE";
    notice.sqlstate = "00000";
    notice.message = "hello";
    WriteNoticeResponse(out, notice);
    WriteRowDescription(out, fields);
    DataRowWriter row(out);
    row.Begin(2);
    row.Value("1");
    row.Null();
    row.End();
    row.Begin(2);
    row.Value("2");
    row.Value("b");
    row.End();
    WriteCommandComplete(out, "SELECT 2");
    WriteParameterStatus(out, "TimeZone", "UTC");
    WriteCommandComplete(out, "SET");

    std::string expected_passed_on;
    WriteNoticeResponse(expected_passed_on, notice);
    WriteParameterStatus(expected_passed_on, "TimeZone", "UTC");

    const CapturedResults results = CaptureResults(out);
    ASSERT_EQ(results.columns.size(), 2u);
    EXPECT_EQ(results.columns[0].name, "id");
    EXPECT_EQ(results.columns[1].type_oid, 25u);
    ASSERT_EQ(results.rows.size(), 2u);
    EXPECT_EQ(results.rows[0][0], "1");
    EXPECT_EQ(results.rows[0][1], std::nullopt);
    EXPECT_EQ(results.rows[1][1], "b");
    EXPECT_EQ(results.tags, (std::vector<std::string>{"SELECT 2", "SET"}));
    EXPECT_EQ(results.passed_on, expected_passed_on);
}

TEST(CapturedResults, TruncatedMessageIsMalformed) {
    std::string out;
    WriteCommandComplete(out, "INSERT 0 1");
    for (size_t cut : {size_t{1}, size_t{4}, out.size() - 1}) {
        EXPECT_THROW(CaptureResults(std::string_view(out).substr(0, cut)), MalformedMessage) << cut;
    }
    EXPECT_TRUE(CaptureResults("").tags.empty());
}

} // namespace
} // namespace duckgres::wire
