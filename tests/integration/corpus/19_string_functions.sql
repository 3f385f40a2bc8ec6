-- More string functions and operators: pattern matching, regular expressions, formatting.

-- case: strf_like_escape
SELECT 'a_b' LIKE 'a\_b' AS backslash_default, 'axb' LIKE 'a\_b' AS no_match, 'a%b' LIKE 'a#%b' ESCAPE '#' AS custom_escape, '50%' LIKE '%!%' ESCAPE '!' AS pct;

-- case: strf_not_like_ilike
SELECT s FROM (VALUES ('Alpha'), ('beta'), ('ALPINE'), ('gamma')) AS t(s) WHERE s NOT LIKE 'A%' ORDER BY s;
SELECT s FROM (VALUES ('Alpha'), ('beta'), ('ALPINE'), ('gamma')) AS t(s) WHERE s ILIKE 'al%' ORDER BY s;
SELECT s FROM (VALUES ('Alpha'), ('beta'), ('ALPINE'), ('gamma')) AS t(s) WHERE s NOT ILIKE '%A' ORDER BY s;

-- case: strf_like_operators_tilde
SELECT 'abc' ~~ 'a%' AS like_op, 'ABC' ~~* 'a%' AS ilike_op, 'abc' !~~ 'b%' AS not_like_op, 'ABC' !~~* 'a%' AS not_ilike_op;

-- case: strf_similar_to
SELECT 'abc' SIMILAR TO 'a(b|x)c' AS a, 'abd' SIMILAR TO '%(c|d)' AS b, 'abc' SIMILAR TO 'b%' AS c, 'aaa' NOT SIMILAR TO 'a+' AS d;

-- case: strf_regex_operators
SELECT 'PostgreSQL' ~ '^Post' AS a, 'PostgreSQL' ~* '^post' AS b, 'PostgreSQL' !~ 'SQL$' AS c, 'PostgreSQL' !~* 'sql$' AS d, 'a.c' ~ 'a\.c' AS e;

-- case: strf_regex_in_where
CREATE TABLE dt_strf_regex_in_where (id int, email text);
INSERT INTO dt_strf_regex_in_where VALUES (1, 'ann@example.com'), (2, 'bad-address'), (3, 'Ben@Example.ORG'), (4, NULL);
SELECT id, email FROM dt_strf_regex_in_where WHERE email ~* '^[a-z]+@[a-z]+\.(com|org)$' ORDER BY id;
SELECT id FROM dt_strf_regex_in_where WHERE email !~ '@' ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_strf_regex_in_where;

-- case: strf_regexp_replace_flags
SELECT regexp_replace('Hello HELLO hello', 'hello', 'bye', 'gi') AS gi, regexp_replace('a.b.c', '\.', '-', 'g') AS dots, regexp_replace('2024-01-15', '(\d+)-(\d+)-(\d+)', '\3/\2/\1') AS backrefs, regexp_replace('  many   spaces  ', '\s+', ' ', 'g') AS squeeze;

-- case: strf_regexp_pg15_functions
SELECT regexp_count('banana', 'an') AS cnt, regexp_instr('banana', 'an', 1, 2) AS second_pos, regexp_substr('abc123def456', '[0-9]+', 1, 2) AS second_num, regexp_like('Hello', '^h', 'i') AS like_i;

-- case: strf_regexp_pg15_edges
SELECT regexp_substr('abc', 'x') IS NULL AS no_match, regexp_instr('banana', 'x') AS no_pos, regexp_instr('xxab', 'ab') AS pos, regexp_count('banana', 'a', 3) AS from_third, regexp_count('aAa', 'a', 1, 'i') AS ci, regexp_like('Hello', '^h') AS cs, regexp_substr('a1b22c333', '[0-9]+', 3) AS from_start, regexp_instr('a1b22c333', '[0-9]+', 1, 3) AS third;

-- case: strf_regexp_matches_rows
SELECT m FROM regexp_matches('k1=v1;k2=v2;k3=v3', '(\w+)=(\w+)', 'g') AS m ORDER BY m;

-- case: strf_regexp_split_to_table
SELECT part FROM regexp_split_to_table('one, two,three ,  four', '\s*,\s*') WITH ORDINALITY AS t(part, n) ORDER BY n;

-- case: strf_string_to_table
SELECT v FROM string_to_table('a|b||c', '|') WITH ORDINALITY AS t(v, n) ORDER BY n;

-- case: strf_split_to_table_in_select_list
SELECT string_to_table('x,y,,z', ',') AS piece;
SELECT regexp_split_to_table('a1b22c', '[0-9]+') AS piece, 1 AS k;

-- case: strf_split_part_negative
SELECT split_part('a.b.c.d', '.', -1) AS last, split_part('a.b.c.d', '.', -2) AS second_last, split_part('www.example.com', '.', 2) AS domain;

-- case: strf_concat_operator_types
SELECT 'abc' || 123 AS text_int, 42 || '!' AS int_text, 'x' || 1.5 AS text_num, 'd:' || date '2024-01-02' AS text_date, 'b:' || true AS text_bool;

-- case: strf_greatest_least_text
SELECT greatest('apple', 'pear', 'banana') AS g, least('apple', 'pear', 'banana') AS l, greatest('a', NULL, 'c') AS g_null, least('B', 'a') AS case_sensitive;

-- case: strf_collate_c_ordering
SELECT s FROM (VALUES ('b'), ('B'), ('a'), ('A'), ('_x'), ('1')) AS t(s) ORDER BY s COLLATE "C";

-- case: strf_text_comparison_operators
SELECT 'abc' < 'abd' AS lt, 'abc' = 'abc ' AS trailing_space, 'a' < 'ab' AS prefix, '' < 'a' AS empty, 'Z' < 'a' AS upper_lower;

-- case: strf_btrim_ltrim_chars
SELECT btrim('xyxabcyx', 'xy') AS b, ltrim('000123', '0') AS l, rtrim('abc...', '.') AS r, trim(trailing 'x' FROM 'axxx') AS t, trim('  ' || 'both' || '  ') AS spaces;

-- case: strf_substring_edge_cases
SELECT substring('hello' FROM -1 FOR 3) AS neg_start, substring('hello' FROM 2 FOR 0) AS zero_len, substr('hello', 3) AS two_arg, substring('hello', 2, 3) AS comma_form, substring('héllo' FROM 2 FOR 2) AS multibyte;

-- case: strf_format_positional_width
SELECT format('%1$s-%1$s-%2$s', 'a', 'b') AS positional, format('[%-6s]', 'ab') AS left_pad, format('[%6s]', 'ab') AS right_pad, format('%s items', 3) AS num;

-- case: strf_format_identifiers_in_sql
SELECT format('SELECT * FROM %I WHERE name = %L', 'User Table', 'O''Brien') AS q, format('%I.%I', 'public', 'simple') AS qualified, format('%L', NULL) AS null_lit;

-- case: strf_quote_ident_keywords
SELECT quote_ident('select') AS kw, quote_ident('UPPER') AS upper_name, quote_ident('a"b') AS embedded_quote, quote_literal(42) AS lit_int, quote_literal(E'back\\slash') AS lit_bs;

-- case: strf_lpad_rpad_multibyte
SELECT lpad('é', 3, '*') AS a, rpad('日本', 4, '-') AS b, length(lpad('abc', 6, 'xy')) AS c, lpad('abc', 6, 'xy') AS d;

-- case: strf_repeat_and_length_column
CREATE TABLE dt_strf_repeat_and_length_column (id int, name varchar(20));
INSERT INTO dt_strf_repeat_and_length_column VALUES (1, 'ab'), (2, 'abcdef'), (3, '');
SELECT id, name, char_length(name) AS len, repeat('*', char_length(name)) AS stars, rpad(name, 8, '.') AS padded FROM dt_strf_repeat_and_length_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_strf_repeat_and_length_column;

-- case: strf_like_any_array
SELECT s FROM (VALUES ('apple'), ('banana'), ('cherry'), ('avocado')) AS t(s) WHERE s LIKE ANY (ARRAY['a%', '%y']) ORDER BY s;
SELECT s FROM (VALUES ('apple'), ('banana'), ('cherry'), ('avocado')) AS t(s) WHERE s NOT LIKE ALL (ARRAY['a%', '%y']) ORDER BY s;

-- case: strf_starts_with_operator
SELECT 'postgres' ^@ 'post' AS a, 'postgres' ^@ 'gres' AS b, starts_with('', '') AS c;

-- case: strf_case_insensitive_search
CREATE TABLE dt_strf_case_insensitive_search (id int, name text);
INSERT INTO dt_strf_case_insensitive_search VALUES (1, 'Smith'), (2, 'SMITH'), (3, 'smithson'), (4, 'Jones');
SELECT id FROM dt_strf_case_insensitive_search WHERE lower(name) = lower('smith') ORDER BY id;
SELECT id FROM dt_strf_case_insensitive_search WHERE upper(name) LIKE 'SMITH%' ORDER BY id;
SELECT lower(name) AS n, count(*) AS c FROM dt_strf_case_insensitive_search GROUP BY lower(name) ORDER BY n;
-- cleanup
DROP TABLE IF EXISTS dt_strf_case_insensitive_search;

-- case: strf_string_agg_distinct_and_grouped
SELECT g, string_agg(DISTINCT s, ',' ORDER BY s) AS names FROM (VALUES (1, 'b'), (1, 'a'), (1, 'b'), (2, 'c')) AS t(g, s) GROUP BY g ORDER BY g;

-- case: strf_sha_and_md5
SELECT md5('The quick brown fox') AS m, sha256('abc'::bytea) AS s256, md5(NULL) AS m_null;

-- case: strf_chr_ascii_edge
SELECT chr(10) = E'\n' AS newline, ascii('') AS empty, chr(8364) AS euro, ascii('€') AS euro_code;

-- case: strf_newlines_and_tabs_in_values
SELECT E'line1\nline2' AS two_lines, length(E'a\tb') AS tab_len, replace(E'a\r\nb', E'\r\n', ' ') AS crlf, position(E'\n' IN E'ab\ncd') AS nl_pos;

-- case: strf_translate_and_replace_chains
SELECT translate('(555) 123-4567', '() -', '') AS digits, replace(replace('a-b_c', '-', ' '), '_', ' ') AS spaced, upper(left('hello', 1)) || substr('hello', 2) AS capitalized;

-- case: strf_position_family_column
CREATE TABLE dt_strf_position_family_column (id int, path text);
INSERT INTO dt_strf_position_family_column VALUES (1, '/usr/local/bin'), (2, 'relative/path'), (3, '/');
SELECT id, position('/' IN path) AS first_slash, split_part(path, '/', 2) AS second, reverse(split_part(reverse(path), '/', 1)) AS basename FROM dt_strf_position_family_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_strf_position_family_column;

-- case: strf_unicode_case_mapping
SELECT upper('straße') AS a, lower('ÀÉÎ') AS b, upper('ñandú') AS c, length(upper('straße')) AS len;

-- case: strf_text_to_number_casts
SELECT '  42  '::int AS spaced_int, '+7'::int AS plus, '-0'::int AS neg_zero, ' 3.5 '::numeric AS spaced_num, '1e3'::float8 AS sci;

-- case: strf_to_ascii_and_concat_ws_many
SELECT concat_ws(', ', 'Smith', NULL, 'John', '', 'Jr') AS full_name, concat_ws(NULL, 'a', 'b') AS null_sep, concat_ws('', 'a', 'b') AS empty_sep;

-- case: strf_nullif_empty_strings
SELECT coalesce(nullif(s, ''), '(none)') AS v FROM (VALUES ('x'), (''), (NULL)) AS t(s) ORDER BY v;

-- case: strf_case_mapping_more
SELECT upper('ǆemal') AS a, lower('ǄEMAL') AS b, initcap('ǆemal ǉubav') AS c, upper('ﬁne') AS d, lower('İstanbul') AS e, upper('ﬀ ŉ ǰ') AS f;
SELECT initcap('hello wORLD-foo_bar 3rd ÉCOLE straße') AS a, upper('groß') AS b, lower('ΣΑΣ') AS c, upper('ς') AS d, initcap('élan vital') AS e;
SELECT upper(name) AS u, lower(name) AS l, initcap(name) AS i FROM (VALUES ('Ærø'), ('ÇA VA'), ('ǳ')) AS t(name) ORDER BY name;
