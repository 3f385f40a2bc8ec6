-- DML as ORMs send it: RETURNING, upserts, UPDATE ... FROM, DELETE ... USING, MERGE.

-- case: ret_insert_serial_returning_id
CREATE TABLE dt_ret_insert_serial_returning_id (id serial PRIMARY KEY, name text NOT NULL, created_at timestamp DEFAULT '2024-01-01 00:00:00');
INSERT INTO dt_ret_insert_serial_returning_id (name) VALUES ('first') RETURNING id;
INSERT INTO dt_ret_insert_serial_returning_id (name) VALUES ('second'), ('third') RETURNING id, name, created_at;
INSERT INTO dt_ret_insert_serial_returning_id (name) VALUES ('fourth') RETURNING *;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_serial_returning_id;

-- case: ret_insert_bigserial_returning
CREATE TABLE dt_ret_insert_bigserial_returning (id bigserial PRIMARY KEY, v int);
INSERT INTO dt_ret_insert_bigserial_returning (v) VALUES (10) RETURNING id;
INSERT INTO dt_ret_insert_bigserial_returning (id, v) VALUES (100, 20) RETURNING id, v;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_bigserial_returning;

-- case: ret_insert_returning_expressions
CREATE TABLE dt_ret_insert_returning_expressions (id int, price numeric(8,2), qty int);
INSERT INTO dt_ret_insert_returning_expressions VALUES (1, 2.50, 4) RETURNING id, price * qty AS total, qty > 3 AS bulk, 'ok' AS status;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_returning_expressions;

-- case: ret_update_single_row_returning
CREATE TABLE dt_ret_update_single_row_returning (id int PRIMARY KEY, balance int);
INSERT INTO dt_ret_update_single_row_returning VALUES (1, 100), (2, 50);
UPDATE dt_ret_update_single_row_returning SET balance = balance - 30 WHERE id = 1 RETURNING id, balance;
UPDATE dt_ret_update_single_row_returning SET balance = 0 WHERE id = 99 RETURNING id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_single_row_returning;

-- case: ret_delete_single_row_returning_star
CREATE TABLE dt_ret_delete_single_row_returning_star (id int, label text);
INSERT INTO dt_ret_delete_single_row_returning_star VALUES (1, 'a'), (2, 'b');
DELETE FROM dt_ret_delete_single_row_returning_star WHERE id = 2 RETURNING *;
DELETE FROM dt_ret_delete_single_row_returning_star WHERE id = 2 RETURNING *;
-- cleanup
DROP TABLE IF EXISTS dt_ret_delete_single_row_returning_star;

-- case: ret_upsert_returning
CREATE TABLE dt_ret_upsert_returning (key text PRIMARY KEY, value int NOT NULL, version int NOT NULL DEFAULT 1);
INSERT INTO dt_ret_upsert_returning (key, value) VALUES ('a', 1) ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = dt_ret_upsert_returning.version + 1 RETURNING key, value, version;
INSERT INTO dt_ret_upsert_returning (key, value) VALUES ('a', 2) ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = dt_ret_upsert_returning.version + 1 RETURNING key, value, version;
INSERT INTO dt_ret_upsert_returning (key, value) VALUES ('a', 3) ON CONFLICT (key) DO NOTHING RETURNING key;
-- cleanup
DROP TABLE IF EXISTS dt_ret_upsert_returning;

-- case: ret_upsert_on_constraint_name
CREATE TABLE dt_ret_upsert_on_constraint_name (a int, b int, v text, CONSTRAINT dt_ret_upsert_on_constraint_name_ab UNIQUE (a, b));
INSERT INTO dt_ret_upsert_on_constraint_name VALUES (1, 1, 'x');
INSERT INTO dt_ret_upsert_on_constraint_name VALUES (1, 1, 'y') ON CONFLICT ON CONSTRAINT dt_ret_upsert_on_constraint_name_ab DO UPDATE SET v = excluded.v;
SELECT a, b, v FROM dt_ret_upsert_on_constraint_name ORDER BY a, b;
-- cleanup
DROP TABLE IF EXISTS dt_ret_upsert_on_constraint_name;

-- case: ret_upsert_composite_key
CREATE TABLE dt_ret_upsert_composite_key (day date, sensor text, hits int, PRIMARY KEY (day, sensor));
INSERT INTO dt_ret_upsert_composite_key VALUES ('2024-01-01', 's1', 1), ('2024-01-01', 's2', 1);
INSERT INTO dt_ret_upsert_composite_key VALUES ('2024-01-01', 's1', 5), ('2024-01-02', 's1', 2) ON CONFLICT (day, sensor) DO UPDATE SET hits = dt_ret_upsert_composite_key.hits + excluded.hits;
SELECT day, sensor, hits FROM dt_ret_upsert_composite_key ORDER BY day, sensor;
-- cleanup
DROP TABLE IF EXISTS dt_ret_upsert_composite_key;

-- case: ret_upsert_do_update_where
CREATE TABLE dt_ret_upsert_do_update_where (id int PRIMARY KEY, v int, updated boolean DEFAULT false);
INSERT INTO dt_ret_upsert_do_update_where (id, v) VALUES (1, 10), (2, 20);
INSERT INTO dt_ret_upsert_do_update_where (id, v) VALUES (1, 5), (2, 25) ON CONFLICT (id) DO UPDATE SET v = excluded.v, updated = true WHERE excluded.v > dt_ret_upsert_do_update_where.v;
SELECT id, v, updated FROM dt_ret_upsert_do_update_where ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_upsert_do_update_where;

-- case: ret_insert_fewer_values_than_columns
CREATE TABLE dt_ret_insert_fewer_values_than_columns (id int, v text, flag boolean DEFAULT true);
INSERT INTO dt_ret_insert_fewer_values_than_columns VALUES (1, 'a');
INSERT INTO dt_ret_insert_fewer_values_than_columns VALUES (2);
SELECT id, v, flag FROM dt_ret_insert_fewer_values_than_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_fewer_values_than_columns;

-- case: ret_upsert_conflict_twice_in_one_statement
CREATE TABLE dt_ret_upsert_conflict_twice_in_one_statement (id int PRIMARY KEY, v int);
INSERT INTO dt_ret_upsert_conflict_twice_in_one_statement VALUES (1, 1), (1, 2) ON CONFLICT (id) DO UPDATE SET v = excluded.v;
SELECT count(*) AS n FROM dt_ret_upsert_conflict_twice_in_one_statement;
-- cleanup
DROP TABLE IF EXISTS dt_ret_upsert_conflict_twice_in_one_statement;

-- case: ret_update_from_returning
CREATE TABLE dt_ret_update_from_returning_acc (id int, total int);
CREATE TABLE dt_ret_update_from_returning_pay (acc_id int, amount int);
INSERT INTO dt_ret_update_from_returning_acc VALUES (1, 0), (2, 0);
INSERT INTO dt_ret_update_from_returning_pay VALUES (2, 15);
UPDATE dt_ret_update_from_returning_acc a SET total = a.total + p.amount FROM dt_ret_update_from_returning_pay p WHERE p.acc_id = a.id RETURNING a.id, a.total, p.amount;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_from_returning_acc;
DROP TABLE IF EXISTS dt_ret_update_from_returning_pay;

-- case: ret_update_from_returning_expressions
CREATE TABLE dt_ret_update_from_expr_item (id int, price numeric(8,2), name text);
CREATE TABLE dt_ret_update_from_expr_change (item_id int, pct int);
INSERT INTO dt_ret_update_from_expr_item VALUES (1, 10.00, 'pen'), (2, 20.00, 'ink'), (3, 30.00, 'pad');
INSERT INTO dt_ret_update_from_expr_change VALUES (1, 10), (3, 50);
UPDATE dt_ret_update_from_expr_item AS i SET price = i.price * (100 + c.pct) / 100 FROM dt_ret_update_from_expr_change AS c WHERE c.item_id = i.id RETURNING i.name, i.price AS new_price, c.pct, i.price - i.price * 100 / (100 + c.pct) AS raised_by;
SELECT id, price FROM dt_ret_update_from_expr_item ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_from_expr_item;
DROP TABLE IF EXISTS dt_ret_update_from_expr_change;

-- case: ret_update_from_subquery_returning
CREATE TABLE dt_ret_update_from_subquery (id int, v text);
INSERT INTO dt_ret_update_from_subquery VALUES (1, 'old'), (2, 'old');
BEGIN;
UPDATE dt_ret_update_from_subquery t SET v = s.v FROM (SELECT 2 AS id, 'new' AS v) s WHERE t.id = s.id RETURNING t.id, t.v, s.v AS from_v;
SELECT id, v FROM dt_ret_update_from_subquery ORDER BY id;
ROLLBACK;
SELECT id, v FROM dt_ret_update_from_subquery ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_from_subquery;

-- case: ret_update_from_aggregate_subquery
CREATE TABLE dt_ret_update_from_aggregate_subquery_t (id int, n int);
CREATE TABLE dt_ret_update_from_aggregate_subquery_e (t_id int);
INSERT INTO dt_ret_update_from_aggregate_subquery_t VALUES (1, 0), (2, 0), (3, 0);
INSERT INTO dt_ret_update_from_aggregate_subquery_e VALUES (1), (1), (3);
UPDATE dt_ret_update_from_aggregate_subquery_t t SET n = s.c FROM (SELECT t_id, count(*) AS c FROM dt_ret_update_from_aggregate_subquery_e GROUP BY t_id) AS s WHERE s.t_id = t.id;
SELECT id, n FROM dt_ret_update_from_aggregate_subquery_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_from_aggregate_subquery_t;
DROP TABLE IF EXISTS dt_ret_update_from_aggregate_subquery_e;

-- case: ret_delete_using_returning
CREATE TABLE dt_ret_delete_using_returning_s (id int, token text);
CREATE TABLE dt_ret_delete_using_returning_b (token text);
INSERT INTO dt_ret_delete_using_returning_s VALUES (1, 'ok'), (2, 'bad'), (3, 'ok');
INSERT INTO dt_ret_delete_using_returning_b VALUES ('bad');
DELETE FROM dt_ret_delete_using_returning_s s USING dt_ret_delete_using_returning_b b WHERE s.token = b.token RETURNING s.id;
SELECT id FROM dt_ret_delete_using_returning_s ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_delete_using_returning_s;
DROP TABLE IF EXISTS dt_ret_delete_using_returning_b;

-- case: ret_update_row_constructor_set
CREATE TABLE dt_ret_update_row_constructor_set (id int, a int, b text);
INSERT INTO dt_ret_update_row_constructor_set VALUES (1, 0, 'x');
UPDATE dt_ret_update_row_constructor_set SET (a, b) = (5, 'y') WHERE id = 1;
UPDATE dt_ret_update_row_constructor_set SET (a, b) = (SELECT a + 1, b || 'z' FROM dt_ret_update_row_constructor_set WHERE id = 1) WHERE id = 1;
SELECT id, a, b FROM dt_ret_update_row_constructor_set;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_row_constructor_set;

-- case: ret_update_set_default
CREATE TABLE dt_ret_update_set_default (id int, status text DEFAULT 'new');
INSERT INTO dt_ret_update_set_default VALUES (1, 'done');
UPDATE dt_ret_update_set_default SET status = DEFAULT WHERE id = 1 RETURNING status;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_set_default;

-- case: ret_insert_column_order_and_defaults
CREATE TABLE dt_ret_insert_column_order_and_defaults (a int DEFAULT 1, b text DEFAULT 'b', c boolean DEFAULT true);
INSERT INTO dt_ret_insert_column_order_and_defaults (c, a) VALUES (false, 9) RETURNING a, b, c;
INSERT INTO dt_ret_insert_column_order_and_defaults (b) VALUES (DEFAULT) RETURNING *;
INSERT INTO dt_ret_insert_column_order_and_defaults DEFAULT VALUES RETURNING a;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_column_order_and_defaults;

-- case: ret_insert_select_order_limit
CREATE TABLE dt_ret_insert_select_order_limit (v int);
INSERT INTO dt_ret_insert_select_order_limit SELECT g FROM generate_series(1, 100) AS g ORDER BY g DESC LIMIT 3;
SELECT v FROM dt_ret_insert_select_order_limit ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_select_order_limit;

-- case: ret_truncate_restart_identity
CREATE TABLE dt_ret_truncate_restart_identity (id serial, v text);
INSERT INTO dt_ret_truncate_restart_identity (v) VALUES ('a'), ('b');
TRUNCATE dt_ret_truncate_restart_identity RESTART IDENTITY;
INSERT INTO dt_ret_truncate_restart_identity (v) VALUES ('c') RETURNING id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_truncate_restart_identity;

-- case: ret_merge_basic
CREATE TABLE dt_ret_merge_basic_target (id int PRIMARY KEY, qty int);
CREATE TABLE dt_ret_merge_basic_source (id int, qty int);
INSERT INTO dt_ret_merge_basic_target VALUES (1, 10), (2, 20);
INSERT INTO dt_ret_merge_basic_source VALUES (2, 5), (3, 7);
MERGE INTO dt_ret_merge_basic_target t USING dt_ret_merge_basic_source s ON t.id = s.id WHEN MATCHED THEN UPDATE SET qty = t.qty + s.qty WHEN NOT MATCHED THEN INSERT (id, qty) VALUES (s.id, s.qty);
SELECT id, qty FROM dt_ret_merge_basic_target ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_merge_basic_target;
DROP TABLE IF EXISTS dt_ret_merge_basic_source;

-- case: ret_merge_delete_and_do_nothing
CREATE TABLE dt_ret_merge_delete_and_do_nothing (id int PRIMARY KEY, active boolean);
INSERT INTO dt_ret_merge_delete_and_do_nothing VALUES (1, true), (2, false), (3, true);
MERGE INTO dt_ret_merge_delete_and_do_nothing t USING (VALUES (1), (2), (4)) AS s(id) ON t.id = s.id WHEN MATCHED AND NOT t.active THEN DELETE WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN INSERT VALUES (s.id, true);
SELECT id, active FROM dt_ret_merge_delete_and_do_nothing ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_merge_delete_and_do_nothing;

-- case: ret_delete_all_count_tag
CREATE TABLE dt_ret_delete_all_count_tag (v int);
INSERT INTO dt_ret_delete_all_count_tag SELECT generate_series(1, 25);
DELETE FROM dt_ret_delete_all_count_tag WHERE v > 20;
UPDATE dt_ret_delete_all_count_tag SET v = v WHERE v <= 5;
DELETE FROM dt_ret_delete_all_count_tag;
-- cleanup
DROP TABLE IF EXISTS dt_ret_delete_all_count_tag;

-- case: ret_insert_returning_error_rolls_back
CREATE TABLE dt_ret_insert_returning_error_rolls_back (id int PRIMARY KEY);
INSERT INTO dt_ret_insert_returning_error_rolls_back VALUES (1), (2), (1) RETURNING id;
SELECT count(*) AS n FROM dt_ret_insert_returning_error_rolls_back;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_returning_error_rolls_back;

-- case: ret_update_with_case_expression
CREATE TABLE dt_ret_update_with_case_expression (id int, tier text, spend int);
INSERT INTO dt_ret_update_with_case_expression VALUES (1, NULL, 50), (2, NULL, 500), (3, NULL, 5000);
UPDATE dt_ret_update_with_case_expression SET tier = CASE WHEN spend >= 1000 THEN 'gold' WHEN spend >= 100 THEN 'silver' ELSE 'bronze' END;
SELECT id, tier FROM dt_ret_update_with_case_expression ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_update_with_case_expression;

-- case: ret_insert_on_conflict_without_unique_index
CREATE TABLE dt_ret_insert_on_conflict_without_unique_index (id int, v int);
INSERT INTO dt_ret_insert_on_conflict_without_unique_index VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_on_conflict_without_unique_index;

-- case: ret_insert_returning_in_transaction
CREATE TABLE dt_ret_insert_returning_in_transaction (id serial, v text);
BEGIN;
INSERT INTO dt_ret_insert_returning_in_transaction (v) VALUES ('a') RETURNING id;
INSERT INTO dt_ret_insert_returning_in_transaction (v) VALUES ('b') RETURNING id;
COMMIT;
SELECT id, v FROM dt_ret_insert_returning_in_transaction ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ret_insert_returning_in_transaction;
