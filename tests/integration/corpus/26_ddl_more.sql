-- More DDL: constraints, defaults, views, sequences, serial types, indexes, comments, ALTER TABLE.

-- case: ddl2_composite_primary_key
CREATE TABLE dt_ddl2_composite_primary_key (tenant int, id int, v text, PRIMARY KEY (tenant, id));
INSERT INTO dt_ddl2_composite_primary_key VALUES (1, 1, 'a'), (2, 1, 'b');
INSERT INTO dt_ddl2_composite_primary_key VALUES (1, 1, 'dup');
INSERT INTO dt_ddl2_composite_primary_key VALUES (1, NULL, 'null key');
SELECT tenant, id, v FROM dt_ddl2_composite_primary_key ORDER BY tenant, id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_composite_primary_key;

-- case: ddl2_unique_multi_column_nulls
CREATE TABLE dt_ddl2_unique_multi_column_nulls (a int, b int, UNIQUE (a, b));
INSERT INTO dt_ddl2_unique_multi_column_nulls VALUES (1, NULL), (1, NULL), (1, 2);
INSERT INTO dt_ddl2_unique_multi_column_nulls VALUES (1, 2);
SELECT count(*) AS n FROM dt_ddl2_unique_multi_column_nulls;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_unique_multi_column_nulls;

-- case: ddl2_named_check_constraint
CREATE TABLE dt_ddl2_named_check_constraint (price numeric(8,2) CONSTRAINT dt_ddl2_price_positive CHECK (price > 0), discount numeric(8,2), CONSTRAINT dt_ddl2_discount_lt_price CHECK (discount < price));
INSERT INTO dt_ddl2_named_check_constraint VALUES (10, 2);
INSERT INTO dt_ddl2_named_check_constraint VALUES (-1, 0);
INSERT INTO dt_ddl2_named_check_constraint VALUES (10, 20);
INSERT INTO dt_ddl2_named_check_constraint VALUES (10, NULL);
SELECT price, discount FROM dt_ddl2_named_check_constraint ORDER BY discount NULLS LAST;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_named_check_constraint;

-- case: ddl2_alter_add_drop_constraint
CREATE TABLE dt_ddl2_alter_add_drop_constraint (id int, email text);
INSERT INTO dt_ddl2_alter_add_drop_constraint VALUES (1, 'a@x'), (2, 'b@x');
ALTER TABLE dt_ddl2_alter_add_drop_constraint ADD CONSTRAINT dt_ddl2_email_unique UNIQUE (email);
INSERT INTO dt_ddl2_alter_add_drop_constraint VALUES (3, 'a@x');
ALTER TABLE dt_ddl2_alter_add_drop_constraint DROP CONSTRAINT dt_ddl2_email_unique;
INSERT INTO dt_ddl2_alter_add_drop_constraint VALUES (3, 'a@x');
SELECT count(*) AS n FROM dt_ddl2_alter_add_drop_constraint;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_add_drop_constraint;

-- case: ddl2_alter_add_primary_key
CREATE TABLE dt_ddl2_alter_add_primary_key (id int, v text);
INSERT INTO dt_ddl2_alter_add_primary_key VALUES (1, 'a');
ALTER TABLE dt_ddl2_alter_add_primary_key ADD PRIMARY KEY (id);
INSERT INTO dt_ddl2_alter_add_primary_key VALUES (1, 'b');
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_add_primary_key;

-- case: ddl2_alter_add_check_constraint
CREATE TABLE dt_ddl2_alter_add_check_constraint (qty int);
INSERT INTO dt_ddl2_alter_add_check_constraint VALUES (5), (-1);
ALTER TABLE dt_ddl2_alter_add_check_constraint ADD CONSTRAINT dt_ddl2_qty_nonneg CHECK (qty >= 0);
DELETE FROM dt_ddl2_alter_add_check_constraint WHERE qty < 0;
ALTER TABLE dt_ddl2_alter_add_check_constraint ADD CONSTRAINT dt_ddl2_qty_nonneg CHECK (qty >= 0);
INSERT INTO dt_ddl2_alter_add_check_constraint VALUES (-2);
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_add_check_constraint;

-- case: ddl2_foreign_key_actions
CREATE TABLE dt_ddl2_foreign_key_actions_p (id int PRIMARY KEY);
CREATE TABLE dt_ddl2_foreign_key_actions_c (id int, p_id int, FOREIGN KEY (p_id) REFERENCES dt_ddl2_foreign_key_actions_p (id) ON DELETE CASCADE);
INSERT INTO dt_ddl2_foreign_key_actions_p VALUES (1), (2);
INSERT INTO dt_ddl2_foreign_key_actions_c VALUES (10, 1), (11, 1), (20, 2);
DELETE FROM dt_ddl2_foreign_key_actions_p WHERE id = 1;
SELECT id, p_id FROM dt_ddl2_foreign_key_actions_c ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_foreign_key_actions_c;
DROP TABLE IF EXISTS dt_ddl2_foreign_key_actions_p;

-- case: ddl2_foreign_key_restrict_delete
CREATE TABLE dt_ddl2_foreign_key_restrict_delete_p (id int PRIMARY KEY);
CREATE TABLE dt_ddl2_foreign_key_restrict_delete_c (p_id int REFERENCES dt_ddl2_foreign_key_restrict_delete_p);
INSERT INTO dt_ddl2_foreign_key_restrict_delete_p VALUES (1), (2);
INSERT INTO dt_ddl2_foreign_key_restrict_delete_c VALUES (1);
DELETE FROM dt_ddl2_foreign_key_restrict_delete_p WHERE id = 1;
DELETE FROM dt_ddl2_foreign_key_restrict_delete_p WHERE id = 2;
SELECT id FROM dt_ddl2_foreign_key_restrict_delete_p ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_foreign_key_restrict_delete_c;
DROP TABLE IF EXISTS dt_ddl2_foreign_key_restrict_delete_p;

-- case: ddl2_default_expressions
CREATE TABLE dt_ddl2_default_expressions (id int, status text DEFAULT 'pending', score numeric(5,1) DEFAULT 1.5 * 2, tags text[] DEFAULT '{}', flag boolean DEFAULT false, label text DEFAULT 'a' || 'b');
INSERT INTO dt_ddl2_default_expressions (id) VALUES (1);
SELECT id, status, score, flag, label, cardinality(tags) AS ntags FROM dt_ddl2_default_expressions;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_default_expressions;

-- case: ddl2_default_now_not_printed
CREATE TABLE dt_ddl2_default_now_not_printed (id int, created timestamptz NOT NULL DEFAULT now(), day date DEFAULT current_date);
INSERT INTO dt_ddl2_default_now_not_printed (id) VALUES (1);
SELECT id, created IS NOT NULL AS has_created, day IS NOT NULL AS has_day FROM dt_ddl2_default_now_not_printed;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_default_now_not_printed;

-- case: ddl2_alter_column_drop_default
CREATE TABLE dt_ddl2_alter_column_drop_default (id int, v text DEFAULT 'x');
ALTER TABLE dt_ddl2_alter_column_drop_default ALTER COLUMN v DROP DEFAULT;
INSERT INTO dt_ddl2_alter_column_drop_default (id) VALUES (1);
SELECT id, v FROM dt_ddl2_alter_column_drop_default;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_column_drop_default;

-- case: ddl2_alter_column_type_using
CREATE TABLE dt_ddl2_alter_column_type_using (id int, amount text);
INSERT INTO dt_ddl2_alter_column_type_using VALUES (1, '10'), (2, '25');
ALTER TABLE dt_ddl2_alter_column_type_using ALTER COLUMN amount TYPE integer USING amount::integer;
SELECT id, amount + 1 AS next FROM dt_ddl2_alter_column_type_using ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_column_type_using;

-- case: ddl2_alter_add_column_if_not_exists
CREATE TABLE dt_ddl2_alter_add_column_if_not_exists (id int);
ALTER TABLE dt_ddl2_alter_add_column_if_not_exists ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE dt_ddl2_alter_add_column_if_not_exists ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE dt_ddl2_alter_add_column_if_not_exists DROP COLUMN IF EXISTS missing_col;
ALTER TABLE dt_ddl2_alter_add_column_if_not_exists ADD COLUMN note text;
SELECT * FROM dt_ddl2_alter_add_column_if_not_exists;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_add_column_if_not_exists;

-- case: ddl2_alter_multiple_actions
CREATE TABLE dt_ddl2_alter_multiple_actions (id int, a text);
ALTER TABLE dt_ddl2_alter_multiple_actions ADD COLUMN b int DEFAULT 0, ADD COLUMN c boolean, ALTER COLUMN a SET NOT NULL;
INSERT INTO dt_ddl2_alter_multiple_actions (id, a) VALUES (1, 'x');
SELECT id, a, b, c FROM dt_ddl2_alter_multiple_actions;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_alter_multiple_actions;

-- case: ddl2_alter_table_if_exists
ALTER TABLE IF EXISTS dt_ddl2_alter_table_if_exists_missing ADD COLUMN x int;
ALTER TABLE dt_ddl2_alter_table_if_exists_missing ADD COLUMN x int;

-- case: ddl2_create_table_like
CREATE TABLE dt_ddl2_create_table_like_src (id int NOT NULL, name text DEFAULT 'n');
CREATE TABLE dt_ddl2_create_table_like_dst (LIKE dt_ddl2_create_table_like_src INCLUDING DEFAULTS);
INSERT INTO dt_ddl2_create_table_like_dst (id) VALUES (1);
SELECT id, name FROM dt_ddl2_create_table_like_dst;
INSERT INTO dt_ddl2_create_table_like_dst (name) VALUES ('x');
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_create_table_like_dst;
DROP TABLE IF EXISTS dt_ddl2_create_table_like_src;

-- case: ddl2_generated_stored_column
CREATE TABLE dt_ddl2_generated_stored_column (w int, h int, area int GENERATED ALWAYS AS (w * h) STORED);
INSERT INTO dt_ddl2_generated_stored_column (w, h) VALUES (2, 3), (4, 5);
UPDATE dt_ddl2_generated_stored_column SET w = 10 WHERE h = 3;
SELECT w, h, area FROM dt_ddl2_generated_stored_column ORDER BY w;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_generated_stored_column;

-- case: ddl2_drop_multiple_tables
CREATE TABLE dt_ddl2_drop_multiple_tables_a (v int);
CREATE TABLE dt_ddl2_drop_multiple_tables_b (v int);
DROP TABLE dt_ddl2_drop_multiple_tables_a, dt_ddl2_drop_multiple_tables_b;
SELECT count(*) FROM dt_ddl2_drop_multiple_tables_a;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_drop_multiple_tables_a;
DROP TABLE IF EXISTS dt_ddl2_drop_multiple_tables_b;

-- case: ddl2_drop_table_cascade_view
CREATE TABLE dt_ddl2_drop_table_cascade_view (v int);
CREATE VIEW dt_ddl2_drop_table_cascade_view_v AS SELECT v FROM dt_ddl2_drop_table_cascade_view;
DROP TABLE dt_ddl2_drop_table_cascade_view CASCADE;
SELECT * FROM dt_ddl2_drop_table_cascade_view_v;
-- cleanup
DROP VIEW IF EXISTS dt_ddl2_drop_table_cascade_view_v;
DROP TABLE IF EXISTS dt_ddl2_drop_table_cascade_view;

-- case: ddl2_view_with_join_and_aggregate
CREATE TABLE dt_ddl2_view_with_join_and_aggregate_c (id int, name text);
CREATE TABLE dt_ddl2_view_with_join_and_aggregate_o (cust_id int, amount int);
INSERT INTO dt_ddl2_view_with_join_and_aggregate_c VALUES (1, 'ann'), (2, 'ben');
INSERT INTO dt_ddl2_view_with_join_and_aggregate_o VALUES (1, 10), (1, 5), (2, 7);
CREATE VIEW dt_ddl2_view_with_join_and_aggregate_v AS SELECT c.name, count(*) AS orders, max(o.amount) AS biggest FROM dt_ddl2_view_with_join_and_aggregate_c c JOIN dt_ddl2_view_with_join_and_aggregate_o o ON o.cust_id = c.id GROUP BY c.name;
SELECT name, orders, biggest FROM dt_ddl2_view_with_join_and_aggregate_v ORDER BY name;
SELECT name FROM dt_ddl2_view_with_join_and_aggregate_v WHERE orders > 1;
-- cleanup
DROP VIEW IF EXISTS dt_ddl2_view_with_join_and_aggregate_v;
DROP TABLE IF EXISTS dt_ddl2_view_with_join_and_aggregate_o;
DROP TABLE IF EXISTS dt_ddl2_view_with_join_and_aggregate_c;

-- case: ddl2_view_column_names
CREATE VIEW dt_ddl2_view_column_names (x, y) AS SELECT 1, 'one';
SELECT x, y FROM dt_ddl2_view_column_names;
SELECT * FROM dt_ddl2_view_column_names;
-- cleanup
DROP VIEW IF EXISTS dt_ddl2_view_column_names;

-- case: ddl2_view_insert_error
CREATE VIEW dt_ddl2_view_insert_error AS SELECT count(*) AS n FROM (VALUES (1)) AS t(v);
INSERT INTO dt_ddl2_view_insert_error VALUES (5);
-- cleanup
DROP VIEW IF EXISTS dt_ddl2_view_insert_error;

-- case: ddl2_drop_view_if_exists_and_missing
CREATE VIEW dt_ddl2_drop_view_if_exists_and_missing AS SELECT 1 AS a;
DROP VIEW IF EXISTS dt_ddl2_drop_view_if_exists_and_missing;
DROP VIEW dt_ddl2_drop_view_if_exists_and_missing;
-- cleanup
DROP VIEW IF EXISTS dt_ddl2_drop_view_if_exists_and_missing;

-- case: ddl2_sequence_min_max_cycle
CREATE SEQUENCE dt_ddl2_sequence_min_max_cycle MINVALUE 1 MAXVALUE 3 CYCLE;
SELECT nextval('dt_ddl2_sequence_min_max_cycle') AS a, nextval('dt_ddl2_sequence_min_max_cycle') AS b, nextval('dt_ddl2_sequence_min_max_cycle') AS c, nextval('dt_ddl2_sequence_min_max_cycle') AS d;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl2_sequence_min_max_cycle;

-- case: ddl2_sequence_exhausted
CREATE SEQUENCE dt_ddl2_sequence_exhausted MAXVALUE 2;
SELECT nextval('dt_ddl2_sequence_exhausted') AS a;
SELECT nextval('dt_ddl2_sequence_exhausted') AS b;
SELECT nextval('dt_ddl2_sequence_exhausted') AS c;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl2_sequence_exhausted;

-- case: ddl2_sequence_descending
CREATE SEQUENCE dt_ddl2_sequence_descending INCREMENT BY -1 MINVALUE 1 MAXVALUE 10 START WITH 10;
SELECT nextval('dt_ddl2_sequence_descending') AS a, nextval('dt_ddl2_sequence_descending') AS b;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl2_sequence_descending;

-- case: ddl2_sequence_alter_restart
CREATE SEQUENCE dt_ddl2_sequence_alter_restart;
SELECT nextval('dt_ddl2_sequence_alter_restart') AS a;
ALTER SEQUENCE dt_ddl2_sequence_alter_restart RESTART WITH 50;
SELECT nextval('dt_ddl2_sequence_alter_restart') AS b;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl2_sequence_alter_restart;

-- case: ddl2_sequence_as_column_default
CREATE SEQUENCE dt_ddl2_sequence_as_column_default_seq START 1000;
CREATE TABLE dt_ddl2_sequence_as_column_default (id bigint DEFAULT nextval('dt_ddl2_sequence_as_column_default_seq'), v text);
INSERT INTO dt_ddl2_sequence_as_column_default (v) VALUES ('a'), ('b');
SELECT id, v FROM dt_ddl2_sequence_as_column_default ORDER BY id;
SELECT currval('dt_ddl2_sequence_as_column_default_seq') AS cur;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_sequence_as_column_default;
DROP SEQUENCE IF EXISTS dt_ddl2_sequence_as_column_default_seq;

-- case: ddl2_sequence_lastval
CREATE SEQUENCE dt_ddl2_sequence_lastval START 7;
SELECT nextval('dt_ddl2_sequence_lastval') AS n;
SELECT lastval() AS l;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl2_sequence_lastval;

-- case: ddl2_smallserial_bigserial
CREATE TABLE dt_ddl2_smallserial_bigserial (a smallserial, b bigserial, v text);
INSERT INTO dt_ddl2_smallserial_bigserial (v) VALUES ('x'), ('y');
SELECT a, b, v FROM dt_ddl2_smallserial_bigserial ORDER BY a;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_smallserial_bigserial;

-- case: ddl2_serial_explicit_then_default_conflict
CREATE TABLE dt_ddl2_serial_explicit_then_default_conflict (id serial PRIMARY KEY, v text);
INSERT INTO dt_ddl2_serial_explicit_then_default_conflict (id, v) VALUES (1, 'explicit');
INSERT INTO dt_ddl2_serial_explicit_then_default_conflict (v) VALUES ('generated');
INSERT INTO dt_ddl2_serial_explicit_then_default_conflict (v) VALUES ('generated again');
SELECT id, v FROM dt_ddl2_serial_explicit_then_default_conflict ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_serial_explicit_then_default_conflict;

-- case: ddl2_identity_by_default
CREATE TABLE dt_ddl2_identity_by_default (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);
INSERT INTO dt_ddl2_identity_by_default (v) VALUES ('a');
INSERT INTO dt_ddl2_identity_by_default (id, v) VALUES (10, 'b');
SELECT id, v FROM dt_ddl2_identity_by_default ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_identity_by_default;

-- case: ddl2_index_variants
CREATE TABLE dt_ddl2_index_variants (id int, email text, created date, active boolean);
CREATE INDEX IF NOT EXISTS dt_ddl2_index_variants_multi ON dt_ddl2_index_variants (created DESC, id);
CREATE INDEX IF NOT EXISTS dt_ddl2_index_variants_multi ON dt_ddl2_index_variants (created DESC, id);
CREATE INDEX dt_ddl2_index_variants_lower ON dt_ddl2_index_variants (lower(email));
CREATE INDEX dt_ddl2_index_variants_partial ON dt_ddl2_index_variants (id) WHERE active;
CREATE INDEX dt_ddl2_index_variants_btree ON dt_ddl2_index_variants USING btree (email);
INSERT INTO dt_ddl2_index_variants VALUES (1, 'A@X', '2024-01-01', true);
SELECT id FROM dt_ddl2_index_variants WHERE lower(email) = 'a@x';
DROP INDEX IF EXISTS dt_ddl2_index_variants_partial;
DROP INDEX IF EXISTS dt_ddl2_index_variants_partial;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_index_variants;

-- case: ddl2_unique_index_violation
CREATE TABLE dt_ddl2_unique_index_violation (code text);
CREATE UNIQUE INDEX dt_ddl2_unique_index_violation_code ON dt_ddl2_unique_index_violation (code);
INSERT INTO dt_ddl2_unique_index_violation VALUES ('a');
INSERT INTO dt_ddl2_unique_index_violation VALUES ('a');
INSERT INTO dt_ddl2_unique_index_violation VALUES (NULL), (NULL);
SELECT count(*) AS n FROM dt_ddl2_unique_index_violation;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_unique_index_violation;

-- case: ddl2_create_index_on_existing_duplicates
CREATE TABLE dt_ddl2_create_index_on_existing_duplicates (v int);
INSERT INTO dt_ddl2_create_index_on_existing_duplicates VALUES (1), (1);
CREATE UNIQUE INDEX dt_ddl2_create_index_on_existing_duplicates_v ON dt_ddl2_create_index_on_existing_duplicates (v);
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_create_index_on_existing_duplicates;

-- case: ddl2_comments_on_objects
CREATE TABLE dt_ddl2_comments_on_objects (id int);
CREATE VIEW dt_ddl2_comments_on_objects_v AS SELECT id FROM dt_ddl2_comments_on_objects;
COMMENT ON TABLE dt_ddl2_comments_on_objects IS 'users of the system';
COMMENT ON COLUMN dt_ddl2_comments_on_objects.id IS 'primary identifier';
COMMENT ON VIEW dt_ddl2_comments_on_objects_v IS 'a view';
COMMENT ON TABLE dt_ddl2_comments_on_objects IS NULL;
-- cleanup
DROP VIEW IF EXISTS dt_ddl2_comments_on_objects_v;
DROP TABLE IF EXISTS dt_ddl2_comments_on_objects;

-- case: ddl2_enum_type
CREATE TYPE dt_ddl2_enum_type_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE dt_ddl2_enum_type (name text, mood dt_ddl2_enum_type_mood);
INSERT INTO dt_ddl2_enum_type VALUES ('a', 'happy'), ('b', 'sad'), ('c', 'ok');
SELECT name, mood::text AS m FROM dt_ddl2_enum_type ORDER BY mood;
SELECT name FROM dt_ddl2_enum_type WHERE mood > 'sad' ORDER BY name;
INSERT INTO dt_ddl2_enum_type VALUES ('d', 'angry');
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_enum_type;
DROP TYPE IF EXISTS dt_ddl2_enum_type_mood;

-- case: ddl2_domain_type
CREATE DOMAIN dt_ddl2_domain_type_pos AS int CHECK (VALUE > 0);
CREATE TABLE dt_ddl2_domain_type (v dt_ddl2_domain_type_pos);
INSERT INTO dt_ddl2_domain_type VALUES (5);
INSERT INTO dt_ddl2_domain_type VALUES (-5);
SELECT v FROM dt_ddl2_domain_type;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_domain_type;
DROP DOMAIN IF EXISTS dt_ddl2_domain_type_pos;

-- case: ddl2_sql_function
CREATE FUNCTION dt_ddl2_sql_function_add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
SELECT dt_ddl2_sql_function_add(2, 3) AS five;
CREATE OR REPLACE FUNCTION dt_ddl2_sql_function_add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a * b';
SELECT dt_ddl2_sql_function_add(2, 3) AS six;
-- cleanup
DROP FUNCTION IF EXISTS dt_ddl2_sql_function_add(int, int);

-- case: ddl2_do_block
CREATE TABLE dt_ddl2_do_block (v int);
DO $$ BEGIN INSERT INTO dt_ddl2_do_block VALUES (1); END $$;
SELECT count(*) AS n FROM dt_ddl2_do_block;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_do_block;

-- case: ddl2_schema_qualified_objects
CREATE SCHEMA dt_ddl2_schema_qualified_objects;
CREATE TABLE dt_ddl2_schema_qualified_objects.t (id int PRIMARY KEY, v text);
CREATE VIEW dt_ddl2_schema_qualified_objects.v AS SELECT id FROM dt_ddl2_schema_qualified_objects.t;
CREATE SEQUENCE dt_ddl2_schema_qualified_objects.s;
INSERT INTO dt_ddl2_schema_qualified_objects.t VALUES (nextval('dt_ddl2_schema_qualified_objects.s'), 'a');
SELECT id FROM dt_ddl2_schema_qualified_objects.v;
ALTER TABLE dt_ddl2_schema_qualified_objects.t RENAME TO t2;
SELECT v FROM dt_ddl2_schema_qualified_objects.t2;
-- cleanup
DROP SCHEMA IF EXISTS dt_ddl2_schema_qualified_objects CASCADE;

-- case: ddl2_drop_schema_not_empty
CREATE SCHEMA dt_ddl2_drop_schema_not_empty;
CREATE TABLE dt_ddl2_drop_schema_not_empty.t (v int);
DROP SCHEMA dt_ddl2_drop_schema_not_empty;
DROP SCHEMA dt_ddl2_drop_schema_not_empty CASCADE;
-- cleanup
DROP SCHEMA IF EXISTS dt_ddl2_drop_schema_not_empty CASCADE;

-- case: ddl2_unlogged_table
CREATE UNLOGGED TABLE dt_ddl2_unlogged_table (v int);
INSERT INTO dt_ddl2_unlogged_table VALUES (1);
SELECT v FROM dt_ddl2_unlogged_table;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_unlogged_table;

-- case: ddl2_temp_table_on_commit_drop
BEGIN;
CREATE TEMP TABLE dt_ddl2_temp_table_on_commit_drop (v int) ON COMMIT DROP;
INSERT INTO dt_ddl2_temp_table_on_commit_drop VALUES (1);
SELECT count(*) AS n FROM dt_ddl2_temp_table_on_commit_drop;
COMMIT;
SELECT count(*) AS n FROM dt_ddl2_temp_table_on_commit_drop;

-- case: ddl2_temp_table_on_commit_delete_rows
BEGIN;
CREATE TEMP TABLE dt_ddl2_temp_on_commit_delete_rows (v int) ON COMMIT DELETE ROWS;
INSERT INTO dt_ddl2_temp_on_commit_delete_rows VALUES (1), (2);
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_delete_rows;
COMMIT;
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_delete_rows;
BEGIN;
INSERT INTO dt_ddl2_temp_on_commit_delete_rows VALUES (3);
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_delete_rows;
COMMIT;
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_delete_rows;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_temp_on_commit_delete_rows;

-- case: ddl2_temp_table_on_commit_drop_rollback
BEGIN;
CREATE TEMP TABLE dt_ddl2_temp_on_commit_drop_rb (v int) ON COMMIT DROP;
INSERT INTO dt_ddl2_temp_on_commit_drop_rb VALUES (1);
ROLLBACK;
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_drop_rb;
CREATE TEMP TABLE dt_ddl2_temp_on_commit_drop_rb (v int) ON COMMIT DROP;
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_drop_rb;
CREATE TEMP TABLE dt_ddl2_temp_on_commit_drop_rb (v int) ON COMMIT DROP; INSERT INTO dt_ddl2_temp_on_commit_drop_rb VALUES (5); SELECT v FROM dt_ddl2_temp_on_commit_drop_rb;
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_drop_rb;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_temp_on_commit_drop_rb;

-- case: ddl2_temp_table_on_commit_preserve_rows
CREATE TEMP TABLE dt_ddl2_temp_on_commit_preserve (v int) ON COMMIT PRESERVE ROWS;
INSERT INTO dt_ddl2_temp_on_commit_preserve VALUES (1);
SELECT count(*) AS n FROM dt_ddl2_temp_on_commit_preserve;
CREATE TABLE dt_ddl2_on_commit_permanent (v int) ON COMMIT DROP;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_temp_on_commit_preserve;
DROP TABLE IF EXISTS dt_ddl2_on_commit_permanent;

-- case: ddl2_truncate_multiple_and_cascade
CREATE TABLE dt_ddl2_truncate_multiple_and_cascade_a (v int);
CREATE TABLE dt_ddl2_truncate_multiple_and_cascade_b (v int);
INSERT INTO dt_ddl2_truncate_multiple_and_cascade_a VALUES (1);
INSERT INTO dt_ddl2_truncate_multiple_and_cascade_b VALUES (2);
TRUNCATE dt_ddl2_truncate_multiple_and_cascade_a, dt_ddl2_truncate_multiple_and_cascade_b;
SELECT (SELECT count(*) FROM dt_ddl2_truncate_multiple_and_cascade_a) + (SELECT count(*) FROM dt_ddl2_truncate_multiple_and_cascade_b) AS total;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_truncate_multiple_and_cascade_a;
DROP TABLE IF EXISTS dt_ddl2_truncate_multiple_and_cascade_b;

-- case: ddl2_temp_on_commit_shadowing_permanent
CREATE TABLE dt_ddl2_oc_shadow AS SELECT 1 AS a;
CREATE TEMP TABLE dt_ddl2_oc_shadow (a int) ON COMMIT DELETE ROWS;
INSERT INTO dt_ddl2_oc_shadow VALUES (2);
DROP TABLE dt_ddl2_oc_shadow;
SELECT a FROM dt_ddl2_oc_shadow;
BEGIN;
CREATE TEMP TABLE dt_ddl2_oc_shadow (a int) ON COMMIT DROP;
COMMIT;
SELECT a FROM dt_ddl2_oc_shadow;
-- cleanup
DROP TABLE IF EXISTS dt_ddl2_oc_shadow;
