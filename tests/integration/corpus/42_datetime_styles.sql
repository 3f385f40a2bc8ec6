-- Date/time text input in every form PostgreSQL 15 reads (DateStyle's field order, month and day names, day of the
-- year, runs of digits, relative days in the session's zone) and DateStyle / IntervalStyle output.

-- case: dts_date_input_dmy
SET DateStyle = 'ISO, DMY';
SELECT '01/02/2024'::date AS a, '1/2/24'::date AS b, '08-Jan-99'::date AS c, 'Jan-08-99'::date AS d, '2024-01-02'::date AS e;
SELECT '13/01/2024'::date AS f;
SELECT '01/13/2024'::date AS g;

-- case: dts_date_input_ymd
SET DateStyle = 'YMD';
SHOW DateStyle;
SELECT '24/01/02'::date AS a, '08-Jan-1999'::date AS b, '99-Jan-08'::date AS c;

-- case: dts_date_input_mdy_two_digit_month_name
SELECT '99-Jan-08'::date AS a;

-- case: dts_date_input_month_and_day_names
SELECT '8 January 1999'::date AS a, 'Friday, January 8, 1999'::date AS b, 'Mon Jan 08 1999'::date AS c, 'Jan 8 99'::date AS d, 'Sept 1, 2024'::date AS e;
SELECT 'Jan 8 0099 BC'::date AS f, '12-31-99 BC'::date AS g;

-- case: dts_date_input_bad_month_names
SELECT 'Janu 8 1999'::date AS a;
SELECT 'February 30, 2024'::date AS b;
SELECT 'Jan 8'::date AS c;

-- case: dts_date_input_day_of_year_and_digits
SELECT '1999.366'::date AS a, '2000.366'::date AS b, '990108'::date AS c;
SELECT '1999.367'::date AS d;

-- case: dts_date_input_in_column
CREATE TABLE dt_dts_date_input_in_column (id int, d date);
SET DateStyle = 'DMY';
INSERT INTO dt_dts_date_input_in_column VALUES (1, '03/04/2024'::date), (2, 'March 5, 2024'), (3, '2024.070');
SELECT id, d FROM dt_dts_date_input_in_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dts_date_input_in_column;

-- case: dts_date_input_dmy_bare_literal
CREATE TABLE dt_dts_date_input_dmy_bare_literal (id int, d date);
SET DateStyle = 'DMY';
INSERT INTO dt_dts_date_input_dmy_bare_literal VALUES (1, '03/04/2024');
SELECT id, d FROM dt_dts_date_input_dmy_bare_literal ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dts_date_input_dmy_bare_literal;

-- case: dts_date_input_dmy_update_and_compare
CREATE TABLE dt_dts_date_input_dmy_update_and_compare (id int, d date, ts timestamp);
SET DateStyle = 'DMY';
INSERT INTO dt_dts_date_input_dmy_update_and_compare (id, d, ts) VALUES (1, '03/04/2024', '03/04/2024 10:30'), (2, '10/11/2024', '1/2/2024');
UPDATE dt_dts_date_input_dmy_update_and_compare SET d = '05/06/2024' WHERE d = '03/04/2024';
SELECT id, d, ts FROM dt_dts_date_input_dmy_update_and_compare WHERE d > '01/06/2024' ORDER BY id;
SET DateStyle = 'YMD';
INSERT INTO dt_dts_date_input_dmy_update_and_compare VALUES (3, '24/07/08', '24/07/08 12:00');
SET DateStyle = 'ISO, MDY';
SELECT id, d, ts FROM dt_dts_date_input_dmy_update_and_compare ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dts_date_input_dmy_update_and_compare;

-- case: dts_time_input_digits
SELECT '040506'::time AS a, '0405'::time AS b, '040506.789'::time AS c, '0405 pm'::time AS d, time 'allballs' AS e;
SELECT '250000'::time AS f;
SELECT '12345'::time AS g;

-- case: dts_timestamp_input_forms
SELECT '20240105 040506'::timestamp AS a, 'Jan-08-1999 4:05 pm'::timestamp AS b, 'Fri Jan 08 04:05:06 1999'::timestamp AS c, '1999.008 04:05'::timestamp AS d;
SELECT '19990108T040506'::timestamp AS e, '19990108 0405'::timestamp AS f, 'Jan 8 1999 040506'::timestamp AS g, 'January 8 1999 BC 04:05'::timestamp AS h;

-- case: dts_timestamptz_input_forms
SET TimeZone = 'UTC';
SELECT '2024-01-15 08:30-05'::timestamptz AS a, 'Jan 15 2024 08:30 PST'::timestamptz AS b, '2024-01-15 12:00 Europe/Berlin'::timestamptz AS c, 'Jan-15-2024 12:00 America/New_York'::timestamptz AS d;
SET TimeZone = 'Asia/Kolkata';
SELECT timestamptz '2024-01-15 12:00' AS e, '2024-07-01 00:00+02'::timestamptz AS f;

-- case: dts_relative_days_in_session_zone
SET TimeZone = 'Pacific/Kiritimati';
SELECT 'today'::date::timestamptz <= now() AND now() < 'tomorrow'::date::timestamptz AS today_there, 'tomorrow'::date - 'yesterday'::date AS two_days;
SET TimeZone = 'Pacific/Pago_Pago';
SELECT 'today'::date::timestamptz <= now() AND now() < 'tomorrow'::date::timestamptz AS today_there;

-- case: dts_datestyle_output_sql
SET DateStyle = 'SQL, MDY';
SELECT date '2024-03-04' AS d, timestamp '2024-03-04 05:06:07.5' AS ts, date '0044-03-15 BC' AS bc, timestamp 'infinity' AS inf;
SET DateStyle = 'SQL, DMY';
SELECT date '2024-03-04' AS d, timestamp '2024-03-04 05:06:07' AS ts;
SHOW DateStyle;

-- case: dts_datestyle_output_timestamptz
SET TimeZone = 'UTC';
SET DateStyle = 'SQL, MDY';
SELECT timestamptz '2024-03-04 05:06:07+00' AS ts;

-- case: dts_datestyle_output_timestamptz_zones
SET TimeZone = 'America/New_York';
SET DateStyle = 'SQL, MDY';
SELECT timestamptz '2024-01-15 12:00:00+00' AS winter, timestamptz '2024-07-15 12:00:00+00' AS summer;
SET DateStyle = 'Postgres';
SET TimeZone = 'Europe/Berlin';
SELECT timestamptz '2024-01-15 12:00:00+00' AS winter, timestamptz '2024-07-15 12:00:00.5+00' AS summer;
SET DateStyle = 'German';
SET TimeZone = 'Asia/Kolkata';
SELECT timestamptz '2024-01-15 12:00:00+00' AS india;
SET TimeZone = 'Asia/Dubai';
SELECT timestamptz '2024-01-15 12:00:00+00' AS dubai;
SET DateStyle = 'ISO';
SELECT timestamptz '2024-01-15 12:00:00+00' AS iso;

-- case: dts_datestyle_output_text_cast
CREATE TABLE dt_dts_datestyle_output_text_cast (d date, ts timestamp, iv interval);
INSERT INTO dt_dts_datestyle_output_text_cast VALUES ('2024-03-04', '2024-03-04 05:06:07', '1 day 02:03:04');
SET DateStyle = 'German';
SET IntervalStyle = 'iso_8601';
SELECT d::text AS d, ts::text AS ts, iv::text AS iv, (d = '2024-03-04') ::text AS same, 'on ' || d::text AS joined FROM dt_dts_datestyle_output_text_cast;
-- cleanup
DROP TABLE IF EXISTS dt_dts_datestyle_output_text_cast;

-- case: dts_datestyle_output_postgres
SET DateStyle = 'Postgres';
SHOW DateStyle;
SELECT date '2024-03-04' AS d, timestamp '2024-03-04 05:06:07.25' AS ts, timestamp '0044-03-15 10:00 BC' AS bc;
SET DateStyle = 'Postgres, DMY';
SELECT date '2024-03-04' AS d, timestamp '2024-03-04 05:06:07' AS ts;

-- case: dts_datestyle_output_german
SET DateStyle = 'German';
SHOW DateStyle;
SELECT date '2024-03-04' AS d, timestamp '2024-03-04 05:06:07' AS ts, '04.03.2024'::date AS read_back;
SET DateStyle = 'ISO';
SHOW DateStyle;

-- case: dts_datestyle_invalid
SET DateStyle = 'ISO, SQL';
SET DateStyle = 'DMY, MDY';
SET DateStyle = 'Klingon';
SHOW DateStyle;

-- case: dts_intervalstyle_verbose
SET IntervalStyle = 'postgres_verbose';
SELECT interval '1 year 2 mons 3 days 04:05:06.5' AS a, interval '-1 year -2 mons' AS b, interval '1 day -02:00:00' AS c, interval '-3 days' AS d, interval '0' AS e;
SELECT interval '-00:00:01.5' AS f, interval '1 mon -1 sec' AS g, interval '-1 day +1 sec' AS h, interval '1 sec' AS i, interval '-2 hours -3 mins' AS j;

-- case: dts_intervalstyle_sql_standard
SET IntervalStyle = 'sql_standard';
SELECT interval '1 year 2 mons' AS a, interval '3 days 04:05:06.5' AS b, interval '-3 days -04:05:06' AS c, interval '04:05' AS d, interval '0' AS e;
SELECT interval '1 year 2 mons 3 days 04:05:06' AS f, interval '1 day -02:00:00' AS h, interval '-1 year -2 mons' AS i;

-- case: dts_intervalstyle_iso_8601
SET IntervalStyle = 'iso_8601';
SELECT interval '1 year 2 mons 3 days 04:05:06.5' AS a, interval '-1 year -2 mons' AS b, interval '1 day -02:00:00' AS c, interval '0' AS d, interval '-00:00:01.5' AS e, interval '00:00:30' AS f;
SET IntervalStyle = 'klingon';
SHOW IntervalStyle;

-- case: dts_time_zone_interval
SET TIME ZONE INTERVAL '-08:00' HOUR TO MINUTE;
SHOW TimeZone;
SELECT timestamptz '2024-01-01 12:00:00+00' AS shifted, '2024-01-01 12:00'::timestamptz AS local_noon;
