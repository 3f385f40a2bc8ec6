// tsquery: input parsing (with or without a normalizing configuration), stop word cleanup, output text and binary.
#include "types/tsquery.hpp"

#include "common/sql_error.hpp"
#include "types/tsvector.hpp"

#include <algorithm>
#include <string>

namespace duckgres::types {

namespace {

using Kind = TsQueryNode::Kind;

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsOperatorChar(char c) {
    return c == '!' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<';
}

int Priority(Kind kind) {
    switch (kind) {
    case Kind::Or:
        return 1;
    case Kind::And:
        return 2;
    case Kind::Phrase:
        return 3;
    case Kind::Not:
        return 4;
    default:
        return 5;
    }
}

[[noreturn]] void ThrowTooDeep() {
    throw SqlError("54001", "stack depth limit exceeded",
                   "A tsquery may nest at most " + std::to_string(kMaxTsQueryDepth) + " operators deep.");
}

//! Reads tsquery syntax by precedence climbing: | below & below <-> below !, binary operators left-associative.
class QueryParser {
public:
    QueryParser(std::string_view text, const TsQueryReading &reading) : text_(text), reading_(reading) {}

    TsQuery Parse() {
        SkipSpaces();
        if (pos_ >= text_.size()) {
            return query_;
        }
        query_.root = ParseBinary(1);
        SkipSpaces();
        if (pos_ < text_.size()) {
            SyntaxError();
        }
        return query_;
    }

private:
    [[noreturn]] void SyntaxError() const {
        throw SqlError("42601", "syntax error in tsquery: \"" + std::string(text_) + "\"");
    }

    void SkipSpaces() {
        while (pos_ < text_.size() && IsSpace(text_[pos_])) {
            pos_++;
        }
    }

    //! The binary operator at the reading position (not consumed), if any.
    bool PeekOperator(Kind &kind, uint16_t &distance, size_t &length) {
        SkipSpaces();
        if (pos_ >= text_.size()) {
            return false;
        }
        const char c = text_[pos_];
        if (c == '&' || c == '|') {
            kind = c == '&' ? Kind::And : Kind::Or;
            length = 1;
            return true;
        }
        if (c != '<') {
            if (c != ')') {
                SyntaxError();
            }
            return false;
        }
        size_t i = pos_ + 1;
        if (i < text_.size() && text_[i] == '-') {
            if (i + 2 < text_.size() + 1 && text_.substr(i, 2) == "->") {
                kind = Kind::Phrase;
                distance = 1;
                length = 3;
                return true;
            }
            SyntaxError();
        }
        uint32_t value = 0;
        const size_t digits = i;
        while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') {
            value = std::min<uint32_t>(value * 10 + (text_[i] - '0'), 100000);
            i++;
        }
        if (i == digits || i >= text_.size() || text_[i] != '>') {
            SyntaxError();
        }
        if (value > kMaxTsPosition + 1) {
            throw SqlError("22023", "distance in phrase operator must be an integer value between zero and 16384 "
                                    "inclusive");
        }
        kind = Kind::Phrase;
        distance = static_cast<uint16_t>(value);
        length = i + 1 - pos_;
        return true;
    }

    int ParseBinary(int min_priority) {
        int left = ParseUnary();
        while (true) {
            Kind kind;
            uint16_t distance = 1;
            size_t length = 0;
            if (!PeekOperator(kind, distance, length) || Priority(kind) < min_priority) {
                return left;
            }
            pos_ += length;
            const int right = ParseBinary(Priority(kind) + 1);
            left = query_.Operator(kind, left, right, distance);
        }
    }

    int ParseUnary() {
        // ! and ( recurse before any node is added: their nesting is counted here.
        if (++nesting_ > kMaxTsQueryDepth) {
            ThrowTooDeep();
        }
        const int node = ParseUnaryNested();
        nesting_--;
        return node;
    }

    int ParseUnaryNested() {
        SkipSpaces();
        if (pos_ >= text_.size()) {
            throw SqlError("42601", "no operand in tsquery: \"" + std::string(text_) + "\"");
        }
        const char c = text_[pos_];
        if (c == '!') {
            pos_++;
            const int operand = ParseUnary();
            return query_.Operator(Kind::Not, operand, -1);
        }
        if (c == '(') {
            pos_++;
            const int inner = ParseBinary(1);
            SkipSpaces();
            if (pos_ >= text_.size() || text_[pos_] != ')') {
                SyntaxError();
            }
            pos_++;
            return inner;
        }
        if (c == ')' || c == '&' || c == '|' || c == '<' || c == ':') {
            SyntaxError();
        }
        return ParseOperand();
    }

    int ParseOperand() {
        std::string word;
        if (text_[pos_] == '\'') {
            pos_++;
            bool closed = false;
            while (pos_ < text_.size()) {
                const char c = text_[pos_];
                if (c == '\\' && pos_ + 1 < text_.size()) {
                    word += text_[pos_ + 1];
                    pos_ += 2;
                } else if (c == '\'') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
                        word += '\'';
                        pos_ += 2;
                    } else {
                        pos_++;
                        closed = true;
                        break;
                    }
                } else {
                    word += c;
                    pos_++;
                }
            }
            if (!closed) {
                SyntaxError();
            }
        } else {
            while (pos_ < text_.size() && !IsSpace(text_[pos_]) && !IsOperatorChar(text_[pos_]) && text_[pos_] != ':') {
                if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                    pos_++;
                }
                word += text_[pos_++];
            }
        }
        uint8_t weights = 0;
        bool prefix = false;
        if (pos_ < text_.size() && text_[pos_] == ':') {
            pos_++;
            while (pos_ < text_.size()) {
                const char c = text_[pos_];
                if (c == '*') {
                    prefix = true;
                } else if (TsWeightCode(c) >= 0) {
                    weights |= static_cast<uint8_t>(1 << TsWeightCode(c));
                } else {
                    break;
                }
                pos_++;
            }
        }
        if (!reading_.normalize) {
            if (word.empty()) {
                SyntaxError();
            }
            return query_.Operand(std::move(word), weights, prefix);
        }
        return AddNormalizedOperand(query_, reading_.normalize(word, reading_.context), reading_.join, weights, prefix);
    }

    std::string_view text_;
    const TsQueryReading &reading_;
    TsQuery query_;
    size_t pos_ = 0;
    int nesting_ = 0; //!< ! and ( being read, one inside the other
};

//! A subtree of the cleaned query with the phrase distance its removed stop words leave on either side.
struct Cleaned {
    int node = -1;
    int left_gap = 0;
    int right_gap = 0;
};

Cleaned Clean(const TsQuery &from, int index, TsQuery &into) {
    const TsQueryNode &node = from.nodes[index];
    if (node.kind == Kind::Operand) {
        if (node.stop) {
            return {};
        }
        return {into.Add(node), 0, 0};
    }
    if (node.kind == Kind::Not) {
        Cleaned inner = Clean(from, node.left, into);
        if (inner.node < 0) {
            return {-1, inner.left_gap, inner.right_gap};
        }
        return {into.Operator(Kind::Not, inner.node, -1), inner.left_gap, inner.right_gap};
    }
    const Cleaned left = Clean(from, node.left, into);
    const Cleaned right = Clean(from, node.right, into);
    const bool phrase = node.kind == Kind::Phrase;
    const int distance = phrase ? node.distance : 0;
    if (left.node < 0 && right.node < 0) {
        const int gap = phrase ? left.left_gap + distance + right.left_gap : std::max(left.left_gap, right.left_gap);
        return {-1, gap, gap};
    }
    if (left.node < 0) {
        return {right.node, phrase ? left.left_gap + distance + right.left_gap : right.left_gap, right.right_gap};
    }
    if (right.node < 0) {
        return {left.node, left.left_gap, phrase ? left.right_gap + distance + right.right_gap : left.right_gap};
    }
    const int combined = left.right_gap + right.left_gap;
    const int out = into.Operator(node.kind, left.node, right.node,
                                  static_cast<uint16_t>(phrase ? std::min(distance + combined, 16384) : 1));
    return phrase ? Cleaned{out, left.left_gap, right.right_gap} : Cleaned{out, 0, 0};
}

void AppendOperand(std::string &out, const TsQueryNode &node) {
    out += '\'';
    for (char c : node.operand) {
        if (c == '\'' || c == '\\') {
            out += c;
        }
        out += c;
    }
    out += '\'';
    if (node.weights || node.prefix) {
        out += ':';
        if (node.prefix) {
            out += '*';
        }
        static constexpr std::pair<uint8_t, char> kLetters[] = {{8, 'A'}, {4, 'B'}, {2, 'C'}, {1, 'D'}};
        for (const auto &[bit, letter] : kLetters) {
            if (node.weights & bit) {
                out += letter;
            }
        }
    }
}

void AppendInfix(std::string &out, const TsQuery &query, int index, int parent_priority, bool right_of_phrase) {
    const TsQueryNode &node = query.nodes[index];
    if (node.kind == Kind::Operand) {
        AppendOperand(out, node);
        return;
    }
    const int priority = Priority(node.kind);
    const bool parens = priority < parent_priority || (node.kind == Kind::Phrase && right_of_phrase);
    if (parens) {
        out += "( ";
    }
    if (node.kind == Kind::Not) {
        out += '!';
        AppendInfix(out, query, node.left, priority, false);
    } else {
        AppendInfix(out, query, node.left, priority, false);
        switch (node.kind) {
        case Kind::And:
            out += " & ";
            break;
        case Kind::Or:
            out += " | ";
            break;
        default:
            out += node.distance == 1 ? " <-> " : " <" + std::to_string(node.distance) + "> ";
        }
        AppendInfix(out, query, node.right, priority, node.kind == Kind::Phrase);
    }
    if (parens) {
        out += " )";
    }
}

void AppendItems(std::string &out, const TsQuery &query, int index) {
    const TsQueryNode &node = query.nodes[index];
    if (node.kind == Kind::Operand) {
        out += '\x01';
        out += static_cast<char>(node.weights);
        out += static_cast<char>(node.prefix ? 1 : 0);
        out += node.operand;
        out += '\0';
        return;
    }
    out += '\x02';
    switch (node.kind) {
    case Kind::Not:
        out += '\x01';
        AppendItems(out, query, node.left);
        return;
    case Kind::And:
        out += '\x02';
        break;
    case Kind::Or:
        out += '\x03';
        break;
    default:
        out += '\x04';
        out += static_cast<char>(node.distance >> 8);
        out += static_cast<char>(node.distance & 0xff);
    }
    AppendItems(out, query, node.right);
    AppendItems(out, query, node.left);
}

} // namespace

int TsQuery::Add(TsQueryNode node) {
    node.depth = 1;
    for (const int child : {node.left, node.right}) {
        if (child >= 0) {
            node.depth = std::max(node.depth, nodes[child].depth + 1);
        }
    }
    if (node.depth > kMaxTsQueryDepth) {
        ThrowTooDeep();
    }
    nodes.push_back(std::move(node));
    return static_cast<int>(nodes.size()) - 1;
}

int TsQuery::Operand(std::string lexeme, uint8_t weights, bool prefix) {
    TsQueryNode node;
    node.operand = std::move(lexeme);
    node.weights = weights;
    node.prefix = prefix;
    return Add(std::move(node));
}

int TsQuery::Operator(TsQueryNode::Kind kind, int left, int right, uint16_t distance) {
    TsQueryNode node;
    node.kind = kind;
    node.left = left;
    node.right = right;
    node.distance = distance;
    return Add(std::move(node));
}

int AddNormalizedOperand(TsQuery &query, const std::vector<TsWordLexeme> &lexemes, TsQueryNode::Kind join,
                         uint8_t weights, bool prefix) {
    if (lexemes.empty()) {
        TsQueryNode stop;
        stop.stop = true;
        return query.Add(std::move(stop));
    }
    int tree = -1;
    int position = 0;
    auto append = [&](int node) { tree = tree < 0 ? node : query.Operator(join, tree, node, 1); };
    for (size_t i = 0; i < lexemes.size();) {
        // Placeholders for the stop words between two lexemes.
        if (position > 0) {
            while (position + 1 < lexemes[i].position) {
                TsQueryNode stop;
                stop.stop = true;
                append(query.Add(std::move(stop)));
                position++;
            }
        }
        position = lexemes[i].position;
        // Variants at one position are alternatives.
        int variants = -1;
        for (; i < lexemes.size() && lexemes[i].position == position; i++) {
            const int operand = query.Operand(lexemes[i].lexeme, weights, prefix);
            variants = variants < 0 ? operand : query.Operator(Kind::Or, variants, operand);
        }
        append(variants);
    }
    return tree;
}

TsQuery ParseTsQuery(std::string_view text, const TsQueryReading &reading) {
    QueryParser parser(text, reading);
    TsQuery query = parser.Parse();
    return reading.normalize ? CleanTsQuery(query) : query;
}

TsQuery CleanTsQuery(const TsQuery &query) {
    TsQuery out;
    if (query.root >= 0) {
        out.root = Clean(query, query.root, out).node;
    }
    return out;
}

std::string FormatTsQuery(const TsQuery &query) {
    std::string out;
    if (query.root >= 0) {
        AppendInfix(out, query, query.root, -1, false);
    }
    return out;
}

std::string TsQueryBinary(const TsQuery &query) {
    const auto count = static_cast<uint32_t>(TsQueryNodeCount(query));
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((count >> shift) & 0xff);
    }
    if (query.root >= 0) {
        AppendItems(out, query, query.root);
    }
    return out;
}

int TsQueryNodeCount(const TsQuery &query) {
    if (query.root < 0) {
        return 0;
    }
    int count = 0;
    std::vector<int> pending{query.root};
    while (!pending.empty()) {
        const TsQueryNode &node = query.nodes[pending.back()];
        pending.pop_back();
        count++;
        if (node.left >= 0) {
            pending.push_back(node.left);
        }
        if (node.right >= 0) {
            pending.push_back(node.right);
        }
    }
    return count;
}

int CopyTsQuerySubtree(const TsQuery &from, int index, TsQuery &into) {
    TsQueryNode node = from.nodes[index];
    if (node.left >= 0) {
        node.left = CopyTsQuerySubtree(from, node.left, into);
    }
    if (node.right >= 0) {
        node.right = CopyTsQuerySubtree(from, node.right, into);
    }
    return into.Add(std::move(node));
}

} // namespace duckgres::types
