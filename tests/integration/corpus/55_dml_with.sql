-- Data-modifying statements in WITH: INSERT, UPDATE and DELETE ... RETURNING read by the query, in one statement.

-- case: dmw_insert_returning_star
CREATE TABLE dt_dmw_insert_returning_star (id int, v text);
WITH ins AS (INSERT INTO dt_dmw_insert_returning_star VALUES (1, 'a'), (2, 'b') RETURNING *) SELECT id, v FROM ins ORDER BY id;
SELECT id, v FROM dt_dmw_insert_returning_star ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_insert_returning_star;

-- case: dmw_update_returning_sum
CREATE TABLE dt_dmw_update_returning_sum (id int, qty int);
INSERT INTO dt_dmw_update_returning_sum VALUES (1, 5), (2, 7), (3, 9);
WITH upd AS (UPDATE dt_dmw_update_returning_sum SET qty = qty * 2 WHERE id >= 2 RETURNING id, qty) SELECT count(*) AS n, sum(qty) AS total FROM upd;
SELECT id, qty FROM dt_dmw_update_returning_sum ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_update_returning_sum;

-- case: dmw_delete_returning_star_into_insert
CREATE TABLE dt_dmw_delete_star_queue (id int, item text);
CREATE TABLE dt_dmw_delete_star_done (id int, item text);
INSERT INTO dt_dmw_delete_star_queue VALUES (1, 'x'), (2, 'y'), (3, 'z');
WITH moved AS (DELETE FROM dt_dmw_delete_star_queue WHERE id <> 2 RETURNING *) INSERT INTO dt_dmw_delete_star_done SELECT * FROM moved;
SELECT id, item FROM dt_dmw_delete_star_queue ORDER BY id;
SELECT id, item FROM dt_dmw_delete_star_done ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_delete_star_queue;
DROP TABLE IF EXISTS dt_dmw_delete_star_done;

-- case: dmw_unreferenced_cte_runs
CREATE TABLE dt_dmw_unreferenced_cte_runs (id int);
WITH ins AS (INSERT INTO dt_dmw_unreferenced_cte_runs VALUES (5), (6) RETURNING id) SELECT 1 AS one;
SELECT id FROM dt_dmw_unreferenced_cte_runs ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_unreferenced_cte_runs;

-- case: dmw_cte_referenced_twice
CREATE TABLE dt_dmw_cte_referenced_twice (id int);
WITH ins AS (INSERT INTO dt_dmw_cte_referenced_twice VALUES (1), (2) RETURNING id) SELECT a.id, b.id AS same FROM ins a JOIN ins b ON a.id = b.id ORDER BY a.id;
SELECT count(*) AS n FROM dt_dmw_cte_referenced_twice;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_cte_referenced_twice;

-- case: dmw_two_data_modifying_ctes
CREATE TABLE dt_dmw_two_data_modifying_ctes (id int, v text);
INSERT INTO dt_dmw_two_data_modifying_ctes VALUES (1, 'a'), (2, 'b'), (3, 'c');
WITH d AS (DELETE FROM dt_dmw_two_data_modifying_ctes WHERE id = 1 RETURNING id), u AS (UPDATE dt_dmw_two_data_modifying_ctes SET v = 'changed' WHERE id = 3 RETURNING id) SELECT (SELECT count(*) FROM d) AS deleted, (SELECT count(*) FROM u) AS updated;
SELECT id, v FROM dt_dmw_two_data_modifying_ctes ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_two_data_modifying_ctes;

-- case: dmw_plain_cte_feeds_insert
CREATE TABLE dt_dmw_plain_cte_feeds_insert (id int, v text);
WITH src AS (SELECT g AS id, 'n' || g AS v FROM generate_series(1, 3) g), ins AS (INSERT INTO dt_dmw_plain_cte_feeds_insert SELECT id, v FROM src RETURNING id, v) SELECT id, v FROM ins ORDER BY id;
SELECT count(*) AS n FROM dt_dmw_plain_cte_feeds_insert;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_plain_cte_feeds_insert;

-- case: dmw_cte_column_aliases
CREATE TABLE dt_dmw_cte_column_aliases (id int, v text);
WITH ins(new_id, new_v) AS (INSERT INTO dt_dmw_cte_column_aliases VALUES (7, 'q') RETURNING id, v) SELECT new_id, upper(new_v) AS v FROM ins;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_cte_column_aliases;

-- case: dmw_main_insert_returning
CREATE TABLE dt_dmw_main_insert_returning_a (id int);
CREATE TABLE dt_dmw_main_insert_returning_b (id int);
WITH a AS (INSERT INTO dt_dmw_main_insert_returning_a VALUES (1), (2) RETURNING id) INSERT INTO dt_dmw_main_insert_returning_b SELECT id * 10 FROM a RETURNING id;
SELECT id FROM dt_dmw_main_insert_returning_b ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_main_insert_returning_a;
DROP TABLE IF EXISTS dt_dmw_main_insert_returning_b;

-- case: dmw_main_update
CREATE TABLE dt_dmw_main_update_queue (item text);
CREATE TABLE dt_dmw_main_update_stock (item text, n int);
INSERT INTO dt_dmw_main_update_queue VALUES ('bolt'), ('nut');
INSERT INTO dt_dmw_main_update_stock VALUES ('bolt', 1), ('nut', 2), ('screw', 3);
WITH taken AS (DELETE FROM dt_dmw_main_update_queue RETURNING item) UPDATE dt_dmw_main_update_stock SET n = n + 1 WHERE item IN (SELECT item FROM taken);
SELECT item, n FROM dt_dmw_main_update_stock ORDER BY item;
SELECT count(*) AS left_in_queue FROM dt_dmw_main_update_queue;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_main_update_queue;
DROP TABLE IF EXISTS dt_dmw_main_update_stock;

-- case: dmw_without_returning
CREATE TABLE dt_dmw_without_returning (id int);
INSERT INTO dt_dmw_without_returning VALUES (1), (2);
WITH d AS (DELETE FROM dt_dmw_without_returning WHERE id = 1) SELECT 'done' AS status;
SELECT id FROM dt_dmw_without_returning ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_without_returning;

-- case: dmw_error_in_main_rolls_back_cte
CREATE TABLE dt_dmw_error_in_main (id int PRIMARY KEY);
INSERT INTO dt_dmw_error_in_main VALUES (1);
WITH ins AS (INSERT INTO dt_dmw_error_in_main VALUES (10) RETURNING id) INSERT INTO dt_dmw_error_in_main VALUES (1);
SELECT id FROM dt_dmw_error_in_main ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_error_in_main;

-- case: dmw_error_in_cte
CREATE TABLE dt_dmw_error_in_cte (id int PRIMARY KEY);
INSERT INTO dt_dmw_error_in_cte VALUES (1);
WITH d AS (DELETE FROM dt_dmw_error_in_cte RETURNING id), ins AS (INSERT INTO dt_dmw_error_in_cte VALUES (2), (2) RETURNING id) SELECT count(*) FROM ins;
SELECT id FROM dt_dmw_error_in_cte ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_error_in_cte;

-- case: dmw_in_transaction_block
CREATE TABLE dt_dmw_in_transaction_block (id int);
BEGIN;
WITH ins AS (INSERT INTO dt_dmw_in_transaction_block VALUES (1), (2), (3) RETURNING id) SELECT max(id) AS top FROM ins;
SELECT count(*) AS n FROM dt_dmw_in_transaction_block;
ROLLBACK;
SELECT count(*) AS n FROM dt_dmw_in_transaction_block;
BEGIN;
WITH ins AS (INSERT INTO dt_dmw_in_transaction_block VALUES (4) RETURNING id) SELECT id FROM ins;
COMMIT;
SELECT id FROM dt_dmw_in_transaction_block ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_in_transaction_block;

-- case: dmw_multi_statement_message
CREATE TABLE dt_dmw_multi_statement_message (id int);
WITH ins AS (INSERT INTO dt_dmw_multi_statement_message VALUES (1) RETURNING id) SELECT id FROM ins; SELECT count(*) AS n FROM dt_dmw_multi_statement_message;
-- cleanup
DROP TABLE IF EXISTS dt_dmw_multi_statement_message;
