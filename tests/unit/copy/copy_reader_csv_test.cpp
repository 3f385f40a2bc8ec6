// Table-driven tests of reading COPY CSV format (expectations checked against PostgreSQL 15).
#include "reader_harness.hpp"

namespace duckgres::copy::testing {
namespace {

const std::vector<std::string> kAB = {"a", "b"};
const std::vector<std::string> kA = {"a"};
const std::vector<std::string> kNone = {};
const Pairs kCsv = {{"format", "csv"}};

Pairs Csv(Pairs more) {
    more.insert(more.begin(), {"format", "csv"});
    return more;
}

TEST(CopyReaderCsv, QuotingAndNulls) {
    const ReadCase cases[] = {
        {kCsv, kAB, "a,b\n", {{"a", "b"}}},
        {kCsv, kAB, "\"a,b\",c\n", {{"a,b", "c"}}},
        {kCsv, kAB, "\"a\"\"b\",c\n", {{"a\"b", "c"}}},
        {kCsv, kAB, "\"a\"\"\",b\n", {{"a\"", "b"}}},
        {kCsv, kAB, "a\"b\",c\n", {{"ab", "c"}}},
        {kCsv, kAB, "a\"b,c\"d,e\n", {{"ab,cd", "e"}}},
        {kCsv, kAB, "\"a\"b\"c\",d\n", {{"abc", "d"}}},
        {kCsv, kAB, "\"a\nb\",c\r\n", {{"a\nb", "c"}}},
        {kCsv, kAB, "a,\"b\r\"\n", {{"a", "b\r"}}},
        {kCsv, kAB, ",\n", {{N, N}}},
        {kCsv, kAB, "\"\",\"\"\n", {{"", ""}}},
        {kCsv, kAB, "\"\",\n", {{"", N}}},
        {kCsv, kAB, "a, b \n", {{"a", " b "}}},
        {kCsv, kAB, "\"a\" ,b\n", {{"a ", "b"}}},
        {kCsv, kA, "\n", {{N}}},
        {kCsv, kNone, "\n", {{}}},
        {kCsv, kAB, "a,b\rc,d\r", {{"a", "b"}, {"c", "d"}}},
        {kCsv, kAB, "a,b\r", {{"a", "b"}}},
        {kCsv, kAB, "a,b\\.\n", {{"a", "b\\."}}},
        {Csv({{"delimiter", "|"}}), kAB, "a|\"b|c\"\n", {{"a", "b|c"}}},
        {Csv({{"escape", "\\"}}), kAB, "\"a\\\"b\",\"c\\\\d\\x\"\n", {{"a\"b", "c\\d\\x"}}},
        {Csv({{"escape", "\\"}}), kAB, "\"a\"\"b\",c\n", {{"ab", "c"}}},
        {Csv({{"escape", "\\"}}), kA, "\"x\\\"\n\"\n", {{"x\"\n"}}},
        {Csv({{"quote", "'"}}), kAB, "'a,b','c''d'\n", {{"a,b", "c'd"}}},
        {Csv({{"quote", "\\"}}), kAB, "\\a,b\\,c\n", {{"a,b", "c"}}},
        {Csv({{"null", "NULL"}}), kAB, "NULL,\"NULL\"\n", {{N, "NULL"}}},
        {Csv({{"force_not_null", "a"}}), kAB, ",\n", {{"", N}}},
        {Csv({{"force_null", "a,b"}}), kAB, "\"\",\n", {{N, N}}},
        {Csv({{"force_null", "a"}, {"null", "x"}}), kAB, "\"x\",x\n", {{N, N}}},
        {Csv({{"force_not_null", "a"}, {"force_null", "a"}}), kAB, ",\"\"\n", {{"", ""}}},
    };
    ExpectReads(cases);
}

TEST(CopyReaderCsv, EndOfDataMarker) {
    const ReadCase cases[] = {
        {kCsv, kAB, "a,b\n\\.\n", {{"a", "b"}}},
        {kCsv, kAB, "a,b\n\\.\nc,d\n", {{"a", "b"}}},
        {kCsv, kAB, "a,b\n\"\\.\",x\n", {{"a", "b"}, {"\\.", "x"}}},
        {kCsv, kAB, "a,b\n\\.x,y\n", {{"a", "b"}, {"\\.x", "y"}}},
        {kCsv, kAB, "\\.,x\n", {{"\\.", "x"}}},
        {kCsv, kAB, "\"a\n\\.\n\",b\n", {{"a\n\\.\n", "b"}}},
        {kCsv, kA, "\\.", {{"\\."}}},
        {kCsv, kA, "x\r\n\\.\r\n", {{"x"}}},
        {kCsv, kA, "x\r\\.\r", {{"x"}}},
        {Csv({{"quote", "\\"}}), kAB, "\\.\n", {}},
        {kCsv, kAB, "a,b\n\\.", {{"a", "b"}}, "22P04", "missing data for column \"b\"", "line 2: \"\\.\""},
        {kCsv,
         kA,
         "x\n\\.\r\n",
         {{"x"}},
         "22P04",
         "end-of-copy marker does not match previous newline style",
         "line 2"},
        {kCsv,
         kAB,
         "a,b\r\n\\.\n",
         {{"a", "b"}},
         "22P04",
         "unquoted newline found in data",
         "line 2",
         "Use quoted CSV field to represent newline."},
        {kCsv,
         kA,
         "x\r\n\\.\rz",
         {{"x"}},
         "22P04",
         "unquoted carriage return found in data",
         "line 2",
         "Use quoted CSV field to represent carriage return."},
    };
    ExpectReads(cases);
}

TEST(CopyReaderCsv, MalformedDataAndLineNumbers) {
    const auto cr_hint = "Use quoted CSV field to represent carriage return.";
    const auto nl_hint = "Use quoted CSV field to represent newline.";
    const ReadCase cases[] = {
        {kCsv, kAB, "\"a,b\n", {}, "22P04", "unterminated CSV quoted field", "line 1: \"\"a,b\n\""},
        {kCsv, kAB, "x,y\n\"a,b\n", {{"x", "y"}}, "22P04", "unterminated CSV quoted field", "line 3: \"\"a,b\n\""},
        {kCsv, kAB, "a,\"b\n\n", {}, "22P04", "unterminated CSV quoted field", "line 1: \"a,\"b\n\n\""},
        {kCsv, kA, "\"x\"\"", {}, "22P04", "unterminated CSV quoted field", "line 1: \"\"x\"\"\""},
        {Csv({{"escape", "\\"}}), kA, "\"x\\", {}, "22P04", "unterminated CSV quoted field", "line 1: \"\"x\\\""},
        {kCsv, kAB, "\n", {}, "22P04", "missing data for column \"b\"", "line 1: \"\""},
        {kCsv, kAB, "\"a\"\"\"\n", {}, "22P04", "missing data for column \"b\"", "line 1: \"\"a\"\"\"\""},
        {kCsv, kAB, "a,b,c\n", {}, "22P04", "extra data after last expected column", "line 1: \"a,b,c\""},
        {kCsv, kNone, "\"\"\n", {}, "22P04", "extra data after last expected column", "line 1: \"\"\"\""},
        {kCsv, kNone, "a'x,\"\n\\..", {}, "22P04", "extra data after last expected column", "line 1: \"a'x,\"\n\\..\""},
        {kCsv, kAB, "a,b\r\nc,d\n", {{"a", "b"}}, "22P04", "unquoted newline found in data", "line 2", nl_hint},
        {kCsv, kAB, "a,b\nc,d\r\n", {{"a", "b"}}, "22P04", "unquoted carriage return found in data", "line 2", cr_hint},
        {kCsv, kAB, "a,b\nc,d\r", {{"a", "b"}}, "22P04", "unquoted carriage return found in data", "line 2", cr_hint},
        {kCsv, kAB, "a,b\r\nb\r", {{"a", "b"}}, "22P04", "unquoted carriage return found in data", "line 2", cr_hint},
        // newlines inside quotes count as lines once the newline style is known (before, only CRs count)
        {kCsv, kAB, "\"a\nb\",c\nx\n", {{"a\nb", "c"}}, "22P04", "missing data for column \"b\"", "line 2: \"x\""},
        {kCsv,
         kAB,
         "\"a\r\nb\",c\r\nx\r\n",
         {{"a\r\nb", "c"}},
         "22P04",
         "missing data for column \"b\"",
         "line 3: \"x\""},
        {kCsv,
         kAB,
         "\"a\rb\n\r\nc\",c\nx\n",
         {{"a\rb\n\r\nc", "c"}},
         "22P04",
         "missing data for column \"b\"",
         "line 4: \"x\""},
        {kCsv,
         kAB,
         "a,b\n\"a\nb\",c\n\"x\n\ny\"\n",
         {{"a", "b"}, {"a\nb", "c"}},
         "22P04",
         "missing data for column \"b\"",
         "line 6: \"\"x\n\ny\"\""},
    };
    ExpectReads(cases);
}

TEST(CopyReaderCsv, InvalidUtf8) {
    const ReadCase cases[] = {
        {kCsv, kAB, "\xc3(,b\n", {}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28", "line 1"},
        {kCsv, kAB, "\"a\n\xff\",b\n", {}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xff", "line 1"},
        {kCsv,
         kA,
         "x\xf0\n\\.\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xf0 0x0a 0x5c 0x2e",
         "line 1"},
        // PostgreSQL reads the byte after a CR or backslash before acting on either
        {Csv({{"null", "N"}}),
         kAB,
         "a,b\tb\n'\r\xa9x",
         {{"a", "b\tb"}},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xa9",
         "line 2"},
        {Csv({{"escape", "\\"}}),
         kAB,
         "\\.0\xc3\xa9\\x\r\\\xff",
         {},
         "22P04",
         "missing data for column \"b\"",
         "line 1: \"\\.0\xc3\xa9\\x\""},
    };
    ExpectReads(cases);
}

TEST(CopyReaderCsv, HeaderLine) {
    const ReadCase cases[] = {
        {Csv({{"header", "true"}}), kAB, "h1,h2\na,b\n", {{"a", "b"}}},
        {Csv({{"header", "true"}}), kAB, "\"h\n1\",h2\na,b\n", {{"a", "b"}}},
        {Csv({{"header", "match"}}), kAB, "a,b\nx,y\n", {{"x", "y"}}},
        {Csv({{"header", "match"}}), kAB, "\"a\",\"b\"\n", {}},
        {Csv({{"header", "match"}}), kNone, "\n", {}},
        {Csv({{"header", "true"}}),
         kAB,
         "\"h\nh\",c\nx\n",
         {},
         "22P04",
         "missing data for column \"b\"",
         "line 2: \"x\""},
        {Csv({{"header", "true"}}),
         kA,
         "h\r\nx\n",
         {},
         "22P04",
         "unquoted newline found in data",
         "line 2",
         "Use quoted CSV field to represent newline."},
        {Csv({{"header", "match"}}),
         kAB,
         "a,c\nx,y\n",
         {},
         "22P04",
         "column name mismatch in header line field 2: got \"c\", expected \"b\"",
         "line 1: \"a,c\""},
        {Csv({{"header", "match"}}),
         kAB,
         "A,b\n",
         {},
         "22P04",
         "column name mismatch in header line field 1: got \"A\", expected \"a\"",
         "line 1: \"A,b\""},
        {Csv({{"header", "match"}}),
         kAB,
         " a,b\n",
         {},
         "22P04",
         "column name mismatch in header line field 1: got \" a\", expected \"a\"",
         "line 1: \" a,b\""},
        {Csv({{"header", "match"}}),
         kAB,
         "a,\nx,y\n",
         {},
         "22P04",
         "column name mismatch in header line field 2: got null value (\"\"), expected \"b\"",
         "line 1: \"a,\""},
        {Csv({{"header", "match"}}),
         kAB,
         "a\nx,y\n",
         {},
         "22P04",
         "wrong number of fields in header line: got 1, expected 2",
         "line 1: \"a\""},
        {Csv({{"header", "match"}}),
         kAB,
         "a,b,c\nx,y\n",
         {},
         "22P04",
         "wrong number of fields in header line: got 3, expected 2",
         "line 1: \"a,b,c\""},
        {Csv({{"header", "match"}}),
         kA,
         "",
         {},
         "22P04",
         "column name mismatch in header line field 1: got null value (\"\"), expected \"a\"",
         "line 1: \"\""},
        {Csv({{"header", "match"}}),
         kA,
         "\\.\n",
         {},
         "22P04",
         "column name mismatch in header line field 1: got null value (\"\"), expected \"a\"",
         "line 1: \"\""},
    };
    ExpectReads(cases);
}

TEST(CopyReaderCsv, ForceColumnsMustBeCopied) {
    auto options = ParseCopyOptions(Csv({{"force_not_null", "b"}}), CopyDirection::From);
    try {
        CopyReader reader(options, CopyColumns{kA, "t", kAB});
        ADD_FAILURE() << "accepted";
    } catch (const SqlError &error) {
        EXPECT_EQ(error.sqlstate, "42P10");
        EXPECT_STREQ(error.what(), "FORCE_NOT_NULL column \"b\" not referenced by COPY");
    }
    options = ParseCopyOptions(Csv({{"force_null", "zz"}}), CopyDirection::From);
    try {
        CopyReader reader(options, CopyColumns{kAB, "t", {}});
        ADD_FAILURE() << "accepted";
    } catch (const SqlError &error) {
        EXPECT_EQ(error.sqlstate, "42703");
        EXPECT_STREQ(error.what(), "column \"zz\" of relation \"t\" does not exist");
    }
}

} // namespace
} // namespace duckgres::copy::testing
