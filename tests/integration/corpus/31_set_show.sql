-- SET, SHOW, RESET and the setting functions, as drivers and poolers send them.

-- case: set_statement_timeout_units
SHOW statement_timeout;
SET statement_timeout = '5s';
SHOW statement_timeout;
SET statement_timeout = 1500;
SHOW statement_timeout;
SET statement_timeout TO '2min';
SHOW statement_timeout;
RESET statement_timeout;
SHOW statement_timeout;

-- case: set_statement_timeout_invalid
SET statement_timeout = 'soon';
SET statement_timeout = -1;
SHOW statement_timeout;

-- case: set_datestyle_variants
SET DateStyle = 'ISO, MDY';
SHOW DateStyle;
SET DateStyle TO ISO, DMY;
SHOW DateStyle;
SET datestyle = 'ISO';
SHOW datestyle;
RESET DateStyle;
SHOW DateStyle;

-- case: set_datestyle_output_sql
SET DateStyle = 'SQL, DMY';
SELECT date '2024-03-04' AS d, timestamp '2024-03-04 05:06:07' AS ts;
SET DateStyle = 'German';
SELECT date '2024-03-04' AS d;

-- case: set_timezone_forms
SET TIME ZONE 'UTC';
SHOW TimeZone;
SET TimeZone TO 'America/Chicago';
SHOW TimeZone;
SET TIME ZONE LOCAL;
SET TIME ZONE DEFAULT;
SET timezone = 'Etc/GMT+3';
SHOW timezone;

-- case: set_timezone_effect_on_timestamptz
SET TimeZone = 'Australia/Sydney';
SELECT timestamptz '2024-01-01 00:00:00+00' AS summer, timestamptz '2024-07-01 00:00:00+00' AS winter;
SET TimeZone = 'UTC';
SELECT timestamptz '2024-01-01 00:00:00+00' AS utc;

-- case: set_timezone_interval_offset
SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE;
SELECT timestamptz '2024-01-01 00:00:00+00' AS shifted;

-- case: set_timezone_invalid
SET TimeZone = 'Mars/Olympus';
SHOW TimeZone;

-- case: set_search_path_and_unqualified_names
CREATE SCHEMA dt_set_search_path_and_unqualified_names;
CREATE TABLE dt_set_search_path_and_unqualified_names.t (v text);
INSERT INTO dt_set_search_path_and_unqualified_names.t VALUES ('in schema');
SET search_path TO dt_set_search_path_and_unqualified_names, public;
SHOW search_path;
SELECT v FROM t;
SELECT current_schema() AS cs;
RESET search_path;
SHOW search_path;
SELECT v FROM t;
-- cleanup
DROP SCHEMA IF EXISTS dt_set_search_path_and_unqualified_names CASCADE;

-- case: set_search_path_create_goes_first
CREATE SCHEMA dt_set_search_path_create_goes_first;
SET search_path = dt_set_search_path_create_goes_first, public;
CREATE TABLE dt_set_search_path_create_goes_first_t (v int);
SELECT table_schema FROM information_schema.tables WHERE table_name = 'dt_set_search_path_create_goes_first_t';
-- cleanup
DROP TABLE IF EXISTS dt_set_search_path_create_goes_first.dt_set_search_path_create_goes_first_t;
DROP SCHEMA IF EXISTS dt_set_search_path_create_goes_first CASCADE;
DROP TABLE IF EXISTS dt_set_search_path_create_goes_first_t;

-- case: set_search_path_quoted_and_empty
SET search_path = "$user", public;
SHOW search_path;
SET search_path = '';
SHOW search_path;
SELECT current_schema() AS cs;

-- case: set_application_name_roundtrip
SET application_name = 'dt-report-job';
SHOW application_name;
SELECT current_setting('application_name') AS via_function;
SET application_name TO DEFAULT;
SHOW application_name;

-- case: set_extra_float_digits_values
SET extra_float_digits = 3;
SHOW extra_float_digits;
SELECT 0.1::float8 AS a, 0.1::float4 AS b;
SET extra_float_digits = 0;
SELECT 0.1::float8 AS a, 1.0::float8 / 3 AS b, 0.1::float4 AS c;
SET extra_float_digits = -3;
SELECT 1.0::float8 / 3 AS b;
SET extra_float_digits = 4;

-- case: set_default_transaction_read_only
CREATE TABLE dt_set_default_transaction_read_only (v int);
SET default_transaction_read_only = on;
SHOW default_transaction_read_only;
INSERT INTO dt_set_default_transaction_read_only VALUES (1);
SELECT count(*) AS n FROM dt_set_default_transaction_read_only;
SET default_transaction_read_only = off;
INSERT INTO dt_set_default_transaction_read_only VALUES (2);
SELECT count(*) AS n FROM dt_set_default_transaction_read_only;
-- cleanup
DROP TABLE IF EXISTS dt_set_default_transaction_read_only;

-- case: set_transaction_read_only_show
BEGIN READ ONLY;
SHOW transaction_read_only;
COMMIT;
SHOW transaction_read_only;

-- case: set_config_and_current_setting
SELECT set_config('application_name', 'via-set-config', false) AS set_value;
SELECT current_setting('application_name') AS now_value;
SELECT set_config('statement_timeout', '3s', false) AS st;
SHOW statement_timeout;

-- case: set_config_is_local
BEGIN;
SELECT set_config('application_name', 'tx-local', true) AS v;
SHOW application_name;
COMMIT;
SHOW application_name;

-- case: set_current_setting_missing_ok
SELECT current_setting('dt.no_such_setting', true) IS NULL AS missing_is_null;
SELECT current_setting('dt.no_such_setting');

-- case: set_custom_placeholder_setting
SET dt.custom_flag = 'enabled';
SHOW dt.custom_flag;
SELECT current_setting('dt.custom_flag') AS v;
RESET dt.custom_flag;
SHOW dt.custom_flag;

-- case: set_show_unknown_parameter
SHOW dt_no_such_parameter;
SET dt_no_such_parameter = 1;

-- case: set_local_outside_transaction
SET LOCAL statement_timeout = '1s';
SHOW statement_timeout;

-- case: set_rolled_back_with_transaction
SET application_name = 'before';
BEGIN;
SET application_name = 'inside';
SHOW application_name;
ROLLBACK;
SHOW application_name;

-- case: set_session_keyword
SET SESSION statement_timeout = '10s';
SHOW statement_timeout;
SET SESSION TIME ZONE 'UTC';
SHOW TimeZone;

-- case: set_client_min_messages
SET client_min_messages = warning;
SHOW client_min_messages;
SET client_min_messages TO 'notice';
SHOW client_min_messages;

-- case: set_work_mem_and_lock_timeout
SET work_mem = '64MB';
SHOW work_mem;
SET lock_timeout = '2s';
SHOW lock_timeout;
SET idle_in_transaction_session_timeout = 60000;
SHOW idle_in_transaction_session_timeout;

-- case: set_show_isolation_levels
SHOW default_transaction_isolation;
SHOW transaction_isolation;
BEGIN ISOLATION LEVEL REPEATABLE READ;
SHOW transaction_isolation;
COMMIT;
BEGIN;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
SHOW transaction_isolation;
COMMIT;

-- case: set_show_fixed_parameters
SHOW max_identifier_length;
SHOW block_size;

-- case: set_intervalstyle_output
SET IntervalStyle = 'postgres_verbose';
SELECT interval '1 day 02:03:04' AS iv;
SET IntervalStyle = 'iso_8601';
SELECT interval '1 day 02:03:04' AS iv;
RESET IntervalStyle;
SHOW IntervalStyle;

-- case: set_bytea_output_escape
SET bytea_output = 'escape';
SHOW bytea_output;
SELECT 'abc'::bytea AS b;
RESET bytea_output;

-- case: set_reset_all_restores
SET application_name = 'temp-name';
SET statement_timeout = '7s';
RESET ALL;
SHOW application_name;
SHOW statement_timeout;

-- case: set_multiple_in_one_message
SET application_name = 'multi'; SET statement_timeout = '4s'; SHOW application_name;
SHOW statement_timeout;

-- case: set_pg_settings_query
SET work_mem = '8MB';
SELECT name, setting, unit FROM pg_settings WHERE name IN ('work_mem', 'statement_timeout') ORDER BY name;

-- case: set_bytea_output_escape_values
CREATE TABLE dt_set_bytea_output_escape_values (id int, b bytea);
INSERT INTO dt_set_bytea_output_escape_values VALUES (1, '\x00ff5c41'), (2, 'hello'), (3, ''), (4, NULL);
SET bytea_output = 'escape';
SELECT id, b, b::text AS t, length(b) AS n FROM dt_set_bytea_output_escape_values ORDER BY id;
SELECT E'a\\\\b\\001'::bytea AS d, decode('7f80', 'hex') AS e;
COPY dt_set_bytea_output_escape_values TO STDOUT;
SET bytea_output = 'hex';
SELECT b FROM dt_set_bytea_output_escape_values ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_set_bytea_output_escape_values;
