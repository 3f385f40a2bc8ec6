// jsonpath: a parser of the supported subset into steps and predicates, and their lax-mode evaluation.
#include "types/json_path.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

namespace duckgres::types {

namespace {

using Kind = JsonValue::Kind;
using Items = std::vector<const JsonValue *>;

struct Predicate;

//! `[n]`, `[last]`, `[last - n]`: an array position, resolved against the array's size.
struct Subscript {
    bool from_last = false;
    int64_t offset = 0;

    int64_t Resolve(size_t size) const { return from_last ? static_cast<int64_t>(size) - 1 + offset : offset; }
};

//! One accessor of a path.
struct Step {
    enum class Type { Member, AnyMember, AnyElement, Elements, Filter };
    Type type = Type::Member;
    std::string key;                                     //!< Member
    std::vector<std::pair<Subscript, Subscript>> ranges; //!< Elements: [from, to] each
    std::shared_ptr<const Predicate> filter;             //!< Filter
};

//! `$...` (from the document) or `@...` (from the item a filter tests).
struct Path {
    bool current = false;
    std::vector<Step> steps;
};

//! A comparison operand: a path or a literal.
struct Operand {
    std::optional<Path> path;
    JsonValue literal;
};

enum class Truth { False, True, Unknown };

struct Predicate {
    enum class Type { And, Or, Not, Compare, Exists };
    Type type = Type::Compare;
    std::string op; //!< Compare: == != < <= > >=
    std::shared_ptr<const Predicate> left, right;
    Operand left_operand, right_operand;
    Path exists; //!< Exists
};

class PathParser {
public:
    explicit PathParser(std::string_view text) : text_(text) {}

    Path ParseRoot() {
        SkipSpace();
        for (std::string_view mode : {"lax", "strict"}) {
            if (text_.substr(pos_).starts_with(mode) && pos_ + mode.size() < text_.size() &&
                IsAsciiSpace(text_[pos_ + mode.size()])) {
                pos_ += mode.size();
                break;
            }
        }
        SkipSpace();
        if (!Take('$')) {
            Fail();
        }
        Path path = ParseSteps(false);
        SkipSpace();
        if (pos_ != text_.size()) {
            Fail();
        }
        return path;
    }

private:
    [[noreturn]] void Fail() const {
        const std::string near = pos_ < text_.size() ? std::string(text_.substr(pos_)) : "end of jsonpath input";
        throw SqlError("42601", "syntax error at or near \"" + near + "\" of jsonpath input");
    }

    void SkipSpace() {
        while (pos_ < text_.size() && IsAsciiSpace(text_[pos_])) {
            pos_++;
        }
    }

    bool Take(char c) {
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == c) {
            pos_++;
            return true;
        }
        return false;
    }

    bool TakeWord(std::string_view word) {
        SkipSpace();
        if (!text_.substr(pos_).starts_with(word)) {
            return false;
        }
        const size_t end = pos_ + word.size();
        if (end < text_.size() && (IsAsciiAlnum(text_[end]) || text_[end] == '_')) {
            return false;
        }
        pos_ = end;
        return true;
    }

    std::string ParseString() {
        // At the opening quote.
        pos_++;
        std::string out;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            char c = text_[pos_++];
            if (c == '\\' && pos_ < text_.size()) {
                c = text_[pos_++];
                c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'b' ? '\b' : c == 'f' ? '\f' : c;
            }
            out += c;
        }
        if (!Take('"')) {
            Fail();
        }
        return out;
    }

    int64_t ParseInteger() {
        SkipSpace();
        const size_t start = pos_;
        if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) {
            pos_++;
        }
        while (pos_ < text_.size() && IsAsciiDigit(text_[pos_])) {
            pos_++;
        }
        if (pos_ == start || !IsAsciiDigit(text_[pos_ - 1])) {
            Fail();
        }
        return std::strtoll(std::string(text_.substr(start, pos_ - start)).c_str(), nullptr, 10);
    }

    Subscript ParseSubscript() {
        Subscript subscript;
        if (TakeWord("last")) {
            subscript.from_last = true;
            if (Take('-')) {
                subscript.offset = -ParseInteger();
            } else if (Take('+')) {
                subscript.offset = ParseInteger();
            }
            return subscript;
        }
        subscript.offset = ParseInteger();
        return subscript;
    }

    Path ParseSteps(bool current) {
        Path path;
        path.current = current;
        while (true) {
            SkipSpace();
            if (Take('.')) {
                Step step;
                SkipSpace();
                if (Take('*')) {
                    step.type = Step::Type::AnyMember;
                } else if (pos_ < text_.size() && text_[pos_] == '"') {
                    step.key = ParseString();
                } else {
                    const size_t start = pos_;
                    while (pos_ < text_.size() &&
                           (IsAsciiAlnum(text_[pos_]) || text_[pos_] == '_' || text_[pos_] == '$')) {
                        pos_++;
                    }
                    if (pos_ == start || (pos_ < text_.size() && text_[pos_] == '(')) {
                        Fail(); // no key, or an item method (.size(), .type()...), which is not supported
                    }
                    step.key = std::string(text_.substr(start, pos_ - start));
                }
                path.steps.push_back(std::move(step));
            } else if (Take('[')) {
                Step step;
                if (Take('*')) {
                    step.type = Step::Type::AnyElement;
                } else {
                    step.type = Step::Type::Elements;
                    do {
                        Subscript from = ParseSubscript();
                        Subscript to = TakeWord("to") ? ParseSubscript() : from;
                        step.ranges.emplace_back(from, to);
                    } while (Take(','));
                }
                if (!Take(']')) {
                    Fail();
                }
                path.steps.push_back(std::move(step));
            } else if (Take('?')) {
                if (!Take('(')) {
                    Fail();
                }
                Step step;
                step.type = Step::Type::Filter;
                step.filter = ParseOr();
                if (!Take(')')) {
                    Fail();
                }
                path.steps.push_back(std::move(step));
            } else {
                return path;
            }
        }
    }

    std::shared_ptr<const Predicate> Combine(Predicate::Type type, std::shared_ptr<const Predicate> left,
                                             std::shared_ptr<const Predicate> right) {
        auto combined = std::make_shared<Predicate>();
        combined->type = type;
        combined->left = std::move(left);
        combined->right = std::move(right);
        return combined;
    }

    std::shared_ptr<const Predicate> ParseOr() {
        auto left = ParseAnd();
        while (TakeSymbol("||")) {
            left = Combine(Predicate::Type::Or, left, ParseAnd());
        }
        return left;
    }

    std::shared_ptr<const Predicate> ParseAnd() {
        auto left = ParseUnary();
        while (TakeSymbol("&&")) {
            left = Combine(Predicate::Type::And, left, ParseUnary());
        }
        return left;
    }

    bool TakeSymbol(std::string_view symbol) {
        SkipSpace();
        if (text_.substr(pos_).starts_with(symbol)) {
            pos_ += symbol.size();
            return true;
        }
        return false;
    }

    std::shared_ptr<const Predicate> ParseUnary() {
        SkipSpace();
        if (pos_ + 1 < text_.size() && text_[pos_] == '!' && text_[pos_ + 1] != '=') {
            pos_++;
            return Combine(Predicate::Type::Not, ParseUnary(), nullptr);
        }
        if (TakeWord("exists")) {
            if (!Take('(')) {
                Fail();
            }
            auto exists = std::make_shared<Predicate>();
            exists->type = Predicate::Type::Exists;
            exists->exists = ParseOperandPath();
            if (!Take(')')) {
                Fail();
            }
            return exists;
        }
        // A parenthesized predicate, or a comparison.
        const size_t start = pos_;
        if (Take('(')) {
            auto inner = ParseOr();
            if (Take(')')) {
                return inner;
            }
            pos_ = start;
        }
        auto compare = std::make_shared<Predicate>();
        compare->left_operand = ParseOperand();
        for (std::string_view op : {"==", "!=", "<>", "<=", ">=", "<", ">"}) {
            if (TakeSymbol(op)) {
                compare->op = op == "<>" ? "!=" : std::string(op);
                break;
            }
        }
        if (compare->op.empty()) {
            Fail();
        }
        compare->right_operand = ParseOperand();
        return compare;
    }

    Path ParseOperandPath() {
        if (Take('@')) {
            return ParseSteps(true);
        }
        if (Take('$')) {
            return ParseSteps(false);
        }
        Fail();
    }

    Operand ParseOperand() {
        SkipSpace();
        Operand operand;
        if (pos_ < text_.size() && (text_[pos_] == '@' || text_[pos_] == '$')) {
            operand.path = ParseOperandPath();
        } else if (pos_ < text_.size() && text_[pos_] == '"') {
            operand.literal.kind = Kind::String;
            operand.literal.scalar = ParseString();
        } else if (TakeWord("true")) {
            operand.literal.kind = Kind::True;
        } else if (TakeWord("false")) {
            operand.literal.kind = Kind::False;
        } else if (TakeWord("null")) {
            operand.literal.kind = Kind::Null;
        } else {
            const size_t start = pos_;
            while (pos_ < text_.size() && (IsAsciiDigit(text_[pos_]) || text_[pos_] == '.' || text_[pos_] == '-' ||
                                           text_[pos_] == '+' || text_[pos_] == 'e' || text_[pos_] == 'E')) {
                pos_++;
            }
            if (pos_ == start) {
                Fail();
            }
            operand.literal.kind = Kind::Number;
            operand.literal.scalar = std::string(text_.substr(start, pos_ - start));
        }
        return operand;
    }

    std::string_view text_;
    size_t pos_ = 0;
};

class PathEvaluator {
public:
    explicit PathEvaluator(const JsonValue &root) : root_(root) {}

    Items Evaluate(const Path &path, const JsonValue *current) const {
        Items items{path.current ? current : &root_};
        for (const auto &step : path.steps) {
            Items next;
            for (const auto *item : items) {
                Apply(step, *item, next, true);
            }
            items = std::move(next);
        }
        return items;
    }

private:
    void Apply(const Step &step, const JsonValue &item, Items &out, bool unwrap) const {
        using Type = Step::Type;
        const bool array = item.kind == Kind::Array;
        if (array && unwrap &&
            (step.type == Type::Member || step.type == Type::AnyMember || step.type == Type::Filter)) {
            for (const auto &element : item.elements) {
                Apply(step, element, out, false); // lax mode: the array's elements
            }
            return;
        }
        switch (step.type) {
        case Type::Member:
            if (const auto *member = item.kind == Kind::Object ? item.Member(step.key) : nullptr) {
                out.push_back(member);
            }
            break;
        case Type::AnyMember:
            for (const auto &member : item.members) {
                out.push_back(&member.second);
            }
            break;
        case Type::AnyElement:
            if (array) {
                for (const auto &element : item.elements) {
                    out.push_back(&element);
                }
            } else {
                out.push_back(&item); // lax mode: a non-array is an array of itself
            }
            break;
        case Type::Elements: {
            const size_t size = array ? item.elements.size() : 1;
            for (const auto &[from, to] : step.ranges) {
                for (int64_t i = std::max<int64_t>(from.Resolve(size), 0);
                     i <= to.Resolve(size) && i < static_cast<int64_t>(size); i++) {
                    out.push_back(array ? &item.elements[i] : &item);
                }
            }
            break;
        }
        case Type::Filter:
            if (Test(*step.filter, item) == Truth::True) {
                out.push_back(&item);
            }
            break;
        }
    }

    Truth Test(const Predicate &predicate, const JsonValue &current) const {
        using Type = Predicate::Type;
        switch (predicate.type) {
        case Type::And:
        case Type::Or: {
            // Three-valued: the value that decides (false for AND, true for OR) wins, then unknown.
            const Truth decides = predicate.type == Type::And ? Truth::False : Truth::True;
            const Truth left = Test(*predicate.left, current);
            const Truth right = left == decides ? decides : Test(*predicate.right, current);
            if (left == decides || right == decides) {
                return decides;
            }
            return left == Truth::Unknown || right == Truth::Unknown ? Truth::Unknown : left;
        }
        case Type::Not: {
            const Truth inner = Test(*predicate.left, current);
            return inner == Truth::Unknown ? inner : inner == Truth::True ? Truth::False : Truth::True;
        }
        case Type::Exists:
            return Evaluate(predicate.exists, &current).empty() ? Truth::False : Truth::True;
        case Type::Compare:
            break;
        }
        const Items left = Operands(predicate.left_operand, current);
        const Items right = Operands(predicate.right_operand, current);
        bool unknown = false;
        for (const auto *a : left) {
            for (const auto *b : right) {
                const Truth truth = Compare(*a, *b, predicate.op);
                if (truth == Truth::True) {
                    return truth;
                }
                unknown |= truth == Truth::Unknown;
            }
        }
        return unknown ? Truth::Unknown : Truth::False;
    }

    //! A comparison operand's items, arrays unwrapped (lax mode).
    Items Operands(const Operand &operand, const JsonValue &current) const {
        if (!operand.path) {
            return {&operand.literal};
        }
        Items items;
        for (const auto *item : Evaluate(*operand.path, &current)) {
            if (item->kind == Kind::Array) {
                for (const auto &element : item->elements) {
                    items.push_back(&element);
                }
            } else {
                items.push_back(item);
            }
        }
        return items;
    }

    static Truth Compare(const JsonValue &a, const JsonValue &b, const std::string &op) {
        const bool a_bool = a.kind == Kind::True || a.kind == Kind::False;
        const bool b_bool = b.kind == Kind::True || b.kind == Kind::False;
        if (a.kind != b.kind && !(a_bool && b_bool)) {
            if (a.kind == Kind::Null || b.kind == Kind::Null) {
                return op == "!=" ? Truth::True : Truth::False;
            }
            return Truth::Unknown; // values of different types do not compare
        }
        int order = 0;
        switch (a.kind) {
        case Kind::Number: {
            const double x = std::strtod(a.scalar.c_str(), nullptr);
            const double y = std::strtod(b.scalar.c_str(), nullptr);
            order = x < y ? -1 : x > y ? 1 : 0;
            break;
        }
        case Kind::String:
            order = a.scalar.compare(b.scalar);
            order = order < 0 ? -1 : order > 0 ? 1 : 0;
            break;
        case Kind::True:
        case Kind::False:
            order = static_cast<int>(a.kind == Kind::True) - static_cast<int>(b.kind == Kind::True);
            break;
        case Kind::Null:
            break;
        default:
            return Truth::Unknown; // arrays and objects do not compare
        }
        const bool result = op == "=="   ? order == 0
                            : op == "!=" ? order != 0
                            : op == "<"  ? order < 0
                            : op == "<=" ? order <= 0
                            : op == ">"  ? order > 0
                                         : order >= 0;
        return result ? Truth::True : Truth::False;
    }

    const JsonValue &root_;
};

} // namespace

std::vector<const JsonValue *> EvaluateJsonPath(const JsonValue &document, std::string_view path) {
    const Path parsed = PathParser(path).ParseRoot();
    return PathEvaluator(document).Evaluate(parsed, &document);
}

} // namespace duckgres::types
