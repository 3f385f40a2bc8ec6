-- Full text search: tsvector and tsquery literals, to_tsvector / to_tsquery in 'simple' and 'english', @@, ranking.

-- case: ts_vector_literal_sorted
SELECT 'a fat cat sat on a mat and ate a fat rat'::tsvector AS v;

-- case: ts_vector_literal_quoting
SELECT $$the lexeme '    ' contains spaces$$::tsvector AS spaces, $$'Joe''s' 'back\\slash'$$::tsvector AS quotes;

-- case: ts_vector_positions_weights
SELECT 'a:1 fat:2 cat:3 sat:4 on:5 a:6 mat:7 and:8 ate:9 a:10 fat:11 rat:12'::tsvector AS v, 'a:1A fat:2B,4C cat:5D'::tsvector AS w;

-- case: ts_vector_duplicate_positions
SELECT 'b:2,1,1A,20000 a:3 a:1A'::tsvector AS v, 'x x:2 y'::tsvector AS mixed;

-- case: ts_vector_syntax_errors
SELECT $$'unclosed$$::tsvector;
SELECT 'a:0'::tsvector;

-- case: ts_query_literal_output
SELECT 'fat & rat'::tsquery AS a, 'fat & (rat | cat)'::tsquery AS b, 'fat & rat & ! cat'::tsquery AS c;

-- case: ts_query_phrase_and_prefix
SELECT 'fat <-> rat'::tsquery AS a, 'fat <3> rat'::tsquery AS b, 'super:*'::tsquery AS c, 'fatal:ab & cat:*B'::tsquery AS d;

-- case: ts_query_precedence
SELECT 'a & b | c'::tsquery AS a, 'a | b & c'::tsquery AS b, '!a & !(b | c)'::tsquery AS c, 'a <-> (b <-> c)'::tsquery AS d, '(a <-> b) <-> c'::tsquery AS e, '!!a'::tsquery AS f;

-- case: ts_query_syntax_errors
SELECT 'a & '::tsquery;
SELECT 'a b'::tsquery;
SELECT '(a'::tsquery;

-- case: ts_to_tsvector_english
SELECT to_tsvector('english', 'The quick brown foxes jumped over the lazy dogs') AS v, to_tsvector('english', 'a fat  cat sat on a mat - it ate a fat rats') AS w;

-- case: ts_to_tsvector_simple
SELECT to_tsvector('simple', 'The Fat RATS ran-away') AS v, to_tsvector('simple', 'a b a') AS w;

-- case: ts_to_tsvector_default_config
SHOW default_text_search_config;
SELECT to_tsvector('Supernovae stars are the brightest phenomena in galaxies') AS v;

-- case: ts_default_config_set
SET default_text_search_config = 'pg_catalog.simple';
SHOW default_text_search_config;
SELECT to_tsvector('The Fat Rats') AS v, to_tsquery('The & Rats') AS q;

-- case: ts_to_tsvector_token_kinds
SELECT to_tsvector('english', 'Visit http://example.com/docs/index.html or mail foo@bar.com about version 1.2.3, 3.14 and -7 items') AS v;

-- case: ts_to_tsvector_hyphenated
SELECT to_tsvector('english', 'a well-known self-driving car, state-of-the-art') AS v;

-- case: ts_to_tsquery_english
SELECT to_tsquery('english', 'The & Fat & Rats') AS a, to_tsquery('english', 'supernovae & !crab') AS b, to_tsquery('english', 'running:* | (cats <-> jumped)') AS c;

-- case: ts_to_tsquery_stop_words_in_phrase
SELECT to_tsquery('english', 'fat <-> the <-> rat') AS a, phraseto_tsquery('english', 'fat the rat') AS b, to_tsquery('simple', 'fat <-> the <-> rat') AS c;

-- case: ts_plainto_phraseto
SELECT plainto_tsquery('english', 'The Fat Rats') AS a, phraseto_tsquery('english', 'The Fat Rats') AS b, plainto_tsquery('simple', 'The Fat Rats') AS c;

-- case: ts_websearch_to_tsquery
SELECT websearch_to_tsquery('english', 'The fat rats') AS a, websearch_to_tsquery('english', '"supernovae stars" -crab') AS b, websearch_to_tsquery('english', '"sad cat" or "fat rat"') AS c, websearch_to_tsquery('english', 'signal -"segmentation fault"') AS d;

-- case: ts_match_operators
SELECT to_tsvector('fat cats ate fat rats') @@ to_tsquery('fat & rat') AS a, to_tsvector('fat cats ate fat rats') @@ to_tsquery('fat & cow') AS b, to_tsquery('cat & rat') @@ to_tsvector('fat cats ate fat rats') AS c, 'a fat cat sat on a mat and ate a fat rat'::tsvector @@ 'cat & rat'::tsquery AS d;

-- case: ts_match_text_operands
SELECT 'fat cats ate rats' @@ to_tsquery('cat & rat') AS a, 'fat cats ate rats' @@ 'cat & rat' AS b, to_tsvector('fat cats') @@ 'cats' AS c;

-- case: ts_match_phrase_and_prefix
SELECT to_tsvector('fatal error in the system') @@ to_tsquery('fatal <-> error') AS a, to_tsvector('error is fatal') @@ to_tsquery('fatal <-> error') AS b, to_tsvector('supernovae stars') @@ to_tsquery('supern:*') AS c, to_tsvector('a fat cat') @@ to_tsquery('fat <2> cat') AS d;

-- case: ts_match_weights
SELECT 'fat:2B cat:3A'::tsvector @@ 'fat:A'::tsquery AS a, 'fat:2B cat:3A'::tsvector @@ 'fat:AB'::tsquery AS b, 'fat:2B cat:3A'::tsvector @@ 'cat:A & fat'::tsquery AS c;

-- case: ts_search_table
CREATE TABLE dt_ts_search_table (id int, title text, body text);
INSERT INTO dt_ts_search_table VALUES (1, 'Cats', 'The fat cat sat on the mat'), (2, 'Rats', 'A fat rat ate the cheese'), (3, 'Dogs', 'Lazy dogs sleep all day'), (4, 'Mixed', 'Cats and rats are not friends');
SELECT id FROM dt_ts_search_table WHERE to_tsvector('english', body) @@ to_tsquery('english', 'fat') ORDER BY id;
SELECT id FROM dt_ts_search_table WHERE to_tsvector('english', title || ' ' || body) @@ to_tsquery('english', 'cat & rat') ORDER BY id;
SELECT id FROM dt_ts_search_table WHERE to_tsvector(body) @@ plainto_tsquery('sleeping dog') ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ts_search_table;

-- case: ts_tsvector_column
CREATE TABLE dt_ts_tsvector_column (id int, doc tsvector);
INSERT INTO dt_ts_tsvector_column VALUES (1, to_tsvector('english', 'The quick brown fox')), (2, to_tsvector('english', 'The lazy dog')), (3, 'fox:1A dog:2');
SELECT id, doc FROM dt_ts_tsvector_column ORDER BY id;
SELECT id FROM dt_ts_tsvector_column WHERE doc @@ to_tsquery('english', 'fox') ORDER BY id;
SELECT id FROM dt_ts_tsvector_column WHERE doc @@ 'dog & !fox' ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ts_tsvector_column;

-- case: ts_rank_default
SELECT ts_rank(to_tsvector('english', 'The quick brown fox jumps over the lazy dog and the fox sleeps'), to_tsquery('english', 'fox & dog')) AS r1, ts_rank(to_tsvector('english', 'The quick brown fox jumps over the lazy dog'), to_tsquery('english', 'fox | cat')) AS r2;

-- case: ts_rank_cd_default
SELECT ts_rank_cd(to_tsvector('english', 'The quick brown fox jumps over the lazy dog and the fox sleeps'), to_tsquery('english', 'fox & dog')) AS r1, ts_rank_cd(to_tsvector('english', 'The quick brown fox jumps over the lazy dog'), to_tsquery('english', 'fox')) AS r2;

-- case: ts_rank_normalization
SELECT ts_rank(to_tsvector('english', 'The quick brown fox jumps over the lazy dog and the fox sleeps'), to_tsquery('english', 'fox & dog'), 2) AS r1, ts_rank_cd(to_tsvector('english', 'The quick brown fox jumps over the lazy dog and the fox sleeps'), to_tsquery('english', 'fox & dog'), 32) AS r2;

-- case: ts_rank_order_by
CREATE TABLE dt_ts_rank_order_by (id int, body text);
INSERT INTO dt_ts_rank_order_by VALUES (1, 'fox'), (2, 'the fox and the fox and the fox'), (3, 'a dog and a fox'), (4, 'no match here');
SELECT id, ts_rank(to_tsvector('english', body), to_tsquery('english', 'fox')) AS rank FROM dt_ts_rank_order_by WHERE to_tsvector('english', body) @@ to_tsquery('english', 'fox') ORDER BY rank DESC, id;
-- cleanup
DROP TABLE IF EXISTS dt_ts_rank_order_by;

-- case: ts_setweight_concat_length
SELECT setweight(to_tsvector('english', 'The Title'), 'A') || to_tsvector('english', 'the body text') AS v, length(to_tsvector('english', 'fat cats ate fat rats')) AS n, 'a:1,2,3'::tsvector || 'b:1 a:2'::tsvector AS shifted;

-- case: ts_strip_numnode
SELECT strip('fat:2,4 cat:3 rat:5A'::tsvector) AS s, numnode('(fat & rat) | cat'::tsquery) AS n, numnode('foo'::tsquery) AS one;

-- case: ts_query_operators
SELECT 'fat | rat'::tsquery && 'cat'::tsquery AS a, 'fat | rat'::tsquery || 'cat'::tsquery AS b, !! 'cat'::tsquery AS c, to_tsquery('fat') <-> to_tsquery('rat') AS d, tsquery_phrase(to_tsquery('fat'), to_tsquery('cat'), 10) AS e;

-- case: ts_vector_query_equality
SELECT 'b a'::tsvector = 'a b'::tsvector AS v, 'a & b'::tsquery = 'a&b'::tsquery AS q, 'a b'::tsvector::text AS t;

-- case: ts_configurations_catalog
SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('simple', 'english') ORDER BY cfgname;
SELECT to_tsvector('english'::regconfig, 'Fat Cats') AS v, to_tsquery('simple'::regconfig, 'Fat & Cats') AS q;

-- case: ts_unknown_configuration
SELECT to_tsvector('klingon', 'some text');

-- case: ts_query_in_from_clause
CREATE TABLE dt_ts_query_in_from_clause (id int, body text, tsv tsvector);
INSERT INTO dt_ts_query_in_from_clause (id, body) VALUES (1, 'Fat cats ate fat rats'), (2, NULL), (3, 'rats'), (4, 'a fat cat');
UPDATE dt_ts_query_in_from_clause SET tsv = to_tsvector('english', coalesce(body, ''));
SELECT id, ts_rank(tsv, query) AS rank FROM dt_ts_query_in_from_clause, to_tsquery('english', 'cat | rat') query WHERE query @@ tsv ORDER BY rank DESC, id;
SELECT id, ts_rank_cd(tsv, query) AS rank FROM dt_ts_query_in_from_clause, plainto_tsquery('fat cat') query WHERE tsv @@ query ORDER BY rank DESC, id;
-- cleanup
DROP TABLE IF EXISTS dt_ts_query_in_from_clause;

-- case: ts_phrase_needs_positions
SELECT strip(to_tsvector('english', 'fat cat')) @@ to_tsquery('english', 'fat <-> cat') AS stripped, to_tsvector('english', 'fat cat') @@ to_tsquery('english', 'fat <-> cat') AS positioned, strip(to_tsvector('english', 'fat cat')) @@ to_tsquery('english', 'fat & cat') AS plain;

-- case: ts_default_config_values
SET default_text_search_config = english;
SHOW default_text_search_config;
SET default_text_search_config = 'Simple';
SHOW default_text_search_config;
SELECT to_tsvector('The Cats') AS v, plainto_tsquery('The Cats') AS q;
SET default_text_search_config = 'klingon';
SHOW default_text_search_config;

-- case: ts_empty_query_notices
SELECT ''::tsquery AS empty;
SELECT to_tsquery('english', 'the') AS stop;
SELECT plainto_tsquery('english', 'The a an') AS stops, phraseto_tsquery('english', '') AS nothing;
SELECT to_tsvector('english', 'the cat') @@ to_tsquery('english', 'the') AS matched;
