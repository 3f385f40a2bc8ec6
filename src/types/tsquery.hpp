// PostgreSQL's tsquery: a tree of lexemes and operators, its input syntax, output text and binary form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::types {

struct TsQueryNode {
    enum class Kind : uint8_t { Operand, Not, And, Or, Phrase };
    Kind kind = Kind::Operand;
    std::string operand;   //!< Operand: the lexeme
    uint8_t weights = 0;   //!< Operand: bit mask, A 8, B 4, C 2, D 1 (0: any)
    bool prefix = false;   //!< Operand: :* (matches lexemes starting with it)
    bool stop = false;     //!< Operand: a stop word's placeholder (removed by CleanTsQuery)
    uint16_t distance = 1; //!< Phrase: <N>
    int left = -1;         //!< index of the left (or only, for Not) operand in TsQuery::nodes
    int right = -1;
    int depth = 1; //!< levels of the subtree it heads (set by TsQuery::Add)
};

//! The deepest tsquery tree taken: every walk over one recurses as deep (54001 beyond, as PostgreSQL's stack depth
//! check refuses such a query), so a hostile '!!!!...a' or 'a & a & ...' cannot exhaust a thread's stack.
constexpr int kMaxTsQueryDepth = 10000;

//! A tsquery; `root` is -1 for the empty query.
struct TsQuery {
    std::vector<TsQueryNode> nodes;
    int root = -1;

    //! Appends `node`, whose operands are already in `nodes`; 54001 when it would be deeper than kMaxTsQueryDepth.
    int Add(TsQueryNode node);
    int Operand(std::string lexeme, uint8_t weights = 0, bool prefix = false);
    int Operator(TsQueryNode::Kind kind, int left, int right, uint16_t distance = 1);
};

//! One lexeme a text search configuration makes of a word, at its token position (1-based, stop words counted).
struct TsWordLexeme {
    int position = 0;
    std::string lexeme;
};

//! Turns an operand's word into its lexemes (none: a stop word). Supplied by the to_tsquery family.
using TsQueryNormalizer = std::vector<TsWordLexeme> (*)(std::string_view word, const void *context);

//! How a tsquery text is read.
struct TsQueryReading {
    TsQueryNormalizer normalize = nullptr; //!< none: tsquery input, operands are taken as they are
    const void *context = nullptr;
    TsQueryNode::Kind join = TsQueryNode::Kind::Phrase; //!< how the lexemes of one operand are joined
};

//! Parses tsquery input ('fat & (rat | cat)', '!a', 'a <-> b', 'a <2> b', 'super:*AB'); throws SqlError 42601.
//! With a normalizer, each operand becomes its lexemes (joined by `join`) and stop words are removed.
TsQuery ParseTsQuery(std::string_view text, const TsQueryReading &reading = {});

//! The tree a word's lexemes make in `query` (joined by `join`, stop word gaps as placeholders), as PostgreSQL
//! builds it for one operand; weights and prefix apply to each lexeme.
int AddNormalizedOperand(TsQuery &query, const std::vector<TsWordLexeme> &lexemes, TsQueryNode::Kind join,
                         uint8_t weights, bool prefix);

//! Removes the operands marked empty (stop words) from `query`, as PostgreSQL's clean_stopword_intree does.
TsQuery CleanTsQuery(const TsQuery &query);

//! tsquery's output text: 'fat' & ( 'rat' | 'cat' ).
std::string FormatTsQuery(const TsQuery &query);

//! tsquery's binary form (tsquerysend): item count, then the items in prefix order, right operand first.
std::string TsQueryBinary(const TsQuery &query);

//! The number of nodes (numnode()).
int TsQueryNodeCount(const TsQuery &query);

//! Copies the subtree `index` of `from` into `into`, returning its index there.
int CopyTsQuerySubtree(const TsQuery &from, int index, TsQuery &into);

} // namespace duckgres::types
