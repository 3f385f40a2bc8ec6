-- Numeric functions, operators and result types.

-- case: num_round_numeric_places
SELECT round(3.14159, 2) AS a, round(2.5) AS half_up, round(-2.5) AS neg_half, round(1234.5678, -2) AS neg_places, round(0.005, 2) AS tiny;

-- case: num_round_column_numeric
CREATE TABLE dt_num_round_column_numeric (id int, price numeric(10,2), qty int);
INSERT INTO dt_num_round_column_numeric VALUES (1, 19.99, 3), (2, 0.10, 7), (3, 100.00, 1);
SELECT id, price * qty AS line_total, round(price * 1.2, 2) AS with_tax, price / 4 AS quarter FROM dt_num_round_column_numeric ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_num_round_column_numeric;

-- case: num_trunc_ceil_floor
SELECT trunc(4.789, 1) AS t1, trunc(-4.789) AS t0, ceil(-4.2) AS c, ceiling(4.2) AS cl, floor(-4.2) AS f, floor(4.8) AS f2;

-- case: num_ceil_floor_float
SELECT ceil(4.2::float8) AS c, floor(-4.2::float8) AS f, trunc(4.7::float8) AS t, round(4.5::float8) AS r, round(3.5::float8) AS r2;

-- case: num_integer_division_and_modulo_signs
SELECT 7 / 2 AS a, -7 / 2 AS b, 7 / -2 AS c, 7 % 3 AS d, -7 % 3 AS e, 7 % -3 AS f, mod(-7, 3) AS g, mod(7.5, 2) AS h;

-- case: num_abs_functions
SELECT abs(-5) AS i, abs(-5::bigint) AS b, abs(-5.25) AS n, abs(-1.5::float8) AS f, abs(0) AS z;

-- case: num_power_sqrt_float
SELECT power(2, 10) AS p, power(2.0::float8, 0.5) AS root2, sqrt(16::float8) AS s, cbrt(27::float8) AS cb, 2 ^ 3 AS caret;

-- case: num_log_exp_float
SELECT ln(1::float8) AS ln1, log(100::float8) AS log100, log10(1000::float8) AS log10_1000, exp(0::float8) AS e0, exp(1::float8) AS e1;

-- case: num_trig_degrees
SELECT pi() AS pi, degrees(pi()) AS deg, radians(180) AS rad, sin(0) AS s0, cos(0) AS c0, atan2(1, 1) AS a2;

-- case: num_int_result_types
SELECT 1::smallint + 1::smallint AS ss, 1::smallint + 1 AS si, 1 + 1::bigint AS ib, 2::int * 3::smallint AS mul, 10::bigint / 3 AS bdiv;

-- case: num_mixed_numeric_float
SELECT 1.5 + 1 AS num_int, 1.5 + 1::float8 AS num_float, 0.1::float8 + 0.2::float8 AS float_sum, 0.1 + 0.2 AS numeric_sum, 0.1 + 0.2 = 0.3 AS numeric_eq;

-- case: num_float_to_int_rounding
SELECT 2.5::float8::int AS f25, 3.5::float8::int AS f35, -2.5::float8::int AS fneg, 2.5::numeric::int AS n25, 2.4999::int AS n24, 1e10::float8::bigint AS big;

-- case: num_nan_infinity_comparisons
SELECT 'NaN'::float8 = 'NaN'::float8 AS nan_eq, 'NaN'::float8 > 'Infinity'::float8 AS nan_gt, 'Infinity'::float8 + 1 AS inf_plus, 'Infinity'::float8 - 'Infinity'::float8 AS inf_minus, 0 * 'Infinity'::float8 AS zero_inf;

-- case: num_float_ordering_with_specials
SELECT v FROM (VALUES ('NaN'::float8), (1.5), ('-Infinity'), (0), ('Infinity'), (-2)) AS t(v) ORDER BY v;

-- case: num_bitwise_shift_ops
SELECT 5 & 3 AS band, 5 | 3 AS bor, ~5 AS bnot, 1 << 10 AS shl, 1024 >> 3 AS shr, 255::bigint & 15 AS big_and;

-- case: num_greatest_least_mixed
SELECT greatest(1, 2.5, 2) AS g, least(3, 1.5::float8) AS l, greatest(1, NULL, 3) AS g_null, least(NULL::int, NULL) AS all_null;

-- case: num_percentage_calc
CREATE TABLE dt_num_percentage_calc (category text, amount int);
INSERT INTO dt_num_percentage_calc VALUES ('a', 30), ('b', 50), ('c', 20), ('a', 0);
SELECT category, sum(amount) AS total, round(100.0 * sum(amount) / (SELECT sum(amount) FROM dt_num_percentage_calc), 1) AS pct FROM dt_num_percentage_calc GROUP BY category ORDER BY category;
-- cleanup
DROP TABLE IF EXISTS dt_num_percentage_calc;

-- case: num_safe_division_nullif
SELECT a, b, a / NULLIF(b, 0) AS q, coalesce(a::numeric / NULLIF(b, 0), 0) AS q0 FROM (VALUES (10, 2), (5, 0), (7, 3)) AS t(a, b) ORDER BY a;

-- case: num_bigint_overflow
SELECT 9223372036854775807::bigint * 2;
SELECT (-9223372036854775808)::bigint - 1;
SELECT abs(-2147483648::int);

-- case: num_smallint_arith_overflow
SELECT 32767::smallint + 1::smallint;
SELECT 200::smallint * 200::smallint;

-- case: num_numeric_comparisons
SELECT 1.0 = 1.00 AS eq, 1.10 > 1.1 AS gt, 2 = 2.0 AS int_num, 0.30000000000000004::float8 = 0.3::float8 AS float_eq, 1::numeric = 1::float8 AS num_float;

-- case: num_generate_series_numeric
SELECT g FROM generate_series(0.5, 2.5, 0.5) AS g ORDER BY g;

-- case: num_generate_series_bigint_step
SELECT g FROM generate_series(1::bigint, 10::bigint, 4::bigint) AS g ORDER BY g;

-- case: num_random_range
SELECT count(*) AS n, min(v) >= 0 AS ge0, max(v) < 1 AS lt1 FROM (SELECT random() AS v FROM generate_series(1, 100)) AS t;

-- case: num_sign_and_negation
SELECT -(-3) AS dneg, - 5 + 2 AS unary, +4 AS plus, -(2::smallint) AS neg_small, @ -7 AS abs_op;

-- case: num_numeric_typmod_column_rounding
CREATE TABLE dt_num_numeric_typmod_column_rounding (v numeric(6,2));
INSERT INTO dt_num_numeric_typmod_column_rounding VALUES (1.005), (2.994), (-3.455), (1234.5);
SELECT v FROM dt_num_numeric_typmod_column_rounding ORDER BY v;
INSERT INTO dt_num_numeric_typmod_column_rounding VALUES (99999.99);
-- cleanup
DROP TABLE IF EXISTS dt_num_numeric_typmod_column_rounding;

-- case: num_real_column_arith
CREATE TABLE dt_num_real_column_arith (id int, r real);
INSERT INTO dt_num_real_column_arith VALUES (1, 1.1), (2, 2.5), (3, 1e-3);
SELECT id, r, r * 2 AS doubled, r::float8 AS widened FROM dt_num_real_column_arith ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_num_real_column_arith;

-- case: num_scientific_notation_output
SELECT 1e-5::float8 AS small, 1.5e300::float8 * 10 AS big, 123456789012345678::float8 AS long_int, 0.000123::float8 AS sub_milli, 1e-4::float4 AS f4;

-- case: num_round_half_even_numeric_vs_float
SELECT round(0.5) AS n05, round(1.5) AS n15, round(0.5::float8) AS f05, round(1.5::float8) AS f15, round(-0.5::float8) AS fneg05;

-- case: num_to_char_number_formats
SELECT to_char(1234.5, 'FM9,999.00') AS a, to_char(42, '00000') AS b, to_char(0.157, 'FM990.0%') AS c;

-- case: num_to_number
SELECT to_number('1,234.50', '9G999D99') AS a, to_number('  -42', '999') AS b;

-- case: num_aggregate_numeric_precision
SELECT sum(v) AS s, avg(v) AS a, max(v) AS mx FROM (VALUES (1.25::numeric(5,2)), (2.50), (3.75)) AS t(v);

-- case: num_integer_column_math
CREATE TABLE dt_num_integer_column_math (a int, b int);
INSERT INTO dt_num_integer_column_math VALUES (10, 3), (-10, 3), (0, 5), (7, -2);
SELECT a, b, a / b AS q, a % b AS r, a * b AS p, (a::float8 / b)::numeric(10,3) AS exact FROM dt_num_integer_column_math ORDER BY a, b;
-- cleanup
DROP TABLE IF EXISTS dt_num_integer_column_math;
