-- Functions PostgreSQL 15 has and DuckDB lacks or defines otherwise: Duckgres's macros, C++ functions and rewrites.

-- case: fn_quote_ident_reserved_words
SELECT quote_ident('select') AS a, quote_ident('user') AS b, quote_ident('name') AS c, quote_ident('Mixed') AS d, quote_ident('my table') AS e, quote_ident('value') AS f, quote_ident('order') AS g;

-- case: fn_format_flags_and_positions
SELECT format('%s-%s', 'a', 'b') AS a, format('%2$s %1$s', 'world', 'hello') AS b, format('[%5s]', 'ab') AS c, format('[%-5s]', 'ab') AS d, format('%I.%I', 'public', 'My Table') AS e, format('%L', 'O''Reilly') AS f, format('%L', NULL) AS g, format('[%4s]', NULL) AS h, format('%s%%', 50) AS i;

-- case: fn_format_in_ddl_text
CREATE TABLE dt_fn_format_in_ddl_text (id int, name text);
INSERT INTO dt_fn_format_in_ddl_text VALUES (1, 'x'), (2, 'it''s');
SELECT format('INSERT INTO %I VALUES (%s, %L);', 'dt_fn_format_in_ddl_text', id, name) AS stmt FROM dt_fn_format_in_ddl_text ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_fn_format_in_ddl_text;

-- case: fn_to_char_numbers
SELECT to_char(1234.5, '9999.99') AS a, to_char(-1234.5, 'FM9,999.00') AS b, to_char(42, '00000') AS c, to_char(0.157, 'FM990.0%') AS d, to_char(5, 'S999') AS e, to_char(-5, '999PR') AS f, to_char(12345, '999') AS g, to_char(1234567.891, '9,999,999.99') AS h, to_char(21, 'FM99th') AS i;

-- case: fn_to_char_column_of_amounts
CREATE TABLE dt_fn_to_char_column_of_amounts (id int, amount numeric(10,2));
INSERT INTO dt_fn_to_char_column_of_amounts VALUES (1, 1234.5), (2, -0.25), (3, 0), (4, NULL);
SELECT id, to_char(amount, 'FM999,990.00') AS shown, to_char(amount, '9999.9') AS padded FROM dt_fn_to_char_column_of_amounts ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_fn_to_char_column_of_amounts;

-- case: fn_to_char_dates_still_work
SELECT to_char(date '2024-03-05', 'YYYY-MM-DD') AS a, to_char(timestamp '2024-03-05 14:05:06', 'HH24:MI:SS') AS b, to_char(timestamp '2024-03-05 14:05:06', 'DD Mon YYYY') AS c;

-- case: fn_to_number_templates
SELECT to_number('1,234.50', '9G999D99') AS a, to_number('  -42', '999') AS b, to_number('12,454.8-', '99G999D9S') AS c, to_number('<5>', '9PR') AS d;

-- case: fn_to_date_and_to_timestamp
SET TimeZone = 'UTC';
SELECT to_date('2024-03-05', 'YYYY-MM-DD') AS a, to_date('05 Mar 2024', 'DD Mon YYYY') AS b, to_timestamp('2024-03-05 14:05:06', 'YYYY-MM-DD HH24:MI:SS') AS c, to_timestamp(86400) AS d;

-- case: fn_div_function
SELECT div(7, 2) AS a, div(-7, 2) AS b, div(9.5, 2) AS c, div(-7.5, 2) AS d;

-- case: fn_overlay_placing
SELECT overlay('Txxxxas' PLACING 'hom' FROM 2 FOR 4) AS a, overlay('abc' PLACING 'Z' FROM 2) AS b, overlay('abc' PLACING 'XYZ' FROM 2 FOR 0) AS c;

-- case: fn_regexp_match_groups
SELECT regexp_match('foo123', '([a-z]+)([0-9]+)') AS a, regexp_match('abc', 'x') IS NULL AS b, regexp_match('ABC', 'b', 'i') AS c, regexp_match('x=1', 'x=(\d)') AS d;

-- case: fn_regexp_matches_rows
SELECT regexp_matches('a1b2c3', '[a-z]([0-9])', 'g') AS m;
SELECT m FROM regexp_matches('k1=v1;k2=v2', '(\w+)=(\w+)', 'g') AS m ORDER BY m;

-- case: fn_to_hex_widths
SELECT to_hex(255) AS a, to_hex(-1) AS b, to_hex(4294967296) AS c, to_hex(-1::bigint) AS d, to_hex(0) AS e;

-- case: fn_octet_length_text
SELECT octet_length('héllo') AS a, octet_length('日本') AS b, octet_length('') AS c, octet_length('abc'::bytea) AS d;

-- case: fn_scale_functions
SELECT scale(1.2300) AS a, min_scale(1.2300) AS b, scale(10) AS c, min_scale(0.500) AS d;

-- case: fn_justify_intervals
SELECT justify_days(interval '35 days') AS a, justify_hours(interval '27 hours') AS b, justify_interval(interval '1 mon -1 hour') AS c, justify_days(interval '-35 days') AS d, justify_hours(interval '-27 hours') AS e, justify_interval(interval '-1 mon 1 hour') AS f;

-- case: fn_make_interval_named
SELECT make_interval(days => 3, hours => 4) AS a, make_interval(years => 1, months => 2) AS b, make_interval(mins => 90) AS c;

-- case: fn_isfinite_kinds
SELECT isfinite(date '2024-01-01') AS a, isfinite('infinity'::date) AS b, isfinite(timestamp '2024-01-01') AS c, isfinite(interval '1 day') AS d;

-- case: fn_date_bin_strides
SELECT date_bin('15 minutes', timestamp '2024-02-03 10:38:12', timestamp '2024-01-01') AS a, date_bin('1 hour', timestamp '2024-02-03 10:38:12', timestamp '2024-01-01 00:30') AS b, date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2020-02-11 15:45') AS c;

-- case: fn_json_typeof_names
SELECT json_typeof('{"a": 1}') AS a, json_typeof('[1]') AS b, jsonb_typeof('"s"') AS c, jsonb_typeof('1.5') AS d, json_typeof('true') AS e, jsonb_typeof('null') AS f;

-- case: fn_json_extract_path_text
SELECT json_extract_path_text('{"a": [1, 2]}', 'a', '1') AS a, jsonb_extract_path_text('{"a": {"b": "x"}}', 'a', 'b') AS b, json_extract_path_text('{"a": 1}', 'z') IS NULL AS c;

-- case: fn_json_array_elements_text_rows
SELECT x FROM json_array_elements_text('["p", "q", "r"]') AS x ORDER BY x;
SELECT value FROM jsonb_array_elements_text('["b", "a"]') ORDER BY value;

-- case: fn_jsonb_each_text_rows
SELECT key, value FROM jsonb_each_text('{"b": 2, "a": "x", "c": null}') ORDER BY key;
SELECT key, value FROM json_each_text('{"k": "v"}') ORDER BY key;
