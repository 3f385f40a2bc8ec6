// PostgreSQL's json and jsonb values: a parsed JSON document, jsonb's canonical form and the texts both types print.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duckgres::types {

//! One JSON value; `begin`/`end` is its span in the text it was parsed from (json keeps its input text).
struct JsonValue {
    enum class Kind : uint8_t { Null, False, True, Number, String, Array, Object };
    Kind kind = Kind::Null;
    std::string scalar; //!< Number: its digits as written (canonical numeric text after Canonicalize); String: decoded
    std::vector<JsonValue> elements;
    std::vector<std::pair<std::string, JsonValue>> members;
    size_t begin = 0;
    size_t end = 0;

    bool IsContainer() const { return kind == Kind::Array || kind == Kind::Object; }
    //! The member named `key` (the last one of that name), or nullptr.
    const JsonValue *Member(std::string_view key) const;
    JsonValue *Member(std::string_view key);
};

//! Parses `text` as JSON; throws SqlError 22P02 (invalid input syntax for type json), 22P05 for \u0000 when `jsonb`.
JsonValue ParseJson(std::string_view text, bool jsonb);

//! jsonb's canonical form: object keys sorted by length then bytes with duplicates removed (the last wins), numbers
//! as PostgreSQL's numeric prints them.
void CanonicalizeJsonb(JsonValue &value);

//! Parses and canonicalizes: the jsonb a text denotes.
JsonValue ParseJsonb(std::string_view text);

//! jsonb's output text: {"a": 1, "b": [1, 2]}.
std::string JsonbText(const JsonValue &value);

//! jsonb_pretty(): four-space indentation, one member or element a line.
std::string JsonbPretty(const JsonValue &value);

//! `text` as a JSON string literal, escaped as PostgreSQL does.
void AppendJsonString(std::string &out, std::string_view text);

//! Whether two jsonb scalars or containers are equal (numbers by value).
bool JsonbEqual(const JsonValue &left, const JsonValue &right);

//! jsonb @>: whether `container` contains `contained`.
bool JsonbContains(const JsonValue &container, const JsonValue &contained);

} // namespace duckgres::types
