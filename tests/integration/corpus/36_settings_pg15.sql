-- Every PostgreSQL 15 parameter: SET, SHOW, RESET, current_setting() and pg_settings, validated by its type.

-- case: set15_planner_knobs
SET enable_seqscan = off;
SHOW enable_seqscan;
SET random_page_cost = 1.1;
SHOW random_page_cost;
SET enable_nestloop TO false;
SHOW enable_nestloop;
RESET enable_seqscan;
SHOW enable_seqscan;

-- case: set15_pg_dump_preamble
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET default_tablespace = '';
SET default_table_access_method = heap;
SHOW check_function_bodies;
SHOW row_security;
SHOW default_table_access_method;

-- case: set15_synchronize_seqscans
SET synchronize_seqscans TO off;
SHOW synchronize_seqscans;
SET synchronize_seqscans TO DEFAULT;
SHOW synchronize_seqscans;

-- case: set15_memory_and_time_units
SET work_mem = '1.5MB';
SHOW work_mem;
SET maintenance_work_mem = '1GB';
SHOW maintenance_work_mem;
SET temp_buffers = 100;
SHOW temp_buffers;
SET lock_timeout = '1.5s';
SHOW lock_timeout;
SET vacuum_cost_delay = '1.5';
SHOW vacuum_cost_delay;
SET deadlock_timeout = 1000;
SHOW deadlock_timeout;

-- case: set15_invalid_values
SET enable_seqscan = maybe;
SET work_mem = 10;
SET random_page_cost = -1;
SET xmloption = html;
SET geqo_threshold = '12kB';
SET dt_not_a_parameter = 1;

-- case: set15_fixed_parameters
SHOW wal_level;
SHOW block_size;
SET shared_buffers = '1GB';
SET wal_level = minimal;

-- case: set15_changes_by_context
SET max_connections = 5;
SET ssl = on;
SET log_checkpoints = on;
SET log_connections = on;
SET jit_debugging_support = on;
SET server_version = '1';
RESET wal_level;
SELECT set_config('log_checkpoints', 'on', false);
SET deadlock_timeout = '2s';
SHOW deadlock_timeout;
RESET deadlock_timeout;

-- case: set15_current_setting_and_set_config
SELECT current_setting('enable_seqscan') AS a, current_setting('work_mem') AS b, current_setting('effective_cache_size') AS c;
SELECT set_config('random_page_cost', '2.5', false) AS s;
SELECT current_setting('random_page_cost') AS r;

-- case: set15_set_local_in_transaction
BEGIN;
SET LOCAL enable_hashjoin = off;
SHOW enable_hashjoin;
COMMIT;
SHOW enable_hashjoin;

-- case: set15_transaction_read_only_default
SHOW transaction_read_only;
SHOW transaction_isolation;
SHOW default_transaction_deferrable;

-- case: set15_pg_settings_rows
SET enable_seqscan = off;
SELECT name, setting FROM pg_settings WHERE name IN ('enable_seqscan', 'random_page_cost', 'geqo') ORDER BY name;
SELECT count(*) > 300 AS many FROM pg_settings;
