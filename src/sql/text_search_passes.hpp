// Rewrite pass for the text search operators and functions (tsvector, tsquery) by their operands' types.
#pragma once

#include "sql/pass_context.hpp"

namespace duckgres::sql {

//! `@@` becomes duckgres_ts_match (text operands through to_tsvector / plainto_tsquery), `||` of tsvectors
//! duckgres_ts_concat, `&&` / `||` / `!!` / `<->` of tsqueries duckgres_tsquery_and / _or / _not / tsquery_phrase,
//! length(tsvector) duckgres_ts_length; to_tsvector and the to_tsquery family without a configuration get the
//! session's default_text_search_config. Returns true when it changed the node.
bool RewriteTextSearch(pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
