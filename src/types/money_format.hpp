// money: PostgreSQL's text input and output of a 64-bit count of cents (lc_monetary C: "$1,234.56", "-$1.00").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace duckgres::types {

//! The cents `text` spells: '12.34', '$1,234.56', '(1.00)', '-$ 5', digits past the cents rounded half away from
//! zero. Throws SqlError 22P02 for malformed text, 22003 for a value out of range.
int64_t ParseMoney(std::string_view text);

//! `cents` as PostgreSQL prints money under the C locale: "$1,234.56", "-$0.01".
std::string FormatMoney(int64_t cents);

//! A computed amount of `cents` rounded to a whole cent as rint() does (halves to even); 22003 out of range.
int64_t MoneyFromDouble(double cents);

} // namespace duckgres::types
