-- More dates, times and intervals (PostgreSQL 15 docs 8.5 and 9.9): input forms, extract/date_part/date_trunc
-- result types, date and time arithmetic, interval qualifiers, OVERLAPS.

-- case: dtm2_date_input_iso
SELECT date '1999-01-08' AS a, '1999-01-08'::date AS b, '2024-02-29'::date AS leap;

-- case: dtm2_date_input_month_names
SELECT 'January 8, 1999'::date AS a, '1999-Jan-08'::date AS b, 'Jan-08-1999'::date AS c, '08-Jan-1999'::date AS d;

-- case: dtm2_date_input_mdy_default
SELECT '1/8/1999'::date AS a, '01/02/2024'::date AS b, '12-31-2023'::date AS c;

-- case: dtm2_date_input_compact
SELECT '19990108'::date AS a, '20240105'::date AS b;

-- case: dtm2_date_input_bc
SELECT '0044-03-15 BC'::date AS a, '0001-01-01 BC'::date AS b, date '0001-01-01' - 1 AS before_ad;

-- case: dtm2_date_input_day_of_year
SELECT '1999.008'::date AS a;

-- case: dtm2_date_input_invalid
SELECT '2024-02-30'::date;

-- case: dtm2_date_column_insert_forms
CREATE TABLE dt_dtm2_date_column_insert_forms (id int, d date);
INSERT INTO dt_dtm2_date_column_insert_forms VALUES (1, '2024-01-05'), (2, 'January 6, 2024'), (3, '20240107'), (4, '0010-01-01 BC');
SELECT id, d FROM dt_dtm2_date_column_insert_forms ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_date_column_insert_forms;

-- case: dtm2_time_input_forms
SELECT '04:05:06.789'::time AS a, '04:05'::time AS b, '040506'::time AS c, '04:05 PM'::time AS d, 'allballs'::time AS e;

-- case: dtm2_timestamp_input_bc
SELECT '1999-01-08 04:05:06 BC'::timestamp AS a, timestamp '0001-01-01 00:00:00' - interval '1 day' AS b;

-- case: dtm2_timestamp_input_month_names
SELECT 'January 8, 1999 04:05:06'::timestamp AS a, '1999-Jan-08 04:05'::timestamp AS b;

-- case: dtm2_special_values
SELECT 'epoch'::date AS d, 'epoch'::timestamp AS ts, 'infinity'::timestamp AS inf, '-infinity'::date AS ninf, 'allballs'::time AS t;

-- case: dtm2_interval_input_verbose
SELECT '1 year 2 months 3 days 4 hours 5 minutes 6 seconds'::interval AS a, '@ 1 minute'::interval AS b, '@ 3 days ago'::interval AS c;

-- case: dtm2_interval_input_zero_and_signs
SELECT '0'::interval AS zero, '-1 day +02:00'::interval AS a, '+1 day -02:00'::interval AS b, '1 month - 1 day'::interval AS c;

-- case: dtm2_interval_input_iso8601
SELECT 'P1Y2M3DT4H5M6S'::interval AS a, 'PT1.5S'::interval AS b, 'P1W'::interval AS c, 'P-1Y'::interval AS d;

-- case: dtm2_interval_input_sql_standard
SELECT '1-2'::interval AS ym, '3 4:05:06'::interval AS dt, '-1-2'::interval AS neg;

-- case: dtm2_interval_input_fractional_units
SELECT '1.5 years'::interval AS a, '1.5 months'::interval AS b, '0.5 days'::interval AS c, '1.5 weeks'::interval AS d;

-- case: dtm2_interval_input_large_units
SELECT '2 weeks'::interval AS a, '1 decade'::interval AS b, '1 century'::interval AS c, '1 millennium'::interval AS d;

-- case: dtm2_interval_qualifier_bare_numbers
SELECT interval '5' minute AS a, interval '3' month AS b, interval '2' year AS c, interval '10' second AS d, interval '4' day AS e;

-- case: dtm2_interval_qualifier_ranges
SELECT interval '1-2' year to month AS a, interval '3 4:05:06' day to second AS b, interval '4:05' hour to minute AS c;

-- case: dtm2_interval_column_insert_forms
CREATE TABLE dt_dtm2_interval_column_insert_forms (id int, iv interval);
INSERT INTO dt_dtm2_interval_column_insert_forms VALUES (1, '1 day'), (2, 'P2D'), (3, '-1 day +02:00'), (4, '0');
SELECT id, iv FROM dt_dtm2_interval_column_insert_forms ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_interval_column_insert_forms;

-- case: dtm2_interval_input_invalid
SELECT 'P1Y2'::interval;

-- case: dtm2_extract_century_decade_millennium
SELECT extract(century FROM timestamp '2000-12-16 12:21:13') AS c, extract(decade FROM timestamp '2001-02-16 20:38:40') AS d, extract(millennium FROM timestamp '2001-02-16 20:38:40') AS m;

-- case: dtm2_extract_seconds_fractions
SELECT extract(second FROM timestamp '2001-02-16 20:38:40.5') AS s, extract(second FROM time '17:12:28.5') AS ts, extract(milliseconds FROM time '17:12:28.5') AS ms, extract(microseconds FROM time '17:12:28.5') AS us;

-- case: dtm2_extract_epoch_types
SET TimeZone = 'UTC';
SELECT extract(epoch FROM timestamptz '2001-02-16 20:38:40.12-08') AS tz, extract(epoch FROM interval '5 days 3 hours') AS iv, extract(epoch FROM date '2001-02-16') AS d, extract(epoch FROM time '01:00') AS t;

-- case: dtm2_extract_epoch_interval_years
SELECT extract(epoch FROM interval '1 year') AS y, extract(epoch FROM interval '1 month') AS m, extract(epoch FROM interval '-1 year 2 months') AS mixed;

-- case: dtm2_extract_interval_fields
SELECT extract(year FROM interval '2 years 3 months') AS y, extract(month FROM interval '2 years 3 months') AS m, extract(day FROM interval '40 days') AS d, extract(hour FROM interval '30 hours') AS h;

-- case: dtm2_extract_date_fields
SELECT extract(year FROM date '2001-02-16') AS y, extract(doy FROM date '2001-02-16') AS doy, extract(isodow FROM date '2001-02-18') AS isodow, extract(week FROM date '2001-02-16') AS w;

-- case: dtm2_extract_from_column
CREATE TABLE dt_dtm2_extract_from_column (id int, happened timestamp);
INSERT INTO dt_dtm2_extract_from_column VALUES (1, '2024-01-02 03:04:05.5'), (2, '2023-12-31 23:59:59.999999'), (3, NULL);
SELECT id, extract(year FROM happened) AS y, extract(second FROM happened) AS s, extract(epoch FROM happened) AS e FROM dt_dtm2_extract_from_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_extract_from_column;

-- case: dtm2_date_part_forms
SELECT date_part('day', timestamp '2001-02-16 20:38:40') AS d, date_part('hour', interval '4 hours 3 minutes') AS h, date_part('second', timestamp '2001-02-16 20:38:40.25') AS s, date_part('epoch', timestamp '2001-02-16 20:38:40') AS e;

-- case: dtm2_date_part_column
CREATE TABLE dt_dtm2_date_part_column (id int, d date);
INSERT INTO dt_dtm2_date_part_column VALUES (1, '2024-03-15'), (2, '2023-11-02');
SELECT id, date_part('month', d) AS m, date_part('dow', d) AS dow FROM dt_dtm2_date_part_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_date_part_column;

-- case: dtm2_date_trunc_docs
SELECT date_trunc('hour', timestamp '2001-02-16 20:38:40') AS h, date_trunc('year', timestamp '2001-02-16 20:38:40') AS y, date_trunc('week', timestamp '2001-02-16 20:38:40') AS w;

-- case: dtm2_date_trunc_date_input
SET TimeZone = 'UTC';
SELECT date_trunc('month', date '2001-02-16') AS m, date_trunc('day', date '2024-05-17') AS d;

-- case: dtm2_date_trunc_timestamptz
SET TimeZone = 'UTC';
SELECT date_trunc('day', timestamptz '2001-02-16 20:38:40+00') AS d, date_trunc('hour', timestamptz '2001-02-16 20:38:40+00') AS h;

-- case: dtm2_date_trunc_interval
SELECT date_trunc('hour', interval '2 days 3 hours 40 minutes') AS h;

-- case: dtm2_date_trunc_group_by_month
CREATE TABLE dt_dtm2_date_trunc_group_by_month (id int, happened timestamp);
INSERT INTO dt_dtm2_date_trunc_group_by_month VALUES (1, '2024-01-05 10:00'), (2, '2024-01-31 23:00'), (3, '2024-02-01 00:00'), (4, '2024-03-10 12:00');
SELECT date_trunc('month', happened) AS month, count(*) AS n FROM dt_dtm2_date_trunc_group_by_month GROUP BY 1 ORDER BY 1;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_date_trunc_group_by_month;

-- case: dtm2_date_minus_date
SELECT date '2001-10-01' - date '2001-09-28' AS a, date '2024-01-01' - date '2023-01-01' AS b, date '2023-01-01' - date '2024-01-01' AS c;

-- case: dtm2_date_minus_date_column
CREATE TABLE dt_dtm2_date_minus_date_column (id int, due date);
INSERT INTO dt_dtm2_date_minus_date_column VALUES (1, '2024-01-10'), (2, '2023-12-25'), (3, NULL);
SELECT id, due - date '2024-01-01' AS days_after, date '2024-12-31' - due AS days_left FROM dt_dtm2_date_minus_date_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_date_minus_date_column;

-- case: dtm2_date_arithmetic_docs
SELECT date '2001-09-28' + 7 AS a, date '2001-10-01' - 7 AS b, date '2001-09-28' + interval '1 hour' AS c, date '2001-09-28' - interval '1 hour' AS d, date '2001-09-28' + time '03:00' AS e;

-- case: dtm2_time_minus_time
SELECT time '05:00' - time '03:00' AS a, time '03:00' - time '05:00' AS b, time '23:59:59.5' - time '00:00' AS c;

-- case: dtm2_time_minus_interval
SELECT time '05:00' - interval '2 hours' AS a, time '01:00' - interval '3 hours' AS b, time '01:00' + interval '3 hours' AS c;

-- case: dtm2_timestamp_arithmetic_docs
SELECT timestamp '2001-09-28 01:00' + interval '23 hours' AS a, timestamp '2001-09-28 23:00' - interval '23 hours' AS b, timestamp '2001-09-29 03:00' - timestamp '2001-07-27 12:00' AS c;

-- case: dtm2_interval_arithmetic_docs
SELECT interval '1 day' + interval '1 hour' AS a, - interval '23 hours' AS b, interval '1 day' - interval '1 hour' AS c, 900 * interval '1 second' AS d, 21 * interval '1 day' AS e;

-- case: dtm2_age_docs
SELECT age(timestamp '2001-04-10', timestamp '1957-06-13') AS a, age(date '2024-03-01', date '2024-01-31') AS b;

-- case: dtm2_make_interval
SELECT make_interval(days => 10) AS a, make_interval(years => 1, months => 2) AS b, make_interval(hours => 1, mins => 30) AS c;

-- case: dtm2_overlaps_docs
SELECT (DATE '2001-02-16', DATE '2001-12-21') OVERLAPS (DATE '2001-10-30', DATE '2002-10-30') AS a, (DATE '2001-02-16', INTERVAL '100 days') OVERLAPS (DATE '2001-10-30', DATE '2002-10-30') AS b, (DATE '2001-10-29', DATE '2001-10-30') OVERLAPS (DATE '2001-10-30', DATE '2001-10-31') AS c, (DATE '2001-10-30', DATE '2001-10-30') OVERLAPS (DATE '2001-10-30', DATE '2001-10-31') AS d;

-- case: dtm2_overlaps_timestamps_column
CREATE TABLE dt_dtm2_overlaps_timestamps_column (id int, s timestamp, e timestamp);
INSERT INTO dt_dtm2_overlaps_timestamps_column VALUES (1, '2024-01-01 09:00', '2024-01-01 10:00'), (2, '2024-01-01 10:00', '2024-01-01 11:00'), (3, '2024-01-01 09:30', '2024-01-01 09:45');
SELECT id, (s, e) OVERLAPS (timestamp '2024-01-01 09:40', timestamp '2024-01-01 10:05') AS hit FROM dt_dtm2_overlaps_timestamps_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_overlaps_timestamps_column;

-- case: dtm2_timestamp_column_insert_forms
CREATE TABLE dt_dtm2_timestamp_column_insert_forms (id int, happened timestamp);
INSERT INTO dt_dtm2_timestamp_column_insert_forms VALUES (1, '2024-01-02 03:04:05'), (2, 'January 8, 1999 04:05:06'), (3, '1999-01-08 04:05:06 BC'), (4, 'infinity');
SELECT id, happened FROM dt_dtm2_timestamp_column_insert_forms ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm2_timestamp_column_insert_forms;

-- case: dtm2_interval_to_time_cast
SELECT interval '3 hours 30 minutes'::time AS a, interval '1 day 02:00'::time AS b, interval '26 hours'::time AS c, interval '-1 hour'::time AS d;

-- case: dtm_interval_divide_carries
CREATE TABLE dt_dtm_interval_divide_carries (id int, iv interval, n int);
INSERT INTO dt_dtm_interval_divide_carries VALUES (1, '1 month', 3), (2, '1 year 1 day', 7), (3, '-5 days 03:00', 2), (4, '10:00:00', 4);
SELECT id, iv / n AS q, iv / 2.5 AS qn, iv / 0.5::float8 AS qf FROM dt_dtm_interval_divide_carries ORDER BY id;
SELECT interval '1 month' / 7 AS a, interval '2 days 1 hour' / 3 AS b;
SELECT iv / 0 FROM dt_dtm_interval_divide_carries;
-- cleanup
DROP TABLE IF EXISTS dt_dtm_interval_divide_carries;

-- case: dtm_sum_interval_column
CREATE TABLE dt_dtm_sum_interval_column (g text, d interval);
INSERT INTO dt_dtm_sum_interval_column VALUES ('a', '1 hour 30 minutes'), ('a', '2 days 23:00'), ('b', '1 month'), ('b', '-3 days'), ('b', NULL), ('c', NULL);
SELECT g, sum(d) AS total, sum(DISTINCT d) AS distinct_total, sum(d) FILTER (WHERE d > interval '0') AS positive FROM dt_dtm_sum_interval_column GROUP BY g ORDER BY g;
SELECT g, d, sum(d) OVER (ORDER BY g, d) AS running FROM dt_dtm_sum_interval_column WHERE d IS NOT NULL ORDER BY g, d;
SELECT sum(d) / 2 AS half, avg(d) AS mean FROM dt_dtm_sum_interval_column;
SELECT sum(b - a) AS busy, sum(b - a + interval '1 minute') AS padded FROM (VALUES (timestamp '2024-01-01 08:00', timestamp '2024-01-01 09:30'), (timestamp '2024-01-02 22:00', timestamp '2024-01-03 01:15')) AS s(a, b);
-- cleanup
DROP TABLE IF EXISTS dt_dtm_sum_interval_column;
