// The geometric types (point, lseg, path, box, polygon, line, circle): values, text input and output, binary form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::types {

enum class GeoKind { Point, Lseg, Path, Box, Polygon, Line, Circle };

struct GeoPoint {
    double x = 0;
    double y = 0;
};

//! One geometric value. points: point 1; lseg its 2 ends; box its upper-right then lower-left corner; path and
//! polygon their vertices; circle its center. A line is A x + B y + C = 0.
struct Geometry {
    GeoKind kind = GeoKind::Point;
    std::vector<GeoPoint> points;
    bool closed = true; //!< path only
    double a = 0;       //!< line only: A, B, C
    double b = 0;
    double c = 0;
    double radius = 0; //!< circle only
};

//! The PostgreSQL name of `kind` ("point", "lseg", ...).
const char *GeoKindName(GeoKind kind);
//! The kind named `name` (lower case), if it is one of the geometric types.
std::optional<GeoKind> GeoKindByName(std::string_view name);
//! The PostgreSQL OID of `kind` (point 600, lseg 601, path 602, box 603, polygon 604, line 628, circle 718).
uint32_t GeoKindOid(GeoKind kind);

//! The kind whose OID is `type_oid`, if it is a geometric type's.
std::optional<GeoKind> GeoKindByOid(uint32_t type_oid);
//! pg_type.typlen of `kind`: point 16, lseg and box 32, line 24, circle 24, path and polygon -1 (varlena).
int16_t GeoKindLength(GeoKind kind);

//! `text` read as a value of `kind` in any spelling PostgreSQL's input function takes ("(1,2)", "1,2",
//! "[(0,0),(1,1)]", "<(0,0),1>", "{1,-1,0}"...); a box's corners reordered, a line from two points computed.
//! Throws SqlError 22P02 "invalid input syntax for type point: ..." for malformed text.
Geometry ParseGeometry(GeoKind kind, std::string_view text);

//! PostgreSQL's text output of `value` (shortest round-trip float8 digits).
std::string FormatGeometry(const Geometry &value);

//! PostgreSQL's binary (send) form of `value`: float8s big-endian; a path's closed byte and a path's or polygon's
//! int32 point count first.
std::string GeometryBinary(const Geometry &value);

//! A value of `kind` from its binary form (box corners reordered); 08P01 on short data.
Geometry GeometryFromBinary(GeoKind kind, std::string_view bytes);

//! The line through two distinct points.
Geometry LineThrough(GeoPoint p, GeoPoint q);

//! A box with corners `p` and `q` in any order.
Geometry BoxOf(GeoPoint p, GeoPoint q);

} // namespace duckgres::types
