// The geometric types: registered types, casts, functions and the functions behind their operators.
#include "engine/functions/geometric_functions.hpp"

#include "engine/functions/typed_row_function.hpp"

#include <algorithm>
#include <cmath>

namespace duckgres::engine {

namespace {

using types::GeoKind;
using types::Geometry;
using types::GeoPoint;

// ---- PostgreSQL's fuzzy float comparisons (EPSILON 1.0E-06) ----

constexpr double kEpsilon = 1.0E-06;

bool FPzero(double a) {
    return std::fabs(a) <= kEpsilon;
}
bool FPeq(double a, double b) {
    return a == b || std::fabs(a - b) <= kEpsilon;
}
bool FPlt(double a, double b) {
    return a + kEpsilon < b;
}
bool FPle(double a, double b) {
    return a <= b + kEpsilon;
}
bool FPgt(double a, double b) {
    return a > b + kEpsilon;
}
bool FPge(double a, double b) {
    return a + kEpsilon >= b;
}

//! sqrt(x² + y²) computed as PostgreSQL does (the larger magnitude times sqrt(1 + ratio²)), for its exact digits.
double Hypot(double x, double y) {
    if (std::isinf(x) || std::isinf(y)) {
        return INFINITY;
    }
    if (std::isnan(x) || std::isnan(y)) {
        return NAN;
    }
    x = std::fabs(x);
    y = std::fabs(y);
    if (x < y) {
        std::swap(x, y);
    }
    if (y == 0.0) {
        return x;
    }
    const double ratio = y / x;
    return x * std::sqrt(1.0 + ratio * ratio);
}

double Distance(GeoPoint p, GeoPoint q) {
    return Hypot(p.x - q.x, p.y - q.y);
}

bool PointEq(GeoPoint p, GeoPoint q) {
    return FPeq(p.x, q.x) && FPeq(p.y, q.y);
}

Geometry PointValue(GeoPoint p) {
    return Geometry{GeoKind::Point, {p}};
}

GeoPoint Add(GeoPoint p, GeoPoint q) {
    return {p.x + q.x, p.y + q.y};
}
GeoPoint Sub(GeoPoint p, GeoPoint q) {
    return {p.x - q.x, p.y - q.y};
}
GeoPoint Mul(GeoPoint p, GeoPoint q) {
    return {p.x * q.x - p.y * q.y, p.x * q.y + p.y * q.x};
}
GeoPoint Div(GeoPoint p, GeoPoint q) {
    const double divisor = q.x * q.x + q.y * q.y;
    if (divisor == 0.0) {
        throw SqlError("22012", "division by zero");
    }
    return {(p.x * q.x + p.y * q.y) / divisor, (p.y * q.x - p.x * q.y) / divisor};
}

GeoPoint BoxCenter(const Geometry &box) {
    return {(box.points[0].x + box.points[1].x) / 2.0, (box.points[0].y + box.points[1].y) / 2.0};
}
double BoxWidth(const Geometry &box) {
    return box.points[0].x - box.points[1].x;
}
double BoxHeight(const Geometry &box) {
    return box.points[0].y - box.points[1].y;
}
double BoxArea(const Geometry &box) {
    return BoxWidth(box) * BoxHeight(box);
}
double CircleArea(const Geometry &circle) {
    return M_PI * circle.radius * circle.radius;
}

GeoPoint High(const Geometry &box) {
    return box.points[0];
}
GeoPoint Low(const Geometry &box) {
    return box.points[1];
}

//! The slope of the line through p and q (infinite when vertical), as PostgreSQL's point_sl.
double Slope(GeoPoint p, GeoPoint q) {
    if (FPeq(p.x, q.x)) {
        return INFINITY;
    }
    if (FPeq(p.y, q.y)) {
        return 0.0;
    }
    return (p.y - q.y) / (p.x - q.x);
}

//! The inverse slope (of a perpendicular), as PostgreSQL's point_invsl.
double InverseSlope(GeoPoint p, GeoPoint q) {
    if (FPeq(p.x, q.x)) {
        return 0.0;
    }
    if (FPeq(p.y, q.y)) {
        return INFINITY;
    }
    return (p.x - q.x) / (q.y - p.y);
}

//! The bounding box of some points.
Geometry BoundingBox(const std::vector<GeoPoint> &points) {
    GeoPoint high = points[0];
    GeoPoint low = points[0];
    for (const auto &p : points) {
        high = {std::max(high.x, p.x), std::max(high.y, p.y)};
        low = {std::min(low.x, p.x), std::min(low.y, p.y)};
    }
    return Geometry{GeoKind::Box, {high, low}};
}

//! Whether p lies on the segment a-b, as PostgreSQL's lseg_contain_point (the distances add up).
bool OnSegment(GeoPoint a, GeoPoint b, GeoPoint p) {
    return FPeq(Distance(p, a) + Distance(p, b), Distance(a, b));
}

//! The winding test of PostgreSQL's point_inside: 0 outside, nonzero inside or on the border.
int PointInside(GeoPoint p, const std::vector<GeoPoint> &vertices) {
    const size_t n = vertices.size();
    if (n == 0) {
        return 0;
    }
    // The ray to the right of p crosses the border an odd number of times when p is inside.
    bool inside = false;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const GeoPoint a = vertices[i];
        const GeoPoint b = vertices[j];
        if (OnSegment(a, b, p)) {
            return 2;
        }
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x) {
                inside = !inside;
            }
        }
    }
    return inside ? 1 : 0;
}

//! The point of segment a-b closest to p.
GeoPoint ClosestOnSegment(GeoPoint a, GeoPoint b, GeoPoint p) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    if (length2 == 0) {
        return a;
    }
    double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2;
    t = std::clamp(t, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

double SegmentDistance(GeoPoint a, GeoPoint b, GeoPoint p) {
    return Distance(p, ClosestOnSegment(a, b, p));
}

double Cross(GeoPoint o, GeoPoint a, GeoPoint b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool SegmentsIntersect(GeoPoint p1, GeoPoint p2, GeoPoint q1, GeoPoint q2) {
    const double d1 = Cross(q1, q2, p1);
    const double d2 = Cross(q1, q2, p2);
    const double d3 = Cross(p1, p2, q1);
    const double d4 = Cross(p1, p2, q2);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return true;
    }
    return OnSegment(q1, q2, p1) || OnSegment(q1, q2, p2) || OnSegment(p1, p2, q1) || OnSegment(p1, p2, q2);
}

//! The segments of a path or polygon (a closing one when closed).
std::vector<std::pair<GeoPoint, GeoPoint>> Segments(const Geometry &value) {
    std::vector<std::pair<GeoPoint, GeoPoint>> segments;
    const auto &p = value.points;
    for (size_t i = 0; i + 1 < p.size(); i++) {
        segments.emplace_back(p[i], p[i + 1]);
    }
    if (value.closed && p.size() > 2) {
        segments.emplace_back(p.back(), p.front());
    }
    return segments;
}

// ---- Row functions ----

using Args = std::span<const Cell>;

CellResult MakePoint(Args args) {
    return PointValue({args[0].number, args[1].number});
}

CellResult AreaOf(Args args) {
    const Geometry &value = args[0].geo;
    switch (value.kind) {
    case GeoKind::Box:
        return BoxArea(value);
    case GeoKind::Circle:
        return CircleArea(value);
    default: {
        if (!value.closed) {
            return std::monostate();
        }
        double area = 0;
        const auto &p = value.points;
        for (size_t i = 0; i < p.size(); i++) {
            const size_t j = (i + 1) % p.size();
            area += p[i].x * p[j].y - p[i].y * p[j].x;
        }
        return std::fabs(area * 0.5);
    }
    }
}

CellResult CenterOf(Args args) {
    const Geometry &value = args[0].geo;
    switch (value.kind) {
    case GeoKind::Box:
        return PointValue(BoxCenter(value));
    case GeoKind::Circle:
        return PointValue(value.points[0]);
    case GeoKind::Lseg:
        return PointValue(
            {(value.points[0].x + value.points[1].x) / 2.0, (value.points[0].y + value.points[1].y) / 2.0});
    default: {
        GeoPoint sum;
        for (const auto &p : value.points) {
            sum = Add(sum, p);
        }
        const auto n = static_cast<double>(value.points.size());
        return PointValue({sum.x / n, sum.y / n});
    }
    }
}

CellResult Diameter(Args args) {
    return 2.0 * args[0].geo.radius;
}
CellResult Radius(Args args) {
    return args[0].geo.radius;
}
CellResult Height(Args args) {
    return BoxHeight(args[0].geo);
}
CellResult Width(Args args) {
    return BoxWidth(args[0].geo);
}

CellResult LengthOf(Args args) {
    const Geometry &value = args[0].geo;
    if (value.kind == GeoKind::Lseg) {
        return Distance(value.points[0], value.points[1]);
    }
    double length = 0;
    const auto &p = value.points;
    for (size_t i = 0; i < p.size(); i++) {
        if (i + 1 < p.size()) {
            length += Distance(p[i], p[i + 1]);
        } else if (value.closed) {
            length += Distance(p[i], p[0]);
        }
    }
    return length;
}

CellResult NPoints(Args args) {
    return static_cast<int64_t>(args[0].geo.points.size());
}
CellResult IsClosed(Args args) {
    return args[0].geo.closed;
}
CellResult IsOpen(Args args) {
    return !args[0].geo.closed;
}

template <bool kClosed>
CellResult SetClosed(Args args) {
    Geometry path = args[0].geo;
    path.closed = kClosed;
    return path;
}

CellResult BoxOfPoints(Args args) {
    return types::BoxOf(args[0].geo.points[0], args[1].geo.points[0]);
}

CellResult BoxOfCircle(Args args) {
    const Geometry &circle = args[0].geo;
    const double delta = circle.radius / M_SQRT2;
    const GeoPoint c = circle.points[0];
    return Geometry{GeoKind::Box, {{c.x + delta, c.y + delta}, {c.x - delta, c.y - delta}}};
}

CellResult BoxOfPolygon(Args args) {
    return BoundingBox(args[0].geo.points);
}

CellResult CircleOf(Args args) {
    Geometry circle{GeoKind::Circle, {args[0].geo.points[0]}};
    circle.radius = args[1].number;
    return circle;
}

CellResult CircleOfBox(Args args) {
    Geometry circle{GeoKind::Circle, {BoxCenter(args[0].geo)}};
    circle.radius = Distance(circle.points[0], High(args[0].geo));
    return circle;
}

CellResult CircleOfPolygon(Args args) {
    const auto &points = args[0].geo.points;
    GeoPoint center;
    for (const auto &p : points) {
        center = Add(center, p);
    }
    const auto n = static_cast<double>(points.size());
    center = {center.x / n, center.y / n};
    double radius = 0;
    for (const auto &p : points) {
        radius += Distance(p, center);
    }
    Geometry circle{GeoKind::Circle, {center}};
    circle.radius = radius / n;
    return circle;
}

CellResult LsegOf(Args args) {
    return Geometry{GeoKind::Lseg, {args[0].geo.points[0], args[1].geo.points[0]}};
}

CellResult LineOf(Args args) {
    const GeoPoint p = args[0].geo.points[0];
    const GeoPoint q = args[1].geo.points[0];
    if (FPeq(p.x, q.x) && FPeq(p.y, q.y)) {
        throw SqlError("22023", "invalid line specification: must be two distinct points");
    }
    return types::LineThrough(p, q);
}

CellResult Diagonal(Args args) {
    return Geometry{GeoKind::Lseg, args[0].geo.points};
}

CellResult BoundBox(Args args) {
    const Geometry &a = args[0].geo;
    const Geometry &b = args[1].geo;
    return Geometry{GeoKind::Box,
                    {{std::max(High(a).x, High(b).x), std::max(High(a).y, High(b).y)},
                     {std::min(Low(a).x, Low(b).x), std::min(Low(a).y, Low(b).y)}}};
}

CellResult PolygonOfBox(Args args) {
    const GeoPoint high = High(args[0].geo);
    const GeoPoint low = Low(args[0].geo);
    return Geometry{GeoKind::Polygon, {{low.x, low.y}, {low.x, high.y}, {high.x, high.y}, {high.x, low.y}}};
}

CellResult PolygonOfPath(Args args) {
    if (!args[0].geo.closed) {
        throw SqlError("22023", "open path cannot be converted to polygon");
    }
    return Geometry{GeoKind::Polygon, args[0].geo.points};
}

Geometry CirclePolygon(int64_t count, const Geometry &circle) {
    if (FPzero(circle.radius)) {
        throw SqlError("0A000", "cannot convert circle with radius zero to polygon");
    }
    if (count < 2) {
        throw SqlError("22023", "must request at least 2 points");
    }
    Geometry polygon{GeoKind::Polygon, {}};
    const double step = (2.0 * M_PI) / static_cast<double>(count);
    for (int64_t i = 0; i < count; i++) {
        const double angle = static_cast<double>(i) * step;
        polygon.points.push_back({circle.points[0].x - (circle.radius * std::cos(angle)),
                                  circle.points[0].y + (circle.radius * std::sin(angle))});
    }
    return polygon;
}

CellResult PolygonOfCircle(Args args) {
    return CirclePolygon(12, args[0].geo);
}

CellResult PolygonOfCountCircle(Args args) {
    return CirclePolygon(args[0].integer, args[1].geo);
}

CellResult PathOfPolygon(Args args) {
    Geometry path{GeoKind::Path, args[0].geo.points};
    path.closed = true;
    return path;
}

CellResult SlopeOf(Args args) {
    return Slope(args[0].geo.points[0], args[1].geo.points[0]);
}

// ---- Operators ----

using PointOp = GeoPoint (*)(GeoPoint, GeoPoint);

template <PointOp kOp>
CellResult PointArithmetic(Args args) {
    return PointValue(kOp(args[0].geo.points[0], args[1].geo.points[0]));
}

//! box, path or circle moved (+ -) or scaled and rotated (* /) by a point.
template <PointOp kOp>
CellResult ShapeByPoint(Args args) {
    Geometry value = args[0].geo;
    const GeoPoint p = args[1].geo.points[0];
    for (auto &vertex : value.points) {
        vertex = kOp(vertex, p);
    }
    if (value.kind == GeoKind::Box) {
        value = types::BoxOf(value.points[0], value.points[1]);
    }
    if (value.kind == GeoKind::Circle && (kOp == Mul || kOp == Div)) {
        const double scale = Hypot(p.x, p.y);
        value.radius = kOp == Mul ? value.radius * scale : value.radius / scale;
    }
    return value;
}

CellResult PathConcat(Args args) {
    if (args[0].geo.closed || args[1].geo.closed) {
        return std::monostate();
    }
    Geometry path = args[0].geo;
    path.points.insert(path.points.end(), args[1].geo.points.begin(), args[1].geo.points.end());
    return path;
}

// Distances.
CellResult PointPointDistance(Args args) {
    return Distance(args[0].geo.points[0], args[1].geo.points[0]);
}

double PointToShape(GeoPoint p, const Geometry &shape) {
    switch (shape.kind) {
    case GeoKind::Point:
        return Distance(p, shape.points[0]);
    case GeoKind::Lseg:
        return SegmentDistance(shape.points[0], shape.points[1], p);
    case GeoKind::Box: {
        const GeoPoint closest{std::clamp(p.x, Low(shape).x, High(shape).x),
                               std::clamp(p.y, Low(shape).y, High(shape).y)};
        return Distance(p, closest);
    }
    case GeoKind::Line: {
        // The distance to the foot of the perpendicular, as PostgreSQL measures it.
        const double t = (shape.a * p.x + shape.b * p.y + shape.c) / (shape.a * shape.a + shape.b * shape.b);
        return Distance(p, {p.x - shape.a * t, p.y - shape.b * t});
    }
    case GeoKind::Circle: {
        const double d = Distance(p, shape.points[0]) - shape.radius;
        return d < 0 ? 0 : d;
    }
    case GeoKind::Polygon:
        if (PointInside(p, shape.points) != 0) {
            return 0.0;
        }
        [[fallthrough]];
    case GeoKind::Path: {
        double best = INFINITY;
        if (shape.points.size() == 1) {
            return Distance(p, shape.points[0]);
        }
        Geometry outline = shape;
        outline.closed = shape.kind == GeoKind::Polygon || shape.closed;
        for (const auto &[a, b] : Segments(outline)) {
            best = std::min(best, SegmentDistance(a, b, p));
        }
        return best;
    }
    }
    return 0;
}

CellResult PointShapeDistance(Args args) {
    return PointToShape(args[0].geo.points[0], args[1].geo);
}
CellResult ShapePointDistance(Args args) {
    return PointToShape(args[1].geo.points[0], args[0].geo);
}

CellResult BoxDistance(Args args) {
    return Distance(BoxCenter(args[0].geo), BoxCenter(args[1].geo));
}

CellResult CircleDistance(Args args) {
    const double d = Distance(args[0].geo.points[0], args[1].geo.points[0]) - (args[0].geo.radius + args[1].geo.radius);
    return d < 0 ? 0.0 : d;
}

CellResult LsegDistance(Args args) {
    const auto &a = args[0].geo.points;
    const auto &b = args[1].geo.points;
    if (SegmentsIntersect(a[0], a[1], b[0], b[1])) {
        return 0.0;
    }
    return std::min({SegmentDistance(b[0], b[1], a[0]), SegmentDistance(b[0], b[1], a[1]),
                     SegmentDistance(a[0], a[1], b[0]), SegmentDistance(a[0], a[1], b[1])});
}

// Comparisons.
using Compare = bool (*)(double, double);

double MeasureOf(const Geometry &value) {
    switch (value.kind) {
    case GeoKind::Box:
        return BoxArea(value);
    case GeoKind::Circle:
        return CircleArea(value);
    case GeoKind::Lseg:
        return Distance(value.points[0], value.points[1]);
    default:
        return static_cast<double>(value.points.size());
    }
}

bool FPne(double a, double b) {
    return !FPeq(a, b);
}
bool ExactEq(double a, double b) {
    return a == b;
}
bool ExactNe(double a, double b) {
    return a != b;
}
bool ExactLt(double a, double b) {
    return a < b;
}
bool ExactLe(double a, double b) {
    return a <= b;
}
bool ExactGt(double a, double b) {
    return a > b;
}
bool ExactGe(double a, double b) {
    return a >= b;
}

//! box and circle compare areas (fuzzily), lseg lengths, path point counts (exactly).
template <Compare kFuzzy, Compare kExact>
CellResult MeasureCompare(Args args) {
    const Geometry &a = args[0].geo;
    const double left = MeasureOf(a);
    const double right = MeasureOf(args[1].geo);
    return a.kind == GeoKind::Path ? kExact(left, right) : kFuzzy(left, right);
}

CellResult LsegEq(Args args) {
    const auto &a = args[0].geo.points;
    const auto &b = args[1].geo.points;
    return PointEq(a[0], b[0]) && PointEq(a[1], b[1]);
}

CellResult LsegNe(Args args) {
    return !std::get<bool>(LsegEq(args));
}

CellResult LineEq(Args args) {
    const Geometry &l1 = args[0].geo;
    const Geometry &l2 = args[1].geo;
    double ratio;
    if (!FPzero(l2.a)) {
        ratio = l1.a / l2.a;
    } else if (!FPzero(l2.b)) {
        ratio = l1.b / l2.b;
    } else if (!FPzero(l2.c)) {
        ratio = l1.c / l2.c;
    } else {
        ratio = 1.0;
    }
    return FPeq(l1.a, ratio * l2.a) && FPeq(l1.b, ratio * l2.b) && FPeq(l1.c, ratio * l2.c);
}

// Same as (~=).
CellResult PointSame(Args args) {
    return PointEq(args[0].geo.points[0], args[1].geo.points[0]);
}
CellResult PointNotSame(Args args) {
    return !PointEq(args[0].geo.points[0], args[1].geo.points[0]);
}
CellResult BoxSame(Args args) {
    return PointEq(High(args[0].geo), High(args[1].geo)) && PointEq(Low(args[0].geo), Low(args[1].geo));
}
CellResult CircleSame(Args args) {
    const Geometry &a = args[0].geo;
    const Geometry &b = args[1].geo;
    return ((std::isnan(a.radius) && std::isnan(b.radius)) || FPeq(a.radius, b.radius)) &&
           PointEq(a.points[0], b.points[0]);
}
CellResult PolygonSame(Args args) {
    const auto &a = args[0].geo.points;
    const auto &b = args[1].geo.points;
    if (a.size() != b.size()) {
        return false;
    }
    const size_t n = a.size();
    for (size_t shift = 0; shift < n; shift++) {
        bool forward = true;
        bool backward = true;
        for (size_t i = 0; i < n; i++) {
            forward = forward && PointEq(a[i], b[(i + shift) % n]);
            backward = backward && PointEq(a[i], b[(shift + n - i) % n]);
        }
        if (forward || backward) {
            return true;
        }
    }
    return false;
}

// Positions. A box's or polygon's bounding box and a circle's extent: left, right, bottom, top.
struct Extent {
    double left;
    double right;
    double bottom;
    double top;
};

Extent ExtentOf(const Geometry &value) {
    if (value.kind == GeoKind::Circle) {
        const GeoPoint c = value.points[0];
        return {c.x - value.radius, c.x + value.radius, c.y - value.radius, c.y + value.radius};
    }
    if (value.kind == GeoKind::Point) {
        const GeoPoint p = value.points[0];
        return {p.x, p.x, p.y, p.y};
    }
    const Geometry box = value.kind == GeoKind::Box ? value : BoundingBox(value.points);
    return {Low(box).x, High(box).x, Low(box).y, High(box).y};
}

enum class Position { Left, Right, Below, Above, OverLeft, OverRight, OverBelow, OverAbove, BelowEq, AboveEq };

template <Position kPosition>
CellResult PositionOf(Args args) {
    const Extent a = ExtentOf(args[0].geo);
    const Extent b = ExtentOf(args[1].geo);
    // polygons compare their bounding boxes exactly, the others fuzzily.
    const bool exact = args[0].geo.kind == GeoKind::Polygon;
    const Compare lt = exact ? ExactLt : FPlt;
    const Compare le = exact ? ExactLe : FPle;
    const Compare gt = exact ? ExactGt : FPgt;
    const Compare ge = exact ? ExactGe : FPge;
    switch (kPosition) {
    case Position::Left:
        return lt(a.right, b.left);
    case Position::Right:
        return gt(a.left, b.right);
    case Position::Below:
        return lt(a.top, b.bottom);
    case Position::Above:
        return gt(a.bottom, b.top);
    case Position::OverLeft:
        return le(a.right, b.right);
    case Position::OverRight:
        return ge(a.left, b.left);
    case Position::OverBelow:
        return le(a.top, b.top);
    case Position::OverAbove:
        return ge(a.bottom, b.bottom);
    case Position::BelowEq:
        return FPle(a.top, b.bottom);
    case Position::AboveEq:
        return FPge(a.bottom, b.top);
    }
    return false;
}

CellResult PointVertical(Args args) {
    return FPeq(args[0].geo.points[0].x, args[1].geo.points[0].x);
}
CellResult PointHorizontal(Args args) {
    return FPeq(args[0].geo.points[0].y, args[1].geo.points[0].y);
}
CellResult IsVertical(Args args) {
    const Geometry &value = args[0].geo;
    return value.kind == GeoKind::Line ? FPzero(value.b) : FPeq(value.points[0].x, value.points[1].x);
}
CellResult IsHorizontal(Args args) {
    const Geometry &value = args[0].geo;
    return value.kind == GeoKind::Line ? FPzero(value.a) : FPeq(value.points[0].y, value.points[1].y);
}
CellResult LsegParallel(Args args) {
    const auto &a = args[0].geo.points;
    const auto &b = args[1].geo.points;
    return FPeq(Slope(a[0], a[1]), Slope(b[0], b[1]));
}
CellResult LsegPerpendicular(Args args) {
    const auto &a = args[0].geo.points;
    const auto &b = args[1].geo.points;
    return FPeq(Slope(a[0], a[1]), InverseSlope(b[0], b[1]));
}

// Containment and overlap.
bool BoxContainsPoint(const Geometry &box, GeoPoint p) {
    return High(box).x >= p.x && Low(box).x <= p.x && High(box).y >= p.y && Low(box).y <= p.y;
}

bool BoxContainsBox(const Geometry &a, const Geometry &b) {
    return FPge(High(a).x, High(b).x) && FPle(Low(a).x, Low(b).x) && FPge(High(a).y, High(b).y) &&
           FPle(Low(a).y, Low(b).y);
}

bool CircleContainsCircle(const Geometry &a, const Geometry &b) {
    return FPle(Distance(a.points[0], b.points[0]), a.radius - b.radius);
}

bool ShapeContainsPoint(const Geometry &shape, GeoPoint p) {
    switch (shape.kind) {
    case GeoKind::Box:
        return BoxContainsPoint(shape, p);
    case GeoKind::Circle:
        return Distance(shape.points[0], p) <= shape.radius;
    case GeoKind::Polygon:
        return PointInside(p, shape.points) != 0;
    case GeoKind::Path:
        if (shape.closed) {
            return PointInside(p, shape.points) != 0;
        }
        for (const auto &[a, b] : Segments(shape)) {
            if (OnSegment(a, b, p)) {
                return true;
            }
        }
        return shape.points.size() == 1 && PointEq(shape.points[0], p);
    case GeoKind::Lseg:
        return OnSegment(shape.points[0], shape.points[1], p);
    case GeoKind::Line:
        return FPzero(shape.a * p.x + shape.b * p.y + shape.c);
    case GeoKind::Point:
        return PointEq(shape.points[0], p);
    }
    return false;
}

bool Contains(const Geometry &outer, const Geometry &inner) {
    if (inner.kind == GeoKind::Point) {
        return ShapeContainsPoint(outer, inner.points[0]);
    }
    if (outer.kind == GeoKind::Box && inner.kind == GeoKind::Box) {
        return BoxContainsBox(outer, inner);
    }
    if (outer.kind == GeoKind::Circle && inner.kind == GeoKind::Circle) {
        return CircleContainsCircle(outer, inner);
    }
    if (outer.kind == GeoKind::Box && inner.kind == GeoKind::Lseg) {
        return BoxContainsPoint(outer, inner.points[0]) && BoxContainsPoint(outer, inner.points[1]);
    }
    if (outer.kind == GeoKind::Line && inner.kind == GeoKind::Lseg) {
        return ShapeContainsPoint(outer, inner.points[0]) && ShapeContainsPoint(outer, inner.points[1]);
    }
    // polygon in polygon: every vertex inside and no edges crossing.
    if (!BoxContainsBox(BoundingBox(outer.points), BoundingBox(inner.points))) {
        return false;
    }
    for (const auto &p : inner.points) {
        if (PointInside(p, outer.points) == 0) {
            return false;
        }
    }
    return true;
}

CellResult ContainsOp(Args args) {
    return Contains(args[0].geo, args[1].geo);
}
CellResult ContainedOp(Args args) {
    return Contains(args[1].geo, args[0].geo);
}

bool BoxesOverlap(const Geometry &a, const Geometry &b) {
    return FPle(Low(a).x, High(b).x) && FPle(Low(b).x, High(a).x) && FPle(Low(a).y, High(b).y) &&
           FPle(Low(b).y, High(a).y);
}

CellResult OverlapOp(Args args) {
    const Geometry &a = args[0].geo;
    const Geometry &b = args[1].geo;
    if (a.kind == GeoKind::Circle) {
        return FPle(Distance(a.points[0], b.points[0]), a.radius + b.radius);
    }
    if (a.kind == GeoKind::Box) {
        return BoxesOverlap(a, b);
    }
    // polygons: their bounding boxes overlap and an edge crosses or one holds a vertex of the other.
    if (!BoxesOverlap(BoundingBox(a.points), BoundingBox(b.points))) {
        return false;
    }
    for (const auto &[p1, p2] : Segments(a)) {
        for (const auto &[q1, q2] : Segments(b)) {
            if (SegmentsIntersect(p1, p2, q1, q2)) {
                return true;
            }
        }
    }
    return PointInside(a.points[0], b.points) != 0 || PointInside(b.points[0], a.points) != 0;
}

CellResult IntersectsOp(Args args) {
    const Geometry &a = args[0].geo;
    const Geometry &b = args[1].geo;
    if (a.kind == GeoKind::Box) {
        return BoxesOverlap(a, b);
    }
    if (a.kind == GeoKind::Line && b.kind == GeoKind::Line) {
        return !FPzero(a.a * b.b - a.b * b.a) || std::get<bool>(LineEq(args));
    }
    if (a.kind == GeoKind::Lseg && b.kind == GeoKind::Box) {
        const Geometry &box = b;
        if (BoxContainsPoint(box, a.points[0]) || BoxContainsPoint(box, a.points[1])) {
            return true;
        }
        const GeoPoint corners[] = {High(box), {High(box).x, Low(box).y}, Low(box), {Low(box).x, High(box).y}};
        for (int i = 0; i < 4; i++) {
            if (SegmentsIntersect(a.points[0], a.points[1], corners[i], corners[(i + 1) % 4])) {
                return true;
            }
        }
        return false;
    }
    for (const auto &[p1, p2] : Segments(a)) {
        for (const auto &[q1, q2] : Segments(b)) {
            if (SegmentsIntersect(p1, p2, q1, q2)) {
                return true;
            }
        }
    }
    return a.points.size() == 1 || b.points.size() == 1 ? PointEq(a.points[0], b.points[0]) : false;
}

CellResult BoxIntersection(Args args) {
    const Geometry &a = args[0].geo;
    const Geometry &b = args[1].geo;
    if (!BoxesOverlap(a, b)) {
        return std::monostate();
    }
    return Geometry{GeoKind::Box,
                    {{std::min(High(a).x, High(b).x), std::min(High(a).y, High(b).y)},
                     {std::max(Low(a).x, Low(b).x), std::max(Low(a).y, Low(b).y)}}};
}

CellResult LineIntersection(Args args) {
    const Geometry &l1 = args[0].geo;
    const Geometry &l2 = args[1].geo;
    const double det = l1.a * l2.b - l1.b * l2.a;
    if (FPzero(det)) {
        return std::monostate();
    }
    double x;
    double y;
    if (FPzero(l1.b)) {
        x = l1.c;
        y = -(l2.a * x + l2.c) / l2.b;
    } else if (FPzero(l2.b)) {
        x = l2.c;
        y = -(l1.a * x + l1.c) / l1.b;
    } else {
        x = (l1.c * l2.b - l1.b * l2.c) / (l1.b * l2.a - l1.a * l2.b);
        y = -(l1.a * x + l1.c) / l1.b;
    }
    return PointValue({x == 0 ? 0.0 : x, y == 0 ? 0.0 : y});
}

CellResult LsegIntersection(Args args) {
    const auto &a = args[0].geo.points;
    const auto &b = args[1].geo.points;
    if (!SegmentsIntersect(a[0], a[1], b[0], b[1])) {
        return std::monostate();
    }
    Cell l1;
    Cell l2;
    l1.geo = types::LineThrough(a[0], a[1]);
    l2.geo = types::LineThrough(b[0], b[1]);
    const Cell lines[] = {l1, l2};
    CellResult point = LineIntersection(lines);
    if (std::holds_alternative<std::monostate>(point)) {
        // Collinear: they meet at a shared end.
        for (const auto &p : a) {
            for (const auto &q : b) {
                if (PointEq(p, q)) {
                    return PointValue(p);
                }
            }
        }
    }
    return point;
}

// ---- Casts ----

struct GeoCastInfo {
    GeoKind kind;
};

bool CastTextToGeometry(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    const auto kind = static_cast<const GeoCastInfo *>(duckdb_cast_function_get_extra_info(info))->kind;
    return CastTextRows(info, count, input, output, [output, kind](std::string_view text, idx_t row) {
        const std::string normalized = types::FormatGeometry(types::ParseGeometry(kind, text));
        duckdb_vector_assign_string_element_len(output, row, normalized.data(), normalized.size());
    });
}

bool CastByReference(duckdb_function_info, idx_t, duckdb_vector input, duckdb_vector output) {
    duckdb_vector_reference_vector(output, input);
    return true;
}

void RegisterGeometricCasts(duckdb_connection connection, Slot slot) {
    LogicalTypeHandle type = SlotLogicalType(slot);
    if (duckdb_register_logical_type(connection, type.Get(), nullptr) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register a geometric type");
    }
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle literal(duckdb_create_logical_type(DUCKDB_TYPE_STRING_LITERAL));
    constexpr int64_t kLiteralCost = 20;
    for (auto *source : {varchar.Get(), literal.Get()}) {
        CastFunctionHandle cast(duckdb_create_cast_function());
        duckdb_cast_function_set_source_type(cast.Get(), source);
        duckdb_cast_function_set_target_type(cast.Get(), type.Get());
        duckdb_cast_function_set_implicit_cast_cost(cast.Get(), source == literal.Get() ? kLiteralCost : -1);
        duckdb_cast_function_set_function(cast.Get(), CastTextToGeometry);
        duckdb_cast_function_set_extra_info(cast.Get(), new GeoCastInfo{SlotGeoKind(slot)},
                                            [](void *data) { delete static_cast<GeoCastInfo *>(data); });
        if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", "could not register a cast to a geometric type");
        }
    }
    RegisterCast(connection, type.Get(), varchar.Get(), -1, CastByReference);
}

} // namespace

void RegisterGeometricFunctions(duckdb_connection connection) {
    using enum Slot;
    for (auto slot : {Point, Lseg, Path, Box, Polygon, Line, Circle}) {
        RegisterGeometricCasts(connection, slot);
    }
    const TypedFunctionRow rows[] = {
        {"point", {Double, Double}, Point, MakePoint},
        {"point", {Box}, Point, CenterOf},
        {"point", {Circle}, Point, CenterOf},
        {"point", {Lseg}, Point, CenterOf},
        {"point", {Polygon}, Point, CenterOf},
        {"area", {Box}, Double, AreaOf},
        {"area", {Path}, Double, AreaOf},
        {"area", {Circle}, Double, AreaOf},
        {"center", {Box}, Point, CenterOf},
        {"center", {Circle}, Point, CenterOf},
        {"diameter", {Circle}, Double, Diameter},
        {"radius", {Circle}, Double, Radius},
        {"height", {Box}, Double, Height},
        {"width", {Box}, Double, Width},
        {"npoints", {Path}, Int4, NPoints},
        {"npoints", {Polygon}, Int4, NPoints},
        {"isclosed", {Path}, Bool, IsClosed},
        {"isopen", {Path}, Bool, IsOpen},
        {"popen", {Path}, Path, SetClosed<false>},
        {"pclose", {Path}, Path, SetClosed<true>},
        {"box", {Point, Point}, Box, BoxOfPoints},
        {"box", {Circle}, Box, BoxOfCircle},
        {"box", {Polygon}, Box, BoxOfPolygon},
        {"box", {Point}, Box, BoxOfPolygon},
        {"circle", {Point, Double}, Circle, CircleOf},
        {"circle", {Box}, Circle, CircleOfBox},
        {"circle", {Polygon}, Circle, CircleOfPolygon},
        {"lseg", {Point, Point}, Lseg, LsegOf},
        {"lseg", {Box}, Lseg, Diagonal},
        {"line", {Point, Point}, Line, LineOf},
        {"diagonal", {Box}, Lseg, Diagonal},
        {"bound_box", {Box, Box}, Box, BoundBox},
        {"polygon", {Box}, Polygon, PolygonOfBox},
        {"polygon", {Path}, Polygon, PolygonOfPath},
        {"polygon", {Circle}, Polygon, PolygonOfCircle},
        {"polygon", {Int4, Circle}, Polygon, PolygonOfCountCircle},
        {"path", {Polygon}, Path, PathOfPolygon},
        {"slope", {Point, Point}, Double, SlopeOf},
        // The operators, as the rewriter calls them.
        {"duckgres_geo_add", {Point, Point}, Point, PointArithmetic<Add>},
        {"duckgres_geo_add", {Box, Point}, Box, ShapeByPoint<Add>},
        {"duckgres_geo_add", {Path, Point}, Path, ShapeByPoint<Add>},
        {"duckgres_geo_add", {Circle, Point}, Circle, ShapeByPoint<Add>},
        {"duckgres_geo_add", {Path, Path}, Path, PathConcat},
        {"duckgres_geo_sub", {Point, Point}, Point, PointArithmetic<Sub>},
        {"duckgres_geo_sub", {Box, Point}, Box, ShapeByPoint<Sub>},
        {"duckgres_geo_sub", {Path, Point}, Path, ShapeByPoint<Sub>},
        {"duckgres_geo_sub", {Circle, Point}, Circle, ShapeByPoint<Sub>},
        {"duckgres_geo_mul", {Point, Point}, Point, PointArithmetic<Mul>},
        {"duckgres_geo_mul", {Box, Point}, Box, ShapeByPoint<Mul>},
        {"duckgres_geo_mul", {Path, Point}, Path, ShapeByPoint<Mul>},
        {"duckgres_geo_mul", {Circle, Point}, Circle, ShapeByPoint<Mul>},
        {"duckgres_geo_div", {Point, Point}, Point, PointArithmetic<Div>},
        {"duckgres_geo_div", {Box, Point}, Box, ShapeByPoint<Div>},
        {"duckgres_geo_div", {Path, Point}, Path, ShapeByPoint<Div>},
        {"duckgres_geo_div", {Circle, Point}, Circle, ShapeByPoint<Div>},
        {"duckgres_geo_distance", {Point, Point}, Double, PointPointDistance},
        {"duckgres_geo_distance", {Point, Lseg}, Double, PointShapeDistance},
        {"duckgres_geo_distance", {Point, Box}, Double, PointShapeDistance},
        {"duckgres_geo_distance", {Point, Line}, Double, PointShapeDistance},
        {"duckgres_geo_distance", {Point, Path}, Double, PointShapeDistance},
        {"duckgres_geo_distance", {Point, Polygon}, Double, PointShapeDistance},
        {"duckgres_geo_distance", {Point, Circle}, Double, PointShapeDistance},
        {"duckgres_geo_distance", {Lseg, Point}, Double, ShapePointDistance},
        {"duckgres_geo_distance", {Box, Point}, Double, ShapePointDistance},
        {"duckgres_geo_distance", {Line, Point}, Double, ShapePointDistance},
        {"duckgres_geo_distance", {Path, Point}, Double, ShapePointDistance},
        {"duckgres_geo_distance", {Polygon, Point}, Double, ShapePointDistance},
        {"duckgres_geo_distance", {Circle, Point}, Double, ShapePointDistance},
        {"duckgres_geo_distance", {Box, Box}, Double, BoxDistance},
        {"duckgres_geo_distance", {Circle, Circle}, Double, CircleDistance},
        {"duckgres_geo_distance", {Lseg, Lseg}, Double, LsegDistance},
        {"duckgres_geo_eq", {Box, Box}, Bool, MeasureCompare<FPeq, ExactEq>},
        {"duckgres_geo_eq", {Circle, Circle}, Bool, MeasureCompare<FPeq, ExactEq>},
        {"duckgres_geo_eq", {Path, Path}, Bool, MeasureCompare<FPeq, ExactEq>},
        {"duckgres_geo_eq", {Lseg, Lseg}, Bool, LsegEq},
        {"duckgres_geo_eq", {Line, Line}, Bool, LineEq},
        {"duckgres_geo_ne", {Circle, Circle}, Bool, MeasureCompare<FPne, ExactNe>},
        {"duckgres_geo_ne", {Lseg, Lseg}, Bool, LsegNe},
        {"duckgres_geo_ne", {Point, Point}, Bool, PointNotSame},
        {"duckgres_geo_lt", {Box, Box}, Bool, MeasureCompare<FPlt, ExactLt>},
        {"duckgres_geo_lt", {Circle, Circle}, Bool, MeasureCompare<FPlt, ExactLt>},
        {"duckgres_geo_lt", {Lseg, Lseg}, Bool, MeasureCompare<FPlt, ExactLt>},
        {"duckgres_geo_lt", {Path, Path}, Bool, MeasureCompare<FPlt, ExactLt>},
        {"duckgres_geo_le", {Box, Box}, Bool, MeasureCompare<FPle, ExactLe>},
        {"duckgres_geo_le", {Circle, Circle}, Bool, MeasureCompare<FPle, ExactLe>},
        {"duckgres_geo_le", {Lseg, Lseg}, Bool, MeasureCompare<FPle, ExactLe>},
        {"duckgres_geo_le", {Path, Path}, Bool, MeasureCompare<FPle, ExactLe>},
        {"duckgres_geo_gt", {Box, Box}, Bool, MeasureCompare<FPgt, ExactGt>},
        {"duckgres_geo_gt", {Circle, Circle}, Bool, MeasureCompare<FPgt, ExactGt>},
        {"duckgres_geo_gt", {Lseg, Lseg}, Bool, MeasureCompare<FPgt, ExactGt>},
        {"duckgres_geo_gt", {Path, Path}, Bool, MeasureCompare<FPgt, ExactGt>},
        {"duckgres_geo_ge", {Box, Box}, Bool, MeasureCompare<FPge, ExactGe>},
        {"duckgres_geo_ge", {Circle, Circle}, Bool, MeasureCompare<FPge, ExactGe>},
        {"duckgres_geo_ge", {Lseg, Lseg}, Bool, MeasureCompare<FPge, ExactGe>},
        {"duckgres_geo_ge", {Path, Path}, Bool, MeasureCompare<FPge, ExactGe>},
        {"duckgres_geo_same", {Point, Point}, Bool, PointSame},
        {"duckgres_geo_same", {Box, Box}, Bool, BoxSame},
        {"duckgres_geo_same", {Circle, Circle}, Bool, CircleSame},
        {"duckgres_geo_same", {Polygon, Polygon}, Bool, PolygonSame},
        {"duckgres_geo_contains", {Box, Point}, Bool, ContainsOp},
        {"duckgres_geo_contains", {Box, Box}, Bool, ContainsOp},
        {"duckgres_geo_contains", {Circle, Point}, Bool, ContainsOp},
        {"duckgres_geo_contains", {Circle, Circle}, Bool, ContainsOp},
        {"duckgres_geo_contains", {Path, Point}, Bool, ContainsOp},
        {"duckgres_geo_contains", {Polygon, Point}, Bool, ContainsOp},
        {"duckgres_geo_contains", {Polygon, Polygon}, Bool, ContainsOp},
        {"duckgres_geo_contained", {Box, Box}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Circle, Circle}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Lseg, Box}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Lseg, Line}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Point, Lseg}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Point, Path}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Point, Box}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Point, Polygon}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Point, Line}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Point, Circle}, Bool, ContainedOp},
        {"duckgres_geo_contained", {Polygon, Polygon}, Bool, ContainedOp},
        {"duckgres_geo_overlaps", {Box, Box}, Bool, OverlapOp},
        {"duckgres_geo_overlaps", {Circle, Circle}, Bool, OverlapOp},
        {"duckgres_geo_overlaps", {Polygon, Polygon}, Bool, OverlapOp},
        {"duckgres_geo_intersects", {Box, Box}, Bool, IntersectsOp},
        {"duckgres_geo_intersects", {Line, Line}, Bool, IntersectsOp},
        {"duckgres_geo_intersects", {Lseg, Lseg}, Bool, IntersectsOp},
        {"duckgres_geo_intersects", {Lseg, Box}, Bool, IntersectsOp},
        {"duckgres_geo_intersects", {Path, Path}, Bool, IntersectsOp},
        {"duckgres_geo_center", {Box}, Point, CenterOf},
        {"duckgres_geo_center", {Circle}, Point, CenterOf},
        {"duckgres_geo_center", {Lseg}, Point, CenterOf},
        {"duckgres_geo_center", {Polygon}, Point, CenterOf},
        {"duckgres_geo_npoints", {Path}, Int4, NPoints},
        {"duckgres_geo_npoints", {Polygon}, Int4, NPoints},
        {"duckgres_geo_length", {Lseg}, Double, LengthOf},
        {"duckgres_geo_length", {Path}, Double, LengthOf},
        {"duckgres_geo_intersection", {Box, Box}, Box, BoxIntersection},
        {"duckgres_geo_intersection", {Line, Line}, Point, LineIntersection},
        {"duckgres_geo_intersection", {Lseg, Lseg}, Point, LsegIntersection},
        {"duckgres_geo_left", {Point, Point}, Bool, PositionOf<Position::Left>},
        {"duckgres_geo_left", {Box, Box}, Bool, PositionOf<Position::Left>},
        {"duckgres_geo_left", {Circle, Circle}, Bool, PositionOf<Position::Left>},
        {"duckgres_geo_left", {Polygon, Polygon}, Bool, PositionOf<Position::Left>},
        {"duckgres_geo_right", {Point, Point}, Bool, PositionOf<Position::Right>},
        {"duckgres_geo_right", {Box, Box}, Bool, PositionOf<Position::Right>},
        {"duckgres_geo_right", {Circle, Circle}, Bool, PositionOf<Position::Right>},
        {"duckgres_geo_right", {Polygon, Polygon}, Bool, PositionOf<Position::Right>},
        {"duckgres_geo_below", {Point, Point}, Bool, PositionOf<Position::Below>},
        {"duckgres_geo_below", {Box, Box}, Bool, PositionOf<Position::Below>},
        {"duckgres_geo_below", {Circle, Circle}, Bool, PositionOf<Position::Below>},
        {"duckgres_geo_below", {Polygon, Polygon}, Bool, PositionOf<Position::Below>},
        {"duckgres_geo_above", {Point, Point}, Bool, PositionOf<Position::Above>},
        {"duckgres_geo_above", {Box, Box}, Bool, PositionOf<Position::Above>},
        {"duckgres_geo_above", {Circle, Circle}, Bool, PositionOf<Position::Above>},
        {"duckgres_geo_above", {Polygon, Polygon}, Bool, PositionOf<Position::Above>},
        {"duckgres_geo_overleft", {Box, Box}, Bool, PositionOf<Position::OverLeft>},
        {"duckgres_geo_overleft", {Circle, Circle}, Bool, PositionOf<Position::OverLeft>},
        {"duckgres_geo_overleft", {Polygon, Polygon}, Bool, PositionOf<Position::OverLeft>},
        {"duckgres_geo_overright", {Box, Box}, Bool, PositionOf<Position::OverRight>},
        {"duckgres_geo_overright", {Circle, Circle}, Bool, PositionOf<Position::OverRight>},
        {"duckgres_geo_overright", {Polygon, Polygon}, Bool, PositionOf<Position::OverRight>},
        {"duckgres_geo_overbelow", {Box, Box}, Bool, PositionOf<Position::OverBelow>},
        {"duckgres_geo_overbelow", {Circle, Circle}, Bool, PositionOf<Position::OverBelow>},
        {"duckgres_geo_overbelow", {Polygon, Polygon}, Bool, PositionOf<Position::OverBelow>},
        {"duckgres_geo_overabove", {Box, Box}, Bool, PositionOf<Position::OverAbove>},
        {"duckgres_geo_overabove", {Circle, Circle}, Bool, PositionOf<Position::OverAbove>},
        {"duckgres_geo_overabove", {Polygon, Polygon}, Bool, PositionOf<Position::OverAbove>},
        {"duckgres_geo_below_eq", {Point, Point}, Bool, PositionOf<Position::Below>},
        {"duckgres_geo_below_eq", {Box, Box}, Bool, PositionOf<Position::BelowEq>},
        {"duckgres_geo_above_eq", {Point, Point}, Bool, PositionOf<Position::Above>},
        {"duckgres_geo_above_eq", {Box, Box}, Bool, PositionOf<Position::AboveEq>},
        {"duckgres_geo_vertical", {Point, Point}, Bool, PointVertical},
        {"duckgres_geo_vertical", {Lseg}, Bool, IsVertical},
        {"duckgres_geo_vertical", {Line}, Bool, IsVertical},
        {"duckgres_geo_horizontal", {Point, Point}, Bool, PointHorizontal},
        {"duckgres_geo_horizontal", {Lseg}, Bool, IsHorizontal},
        {"duckgres_geo_horizontal", {Line}, Bool, IsHorizontal},
        {"duckgres_geo_parallel", {Lseg, Lseg}, Bool, LsegParallel},
        {"duckgres_geo_perpendicular", {Lseg, Lseg}, Bool, LsegPerpendicular},
    };
    RegisterTypedFunctions(connection, rows);
}

} // namespace duckgres::engine
