// Puts the values of PL/pgSQL variables into the SQL text of a DO block's statements and expressions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::sql::plpgsql {

//! A value as PL/pgSQL holds it: PostgreSQL's text of it and its SQL type ("" when untyped), or NULL.
struct BoundValue {
    std::optional<std::string> text;
    std::string type;
};

//! The value of variable `name` (with `field`, of record `name`'s column `field`); nullopt when there is none.
using VariableLookup = std::function<std::optional<BoundValue>(std::string_view name, std::string_view field)>;

//! The value as an SQL literal: CAST('text' AS type), 'text' when untyped, NULL (CAST(NULL AS type)).
std::string BoundLiteral(const BoundValue &value);

//! `sql` with each column reference that names a variable (`x`, `rec.field`) and each `$n` (`parameters[n - 1]`)
//! replaced by its value's literal. Text the PostgreSQL grammar rejects comes back as it is.
std::string SubstituteVariables(std::string_view sql, const VariableLookup &lookup,
                                const std::vector<BoundValue> &parameters = {});

//! The expression of an assignment ("x := x + 1" -> "x + 1"); nullopt when its target is not a plain variable name.
std::optional<std::string> AssignedExpression(std::string_view assignment);

} // namespace duckgres::sql::plpgsql
