-- String functions.

-- case: str_length_family
SELECT length('hello') AS a, char_length('héllo') AS b, octet_length('héllo') AS c, bit_length('abc') AS d, length('') AS e;

-- case: str_case
SELECT upper('Hello World') AS a, lower('Hello World') AS b, initcap('hello wORLD foo-bar') AS c;

-- case: str_initcap_edges
SELECT initcap('élan vital 3rd x1y') AS unicode_and_digits, initcap('ÀB çD') AS accented, initcap('') AS empty, initcap(NULL) IS NULL AS null_in, initcap('o''neil mc-DONALD') AS punctuation;

-- case: str_substring
SELECT substring('PostgreSQL' FROM 5) AS a, substring('PostgreSQL' FROM 1 FOR 4) AS b, substr('PostgreSQL', 5, 3) AS c, substr('abc', 0, 2) AS d, substring('abc' FROM 10) AS e;

-- case: str_substring_regex
SELECT substring('foo123bar' FROM '[0-9]+') AS a, substring('abc' FROM 'x') AS b;

-- case: str_position
SELECT position('lo' IN 'hello') AS a, strpos('hello', 'l') AS b, position('z' IN 'hello') AS c, strpos('', '') AS d;

-- case: str_trim
SELECT trim('  ab  ') AS a, ltrim('  ab  ') AS b, rtrim('  ab  ') AS c, btrim('xxabxx', 'x') AS d, trim(both 'x' FROM 'xaxbx') AS e, trim(leading '0' FROM '000120') AS f;

-- case: str_pad
SELECT lpad('42', 5, '0') AS a, rpad('ab', 5, '*') AS b, lpad('abcdef', 3) AS c, lpad('x', 4) AS d, rpad('x', 0, 'y') AS e;

-- case: str_repeat_replace_reverse
SELECT repeat('ab', 3) AS a, repeat('x', 0) AS b, replace('hello world', 'o', '0') AS c, reverse('abc') AS d, replace('aaa', 'a', '') AS e;

-- case: str_left_right
SELECT left('abcdef', 2) AS a, right('abcdef', 2) AS b, left('abc', -1) AS c, right('abc', -1) AS d, left('abc', 10) AS e;

-- case: str_split_part
SELECT split_part('a,b,c', ',', 2) AS a, split_part('a,b,c', ',', 5) AS b, split_part('a::b', '::', 2) AS c, split_part('abc', ',', 1) AS d;

-- case: str_concat_functions
SELECT concat('a', 1, NULL, true) AS a, concat_ws('-', 'x', NULL, 'y', 2) AS b, concat('') AS c;

-- case: str_format
SELECT format('Hello %s, you are %s', 'Bob', 42) AS a, format('%I', 'my table') AS b, format('%L', 'it''s') AS c, format('%s|%s', NULL, 'x') AS d;

-- case: str_quote_functions
SELECT quote_ident('simple') AS a, quote_ident('Has Space') AS b, quote_literal('O''Reilly') AS c, quote_nullable(NULL) AS d;

-- case: str_ascii_chr
SELECT ascii('A') AS a, chr(65) AS b, chr(233) AS c, ascii('é') AS d;

-- case: str_md5_hex
SELECT md5('hello') AS a, md5('') AS b, to_hex(255) AS c, to_hex(-1) AS d, to_hex(4294967296) AS e;

-- case: str_regexp_replace
SELECT regexp_replace('abc123def456', '[0-9]+', '#') AS a, regexp_replace('abc123def456', '[0-9]+', '#', 'g') AS b, regexp_replace('Hello', '(l+)', '<\1>') AS c;

-- case: str_regexp_match_split
SELECT regexp_match('foo123', '([a-z]+)([0-9]+)') AS a, regexp_split_to_array('a1b22c', '[0-9]+') AS b, regexp_matches('aXbXc', 'X', 'g') AS c ORDER BY 1;

-- case: str_starts_with_translate
SELECT starts_with('postgres', 'post') AS a, starts_with('postgres', 'gres') AS b, translate('12345', '143', 'ax') AS c;

-- case: str_string_to_array
SELECT string_to_array('a,b,,c', ',') AS a, string_to_array('a b', NULL) AS b, array_to_string(ARRAY['x', NULL, 'z'], '-') AS c, array_to_string(ARRAY['x', NULL, 'z'], '-', '*') AS d;

-- case: str_overlay
SELECT overlay('Txxxxas' PLACING 'hom' FROM 2 FOR 4) AS a, overlay('abc' PLACING 'Z' FROM 2) AS b;

-- case: str_comparison_collation
SELECT s FROM (VALUES ('b'), ('A'), ('a'), ('B'), ('_'), ('1'), ('')) AS v(s) ORDER BY s;

-- case: str_null_handling
SELECT length(NULL) AS a, upper(NULL) AS b, NULL || 'x' AS c, concat(NULL, 'x') AS d, replace(NULL, 'a', 'b') AS e;

-- case: str_column_functions
CREATE TABLE dt_strings (id int, s text);
INSERT INTO dt_strings VALUES (1, 'Alpha'), (2, 'beta'), (3, ''), (4, NULL), (5, '  padded ');
SELECT id, upper(s) AS u, length(s) AS len, trim(s) AS t, s || '!' AS bang FROM dt_strings ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_strings;

-- case: str_like_column
CREATE TABLE dt_like (s text);
INSERT INTO dt_like VALUES ('apple'), ('Apricot'), ('banana'), ('grape'), ('APPLE pie');
SELECT s FROM dt_like WHERE s LIKE 'ap%' OR s ILIKE '%PIE' ORDER BY s;
-- cleanup
DROP TABLE IF EXISTS dt_like;

-- case: str_escape_string_syntax
SELECT E'a\\b' AS a, E'\x41' AS b, E'\u00e9' AS c, U&'\00e9' AS d, $$dollar 'quoted'$$ AS e, $tag$with $$ inside$tag$ AS f;
