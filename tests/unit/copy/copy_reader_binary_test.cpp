// Table-driven tests of reading COPY binary format (expectations checked against PostgreSQL 15).
#include "reader_harness.hpp"

namespace duckgres::copy::testing {
namespace {

using namespace std::string_literals;

const std::vector<std::string> kAB = {"a", "b"};
const std::vector<std::string> kNone = {};
const Pairs kBinary = {{"format", "binary"}};
const std::string kSignature = "PGCOPY\n\xff\r\n\0"s;

std::string Int16(int16_t value) {
    auto bits = static_cast<uint16_t>(value);
    return {static_cast<char>(bits >> 8), static_cast<char>(bits & 0xff)};
}

std::string Int32(int32_t value) {
    auto bits = static_cast<uint32_t>(value);
    return {static_cast<char>(bits >> 24), static_cast<char>((bits >> 16) & 0xff),
            static_cast<char>((bits >> 8) & 0xff), static_cast<char>(bits & 0xff)};
}

std::string Tuple(const OwnedRow &fields) {
    auto out = Int16(static_cast<int16_t>(fields.size()));
    for (const auto &field : fields) {
        out += field ? Int32(static_cast<int32_t>(field->size())) + *field : Int32(-1);
    }
    return out;
}

const std::string kHeader = kSignature + Int32(0) + Int32(0);
const std::string kTrailer = Int16(-1);

TEST(CopyReaderBinary, Tuples) {
    const ReadCase cases[] = {
        {kBinary, kAB, kHeader + Tuple({"ab", N}) + kTrailer, {{"ab", N}}},
        {kBinary, kAB, kHeader + Tuple({"", "\xff\0"s}) + Tuple({N, N}) + kTrailer, {{"", "\xff\0"s}, {N, N}}},
        {kBinary, kAB, kHeader + kTrailer, {}},
        {kBinary, kAB, kHeader, {}},
        {kBinary, kAB, kHeader + Tuple({"ab", N}), {{"ab", N}}},
        {kBinary, kAB, kHeader + Tuple({"ab", N}) + "\0"s, {{"ab", N}}},
        {kBinary, kNone, kHeader + Tuple({}) + Tuple({}) + kTrailer, {{}, {}}},
        {kBinary, kAB, kSignature + Int32(0xffff) + Int32(0) + kTrailer, {}},
        {kBinary, kAB, kSignature + Int32(0) + Int32(4) + "abcd" + Tuple({"x", "y"}) + kTrailer, {{"x", "y"}}},
    };
    ExpectReads(cases);
}

TEST(CopyReaderBinary, MalformedData) {
    const ReadCase cases[] = {
        {kBinary, kAB, "", {}, "22P04", "COPY file signature not recognized"},
        {kBinary, kAB, "PGCOPY", {}, "22P04", "COPY file signature not recognized"},
        {kBinary, kAB, "PGCOPY\n\xff\r\n\x01" + Int32(0) + Int32(0), {}, "22P04", "COPY file signature not recognized"},
        {kBinary, kAB, kSignature, {}, "22P04", "invalid COPY file header (missing flags)"},
        {kBinary, kAB, kSignature + "\0\0"s, {}, "22P04", "invalid COPY file header (missing flags)"},
        {kBinary, kAB, kSignature + Int32(1 << 16) + Int32(0), {}, "22P04", "invalid COPY file header (WITH OIDS)"},
        {kBinary,
         kAB,
         kSignature + Int32(1 << 17) + Int32(0),
         {},
         "22P04",
         "unrecognized critical flags in COPY file header"},
        {kBinary, kAB, kSignature + Int32(0) + "\0\0"s, {}, "22P04", "invalid COPY file header (missing length)"},
        {kBinary, kAB, kSignature + Int32(0) + Int32(-1), {}, "22P04", "invalid COPY file header (missing length)"},
        {kBinary, kAB, kSignature + Int32(0) + Int32(4) + "ab", {}, "22P04", "invalid COPY file header (wrong length)"},
        {kBinary, kAB, kHeader + Tuple({"ab"}) + kTrailer, {}, "22P04", "row field count is 1, expected 2", "line 1"},
        {kBinary, kAB, kHeader + Int16(-2), {}, "22P04", "row field count is -2, expected 2", "line 1"},
        {kBinary,
         kAB,
         kHeader + Tuple({"ab", "c"}) + Tuple({"x", "y"}) + Int16(0),
         {{"ab", "c"}, {"x", "y"}},
         "22P04",
         "row field count is 0, expected 2",
         "line 3"},
        {kBinary, kAB, kHeader + Int16(2) + Int32(-2), {}, "22P04", "invalid field size", "line 1, column a"},
        {kBinary,
         kAB,
         kHeader + Int16(2) + Int32(5) + "ab",
         {},
         "22P04",
         "unexpected EOF in COPY data",
         "line 1, column a"},
        {kBinary, kAB, kHeader + Int16(2) + Int32(-1), {}, "22P04", "unexpected EOF in COPY data", "line 1, column b"},
        {kBinary, kAB, kHeader + Int16(2), {}, "22P04", "unexpected EOF in COPY data", "line 1, column a"},
        {kBinary, kAB, kHeader + kTrailer + "x", {}, "22P04", "received copy data after EOF marker", "line 1"},
        {kBinary,
         kAB,
         kHeader + Tuple({"a", "b"}) + kTrailer + kTrailer,
         {{"a", "b"}},
         "22P04",
         "received copy data after EOF marker",
         "line 2"},
        {kBinary, kAB, kHeader + Int16(2) + Int32(0x3fffffff), {}, "54000", "out of memory", "line 1, column a"},
    };
    ExpectReads(cases);
}

TEST(CopyReaderBinary, ContextsAndDone) {
    CopyReader reader(ParseCopyOptions(kBinary, CopyDirection::From), CopyColumns{kAB, "", {}});
    std::vector<std::string> contexts;
    reader.Feed(kHeader + Tuple({"1", N}),
                [&](const CopyRow &row) { contexts.push_back(reader.FieldContext(1, row[1])); });
    EXPECT_FALSE(reader.Done());
    reader.Feed(kTrailer, [](const CopyRow &) {});
    EXPECT_TRUE(reader.Done());
    reader.Finish([](const CopyRow &) {});
    EXPECT_EQ(contexts, std::vector<std::string>{"line 1, column b"});
}

} // namespace
} // namespace duckgres::copy::testing
