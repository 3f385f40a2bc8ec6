-- Miscellaneous: SET/SHOW, empty queries, utility statements, generate_series.

-- case: misc_select_without_from
SELECT 1;
SELECT 1 AS a, 'two' AS b, 3.0 AS c;
SELECT;

-- case: misc_unnamed_columns
SELECT 1, 'x', 1 + 1, count(*), upper('a'), CAST(1 AS text), 1::int8, NULL FROM (VALUES (1)) AS t(v);

-- case: misc_empty_query
;

-- case: misc_comment_only_query
-- just a comment
;

-- case: misc_set_show_timezone
SET TimeZone = 'UTC';
SHOW TimeZone;
SET TIME ZONE 'Europe/Paris';
SHOW timezone;
SELECT '2024-07-01 12:00:00+00'::timestamptz AS paris_summer;

-- case: misc_set_show_datestyle
SHOW DateStyle;
SET DateStyle = 'ISO, DMY';
SHOW DateStyle;
SELECT '01/02/2024'::date AS d;

-- case: misc_set_local_in_transaction
BEGIN;
SET LOCAL TimeZone = 'Asia/Tokyo';
SHOW TimeZone;
COMMIT;
SET TimeZone = 'UTC';
SHOW TimeZone;

-- case: misc_show_standard_settings
SHOW standard_conforming_strings;
SHOW client_encoding;
SHOW server_encoding;
SHOW integer_datetimes;
SHOW IntervalStyle;

-- case: misc_current_setting
SELECT current_setting('server_version_num')::int / 10000 AS major, current_setting('standard_conforming_strings') AS scs, current_setting('DateStyle') AS ds;

-- case: misc_set_config_function
SELECT set_config('application_name', 'diff-test', false) AS set;
SHOW application_name;

-- case: misc_reset_and_set_default
SET extra_float_digits = 0;
SELECT 0.1::float8 AS f, 1.0::float8 / 3 AS third;
RESET extra_float_digits;
SELECT 1.0::float8 / 3 AS third_again;

-- case: misc_generate_series
SELECT g FROM generate_series(1, 5) AS g ORDER BY g;
SELECT g FROM generate_series(10, 1, -3) AS g ORDER BY g DESC;
SELECT count(*) AS n FROM generate_series(1, 100000) AS g;

-- case: misc_generate_series_timestamps
SELECT g FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-02', interval '6 hours') AS g ORDER BY g;

-- case: misc_unnest
SELECT unnest(ARRAY[3, 1, 2]) AS v ORDER BY v;
SELECT u.v, u.o FROM unnest(ARRAY['a', 'b', 'c']) WITH ORDINALITY AS u(v, o) ORDER BY u.o;

-- case: misc_current_user_and_database
SELECT current_user AS cu, session_user AS su, current_database() AS db, current_schema() AS sch, user AS u;

-- case: misc_version_prefix
SELECT split_part(version(), ' ', 1) AS product, substring(current_setting('server_version') FROM 1 FOR 2) AS major;

-- case: misc_typed_literals
SELECT DATE '2024-01-01' AS d, TIME '12:00' AS t, TIMESTAMP '2024-01-01 12:00' AS ts, INTERVAL '2 hours' AS i, BOOLEAN 'true' AS b;

-- case: misc_values_statement
VALUES (1, 'a'), (2, 'b');
VALUES (1) UNION ALL VALUES (2) ORDER BY 1;

-- case: misc_case_insensitive_keywords
select Upper('x') as "Result", CAST(1 as INT) as plain;

-- case: misc_column_alias_case
SELECT 1 AS "MixedCase", 2 AS lowercase, 3 AS UPPERCASE, 4 AS "with space";

-- case: misc_semicolon_separated_selects
SELECT 1 AS a; SELECT 2 AS b; SELECT 3 AS c;

-- case: misc_long_text_value
SELECT repeat('abcdefghij', 10000) = repeat('abcdefghij', 10000) AS same, length(repeat('abcdefghij', 10000)) AS len, md5(repeat('x', 100000)) AS hash;

-- case: misc_wide_row
SELECT 1 AS c1, 2 AS c2, 3 AS c3, 4 AS c4, 5 AS c5, 6 AS c6, 7 AS c7, 8 AS c8, 9 AS c9, 10 AS c10, 11 AS c11, 12 AS c12, 13 AS c13, 14 AS c14, 15 AS c15, 16 AS c16, 17 AS c17, 18 AS c18, 19 AS c19, 20 AS c20;

-- case: misc_many_rows_text
SELECT g, g::text || '-x' AS s, g * 1.5 AS n FROM generate_series(1, 2000) AS g ORDER BY g;

-- case: misc_count_empty_table
CREATE TABLE dt_misc_empty (a int);
SELECT count(*) AS n FROM dt_misc_empty;
-- cleanup
DROP TABLE IF EXISTS dt_misc_empty;

-- case: misc_search_path_reset_all
SET search_path TO public;
SHOW search_path;
RESET ALL;

-- case: misc_sql_prepare_with_types
PREPARE dt_misc_sql_prepare_with_types (int, text) AS SELECT $1 + 1 AS n, $2 AS s, $1 * 2 AS twice;
EXECUTE dt_misc_sql_prepare_with_types (41, 'x');
EXECUTE dt_misc_sql_prepare_with_types ('5', 'y');
DEALLOCATE dt_misc_sql_prepare_with_types;

-- case: misc_sql_execute_column_names
PREPARE dt_misc_sql_execute_column_names AS SELECT count(*), 1 + 1, upper('a'), 'x'::text;
EXECUTE dt_misc_sql_execute_column_names;
DEALLOCATE dt_misc_sql_execute_column_names;
