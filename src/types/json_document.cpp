// JSON parsing, jsonb canonicalization and the texts PostgreSQL prints for json and jsonb values.
#include "types/json_document.hpp"

#include "common/sql_error.hpp"
#include "common/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace duckgres::types {

namespace {

using Kind = JsonValue::Kind;

[[noreturn]] void Invalid(std::string_view detail) {
    throw SqlError("22P02", "invalid input syntax for type json: " + std::string(detail));
}

//! A recursive-descent JSON parser over one text (RFC 8259, as PostgreSQL's json input accepts it).
class JsonParser {
public:
    JsonParser(std::string_view text, bool jsonb) : text_(text), jsonb_(jsonb) {}

    JsonValue ParseDocument() {
        JsonValue value = ParseValue(0);
        SkipSpace();
        if (pos_ != text_.size()) {
            Invalid("Token \"" + std::string(text_.substr(pos_, 1)) + "\" is invalid.");
        }
        return value;
    }

private:
    void SkipSpace() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
            pos_++;
        }
    }

    char Peek() {
        SkipSpace();
        if (pos_ >= text_.size()) {
            Invalid("The input string ended unexpectedly.");
        }
        return text_[pos_];
    }

    void Expect(char c) {
        if (Peek() != c) {
            Invalid(std::string("Expected \"") + c + "\".");
        }
        pos_++;
    }

    JsonValue ParseValue(int depth) {
        if (depth > 6400) {
            throw SqlError("54001", "stack depth limit exceeded");
        }
        const char c = Peek();
        JsonValue value;
        value.begin = pos_;
        if (c == '{') {
            value.kind = Kind::Object;
            pos_++;
            if (Peek() != '}') {
                while (true) {
                    if (Peek() != '"') {
                        Invalid("Expected string.");
                    }
                    std::string key = ParseString();
                    Expect(':');
                    value.members.emplace_back(std::move(key), ParseValue(depth + 1));
                    if (Peek() == ',') {
                        pos_++;
                        continue;
                    }
                    break;
                }
            }
            Expect('}');
        } else if (c == '[') {
            value.kind = Kind::Array;
            pos_++;
            if (Peek() != ']') {
                while (true) {
                    value.elements.push_back(ParseValue(depth + 1));
                    if (Peek() == ',') {
                        pos_++;
                        continue;
                    }
                    break;
                }
            }
            Expect(']');
        } else if (c == '"') {
            value.kind = Kind::String;
            value.scalar = ParseString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value.kind = Kind::Number;
            value.scalar = ParseNumber();
        } else if (text_.substr(pos_, 4) == "true") {
            value.kind = Kind::True;
            pos_ += 4;
        } else if (text_.substr(pos_, 5) == "false") {
            value.kind = Kind::False;
            pos_ += 5;
        } else if (text_.substr(pos_, 4) == "null") {
            value.kind = Kind::Null;
            pos_ += 4;
        } else {
            Invalid("Token is invalid.");
        }
        if (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_') &&
            (value.kind == Kind::True || value.kind == Kind::False || value.kind == Kind::Null ||
             value.kind == Kind::Number)) {
            Invalid("Token is invalid.");
        }
        value.end = pos_;
        return value;
    }

    std::string ParseNumber() {
        const size_t start = pos_;
        if (text_[pos_] == '-') {
            pos_++;
        }
        auto digits = [&] {
            const size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
                pos_++;
            }
            return pos_ - from;
        };
        const size_t int_start = pos_;
        const size_t int_digits = digits();
        if (int_digits == 0 || (int_digits > 1 && text_[int_start] == '0')) {
            Invalid("Token is invalid.");
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            pos_++;
            if (digits() == 0) {
                Invalid("Token is invalid.");
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            pos_++;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
                pos_++;
            }
            if (digits() == 0) {
                Invalid("Token is invalid.");
            }
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    uint32_t Hex4() {
        if (pos_ + 4 > text_.size()) {
            Invalid("\"\\u\" must be followed by four hexadecimal digits.");
        }
        uint32_t code = 0;
        for (int i = 0; i < 4; i++) {
            const char h = text_[pos_++];
            code <<= 4;
            if (h >= '0' && h <= '9') {
                code |= h - '0';
            } else if (h >= 'a' && h <= 'f') {
                code |= h - 'a' + 10;
            } else if (h >= 'A' && h <= 'F') {
                code |= h - 'A' + 10;
            } else {
                Invalid("\"\\u\" must be followed by four hexadecimal digits.");
            }
        }
        return code;
    }

    std::string ParseString() {
        pos_++; // opening quote
        std::string out;
        while (true) {
            if (pos_ >= text_.size()) {
                Invalid("The input string ended unexpectedly.");
            }
            const char c = text_[pos_++];
            if (c == '"') {
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                Invalid("Character with value 0x" + std::to_string(static_cast<int>(c)) + " must be escaped.");
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) {
                Invalid("The input string ended unexpectedly.");
            }
            const char e = text_[pos_++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                uint32_t code = Hex4();
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (text_.substr(pos_, 2) != "\\u") {
                        Invalid("Unicode high surrogate must not follow a high surrogate.");
                    }
                    pos_ += 2;
                    const uint32_t low = Hex4();
                    if (low < 0xDC00 || low > 0xDFFF) {
                        Invalid("Unicode low surrogate must follow a high surrogate.");
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    Invalid("Unicode low surrogate must follow a high surrogate.");
                }
                if (code == 0 && jsonb_) {
                    throw SqlError("22P05", "unsupported Unicode escape sequence");
                }
                AppendUtf8(out, code);
                break;
            }
            default:
                Invalid("Escape sequence \"\\" + std::string(1, e) + "\" is invalid.");
            }
        }
    }

    std::string_view text_;
    bool jsonb_;
    size_t pos_ = 0;
};

//! A JSON number as PostgreSQL's numeric prints it: exponent applied, the scale kept, no negative zero.
std::string CanonicalNumber(std::string_view text) {
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    long exponent = 0;
    const auto e = text.find_first_of("eE");
    if (e != std::string_view::npos) {
        exponent = std::stol(std::string(text.substr(e + 1)));
        text = text.substr(0, e);
    }
    std::string digits;
    long scale = 0;
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) {
        digits = std::string(text);
    } else {
        digits = std::string(text.substr(0, dot)) + std::string(text.substr(dot + 1));
        scale = static_cast<long>(text.size() - dot - 1);
    }
    scale -= exponent;
    if (scale < 0) {
        digits.append(static_cast<size_t>(-scale), '0');
        scale = 0;
    }
    if (static_cast<long>(digits.size()) <= scale) {
        digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    }
    std::string integer = digits.substr(0, digits.size() - static_cast<size_t>(scale));
    const std::string fraction = digits.substr(digits.size() - static_cast<size_t>(scale));
    const auto first = integer.find_first_not_of('0');
    integer = first == std::string::npos ? "0" : integer.substr(first);
    const bool zero = integer == "0" && fraction.find_first_not_of('0') == std::string::npos;
    std::string out = negative && !zero ? "-" : "";
    out += integer;
    if (!fraction.empty()) {
        out += "." + fraction;
    }
    return out;
}

bool KeyLess(const std::string &a, const std::string &b) {
    if (a.size() != b.size()) {
        return a.size() < b.size();
    }
    return a < b;
}

void AppendScalar(std::string &out, const JsonValue &value) {
    switch (value.kind) {
    case Kind::Null:
        out += "null";
        break;
    case Kind::True:
        out += "true";
        break;
    case Kind::False:
        out += "false";
        break;
    case Kind::Number:
        out += value.scalar;
        break;
    case Kind::String:
        AppendJsonString(out, value.scalar);
        break;
    default:
        break;
    }
}

void AppendJsonb(std::string &out, const JsonValue &value) {
    if (value.kind == Kind::Object) {
        out += '{';
        bool first = true;
        for (const auto &[key, member] : value.members) {
            out += first ? "" : ", ";
            first = false;
            AppendJsonString(out, key);
            out += ": ";
            AppendJsonb(out, member);
        }
        out += '}';
    } else if (value.kind == Kind::Array) {
        out += '[';
        bool first = true;
        for (const auto &element : value.elements) {
            out += first ? "" : ", ";
            first = false;
            AppendJsonb(out, element);
        }
        out += ']';
    } else {
        AppendScalar(out, value);
    }
}

void AppendPretty(std::string &out, const JsonValue &value, int level) {
    const std::string indent(static_cast<size_t>(level + 1) * 4, ' ');
    const std::string closing(static_cast<size_t>(level) * 4, ' ');
    if (value.kind == Kind::Object) {
        out += "{\n";
        bool first = true;
        for (const auto &[key, member] : value.members) {
            out += first ? "" : ",\n";
            first = false;
            out += indent;
            AppendJsonString(out, key);
            out += ": ";
            AppendPretty(out, member, level + 1);
        }
        out += (value.members.empty() ? "" : "\n") + closing + "}";
    } else if (value.kind == Kind::Array) {
        out += "[\n";
        bool first = true;
        for (const auto &element : value.elements) {
            out += first ? "" : ",\n";
            first = false;
            out += indent;
            AppendPretty(out, element, level + 1);
        }
        out += (value.elements.empty() ? "" : "\n") + closing + "]";
    } else {
        AppendScalar(out, value);
    }
}

//! Compares two canonical numeric texts by value.
bool NumbersEqual(const std::string &a, const std::string &b) {
    auto trim = [](std::string s) {
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') {
                s.pop_back();
            }
            if (s.back() == '.') {
                s.pop_back();
            }
        }
        return s == "-0" ? std::string("0") : s;
    };
    return trim(a) == trim(b);
}

} // namespace

const JsonValue *JsonValue::Member(std::string_view key) const {
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
        if (it->first == key) {
            return &it->second;
        }
    }
    return nullptr;
}

JsonValue *JsonValue::Member(std::string_view key) {
    return const_cast<JsonValue *>(static_cast<const JsonValue *>(this)->Member(key));
}

JsonValue ParseJson(std::string_view text, bool jsonb) {
    return JsonParser(text, jsonb).ParseDocument();
}

void CanonicalizeJsonb(JsonValue &value) {
    if (value.kind == Kind::Number) {
        value.scalar = CanonicalNumber(value.scalar);
    }
    for (auto &element : value.elements) {
        CanonicalizeJsonb(element);
    }
    if (value.kind != Kind::Object) {
        return;
    }
    for (auto &member : value.members) {
        CanonicalizeJsonb(member.second);
    }
    std::stable_sort(value.members.begin(), value.members.end(),
                     [](const auto &a, const auto &b) { return KeyLess(a.first, b.first); });
    std::vector<std::pair<std::string, JsonValue>> unique;
    unique.reserve(value.members.size());
    for (auto &member : value.members) {
        if (!unique.empty() && unique.back().first == member.first) {
            unique.back().second = std::move(member.second);
        } else {
            unique.push_back(std::move(member));
        }
    }
    value.members = std::move(unique);
}

JsonValue ParseJsonb(std::string_view text) {
    JsonValue value = ParseJson(text, true);
    CanonicalizeJsonb(value);
    return value;
}

std::string JsonbText(const JsonValue &value) {
    std::string out;
    AppendJsonb(out, value);
    return out;
}

std::string JsonbPretty(const JsonValue &value) {
    std::string out;
    AppendPretty(out, value, 0);
    return out;
}

void AppendJsonString(std::string &out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += kHex[(c >> 4) & 0xF];
                out += kHex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

bool JsonbEqual(const JsonValue &left, const JsonValue &right) {
    if (left.kind != right.kind) {
        return false;
    }
    switch (left.kind) {
    case Kind::Number:
        return NumbersEqual(left.scalar, right.scalar);
    case Kind::String:
        return left.scalar == right.scalar;
    case Kind::Array:
        if (left.elements.size() != right.elements.size()) {
            return false;
        }
        for (size_t i = 0; i < left.elements.size(); i++) {
            if (!JsonbEqual(left.elements[i], right.elements[i])) {
                return false;
            }
        }
        return true;
    case Kind::Object:
        if (left.members.size() != right.members.size()) {
            return false;
        }
        for (const auto &[key, member] : left.members) {
            const JsonValue *other = right.Member(key);
            if (!other || !JsonbEqual(member, *other)) {
                return false;
            }
        }
        return true;
    default:
        return true;
    }
}

bool JsonbContains(const JsonValue &container, const JsonValue &contained) {
    if (container.kind == Kind::Array && !contained.IsContainer()) {
        // A top-level array contains a scalar it has as an element.
        return std::any_of(container.elements.begin(), container.elements.end(),
                           [&](const JsonValue &element) { return JsonbEqual(element, contained); });
    }
    if (container.kind != contained.kind) {
        return false;
    }
    if (container.kind == Kind::Object) {
        for (const auto &[key, member] : contained.members) {
            const JsonValue *mine = container.Member(key);
            if (!mine) {
                return false;
            }
            if (member.IsContainer() ? !(mine->kind == member.kind && JsonbContains(*mine, member))
                                     : !JsonbEqual(*mine, member)) {
                return false;
            }
        }
        return true;
    }
    if (container.kind == Kind::Array) {
        for (const auto &wanted : contained.elements) {
            const bool found = std::any_of(container.elements.begin(), container.elements.end(), [&](const auto &e) {
                return wanted.IsContainer() ? e.kind == wanted.kind && JsonbContains(e, wanted) : JsonbEqual(e, wanted);
            });
            if (!found) {
                return false;
            }
        }
        return true;
    }
    return JsonbEqual(container, contained);
}

} // namespace duckgres::types
