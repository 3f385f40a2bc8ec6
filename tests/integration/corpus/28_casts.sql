-- Casts between types: explicit CAST and ::, implicit coercion in comparisons and inserts.

-- case: cast_int_text_roundtrip
SELECT 42::text AS t, '42'::int + 1 AS i, CAST(42 AS varchar) AS v, CAST('7' AS bigint) AS b, (-5)::text AS neg;

-- case: cast_text_to_bool_forms
SELECT 'true'::boolean AS a, 'f'::boolean AS b, 'YES'::boolean AS c, ' t '::boolean AS d, 'n'::boolean AS e;

-- case: cast_bool_to_int_and_back
SELECT true::int AS t, false::int AS f, 1::boolean AS one, 0::boolean AS zero, 5::boolean AS five;

-- case: cast_bool_to_text
SELECT true::text AS t, false::varchar AS f, CAST(NULL::boolean AS text) AS n;

-- case: cast_numeric_to_int_rounding
SELECT 1.5::int AS a, 2.5::int AS b, -1.5::int AS c, 0.4999::int AS d, 1.5::smallint AS e, 2.5::bigint AS f;

-- case: cast_float_to_numeric_and_text
SELECT 0.1::float8::text AS f_text, 1.0::float8::text AS one_text, 1e100::float8::text AS big_text, 2.5::float4::numeric AS f4_num, (1.0::float8 / 3)::numeric(10,4) AS third;

-- case: cast_int_overflow_on_cast
SELECT 3000000000::int;
SELECT 70000::smallint;
SELECT '99999999999'::int;

-- case: cast_numeric_typmod_overflow
SELECT 999.995::numeric(5,2);
SELECT 12.345::numeric(4,2) AS ok;

-- case: cast_date_timestamp_text
SELECT '2024-03-04'::date::text AS d, '2024-03-04 05:06:07'::timestamp::date AS ts_d, CAST('2024-03-04' AS timestamp) AS d_ts, '05:06'::time::text AS t;

-- case: cast_text_to_interval
SELECT '1 day'::interval AS a, '2 hours 30 minutes'::interval AS b, '1 week'::interval AS c, CAST('3 months' AS interval) AS d, '-1 hour'::interval AS e;

-- case: cast_uuid_text
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid::text AS lowered, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid AS braces;

-- case: cast_implicit_in_comparison
CREATE TABLE dt_cast_implicit_in_comparison (id int, code varchar(10), day date, amount numeric(8,2));
INSERT INTO dt_cast_implicit_in_comparison VALUES (1, '007', '2024-01-01', 10.50), (2, '42', '2024-06-01', 3);
SELECT id FROM dt_cast_implicit_in_comparison WHERE id = '2';
SELECT id FROM dt_cast_implicit_in_comparison WHERE day > '2024-03-01';
SELECT id FROM dt_cast_implicit_in_comparison WHERE amount = '10.5';
SELECT id FROM dt_cast_implicit_in_comparison WHERE code = '007';
-- cleanup
DROP TABLE IF EXISTS dt_cast_implicit_in_comparison;

-- case: cast_int_compared_to_text_column_error
CREATE TABLE dt_cast_int_compared_to_text_column_error (code text);
INSERT INTO dt_cast_int_compared_to_text_column_error VALUES ('1');
SELECT code FROM dt_cast_int_compared_to_text_column_error WHERE code = 1;
-- cleanup
DROP TABLE IF EXISTS dt_cast_int_compared_to_text_column_error;

-- case: cast_insert_assignment_coercion
CREATE TABLE dt_cast_insert_assignment_coercion (s smallint, b bigint, r real, t text, f boolean);
INSERT INTO dt_cast_insert_assignment_coercion VALUES (1.4, '12', '1.25', 3.5, 'yes');
SELECT s, b, r, t, f FROM dt_cast_insert_assignment_coercion;
INSERT INTO dt_cast_insert_assignment_coercion (f) VALUES (1);
-- cleanup
DROP TABLE IF EXISTS dt_cast_insert_assignment_coercion;

-- case: cast_function_style
SELECT int4('12') AS a, float8('1.5') AS b, text(12) AS c, date('2024-01-02') AS d, int8(2.5) AS e;

-- case: cast_typed_literal_prefix
SELECT int '5' AS i, numeric '1.50' AS n, text 'x' AS t, timestamp '2024-01-01 10:00' AS ts, interval '90 seconds' AS iv, real '1.5' AS r;

-- case: cast_regclass_and_regtype
SELECT 'pg_class'::regclass::text AS rel, 'integer'::regtype::text AS typ, 'varchar'::regtype AS vtyp, 'int8'::regtype::text AS alias;

-- case: cast_text_to_json_types
SELECT '{"a": 1}'::text::json AS j, '[1, 2]'::jsonb::text AS jt, 'null'::json IS NULL AS is_sql_null;

-- case: cast_char_and_varchar_lengths
SELECT 'abc'::char(5) || '|' AS padded_concat, length('abc'::char(5)) AS len_char, 'abc  '::varchar(5) = 'abc' AS vc_eq, 'abc'::char(5) = 'abc  '::char(5) AS char_eq;

-- case: cast_null_to_types
SELECT CAST(NULL AS int) AS i, NULL::timestamp AS ts, NULL::boolean AS b, NULL::int[] AS arr, NULL::jsonb AS j;

-- case: cast_bytea_text
SELECT 'abc'::bytea::text AS via_text, convert_to('é', 'UTF8') AS utf8_bytes, convert_from('\x68656c6c6f'::bytea, 'UTF8') AS hello;

-- case: cast_float_string_specials
SELECT 'nan'::float8 AS nan, '-inf'::float8 AS ninf, '+Infinity'::float8 AS pinf, '1.5e-3'::float4 AS f4, '  2.5'::float8 AS spaced;

-- case: cast_invalid_casts_errors
SELECT 'abc'::float8;
SELECT '1,5'::numeric;
SELECT ''::int;
SELECT 'tru'::boolean;
SELECT date '2024-01-01'::int;

-- case: cast_column_alter_and_cast_output_type
CREATE TABLE dt_cast_column_alter_and_cast_output_type (v int);
INSERT INTO dt_cast_column_alter_and_cast_output_type VALUES (1), (2);
SELECT v::text AS t, v::numeric(5,1) AS n, v::float4 AS f, v::bigint AS b, v::smallint AS s FROM dt_cast_column_alter_and_cast_output_type ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_cast_column_alter_and_cast_output_type;

-- case: cast_interval_to_text_and_numbers
SELECT interval '90 minutes'::text AS iv, extract(epoch FROM interval '90 minutes')::int AS secs, (interval '1 day')::time AS as_time;

-- case: cast_timestamp_precision_cast
SELECT '2024-01-01 10:00:00.987654'::timestamp::date AS d, date_trunc('second', '2024-01-01 10:00:00.987654'::timestamp) AS truncated, '2024-01-01 10:00:00.5'::timestamp::time AS t;
