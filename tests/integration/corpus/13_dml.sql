-- DML and their command tags / row counts.

-- case: dml_insert_tags
CREATE TABLE dt_dml_ins (id int, v text);
INSERT INTO dt_dml_ins VALUES (1, 'a');
INSERT INTO dt_dml_ins VALUES (2, 'b'), (3, 'c'), (4, 'd');
INSERT INTO dt_dml_ins (id) VALUES (5);
INSERT INTO dt_dml_ins SELECT id + 10, v FROM dt_dml_ins WHERE id <= 2;
INSERT INTO dt_dml_ins SELECT 1, 'x' WHERE false;
SELECT id, v FROM dt_dml_ins ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_ins;

-- case: dml_update_tags
CREATE TABLE dt_dml_upd (id int, v int);
INSERT INTO dt_dml_upd SELECT g, g * 10 FROM generate_series(1, 5) AS g;
UPDATE dt_dml_upd SET v = v + 1 WHERE id > 2;
UPDATE dt_dml_upd SET v = 0 WHERE id > 100;
UPDATE dt_dml_upd SET v = -v;
SELECT id, v FROM dt_dml_upd ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_upd;

-- case: dml_delete_tags
CREATE TABLE dt_dml_del (id int);
INSERT INTO dt_dml_del SELECT generate_series(1, 10);
DELETE FROM dt_dml_del WHERE id % 2 = 0;
DELETE FROM dt_dml_del WHERE id > 100;
SELECT id FROM dt_dml_del ORDER BY id;
DELETE FROM dt_dml_del;
-- cleanup
DROP TABLE IF EXISTS dt_dml_del;

-- case: dml_insert_returning
CREATE TABLE dt_dml_ret1 (id int, v text DEFAULT 'dflt');
INSERT INTO dt_dml_ret1 (id) VALUES (1), (2) RETURNING id, v;
INSERT INTO dt_dml_ret1 VALUES (3, 'c') RETURNING *;
INSERT INTO dt_dml_ret1 VALUES (4, 'd') RETURNING id * 100 AS big, upper(v) AS up;
-- cleanup
DROP TABLE IF EXISTS dt_dml_ret1;

-- case: dml_update_returning
CREATE TABLE dt_dml_ret2 (id int, v int);
INSERT INTO dt_dml_ret2 VALUES (1, 10), (2, 20), (3, 30);
UPDATE dt_dml_ret2 SET v = v * 2 WHERE id >= 2 RETURNING id, v;
-- cleanup
DROP TABLE IF EXISTS dt_dml_ret2;

-- case: dml_delete_returning
CREATE TABLE dt_dml_ret3 (id int, v text);
INSERT INTO dt_dml_ret3 VALUES (1, 'a'), (2, 'b'), (3, 'c');
DELETE FROM dt_dml_ret3 WHERE id <> 2 RETURNING v;
SELECT id, v FROM dt_dml_ret3;
-- cleanup
DROP TABLE IF EXISTS dt_dml_ret3;

-- case: dml_insert_defaults
CREATE TABLE dt_dml_defaults (id int DEFAULT 7, v text DEFAULT 'x', n int);
INSERT INTO dt_dml_defaults DEFAULT VALUES;
INSERT INTO dt_dml_defaults VALUES (DEFAULT, 'y', DEFAULT);
SELECT id, v, n FROM dt_dml_defaults ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_dml_defaults;

-- case: dml_on_conflict_do_nothing
CREATE TABLE dt_dml_upsert1 (id int PRIMARY KEY, v text);
INSERT INTO dt_dml_upsert1 VALUES (1, 'a'), (2, 'b');
INSERT INTO dt_dml_upsert1 VALUES (2, 'B'), (3, 'c') ON CONFLICT DO NOTHING;
SELECT id, v FROM dt_dml_upsert1 ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_upsert1;

-- case: dml_on_conflict_do_update
CREATE TABLE dt_dml_upsert2 (id int PRIMARY KEY, v text, hits int DEFAULT 1);
INSERT INTO dt_dml_upsert2 VALUES (1, 'a', 1);
INSERT INTO dt_dml_upsert2 VALUES (1, 'A', 1), (2, 'b', 1) ON CONFLICT (id) DO UPDATE SET v = excluded.v, hits = dt_dml_upsert2.hits + 1;
SELECT id, v, hits FROM dt_dml_upsert2 ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_upsert2;

-- case: dml_update_from
CREATE TABLE dt_dml_updfrom_t (id int, v text);
CREATE TABLE dt_dml_updfrom_s (id int, nv text);
INSERT INTO dt_dml_updfrom_t VALUES (1, 'old'), (2, 'old'), (3, 'old');
INSERT INTO dt_dml_updfrom_s VALUES (1, 'new1'), (3, 'new3');
UPDATE dt_dml_updfrom_t t SET v = s.nv FROM dt_dml_updfrom_s s WHERE t.id = s.id;
SELECT id, v FROM dt_dml_updfrom_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_updfrom_t;
DROP TABLE IF EXISTS dt_dml_updfrom_s;

-- case: dml_delete_using
CREATE TABLE dt_dml_delusing_t (id int);
CREATE TABLE dt_dml_delusing_s (id int);
INSERT INTO dt_dml_delusing_t SELECT generate_series(1, 5);
INSERT INTO dt_dml_delusing_s VALUES (2), (4);
DELETE FROM dt_dml_delusing_t t USING dt_dml_delusing_s s WHERE t.id = s.id;
SELECT id FROM dt_dml_delusing_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_delusing_t;
DROP TABLE IF EXISTS dt_dml_delusing_s;

-- case: dml_update_with_subquery
CREATE TABLE dt_dml_updsub (id int, v int);
INSERT INTO dt_dml_updsub VALUES (1, 1), (2, 2), (3, 3);
UPDATE dt_dml_updsub SET v = (SELECT max(v) FROM dt_dml_updsub) WHERE id = 1;
DELETE FROM dt_dml_updsub WHERE id IN (SELECT id FROM dt_dml_updsub WHERE v = 2);
SELECT id, v FROM dt_dml_updsub ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dml_updsub;

-- case: dml_insert_select_large_count
CREATE TABLE dt_dml_bulk (id int);
INSERT INTO dt_dml_bulk SELECT generate_series(1, 12345);
SELECT count(*) AS n, sum(id) AS s FROM dt_dml_bulk;
UPDATE dt_dml_bulk SET id = id + 1 WHERE id <= 1000;
DELETE FROM dt_dml_bulk WHERE id > 12000;
-- cleanup
DROP TABLE IF EXISTS dt_dml_bulk;

-- case: dml_insert_type_coercion
CREATE TABLE dt_dml_coerce (i int, n numeric(6,2), t text, d date);
INSERT INTO dt_dml_coerce VALUES ('12', 3.14159, 42, '2024-05-06');
INSERT INTO dt_dml_coerce VALUES (2.6, '7', 1.5, '2024-05-07');
SELECT i, n, t, d FROM dt_dml_coerce ORDER BY i;
-- cleanup
DROP TABLE IF EXISTS dt_dml_coerce;

-- case: dml_multi_statement_tags
CREATE TABLE dt_dml_multi (v int);
INSERT INTO dt_dml_multi VALUES (1); INSERT INTO dt_dml_multi VALUES (2), (3); UPDATE dt_dml_multi SET v = v * 10; DELETE FROM dt_dml_multi WHERE v = 10; SELECT v FROM dt_dml_multi ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_dml_multi;
