-- Values read from text and text made inside SQL: bytea input and functions, numeric constants keeping their
-- scale, and ::text / || / concat() / format() / string_agg() writing each type as PostgreSQL's output does.

-- case: textio_bytea_hex_input
SELECT '\x0102'::bytea AS a, '\xDEADbeef'::bytea AS b, '\x'::bytea AS empty, '\x 01 02'::bytea AS spaced;

-- case: textio_bytea_escape_input
SELECT 'abc \153\154\155 \052\251\124'::bytea AS octal, 'a\\b'::bytea AS backslash, E'\\001x'::bytea AS e_string, 'plain'::bytea AS plain;

-- case: textio_bytea_insert_and_compare
CREATE TABLE dt_textio_bytea_insert_and_compare (id int, b bytea);
INSERT INTO dt_textio_bytea_insert_and_compare VALUES (1, '\xdeadbeef'), (2, 'plain\\text'), (3, '\x'), (4, NULL);
SELECT id, b FROM dt_textio_bytea_insert_and_compare ORDER BY id;
SELECT id FROM dt_textio_bytea_insert_and_compare WHERE b = '\xdeadbeef' ORDER BY id;
UPDATE dt_textio_bytea_insert_and_compare SET b = '\x00ff' WHERE id = 3;
SELECT id, b FROM dt_textio_bytea_insert_and_compare WHERE id = 3;
-- cleanup
DROP TABLE IF EXISTS dt_textio_bytea_insert_and_compare;

-- case: textio_bytea_invalid_input
SELECT '\x0g'::bytea;
SELECT '\xabc'::bytea;
SELECT 'a\b'::bytea;

-- case: textio_encode_formats
SELECT encode('\x00ff'::bytea, 'hex') AS hex, encode('Hello'::bytea, 'base64') AS b64, encode('a\\b\000\377'::bytea, 'escape') AS esc;

-- case: textio_encode_base64_long
SELECT encode(convert_to(repeat('x', 60), 'UTF8'), 'base64') AS b64;

-- case: textio_decode_formats
SELECT decode('48656c6c6f', 'hex') AS d1, decode('SGVsbG8=', 'base64') AS d2, decode('a\000b', 'escape') AS d3, decode('DEAD beef', 'hex') AS d4;

-- case: textio_encode_decode_errors
SELECT decode('abc', 'hex');
SELECT decode('zz', 'hex');
SELECT decode('SGVsbG8', 'base64');
SELECT encode('x'::bytea, 'rot13');

-- case: textio_convert_to_from
SELECT convert_to('héllo', 'UTF8') AS utf8, convert_from('\x68c3a96c6c6f'::bytea, 'UTF8') AS text, convert_to('café', 'LATIN1') AS latin1, convert_from('\x636166e9'::bytea, 'LATIN1') AS from_latin1;

-- case: textio_convert_from_invalid_utf8
SELECT convert_from('\xff'::bytea, 'UTF8');

-- case: textio_sha256
SELECT sha256('abc'::bytea) AS s1, sha256(''::bytea) AS empty, encode(sha256('abc'), 'hex') AS hex;

-- case: textio_bytea_to_text
SELECT 'abc'::bytea::text AS a, '\x00ff'::bytea::text AS b, CAST('\xdead'::bytea AS text) AS c;

-- case: textio_numeric_constant_scale
SELECT 1.25::numeric AS a, '0.1'::numeric + 1 AS b, 100::numeric AS c, numeric '1.50' AS d, ' 3.5 '::numeric AS e, CAST('2.500' AS numeric) AS f;

-- case: textio_numeric_exponent_literals
SELECT 1e3 AS a, 1.0e2 AS b, 2.5e-3 AS c, 1.5E1 AS d, 1e-10::numeric * 1e10 AS e;

-- case: textio_numeric_constant_arithmetic
SELECT 1.5::numeric * 2 AS a, 0.1::numeric + 0.25::numeric AS b, -2.50::numeric AS c, 12345678901234567890::numeric + 1 AS d;

-- case: textio_float_literal_read_exactly
SELECT 1.23456789012345678::float8 AS a, 0.1::float4 AS b, 1e20::float8 AS c;

-- case: textio_text_of_booleans_and_floats
SELECT true::text AS t, CAST(false AS text) AS f, 1.5::float8::text AS d, 1::float8::text AS one, 1e20::float8::text AS big, 0.1::real::text AS r, 'NaN'::float8::text AS nan, '-Infinity'::float8::text AS neg_inf;

-- case: textio_text_of_dates_and_intervals
SELECT '2024-01-15 12:30:00'::timestamp::text AS ts, '2024-01-15'::date::text AS d, '1 year 2 months 3 days 04:05:06'::interval::text AS iv, '13:45:00.5'::time::text AS t, interval '90 minutes'::text AS im;

-- case: textio_text_of_timestamptz
SET TimeZone = 'America/New_York';
SELECT '2024-01-15 12:00:00+00'::timestamptz::text AS a, 'at ' || '2024-07-01 00:00:00.25+00'::timestamptz AS b;

-- case: textio_concat_operator_types
SELECT 'flag: ' || true AS a, 'x' || 1.5::float8 AS b, 'd=' || '2024-01-15'::date AS c, 'iv ' || interval '1 day 2 hours' AS e, true || '!' AS f;

-- case: textio_concat_function_types
SELECT concat('b', 1, 2.5::float8, '\x0a'::bytea) AS a, concat_ws(',', 1e20::float8, '2024-01-15'::date, interval '36 hours') AS b;

-- case: textio_format_function_types
SELECT format('%s and %s', 1.5::float8, '2024-01-15 10:00:00'::timestamp) AS a, format('%s', '\x01'::bytea) AS c;

-- case: textio_string_agg_of_text_casts
CREATE TABLE dt_textio_string_agg_of_text_casts (i int, b boolean, f float8);
INSERT INTO dt_textio_string_agg_of_text_casts VALUES (1, true, 1.5), (2, false, 2), (3, NULL, 1e-7);
SELECT string_agg(b::text, ',' ORDER BY i) AS bools, string_agg(f::text, ';' ORDER BY i) AS floats FROM dt_textio_string_agg_of_text_casts;
-- cleanup
DROP TABLE IF EXISTS dt_textio_string_agg_of_text_casts;

-- case: textio_row_text_output
SELECT ROW(1, 'a b', NULL)::text AS r;
