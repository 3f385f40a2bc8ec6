-- Named constraints, ALTER TABLE ... ADD / DROP CONSTRAINT (as pg_dump writes them) and what the catalog shows.

-- case: con_names_of_every_kind
CREATE TABLE dt_con_names_of_every_kind_p (id int PRIMARY KEY);
CREATE TABLE dt_con_names_of_every_kind (id int, p_id int, code text, qty int, price int, CONSTRAINT dt_con_names_pk PRIMARY KEY (id), CONSTRAINT dt_con_names_fk FOREIGN KEY (p_id) REFERENCES dt_con_names_of_every_kind_p (id), CONSTRAINT dt_con_names_uq UNIQUE (code, qty), CONSTRAINT dt_con_names_ck CHECK (qty > 0 AND price > qty));
SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_con_names_of_every_kind'::regclass ORDER BY conname;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'dt_con_names_of_every_kind' AND constraint_name NOT LIKE '%not_null' ORDER BY constraint_name;
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'dt_con_names_of_every_kind'::regclass ORDER BY 1;
-- cleanup
DROP TABLE IF EXISTS dt_con_names_of_every_kind;
DROP TABLE IF EXISTS dt_con_names_of_every_kind_p;

-- case: con_unnamed_get_generated_names
CREATE TABLE dt_con_unnamed_get_generated_names_p (id int PRIMARY KEY);
CREATE TABLE dt_con_unnamed_get_generated_names (id int PRIMARY KEY, p_id int REFERENCES dt_con_unnamed_get_generated_names_p, code text UNIQUE, qty int CHECK (qty > 0), CONSTRAINT dt_con_unnamed_qty_small CHECK (qty < 100));
SELECT conname, contype, pg_get_constraintdef(oid, true) AS def FROM pg_constraint WHERE conrelid = 'dt_con_unnamed_get_generated_names'::regclass ORDER BY conname;
-- cleanup
DROP TABLE IF EXISTS dt_con_unnamed_get_generated_names;
DROP TABLE IF EXISTS dt_con_unnamed_get_generated_names_p;

-- case: con_names_survive_comment
CREATE TABLE dt_con_names_survive_comment (a int CONSTRAINT dt_con_comment_a_uq UNIQUE);
COMMENT ON TABLE dt_con_names_survive_comment IS 'rows of a';
SELECT obj_description('dt_con_names_survive_comment'::regclass, 'pg_class') AS description;
SELECT conname FROM pg_constraint WHERE conrelid = 'dt_con_names_survive_comment'::regclass;
COMMENT ON TABLE dt_con_names_survive_comment IS NULL;
SELECT obj_description('dt_con_names_survive_comment'::regclass, 'pg_class') AS description, (SELECT conname FROM pg_constraint WHERE conrelid = 'dt_con_names_survive_comment'::regclass) AS conname;
-- cleanup
DROP TABLE IF EXISTS dt_con_names_survive_comment;

-- case: con_pg_dump_style_keys
CREATE SEQUENCE dt_con_pg_dump_style_keys_seq;
CREATE TABLE dt_con_pg_dump_style_keys_p (id integer NOT NULL, name text);
CREATE TABLE dt_con_pg_dump_style_keys (id integer DEFAULT nextval('dt_con_pg_dump_style_keys_seq') NOT NULL, p_id integer, email varchar(20), qty integer);
INSERT INTO dt_con_pg_dump_style_keys_p VALUES (1, 'one'), (2, 'two');
INSERT INTO dt_con_pg_dump_style_keys (p_id, email, qty) VALUES (1, 'a@x', 1), (2, 'b@x', 2);
ALTER TABLE ONLY dt_con_pg_dump_style_keys_p ADD CONSTRAINT dt_con_pg_dump_style_keys_p_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dt_con_pg_dump_style_keys ADD CONSTRAINT dt_con_pg_dump_style_keys_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dt_con_pg_dump_style_keys ADD CONSTRAINT dt_con_pg_dump_style_keys_email_key UNIQUE (email);
ALTER TABLE ONLY dt_con_pg_dump_style_keys ADD CONSTRAINT dt_con_pg_dump_style_keys_qty_check CHECK (qty > 0);
ALTER TABLE ONLY dt_con_pg_dump_style_keys ADD CONSTRAINT dt_con_pg_dump_style_keys_fk FOREIGN KEY (p_id) REFERENCES dt_con_pg_dump_style_keys_p(id);
SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_con_pg_dump_style_keys'::regclass ORDER BY conname;
INSERT INTO dt_con_pg_dump_style_keys (p_id, email, qty) VALUES (1, 'c@x', 3) RETURNING id, p_id, email, qty;
INSERT INTO dt_con_pg_dump_style_keys (p_id, email, qty) VALUES (1, 'a@x', 4);
INSERT INTO dt_con_pg_dump_style_keys (p_id, email, qty) VALUES (1, 'd@x', 0);
INSERT INTO dt_con_pg_dump_style_keys (p_id, email, qty) VALUES (3, 'e@x', 5);
INSERT INTO dt_con_pg_dump_style_keys (p_id, email, qty) VALUES (1, 'a-very-long-address@example.com', 5);
SELECT id, p_id, email, qty FROM dt_con_pg_dump_style_keys ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_con_pg_dump_style_keys;
DROP TABLE IF EXISTS dt_con_pg_dump_style_keys_p;
DROP SEQUENCE IF EXISTS dt_con_pg_dump_style_keys_seq;

-- case: con_add_refused_by_rows
CREATE TABLE dt_con_add_refused_by_rows_p (id int PRIMARY KEY);
CREATE TABLE dt_con_add_refused_by_rows (id int, email text, qty int, p_id int);
INSERT INTO dt_con_add_refused_by_rows_p VALUES (1);
INSERT INTO dt_con_add_refused_by_rows VALUES (1, 'a@x', 1, 1), (2, 'a@x', -1, 3), (NULL, 'b@x', 2, 1);
ALTER TABLE dt_con_add_refused_by_rows ADD CONSTRAINT dt_con_refused_email UNIQUE (email);
ALTER TABLE dt_con_add_refused_by_rows ADD CHECK (qty >= 0);
ALTER TABLE dt_con_add_refused_by_rows ADD FOREIGN KEY (p_id) REFERENCES dt_con_add_refused_by_rows_p (id);
ALTER TABLE dt_con_add_refused_by_rows ADD PRIMARY KEY (id);
SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'dt_con_add_refused_by_rows'::regclass;
SELECT id, email, qty, p_id FROM dt_con_add_refused_by_rows ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_con_add_refused_by_rows;
DROP TABLE IF EXISTS dt_con_add_refused_by_rows_p;

-- case: con_drop_constraint
CREATE TABLE dt_con_drop_constraint (id int CONSTRAINT dt_con_drop_pk PRIMARY KEY, qty int CONSTRAINT dt_con_drop_qty CHECK (qty > 0), code text UNIQUE);
INSERT INTO dt_con_drop_constraint VALUES (1, 1, 'a');
ALTER TABLE dt_con_drop_constraint DROP CONSTRAINT dt_con_drop_qty;
INSERT INTO dt_con_drop_constraint VALUES (2, -1, 'b');
ALTER TABLE dt_con_drop_constraint DROP CONSTRAINT dt_con_drop_constraint_code_key;
INSERT INTO dt_con_drop_constraint VALUES (3, 1, 'a');
ALTER TABLE dt_con_drop_constraint DROP CONSTRAINT dt_con_drop_pk;
INSERT INTO dt_con_drop_constraint VALUES (3, 1, 'c');
ALTER TABLE dt_con_drop_constraint DROP CONSTRAINT dt_con_drop_qty;
ALTER TABLE dt_con_drop_constraint DROP CONSTRAINT IF EXISTS dt_con_drop_qty;
SELECT id, qty, code FROM dt_con_drop_constraint ORDER BY id, code;
SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'dt_con_drop_constraint'::regclass;
-- cleanup
DROP TABLE IF EXISTS dt_con_drop_constraint;

-- case: con_rebuild_keeps_table
CREATE TABLE dt_con_rebuild_keeps_table (id serial, name varchar(5) NOT NULL, note text DEFAULT 'none');
CREATE INDEX dt_con_rebuild_keeps_table_name ON dt_con_rebuild_keeps_table (name);
COMMENT ON TABLE dt_con_rebuild_keeps_table IS 'people';
COMMENT ON COLUMN dt_con_rebuild_keeps_table.name IS 'short name';
CREATE VIEW dt_con_rebuild_keeps_table_v AS SELECT id, name FROM dt_con_rebuild_keeps_table;
INSERT INTO dt_con_rebuild_keeps_table (name) VALUES ('ann'), ('bob');
ALTER TABLE dt_con_rebuild_keeps_table ADD CONSTRAINT dt_con_rebuild_name_uq UNIQUE (name);
INSERT INTO dt_con_rebuild_keeps_table (name) VALUES ('cy') RETURNING id, name, note;
INSERT INTO dt_con_rebuild_keeps_table (name) VALUES ('toolong');
INSERT INTO dt_con_rebuild_keeps_table (name) VALUES (NULL);
SELECT id, name FROM dt_con_rebuild_keeps_table_v ORDER BY id;
SELECT obj_description('dt_con_rebuild_keeps_table'::regclass, 'pg_class') AS t, col_description('dt_con_rebuild_keeps_table'::regclass, 2) AS c;
SELECT indexname FROM pg_indexes WHERE tablename = 'dt_con_rebuild_keeps_table' ORDER BY 1;
SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_con_rebuild_keeps_table'::regclass ORDER BY 1;
-- cleanup
DROP VIEW IF EXISTS dt_con_rebuild_keeps_table_v;
DROP TABLE IF EXISTS dt_con_rebuild_keeps_table;

-- case: con_add_in_transaction
CREATE TABLE dt_con_add_in_transaction (a int);
INSERT INTO dt_con_add_in_transaction VALUES (1), (1);
BEGIN;
ALTER TABLE dt_con_add_in_transaction ADD CONSTRAINT dt_con_tx_a_pos CHECK (a > 0);
INSERT INTO dt_con_add_in_transaction VALUES (0);
ROLLBACK;
BEGIN;
ALTER TABLE dt_con_add_in_transaction ADD CONSTRAINT dt_con_tx_a_pos CHECK (a > 0);
ALTER TABLE dt_con_add_in_transaction ADD CONSTRAINT dt_con_tx_a_pos CHECK (a > 0);
ROLLBACK;
ALTER TABLE dt_con_add_in_transaction ADD UNIQUE (a);
ALTER TABLE dt_con_add_in_transaction DROP CONSTRAINT dt_con_no_such;
SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'dt_con_add_in_transaction'::regclass;
-- cleanup
DROP TABLE IF EXISTS dt_con_add_in_transaction;

-- case: con_names_follow_renames
CREATE TABLE dt_con_names_follow_renames (id int CONSTRAINT dt_con_renames_pk PRIMARY KEY, email text CONSTRAINT dt_con_renames_email UNIQUE, qty int CONSTRAINT dt_con_renames_qty CHECK (qty > 0));
ALTER TABLE dt_con_names_follow_renames RENAME COLUMN email TO mail;
CREATE TABLE IF NOT EXISTS dt_con_names_follow_renames (id int CONSTRAINT dt_con_renames_other PRIMARY KEY);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dt_con_names_follow_renames'::regclass ORDER BY conname;
INSERT INTO dt_con_names_follow_renames VALUES (1, 'a@x', 1);
INSERT INTO dt_con_names_follow_renames VALUES (2, 'a@x', 1) ON CONFLICT ON CONSTRAINT dt_con_renames_email DO UPDATE SET qty = excluded.qty + 1;
SELECT id, mail, qty FROM dt_con_names_follow_renames ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_con_names_follow_renames;

-- case: con_add_foreign_key_later
CREATE TABLE dt_con_add_foreign_key_later_p (id int PRIMARY KEY);
CREATE TABLE dt_con_add_foreign_key_later (id int, p_id int);
INSERT INTO dt_con_add_foreign_key_later_p VALUES (1);
INSERT INTO dt_con_add_foreign_key_later VALUES (10, 1);
ALTER TABLE dt_con_add_foreign_key_later ADD CONSTRAINT dt_con_fk_later FOREIGN KEY (p_id) REFERENCES dt_con_add_foreign_key_later_p (id);
SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_con_add_foreign_key_later'::regclass;
DELETE FROM dt_con_add_foreign_key_later_p;
INSERT INTO dt_con_add_foreign_key_later VALUES (20, 2);
SELECT id, p_id FROM dt_con_add_foreign_key_later ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_con_add_foreign_key_later;
DROP TABLE IF EXISTS dt_con_add_foreign_key_later_p;

-- case: con_add_to_referenced_table
CREATE TABLE dt_con_ref_customers (id integer NOT NULL, name text);
CREATE TABLE dt_con_ref_orders (id integer NOT NULL, customer_id integer, qty integer);
CREATE TABLE dt_con_ref_items (id integer NOT NULL, order_id integer);
COMMENT ON TABLE dt_con_ref_items IS 'lines';
INSERT INTO dt_con_ref_customers VALUES (1, 'ann');
INSERT INTO dt_con_ref_orders VALUES (10, 1, 5);
INSERT INTO dt_con_ref_items VALUES (100, 10), (101, 10);
ALTER TABLE ONLY dt_con_ref_customers ADD CONSTRAINT dt_con_ref_customers_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dt_con_ref_items ADD CONSTRAINT dt_con_ref_items_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dt_con_ref_orders ADD CONSTRAINT dt_con_ref_orders_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dt_con_ref_items ADD CONSTRAINT dt_con_ref_items_order_fk FOREIGN KEY (order_id) REFERENCES dt_con_ref_orders(id);
ALTER TABLE ONLY dt_con_ref_orders ADD CONSTRAINT dt_con_ref_orders_customer_fk FOREIGN KEY (customer_id) REFERENCES dt_con_ref_customers(id);
ALTER TABLE ONLY dt_con_ref_orders ADD CONSTRAINT dt_con_ref_orders_qty_check CHECK (qty > 0);
SELECT conname, contype FROM pg_constraint WHERE conname LIKE 'dt_con_ref_%' ORDER BY conname;
SELECT i.id, i.order_id, o.customer_id FROM dt_con_ref_items i JOIN dt_con_ref_orders o ON o.id = i.order_id ORDER BY i.id;
SELECT obj_description('dt_con_ref_items'::regclass, 'pg_class') AS description;
INSERT INTO dt_con_ref_items VALUES (102, 11);
INSERT INTO dt_con_ref_orders VALUES (11, 1, 0);
-- cleanup
DROP TABLE IF EXISTS dt_con_ref_items;
DROP TABLE IF EXISTS dt_con_ref_orders;
DROP TABLE IF EXISTS dt_con_ref_customers;

-- case: con_rename_constraint
CREATE TABLE dt_con_rename_constraint (id int PRIMARY KEY, email text CONSTRAINT dt_con_rename_email UNIQUE, qty int CHECK (qty > 0));
ALTER TABLE dt_con_rename_constraint RENAME CONSTRAINT dt_con_rename_email TO dt_con_rename_email_key;
ALTER TABLE dt_con_rename_constraint RENAME CONSTRAINT dt_con_rename_constraint_qty_check TO dt_con_rename_qty_pos;
ALTER TABLE dt_con_rename_constraint RENAME CONSTRAINT dt_con_rename_nope TO dt_con_rename_other;
ALTER TABLE dt_con_rename_constraint RENAME CONSTRAINT dt_con_rename_qty_pos TO dt_con_rename_constraint_pkey;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dt_con_rename_constraint'::regclass ORDER BY conname;
INSERT INTO dt_con_rename_constraint VALUES (1, 'a', 1);
INSERT INTO dt_con_rename_constraint VALUES (2, 'a', 2) ON CONFLICT ON CONSTRAINT dt_con_rename_email_key DO NOTHING;
SELECT count(*) AS n FROM dt_con_rename_constraint;
-- cleanup
DROP TABLE IF EXISTS dt_con_rename_constraint;
