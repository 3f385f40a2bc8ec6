// Table-driven tests of reading COPY text format (expectations checked against PostgreSQL 15).
#include "reader_harness.hpp"

namespace duckgres::copy::testing {
namespace {

using namespace std::string_literals;

const std::vector<std::string> kAB = {"a", "b"};
const std::vector<std::string> kA = {"a"};
const std::vector<std::string> kNone = {};

TEST(CopyReaderText, RowsAndLineEnds) {
    const ReadCase cases[] = {
        {{}, kAB, "a\tb\n", {{"a", "b"}}},
        {{}, kAB, "a\tb", {{"a", "b"}}},
        {{}, kAB, "", {}},
        {{}, kAB, "a\tb\r\nc\td\r\n", {{"a", "b"}, {"c", "d"}}},
        {{}, kAB, "a\tb\rc\td\r", {{"a", "b"}, {"c", "d"}}},
        {{}, kAB, "\t\n", {{"", ""}}},
        {{}, kAB, "a\t\\\nb\n", {{"a", "\nb"}}},
        {{}, kAB, "a\t\\\rb\n", {{"a", "\rb"}}},
        {{}, kA, "x\r\ny\\\r\r\nz\r\n", {{"x"}, {"y\r"}, {"z"}}},
        {{}, kNone, "\n\n", {{}, {}}},
        {{}, kNone, "", {}},
        {{{"delimiter", "|"}}, kAB, "a\\|b|c\\\tx\n", {{"a|b", "c\tx"}}},
        {{{"delimiter", "|"}, {"null", "x"}}, kAB, "x|\\x\n", {{N, "x"}}},
    };
    ExpectReads(cases);
}

TEST(CopyReaderText, EscapesAndNulls) {
    const ReadCase cases[] = {
        {{}, kAB, "\\b\\f\\n\\r\\t\\v\\\\\t\\101\\x41\\x4\\xg\\8\\a\n", {{"\b\f\n\r\t\v\\", "AA\x04xg8a"}}},
        {{}, kAB, "a\\Nb\t\\N\n", {{"aNb", N}}},
        {{}, kAB, "\\N\t\\\\N\n", {{N, "\\N"}}},
        {{}, kAB, "\\xc3\\xa9\tx\n", {{"\xc3\xa9", "x"}}},
        {{}, kAB, "\\303\\251\t\\x\n", {{"\xc3\xa9", "x"}}},
        {{},
         kAB,
         "\\1\\12\\1234\t\\x4g\n",
         {{"\x01\x0a\x53"
           "4",
           "\x04g"}}},
        {{}, kAB, "a\tb\\", {{"a", "b"}}},
        {{}, kAB, "a\tb\\\n", {{"a", "b\n"}}},
        {{}, kA, "\\x", {{"x"}}},
        {{}, kA, "x\\", {{"x"}}},
        {{{"null", ""}}, kAB, "\t\\N\n", {{N, "N"}}},
        {{{"null", "x\\y"}}, kAB, "x\\y\tx\\\\y\n", {{N, "x\\y"}}},
    };
    ExpectReads(cases);
}

TEST(CopyReaderText, EndOfDataMarker) {
    const ReadCase cases[] = {
        {{}, kAB, "a\tb\n\\.\nc\td\n", {{"a", "b"}}},
        {{}, kAB, "a\tb\nc\td\\.\n", {{"a", "b"}, {"c", "d"}}},
        {{}, kAB, "a\tb\\.\n", {{"a", "b"}}},
        {{}, kAB, "a\tb\r\n\\.\r\n", {{"a", "b"}}},
        {{}, kAB, "\\.\n", {}},
        {{}, kA, "\\.\r\nx\r\n", {}},
        {{}, kA, "\\.\rx\r\n", {}},
        {{}, kAB, "a\tb\n\\.\nxxx\xff\n", {{"a", "b"}}},
        {{}, kAB, "a\tb\n\\.", {{"a", "b"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{}, kAB, "a\tb\n\\.x\n", {{"a", "b"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{}, kAB, "a\tb\n\\.a\tb\n", {{"a", "b"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{}, kA, "a\n\\.\\.\n", {{"a"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{}, kA, "\\.z\n", {}, "22P04", "end-of-copy marker corrupt", "line 1"},
        {{}, kA, "x\r\n\\.\r", {{"x"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{}, kA, "x\r\n\\.\rz", {{"x"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{}, kA, "x\r\\.z", {{"x"}}, "22P04", "end-of-copy marker corrupt", "line 2"},
        {{},
         kAB,
         "a\tb\n\\.\r\n",
         {{"a", "b"}},
         "22P04",
         "end-of-copy marker does not match previous newline style",
         "line 2"},
        {{},
         kAB,
         "a\tb\r\n\\.\n",
         {{"a", "b"}},
         "22P04",
         "end-of-copy marker does not match previous newline style",
         "line 2"},
        {{},
         kA,
         "x\r\n\\.\r\r",
         {{"x"}},
         "22P04",
         "end-of-copy marker does not match previous newline style",
         "line 2"},
        {{}, kA, "x\r\\.\n", {{"x"}}, "22P04", "end-of-copy marker does not match previous newline style", "line 2"},
    };
    ExpectReads(cases);
}

TEST(CopyReaderText, MalformedData) {
    const auto cr_hint = "Use \"\\r\" to represent carriage return.";
    const auto nl_hint = "Use \"\\n\" to represent newline.";
    const ReadCase cases[] = {
        {{}, kAB, "a\tb\nc\td\r\n", {{"a", "b"}}, "22P04", "literal carriage return found in data", "line 2", cr_hint},
        {{},
         kAB,
         "a\tb\r\nc\rd\r\n",
         {{"a", "b"}},
         "22P04",
         "literal carriage return found in data",
         "line 2",
         cr_hint},
        {{}, kA, "a\r\nb\r", {{"a"}}, "22P04", "literal carriage return found in data", "line 2", cr_hint},
        {{}, kA, "x\\\r\ny\r\n", {{"x\r"}}, "22P04", "literal carriage return found in data", "line 2", cr_hint},
        {{}, kAB, "a\tb\r\nc\td\n", {{"a", "b"}}, "22P04", "literal newline found in data", "line 2", nl_hint},
        {{}, kAB, "a\tb\rc\td\n", {{"a", "b"}}, "22P04", "literal newline found in data", "line 2", nl_hint},
        {{}, kAB, "\n", {}, "22P04", "missing data for column \"b\"", "line 1: \"\""},
        {{}, kAB, "a\n", {}, "22P04", "missing data for column \"b\"", "line 1: \"a\""},
        {{}, kAB, "a\tb\tc\n", {}, "22P04", "extra data after last expected column", "line 1: \"a\tb\tc\""},
        {{}, kAB, "a\tb\t\n", {}, "22P04", "extra data after last expected column", "line 1: \"a\tb\t\""},
        {{}, kNone, "x\n", {}, "22P04", "extra data after last expected column", "line 1: \"x\""},
        {{}, kNone, "\n\t\n", {{}}, "22P04", "extra data after last expected column", "line 2: \"\t\""},
        {{},
         kAB,
         std::string(150, 'x') + "\n",
         {},
         "22P04",
         "missing data for column \"b\"",
         "line 1: \"" + std::string(100, 'x') + "...\""},
    };
    ExpectReads(cases);
}

TEST(CopyReaderText, InvalidUtf8) {
    const ReadCase cases[] = {
        {{},
         kAB,
         "\\777\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xff",
         "line 1: \"\\777\tx\""},
        {{},
         kAB,
         "\\000\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0x00",
         "line 1: \"\\000\tx\""},
        {{},
         kAB,
         "\\x00\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0x00",
         "line 1: \"\\x00\tx\""},
        {{},
         kAB,
         "\\xAf\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xaf",
         "line 1: \"\\xAf\tx\""},
        {{},
         kAB,
         "ok\tok\n\xc3(\tx\n",
         {{"ok", "ok"}},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28",
         "line 2"},
        {{},
         kAB,
         "ok\tok\nx\t\xe2\x82",
         {{"ok", "ok"}},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82",
         "line 2"},
        {{},
         kAB,
         "ok\tok\nx\t\xf0\nabc\n",
         {{"ok", "ok"}},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xf0 0x0a 0x61 0x62",
         "line 2"},
        {{}, kAB, "\0\tx\n"s, {}, "22021", "invalid byte sequence for encoding \"UTF8\": 0x00", "line 1"},
        {{},
         kAB,
         "a\tb\nc\td\n\xff",
         {{"a", "b"}, {"c", "d"}},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xff",
         "line 3"},
        {{}, kAB, "\xc0\x80\t1\n", {}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xc0 0x80", "line 1"},
        {{},
         kAB,
         "\xed\xa0\x80\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xed 0xa0 0x80",
         "line 1"},
        {{},
         kAB,
         "\xf4\x90\x80\x80\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xf4 0x90 0x80 0x80",
         "line 1"},
        {{},
         kAB,
         "\xf5\tx\n",
         {},
         "22021",
         "invalid byte sequence for encoding \"UTF8\": 0xf5 0x09 0x78 0x0a",
         "line 1"},
        {{}, kAB, "\x80\tx\n", {}, "22021", "invalid byte sequence for encoding \"UTF8\": 0x80", "line 1"},
        {{}, kA, "a\r\xe2\n", {}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xe2 0x0a", "line 1"},
        {{}, kAB, "\xf0\x9f\x98\x80\t\xe2\x82\xac\n", {{"\xf0\x9f\x98\x80", "\xe2\x82\xac"}}},
    };
    ExpectReads(cases);
}

TEST(CopyReaderText, HeaderLine) {
    const ReadCase cases[] = {
        {{{"header", "true"}}, kAB, "x\ty\na\tb\n", {{"a", "b"}}},
        {{{"header", "true"}}, kA, "", {}},
        {{{"header", "match"}}, kAB, "a\tb\nc\td\n", {{"c", "d"}}},
        {{{"header", "match"}}, kA, "\\141\n", {}},
        {{{"header", "match"}}, kNone, "\n", {}},
        {{{"header", "match"}},
         kA,
         "",
         {},
         "22P04",
         "column name mismatch in header line field 1: got \"\", expected \"a\"",
         "line 1: \"\""},
        {{{"header", "match"}},
         kA,
         "\\N\n",
         {},
         "22P04",
         "column name mismatch in header line field 1: got null value (\"\\N\"), expected \"a\"",
         "line 1: \"\\N\""},
        {{{"header", "match"}},
         kAB,
         "a\n",
         {},
         "22P04",
         "wrong number of fields in header line: got 1, expected 2",
         "line 1: \"a\""},
    };
    ExpectReads(cases);
}

TEST(CopyReaderText, ContextsForTheLeadsErrors) {
    CopyReader reader(ParseCopyOptions(Pairs{}, CopyDirection::From), CopyColumns{kAB, "", {}});
    std::vector<std::string> contexts;
    reader.Feed("1\t2\nx\t\\N\n", [&](const CopyRow &row) {
        contexts.push_back(reader.FieldContext(0, row[0]) + " / " + reader.FieldContext(1, row[1]));
    });
    reader.Finish([](const CopyRow &) {});
    EXPECT_EQ(contexts, (std::vector<std::string>{"line 1, column a: \"1\" / line 1, column b: \"2\"",
                                                  "line 2, column a: \"x\" / line 2, column b: null input"}));
    EXPECT_TRUE(reader.Done());
}

TEST(CopyReaderText, LimitPrintoutCutsAtCharacterBoundaries) {
    std::string e_acute = "\xc3\xa9";
    std::string sixty;
    for (int i = 0; i < 60; i++) {
        sixty += e_acute;
    }
    EXPECT_EQ(CopyReader::LimitPrintout(std::string(100, 'x')), std::string(100, 'x'));
    EXPECT_EQ(CopyReader::LimitPrintout(std::string(101, 'x')), std::string(100, 'x') + "...");
    EXPECT_EQ(CopyReader::LimitPrintout(sixty), sixty.substr(0, 100) + "...");
    EXPECT_EQ(CopyReader::LimitPrintout(std::string(99, 'x') + e_acute), std::string(99, 'x') + "...");
}

TEST(CopyReaderText, IgnoresDataAfterTheMarkerAndStreamsManyRows) {
    CopyReader reader(ParseCopyOptions(Pairs{}, CopyDirection::From), CopyColumns{kA, "", {}});
    size_t count = 0;
    auto sink = [&](const CopyRow &row) {
        EXPECT_EQ(*row[0], std::to_string(count));
        count++;
        EXPECT_EQ(reader.LineNumber(), count);
    };
    std::string chunk;
    for (int i = 0; i < 10000; i++) {
        chunk += std::to_string(i) + "\n";
        if (chunk.size() > 777) {
            reader.Feed(chunk, sink);
            chunk.clear();
        }
    }
    reader.Feed(chunk + "\\.\n\xff garbage", sink);
    EXPECT_TRUE(reader.Done());
    reader.Feed("more garbage\n", sink);
    reader.Finish(sink);
    EXPECT_EQ(count, 10000u);
}

} // namespace
} // namespace duckgres::copy::testing
