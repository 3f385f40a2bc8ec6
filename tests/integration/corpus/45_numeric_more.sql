-- numeric division, square roots, variances and casts to numeric: PostgreSQL's exact numeric results and scales.

-- case: numx_divide_numeric_columns
CREATE TABLE dt_numx_divide_numeric_columns (id int, amount numeric(12,2), total numeric(12,2), qty int);
INSERT INTO dt_numx_divide_numeric_columns VALUES (1, 25.00, 100.00, 3), (2, 7.50, 30.00, 4), (3, 1234.56, 4321.00, 7);
SELECT id, amount / qty AS per_unit, round(amount / total * 100, 2) AS pct, round(total / amount, 4) AS ratio FROM dt_numx_divide_numeric_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_numeric_columns;

-- case: numx_divide_aggregates
CREATE TABLE dt_numx_divide_aggregates (amount numeric(12,2), total numeric(12,2));
INSERT INTO dt_numx_divide_aggregates VALUES (25.00, 100.00), (7.50, 30.00), (1234.56, 4321.00);
SELECT round(sum(amount) / sum(total) * 100, 1) AS overall_pct, round(sum(amount) / count(*), 2) AS mean_amount FROM dt_numx_divide_aggregates;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_aggregates;

-- case: numx_divide_integer_by_numeric
CREATE TABLE dt_numx_divide_integer_by_numeric (hits int, visits int);
INSERT INTO dt_numx_divide_integer_by_numeric VALUES (7, 3), (10, 4), (9, 2);
SELECT hits, visits, hits / visits AS int_div, hits::numeric / visits AS num_div, hits / 2.0 AS half, round(hits * 100.0 / visits, 2) AS pct FROM dt_numx_divide_integer_by_numeric ORDER BY hits;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_integer_by_numeric;

-- case: numx_divide_scale_by_value
CREATE TABLE dt_numx_divide_scale_by_value (a numeric(6,2), b numeric(6,2));
INSERT INTO dt_numx_divide_scale_by_value VALUES (25.00, 100.00), (3.00, 3.00), (70.00, 3.00);
SELECT a, b, a / b AS q FROM dt_numx_divide_scale_by_value ORDER BY a;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_scale_by_value;

-- case: numx_constant_quotient_scales
SELECT 1 / 3.0 AS third, 2::numeric / 3 AS two_thirds, 1::numeric / 10000 AS tiny, 10000::numeric / 3 AS big, 1.0 / 1 AS one, 123456789::numeric / 2 AS large, -7.5 / 2 AS negative;

-- case: numx_divide_numeric_by_zero
CREATE TABLE dt_numx_divide_numeric_by_zero (a numeric(5,1), b int);
INSERT INTO dt_numx_divide_numeric_by_zero VALUES (1.5, 0);
SELECT a / b FROM dt_numx_divide_numeric_by_zero;
SELECT 1.5 / 0;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_numeric_by_zero;

-- case: numx_divide_float_stays_float
CREATE TABLE dt_numx_divide_float_stays_float (f float8, n numeric(6,2));
INSERT INTO dt_numx_divide_float_stays_float VALUES (1.5, 3.00);
SELECT f / n AS f_by_n, n / f AS n_by_f, f / 4 AS f_by_int FROM dt_numx_divide_float_stays_float;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_float_stays_float;

-- case: numx_integer_variance
CREATE TABLE dt_numx_integer_variance (g text, v int);
INSERT INTO dt_numx_integer_variance VALUES ('a', 2), ('a', 4), ('a', 4), ('a', 5), ('b', 10), ('b', 12), ('c', 7);
SELECT g, variance(v) AS var, var_pop(v) AS vp, stddev(v) AS sd, stddev_pop(v) AS sdp FROM dt_numx_integer_variance GROUP BY g ORDER BY g;
-- cleanup
DROP TABLE IF EXISTS dt_numx_integer_variance;

-- case: numx_sqrt_numeric
SELECT sqrt(2.0) AS root2, sqrt(2::numeric) AS root2_cast, sqrt(16) AS int_root, sqrt(2.0::float8) AS float_root;

-- case: numx_cast_integer_column_to_numeric
CREATE TABLE dt_numx_cast_integer_column_to_numeric (qty int, big bigint);
INSERT INTO dt_numx_cast_integer_column_to_numeric VALUES (3, 30), (4, 40);
SELECT sum(qty::numeric) AS total, max(big::numeric) AS biggest, qty::numeric % 3 AS rest FROM dt_numx_cast_integer_column_to_numeric GROUP BY qty ORDER BY qty;
-- cleanup
DROP TABLE IF EXISTS dt_numx_cast_integer_column_to_numeric;

-- case: numx_round_float_through_numeric
CREATE TABLE dt_numx_round_float_through_numeric (x float8);
INSERT INTO dt_numx_round_float_through_numeric VALUES (1.2345), (2.0 / 3), (10.005);
SELECT round(x::numeric, 2) AS r2, round(x::numeric, 3) AS r3 FROM dt_numx_round_float_through_numeric ORDER BY x;
-- cleanup
DROP TABLE IF EXISTS dt_numx_round_float_through_numeric;

-- case: numx_round_aggregate_through_numeric
CREATE TABLE dt_numx_round_aggregate_through_numeric (g text, x float8, n int);
INSERT INTO dt_numx_round_aggregate_through_numeric VALUES ('a', 1.5, 1), ('a', 2.25, 2), ('b', 10, 7);
SELECT g, round(avg(x)::numeric, 2) AS avg_x, round(sum(x)::numeric, 1) AS sum_x, round(avg(n)::numeric, 1) AS avg_n FROM dt_numx_round_aggregate_through_numeric GROUP BY g ORDER BY g;
-- cleanup
DROP TABLE IF EXISTS dt_numx_round_aggregate_through_numeric;

-- case: numx_divide_aggregates_grouped
CREATE TABLE dt_numx_divide_aggregates_grouped (g text, a int, n numeric(10,2), f float8);
INSERT INTO dt_numx_divide_aggregates_grouped VALUES ('x', 3, 10.50, 1.5), ('x', 4, 2.25, 2.5), ('y', 7, 100.00, 0.5), ('y', 1, 0.01, 4.0);
SELECT g, round(sum(n) / sum(a), 4) AS per_unit, max(n) / min(a) AS ratio, sum(f) / count(*) AS mean_f, sum(a) / count(*) AS int_quotient FROM dt_numx_divide_aggregates_grouped GROUP BY g ORDER BY g;
SELECT g, round(avg(a)::numeric, 2) AS avg_a, round(100.0 * count(*) / (SELECT count(*) FROM dt_numx_divide_aggregates_grouped), 1) AS share FROM dt_numx_divide_aggregates_grouped GROUP BY g ORDER BY g;
SELECT g, a, round(n / sum(n) OVER (PARTITION BY g), 3) AS part, rank() OVER (ORDER BY a) / 2 AS half_rank FROM dt_numx_divide_aggregates_grouped ORDER BY g, a;
-- cleanup
DROP TABLE IF EXISTS dt_numx_divide_aggregates_grouped;

-- case: numx_smallint_column_arithmetic
CREATE TABLE dt_numx_smallint_column_arithmetic (s smallint, b bytea);
INSERT INTO dt_numx_smallint_column_arithmetic VALUES (32000, '\x0102ff'), (-7, 'abc');
SELECT s + 1000 AS plus, s * 2 AS times, 3 - s AS minus, s / 2 AS half, s % 5 AS rem, length(b) AS len, octet_length(b) AS octets FROM dt_numx_smallint_column_arithmetic ORDER BY s;
SELECT s + s FROM dt_numx_smallint_column_arithmetic ORDER BY s;
-- cleanup
DROP TABLE IF EXISTS dt_numx_smallint_column_arithmetic;
