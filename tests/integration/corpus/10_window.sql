-- Window functions.

-- case: win_row_number_rank
SELECT v, row_number() OVER (ORDER BY v, id) AS rn, rank() OVER (ORDER BY v) AS rk, dense_rank() OVER (ORDER BY v) AS drk FROM (VALUES (1, 10), (2, 20), (3, 10), (4, 30), (5, 20)) AS t(id, v) ORDER BY v, id;

-- case: win_partition_sum
SELECT g, v, sum(v) OVER (PARTITION BY g) AS gsum, count(*) OVER (PARTITION BY g) AS gcount FROM (VALUES ('a', 1), ('a', 2), ('b', 5), ('b', 6), ('b', 7)) AS t(g, v) ORDER BY g, v;

-- case: win_running_total
SELECT v, sum(v) OVER (ORDER BY v) AS running, sum(v) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair FROM generate_series(1, 6) AS v ORDER BY v;

-- case: win_running_with_peers
SELECT v, sum(v) OVER (ORDER BY v) AS range_default, sum(v) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) AS rows_frame FROM (VALUES (1), (2), (2), (3)) AS t(v) ORDER BY v, rows_frame;

-- case: win_lag_lead
SELECT v, lag(v) OVER (ORDER BY v) AS prev, lead(v) OVER (ORDER BY v) AS next, lag(v, 2, -1) OVER (ORDER BY v) AS prev2 FROM generate_series(1, 5) AS v ORDER BY v;

-- case: win_first_last_nth
SELECT v, first_value(v) OVER w AS fv, last_value(v) OVER w AS lv, nth_value(v, 2) OVER w AS nv FROM generate_series(1, 5) AS v WINDOW w AS (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY v;

-- case: win_ntile
SELECT v, ntile(3) OVER (ORDER BY v) AS tile FROM generate_series(1, 7) AS v ORDER BY v;

-- case: win_percent_rank_cume_dist
SELECT v, percent_rank() OVER (ORDER BY v) AS pr, cume_dist() OVER (ORDER BY v) AS cd FROM (VALUES (1), (2), (2), (4)) AS t(v) ORDER BY v;

-- case: win_avg_moving
SELECT v, avg(v) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving FROM generate_series(1, 5) AS v ORDER BY v;

-- case: win_rank_in_partition_top_n
SELECT g, v FROM (SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v DESC) AS rn FROM (VALUES ('a', 1), ('a', 9), ('a', 5), ('b', 2), ('b', 8)) AS t(g, v)) AS s WHERE rn <= 2 ORDER BY g, v DESC;

-- case: win_count_over_empty
SELECT v, count(*) OVER () AS total, max(v) OVER () AS mx FROM generate_series(1, 3) AS v ORDER BY v;

-- case: win_with_nulls
SELECT v, rank() OVER (ORDER BY v) AS rk, lag(v) OVER (ORDER BY v) AS prev FROM (VALUES (2), (NULL), (1), (NULL)) AS t(v) ORDER BY v NULLS LAST, prev NULLS LAST;
