-- Transactions as PostgreSQL 15's documentation and ORMs use them: savepoints undoing writes, row and table locks
-- in one session, implicit transactions of multi-statement messages, and the session state they show.

-- case: txl_savepoint_undoes_update_and_delete
CREATE TABLE dt_txl_savepoint_undoes_update_and_delete (id int PRIMARY KEY, v text);
INSERT INTO dt_txl_savepoint_undoes_update_and_delete VALUES (1, 'a'), (2, 'b');
BEGIN;
UPDATE dt_txl_savepoint_undoes_update_and_delete SET v = v || '1' WHERE id = 1;
SAVEPOINT s1;
UPDATE dt_txl_savepoint_undoes_update_and_delete SET v = 'changed';
DELETE FROM dt_txl_savepoint_undoes_update_and_delete WHERE id = 2;
ROLLBACK TO SAVEPOINT s1;
SELECT id, v FROM dt_txl_savepoint_undoes_update_and_delete ORDER BY id;
COMMIT;
SELECT id, v FROM dt_txl_savepoint_undoes_update_and_delete ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_txl_savepoint_undoes_update_and_delete;

-- case: txl_nested_savepoints
CREATE TABLE dt_txl_nested_savepoints (v int);
BEGIN;
INSERT INTO dt_txl_nested_savepoints VALUES (1);
SAVEPOINT a;
INSERT INTO dt_txl_nested_savepoints VALUES (2);
SAVEPOINT b;
INSERT INTO dt_txl_nested_savepoints VALUES (3);
ROLLBACK TO SAVEPOINT b;
INSERT INTO dt_txl_nested_savepoints VALUES (4);
SELECT v FROM dt_txl_nested_savepoints ORDER BY v;
ROLLBACK TO SAVEPOINT a;
SELECT v FROM dt_txl_nested_savepoints ORDER BY v;
RELEASE SAVEPOINT a;
COMMIT;
SELECT v FROM dt_txl_nested_savepoints ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_txl_nested_savepoints;

-- case: txl_savepoint_after_unique_violation
CREATE TABLE dt_txl_savepoint_after_unique_violation (id int PRIMARY KEY, name text);
BEGIN;
INSERT INTO dt_txl_savepoint_after_unique_violation VALUES (1, 'first');
SAVEPOINT get_or_create;
INSERT INTO dt_txl_savepoint_after_unique_violation VALUES (1, 'again');
ROLLBACK TO SAVEPOINT get_or_create;
SELECT id, name FROM dt_txl_savepoint_after_unique_violation WHERE id = 1;
RELEASE SAVEPOINT get_or_create;
INSERT INTO dt_txl_savepoint_after_unique_violation VALUES (2, 'second');
COMMIT;
SELECT id, name FROM dt_txl_savepoint_after_unique_violation ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_txl_savepoint_after_unique_violation;

-- case: txl_savepoint_keeps_created_table
BEGIN;
CREATE TABLE dt_txl_savepoint_keeps_created_table (v int);
INSERT INTO dt_txl_savepoint_keeps_created_table VALUES (1);
SAVEPOINT s;
INSERT INTO dt_txl_savepoint_keeps_created_table SELECT v + 1 FROM dt_txl_savepoint_keeps_created_table;
SELECT 1 / 0;
ROLLBACK TO SAVEPOINT s;
SELECT count(*) AS n FROM dt_txl_savepoint_keeps_created_table;
COMMIT;
SELECT v FROM dt_txl_savepoint_keeps_created_table ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_txl_savepoint_keeps_created_table;

-- case: txl_savepoint_restores_settings_after_write
CREATE TABLE dt_txl_savepoint_restores_settings (v int);
BEGIN;
SET LOCAL statement_timeout = '5s';
SAVEPOINT s;
SET LOCAL statement_timeout = '9s';
INSERT INTO dt_txl_savepoint_restores_settings VALUES (1);
ROLLBACK TO SAVEPOINT s;
SHOW statement_timeout;
SELECT count(*) AS n FROM dt_txl_savepoint_restores_settings;
COMMIT;
-- cleanup
DROP TABLE IF EXISTS dt_txl_savepoint_restores_settings;

-- case: txl_select_for_update_variants
CREATE TABLE dt_txl_select_for_update_variants (id int PRIMARY KEY, qty int);
INSERT INTO dt_txl_select_for_update_variants VALUES (1, 5), (2, 7);
BEGIN;
SELECT id, qty FROM dt_txl_select_for_update_variants WHERE id = 1 FOR UPDATE NOWAIT;
SELECT id FROM dt_txl_select_for_update_variants ORDER BY id FOR NO KEY UPDATE SKIP LOCKED;
SELECT id FROM dt_txl_select_for_update_variants WHERE qty > 6 FOR KEY SHARE;
UPDATE dt_txl_select_for_update_variants SET qty = qty - 1 WHERE id = 1;
COMMIT;
SELECT id, qty FROM dt_txl_select_for_update_variants ORDER BY id FOR UPDATE;
-- cleanup
DROP TABLE IF EXISTS dt_txl_select_for_update_variants;

-- case: txl_lock_table_modes
CREATE TABLE dt_txl_lock_table_modes (v int);
BEGIN;
LOCK TABLE dt_txl_lock_table_modes IN ACCESS SHARE MODE;
LOCK dt_txl_lock_table_modes IN ROW EXCLUSIVE MODE;
LOCK TABLE dt_txl_lock_table_modes IN SHARE ROW EXCLUSIVE MODE NOWAIT;
INSERT INTO dt_txl_lock_table_modes VALUES (1);
COMMIT;
LOCK TABLE dt_txl_lock_table_modes IN SHARE MODE; SELECT count(*) AS n FROM dt_txl_lock_table_modes;
-- cleanup
DROP TABLE IF EXISTS dt_txl_lock_table_modes;

-- case: txl_commit_inside_implicit_transaction
CREATE TABLE dt_txl_commit_inside_implicit (v int);
INSERT INTO dt_txl_commit_inside_implicit VALUES (1); COMMIT; INSERT INTO dt_txl_commit_inside_implicit VALUES (2);
INSERT INTO dt_txl_commit_inside_implicit VALUES (3); ROLLBACK; INSERT INTO dt_txl_commit_inside_implicit VALUES (4);
SELECT v FROM dt_txl_commit_inside_implicit ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_txl_commit_inside_implicit;

-- case: txl_transaction_read_only_shown
SHOW transaction_read_only;
START TRANSACTION READ ONLY;
SHOW transaction_read_only;
ROLLBACK;
BEGIN;
SET TRANSACTION READ ONLY;
SHOW transaction_read_only;
SELECT current_setting('transaction_read_only') AS ro;
COMMIT;
SHOW transaction_read_only;

-- case: txl_search_path_forms
SET search_path TO public;
SHOW search_path;
SET search_path = 'MixedCase', public;
SHOW search_path;
SET search_path = "$user", public, pg_catalog;
SHOW search_path;
RESET search_path;
SHOW search_path;

-- case: txl_pg_settings_units
SET work_mem = '64MB';
SET statement_timeout = '2min';
SELECT name, setting, unit FROM pg_settings WHERE name IN ('work_mem', 'statement_timeout', 'maintenance_work_mem', 'effective_cache_size', 'random_page_cost') ORDER BY name;

-- case: txl_integer_text_input
SELECT ' 42 '::int AS a, '-7'::smallint AS b, '+9000000000'::bigint AS c;
SELECT '4.0'::int;
SELECT '40000'::smallint;
SELECT ''::bigint;

-- case: txl_generate_series_zero_step_from_column
CREATE TABLE dt_txl_generate_series_zero_step (lo int, hi int, step int);
INSERT INTO dt_txl_generate_series_zero_step VALUES (1, 3, 1), (1, 3, 0);
SELECT count(*) FROM dt_txl_generate_series_zero_step, generate_series(lo, hi, step) AS s;
SELECT generate_series(1, 10, -0);
SELECT * FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-02', interval '0 hours');
-- cleanup
DROP TABLE IF EXISTS dt_txl_generate_series_zero_step;

-- case: txl_upsert_repeated_key_with_column_list
CREATE TABLE dt_txl_upsert_repeated_key (a int, b int, v text, PRIMARY KEY (a, b));
INSERT INTO dt_txl_upsert_repeated_key (b, a, v) VALUES (1, 1, 'x'), (1, 2, 'y') ON CONFLICT (a, b) DO UPDATE SET v = excluded.v;
INSERT INTO dt_txl_upsert_repeated_key (b, a, v) VALUES (1, 1, 'p'), (1, 1, 'q') ON CONFLICT (a, b) DO UPDATE SET v = excluded.v;
INSERT INTO dt_txl_upsert_repeated_key (b, a, v) VALUES (1, 1, 'p'), (1, 1, 'q') ON CONFLICT (a, b) DO NOTHING;
SELECT a, b, v FROM dt_txl_upsert_repeated_key ORDER BY a, b;
-- cleanup
DROP TABLE IF EXISTS dt_txl_upsert_repeated_key;

-- case: txl_group_by_primary_key_with_join
CREATE TABLE dt_txl_group_by_pk_author (id int PRIMARY KEY, name text, born int);
CREATE TABLE dt_txl_group_by_pk_book (id int PRIMARY KEY, author_id int, title text);
INSERT INTO dt_txl_group_by_pk_author VALUES (1, 'ann', 1970), (2, 'bob', 1980);
INSERT INTO dt_txl_group_by_pk_book VALUES (10, 1, 'x'), (11, 1, 'y'), (12, 2, 'z');
SELECT a.id, a.name, a.born, count(b.id) AS books FROM dt_txl_group_by_pk_author AS a LEFT JOIN dt_txl_group_by_pk_book AS b ON b.author_id = a.id GROUP BY a.id ORDER BY a.id;
SELECT b.title, a.name FROM dt_txl_group_by_pk_book b JOIN dt_txl_group_by_pk_author a ON a.id = b.author_id GROUP BY b.id, a.id ORDER BY b.title;
SELECT name, count(*) FROM dt_txl_group_by_pk_author GROUP BY born;
-- cleanup
DROP TABLE IF EXISTS dt_txl_group_by_pk_book;
DROP TABLE IF EXISTS dt_txl_group_by_pk_author;

-- case: txl_using_join_star_with_aliases
CREATE TABLE dt_txl_using_star_l (k int, lv text, k2 int);
CREATE TABLE dt_txl_using_star_r (rv text, k2 int, k int);
INSERT INTO dt_txl_using_star_l VALUES (1, 'l1', 10), (2, 'l2', 20);
INSERT INTO dt_txl_using_star_r VALUES ('r1', 10, 1), ('r3', 30, 3);
SELECT * FROM dt_txl_using_star_l AS l JOIN dt_txl_using_star_r AS r USING (k, k2) ORDER BY k;
SELECT * FROM dt_txl_using_star_l l FULL JOIN dt_txl_using_star_r r USING (k) ORDER BY k;
-- cleanup
DROP TABLE IF EXISTS dt_txl_using_star_l;
DROP TABLE IF EXISTS dt_txl_using_star_r;

-- case: lock_table_missing_relation
CREATE TABLE dt_lock_table_missing_relation (id int);
BEGIN;
LOCK TABLE dt_lock_table_missing_relation, dt_lock_table_missing_relation_nope IN SHARE MODE;
SELECT 1;
ROLLBACK;
BEGIN;
LOCK TABLE public.dt_lock_table_missing_relation IN ACCESS EXCLUSIVE MODE;
SELECT count(*) FROM dt_lock_table_missing_relation;
COMMIT;
-- cleanup
DROP TABLE IF EXISTS dt_lock_table_missing_relation;
