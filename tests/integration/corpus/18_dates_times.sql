-- Dates, times, timestamps and intervals: arithmetic, functions, time zones.

-- case: dtm_date_plus_minus_integer
SELECT date '2024-02-28' + 1 AS next_day, date '2024-03-01' - 1 AS prev_day, 7 + date '2024-01-01' AS commuted;

-- case: dtm_date_plus_interval
SELECT date '2024-01-31' + interval '1 day' AS plus_day, date '2024-01-15' - interval '1 month' AS minus_month, date '2024-01-01' + time '10:30' AS with_time;

-- case: dtm_timestamp_plus_interval
SELECT timestamp '2024-01-31 10:00' + interval '1 month' AS plus_month, timestamp '2024-03-10 01:30' + interval '1 day 2 hours 30 minutes' AS plus_mixed, timestamp '2024-01-01 00:00' - interval '1 second' AS minus_second;

-- case: dtm_timestamp_difference
SELECT timestamp '2024-03-02 12:00' - timestamp '2024-03-01 10:30' AS diff, timestamp '2024-01-01' - timestamp '2024-01-03 06:00' AS negative, timestamp '2024-12-31 23:59:59' - timestamp '2024-01-01 00:00:00' AS year_span;

-- case: dtm_age_function
SELECT age(timestamp '2024-03-15', timestamp '2020-01-10') AS a, age(timestamp '2024-01-01 12:00', timestamp '2024-01-01 08:30') AS b, age(date '2024-02-29', date '2023-02-28') AS c;

-- case: dtm_extract_fields_timestamp
SELECT extract(year FROM ts) AS y, extract(month FROM ts) AS m, extract(day FROM ts) AS d, extract(hour FROM ts) AS h, extract(minute FROM ts) AS mi, extract(second FROM ts) AS s FROM (VALUES (timestamp '2024-07-04 15:45:30.25')) AS t(ts);

-- case: dtm_extract_dow_doy_week
SELECT extract(dow FROM d) AS dow, extract(isodow FROM d) AS isodow, extract(doy FROM d) AS doy, extract(week FROM d) AS week, extract(quarter FROM d) AS q, extract(isoyear FROM d) AS isoyear FROM (VALUES (date '2024-12-30')) AS t(d);

-- case: dtm_date_part_function
SELECT date_part('year', timestamp '2024-07-04 15:45:30') AS y, date_part('hour', timestamp '2024-07-04 15:45:30') AS h, date_part('dow', date '2024-07-04') AS dow;

-- case: dtm_extract_epoch
SET TimeZone = 'UTC';
SELECT extract(epoch FROM timestamptz '2024-01-01 00:00:00+00') AS e1, extract(epoch FROM timestamp '1970-01-02 00:00:00') AS e2, extract(epoch FROM interval '1 day 1 hour') AS e3;

-- case: dtm_date_trunc_timestamp
SELECT date_trunc('hour', ts) AS h, date_trunc('day', ts) AS d, date_trunc('week', ts) AS w, date_trunc('month', ts) AS m, date_trunc('quarter', ts) AS q, date_trunc('year', ts) AS y FROM (VALUES (timestamp '2024-08-14 13:47:12.5')) AS t(ts);

-- case: dtm_date_trunc_minute_second
SELECT date_trunc('minute', timestamp '2024-08-14 13:47:12.5') AS mi, date_trunc('second', timestamp '2024-08-14 13:47:12.5') AS s, date_trunc('milliseconds', timestamp '2024-08-14 13:47:12.123456') AS ms;

-- case: dtm_date_trunc_timestamptz
SET TimeZone = 'America/New_York';
SELECT date_trunc('day', timestamptz '2024-03-10 12:00:00+00') AS d, date_trunc('month', timestamptz '2024-03-10 12:00:00+00') AS m;

-- case: dtm_make_functions
SELECT make_date(2024, 2, 29) AS d, make_time(13, 45, 30.5) AS t, make_timestamp(2024, 1, 2, 3, 4, 5.5) AS ts;

-- case: dtm_interval_arithmetic
SELECT interval '1 day' + interval '3 hours' AS sum1, interval '2 hours' - interval '30 minutes' AS diff, interval '1 hour' * 2.5 AS scaled, -interval '1 day' AS neg, interval '1 month' + interval '40 days' AS mon_days;

-- case: dtm_interval_comparison
SELECT interval '1 day' = interval '24 hours' AS day_eq, interval '1 month' = interval '30 days' AS month_eq, interval '1 hour' < interval '61 minutes' AS lt, interval '1 year' > interval '360 days' AS gt;

-- case: dtm_justify_functions
SELECT justify_days(interval '35 days') AS jd, justify_hours(interval '27 hours') AS jh, justify_interval(interval '1 mon -1 hour') AS ji;

-- case: dtm_interval_output_forms
SELECT interval '36 hours' AS a, interval '1 day 12:00' AS b, interval '2 weeks' AS c, interval '1.5 days' AS d, interval '100 years' AS e, interval '0.001 seconds' AS f;

-- case: dtm_interval_iso8601_input
SELECT interval 'P1Y2M3DT4H5M6S' AS a, 'PT90M'::interval AS b, 'P2W'::interval AS c;

-- case: dtm_interval_sql_standard_input
SELECT interval '1' day AS a, interval '2' hour AS b, interval '1-2' year to month AS c, interval '3 4:05:06' day to second AS d;

-- case: dtm_time_arithmetic
SELECT time '10:00' + interval '3 hours 15 minutes' AS plus, time '01:00' - interval '2 hours' AS wraps, time '18:30' - time '09:15' AS diff, time '23:59:59' < time '00:00:01' AS lt;

-- case: dtm_timestamptz_at_time_zone
SET TimeZone = 'UTC';
SELECT timestamp '2024-01-15 12:00' AT TIME ZONE 'America/New_York' AS ts_to_tz, timestamptz '2024-01-15 12:00:00+00' AT TIME ZONE 'Asia/Tokyo' AS tz_to_ts, timestamptz '2024-07-15 12:00:00+00' AT TIME ZONE 'Europe/London' AS summer;

-- case: dtm_timezone_function
SET TimeZone = 'UTC';
SELECT timezone('America/Los_Angeles', timestamptz '2024-06-01 20:00:00+00') AS la, timezone('UTC', timestamp '2024-06-01 20:00') AS as_utc;

-- case: dtm_timestamptz_session_zone_display
SET TimeZone = 'Asia/Kolkata';
SELECT timestamptz '2024-01-01 00:00:00+00' AS midnight_utc, timestamptz '2024-01-01 12:34:56.789+00' AS with_frac;
SET TimeZone = 'America/Sao_Paulo';
SELECT timestamptz '2024-01-01 00:00:00+00' AS midnight_utc;

-- case: dtm_timestamptz_column
SET TimeZone = 'UTC';
CREATE TABLE dt_dtm_timestamptz_column (id int, happened_at timestamptz);
INSERT INTO dt_dtm_timestamptz_column VALUES (1, '2024-03-31 00:30:00+01'), (2, '2024-03-31 03:30:00+02'), (3, '2024-10-27 01:30:00 Europe/Berlin');
SELECT id, happened_at FROM dt_dtm_timestamptz_column ORDER BY id;
SET TimeZone = 'Europe/Berlin';
SELECT id, happened_at, happened_at::date AS local_date FROM dt_dtm_timestamptz_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dtm_timestamptz_column;

-- case: dtm_timestamp_input_forms
SELECT '2024-01-02T03:04:05'::timestamp AS iso_t, '2024-01-02 03:04'::timestamp AS no_seconds, '2024-01-02'::timestamp AS date_only, 'epoch'::timestamp AS epoch;

-- case: dtm_timestamptz_input_offsets
SET TimeZone = 'UTC';
SELECT '2024-01-02 03:04:05+05:30'::timestamptz AS ist, '2024-01-02 03:04:05-08'::timestamptz AS pst, '2024-01-02 03:04:05Z'::timestamptz AS zulu, '2024-01-02T03:04:05.123+00:00'::timestamptz AS iso;

-- case: dtm_timestamptz_input_without_seconds
SET TimeZone = 'UTC';
SELECT '2024-01-15 12:00+00'::timestamptz AS a, timestamptz '2024-01-15 08:30-05' AS b;

-- case: dtm_to_timestamp_epoch
SET TimeZone = 'UTC';
SELECT to_timestamp(1700000000) AS a, to_timestamp(0) AS b, to_timestamp(1700000000.5) AS c;

-- case: dtm_overlaps
SELECT (date '2024-01-01', date '2024-02-01') OVERLAPS (date '2024-01-15', date '2024-03-01') AS o1, (date '2024-01-01', date '2024-02-01') OVERLAPS (date '2024-02-01', date '2024-03-01') AS o2;

-- case: dtm_isfinite
SELECT isfinite(date '2024-01-01') AS d, isfinite('infinity'::date) AS inf_d, isfinite(timestamp '2024-01-01') AS ts, isfinite(interval '1 day') AS iv;

-- case: dtm_date_bin
SELECT date_bin('15 minutes', timestamp '2024-02-03 10:38:12', timestamp '2024-01-01') AS bin15, date_bin('1 hour', timestamp '2024-02-03 10:38:12', timestamp '2024-01-01 00:30') AS bin_h;

-- case: dtm_last_day_of_month
SELECT (date_trunc('month', d) + interval '1 month - 1 day')::date AS last_day FROM (VALUES (date '2024-02-10'), (date '2023-02-10'), (date '2024-12-31')) AS t(d) ORDER BY 1;

-- case: dtm_generate_series_dates
SET TimeZone = 'UTC';
SELECT d::date AS day FROM generate_series(date '2024-02-27', date '2024-03-02', interval '1 day') AS d ORDER BY d;

-- case: dtm_generate_series_month_steps
SELECT g FROM generate_series(timestamp '2024-01-31', timestamp '2024-06-30', interval '1 month') AS g ORDER BY g;

-- case: dtm_group_by_day
CREATE TABLE dt_dtm_group_by_day (id int, created timestamp);
INSERT INTO dt_dtm_group_by_day VALUES (1, '2024-05-01 08:00'), (2, '2024-05-01 23:59:59'), (3, '2024-05-02 00:00'), (4, '2024-05-03 12:00'), (5, '2024-05-03 13:00');
SELECT date_trunc('day', created) AS day, count(*) AS n FROM dt_dtm_group_by_day GROUP BY 1 ORDER BY 1;
SELECT created::date AS day, count(*) AS n FROM dt_dtm_group_by_day GROUP BY created::date ORDER BY day;
SELECT count(*) AS in_range FROM dt_dtm_group_by_day WHERE created >= '2024-05-01' AND created < '2024-05-03';
-- cleanup
DROP TABLE IF EXISTS dt_dtm_group_by_day;

-- case: dtm_date_column_filters
CREATE TABLE dt_dtm_date_column_filters (id int, due date);
INSERT INTO dt_dtm_date_column_filters VALUES (1, '2024-01-10'), (2, '2024-02-10'), (3, '2024-03-10'), (4, NULL);
SELECT id FROM dt_dtm_date_column_filters WHERE due BETWEEN '2024-01-01' AND '2024-02-29' ORDER BY id;
SELECT id, due - date '2024-01-01' AS days_in FROM dt_dtm_date_column_filters WHERE due IS NOT NULL ORDER BY id;
SELECT max(due) AS latest, min(due) AS earliest FROM dt_dtm_date_column_filters;
-- cleanup
DROP TABLE IF EXISTS dt_dtm_date_column_filters;

-- case: dtm_cast_between_types
SET TimeZone = 'UTC';
SELECT timestamp '2024-05-06 07:08:09'::date AS ts_to_date, date '2024-05-06'::timestamp AS date_to_ts, timestamp '2024-05-06 07:08:09'::time AS ts_to_time, timestamptz '2024-05-06 07:08:09+00'::timestamp AS tz_to_ts, date '2024-05-06'::timestamptz AS date_to_tz;

-- case: dtm_date_text_output
SELECT date '2024-05-06'::text AS d, timestamp '2024-05-06 07:08:09.5'::text AS ts, time '07:08:09'::text AS t, interval '1 day 02:03:04'::text AS iv;

-- case: dtm_infinity_arithmetic
SELECT 'infinity'::timestamp > timestamp '9999-12-31' AS gt, '-infinity'::date < date '0001-01-01' AS lt, 'infinity'::timestamp + interval '1 day' AS inf_plus;

-- case: dtm_time_with_time_zone
SELECT '12:00:00+02'::timetz AS tz, '12:00:00-05:30'::time with time zone AS tz2;

-- case: dtm_leap_and_month_ends
SELECT date '2024-02-29' + interval '1 year' AS leap_plus_year, date '2024-03-31' - interval '1 month' AS mar31_minus_month, timestamp '2023-01-31' + interval '1 month' AS jan31_plus_month;

-- case: dtm_invalid_inputs
SELECT '2024-02-30 10:00'::timestamp;
SELECT '10:61'::time;
SELECT 'not an interval'::interval;
SELECT date_trunc('fortnight', timestamp '2024-01-01');
