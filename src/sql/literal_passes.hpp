// Rewrite passes for constants DuckDB would read otherwise: numerics with their own scale, bytea input text.
#pragma once

#include "sql/pass_context.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace pg_query {
class TypeName;
} // namespace pg_query

namespace duckgres::sql {

//! A finite numeric constant as PostgreSQL's numeric input reads it: its plain decimal text and the smallest
//! DECIMAL(precision, scale) that holds it with PostgreSQL's display scale (digits after the point, less the
//! exponent, never below 0). "1.0e2" is {"100", 3, 0}, " -0.50 " {"-0.50", 2, 2}, "1e-3" {"0.001", 3, 3}.
struct NumericLiteral {
    std::string text;
    int precision = 1;
    int scale = 0;
};

//! The literal `text` stands for; nullopt for NaN, Infinity, malformed text and values needing more than 38 digits
//! (beyond DuckDB's DECIMAL).
std::optional<NumericLiteral> ReadNumericLiteral(std::string_view text);

//! The type name is numeric (or decimal, pg_catalog.numeric) without modifiers or array bounds.
bool IsUnconstrainedNumeric(const pg_query::TypeName &type);

//! The text of `'text'::numeric(p,s)` whose modifiers are the literal's own shape, as TypeNumericConstants types
//! numeric constants ('1.50'::numeric(3,2)); nullopt for anything else (another typmod would round it first).
std::optional<std::string> OwnShapeNumericText(const pg_query::Node &node);

//! `'text'::numeric(precision, scale)`: the constant as the DECIMAL of its own shape.
pg_query::Node TypedNumeric(const NumericLiteral &literal);

//! A constant cast to unconstrained numeric (1.25::numeric, numeric '0.1', '1e3'::decimal) becomes its own
//! DECIMAL(p,s) ('1.25'::numeric(3,2)), where DuckDB's numeric would be DECIMAL(18,3); a numeric literal with an
//! exponent (1e3, numeric in PostgreSQL, DOUBLE in DuckDB) likewise; `$n::numeric` whose parameter the session typed
//! from its value ($n::numeric(38,s)) keeps that type; a float literal cast to real or double precision is read
//! from its text (not through a DECIMAL). Returns true when it changed the node.
bool TypeNumericConstants(pg_query::Node &node, PassContext &context);

//! A string constant cast to bytea ('\x0102'::bytea, bytea 'abc') is cast to varchar first: DuckDB reads a literal
//! with its own blob syntax at bind time, but a varchar through the registered cast that reads PostgreSQL's bytea
//! input (engine/functions/bytea_functions.cpp). Returns true when it changed the node.
bool ReadByteaConstants(pg_query::Node &node, PassContext &context);

//! A string constant cast to date, time, timetz, timestamp or timestamptz ('01/02/2024'::date, timestamptz
//! '2024-01-15 12:00+00', 'today'::date) is read as PostgreSQL reads a constant, when the statement is parsed, with the
//! session's DateStyle order and TimeZone (RewriteContext::text_options), and replaced by its ISO text, which the casts
//! read alike in every session. Errors are PostgreSQL's (22007, 22008), except for timetz and timestamptz, whose text
//! is left to DuckDB's cast when it does not parse (and for BC timestamptz, which DuckDB cannot read back); 'now' is
//! left to the cast (a statement described once may run many times). Returns true when it changed the node.
bool ReadDateTimeConstants(pg_query::Node &node, PassContext &context);

//! A bare string constant stored into, or compared with, a date/time column (INSERT ... VALUES, UPDATE ... SET, col =
//! '03/04/2024') is read as that column's type with the session's DateStyle order and replaced by its ISO text: the
//! registered text -> date/time casts that read it otherwise have no session and read MDY. Only under DMY or YMD
//! (MDY needs no rewrite and no catalog lookup). Errors as ReadDateTimeConstants. Returns true when it changed the
//! node.
bool ReadDateTimeColumnConstants(pg_query::Node &node, PassContext &context);

//! The parameters `statement` casts to unconstrained numeric ($1::numeric): their DECIMAL scale must come from the
//! value bound (the session re-types them at Bind; TypeNumericConstants keeps that type).
std::set<int32_t> ValueScaledParameters(const pg_query::Node &statement);

} // namespace duckgres::sql
