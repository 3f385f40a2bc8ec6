-- Character types (PostgreSQL 15 docs 8.3), string functions and operators (9.4), pattern matching (9.7).

-- case: chars_varchar_column_roundtrip
CREATE TABLE dt_chars_varchar_column_roundtrip (id int, v varchar(10), t text);
INSERT INTO dt_chars_varchar_column_roundtrip VALUES (1, 'ok', 'any length'), (2, 'too long', 'x');
SELECT id, v, t FROM dt_chars_varchar_column_roundtrip ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_chars_varchar_column_roundtrip;

-- case: chars_varchar_too_long_insert
CREATE TABLE dt_chars_varchar_too_long_insert (v varchar(5));
INSERT INTO dt_chars_varchar_too_long_insert VALUES ('too long');
SELECT count(*) FROM dt_chars_varchar_too_long_insert;
-- cleanup
DROP TABLE IF EXISTS dt_chars_varchar_too_long_insert;

-- case: chars_char_length_of_padded
SELECT char_length('ok'::char(4)) AS a, octet_length('abc'::text) AS b, length('abc  '::text) AS c;

-- case: chars_text_unlimited
SELECT length(repeat('x', 10000)) AS a, length(repeat('ab', 3)) AS b;

-- case: chars_concat_operator
SELECT 'Post' || 'greSQL' AS a, 'Value: ' || 42 AS b, 'a' || 'b' || 'c' AS c;

-- case: chars_concat_null_operand
SELECT 'x' || NULL AS a, NULL || 'y' AS b, ('a' || NULL) IS NULL AS c;

-- case: chars_bit_and_octet_length
SELECT bit_length('jose') AS a, octet_length('jose') AS b, char_length('jose') AS c, character_length('josé') AS d;

-- case: chars_lower_upper_initcap
SELECT lower('TOM') AS a, upper('tom') AS b, initcap('hi THOMAS') AS c;

-- case: chars_overlay
SELECT overlay('Txxxxas' placing 'hom' from 2 for 4) AS a;

-- case: chars_position_strpos
SELECT position('om' in 'Thomas') AS a, strpos('high', 'ig') AS b, position('z' in 'abc') AS c;

-- case: chars_substring_for_from
SELECT substring('Thomas' from 2 for 3) AS a, substring('Thomas' from 3) AS b, substring('Thomas' for 2) AS c;

-- case: chars_substring_regex_from
SELECT substring('Thomas' from '...$') AS a, substring('Thomas' from 'o(.)a') AS b, substring('Thomas' from 'z+') AS c;

-- case: chars_substring_negative_start
SELECT substring('hello' from 0 for 3) AS a, substring('hello' from -2 for 4) AS b, substring('hello' from -5 for 2) AS c, substr('hello', 0) AS d;

-- case: chars_substring_negative_length_error
SELECT substring('hello' from 2 for -1);

-- case: chars_trim_family
SELECT trim(both 'xyz' from 'yxTomxx') AS a, trim(leading 'x' from 'xxTom') AS b, trim(trailing 'x' from 'Tomxx') AS c, btrim('  sp  ') AS d, ltrim('zzzytest', 'xyz') AS e, rtrim('testxxzx', 'xyz') AS f;

-- case: chars_lpad_rpad
SELECT lpad('hi', 5, 'xy') AS a, rpad('hi', 5, 'xy') AS b, lpad('hello', 3) AS c, rpad('x', 3) || '|' AS d;

-- case: chars_left_right
SELECT left('abcde', 2) AS a, right('abcde', 2) AS b, left('abcde', -2) AS c, right('abcde', -2) AS d;

-- case: chars_repeat_reverse
SELECT repeat('Pg', 4) AS a, reverse('abc') AS b, repeat('x', 0) AS c;

-- case: chars_replace_translate
SELECT replace('abcdefabcdef', 'cd', 'XX') AS a, translate('12345', '143', 'ax') AS b;

-- case: chars_split_part
SELECT split_part('abc~@~def~@~ghi', '~@~', 2) AS a, split_part('a,b,c', ',', 5) AS b;

-- case: chars_starts_with
SELECT starts_with('alphabet', 'alph') AS a, starts_with('alphabet', 'bet') AS b;

-- case: chars_ascii_chr
SELECT ascii('x') AS a, chr(65) AS b, ascii('é') AS c;

-- case: chars_concat_function_types
SELECT concat('abcde', 2, NULL, 22) AS a, concat(1.5, false) AS b, concat_ws(',', 'abcde', 2, NULL, 22) AS c;

-- case: chars_concat_of_boolean_column
CREATE TABLE dt_chars_concat_of_boolean_column (id int, b boolean);
INSERT INTO dt_chars_concat_of_boolean_column VALUES (1, true), (2, false), (3, NULL);
SELECT id, concat('b=', b) AS c, concat_ws('/', id, b) AS w FROM dt_chars_concat_of_boolean_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_chars_concat_of_boolean_column;

-- case: chars_quote_functions
SELECT quote_ident('Foo bar') AS a, quote_literal('O''Reilly') AS b, quote_nullable(NULL) AS c, quote_literal(42.5) AS d;

-- case: chars_md5
SELECT md5('abc') AS a;

-- case: chars_like_basics
SELECT 'abc' LIKE 'abc' AS a, 'abc' LIKE 'a%' AS b, 'abc' LIKE '_b_' AS c, 'abc' LIKE 'c' AS d, 'abc' NOT LIKE 'c' AS e;

-- case: chars_like_escape
SELECT 'a_c' LIKE 'a\_c' AS a, 'abc' LIKE 'a\_c' AS b, 'a%c' LIKE 'a#%c' ESCAPE '#' AS c;

-- case: chars_ilike
SELECT 'ABC' ILIKE 'a%' AS a, 'ABC' NOT ILIKE '%c' AS b, 'abc' ~~ 'a%' AS c, 'ABC' ~~* 'a%' AS d;

-- case: chars_like_any_all_array
SELECT 'foo' LIKE ANY (ARRAY['f%', 'x%']) AS a, 'foo' LIKE ALL (ARRAY['f%', '%o']) AS b, 'foo' NOT LIKE ANY (ARRAY['f%', 'x%']) AS c, 'FOO' ILIKE ANY (ARRAY['f%']) AS d;

-- case: chars_like_any_nulls
SELECT 'foo' LIKE ANY (ARRAY['x%', NULL]) AS a, 'foo' LIKE ANY (ARRAY['f%', NULL]) AS b, 'foo' LIKE ALL (ARRAY['f%', NULL]) AS c, 'foo' LIKE ALL (ARRAY['x%', NULL]) AS d;

-- case: chars_like_any_column
CREATE TABLE dt_chars_like_any_column (name text);
INSERT INTO dt_chars_like_any_column VALUES ('alpha'), ('beta'), ('gamma'), ('delta');
SELECT name FROM dt_chars_like_any_column WHERE name LIKE ANY (ARRAY['%ta', 'g%']) ORDER BY name;
SELECT name FROM dt_chars_like_any_column WHERE name NOT LIKE ALL (ARRAY['%ta', 'g%']) ORDER BY name;
-- cleanup
DROP TABLE IF EXISTS dt_chars_like_any_column;

-- case: chars_similar_to_docs
SELECT 'abc' SIMILAR TO 'abc' AS a, 'abc' SIMILAR TO 'a' AS b, 'abc' SIMILAR TO '%(b|d)%' AS c, 'abc' SIMILAR TO '(b|c)%' AS d, '-abc-' SIMILAR TO '%\mabc\M%' AS e, 'xabcy' SIMILAR TO '%\mabc\M%' AS f;

-- case: chars_similar_to_dot_literal
SELECT 'a.c' SIMILAR TO 'a.c' AS a, 'abc' SIMILAR TO 'a.c' AS b, 'abc' SIMILAR TO 'a_c' AS c;

-- case: chars_similar_to_repetition
SELECT 'aaa' SIMILAR TO 'a{3}' AS a, 'ab' SIMILAR TO 'a*b+' AS b, 'b' SIMILAR TO 'a?b' AS c, 'xy' SIMILAR TO '[x-z]+' AS d;

-- case: chars_similar_to_escape_clause
SELECT 'a%c' SIMILAR TO 'a#%c' ESCAPE '#' AS a, 'abc' SIMILAR TO 'a#%c' ESCAPE '#' AS b, 'abc' NOT SIMILAR TO 'a%' AS c;

-- case: chars_similar_to_null
SELECT NULL SIMILAR TO 'a' AS a, 'a' SIMILAR TO NULL AS b;

-- case: chars_posix_regex_ops
SELECT 'abc' ~ 'abc' AS a, 'abc' ~ '^a' AS b, 'abc' ~ '(b|d)' AS c, 'abc' ~ '^(b|c)' AS d, 'ABC' ~* 'b' AS e, 'abc' !~ 'x' AS f;

-- case: chars_regexp_replace_docs
SELECT regexp_replace('foobarbaz', 'b..', 'X') AS a, regexp_replace('foobarbaz', 'b..', 'X', 'g') AS b, regexp_replace('foobarbaz', 'b(..)', 'X\1Y', 'g') AS c;

-- case: chars_between_symmetric
SELECT 2 BETWEEN SYMMETRIC 3 AND 1 AS a, 2 BETWEEN 3 AND 1 AS b, 5 NOT BETWEEN SYMMETRIC 1 AND 10 AS c, 'b' BETWEEN SYMMETRIC 'c' AND 'a' AS d, 5 BETWEEN SYMMETRIC NULL AND 5 AS e;

-- case: chars_math_prefix_operators
SELECT |/ 16 AS a, ||/ 8 AS b, 5 # 3 AS c, 7 # 7 AS d;

-- case: chars_row_equality_nulls
SELECT ROW(1, 2) = ROW(1, 2) AS a, ROW(1, NULL) = ROW(2, 2) AS b, ROW(1, NULL) <> ROW(1, 2) AS c, ROW(1, NULL) <> ROW(2, 2) AS d;

-- case: chars_row_ordering_nulls
SELECT ROW(1, NULL) < ROW(2, 0) AS a, ROW(1, 5) <= ROW(1, 5) AS b, ROW(2, 1) > ROW(1, NULL) AS c, ROW(1, NULL) >= ROW(1, 2) AS d;

-- case: chars_unicode_escape_string
SELECT U&'d\0061t\+000061' AS a, U&'d!0061t!+000061' UESCAPE '!' AS b, length(U&'\00e9') AS c;

-- case: chars_escape_string_forms
SELECT E'tab\there' AS a, E'line\\n' AS b, E'\101' AS c, 'it''s' AS d, E'it\'s' AS e;

-- case: chars_boolean_input_text
SELECT 'TRUE'::boolean AS a, ' off '::boolean AS b, 'y'::boolean AS c, 'of'::text AS d, 'fal'::boolean AS e;

-- case: chars_boolean_input_invalid
SELECT 'o'::boolean;

-- case: chars_boolean_input_column
CREATE TABLE dt_chars_boolean_input_column (id int, s text);
INSERT INTO dt_chars_boolean_input_column VALUES (1, 'yes'), (2, 'off'), (3, ' 1 '), (4, NULL);
SELECT id, s::boolean AS b FROM dt_chars_boolean_input_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_chars_boolean_input_column;

-- case: chars_row_to_text
SELECT ROW(1, 'x')::text AS a, ROW('a,b', 'c"d', '')::text AS b, ROW(NULL, 2.5)::text AS c;

-- case: chars_string_comparison
SELECT 'abc' < 'abd' AS a, 'abc' = 'abc' AS b, 'a' < 'ab' AS c, 'Z' < 'a' COLLATE "C" AS d;
