// PostgreSQL array literal parsing (array_in's ArrayCount/ReadArrayStr) into dimensions and element texts.
#include "types/array_input.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"

namespace duckgres::types {

namespace {

constexpr size_t kMaxDimensions = 6;

class ArrayParser {
public:
    explicit ArrayParser(std::string_view text) : text_(text) {}

    ArrayLiteral Parse() {
        SkipSpace();
        std::vector<int64_t> declared;
        const bool has_declared = Peek() == '[';
        if (has_declared) {
            declared = ParseDimensionDecoration();
        }
        if (Peek() != '{') {
            Malformed(has_declared ? "Array contents must start with \"{\"."
                                   : "Array value must start with \"{\" or dimension information.");
        }
        pos_++;
        SkipSpace();
        if (Peek() == '}') { // empty array; only allowed at the top level
            pos_++;
        } else {
            ParseLevel(0);
        }
        SkipSpace();
        if (pos_ != text_.size()) {
            Malformed("Junk after closing right brace.");
        }
        if (has_declared) {
            bool matches = declared.size() == result_.dims.size();
            for (size_t i = 0; matches && i < declared.size(); i++) {
                matches = declared[i] == result_.dims[i];
            }
            if (!matches) {
                Malformed("Specified array dimensions do not match array contents.");
            }
        }
        return std::move(result_);
    }

private:
    [[noreturn]] void Malformed(const std::string &detail) const {
        throw SqlError("22P02", "malformed array literal: \"" + std::string(text_) + "\"", detail);
    }
    [[noreturn]] void Unexpected() const {
        if (pos_ >= text_.size()) {
            Malformed("Unexpected end of input.");
        }
        Malformed(std::string("Unexpected \"") + text_[pos_] + "\" character.");
    }

    char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void SkipSpace() {
        while (pos_ < text_.size() && IsAsciiSpace(text_[pos_])) {
            pos_++;
        }
    }

    //! "[lb:ub][ub]..." then "="; returns the sizes.
    std::vector<int64_t> ParseDimensionDecoration() {
        std::vector<int64_t> sizes;
        while (Peek() == '[') {
            pos_++;
            int64_t lower = 1;
            int64_t upper = ParseBound();
            if (Peek() == ':') {
                pos_++;
                lower = upper;
                upper = ParseBound();
            }
            if (Peek() != ']') {
                Malformed("Missing \"]\" after array dimensions.");
            }
            pos_++;
            if (upper < lower) {
                throw SqlError("2202E", "upper bound cannot be less than lower bound");
            }
            sizes.push_back(upper - lower + 1);
            if (sizes.size() > kMaxDimensions) {
                throw SqlError("54000", "number of array dimensions (" + std::to_string(sizes.size()) +
                                            ") exceeds the maximum allowed (" + std::to_string(kMaxDimensions) + ")");
            }
            SkipSpace();
        }
        if (Peek() != '=') {
            Malformed("Missing \"=\" after array dimensions.");
        }
        pos_++;
        SkipSpace();
        return sizes;
    }

    int64_t ParseBound() {
        SkipSpace();
        bool negative = false;
        if (Peek() == '+' || Peek() == '-') {
            negative = Peek() == '-';
            pos_++;
        }
        if (!IsAsciiDigit(Peek())) {
            Malformed("\"[\" must introduce explicitly-specified array dimensions.");
        }
        int64_t v = 0;
        while (IsAsciiDigit(Peek())) {
            v = v * 10 + (text_[pos_++] - '0');
            if (v > 0x7FFFFFFF) {
                throw SqlError("54000", "array bound is out of integer range");
            }
        }
        SkipSpace();
        return negative ? -v : v;
    }

    //! Called just after a '{' (and whitespace) at nesting `depth`, with a non-empty level ahead.
    void ParseLevel(size_t depth) {
        int64_t count = 0;
        // Whether this level holds sub-arrays: decided by its first item, and the same at every
        // level of this depth.
        const bool nested = Peek() == '{';
        if (depth < nested_at_.size() && nested_at_[depth] != nested) {
            Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
        if (depth >= nested_at_.size()) {
            nested_at_.push_back(nested);
        }
        while (true) {
            SkipSpace();
            if (nested) {
                if (Peek() != '{') {
                    Unexpected();
                }
                if (depth + 1 >= kMaxDimensions) {
                    throw SqlError("54000", "number of array dimensions (" + std::to_string(depth + 2) +
                                                ") exceeds the maximum allowed (" + std::to_string(kMaxDimensions) +
                                                ")");
                }
                pos_++;
                SkipSpace();
                if (Peek() == '}') {
                    Unexpected(); // "{{}}": empty sub-arrays are malformed
                }
                ParseLevel(depth + 1);
            } else {
                ParseElement();
            }
            count++;
            SkipSpace();
            if (Peek() == ',') {
                pos_++;
                continue;
            }
            if (Peek() == '}') {
                pos_++;
                break;
            }
            Unexpected();
        }
        if (depth >= result_.dims.size()) {
            result_.dims.resize(depth + 1, -1);
        }
        if (result_.dims[depth] == -1) {
            result_.dims[depth] = static_cast<int32_t>(count);
        } else if (result_.dims[depth] != count) {
            Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
    }

    void ParseElement() {
        std::string value;
        if (Peek() == '"') {
            pos_++;
            while (true) {
                if (pos_ >= text_.size()) {
                    Unexpected();
                }
                const char c = text_[pos_++];
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (pos_ >= text_.size()) {
                        Unexpected();
                    }
                    value += text_[pos_++];
                } else {
                    value += c;
                }
            }
            SkipSpace();
            if (Peek() != ',' && Peek() != '}') {
                Malformed("Incorrectly quoted array element.");
            }
            result_.elements.emplace_back(std::move(value));
            return;
        }
        bool escaped = false;
        size_t kept = 0; // length of `value` up to its last escaped or non-space character
        while (true) {
            if (pos_ >= text_.size()) {
                Unexpected();
            }
            const char c = text_[pos_];
            if (c == ',' || c == '}') {
                break;
            }
            if (c == '{' || c == '"') {
                Unexpected();
            }
            pos_++;
            if (c == '\\') {
                if (pos_ >= text_.size()) {
                    Unexpected();
                }
                value += text_[pos_++];
                escaped = true;
                kept = value.size();
            } else {
                value += c;
                if (!IsAsciiSpace(c)) {
                    kept = value.size();
                }
            }
        }
        value.resize(kept);
        if (value.empty() && !escaped) {
            Unexpected(); // "{1,,2}"
        }
        if (!escaped && EqualsIgnoreAsciiCase(value, "null")) {
            result_.elements.emplace_back(std::nullopt);
            return;
        }
        result_.elements.emplace_back(std::move(value));
    }

    std::string_view text_;
    size_t pos_ = 0;
    ArrayLiteral result_;
    std::vector<bool> nested_at_;
};

} // namespace

ArrayLiteral ParseArrayText(std::string_view text) {
    return ArrayParser(text).Parse();
}

} // namespace duckgres::types
