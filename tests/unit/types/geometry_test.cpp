// Geometric type text input in every spelling, output, binary round trips, from PostgreSQL 15's results.
#include "common/sql_error.hpp"
#include "types/geometry.hpp"

#include <gtest/gtest.h>

#include <string>

namespace duckgres::types {
namespace {

struct GeometryCase {
    GeoKind kind;
    const char *input;
    const char *output; //!< PostgreSQL's text output; nullptr: 22P02
};

const GeometryCase kGeometryCases[] = {
    {GeoKind::Point, "(1,2)", "(1,2)"},
    {GeoKind::Point, " 1.5 , -2 ", "(1.5,-2)"},
    {GeoKind::Point, "(1e3,0.1)", "(1000,0.1)"},
    {GeoKind::Point, "(inf,-0)", "(Infinity,-0)"},
    {GeoKind::Point, "(0.30000000000000004,1e-7)", "(0.30000000000000004,1e-07)"},
    {GeoKind::Point, "(1,2", nullptr},
    {GeoKind::Point, "1,2,3", nullptr},
    {GeoKind::Point, "((1,2))", nullptr},
    {GeoKind::Point, "(1,x)", nullptr},
    {GeoKind::Point, "", nullptr},
    {GeoKind::Lseg, "[(0,0),(1,1)]", "[(0,0),(1,1)]"},
    {GeoKind::Lseg, "((0,0),(1,1))", "[(0,0),(1,1)]"},
    {GeoKind::Lseg, "(0,0),(1,1)", "[(0,0),(1,1)]"},
    {GeoKind::Lseg, "0,0,1,1", "[(0,0),(1,1)]"},
    {GeoKind::Lseg, "[0,0,1,1]", "[(0,0),(1,1)]"},
    {GeoKind::Lseg, "[(0,0)]", nullptr},
    {GeoKind::Box, "(0,0),(1,1)", "(1,1),(0,0)"},
    {GeoKind::Box, "((1,0),(0,1))", "(1,1),(0,0)"},
    {GeoKind::Box, "0,0,2,3", "(2,3),(0,0)"},
    {GeoKind::Box, "[(0,0),(1,1)]", nullptr},
    {GeoKind::Box, "(1,1)", nullptr},
    {GeoKind::Path, "[(0,0),(1,1),(2,0)]", "[(0,0),(1,1),(2,0)]"},
    {GeoKind::Path, "((0,0),(1,1),(2,0))", "((0,0),(1,1),(2,0))"},
    {GeoKind::Path, "(0,0),(1,1),(2,0)", "((0,0),(1,1),(2,0))"},
    {GeoKind::Path, "(0,0,1,1,2,0)", "((0,0),(1,1),(2,0))"},
    {GeoKind::Path, "0,0,1,1,2,0", "((0,0),(1,1),(2,0))"},
    {GeoKind::Path, "[(0,0)]", "[(0,0)]"},
    {GeoKind::Path, "[]", nullptr},
    {GeoKind::Path, "[(0,0),(1,1)", nullptr},
    {GeoKind::Polygon, "((0,0),(1,1),(2,0))", "((0,0),(1,1),(2,0))"},
    {GeoKind::Polygon, "(0,0),(1,1)", "((0,0),(1,1))"},
    {GeoKind::Polygon, "(0,0,1,1,2,0)", "((0,0),(1,1),(2,0))"},
    {GeoKind::Polygon, "0,0,1,1", "((0,0),(1,1))"},
    {GeoKind::Polygon, "[(0,0),(1,1)]", nullptr},
    {GeoKind::Line, "{1,-1,0}", "{1,-1,0}"},
    {GeoKind::Line, "[(0,0),(1,1)]", "{1,-1,0}"},
    {GeoKind::Line, "(0,0),(0,1)", "{-1,0,0}"},
    {GeoKind::Line, "0,1,2,1", "{0,-1,1}"},
    {GeoKind::Line, "((0,0),(2,3))", "{1.5,-1,0}"},
    {GeoKind::Line, "{1,2}", nullptr},
    {GeoKind::Circle, "<(1,2),3>", "<(1,2),3>"},
    {GeoKind::Circle, "((1,2),3)", "<(1,2),3>"},
    {GeoKind::Circle, "(1,2),3", "<(1,2),3>"},
    {GeoKind::Circle, "1,2,3", "<(1,2),3>"},
    {GeoKind::Circle, "<1,2,3>", "<(1,2),3>"},
    {GeoKind::Circle, "<(1,2),-3>", nullptr},
    {GeoKind::Circle, "(1,2,3)", nullptr},
    {GeoKind::Circle, "<(1,2),3", nullptr},
};

TEST(Geometry, ReadsAndPrintsEverySpelling) {
    for (const auto &row : kGeometryCases) {
        if (row.output) {
            EXPECT_EQ(FormatGeometry(ParseGeometry(row.kind, row.input)), row.output) << row.input;
        } else {
            try {
                ParseGeometry(row.kind, row.input);
                ADD_FAILURE() << "accepted " << GeoKindName(row.kind) << " " << row.input;
            } catch (const SqlError &error) {
                EXPECT_EQ(error.sqlstate, "22P02") << row.input;
                EXPECT_EQ(std::string(error.what()), std::string("invalid input syntax for type ") +
                                                         GeoKindName(row.kind) + ": \"" + row.input + "\"");
            }
        }
    }
}

TEST(Geometry, RefusesDeepNesting) {
    // Refused as malformed before the reader's recursion could exhaust the stack.
    const std::string deep = std::string(100000, '(') + "1,2" + std::string(100000, ')');
    EXPECT_THROW(ParseGeometry(GeoKind::Point, deep), SqlError);
    EXPECT_THROW(ParseGeometry(GeoKind::Path, "((((0,0),(1,1))))"), SqlError);
    EXPECT_NO_THROW(ParseGeometry(GeoKind::Path, "[(0,0),(1,1)]"));
}

TEST(Geometry, LineErrorsNameTheirReason) {
    const std::pair<const char *, const char *> cases[] = {
        {"{0,0,1}", "invalid line specification: A and B cannot both be zero"},
        {"(1,1),(1,1)", "invalid line specification: must be two distinct points"},
    };
    for (const auto &[input, message] : cases) {
        try {
            ParseGeometry(GeoKind::Line, input);
            ADD_FAILURE() << input;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, "22P02");
            EXPECT_EQ(std::string(error.what()), message);
        }
    }
}

struct BinaryCase {
    GeoKind kind;
    const char *text;
    std::string bytes;
};

using namespace std::string_literals;

const BinaryCase kBinaryCases[] = {
    {GeoKind::Point, "(1,2)", "\x3f\xf0\0\0\0\0\0\0\x40\0\0\0\0\0\0\0"s},
    {GeoKind::Path, "[(0,0)]", "\0\0\0\0\x01"s + std::string(16, '\0')},
    {GeoKind::Polygon, "((0,0))", "\0\0\0\x01"s + std::string(16, '\0')},
    {GeoKind::Circle, "<(0,0),1>", std::string(16, '\0') + "\x3f\xf0\0\0\0\0\0\0"s},
    {GeoKind::Box, "(1,1),(0,0)", "\x3f\xf0\0\0\0\0\0\0\x3f\xf0\0\0\0\0\0\0"s + std::string(16, '\0')},
};

TEST(Geometry, BinaryFormRoundTrips) {
    for (const auto &row : kBinaryCases) {
        const Geometry value = ParseGeometry(row.kind, row.text);
        EXPECT_EQ(GeometryBinary(value), row.bytes) << row.text;
        EXPECT_EQ(FormatGeometry(GeometryFromBinary(row.kind, row.bytes)), row.text) << row.text;
    }
    // A box's corners come in any order; they are reordered.
    const std::string low_first = std::string(16, '\0') + "\x3f\xf0\0\0\0\0\0\0\x3f\xf0\0\0\0\0\0\0"s;
    EXPECT_EQ(FormatGeometry(GeometryFromBinary(GeoKind::Box, low_first)), "(1,1),(0,0)");
    EXPECT_THROW(GeometryFromBinary(GeoKind::Point, "\0\0\0"s), SqlError);
}

} // namespace
} // namespace duckgres::types
