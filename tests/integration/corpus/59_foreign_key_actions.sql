-- Foreign keys with ON DELETE / ON UPDATE actions (DuckDB has none): what each action does, the checks, the catalog.

-- case: fka_delete_cascade_chain
CREATE TABLE dt_fka_chain_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_chain_c (id int PRIMARY KEY, p_id int REFERENCES dt_fka_chain_p ON DELETE CASCADE);
CREATE TABLE dt_fka_chain_g (id int, c_id int REFERENCES dt_fka_chain_c (id) ON DELETE CASCADE);
INSERT INTO dt_fka_chain_p VALUES (1), (2);
INSERT INTO dt_fka_chain_c VALUES (10, 1), (11, 1), (20, 2);
INSERT INTO dt_fka_chain_g VALUES (100, 10), (101, 11), (200, 20), (300, NULL);
DELETE FROM dt_fka_chain_p WHERE id = 1;
SELECT id, p_id FROM dt_fka_chain_c ORDER BY id;
SELECT id, c_id FROM dt_fka_chain_g ORDER BY id;
DELETE FROM dt_fka_chain_p;
SELECT count(*) AS children, (SELECT count(*) FROM dt_fka_chain_g) AS grandchildren FROM dt_fka_chain_c;
-- cleanup
DROP TABLE IF EXISTS dt_fka_chain_g;
DROP TABLE IF EXISTS dt_fka_chain_c;
DROP TABLE IF EXISTS dt_fka_chain_p;

-- case: fka_delete_set_null_and_default
CREATE TABLE dt_fka_set_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_set_c (id int, p_null int REFERENCES dt_fka_set_p ON DELETE SET NULL, p_default int DEFAULT 0 REFERENCES dt_fka_set_p ON DELETE SET DEFAULT);
INSERT INTO dt_fka_set_p VALUES (0), (1), (2);
INSERT INTO dt_fka_set_c VALUES (1, 1, 1), (2, 2, 2);
DELETE FROM dt_fka_set_p WHERE id = 1;
SELECT id, p_null, p_default FROM dt_fka_set_c ORDER BY id;
DELETE FROM dt_fka_set_p WHERE id = 0;
SELECT id FROM dt_fka_set_p ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_fka_set_c;
DROP TABLE IF EXISTS dt_fka_set_p;

-- case: fka_update_cascade
CREATE TABLE dt_fka_update_p (code text PRIMARY KEY, label text);
CREATE TABLE dt_fka_update_c (id int, code text REFERENCES dt_fka_update_p ON UPDATE CASCADE ON DELETE RESTRICT);
INSERT INTO dt_fka_update_p VALUES ('a', 'first'), ('b', 'second');
INSERT INTO dt_fka_update_c VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, NULL);
UPDATE dt_fka_update_p SET code = code || 'x' WHERE label = 'first';
UPDATE dt_fka_update_p SET label = 'renamed' WHERE code = 'b';
SELECT id, code FROM dt_fka_update_c ORDER BY id;
DELETE FROM dt_fka_update_p WHERE code = 'b';
SELECT code, label FROM dt_fka_update_p ORDER BY code;
-- cleanup
DROP TABLE IF EXISTS dt_fka_update_c;
DROP TABLE IF EXISTS dt_fka_update_p;

-- case: fka_referencing_rows_checked
CREATE TABLE dt_fka_checked_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_checked_c (id int, p_id int, CONSTRAINT dt_fka_checked_fk FOREIGN KEY (p_id) REFERENCES dt_fka_checked_p (id) ON DELETE CASCADE);
INSERT INTO dt_fka_checked_p VALUES (1);
INSERT INTO dt_fka_checked_c VALUES (1, 1), (2, NULL);
INSERT INTO dt_fka_checked_c VALUES (3, 5);
INSERT INTO dt_fka_checked_c SELECT 4, 1 UNION ALL SELECT 5, 9;
UPDATE dt_fka_checked_c SET p_id = 2 WHERE id = 1;
SELECT id, p_id FROM dt_fka_checked_c ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_fka_checked_c;
DROP TABLE IF EXISTS dt_fka_checked_p;

-- case: fka_self_reference_tree
CREATE TABLE dt_fka_tree (id int PRIMARY KEY, parent int REFERENCES dt_fka_tree ON DELETE CASCADE);
INSERT INTO dt_fka_tree VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, NULL), (6, 5), (7, 2);
DELETE FROM dt_fka_tree WHERE id IN (1, 3);
SELECT id, parent FROM dt_fka_tree ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_fka_tree;

-- case: fka_in_a_transaction
CREATE TABLE dt_fka_tx_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_tx_c (id int, p_id int REFERENCES dt_fka_tx_p ON DELETE CASCADE);
INSERT INTO dt_fka_tx_p VALUES (1), (2);
INSERT INTO dt_fka_tx_c VALUES (1, 1), (2, 2);
BEGIN;
DELETE FROM dt_fka_tx_p WHERE id = 1;
SELECT id FROM dt_fka_tx_c ORDER BY id;
ROLLBACK;
SELECT id FROM dt_fka_tx_c ORDER BY id;
BEGIN;
DELETE FROM dt_fka_tx_c WHERE id = 2;
DELETE FROM dt_fka_tx_p WHERE id = 2;
INSERT INTO dt_fka_tx_c VALUES (3, 3);
SELECT 1;
ROLLBACK;
SELECT id FROM dt_fka_tx_p ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_fka_tx_c;
DROP TABLE IF EXISTS dt_fka_tx_p;

-- case: fka_added_as_pg_dump_writes_it
CREATE TABLE dt_fka_dump_p (id int NOT NULL);
CREATE TABLE dt_fka_dump_c (id int, p_id int);
INSERT INTO dt_fka_dump_p VALUES (1), (2);
INSERT INTO dt_fka_dump_c VALUES (1, 1), (2, 7);
ALTER TABLE ONLY dt_fka_dump_p ADD CONSTRAINT dt_fka_dump_p_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dt_fka_dump_c ADD CONSTRAINT dt_fka_dump_c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.dt_fka_dump_p(id) ON DELETE CASCADE;
DELETE FROM dt_fka_dump_c WHERE p_id = 7;
ALTER TABLE ONLY dt_fka_dump_c ADD CONSTRAINT dt_fka_dump_c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.dt_fka_dump_p(id) ON DELETE CASCADE;
ALTER TABLE ONLY dt_fka_dump_c ADD CONSTRAINT dt_fka_dump_c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.dt_fka_dump_p(id) ON DELETE SET NULL;
DELETE FROM dt_fka_dump_p WHERE id = 1;
SELECT count(*) AS left_rows FROM dt_fka_dump_c;
-- cleanup
DROP TABLE IF EXISTS dt_fka_dump_c;
DROP TABLE IF EXISTS dt_fka_dump_p;

-- case: fka_declaration_errors
CREATE TABLE dt_fka_errors_p (id int, code text);
CREATE TABLE dt_fka_errors_c (p_id int REFERENCES dt_fka_errors_p ON DELETE CASCADE);
CREATE TABLE dt_fka_errors_c (p_id int REFERENCES dt_fka_errors_p (code) ON DELETE CASCADE);
CREATE TABLE dt_fka_errors_c (p_id int REFERENCES dt_fka_errors_nowhere ON DELETE CASCADE);
CREATE TABLE dt_fka_errors_c (a int, b int, FOREIGN KEY (a, b) REFERENCES dt_fka_errors_p (id) ON DELETE CASCADE);
-- cleanup
DROP TABLE IF EXISTS dt_fka_errors_c;
DROP TABLE IF EXISTS dt_fka_errors_p;

-- case: fka_truncate_and_drop
CREATE TABLE dt_fka_drop_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_drop_c (p_id int REFERENCES dt_fka_drop_p ON DELETE CASCADE);
INSERT INTO dt_fka_drop_p VALUES (1);
INSERT INTO dt_fka_drop_c VALUES (1);
TRUNCATE dt_fka_drop_p;
TRUNCATE dt_fka_drop_p, dt_fka_drop_c;
INSERT INTO dt_fka_drop_p VALUES (1);
INSERT INTO dt_fka_drop_c VALUES (1);
TRUNCATE dt_fka_drop_p CASCADE;
SELECT count(*) FROM dt_fka_drop_c;
DROP TABLE dt_fka_drop_p;
DROP TABLE dt_fka_drop_p CASCADE;
SELECT count(*) FROM pg_constraint WHERE conrelid = 'dt_fka_drop_c'::regclass;
INSERT INTO dt_fka_drop_c VALUES (5);
CREATE TABLE dt_fka_drop_p2 (id int PRIMARY KEY);
CREATE TABLE dt_fka_drop_other (id int);
CREATE TABLE dt_fka_drop_c2 (p_id int REFERENCES dt_fka_drop_p2 ON DELETE CASCADE);
INSERT INTO dt_fka_drop_p2 VALUES (1);
INSERT INTO dt_fka_drop_c2 VALUES (1);
TRUNCATE dt_fka_drop_p2, dt_fka_drop_other;
TRUNCATE dt_fka_drop_p2, dt_fka_drop_other CASCADE;
SELECT count(*) FROM dt_fka_drop_c2;
DROP TABLE dt_fka_drop_p2, dt_fka_drop_other;
DROP TABLE dt_fka_drop_p2, dt_fka_drop_c2;
SELECT count(*) FROM pg_class WHERE relname LIKE 'dt_fka_drop_%2';
-- cleanup
DROP TABLE IF EXISTS dt_fka_drop_c2;
DROP TABLE IF EXISTS dt_fka_drop_p2;
DROP TABLE IF EXISTS dt_fka_drop_other;
DROP TABLE IF EXISTS dt_fka_drop_c;
DROP TABLE IF EXISTS dt_fka_drop_p;

-- case: fka_catalog
CREATE TABLE dt_fka_catalog_p (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE dt_fka_catalog_c (id int, p_id int REFERENCES dt_fka_catalog_p ON DELETE CASCADE, code text, CONSTRAINT dt_fka_catalog_code FOREIGN KEY (code) REFERENCES dt_fka_catalog_p (code) ON UPDATE CASCADE ON DELETE SET NULL);
SELECT conname, contype, confupdtype, confdeltype, conkey, confkey, confrelid = 'dt_fka_catalog_p'::regclass AS target, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_fka_catalog_c'::regclass ORDER BY conname;
SELECT constraint_name, update_rule, delete_rule FROM information_schema.referential_constraints WHERE constraint_name LIKE 'dt_fka_catalog%' ORDER BY constraint_name;
ALTER TABLE dt_fka_catalog_c RENAME CONSTRAINT dt_fka_catalog_code TO dt_fka_catalog_code2;
ALTER TABLE dt_fka_catalog_c DROP CONSTRAINT dt_fka_catalog_c_p_id_fkey;
SELECT conname FROM pg_constraint WHERE conrelid = 'dt_fka_catalog_c'::regclass ORDER BY conname;
-- cleanup
DROP TABLE IF EXISTS dt_fka_catalog_c;
DROP TABLE IF EXISTS dt_fka_catalog_p;

-- case: fka_follow_renames
CREATE TABLE dt_fka_rename_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_rename_c (id int, p_id int REFERENCES dt_fka_rename_p ON DELETE CASCADE);
INSERT INTO dt_fka_rename_p VALUES (1), (2);
INSERT INTO dt_fka_rename_c VALUES (1, 1), (2, 2);
ALTER TABLE dt_fka_rename_p RENAME TO dt_fka_rename_p2;
ALTER TABLE dt_fka_rename_p2 RENAME COLUMN id TO key;
ALTER TABLE dt_fka_rename_c RENAME COLUMN p_id TO parent;
ALTER TABLE dt_fka_rename_c RENAME TO dt_fka_rename_c2;
DELETE FROM dt_fka_rename_p2 WHERE key = 1;
SELECT id, parent FROM dt_fka_rename_c2 ORDER BY id;
INSERT INTO dt_fka_rename_c2 VALUES (3, 3);
SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_fka_rename_c2'::regclass;
-- cleanup
DROP TABLE IF EXISTS dt_fka_rename_c2;
DROP TABLE IF EXISTS dt_fka_rename_c;
DROP TABLE IF EXISTS dt_fka_rename_p2;
DROP TABLE IF EXISTS dt_fka_rename_p;

-- case: fka_actions_after_the_statement
CREATE TABLE dt_fka_after_p (id int PRIMARY KEY);
CREATE TABLE dt_fka_after_c (id int, pid int REFERENCES dt_fka_after_p ON DELETE CASCADE);
INSERT INTO dt_fka_after_p VALUES (1), (2), (3);
INSERT INTO dt_fka_after_c VALUES (10, 1), (20, 2);
DELETE FROM dt_fka_after_p WHERE id IN (SELECT pid FROM dt_fka_after_c);
SELECT id FROM dt_fka_after_p ORDER BY 1;
SELECT count(*) FROM dt_fka_after_c;
CREATE TABLE dt_fka_after_t (id int PRIMARY KEY, parent int REFERENCES dt_fka_after_t ON DELETE CASCADE);
INSERT INTO dt_fka_after_t VALUES (1, NULL), (2, 1), (3, 2), (4, 3);
DELETE FROM dt_fka_after_t WHERE id IN (SELECT parent FROM dt_fka_after_t WHERE parent IS NOT NULL);
SELECT count(*) FROM dt_fka_after_t;
-- cleanup
DROP TABLE IF EXISTS dt_fka_after_c;
DROP TABLE IF EXISTS dt_fka_after_p;
DROP TABLE IF EXISTS dt_fka_after_t;

-- case: fka_cycles_and_two_self_keys
CREATE TABLE dt_fka_emp (id int PRIMARY KEY, mgr int REFERENCES dt_fka_emp ON DELETE CASCADE, mentor int REFERENCES dt_fka_emp ON DELETE CASCADE);
INSERT INTO dt_fka_emp VALUES (1, NULL, NULL), (2, 1, NULL), (3, NULL, 2), (4, 3, NULL), (5, NULL, NULL);
DELETE FROM dt_fka_emp WHERE id = 1;
SELECT id, mgr, mentor FROM dt_fka_emp ORDER BY id;
CREATE TABLE dt_fka_ca (id int PRIMARY KEY, b int);
CREATE TABLE dt_fka_cb (id int PRIMARY KEY, a int REFERENCES dt_fka_ca ON DELETE CASCADE);
ALTER TABLE dt_fka_ca ADD CONSTRAINT dt_fka_ca_b FOREIGN KEY (b) REFERENCES dt_fka_cb ON DELETE CASCADE;
INSERT INTO dt_fka_ca VALUES (1, NULL), (2, NULL), (3, NULL);
INSERT INTO dt_fka_cb VALUES (10, 1), (20, 2), (30, 3);
UPDATE dt_fka_ca SET b = 20 WHERE id = 1;
UPDATE dt_fka_ca SET b = 30 WHERE id = 2;
DELETE FROM dt_fka_cb WHERE id = 30;
SELECT id, b FROM dt_fka_ca ORDER BY 1;
SELECT id, a FROM dt_fka_cb ORDER BY 1;
-- cleanup
DROP TABLE IF EXISTS dt_fka_emp;
ALTER TABLE IF EXISTS dt_fka_ca DROP CONSTRAINT IF EXISTS dt_fka_ca_b;
DROP TABLE IF EXISTS dt_fka_cb;
DROP TABLE IF EXISTS dt_fka_ca;

-- case: fka_names_without_case
CREATE TABLE "DtFkaMixed" (id int PRIMARY KEY);
CREATE TABLE dt_fka_mixed_c (pid int REFERENCES "DtFkaMixed" ON DELETE CASCADE);
INSERT INTO "DtFkaMixed" VALUES (1), (2);
INSERT INTO dt_fka_mixed_c VALUES (1), (2);
DELETE FROM "DtFkaMixed" WHERE id = 1;
SELECT pid FROM dt_fka_mixed_c ORDER BY 1;
-- cleanup
DROP TABLE IF EXISTS dt_fka_mixed_c;
DROP TABLE IF EXISTS "DtFkaMixed";
