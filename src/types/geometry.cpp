// Geometric values: their text input in every spelling PostgreSQL takes, text output and binary form.
#include "types/geometry.hpp"

#include "common/sql_error.hpp"
#include "types/binary_format.hpp"
#include "types/pg_type.hpp"
#include "types/text_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace duckgres::types {

namespace {

//! A number, or a parenthesized group of items: the shape of a geometric value's text before its type reads it.
struct Item {
    bool is_number = false;
    double number = 0;
    char open = 0; //!< '(', '[', '<' or '{' for a group
    std::vector<Item> items;
};

class ItemParser {
public:
    explicit ItemParser(std::string_view text) : text_(text) {}

    //! The comma-separated items of the whole text; nullopt when it is malformed.
    std::optional<std::vector<Item>> ParseAll() {
        auto items = ParseList();
        SkipSpace();
        if (!items || at_ != text_.size()) {
            return std::nullopt;
        }
        return items;
    }

private:
    std::string_view text_;
    size_t at_ = 0;
    int nesting_ = 0; //!< groups being read, one inside the other

    void SkipSpace() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' ||
                                      text_[at_] == '\r' || text_[at_] == '\f' || text_[at_] == '\v')) {
            at_++;
        }
    }

    std::optional<std::vector<Item>> ParseList() {
        std::vector<Item> items;
        while (true) {
            auto item = ParseItem();
            if (!item) {
                return std::nullopt;
            }
            items.push_back(std::move(*item));
            SkipSpace();
            if (at_ < text_.size() && text_[at_] == ',') {
                at_++;
                continue;
            }
            return items;
        }
    }

    static char CloserOf(char open) {
        switch (open) {
        case '(':
            return ')';
        case '[':
            return ']';
        case '<':
            return '>';
        default:
            return '}';
        }
    }

    std::optional<Item> ParseItem() {
        SkipSpace();
        if (at_ >= text_.size()) {
            return std::nullopt;
        }
        const char c = text_[at_];
        Item item;
        if (c == '(' || c == '[' || c == '<' || c == '{') {
            // No geometric input nests deeper than a circle's <(x,y),r> or a path's [(x,y),...]: deeper is malformed,
            // and refused before the recursion could exhaust the stack.
            constexpr int kMaxNesting = 3;
            if (++nesting_ > kMaxNesting) {
                return std::nullopt;
            }
            at_++;
            auto items = ParseList();
            nesting_--;
            SkipSpace();
            if (!items || at_ >= text_.size() || text_[at_] != CloserOf(c)) {
                return std::nullopt;
            }
            at_++;
            item.open = c;
            item.items = std::move(*items);
            return item;
        }
        // A float8 as strtod reads it (inf, nan, exponents), up to the next delimiter.
        size_t end = at_;
        while (end < text_.size() && text_.find_first_of(",()[]<>{} \t\n\r\f\v", end) != end) {
            end++;
        }
        const std::string word(text_.substr(at_, end - at_));
        if (word.empty()) {
            return std::nullopt;
        }
        char *stop = nullptr;
        item.number = std::strtod(word.c_str(), &stop);
        if (stop != word.c_str() + word.size()) {
            return std::nullopt;
        }
        if (std::isinf(item.number) && word.find_first_of("iI") == std::string::npos) {
            return std::nullopt; // out of range, as float8in refuses it
        }
        item.is_number = true;
        at_ = end;
        return item;
    }
};

//! `items` as points: each a ( x , y ) group or two numbers in a row; nullopt when they are not.
std::optional<std::vector<GeoPoint>> PointsOf(const std::vector<Item> &items) {
    std::vector<GeoPoint> points;
    for (size_t i = 0; i < items.size(); i++) {
        const Item &item = items[i];
        if (item.is_number) {
            if (i + 1 >= items.size() || !items[i + 1].is_number) {
                return std::nullopt;
            }
            points.push_back({item.number, items[i + 1].number});
            i++;
        } else if (item.open == '(' && item.items.size() == 2 && item.items[0].is_number && item.items[1].is_number) {
            points.push_back({item.items[0].number, item.items[1].number});
        } else {
            return std::nullopt;
        }
    }
    return points;
}

//! The points of a whole value: one group opened by one of `openers` around them (its opener in *opener), or the
//! top-level list itself (*opener 0).
std::optional<std::vector<GeoPoint>> WrappedPoints(const std::vector<Item> &top, std::string_view openers,
                                                   char *opener) {
    *opener = 0;
    if (top.size() == 1 && !top[0].is_number && openers.find(top[0].open) != std::string_view::npos) {
        if (auto points = PointsOf(top[0].items)) {
            *opener = top[0].open;
            return points;
        }
    }
    return PointsOf(top);
}

[[noreturn]] void InvalidGeometry(GeoKind kind, std::string_view text) {
    throw SqlError("22P02", std::string("invalid input syntax for type ") + GeoKindName(kind) + ": \"" +
                                std::string(text) + "\"");
}

void AppendPoint(std::string &out, GeoPoint p) {
    out += '(';
    AppendFloat8(out, p.x, 1);
    out += ',';
    AppendFloat8(out, p.y, 1);
    out += ')';
}

void AppendPoints(std::string &out, const std::vector<GeoPoint> &points) {
    for (size_t i = 0; i < points.size(); i++) {
        if (i > 0) {
            out += ',';
        }
        AppendPoint(out, points[i]);
    }
}

std::optional<Geometry> ParseCircle(const std::vector<Item> &top) {
    // <(x,y),r>, ((x,y),r): a group around a point group and the radius; (x,y),r and x,y,r at the top level.
    // <x,y,r> too; but in ( ) the center must be a group of its own.
    const std::vector<Item> *items = &top;
    if (top.size() == 1 && !top[0].is_number && (top[0].open == '<' || top[0].open == '(')) {
        items = &top[0].items;
        if (top[0].open == '(' && (items->size() != 2 || (*items)[0].is_number)) {
            return std::nullopt;
        }
    }
    if (items->empty() || !items->back().is_number) {
        return std::nullopt;
    }
    std::vector<Item> center(items->begin(), items->end() - 1);
    auto points = PointsOf(center);
    if (!points || points->size() != 1) {
        return std::nullopt;
    }
    Geometry circle{GeoKind::Circle, std::move(*points)};
    circle.radius = items->back().number;
    if (circle.radius < 0) {
        return std::nullopt;
    }
    return circle;
}

} // namespace

const char *GeoKindName(GeoKind kind) {
    switch (kind) {
    case GeoKind::Point:
        return "point";
    case GeoKind::Lseg:
        return "lseg";
    case GeoKind::Path:
        return "path";
    case GeoKind::Box:
        return "box";
    case GeoKind::Polygon:
        return "polygon";
    case GeoKind::Line:
        return "line";
    case GeoKind::Circle:
        return "circle";
    }
    return "point";
}

std::optional<GeoKind> GeoKindByName(std::string_view name) {
    for (auto kind : {GeoKind::Point, GeoKind::Lseg, GeoKind::Path, GeoKind::Box, GeoKind::Polygon, GeoKind::Line,
                      GeoKind::Circle}) {
        if (name == GeoKindName(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

uint32_t GeoKindOid(GeoKind kind) {
    switch (kind) {
    case GeoKind::Point:
        return 600;
    case GeoKind::Lseg:
        return 601;
    case GeoKind::Path:
        return 602;
    case GeoKind::Box:
        return 603;
    case GeoKind::Polygon:
        return 604;
    case GeoKind::Line:
        return 628;
    case GeoKind::Circle:
        return 718;
    }
    return 600;
}

std::optional<GeoKind> GeoKindByOid(uint32_t type_oid) {
    for (auto kind : {GeoKind::Point, GeoKind::Lseg, GeoKind::Path, GeoKind::Box, GeoKind::Polygon, GeoKind::Line,
                      GeoKind::Circle}) {
        if (GeoKindOid(kind) == type_oid) {
            return kind;
        }
    }
    return std::nullopt;
}

int16_t GeoKindLength(GeoKind kind) {
    switch (kind) {
    case GeoKind::Point:
        return 16;
    case GeoKind::Lseg:
    case GeoKind::Box:
        return 32;
    case GeoKind::Line:
    case GeoKind::Circle:
        return 24;
    default:
        return -1;
    }
}

Geometry LineThrough(GeoPoint p, GeoPoint q) {
    Geometry line{GeoKind::Line, {}};
    if (p.x == q.x) {
        line.a = -1;
        line.b = 0;
        line.c = p.x;
    } else if (p.y == q.y) {
        line.a = 0;
        line.b = -1;
        line.c = p.y;
    } else {
        line.a = (q.y - p.y) / (q.x - p.x);
        line.b = -1;
        line.c = p.y - line.a * p.x;
    }
    return line;
}

Geometry BoxOf(GeoPoint p, GeoPoint q) {
    return Geometry{GeoKind::Box, {{std::max(p.x, q.x), std::max(p.y, q.y)}, {std::min(p.x, q.x), std::min(p.y, q.y)}}};
}

Geometry ParseGeometry(GeoKind kind, std::string_view text) {
    auto top = ItemParser(text).ParseAll();
    if (!top) {
        InvalidGeometry(kind, text);
    }
    char opener = 0;
    switch (kind) {
    case GeoKind::Point: {
        auto points = PointsOf(*top);
        if (!points || points->size() != 1) {
            InvalidGeometry(kind, text);
        }
        return Geometry{kind, std::move(*points)};
    }
    case GeoKind::Lseg:
    case GeoKind::Box:
    case GeoKind::Line: {
        if (kind == GeoKind::Line && top->size() == 1 && top->front().open == '{') {
            const auto &abc = top->front().items;
            if (abc.size() != 3 || !abc[0].is_number || !abc[1].is_number || !abc[2].is_number) {
                InvalidGeometry(kind, text);
            }
            if (abc[0].number == 0 && abc[1].number == 0) {
                throw SqlError("22P02", "invalid line specification: A and B cannot both be zero");
            }
            Geometry line{kind, {}};
            line.a = abc[0].number;
            line.b = abc[1].number;
            line.c = abc[2].number;
            return line;
        }
        auto points = WrappedPoints(*top, kind == GeoKind::Box ? "(" : "([", &opener);
        if (!points || points->size() != 2) {
            InvalidGeometry(kind, text);
        }
        const GeoPoint p = (*points)[0];
        const GeoPoint q = (*points)[1];
        if (kind == GeoKind::Box) {
            return BoxOf(p, q);
        }
        if (kind == GeoKind::Line) {
            if (p.x == q.x && p.y == q.y) {
                throw SqlError("22P02", "invalid line specification: must be two distinct points");
            }
            return LineThrough(p, q);
        }
        return Geometry{kind, std::move(*points)};
    }
    case GeoKind::Path:
    case GeoKind::Polygon: {
        auto points = WrappedPoints(*top, kind == GeoKind::Path ? "([" : "(", &opener);
        if (!points || points->empty()) {
            InvalidGeometry(kind, text);
        }
        Geometry value{kind, std::move(*points)};
        value.closed = opener != '[';
        return value;
    }
    case GeoKind::Circle: {
        auto circle = ParseCircle(*top);
        if (!circle) {
            InvalidGeometry(kind, text);
        }
        return *circle;
    }
    }
    InvalidGeometry(kind, text);
}

std::string FormatGeometry(const Geometry &value) {
    std::string out;
    switch (value.kind) {
    case GeoKind::Point:
        AppendPoint(out, value.points[0]);
        break;
    case GeoKind::Lseg:
        out += '[';
        AppendPoints(out, value.points);
        out += ']';
        break;
    case GeoKind::Box:
        AppendPoints(out, value.points);
        break;
    case GeoKind::Path:
    case GeoKind::Polygon: {
        const bool open = value.kind == GeoKind::Path && !value.closed;
        out += open ? '[' : '(';
        AppendPoints(out, value.points);
        out += open ? ']' : ')';
        break;
    }
    case GeoKind::Line:
        out += '{';
        AppendFloat8(out, value.a, 1);
        out += ',';
        AppendFloat8(out, value.b, 1);
        out += ',';
        AppendFloat8(out, value.c, 1);
        out += '}';
        break;
    case GeoKind::Circle:
        out += '<';
        AppendPoint(out, value.points[0]);
        out += ',';
        AppendFloat8(out, value.radius, 1);
        out += '>';
        break;
    }
    return out;
}

std::string GeometryBinary(const Geometry &value) {
    std::string out;
    if (value.kind == GeoKind::Path) {
        out += static_cast<char>(value.closed ? 1 : 0);
    }
    if (value.kind == GeoKind::Path || value.kind == GeoKind::Polygon) {
        AppendBigEndian<int32_t>(out, static_cast<int32_t>(value.points.size()));
    }
    if (value.kind == GeoKind::Line) {
        AppendFloat8Binary(out, value.a);
        AppendFloat8Binary(out, value.b);
        AppendFloat8Binary(out, value.c);
        return out;
    }
    for (const auto &p : value.points) {
        AppendFloat8Binary(out, p.x);
        AppendFloat8Binary(out, p.y);
    }
    if (value.kind == GeoKind::Circle) {
        AppendFloat8Binary(out, value.radius);
    }
    return out;
}

Geometry GeometryFromBinary(GeoKind kind, std::string_view bytes) {
    BinaryReader reader(bytes);
    Geometry value{kind, {}};
    auto read_point = [&] {
        const double x = reader.ReadFloat8();
        const double y = reader.ReadFloat8();
        return GeoPoint{x, y};
    };
    size_t count = 1;
    switch (kind) {
    case GeoKind::Lseg:
    case GeoKind::Box:
        count = 2;
        break;
    case GeoKind::Path:
        value.closed = reader.ReadByte() != 0;
        [[fallthrough]];
    case GeoKind::Polygon: {
        const auto n = reader.Read<int32_t>();
        if (n <= 0 || static_cast<size_t>(n) > bytes.size() / 16) {
            throw SqlError("22P03",
                           std::string("invalid number of points in external \"") + GeoKindName(kind) + "\" value");
        }
        count = static_cast<size_t>(n);
        break;
    }
    case GeoKind::Line:
        value.a = reader.ReadFloat8();
        value.b = reader.ReadFloat8();
        value.c = reader.ReadFloat8();
        if (value.a == 0 && value.b == 0) {
            throw SqlError("22P02", "invalid line specification: A and B cannot both be zero");
        }
        return value;
    default:
        break;
    }
    for (size_t i = 0; i < count; i++) {
        value.points.push_back(read_point());
    }
    if (kind == GeoKind::Circle) {
        value.radius = reader.ReadFloat8();
        if (value.radius < 0) {
            throw SqlError("22P03", "invalid radius in external \"circle\" value");
        }
    }
    if (kind == GeoKind::Box) {
        return BoxOf(value.points[0], value.points[1]);
    }
    return value;
}

} // namespace duckgres::types
