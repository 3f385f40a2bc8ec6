// Full text search over tsvector and tsquery: configurations, to_tsvector and the to_tsquery family, @@, ranking.
#pragma once

#include "types/tsquery.hpp"
#include "types/tsvector.hpp"

#include <array>
#include <string>
#include <string_view>

namespace duckgres::types {

//! The text search configurations Duckgres has: PostgreSQL's 'simple' and 'english'.
enum class TsConfig : uint8_t { Simple, English };

//! The configuration a regconfig name denotes ('english', 'pg_catalog.simple'...); throws SqlError 42704.
TsConfig ParseTsConfig(std::string_view name);

//! The lexemes `config` makes of `text`, with their positions (stop words take a position and leave no lexeme).
std::vector<TsWordLexeme> TsLexemes(TsConfig config, std::string_view text);

//! to_tsvector(config, text).
TsVector ToTsVector(TsConfig config, std::string_view text);

//! to_tsquery, plainto_tsquery, phraseto_tsquery, websearch_to_tsquery.
TsQuery ToTsQuery(TsConfig config, std::string_view text);
TsQuery PlainToTsQuery(TsConfig config, std::string_view text);
TsQuery PhraseToTsQuery(TsConfig config, std::string_view text);
TsQuery WebSearchToTsQuery(TsConfig config, std::string_view text);

//! tsvector @@ tsquery.
bool TsMatch(const TsVector &vector, const TsQuery &query);

//! ts_rank's default weights, for D, C, B and A.
constexpr std::array<float, 4> kDefaultTsWeights = {0.1f, 0.2f, 0.4f, 1.0f};

//! ts_rank(weights, vector, query, normalization) and ts_rank_cd(...), with PostgreSQL's formulas.
float TsRank(const std::array<float, 4> &weights, const TsVector &vector, const TsQuery &query, int normalization);
float TsRankCd(const std::array<float, 4> &weights, const TsVector &vector, const TsQuery &query, int normalization);

//! The tsquery operators: a && b, a || b, !! a, a <-> b (tsquery_phrase(a, b, distance)).
TsQuery TsQueryAnd(const TsQuery &left, const TsQuery &right);
TsQuery TsQueryOr(const TsQuery &left, const TsQuery &right);
TsQuery TsQueryNot(const TsQuery &query);
TsQuery TsQueryPhrase(const TsQuery &left, const TsQuery &right, int distance);

//! setweight(vector, weight) and strip(vector).
TsVector SetTsWeight(const TsVector &vector, char weight);
TsVector StripTsVector(const TsVector &vector);

} // namespace duckgres::types
