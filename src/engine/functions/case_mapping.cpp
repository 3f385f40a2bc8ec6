// upper(), lower() and initcap() of text with libc's wide-character case mapping in the C.UTF-8 locale.
#include "engine/functions/case_mapping.hpp"

#include "common/utf8.hpp"
#include "engine/functions/function_support.hpp"

#include <locale.h>
#include <span>
#include <wctype.h>

namespace duckgres::engine {

namespace {

//! The C.UTF-8 locale's character classes, opened once (the plain C locale, ASCII only, where it is missing).
class Utf8Locale {
public:
    Utf8Locale() : locale_(newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr))) {}
    ~Utf8Locale() {
        if (locale_ != static_cast<locale_t>(nullptr)) {
            freelocale(locale_);
        }
    }
    Utf8Locale(const Utf8Locale &) = delete;
    Utf8Locale &operator=(const Utf8Locale &) = delete;

    wint_t Upper(wint_t c) const { return Usable() ? towupper_l(c, locale_) : towupper(c); }
    wint_t Lower(wint_t c) const { return Usable() ? towlower_l(c, locale_) : towlower(c); }
    bool IsAlphanumeric(wint_t c) const { return Usable() ? iswalnum_l(c, locale_) != 0 : iswalnum(c) != 0; }

private:
    bool Usable() const { return locale_ != static_cast<locale_t>(nullptr); }

    locale_t locale_;
};

const Utf8Locale &TheUtf8Locale() {
    static const Utf8Locale locale;
    return locale;
}

//! The code point at `text[at]` (valid UTF-8), advancing `at` past it.
char32_t NextCodePoint(std::string_view text, size_t &at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t i = 1; i < length && at + i < text.size(); i++) {
        code = (code << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    }
    at += length;
    return code;
}

template <LetterCase kMapping>
std::string MapArgument(std::span<const std::string_view> arguments) {
    return MapLetterCase(arguments[0], kMapping);
}

} // namespace

std::string MapLetterCase(std::string_view text, LetterCase mapping) {
    const auto &locale = TheUtf8Locale();
    std::string out;
    out.reserve(text.size());
    bool after_alphanumeric = false;
    for (size_t at = 0; at < text.size();) {
        const auto code = static_cast<wint_t>(NextCodePoint(text, at));
        const bool upper = mapping == LetterCase::kUpper || (mapping == LetterCase::kInitcap && !after_alphanumeric);
        const wint_t mapped = upper ? locale.Upper(code) : locale.Lower(code);
        AppendUtf8(out, static_cast<char32_t>(mapped));
        after_alphanumeric = locale.IsAlphanumeric(mapped);
    }
    return out;
}

void RegisterCaseMappingFunctions(duckdb_connection connection) {
    RegisterStringFunction(connection, "duckgres_upper", {DUCKDB_TYPE_VARCHAR}, DUCKDB_TYPE_VARCHAR,
                           MapArgument<LetterCase::kUpper>);
    RegisterStringFunction(connection, "duckgres_lower", {DUCKDB_TYPE_VARCHAR}, DUCKDB_TYPE_VARCHAR,
                           MapArgument<LetterCase::kLower>);
    RegisterStringFunction(connection, "duckgres_initcap", {DUCKDB_TYPE_VARCHAR}, DUCKDB_TYPE_VARCHAR,
                           MapArgument<LetterCase::kInitcap>);
}

} // namespace duckgres::engine
