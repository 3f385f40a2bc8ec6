-- Types and their text output.

-- case: type_bool_literals
SELECT true AS t, false AS f, NULL::boolean AS n;

-- case: type_bool_input_forms
SELECT 'yes'::boolean AS a, 'no'::boolean AS b, 'on'::boolean AS c, 'off'::boolean AS d, '1'::boolean AS e, '0'::boolean AS f, 't'::boolean AS g, 'FALSE'::boolean AS h;

-- case: type_bool_column
CREATE TABLE dt_bool (id int, b boolean);
INSERT INTO dt_bool VALUES (1, true), (2, false), (3, NULL);
SELECT id, b, NOT b AS nb FROM dt_bool ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_bool;

-- case: type_int2_limits
SELECT 32767::smallint AS max, (-32768)::smallint AS min, 0::int2 AS zero;

-- case: type_int4_limits
SELECT 2147483647 AS max, -2147483648 AS min, 42::integer AS i;

-- case: type_int8_limits
SELECT 9223372036854775807 AS max, (-9223372036854775808)::bigint AS min, 3000000000 AS big_literal;

-- case: type_integer_literal_types
SELECT 1 AS a, 2147483648 AS b, 1.5 AS c, 1e3 AS d, .5 AS e;

-- case: type_float8_values
SELECT 0.1::float8 AS a, 1e20::float8 AS b, 1.0e-7::float8 AS c, 123456789.125::float8 AS d, (1.0::float8 / 3) AS e, -0.0::float8 AS negzero;

-- case: type_float8_special
SELECT 'NaN'::float8 AS nan, 'Infinity'::float8 AS inf, '-Infinity'::float8 AS ninf, 'inf'::float8 AS inf2;

-- case: type_float8_large_small
SELECT 1e100::float8 AS a, 1.7976931348623157e308::float8 AS b, 5e-324::float8 AS c, 1e15::float8 AS d, 1e16::float8 AS e, 123e-20::float8 AS f;

-- case: type_float4_values
SELECT 0.1::float4 AS a, 1e20::float4 AS b, 3.4028235e38::float4 AS c, 1.5::real AS d, 'NaN'::real AS e, '-Infinity'::real AS f;

-- case: type_float_column
CREATE TABLE dt_float (id int, r real, d double precision);
INSERT INTO dt_float VALUES (1, 0.1, 0.1), (2, 1e20, 1e20), (3, 'NaN', 'Infinity'), (4, -2.5, -1e-10);
SELECT id, r, d FROM dt_float ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_float;

-- case: type_numeric_scales
SELECT 1.50 AS a, 0.000 AS b, -12.345 AS c, 100::numeric AS d, 1.0e2 AS e, 0.1 + 0.2 AS f;

-- case: type_numeric_typmod
SELECT 3.14159::numeric(10,2) AS a, 2.5::numeric(3,0) AS b, 123.456::numeric(6,3) AS c, -0.005::numeric(5,2) AS d;

-- case: type_numeric_column
CREATE TABLE dt_numeric (id int, n numeric(12,4), m numeric);
INSERT INTO dt_numeric VALUES (1, 1.5, 1.5), (2, 123456.78905, 0.00001), (3, -1, 1e20), (4, NULL, 'NaN');
SELECT id, n, m FROM dt_numeric ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_numeric;

-- case: type_numeric_big
SELECT 12345678901234567890.123456789::numeric AS a, 1e20::numeric AS b, 99999999999999999999999999999999999999::numeric AS c;

-- case: type_numeric_arith_scale
SELECT 1.10 * 2.000 AS mul, 1.5 + 1.25 AS add, 10.0 / 4 AS div, 1::numeric / 3 AS third;

-- case: type_text_varchar
SELECT 'hello'::text AS t, 'hi'::varchar AS v, 'abc'::varchar(10) AS v10, 'x'::char(3) AS c3, ''::text AS empty;

-- case: type_varchar_cast_truncates
SELECT 'abcdef'::varchar(3) AS v, 'abcdef'::char(2) AS c;

-- case: type_text_unicode
SELECT 'héllo wörld' AS a, '日本語' AS b, length('日本語') AS len, octet_length('日本語') AS bytes, '😀' AS emoji;

-- case: type_text_special_chars
SELECT 'it''s' AS quote, E'tab\there' AS tab, E'new\nline' AS nl, 'back\slash' AS bs, E'\\' AS one_bs;

-- case: type_char_padding
CREATE TABLE dt_char (id int, c char(5), v varchar(5));
INSERT INTO dt_char VALUES (1, 'ab', 'ab'), (2, 'abcde', 'abcde');
SELECT id, c, v, length(c) AS lc, c || '|' AS cc FROM dt_char ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_char;

-- case: type_bytea_output
SELECT '\x00ff10'::bytea AS a, 'abc'::bytea AS b, ''::bytea AS empty, '\\'::bytea AS bs;

-- case: type_bytea_functions
SELECT decode('48656c6c6f', 'hex') AS d, encode('Hello'::bytea, 'hex') AS e, length('\x0102'::bytea) AS len, encode('\x00ff'::bytea, 'base64') AS b64;

-- case: type_bytea_column
CREATE TABLE dt_bytea (id int, b bytea);
INSERT INTO dt_bytea VALUES (1, '\xdeadbeef'), (2, 'plain'), (3, NULL);
SELECT id, b FROM dt_bytea ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_bytea;

-- case: type_date_values
SELECT '2024-02-29'::date AS leap, '1999-12-31'::date AS y2k, '0001-01-01'::date AS first, date '2000-01-01' + 30 AS plus;

-- case: type_date_bc_infinity
SELECT '0044-03-15 BC'::date AS bc, 'infinity'::date AS inf, '-infinity'::date AS ninf;

-- case: type_time_values
SELECT '12:34:56'::time AS a, '00:00:00'::time AS b, '23:59:59.999999'::time AS c, '24:00:00'::time AS d, '10:00:00.5'::time AS e;

-- case: type_timestamp_values
SELECT '2024-01-02 03:04:05'::timestamp AS a, '2024-01-02 03:04:05.123456'::timestamp AS b, '2000-01-01'::timestamp AS c, '1970-01-01 00:00:00.1'::timestamp AS d;

-- case: type_timestamp_bc_infinity
SELECT '0100-06-01 12:00:00 BC'::timestamp AS bc, 'infinity'::timestamp AS inf, '-infinity'::timestamp AS ninf;

-- case: type_timestamptz_utc
SET TimeZone = 'UTC';
SELECT '2024-01-02 03:04:05+00'::timestamptz AS a, '2024-01-02 03:04:05+02'::timestamptz AS b, '2024-06-30 23:59:59.5-07:30'::timestamptz AS c;

-- case: type_timestamptz_session_zone
SET TimeZone = 'America/New_York';
SELECT '2024-01-15 12:00:00+00'::timestamptz AS winter, '2024-07-15 12:00:00+00'::timestamptz AS summer;
RESET TimeZone;

-- case: type_timestamptz_infinity
SET TimeZone = 'UTC';
SELECT 'infinity'::timestamptz AS inf, '-infinity'::timestamptz AS ninf;

-- case: type_timestamp_precision
SELECT '2024-01-02 03:04:05.123456'::timestamp(0) AS p0, '2024-01-02 03:04:05.123456'::timestamp(3) AS p3;

-- case: type_interval_output
SELECT '1 year 2 months 3 days 04:05:06'::interval AS a, '90 minutes'::interval AS b, '-1 day'::interval AS c, '1.5 seconds'::interval AS d, '0'::interval AS zero;

-- case: type_interval_mixed_signs
SELECT '-1 day +02:00'::interval AS a, '1 mon -1 day'::interval AS b, '-1 year -2 mons'::interval AS c, '-00:00:01'::interval AS d;

-- case: type_interval_arith
SELECT interval '1 day' * 3 AS a, interval '1 hour' / 2 AS b, date '2024-01-31' + interval '1 month' AS c, timestamp '2024-03-01 00:00' - timestamp '2024-02-01 00:00' AS d;

-- case: type_uuid
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid AS upper_nodash;

-- case: type_uuid_column
CREATE TABLE dt_uuid (id int, u uuid);
INSERT INTO dt_uuid VALUES (1, '00000000-0000-0000-0000-000000000000'), (2, 'ffffffff-ffff-ffff-ffff-ffffffffffff');
SELECT id, u FROM dt_uuid ORDER BY u DESC;
-- cleanup
DROP TABLE IF EXISTS dt_uuid;

-- case: type_json_text
SELECT '{"a": 1, "b": [1, 2, 3]}'::json AS j, '[]'::json AS empty, '"str"'::json AS s, 'null'::json AS jnull;

-- case: type_json_operators
SELECT '{"a": {"b": 42}}'::json -> 'a' AS obj, '{"a": {"b": 42}}'::json -> 'a' ->> 'b' AS val, '[10, 20, 30]'::json ->> 1 AS elem;

-- case: type_int_array
SELECT ARRAY[1, 2, 3] AS a, '{}'::int[] AS empty, ARRAY[1, NULL, 3] AS with_null, ARRAY[[1, 2], [3, 4]] AS two_d;

-- case: type_text_array_quoting
SELECT ARRAY['a', 'b c', 'd,e', 'f"g', 'h\i', '', 'NULL', NULL] AS a;

-- case: type_array_input
SELECT '{1,2,3}'::int[] AS a, '{"x y",z}'::text[] AS b, '{{1,2},{3,4}}'::int[] AS c, '{NULL,1}'::int[] AS d;

-- case: type_array_functions
SELECT array_length(ARRAY[1, 2, 3], 1) AS len, ARRAY[1, 2] || ARRAY[3] AS cat, (ARRAY[10, 20, 30])[2] AS elem, array_position(ARRAY['a', 'b'], 'b') AS pos, cardinality(ARRAY[1, 2, 3, 4]) AS card;

-- case: type_array_other_elements
SELECT ARRAY[1.5, 2.25] AS num, ARRAY[true, false] AS bools, ARRAY['2024-01-01'::date] AS dates, ARRAY[0.1::float8, 'NaN'] AS floats;

-- case: type_array_column
CREATE TABLE dt_array (id int, tags text[], nums int[]);
INSERT INTO dt_array VALUES (1, ARRAY['x', 'y'], ARRAY[1]), (2, '{}', NULL), (3, ARRAY[NULL, 'has space'], ARRAY[3, NULL]);
SELECT id, tags, nums FROM dt_array ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_array;

-- case: type_null_typed
SELECT NULL AS untyped, NULL::int AS i, NULL::text AS t, NULL::date AS d, NULL::numeric AS n;

-- case: type_pg_typeof
SELECT pg_typeof(1) AS a, pg_typeof(1.5) AS b, pg_typeof('x'::text) AS c, pg_typeof(now()) AS d, pg_typeof(3000000000) AS e;

-- case: type_pg_typeof_more
SELECT pg_typeof(true) AS a, pg_typeof(1::smallint) AS b, pg_typeof(2.5::float8) AS c, pg_typeof('x'::varchar) AS d, pg_typeof(current_date) AS e, pg_typeof(now()::timestamp) AS f, pg_typeof(interval '1 day') AS g, pg_typeof('{}'::jsonb) AS h;
SELECT pg_typeof(ARRAY[1,2]) AS a, pg_typeof(1.5::real) AS b, pg_typeof('a'::bytea) AS c, pg_typeof('00000000-0000-0000-0000-000000000000'::uuid) AS d;
SELECT pg_typeof(1)::text AS t, pg_typeof(1) = 'integer'::regtype AS eq, pg_typeof(1::bigint)::text || '!' AS c;

-- case: type_pg_typeof_columns
CREATE TABLE dt_type_pg_typeof_columns (i int, n numeric(5,2), t text, ts timestamptz);
INSERT INTO dt_type_pg_typeof_columns VALUES (1, 2.50, 'x', '2024-01-01 00:00:00+00');
SELECT pg_typeof(i) AS a, pg_typeof(n) AS b, pg_typeof(t) AS c, pg_typeof(ts) AS d, pg_typeof(i + n) AS e, pg_typeof(i * 2) AS f FROM dt_type_pg_typeof_columns;
-- cleanup
DROP TABLE IF EXISTS dt_type_pg_typeof_columns;
