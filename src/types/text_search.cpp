// Full text search: the 'simple' and 'english' configurations, query building, @@ matching and ranking.
#include "types/text_search.hpp"

#include "common/sql_error.hpp"
#include "types/english_stemmer.hpp"
#include "types/ts_default_parser.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace duckgres::types {

namespace {

using Kind = TsQueryNode::Kind;

//! Lower-cases ASCII and the two-byte UTF-8 Latin-1, Greek and Cyrillic capitals.
std::string Lowercase(std::string_view text) {
    std::string out(text);
    for (size_t i = 0; i < out.size(); i++) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) {
                out[i + 1] = static_cast<char>(next + 0x20);
            }
            i++;
        } else if (c == 0xD0 && i + 1 < out.size()) {
            auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x90 && next <= 0x9F) {
                out[i + 1] = static_cast<char>(next + 0x20);
            } else if (next >= 0xA0 && next <= 0xAF) {
                out[i] = static_cast<char>(0xD1);
                out[i + 1] = static_cast<char>(next - 0x20);
            } else if (next >= 0x80 && next <= 0x8F) {
                out[i] = static_cast<char>(0xD1);
                out[i + 1] = static_cast<char>(next + 0x10);
            }
            i++;
        } else if (c >= 0x80) {
            // Other multibyte characters are kept as they are.
            while (i + 1 < out.size() && (static_cast<unsigned char>(out[i + 1]) & 0xC0) == 0x80) {
                i++;
            }
        }
    }
    return out;
}

std::vector<TsWordLexeme> NormalizeOperand(std::string_view word, const void *context) {
    return TsLexemes(*static_cast<const TsConfig *>(context), word);
}

TsQuery ReadQuery(TsConfig config, std::string_view text, Kind join) {
    TsQueryReading reading;
    reading.normalize = NormalizeOperand;
    reading.context = &config;
    reading.join = join;
    return ParseTsQuery(text, reading);
}

TsQuery WholeTextQuery(TsConfig config, std::string_view text, Kind join) {
    TsQuery query;
    query.root = AddNormalizedOperand(query, TsLexemes(config, text), join, 0, false);
    return CleanTsQuery(query);
}

// ---- Matching ----

//! The lexemes of `vector` an operand matches: the equal one, or for a prefix all that start with it.
std::vector<const TsLexeme *> FindLexemes(const TsVector &vector, const TsQueryNode &operand) {
    std::vector<const TsLexeme *> found;
    auto it = std::lower_bound(vector.lexemes.begin(), vector.lexemes.end(), operand.operand,
                               [](const TsLexeme &lexeme, const std::string &text) { return lexeme.text < text; });
    for (; it != vector.lexemes.end(); ++it) {
        if (it->text == operand.operand) {
            found.push_back(&*it);
            if (!operand.prefix) {
                break;
            }
        } else if (operand.prefix && it->text.starts_with(operand.operand)) {
            found.push_back(&*it);
        } else {
            break;
        }
    }
    return found;
}

bool WeightMatches(const TsQueryNode &operand, const TsPosition &position) {
    return operand.weights == 0 || (operand.weights & (1 << position.weight));
}

//! Where a subtree matches within a phrase: the positions of its right end (or, negated, where it does not).
struct PhraseMatch {
    std::vector<int> positions; //!< ascending
    bool negated = false;
    bool anywhere = false; //!< matched a lexeme without positions: true at any position
    int width = 0;
};

class Matcher {
public:
    Matcher(const TsVector &vector, const TsQuery &query) : vector_(vector), query_(query) {}

    bool Eval(int index) const {
        const TsQueryNode &node = query_.nodes[index];
        switch (node.kind) {
        case Kind::Operand: {
            for (const auto *lexeme : FindLexemes(vector_, node)) {
                if (lexeme->positions.empty() || node.weights == 0) {
                    return true;
                }
                for (const auto &position : lexeme->positions) {
                    if (WeightMatches(node, position)) {
                        return true;
                    }
                }
            }
            return false;
        }
        case Kind::Not:
            return !Eval(node.left);
        case Kind::And:
            return Eval(node.left) && Eval(node.right);
        case Kind::Or:
            return Eval(node.left) || Eval(node.right);
        case Kind::Phrase: {
            const PhraseMatch match = Phrase(index);
            // Lexemes without positions never satisfy a phrase, as in PostgreSQL.
            return match.negated || !match.positions.empty();
        }
        }
        return false;
    }

private:
    static std::vector<int> Intersect(const std::vector<int> &a, const std::vector<int> &b) {
        std::vector<int> out;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
        return out;
    }
    static std::vector<int> Union(const std::vector<int> &a, const std::vector<int> &b) {
        std::vector<int> out;
        std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
        return out;
    }
    static std::vector<int> Minus(const std::vector<int> &a, const std::vector<int> &b) {
        std::vector<int> out;
        std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
        return out;
    }

    PhraseMatch Phrase(int index) const {
        const TsQueryNode &node = query_.nodes[index];
        PhraseMatch out;
        switch (node.kind) {
        case Kind::Operand:
            for (const auto *lexeme : FindLexemes(vector_, node)) {
                if (lexeme->positions.empty()) {
                    out.anywhere = true;
                }
                for (const auto &position : lexeme->positions) {
                    if (WeightMatches(node, position)) {
                        out.positions.push_back(position.position);
                    }
                }
            }
            std::sort(out.positions.begin(), out.positions.end());
            out.positions.erase(std::unique(out.positions.begin(), out.positions.end()), out.positions.end());
            return out;
        case Kind::Not:
            out = Phrase(node.left);
            out.negated = !out.negated;
            return out;
        case Kind::And:
        case Kind::Or: {
            const PhraseMatch left = Phrase(node.left);
            const PhraseMatch right = Phrase(node.right);
            out.width = std::max(left.width, right.width);
            out.anywhere = node.kind == Kind::And ? left.anywhere && right.anywhere : left.anywhere || right.anywhere;
            const bool and_op = node.kind == Kind::And;
            if (!left.negated && !right.negated) {
                out.positions =
                    and_op ? Intersect(left.positions, right.positions) : Union(left.positions, right.positions);
            } else if (left.negated && right.negated) {
                out.negated = true;
                out.positions =
                    and_op ? Union(left.positions, right.positions) : Intersect(left.positions, right.positions);
            } else {
                const PhraseMatch &plain = left.negated ? right : left;
                const PhraseMatch &negated = left.negated ? left : right;
                if (and_op) {
                    out.positions = Minus(plain.positions, negated.positions);
                } else {
                    out.negated = true;
                    out.positions = Minus(negated.positions, plain.positions);
                }
            }
            return out;
        }
        case Kind::Phrase: {
            const PhraseMatch left = Phrase(node.left);
            const PhraseMatch right = Phrase(node.right);
            out.width = left.width + node.distance + right.width;
            if (left.anywhere || right.anywhere) {
                out.anywhere = true;
            }
            const int gap = node.distance + right.width;
            if (!right.negated) {
                for (int position : right.positions) {
                    const int start = position - gap;
                    const bool found = std::binary_search(left.positions.begin(), left.positions.end(), start);
                    if (left.negated ? !found : found) {
                        out.positions.push_back(position);
                    }
                }
            } else if (!left.negated) {
                for (int position : left.positions) {
                    const int end = position + gap;
                    if (!std::binary_search(right.positions.begin(), right.positions.end(), end)) {
                        out.positions.push_back(end);
                    }
                }
            } else {
                out.negated = true;
                for (int position : right.positions) {
                    out.positions.push_back(position);
                }
                for (int position : left.positions) {
                    out.positions.push_back(position + gap);
                }
                std::sort(out.positions.begin(), out.positions.end());
                out.positions.erase(std::unique(out.positions.begin(), out.positions.end()), out.positions.end());
            }
            return out;
        }
        }
        return out;
    }

    const TsVector &vector_;
    const TsQuery &query_;
};

// ---- Ranking ----

//! The distinct operands of a query (by lexeme and prefix), as PostgreSQL's ranking counts them.
std::vector<const TsQueryNode *> UniqueOperands(const TsQuery &query) {
    std::vector<const TsQueryNode *> out;
    if (query.root < 0) {
        return out;
    }
    std::vector<int> pending{query.root};
    while (!pending.empty()) {
        const TsQueryNode &node = query.nodes[pending.back()];
        pending.pop_back();
        if (node.kind == Kind::Operand) {
            const bool seen = std::any_of(out.begin(), out.end(), [&](const TsQueryNode *other) {
                return other->operand == node.operand && other->prefix == node.prefix;
            });
            if (!seen) {
                out.push_back(&node);
            }
            continue;
        }
        if (node.right >= 0) {
            pending.push_back(node.right);
        }
        if (node.left >= 0) {
            pending.push_back(node.left);
        }
    }
    return out;
}

//! The positions a ranking uses for a lexeme: one position 0 of weight D for a lexeme without positions.
std::vector<TsPosition> RankPositions(const TsLexeme &lexeme) {
    return lexeme.positions.empty() ? std::vector<TsPosition>{TsPosition{0, 0}} : lexeme.positions;
}

int CountLength(const TsVector &vector) {
    int length = 0;
    for (const auto &lexeme : vector.lexemes) {
        length += lexeme.positions.empty() ? 1 : static_cast<int>(lexeme.positions.size());
    }
    return length;
}

float WordDistance(int distance) {
    if (distance > 100) {
        return 1e-30f;
    }
    return static_cast<float>(1.0 / (1.005 + 0.05 * std::exp(static_cast<float>(distance) / 1.5 - 2)));
}

float RankOr(const std::array<float, 4> &w, const TsVector &vector, const std::vector<const TsQueryNode *> &items) {
    float res = 0.0f;
    for (const auto *item : items) {
        for (const auto *lexeme : FindLexemes(vector, *item)) {
            const auto positions = RankPositions(*lexeme);
            float resj = 0.0f;
            float wjm = -1.0f;
            int jm = 0;
            for (size_t j = 0; j < positions.size(); j++) {
                const float weight = w[positions[j].weight];
                resj = resj + weight / static_cast<float>((j + 1) * (j + 1));
                if (weight > wjm) {
                    wjm = weight;
                    jm = static_cast<int>(j);
                }
            }
            res =
                static_cast<float>(res + (wjm + resj - wjm / static_cast<float>((jm + 1) * (jm + 1))) / 1.64493406685);
        }
    }
    if (!items.empty()) {
        res = res / static_cast<float>(items.size());
    }
    return res;
}

float RankAnd(const std::array<float, 4> &w, const TsVector &vector, const std::vector<const TsQueryNode *> &items) {
    if (items.size() < 2) {
        return RankOr(w, vector, items);
    }
    float res = -1.0f;
    std::vector<std::vector<TsPosition>> positions(items.size());
    std::vector<bool> found(items.size(), false);
    std::vector<bool> null_positions(items.size(), false);
    for (size_t i = 0; i < items.size(); i++) {
        for (const auto *lexeme : FindLexemes(vector, *items[i])) {
            positions[i] = RankPositions(*lexeme);
            found[i] = true;
            null_positions[i] = lexeme->positions.empty();
            for (size_t k = 0; k < i; k++) {
                if (!found[k]) {
                    continue;
                }
                for (const auto &here : positions[i]) {
                    for (const auto &there : positions[k]) {
                        int distance = std::abs(static_cast<int>(here.position) - static_cast<int>(there.position));
                        if (distance || null_positions[i] || null_positions[k]) {
                            if (!distance) {
                                distance = kMaxTsPosition + 1;
                            }
                            const float curw = static_cast<float>(
                                std::sqrt(w[here.weight] * w[there.weight] * WordDistance(distance)));
                            res = res < 0 ? curw : static_cast<float>(1.0 - (1.0 - res) * (1.0 - curw));
                        }
                    }
                }
            }
        }
    }
    return res;
}

//! Whether the query holds with the operands in `seen` true (`calc_not`: NOT evaluated, else taken as true).
bool HoldsWith(const TsQuery &query, int index, const std::vector<bool> &seen,
               const std::vector<const TsQueryNode *> &items, bool calc_not) {
    const TsQueryNode &node = query.nodes[index];
    switch (node.kind) {
    case Kind::Operand:
        for (size_t i = 0; i < items.size(); i++) {
            if (items[i]->operand == node.operand && items[i]->prefix == node.prefix) {
                return seen[i];
            }
        }
        return false;
    case Kind::Not:
        return calc_not ? !HoldsWith(query, node.left, seen, items, calc_not) : true;
    case Kind::Or:
        return HoldsWith(query, node.left, seen, items, calc_not) ||
               HoldsWith(query, node.right, seen, items, calc_not);
    default:
        return HoldsWith(query, node.left, seen, items, calc_not) &&
               HoldsWith(query, node.right, seen, items, calc_not);
    }
}

struct DocEntry {
    int position = 0;
    uint8_t weight = 0;
    std::vector<size_t> items; //!< the query operands it matches
};

} // namespace

TsConfig ParseTsConfig(std::string_view name) {
    std::string lower = Lowercase(name);
    if (lower.starts_with("pg_catalog.")) {
        lower = lower.substr(11);
    }
    if (lower == "simple") {
        return TsConfig::Simple;
    }
    if (lower == "english") {
        return TsConfig::English;
    }
    throw SqlError("42704", "text search configuration \"" + std::string(name) + "\" does not exist");
}

std::vector<TsWordLexeme> TsLexemes(TsConfig config, std::string_view text) {
    std::vector<TsWordLexeme> out;
    int position = 0;
    for (const auto &token : ParseTsTokens(text)) {
        if (!IsIndexedTokenKind(token.kind) || token.text.size() >= 2048) {
            continue;
        }
        position = std::min(position + 1, static_cast<int>(kMaxTsPosition));
        std::string lexeme = Lowercase(token.text);
        if (config == TsConfig::English && IsStemmedTokenKind(token.kind)) {
            if (IsEnglishStopWord(lexeme)) {
                continue;
            }
            lexeme = StemEnglish(lexeme);
        }
        if (!lexeme.empty()) {
            out.push_back({position, std::move(lexeme)});
        }
    }
    return out;
}

TsVector ToTsVector(TsConfig config, std::string_view text) {
    TsVector vector;
    for (auto &word : TsLexemes(config, text)) {
        vector.lexemes.push_back({std::move(word.lexeme), {TsPosition{static_cast<uint16_t>(word.position), 0}}});
    }
    NormalizeTsVector(vector);
    return vector;
}

TsQuery ToTsQuery(TsConfig config, std::string_view text) {
    return ReadQuery(config, text, Kind::Phrase);
}

TsQuery PlainToTsQuery(TsConfig config, std::string_view text) {
    return WholeTextQuery(config, text, Kind::And);
}

TsQuery PhraseToTsQuery(TsConfig config, std::string_view text) {
    return WholeTextQuery(config, text, Kind::Phrase);
}

TsQuery WebSearchToTsQuery(TsConfig config, std::string_view text) {
    TsQuery query;
    int tree = -1;  // the OR of the finished AND groups
    int group = -1; // the AND group being built
    bool pending_or = false;
    auto add_term = [&](int term, bool negated) {
        if (negated) {
            term = query.Operator(Kind::Not, term, -1);
        }
        if (pending_or && group >= 0) {
            tree = tree < 0 ? group : query.Operator(Kind::Or, tree, group);
            group = -1;
        }
        pending_or = false;
        group = group < 0 ? term : query.Operator(Kind::And, group, term);
    };
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        bool negated = false;
        if (c == '-' && i + 1 < text.size() && text[i + 1] != ' ') {
            negated = true;
            i++;
        }
        if (text[i] == '"') {
            const size_t close = text.find('"', i + 1);
            const size_t end = close == std::string_view::npos ? text.size() : close;
            const auto phrase = text.substr(i + 1, end - i - 1);
            add_term(AddNormalizedOperand(query, TsLexemes(config, phrase), Kind::Phrase, 0, false), negated);
            i = close == std::string_view::npos ? text.size() : close + 1;
            continue;
        }
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '"') {
            end++;
        }
        const auto word = text.substr(i, end - i);
        i = end;
        if (!negated && Lowercase(word) == "or") {
            pending_or = group >= 0;
            continue;
        }
        add_term(AddNormalizedOperand(query, TsLexemes(config, word), Kind::And, 0, false), negated);
    }
    if (group >= 0) {
        tree = tree < 0 ? group : query.Operator(Kind::Or, tree, group);
    }
    query.root = tree;
    return CleanTsQuery(query);
}

bool TsMatch(const TsVector &vector, const TsQuery &query) {
    if (query.root < 0) {
        return false;
    }
    return Matcher(vector, query).Eval(query.root);
}

float TsRank(const std::array<float, 4> &weights, const TsVector &vector, const TsQuery &query, int normalization) {
    if (vector.lexemes.empty() || query.root < 0) {
        return 0.0f;
    }
    const auto items = UniqueOperands(query);
    const auto root_kind = query.nodes[query.root].kind;
    float res = (root_kind == Kind::And || root_kind == Kind::Phrase) ? RankAnd(weights, vector, items)
                                                                      : RankOr(weights, vector, items);
    if (res < 0) {
        res = 1e-20f;
    }
    const int length = CountLength(vector);
    const auto unique = static_cast<double>(vector.lexemes.size());
    if (normalization & 1) {
        res = static_cast<float>(res / (std::log(static_cast<double>(length + 1)) / std::log(2.0)));
    }
    if ((normalization & 2) && length > 0) {
        res /= static_cast<float>(length);
    }
    if (normalization & 8) {
        res = static_cast<float>(res / unique);
    }
    if (normalization & 16) {
        res = static_cast<float>(res / (std::log(unique + 1) / std::log(2.0)));
    }
    if (normalization & 32) {
        res /= (res + 1);
    }
    return res;
}

float TsRankCd(const std::array<float, 4> &weights, const TsVector &vector, const TsQuery &query, int normalization) {
    if (vector.lexemes.empty() || query.root < 0) {
        return 0.0f;
    }
    std::array<double, 4> inverse{};
    for (size_t i = 0; i < 4; i++) {
        inverse[i] = 1.0 / static_cast<double>(weights[i]);
    }
    const auto items = UniqueOperands(query);
    std::map<int, DocEntry> by_position;
    for (size_t i = 0; i < items.size(); i++) {
        for (const auto *lexeme : FindLexemes(vector, *items[i])) {
            for (const auto &position : RankPositions(*lexeme)) {
                if (!WeightMatches(*items[i], position)) {
                    continue;
                }
                DocEntry &entry = by_position[position.position];
                entry.position = position.position;
                entry.weight = position.weight;
                entry.items.push_back(i);
            }
        }
    }
    std::vector<DocEntry> doc;
    for (auto &[position, entry] : by_position) {
        doc.push_back(std::move(entry));
    }
    if (doc.empty()) {
        return 0.0f;
    }
    double wdoc = 0.0;
    double sum_distance = 0.0;
    double previous = 0.0;
    int extents = 0;
    size_t start = 0;
    const auto len = static_cast<int>(doc.size());
    while (start < doc.size()) {
        // Upper bound: the first entry from `start` at which the query holds (NOT taken as true).
        std::vector<bool> seen(items.size(), false);
        int end = -1;
        for (int k = static_cast<int>(start); k < len; k++) {
            for (size_t item : doc[k].items) {
                seen[item] = true;
            }
            if (HoldsWith(query, query.root, seen, items, false)) {
                end = k;
                break;
            }
        }
        if (end < 0) {
            break;
        }
        // Lower bound: scanning back from it, the first entry at which the query holds.
        std::fill(seen.begin(), seen.end(), false);
        int begin = -1;
        for (int k = end; k >= static_cast<int>(start); k--) {
            for (size_t item : doc[k].items) {
                seen[item] = true;
            }
            if (HoldsWith(query, query.root, seen, items, true)) {
                begin = k;
                break;
            }
        }
        if (begin < 0) {
            start++;
            continue;
        }
        double inv_sum = 0.0;
        for (int k = begin; k <= end; k++) {
            inv_sum += inverse[doc[k].weight];
        }
        const double cpos = static_cast<double>(end - begin + 1) / inv_sum;
        int noise = (doc[end].position - doc[begin].position) - (end - begin);
        if (noise < 0) {
            noise = (end - begin) / 2;
        }
        wdoc += cpos / static_cast<double>(1 + noise);
        const double current = static_cast<double>(doc[end].position + doc[begin].position) / 2.0;
        if (extents > 0 && current > previous) {
            sum_distance += 1.0 / (current - previous);
        }
        previous = current;
        extents++;
        start = static_cast<size_t>(begin) + 1;
    }
    const int length = CountLength(vector);
    const auto unique = static_cast<double>(vector.lexemes.size());
    if (normalization & 1) {
        wdoc /= std::log(static_cast<double>(length + 1));
    }
    if ((normalization & 2) && length > 0) {
        wdoc /= static_cast<double>(length);
    }
    if ((normalization & 4) && extents > 0 && sum_distance > 0) {
        wdoc /= static_cast<double>(extents) / sum_distance;
    }
    if (normalization & 8) {
        wdoc /= unique;
    }
    if (normalization & 16) {
        wdoc /= std::log(unique + 1) / std::log(2.0);
    }
    if (normalization & 32) {
        wdoc /= (wdoc + 1);
    }
    return static_cast<float>(wdoc);
}

TsQuery TsQueryAnd(const TsQuery &left, const TsQuery &right) {
    if (left.root < 0) {
        return right;
    }
    if (right.root < 0) {
        return left;
    }
    TsQuery out;
    const int l = CopyTsQuerySubtree(left, left.root, out);
    const int r = CopyTsQuerySubtree(right, right.root, out);
    out.root = out.Operator(Kind::And, l, r);
    return out;
}

TsQuery TsQueryOr(const TsQuery &left, const TsQuery &right) {
    if (left.root < 0) {
        return right;
    }
    if (right.root < 0) {
        return left;
    }
    TsQuery out;
    const int l = CopyTsQuerySubtree(left, left.root, out);
    const int r = CopyTsQuerySubtree(right, right.root, out);
    out.root = out.Operator(Kind::Or, l, r);
    return out;
}

TsQuery TsQueryNot(const TsQuery &query) {
    if (query.root < 0) {
        return query;
    }
    TsQuery out;
    const int inner = CopyTsQuerySubtree(query, query.root, out);
    out.root = out.Operator(Kind::Not, inner, -1);
    return out;
}

TsQuery TsQueryPhrase(const TsQuery &left, const TsQuery &right, int distance) {
    if (distance < 0 || distance > kMaxTsPosition + 1) {
        throw SqlError("22023", "distance in phrase operator must be an integer value between zero and 16384 "
                                "inclusive");
    }
    if (left.root < 0) {
        return right;
    }
    if (right.root < 0) {
        return left;
    }
    TsQuery out;
    const int l = CopyTsQuerySubtree(left, left.root, out);
    const int r = CopyTsQuerySubtree(right, right.root, out);
    out.root = out.Operator(Kind::Phrase, l, r, static_cast<uint16_t>(distance));
    return out;
}

TsVector SetTsWeight(const TsVector &vector, char weight) {
    const int code = TsWeightCode(weight);
    if (code < 0) {
        throw SqlError("22023", std::string("unrecognized weight: ") + std::to_string(static_cast<int>(weight)));
    }
    TsVector out = vector;
    for (auto &lexeme : out.lexemes) {
        for (auto &position : lexeme.positions) {
            position.weight = static_cast<uint8_t>(code);
        }
    }
    return out;
}

TsVector StripTsVector(const TsVector &vector) {
    TsVector out = vector;
    for (auto &lexeme : out.lexemes) {
        lexeme.positions.clear();
    }
    return out;
}

} // namespace duckgres::types
