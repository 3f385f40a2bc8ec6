-- Aggregates, GROUP BY, HAVING.

-- case: agg_basic
CREATE TABLE dt_agg_basic (g text, v int);
INSERT INTO dt_agg_basic VALUES ('a', 1), ('a', 2), ('b', 10), ('b', 20), ('b', 30), ('c', NULL);
SELECT count(*) AS n, sum(v) AS s, min(v) AS mn, max(v) AS mx FROM dt_agg_basic;
-- cleanup
DROP TABLE IF EXISTS dt_agg_basic;

-- case: agg_avg_types
SELECT avg(v) AS avg_int, avg(v::bigint) AS avg_bigint, avg(v::float8) AS avg_float, avg(v::numeric(10,2)) AS avg_numeric FROM (VALUES (1), (2), (4)) AS t(v);

-- case: agg_sum_types
SELECT sum(v) AS sum_int, sum(v::smallint) AS sum_small, sum(v::bigint) AS sum_bigint, sum(v::numeric) AS sum_numeric, sum(v::real) AS sum_real FROM (VALUES (1), (2), (3)) AS t(v);

-- case: agg_sum_int4_overflow_safe
SELECT sum(v) AS s FROM (VALUES (2147483647), (2147483647)) AS t(v);

-- case: agg_group_by_having
CREATE TABLE dt_agg_group (g text, v int);
INSERT INTO dt_agg_group VALUES ('a', 1), ('a', 2), ('b', 10), ('b', 20), ('b', 30), ('c', 5);
SELECT g, count(*) AS n, sum(v) AS s FROM dt_agg_group GROUP BY g HAVING count(*) > 1 ORDER BY g;
SELECT g, max(v) AS mx FROM dt_agg_group GROUP BY g HAVING sum(v) >= 5 ORDER BY mx DESC;
-- cleanup
DROP TABLE IF EXISTS dt_agg_group;

-- case: agg_group_by_expression
SELECT v % 3 AS bucket, count(*) AS n, sum(v) AS total FROM generate_series(1, 10) AS v GROUP BY v % 3 ORDER BY bucket;

-- case: agg_group_by_ordinal
SELECT length(s) AS len, count(*) AS n FROM (VALUES ('a'), ('bb'), ('cc'), ('ddd')) AS t(s) GROUP BY 1 ORDER BY 1;

-- case: agg_count_distinct
SELECT count(DISTINCT v) AS d, count(v) AS c, sum(DISTINCT v) AS sd FROM (VALUES (1), (1), (2), (NULL), (3), (3)) AS t(v);

-- case: agg_string_agg
SELECT string_agg(s, ', ' ORDER BY s) AS asc_list, string_agg(s, '|' ORDER BY s DESC) AS desc_list FROM (VALUES ('b'), ('a'), ('c')) AS t(s);

-- case: agg_array_agg
SELECT array_agg(v ORDER BY v) AS a, array_agg(v ORDER BY v DESC) AS d, array_agg(DISTINCT v ORDER BY v) AS u FROM (VALUES (3), (1), (2), (1)) AS t(v);

-- case: agg_array_agg_with_nulls
SELECT array_agg(v ORDER BY v NULLS FIRST) AS a FROM (VALUES (2), (NULL), (1)) AS t(v);

-- case: agg_bool_and_or
SELECT bool_and(b) AS band, bool_or(b) AS bor, every(b) AS ev FROM (VALUES (true), (false), (true)) AS t(b);

-- case: agg_statistics
SELECT stddev(v) AS sd, stddev_pop(v) AS sdp, variance(v) AS var, var_pop(v) AS vp FROM (VALUES (2), (4), (4), (4), (5), (5), (7), (9)) AS t(v);

-- case: agg_statistics_float
SELECT stddev(v) AS sd, var_samp(v) AS vs, corr(v, v * 2) AS c, covar_pop(v, v) AS cp FROM (VALUES (1.0::float8), (2.0), (4.0)) AS t(v);

-- case: agg_filter_clause
SELECT count(*) FILTER (WHERE v > 2) AS big, sum(v) FILTER (WHERE v % 2 = 0) AS even_sum, count(*) AS total FROM generate_series(1, 6) AS v;

-- case: agg_empty_input
CREATE TABLE dt_agg_empty (v int);
SELECT count(*) AS n, count(v) AS c, sum(v) AS s, avg(v) AS a, max(v) AS mx, string_agg(v::text, ',') AS sa, array_agg(v) AS aa FROM dt_agg_empty;
SELECT v, count(*) FROM dt_agg_empty GROUP BY v;
-- cleanup
DROP TABLE IF EXISTS dt_agg_empty;

-- case: agg_min_max_types
SELECT min(s) AS mins, max(s) AS maxs, min(d) AS mind, max(d) AS maxd FROM (VALUES ('pear', date '2024-01-05'), ('apple', date '2023-12-31'), ('zucchini', date '2024-06-01')) AS t(s, d);

-- case: agg_rollup
SELECT a, b, sum(v) AS s FROM (VALUES ('x', 1, 10), ('x', 2, 20), ('y', 1, 5)) AS t(a, b, v) GROUP BY ROLLUP (a, b) ORDER BY a NULLS LAST, b NULLS LAST;

-- case: agg_cube_grouping
SELECT a, b, sum(v) AS s, grouping(a, b) AS gr FROM (VALUES ('x', 1, 10), ('x', 2, 20), ('y', 1, 5)) AS t(a, b, v) GROUP BY CUBE (a, b) ORDER BY gr, a NULLS LAST, b NULLS LAST;

-- case: agg_grouping_sets
SELECT a, b, count(*) AS n FROM (VALUES ('x', 1), ('x', 2), ('y', 1)) AS t(a, b) GROUP BY GROUPING SETS ((a), (b), ()) ORDER BY a NULLS LAST, b NULLS LAST;

-- case: agg_having_without_group
SELECT sum(v) AS s FROM generate_series(1, 4) AS v HAVING sum(v) > 5;
SELECT sum(v) AS s FROM generate_series(1, 4) AS v HAVING sum(v) > 100;

-- case: agg_percentile_mode
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median, percentile_disc(0.5) WITHIN GROUP (ORDER BY v) AS disc, mode() WITHIN GROUP (ORDER BY v) AS mode FROM (VALUES (1), (2), (2), (3), (10)) AS t(v);

-- case: agg_bit_and_or
SELECT bit_and(v) AS ba, bit_or(v) AS bo FROM (VALUES (12), (10), (14)) AS t(v);

-- case: agg_statistics_float_more
CREATE TABLE dt_agg_statistics_float_more (g int, x float8, y float8, r real);
INSERT INTO dt_agg_statistics_float_more VALUES (1, 1.1, 2.3, 0.1), (1, 2.7, 5.9, 0.7), (1, 3.3, 6.1, 1.3), (1, 4.9, 11.2, 2.9), (2, 0.1, 0.2, 5.5), (2, 0.7, 1.9, 6.25), (2, NULL, 3.0, NULL), (3, 5.0, 1.0, 1.0);
SELECT g, stddev(x) AS sd, stddev_pop(x) AS sdp, variance(x) AS v, var_pop(x) AS vp, var_samp(r) AS vr, stddev_samp(r) AS sdr FROM dt_agg_statistics_float_more GROUP BY g ORDER BY g;
SELECT g, corr(y, x) AS c, covar_samp(y, x) AS cs, covar_pop(y, x) AS cp, regr_slope(y, x) AS s, regr_intercept(y, x) AS i, regr_r2(y, x) AS r2 FROM dt_agg_statistics_float_more GROUP BY g ORDER BY g;
SELECT regr_sxx(y, x) AS sxx, regr_syy(y, x) AS syy, regr_sxy(y, x) AS sxy, regr_avgx(y, x) AS ax, regr_avgy(y, x) AS ay, regr_count(y, x) AS n FROM dt_agg_statistics_float_more;
SELECT stddev(x) FILTER (WHERE g = 1) AS sd1, corr(g, g * 2) AS ci, var_samp(x::float8 * 3) AS v3 FROM dt_agg_statistics_float_more;
-- cleanup
DROP TABLE IF EXISTS dt_agg_statistics_float_more;

-- case: agg_statistics_float_window
CREATE TABLE dt_agg_statistics_float_window (g int, x float8);
INSERT INTO dt_agg_statistics_float_window VALUES (1, 1.1), (1, 2.7), (1, 3.3), (1, 4.9), (2, 0.1), (2, 0.7), (3, 5.0);
SELECT g, x, stddev(x) OVER (PARTITION BY g ORDER BY x) AS running, var_pop(x) OVER () AS whole FROM dt_agg_statistics_float_window ORDER BY g, x;
-- cleanup
DROP TABLE IF EXISTS dt_agg_statistics_float_window;

-- case: agg_statistics_float_call_shapes
CREATE TABLE dt_agg_statistics_float_call_shapes (g int, x float8, y float8);
INSERT INTO dt_agg_statistics_float_call_shapes VALUES (1, 1.1, 2.0), (1, 2.7, 2.9), (1, 3.3, 7.1), (1, 4.9, 1.3), (2, 0.1, 0.2), (2, 0.7, 0.9), (3, 5.0, 5.5);
SELECT g, x, corr(y, x) OVER () AS c_all, covar_pop(y, x) OVER (PARTITION BY g ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cv, regr_slope(y, x) OVER (PARTITION BY g ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS slope, var_samp(x) FILTER (WHERE y > 1) OVER (RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS v FROM dt_agg_statistics_float_call_shapes ORDER BY g, x;
SELECT g, corr(y, x ORDER BY x DESC) AS c, var_pop(x ORDER BY y) AS v, stddev_samp(DISTINCT x ORDER BY x) AS s FROM dt_agg_statistics_float_call_shapes GROUP BY g ORDER BY g;
SELECT g, var_samp(round(x)) OVER w AS named, regr_count(y, x) OVER w AS n FROM dt_agg_statistics_float_call_shapes WINDOW w AS (PARTITION BY g) ORDER BY g, x;
-- cleanup
DROP TABLE IF EXISTS dt_agg_statistics_float_call_shapes;
