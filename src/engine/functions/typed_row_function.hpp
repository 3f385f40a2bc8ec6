// Registered functions over money, the geometric types and plain scalars, computed one row at a time.
#pragma once

#include "engine/functions/function_support.hpp"
#include "types/geometry.hpp"

#include <span>
#include <variant>

namespace duckgres::engine {

//! A parameter or result type: the geometric types (VARCHAR aliases holding their canonical text), money (a BIGINT
//! alias holding cents) and the plain types they meet.
enum class Slot { Point, Lseg, Path, Box, Polygon, Line, Circle, Money, Double, BigInt, Int4, Bool, Text };

//! One argument of one row: a geometric value parsed, a number, a flag or text.
struct Cell {
    types::Geometry geo;
    double number = 0;
    int64_t integer = 0; //!< BigInt, Int4 and Money (cents)
    bool flag = false;
    std::string_view text;
};

//! A row's result: NULL (monostate), a geometric value, text, a double, an integer (BigInt, Int4, Money), a flag.
using CellResult = std::variant<std::monostate, types::Geometry, std::string, double, int64_t, bool>;
using TypedRowFunction = CellResult (*)(std::span<const Cell>);

struct TypedFunctionRow {
    const char *name;
    std::vector<Slot> parameters;
    Slot result;
    TypedRowFunction function;
};

//! The DuckDB type of `slot` (the aliases registered by RegisterSlotTypes).
LogicalTypeHandle SlotLogicalType(Slot slot);

//! The geometric kind of a geometric slot.
types::GeoKind SlotGeoKind(Slot slot);

//! Registers the functions of `rows`, each name one function set of its overloads (rows of one name adjacent): NULL
//! when any argument is NULL, a SqlError ends the statement with its SQLSTATE.
void RegisterTypedFunctions(duckdb_connection connection, std::span<const TypedFunctionRow> rows);

} // namespace duckgres::engine
