// PostgreSQL's bytea conversions: encode()/decode() formats (hex, base64, escape) and convert_to()/convert_from().
#pragma once

#include <string>
#include <string_view>

namespace duckgres::types {

//! encode(bytes, format): "hex" (lower-case digits), "base64" (lines of 76 characters) or "escape" (NUL and
//! bytes >= 0x80 as \ooo, a backslash doubled). Another format is 22023 `unrecognized encoding: "x"`.
std::string EncodeBytes(std::string_view bytes, std::string_view format);

//! decode(text, format), the inverse of EncodeBytes; malformed input is 22023 (hex, base64) or 22P02 (escape),
//! with PostgreSQL's messages.
std::string DecodeBytes(std::string_view text, std::string_view format);

//! Pairs of hex digits, blanks allowed between pairs (the part of bytea's hex input after "\x").
std::string DecodeHexBytes(std::string_view text);

//! bytea's escape format: `\\` is a backslash, `\ooo` an octal byte, any other byte itself; another backslash is
//! 22P02 `invalid input syntax for type bytea`.
std::string DecodeEscapeBytes(std::string_view text);

//! convert_to(text, encoding): the UTF-8 `text` in `encoding` (UTF8, LATIN1, SQL_ASCII and their aliases). An
//! unknown name is 22023 `invalid destination encoding name "x"`; a character LATIN1 lacks is 22P05.
std::string ConvertToEncoding(std::string_view text, std::string_view encoding);

//! convert_from(bytes, encoding): `bytes` in `encoding` as UTF-8 text. An unknown name is 22023 `invalid source
//! encoding name "x"`; bytes that are not valid UTF8 (or contain NUL) are 22021.
std::string ConvertFromEncoding(std::string_view bytes, std::string_view encoding);

} // namespace duckgres::types
