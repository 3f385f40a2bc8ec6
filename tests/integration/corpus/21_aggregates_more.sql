-- More aggregates: ordered-set aggregates, DISTINCT ON, grouping, typical reporting queries.

-- case: agg2_count_variants_table
CREATE TABLE dt_agg2_count_variants_table (id int, category text, score int);
INSERT INTO dt_agg2_count_variants_table VALUES (1, 'a', 10), (2, 'a', NULL), (3, 'b', 30), (4, NULL, 40), (5, 'b', 30);
SELECT count(*) AS all_rows, count(category) AS with_cat, count(DISTINCT category) AS cats, count(DISTINCT score) AS scores, count(1) AS ones FROM dt_agg2_count_variants_table;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_count_variants_table;

-- case: agg2_group_by_multiple_columns
CREATE TABLE dt_agg2_group_by_multiple_columns (region text, product text, units int);
INSERT INTO dt_agg2_group_by_multiple_columns VALUES ('north', 'pen', 5), ('north', 'pen', 3), ('north', 'ink', 2), ('south', 'pen', 7), ('south', 'ink', 1), ('south', 'ink', 4);
SELECT region, product, count(*) AS orders, max(units) AS max_units, min(units) AS min_units FROM dt_agg2_group_by_multiple_columns GROUP BY region, product ORDER BY region, product;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_group_by_multiple_columns;

-- case: agg2_sum_bigint_and_numeric
SELECT sum(v::bigint) AS sum_bigint, sum(v::numeric(10,2)) AS sum_num, sum(v::float8) AS sum_float FROM (VALUES (1), (2), (3)) AS t(v);

-- case: agg2_count_star_types
SELECT count(*) AS n, count(DISTINCT v) AS d FROM (VALUES (1), (2), (2)) AS t(v);

-- case: agg2_distinct_on
CREATE TABLE dt_agg2_distinct_on (customer text, ordered date, amount int);
INSERT INTO dt_agg2_distinct_on VALUES ('ann', '2024-01-05', 10), ('ann', '2024-03-01', 25), ('ben', '2024-02-11', 5), ('ben', '2024-01-20', 50), ('cy', '2024-02-02', 7);
SELECT DISTINCT ON (customer) customer, ordered, amount FROM dt_agg2_distinct_on ORDER BY customer, ordered DESC;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_distinct_on;

-- case: agg2_distinct_on_expression
SELECT DISTINCT ON (v % 3) v % 3 AS bucket, v FROM generate_series(1, 10) AS v ORDER BY v % 3, v DESC;

-- case: agg2_select_distinct_multi
SELECT DISTINCT a, b FROM (VALUES (1, 'x'), (1, 'x'), (1, 'y'), (2, 'x'), (NULL, NULL), (NULL, NULL)) AS t(a, b) ORDER BY a NULLS FIRST, b;

-- case: agg2_having_count_duplicates
CREATE TABLE dt_agg2_having_count_duplicates (id int, email text);
INSERT INTO dt_agg2_having_count_duplicates VALUES (1, 'a@x'), (2, 'b@x'), (3, 'a@x'), (4, 'c@x'), (5, 'a@x'), (6, 'b@x');
SELECT email, count(*) AS copies FROM dt_agg2_having_count_duplicates GROUP BY email HAVING count(*) > 1 ORDER BY copies DESC, email;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_having_count_duplicates;

-- case: agg2_bool_aggregates_grouped
SELECT g, bool_and(ok) AS all_ok, bool_or(ok) AS any_ok FROM (VALUES (1, true), (1, true), (2, true), (2, false), (3, NULL)) AS t(g, ok) GROUP BY g ORDER BY g;

-- case: agg2_pivot_with_filter
CREATE TABLE dt_agg2_pivot_with_filter (day int, status text);
INSERT INTO dt_agg2_pivot_with_filter VALUES (1, 'ok'), (1, 'ok'), (1, 'fail'), (2, 'ok'), (2, 'skip'), (3, 'fail');
SELECT day, count(*) FILTER (WHERE status = 'ok') AS ok, count(*) FILTER (WHERE status = 'fail') AS fail, count(*) FILTER (WHERE status NOT IN ('ok', 'fail')) AS other FROM dt_agg2_pivot_with_filter GROUP BY day ORDER BY day;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_pivot_with_filter;

-- case: agg2_pivot_with_case
SELECT count(CASE WHEN v > 2 THEN 1 END) AS big, count(CASE WHEN v <= 2 THEN 1 END) AS small, max(CASE WHEN v % 2 = 0 THEN v END) AS max_even FROM generate_series(1, 5) AS v;

-- case: agg2_percentile_grouped
SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median, percentile_disc(0.9) WITHIN GROUP (ORDER BY v) AS p90 FROM (VALUES ('a', 1), ('a', 2), ('a', 3), ('a', 4), ('b', 10), ('b', 20)) AS t(g, v) GROUP BY g ORDER BY g;

-- case: agg2_percentile_array
SELECT percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY v) AS quartiles FROM generate_series(1, 9) AS v;

-- case: agg2_percentile_float
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median FROM (VALUES (1.5::float8), (2.5), (10.0)) AS t(v);

-- case: agg2_mode_text
SELECT mode() WITHIN GROUP (ORDER BY s) AS most_common FROM (VALUES ('x'), ('y'), ('y'), ('z'), ('y')) AS t(s);

-- case: agg2_regression_functions
SELECT regr_slope(y, x) AS slope, regr_intercept(y, x) AS intercept, regr_count(y, x) AS n, regr_r2(y, x) AS r2 FROM (VALUES (1.0::float8, 2.0::float8), (2.0, 4.0), (3.0, 6.0)) AS t(x, y);

-- case: agg2_grouping_sets_labels
SELECT coalesce(region, '(all)') AS region, coalesce(product, '(all)') AS product, sum(units)::int AS units FROM (VALUES ('n', 'pen', 5), ('n', 'ink', 2), ('s', 'pen', 7)) AS t(region, product, units) GROUP BY GROUPING SETS ((region, product), (region), ()) ORDER BY region, product;

-- case: agg2_rollup_with_grouping_flag
SELECT y, q, count(*) AS n, grouping(y) AS gy, grouping(q) AS gq FROM (VALUES (2023, 1), (2023, 2), (2024, 1)) AS t(y, q) GROUP BY ROLLUP (y, q) ORDER BY y NULLS LAST, q NULLS LAST;

-- case: agg2_group_by_alias_and_expression
SELECT upper(s) AS up, count(*) AS n FROM (VALUES ('a'), ('A'), ('b')) AS t(s) GROUP BY up ORDER BY up;
SELECT length(s) % 2 = 0 AS even_len, count(*) AS n FROM (VALUES ('a'), ('bb'), ('cc'), ('ddd')) AS t(s) GROUP BY 1 ORDER BY 1;

-- case: agg2_aggregate_in_order_by
SELECT g FROM (VALUES ('a', 1), ('b', 5), ('a', 2), ('c', 3)) AS t(g, v) GROUP BY g ORDER BY max(v) DESC;

-- case: agg2_nested_aggregate_subquery
SELECT avg(n)::numeric(10,2) AS avg_per_group, max(n) AS max_per_group FROM (SELECT g, count(*) AS n FROM (VALUES (1), (1), (2), (3), (3), (3)) AS t(g) GROUP BY g) AS s;

-- case: agg2_array_agg_grouped_ordered
SELECT g, array_agg(v ORDER BY v DESC) AS vs, array_agg(DISTINCT v ORDER BY v) AS uniq FROM (VALUES (1, 3), (1, 1), (1, 3), (2, 5)) AS t(g, v) GROUP BY g ORDER BY g;

-- case: agg2_string_agg_grouped_column
CREATE TABLE dt_agg2_string_agg_grouped_column (team text, member text, joined int);
INSERT INTO dt_agg2_string_agg_grouped_column VALUES ('red', 'zoe', 3), ('red', 'amy', 1), ('blue', 'bob', 2), ('red', 'max', 2), ('green', NULL, 1);
SELECT team, string_agg(member, ', ' ORDER BY joined) AS members, count(member) AS n FROM dt_agg2_string_agg_grouped_column GROUP BY team ORDER BY team;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_string_agg_grouped_column;

-- case: agg2_min_max_text_and_bool_cast
SELECT min(s) AS mn, max(s) AS mx, max(b::int) AS any_true, min(length(s)) AS shortest FROM (VALUES ('kiwi', true), ('apple', false), ('fig', false)) AS t(s, b);

-- case: agg2_avg_float_and_interval
SELECT avg(v::float8) AS af, avg(iv) AS ai, sum(iv) AS si FROM (VALUES (1, interval '1 hour'), (2, interval '30 minutes'), (4, interval '2 hours')) AS t(v, iv);

-- case: agg2_count_over_join_groups
CREATE TABLE dt_agg2_count_over_join_groups_a (id int, name text);
CREATE TABLE dt_agg2_count_over_join_groups_b (a_id int, tag text);
INSERT INTO dt_agg2_count_over_join_groups_a VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO dt_agg2_count_over_join_groups_b VALUES (1, 'x'), (1, 'y'), (3, 'x');
SELECT a.name, count(b.tag) AS tags, count(*) AS rows_joined FROM dt_agg2_count_over_join_groups_a a LEFT JOIN dt_agg2_count_over_join_groups_b b ON b.a_id = a.id GROUP BY a.id, a.name ORDER BY a.id;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_count_over_join_groups_b;
DROP TABLE IF EXISTS dt_agg2_count_over_join_groups_a;

-- case: agg2_group_by_primary_key_functional
CREATE TABLE dt_agg2_group_by_primary_key_functional (id int PRIMARY KEY, name text);
INSERT INTO dt_agg2_group_by_primary_key_functional VALUES (1, 'a'), (2, 'b');
SELECT id, name, count(*) AS n FROM dt_agg2_group_by_primary_key_functional GROUP BY id ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_agg2_group_by_primary_key_functional;

-- case: agg2_ungrouped_column_error
SELECT g, v FROM (VALUES (1, 2)) AS t(g, v) GROUP BY g;
SELECT sum(v), v FROM (VALUES (1)) AS t(v);

-- case: agg2_nested_aggregate_error
SELECT sum(count(*)) FROM (VALUES (1)) AS t(v);

-- case: agg2_aggregate_in_where_error
SELECT v FROM (VALUES (1)) AS t(v) WHERE count(*) > 0;
