-- More window functions: frames, named windows, analytics queries.

-- case: win2_lag_lead_partitioned
CREATE TABLE dt_win2_lag_lead_partitioned (sensor text, ts int, reading int);
INSERT INTO dt_win2_lag_lead_partitioned VALUES ('a', 1, 10), ('a', 2, 12), ('a', 3, 9), ('b', 1, 100), ('b', 2, 90);
SELECT sensor, ts, reading, reading - lag(reading) OVER (PARTITION BY sensor ORDER BY ts) AS delta, lead(ts) OVER (PARTITION BY sensor ORDER BY ts) AS next_ts FROM dt_win2_lag_lead_partitioned ORDER BY sensor, ts;
-- cleanup
DROP TABLE IF EXISTS dt_win2_lag_lead_partitioned;

-- case: win2_top_one_per_group
CREATE TABLE dt_win2_top_one_per_group (dept text, name text, salary int);
INSERT INTO dt_win2_top_one_per_group VALUES ('eng', 'ann', 120), ('eng', 'bob', 150), ('ops', 'cy', 90), ('ops', 'dee', 95), ('hr', 'eve', 70);
SELECT dept, name, salary FROM (SELECT dept, name, salary, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) AS rn FROM dt_win2_top_one_per_group) AS ranked WHERE rn = 1 ORDER BY dept;
-- cleanup
DROP TABLE IF EXISTS dt_win2_top_one_per_group;

-- case: win2_percent_of_total
SELECT g, v, round(100.0 * v / sum(v) OVER (), 2) AS pct_total, round(100.0 * v / sum(v) OVER (PARTITION BY g), 2) AS pct_group FROM (VALUES ('a', 10), ('a', 30), ('b', 60)) AS t(g, v) ORDER BY g, v;

-- case: win2_window_over_aggregate
SELECT g, count(*) AS n, sum(count(*)) OVER () AS total, rank() OVER (ORDER BY count(*) DESC) AS rk FROM (VALUES ('x'), ('y'), ('y'), ('z'), ('z'), ('z')) AS t(g) GROUP BY g ORDER BY g;

-- case: win2_range_offset_frame
SELECT v, sum(v) OVER (ORDER BY v RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS near_sum, count(*) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS near_cnt FROM (VALUES (1), (2), (4), (5), (9)) AS t(v) ORDER BY v;

-- case: win2_groups_frame
SELECT v, count(*) OVER (ORDER BY v GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS grp_cnt FROM (VALUES (1), (1), (2), (3), (3)) AS t(v) ORDER BY v, grp_cnt;

-- case: win2_frame_exclude
SELECT v, sum(v) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) AS others FROM (VALUES (1), (2), (3)) AS t(v) ORDER BY v;

-- case: win2_rows_following_frame
SELECT v, max(v) OVER (ORDER BY v ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS mx_ahead, min(v) OVER (ORDER BY v ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS mn_behind FROM (VALUES (5), (3), (8), (1), (7)) AS t(v) ORDER BY v;

-- case: win2_last_value_default_frame
SELECT v, last_value(v) OVER (ORDER BY v) AS lv_default, last_value(v) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS lv_full FROM (VALUES (1), (2), (2), (3)) AS t(v) ORDER BY v;

-- case: win2_named_window_inheritance
SELECT g, v, row_number() OVER w_ord AS rn, sum(v) OVER w_part AS gsum FROM (VALUES ('a', 2), ('a', 1), ('b', 3)) AS t(g, v) WINDOW w_part AS (PARTITION BY g), w_ord AS (w_part ORDER BY v) ORDER BY g, v;

-- case: win2_ntile_partitioned
SELECT g, v, ntile(2) OVER (PARTITION BY g ORDER BY v) AS half FROM (VALUES ('a', 1), ('a', 2), ('a', 3), ('b', 1), ('b', 2)) AS t(g, v) ORDER BY g, v;

-- case: win2_dense_rank_desc_nulls
SELECT v, dense_rank() OVER (ORDER BY v DESC) AS dr, rank() OVER (ORDER BY v DESC NULLS LAST) AS rk FROM (VALUES (3), (NULL), (1), (3)) AS t(v) ORDER BY v DESC NULLS LAST;

-- case: win2_aggregate_filter_over
SELECT v, count(*) FILTER (WHERE v % 2 = 0) OVER (ORDER BY v) AS evens_so_far FROM generate_series(1, 5) AS v ORDER BY v;

-- case: win2_running_count_by_date
CREATE TABLE dt_win2_running_count_by_date (signup date, name text);
INSERT INTO dt_win2_running_count_by_date VALUES ('2024-01-01', 'a'), ('2024-01-01', 'b'), ('2024-01-03', 'c'), ('2024-01-04', 'd');
SELECT signup, count(*) AS new_users, sum(count(*)) OVER (ORDER BY signup) AS cumulative FROM dt_win2_running_count_by_date GROUP BY signup ORDER BY signup;
-- cleanup
DROP TABLE IF EXISTS dt_win2_running_count_by_date;

-- case: win2_lag_default_and_offset
SELECT v, lag(v, 1, 0) OVER (ORDER BY v) AS prev_or_zero, lead(v, 2) OVER (ORDER BY v) AS two_ahead, lag(v::text, 1, 'none') OVER (ORDER BY v) AS prev_text FROM (VALUES (10), (20), (30)) AS t(v) ORDER BY v;

-- case: win2_first_value_partition
SELECT g, v, first_value(v) OVER (PARTITION BY g ORDER BY v DESC) AS best, v - first_value(v) OVER (PARTITION BY g ORDER BY v) AS above_min FROM (VALUES ('a', 5), ('a', 9), ('b', 4), ('b', 1)) AS t(g, v) ORDER BY g, v;

-- case: win2_nth_value_frame
SELECT v, nth_value(v, 3) OVER (ORDER BY v) AS third_so_far FROM generate_series(1, 4) AS v ORDER BY v;

-- case: win2_row_number_no_order_in_window
SELECT count(*) AS n, max(rn) AS max_rn FROM (SELECT row_number() OVER () AS rn FROM generate_series(1, 7)) AS t;

-- case: win2_moving_average_float
SELECT d, avg(v) OVER (ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS ma3 FROM (VALUES (1, 10.0::float8), (2, 20.0), (3, 60.0), (4, 30.0)) AS t(d, v) ORDER BY d;

-- case: win2_cume_dist_partition
SELECT g, v, cume_dist() OVER (PARTITION BY g ORDER BY v) AS cd, percent_rank() OVER (PARTITION BY g ORDER BY v) AS pr FROM (VALUES ('a', 1), ('a', 2), ('a', 2), ('b', 7)) AS t(g, v) ORDER BY g, v;

-- case: win2_window_in_order_by
SELECT v FROM (VALUES (3), (1), (2)) AS t(v) ORDER BY row_number() OVER (ORDER BY v DESC);

-- case: win2_sessionization_gaps
CREATE TABLE dt_win2_sessionization_gaps (usr text, t int);
INSERT INTO dt_win2_sessionization_gaps VALUES ('u', 1), ('u', 2), ('u', 10), ('u', 11), ('u', 30), ('v', 5);
SELECT usr, t, sum(CASE WHEN t - prev_t > 5 OR prev_t IS NULL THEN 1 ELSE 0 END) OVER (PARTITION BY usr ORDER BY t) AS session_no FROM (SELECT usr, t, lag(t) OVER (PARTITION BY usr ORDER BY t) AS prev_t FROM dt_win2_sessionization_gaps) AS s ORDER BY usr, t;
-- cleanup
DROP TABLE IF EXISTS dt_win2_sessionization_gaps;

-- case: win2_window_function_in_where_error
SELECT v FROM (VALUES (1)) AS t(v) WHERE row_number() OVER () = 1;
