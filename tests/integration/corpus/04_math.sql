-- Math functions.

-- case: math_abs_sign
SELECT abs(-5) AS a, abs(-5.5) AS b, abs(-2.5::float8) AS c, sign(-3) AS d, sign(0.0) AS e, sign(2.5::float8) AS f;

-- case: math_round_numeric
SELECT round(2.5) AS a, round(-2.5) AS b, round(3.14159, 2) AS c, round(1234.5678, -2) AS d, round(0.5) AS e, round(1.005, 2) AS f;

-- case: math_round_float
SELECT round(2.5::float8) AS a, round(3.5::float8) AS b, round(-2.5::float8) AS c, round(0.1::float8 + 0.2::float8) AS d;

-- case: math_trunc_ceil_floor
SELECT trunc(3.789) AS a, trunc(3.789, 1) AS b, trunc(-3.7) AS c, ceil(3.2) AS d, ceiling(-3.2) AS e, floor(3.8) AS f, floor(-3.2) AS g, ceil(2.5::float8) AS h;

-- case: math_sqrt_power
SELECT sqrt(16) AS a, sqrt(2.0) AS b, power(2, 10) AS c, power(2.0, 0.5) AS d, pow(9, 0.5) AS e, cbrt(27) AS f;

-- case: math_exp_log
SELECT exp(1) AS a, exp(1.0) AS b, ln(10) AS c, log(100) AS d, log(2, 8) AS e, log10(1000) AS f;

-- case: math_trig
SELECT pi() AS pi, sin(0) AS s, cos(0) AS c, round(tan(pi() / 4)::numeric, 10) AS t, degrees(pi()) AS deg, radians(180) AS rad, atan2(1, 1) AS at;

-- case: math_gcd_lcm_factorial
SELECT gcd(12, 18) AS g, lcm(4, 6) AS l, gcd(0, 5) AS g0, factorial(5) AS f, factorial(20) AS f20;

-- case: math_mod_variants
SELECT mod(10, 3) AS a, mod(-10, 3) AS b, mod(10.5, 3) AS c, mod(10::bigint, 4::bigint) AS d;

-- case: math_width_bucket
SELECT width_bucket(5.35, 0.024, 10.06, 5) AS a, width_bucket(-1, 0, 10, 5) AS b, width_bucket(10, 0, 10, 5) AS c;

-- case: math_numeric_precision
SELECT 0.1 + 0.2 = 0.3 AS numeric_eq, 0.1::float8 + 0.2::float8 = 0.3::float8 AS float_eq, 0.1::float8 + 0.2::float8 AS float_sum, 1e-10::numeric * 1e10 AS prod;

-- case: math_integer_overflow_to_bigint
SELECT 2147483647::bigint + 1 AS a, 2147483647 * 2::bigint AS b, (-2147483648)::bigint - 1 AS c;

-- case: math_float_functions
SELECT sqrt(2::float8) AS a, exp(2::float8) AS b, ln(2::float8) AS c, power(10::float8, -3) AS d, 1e300::float8 * 1e5 AS e;

-- case: math_scale_and_trim
SELECT scale(1.2300) AS s, trim_scale(1.2300) AS t, min_scale(1.2300) AS m, round(123.456, 1)::text AS r;

-- case: math_random_is_bounded
SELECT count(*) FILTER (WHERE r >= 0 AND r < 1) AS in_range FROM (SELECT random() AS r FROM generate_series(1, 100)) AS s;

-- case: math_aggregate_over_float
SELECT sum(x) AS s, avg(x) AS a FROM (VALUES (0.1::float8), (0.2::float8), (0.3::float8)) AS v(x);

-- case: math_numeric_power_shapes
SELECT power(1.5, 2) AS a, power(2.0, 3) AS b, power(4, 0.5) AS c, pow(0.25, 0.5) AS d, power(-2.0, 3) AS e, power(0.0, 0) AS f, power(2.5, -1) AS g, power(2, -2) AS h, power(2.5::float8, 2) AS i;
SELECT power(-2.0, 2) AS a, power(-2, 3) AS b, 2.0 ^ 0.5 AS c;

-- case: math_numeric_exp_log_shapes
SELECT exp(0.5) AS a, exp(-1.0) AS b, ln(2.5) AS c, ln(1.0) AS d, log(2.5) AS e, log10(5.5) AS f, log(3, 81) AS g, log(2.0, 0.5) AS h, exp(0::numeric) AS i;

-- case: math_numeric_functions_of_columns
CREATE TABLE dt_math_numeric_functions_of_columns (x numeric(6,2), n int);
INSERT INTO dt_math_numeric_functions_of_columns VALUES (1.50, 2), (2.25, 3), (0.75, 1), (NULL, 2);
SELECT x, power(x, n) AS p, power(x, 0.5) AS r, ln(x) AS l, exp(x) AS e, log(x) AS lg, x ^ 2 AS sq FROM dt_math_numeric_functions_of_columns ORDER BY x;
-- cleanup
DROP TABLE IF EXISTS dt_math_numeric_functions_of_columns;

-- case: math_power_log_errors
SELECT power(0, -1);
SELECT power(0.0, -1);
SELECT power(-8, 0.5);
SELECT power(-8.0, 0.5);
SELECT ln(0);
SELECT ln(0.0);
SELECT ln(-1.0);
SELECT log(1, 10);
SELECT log(0, 10);
SELECT log(-2.0);

-- case: math_numeric_result_scale_by_magnitude
CREATE TABLE dt_math_numeric_result_scale_by_magnitude (x numeric(4,1));
INSERT INTO dt_math_numeric_result_scale_by_magnitude VALUES (0.5), (7.0), (12.5);
SELECT x, exp(x) AS e, power(x, 1.5) AS p FROM dt_math_numeric_result_scale_by_magnitude ORDER BY x;
-- cleanup
DROP TABLE IF EXISTS dt_math_numeric_result_scale_by_magnitude;
