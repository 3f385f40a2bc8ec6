// PostgreSQL's tsvector: sorted lexemes with weighted positions, its input syntax, output text and binary form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::types {

//! The largest position a tsvector keeps (larger ones are clamped to it) and the most positions a lexeme keeps.
constexpr uint16_t kMaxTsPosition = 16383;
constexpr size_t kMaxTsPositions = 256;

//! A position with its weight in the top two bits, as PostgreSQL stores it (A = 3, B = 2, C = 1, D = 0).
struct TsPosition {
    uint16_t position = 0;
    uint8_t weight = 0;
    bool operator==(const TsPosition &) const = default;
};

struct TsLexeme {
    std::string text;
    std::vector<TsPosition> positions; //!< ascending, unique positions; empty for a lexeme without positions
};

//! A normalized tsvector: lexemes sorted by their bytes, each once.
struct TsVector {
    std::vector<TsLexeme> lexemes;
};

//! Sorts lexemes, merges duplicates and sorts, deduplicates (the highest weight wins) and caps their positions.
void NormalizeTsVector(TsVector &vector);

//! Parses tsvector input ('a:1A fat:2B,4C', quotes and backslash escapes); throws SqlError 42601.
TsVector ParseTsVector(std::string_view text);

//! tsvector's output text: 'a':1A 'fat':2B,4C.
std::string FormatTsVector(const TsVector &vector);

//! tsvector's binary form (tsvectorsend): count, then each lexeme NUL-terminated with its positions.
std::string TsVectorBinary(const TsVector &vector);

//! The weight letter's code (A 3 ... D 0), or -1 when `c` is none.
int TsWeightCode(char c);

//! `left || right`: the right's positions shifted past the left's largest one.
TsVector ConcatTsVectors(const TsVector &left, const TsVector &right);

} // namespace duckgres::types
