-- Expressions and operators, integer division and modulo, casts.

-- case: expr_arith_precedence
SELECT 1 + 2 * 3 AS a, (1 + 2) * 3 AS b, 2 ^ 3 ^ 2 AS c, -2 ^ 2 AS d, 10 - 2 - 3 AS e;

-- case: expr_int_division
SELECT 7 / 2 AS a, -7 / 2 AS b, 7 / -2 AS c, 1 / 3 AS d, 9 / 3 AS e;

-- case: expr_int_modulo
SELECT 7 % 3 AS a, -7 % 3 AS b, 7 % -3 AS c, mod(-7, 3) AS d, 0 % 5 AS e;

-- case: expr_bigint_division
SELECT 9223372036854775807 / 2 AS a, 10::bigint / 4 AS b, 10::smallint / 4::smallint AS c, 10::smallint % 4::smallint AS d;

-- case: expr_numeric_division
SELECT 7.0 / 2 AS a, 7 / 2.0 AS b, 1.0 / 3 AS c, 7::numeric % 3 AS d, 7.5 % 2 AS e;

-- case: expr_float_division
SELECT 7::float8 / 2 AS a, 1::float8 / 3 AS b, 7::float4 / 2 AS c, 2::float8 / 0.5 AS d;

-- case: expr_div_function
SELECT div(7, 2) AS a, div(-7, 2) AS b, div(7.5, 2) AS c;

-- case: expr_comparison
SELECT 1 < 2 AS lt, 2 <= 2 AS le, 3 <> 3 AS ne, 3 != 4 AS ne2, 'a' < 'b' AS str_lt, 'B' < 'a' AS case_order;

-- case: expr_between_in
SELECT 5 BETWEEN 1 AND 10 AS a, 5 NOT BETWEEN 6 AND 10 AS b, 5 BETWEEN SYMMETRIC 10 AND 1 AS c, 3 IN (1, 2, 3) AS d, 4 NOT IN (1, 2, 3) AS e;

-- case: expr_like_ilike
SELECT 'hello' LIKE 'h%' AS a, 'hello' LIKE '_ell_' AS b, 'Hello' LIKE 'h%' AS c, 'Hello' ILIKE 'h%' AS d, 'a%b' LIKE 'a\%b' AS e, 'abc' NOT LIKE '%d%' AS f;

-- case: expr_regex_match
SELECT 'abc123' ~ '[0-9]+' AS a, 'ABC' ~* 'abc' AS b, 'abc' !~ '^b' AS c, 'foobar' SIMILAR TO 'foo(bar|baz)' AS d;

-- case: expr_string_concat
SELECT 'a' || 'b' || 'c' AS a, 'n=' || 42 AS b, 42 || '!' AS c, 'x' || NULL AS d;

-- case: expr_boolean_ops
SELECT true AND false AS a, true OR false AS b, NOT true AS c, (1 < 2) AND (2 < 3) AS d;

-- case: expr_is_distinct_from
SELECT 1 IS DISTINCT FROM NULL AS a, NULL IS DISTINCT FROM NULL AS b, NULL IS NOT DISTINCT FROM NULL AS c, 1 IS NOT DISTINCT FROM 1 AS d;

-- case: expr_is_true_false_unknown
SELECT true IS TRUE AS a, NULL::boolean IS UNKNOWN AS b, false IS NOT TRUE AS c, NULL::boolean IS FALSE AS d;

-- case: expr_bitwise
SELECT 12 & 10 AS band, 12 | 10 AS bor, 12 # 10 AS bxor, ~12 AS bnot, 1 << 4 AS shl, 256 >> 2 AS shr;

-- case: expr_unary_math_ops
SELECT @ -5 AS abs, |/ 25.0 AS sqrt, ||/ 27.0 AS cbrt, - (-3) AS neg;

-- case: expr_row_comparison
SELECT (1, 2) < (1, 3) AS a, (1, 'b') = (1, 'b') AS b, ROW(1, NULL) = ROW(1, 2) AS c;

-- case: expr_any_all_arrays
SELECT 2 = ANY(ARRAY[1, 2, 3]) AS a, 5 > ALL(ARRAY[1, 2, 3]) AS b, 1 = ANY('{}'::int[]) AS c, 'x' = ANY(ARRAY['y', NULL]) AS d;

-- case: expr_date_arith
SELECT date '2024-03-01' - date '2024-02-01' AS days, date '2024-01-01' + 1 AS plus1, date '2024-01-01' - 1 AS minus1, date '2024-01-01' + time '10:30' AS ts;

-- case: expr_timestamp_arith
SELECT timestamp '2024-01-01 10:00' + interval '90 minutes' AS a, timestamp '2024-01-01' - interval '1 day' AS b, age(timestamp '2024-03-15', timestamp '2023-01-01') AS c;

-- case: expr_extract
SELECT extract(year FROM date '2024-05-17') AS y, extract(month FROM timestamp '2024-05-17 10:00') AS m, extract(dow FROM date '2024-05-17') AS dow, extract(epoch FROM timestamp '2000-01-01 00:00:00') AS epoch, date_part('day', date '2024-05-17') AS dp;

-- case: expr_date_trunc
SELECT date_trunc('month', timestamp '2024-05-17 10:11:12') AS m, date_trunc('hour', timestamp '2024-05-17 10:11:12') AS h, date_trunc('year', date '2024-05-17') AS y;

-- case: expr_make_date_time
SELECT make_date(2024, 2, 29) AS d, make_time(10, 20, 30.5) AS t, make_timestamp(2024, 1, 2, 3, 4, 5.5) AS ts, make_interval(days => 3, hours => 4) AS i;

-- case: expr_case_searched
SELECT x, CASE WHEN x < 0 THEN 'neg' WHEN x = 0 THEN 'zero' ELSE 'pos' END AS sign FROM (VALUES (-1), (0), (5)) AS v(x) ORDER BY x;

-- case: expr_case_simple
SELECT x, CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS name FROM (VALUES (1), (2), (3)) AS v(x) ORDER BY x;

-- case: expr_coalesce_nullif
SELECT COALESCE(NULL, NULL, 3) AS a, COALESCE(NULL::text, 'x') AS b, NULLIF(5, 5) AS c, NULLIF(5, 6) AS d, COALESCE(NULLIF('', ''), 'empty') AS e;

-- case: expr_greatest_least
SELECT GREATEST(1, 5, 3) AS g, LEAST(4, 2, 8) AS l, GREATEST(1, NULL, 3) AS gn, LEAST('b', 'a', 'c') AS ls, GREATEST(1, 2.5) AS mixed;

-- case: expr_cast_text_to_int
SELECT '42'::int AS a, '  7  '::int AS b, '-12'::bigint AS c, CAST('100' AS smallint) AS d, '+5'::int AS e;

-- case: expr_cast_numeric_to_int_rounding
SELECT 3.7::int AS a, 3.5::int AS b, -2.5::int AS c, 2.5::int AS d, 2.5::float8::int AS e, 3.5::float8::int AS f, (-2.5)::float8::int AS g;

-- case: expr_cast_to_text
SELECT 42::text AS a, 1.50::text AS b, true::text AS c, date '2024-01-02'::text AS d, 0.1::float8::text AS e, ARRAY[1, 2]::text AS f;

-- case: expr_cast_to_numeric
SELECT '3.14159'::numeric(4,2) AS a, 10::numeric / 3 AS b, 1e-3::numeric AS c, 0.5::float8::numeric AS d, CAST(7 AS numeric(5,1)) AS e;

-- case: expr_cast_date_time
SELECT '2024-01-02'::timestamp AS a, timestamp '2024-01-02 10:20:30'::date AS b, timestamp '2024-01-02 10:20:30'::time AS c, 'January 5, 2024'::date AS d, '20240105'::date AS e;

-- case: expr_cast_bool
SELECT 1::boolean AS a, 0::boolean AS b, true::int AS c, 'true'::boolean::text AS d;

-- case: expr_cast_float
SELECT '1.5'::float8 AS a, ' 2.5e3 '::float8 AS b, 1::float4 AS c, 1.23456789012345678::float8 AS d, 1.23456789::float4 AS e;

-- case: expr_postgres_style_casts
SELECT int '5' AS a, text 'abc' AS b, numeric '1.50' AS c, CAST(5 AS text) || 'x' AS d, varchar(2) 'abc' AS e;

-- case: expr_to_char
SELECT to_char(1234.5, '9999.99') AS a, to_char(date '2024-03-05', 'YYYY-MM-DD') AS b, to_char(timestamp '2024-03-05 14:05:06', 'HH24:MI:SS') AS c, to_char(42, '000') AS d;

-- case: expr_to_date_to_timestamp
SET TimeZone = 'UTC';
SELECT to_date('05 Mar 2024', 'DD Mon YYYY') AS a, to_timestamp('2024-03-05 14:05:06', 'YYYY-MM-DD HH24:MI:SS') AS b, to_timestamp(0) AS c;

-- case: expr_in_subselect_values
SELECT x FROM (VALUES (1), (2), (3), (4)) AS v(x) WHERE x IN (2, 4) ORDER BY x;
