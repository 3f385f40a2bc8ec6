-- Result types of numeric expressions and aggregates (PostgreSQL 15 docs 9.3 and 9.21, ORM-style aggregates).

-- case: numres_sum_int_types
CREATE TABLE dt_numres_sum_int_types (s smallint, i int, b bigint);
INSERT INTO dt_numres_sum_int_types VALUES (1, 10, 100), (2, 20, 200), (3, NULL, 300);
SELECT sum(s) AS ss, sum(i) AS si, sum(b) AS sb FROM dt_numres_sum_int_types;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_int_types;

-- case: numres_sum_numeric_column
CREATE TABLE dt_numres_sum_numeric_column (price numeric(10,2));
INSERT INTO dt_numres_sum_numeric_column VALUES (1.25), (2.50), (10.00);
SELECT sum(price) AS total FROM dt_numres_sum_numeric_column;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_numeric_column;

-- case: numres_sum_float_types
SELECT sum(v::float8) AS s8, sum(v::real) AS s4 FROM (VALUES (1.5), (2.25)) AS t(v);

-- case: numres_sum_group_by
CREATE TABLE dt_numres_sum_group_by (customer_id int, amount int);
INSERT INTO dt_numres_sum_group_by VALUES (1, 100), (1, 250), (2, 75), (3, 40), (3, 60);
SELECT customer_id, sum(amount) AS total FROM dt_numres_sum_group_by GROUP BY customer_id ORDER BY customer_id;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_group_by;

-- case: numres_sum_having
CREATE TABLE dt_numres_sum_having (dept text, salary int);
INSERT INTO dt_numres_sum_having VALUES ('a', 100), ('a', 200), ('b', 50), ('c', 500);
SELECT dept, sum(salary) AS total FROM dt_numres_sum_having GROUP BY dept HAVING sum(salary) > 100 ORDER BY dept;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_having;

-- case: numres_sum_distinct
SELECT sum(DISTINCT v) AS sd, sum(v) AS s FROM (VALUES (1), (1), (2), (3)) AS t(v);

-- case: numres_sum_filter
SELECT sum(v) FILTER (WHERE v > 1) AS big, sum(v) FILTER (WHERE v > 100) AS none FROM (VALUES (1), (2), (3)) AS t(v);

-- case: numres_sum_empty
SELECT sum(v) AS s, avg(v) AS a, count(v) AS c FROM (VALUES (1), (2)) AS t(v) WHERE v > 10;

-- case: numres_sum_coalesce
CREATE TABLE dt_numres_sum_coalesce (qty int);
SELECT coalesce(sum(qty), 0) AS total FROM dt_numres_sum_coalesce;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_coalesce;

-- case: numres_sum_over_partition
SELECT g, v, sum(v) OVER (PARTITION BY g) AS part_total FROM (VALUES ('a', 1), ('a', 2), ('b', 5)) AS t(g, v) ORDER BY g, v;

-- case: numres_sum_running
SELECT v, sum(v) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM (VALUES (3), (1), (2)) AS t(v) ORDER BY v;

-- case: numres_sum_bigint_large
SELECT sum(v) AS s FROM (VALUES (9223372036854775807::bigint), (10::bigint)) AS t(v);

-- case: numres_sum_pg_catalog_qualified
SELECT pg_catalog.sum(v) AS s FROM (VALUES (4), (5)) AS t(v);

-- case: numres_sum_expression
SELECT sum(v * 2) AS doubled, sum(v + 0.5) AS halves FROM (VALUES (1), (2)) AS t(v);

-- case: numres_avg_int
SELECT avg(v) AS a FROM (VALUES (1), (2), (4)) AS t(v);

-- case: numres_avg_smallint_bigint
SELECT avg(v::smallint) AS a2, avg(v::bigint) AS a8 FROM (VALUES (10), (20), (25)) AS t(v);

-- case: numres_avg_numeric_column
CREATE TABLE dt_numres_avg_numeric_column (score numeric(5,2));
INSERT INTO dt_numres_avg_numeric_column VALUES (1.50), (2.25), (3.00);
SELECT avg(score) AS mean FROM dt_numres_avg_numeric_column;
-- cleanup
DROP TABLE IF EXISTS dt_numres_avg_numeric_column;

-- case: numres_avg_float
SELECT avg(v::float8) AS a8, avg(v::real) AS a4 FROM (VALUES (1), (2), (4)) AS t(v);

-- case: numres_avg_negative
SELECT avg(v) AS a FROM (VALUES (-1), (-2), (-4)) AS t(v);

-- case: numres_avg_group_by
CREATE TABLE dt_numres_avg_group_by (category text, rating int);
INSERT INTO dt_numres_avg_group_by VALUES ('x', 4), ('x', 5), ('x', 3), ('y', 1), ('y', 2);
SELECT category, avg(rating) AS avg_rating, count(*) AS n FROM dt_numres_avg_group_by GROUP BY category ORDER BY category;
-- cleanup
DROP TABLE IF EXISTS dt_numres_avg_group_by;

-- case: numres_avg_round_orm
CREATE TABLE dt_numres_avg_round_orm (price int);
INSERT INTO dt_numres_avg_round_orm VALUES (10), (15), (16);
SELECT round(avg(price), 2) AS avg_price FROM dt_numres_avg_round_orm;
-- cleanup
DROP TABLE IF EXISTS dt_numres_avg_round_orm;

-- case: numres_avg_distinct_filter
SELECT avg(DISTINCT v) AS ad, avg(v) FILTER (WHERE v < 3) AS af FROM (VALUES (1), (1), (2), (3)) AS t(v);

-- case: numres_avg_over_window
SELECT v, avg(v) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving FROM (VALUES (1), (2), (4), (8)) AS t(v) ORDER BY v;

-- case: numres_avg_interval
SELECT avg(d) AS a FROM (VALUES (interval '1 hour'), (interval '3 hours')) AS t(d);

-- case: numres_grouping_type
SELECT g, grouping(g) AS gf, sum(v) AS s FROM (VALUES ('a', 1), ('b', 2)) AS t(g, v) GROUP BY ROLLUP (g) ORDER BY g NULLS LAST;

-- case: numres_regr_count
SELECT regr_count(y, x) AS n FROM (VALUES (1, 2), (2, 4), (NULL, 5)) AS t(x, y);

-- case: numres_count_types
SELECT count(*) AS n, count(v) AS nv FROM (VALUES (1), (NULL)) AS t(v);

-- case: numres_min_max_keep_type
SELECT min(v) AS mn, max(v) AS mx, min(v::smallint) AS mn2, max(v::numeric(6,2)) AS mx_num FROM (VALUES (3), (7)) AS t(v);

-- case: numres_sum_case_orm
CREATE TABLE dt_numres_sum_case_orm (status text, amount int);
INSERT INTO dt_numres_sum_case_orm VALUES ('paid', 10), ('open', 5), ('paid', 7);
SELECT sum(CASE WHEN status = 'paid' THEN amount ELSE 0 END) AS paid, sum(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS open_count FROM dt_numres_sum_case_orm;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_case_orm;

-- case: numres_sum_join_orm
CREATE TABLE dt_numres_sum_join_orm_o (id int, customer text);
CREATE TABLE dt_numres_sum_join_orm_l (order_id int, qty int);
INSERT INTO dt_numres_sum_join_orm_o VALUES (1, 'ann'), (2, 'bob');
INSERT INTO dt_numres_sum_join_orm_l VALUES (1, 2), (1, 3), (2, 1);
SELECT o.customer, sum(l.qty) AS qty, avg(l.qty) AS avg_qty FROM dt_numres_sum_join_orm_o o JOIN dt_numres_sum_join_orm_l l ON l.order_id = o.id GROUP BY o.customer ORDER BY o.customer;
-- cleanup
DROP TABLE IF EXISTS dt_numres_sum_join_orm_l;
DROP TABLE IF EXISTS dt_numres_sum_join_orm_o;

-- case: numres_sum_subquery
SELECT (SELECT sum(v) FROM (VALUES (1), (2)) AS t(v)) AS s;

-- case: numres_sum_in_cte
WITH totals AS (SELECT g, sum(v) AS s FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) AS t(g, v) GROUP BY g) SELECT g, s, s * 2 AS twice FROM totals ORDER BY g;

-- case: numres_sum_prepared
PREPARE numres_p AS SELECT sum(v) AS s, avg(v) AS a FROM (VALUES (1), (2)) AS t(v) WHERE v > $1;
EXECUTE numres_p(0);
DEALLOCATE numres_p;

-- case: numres_math_abs_mod
SELECT abs(-17.4) AS a, mod(9, 4) AS m, 9 % 4 AS p, abs(-5) AS ai;

-- case: numres_math_ceil_floor
SELECT ceil(42.2) AS c, floor(-42.8) AS f, ceiling(-95.3) AS cc;

-- case: numres_math_round_numeric
SELECT round(42.4382, 2) AS r2, round(42.5) AS r0, round(-2.5) AS rn, trunc(42.4382, 2) AS t2;

-- case: numres_math_div
SELECT div(9, 4) AS d, div(-9, 4) AS dn;

-- case: numres_math_power_float
SELECT power(9.0::float8, 3.0::float8) AS p, sqrt(2::float8) AS s, cbrt(64.0::float8) AS c;

-- case: numres_math_width_bucket
SELECT width_bucket(5.35, 0.024, 10.06, 5) AS wb;

-- case: numres_math_degrees_radians
SELECT degrees(0.5::float8) AS d, radians(45.0::float8) AS r, pi() AS p;

-- case: numres_math_bit_ops
SELECT 91 & 15 AS a, 32 | 3 AS o, 17 # 5 AS x, ~1 AS n, 1 << 4 AS l, 8 >> 2 AS r;

-- case: numres_agg_bool_and_or
SELECT bool_and(v > 0) AS all_pos, bool_or(v > 2) AS any_big, every(v > 1) AS ev FROM (VALUES (1), (2), (3)) AS t(v);

-- case: numres_agg_string_agg_count
SELECT string_agg(v::text, ',' ORDER BY v) AS s, count(DISTINCT v) AS d FROM (VALUES (2), (1), (2)) AS t(v);

-- case: numres_agg_stats_float
SELECT covar_pop(x::float8, y::float8) AS cp, regr_slope(y::float8, x::float8) AS slope, corr(x::float8, y::float8) AS c FROM (VALUES (1, 2), (2, 4), (3, 6)) AS t(x, y);

-- case: numres_sum_numeric_mixed_scale
SELECT sum(v) AS s FROM (VALUES (1.5::numeric(4,1)), (2.25::numeric(4,2))) AS t(v);

-- case: numres_avg_percentage_orm
CREATE TABLE dt_numres_avg_percentage_orm (done boolean);
INSERT INTO dt_numres_avg_percentage_orm VALUES (true), (false), (true);
SELECT round(100.0 * sum(CASE WHEN done THEN 1 ELSE 0 END) / count(*), 1) AS pct FROM dt_numres_avg_percentage_orm;
-- cleanup
DROP TABLE IF EXISTS dt_numres_avg_percentage_orm;

-- case: numres_round_sign_integer_argument
SELECT round(5) AS r, sign(-3) AS s, round(2.5::real) AS rr, sign(-1.5::real) AS sr;

-- case: numres_gcd_lcm_types
SELECT gcd(12, 18) AS g, lcm(4, 6) AS l, gcd(12::bigint, 18) AS g8, lcm(3, 5) AS l2, gcd(-12::smallint, 8) AS g2;

-- case: numres_int4_minimum
SELECT -2147483648 AS m, -2147483649 AS b, -2147483648 + 1 AS p;
