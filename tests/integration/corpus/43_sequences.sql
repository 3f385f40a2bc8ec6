-- Sequences as PostgreSQL 15 has them: setval(), lastval(), ALTER SEQUENCE, TRUNCATE ... RESTART IDENTITY, the
-- forms pg_dump writes for a serial column, and the sequence catalogs.

-- case: seq_pg_dump_serial_restore
CREATE TABLE dt_seq_pg_dump_serial_restore (id integer NOT NULL, v text);
CREATE SEQUENCE public.dt_seq_pg_dump_serial_restore_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.dt_seq_pg_dump_serial_restore_id_seq OWNED BY public.dt_seq_pg_dump_serial_restore.id;
ALTER TABLE ONLY public.dt_seq_pg_dump_serial_restore ALTER COLUMN id SET DEFAULT nextval('public.dt_seq_pg_dump_serial_restore_id_seq'::regclass);
INSERT INTO dt_seq_pg_dump_serial_restore (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c');
SELECT pg_catalog.setval('public.dt_seq_pg_dump_serial_restore_id_seq', 3, true);
INSERT INTO dt_seq_pg_dump_serial_restore (v) VALUES ('d') RETURNING id, v;
SELECT id, v FROM dt_seq_pg_dump_serial_restore ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_seq_pg_dump_serial_restore;
DROP SEQUENCE IF EXISTS public.dt_seq_pg_dump_serial_restore_id_seq;

-- case: seq_setval_in_select_list
CREATE SEQUENCE dt_seq_setval_in_select_list;
SELECT setval('dt_seq_setval_in_select_list', 42) AS s, 'x' AS t;
SELECT currval('dt_seq_setval_in_select_list') AS c;
SELECT nextval('dt_seq_setval_in_select_list') AS n;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_setval_in_select_list;

-- case: seq_setval_is_called_false
CREATE SEQUENCE dt_seq_setval_is_called_false START 10;
SELECT nextval('dt_seq_setval_is_called_false') AS a;
SELECT setval('dt_seq_setval_is_called_false', 20, false) AS s;
SELECT nextval('dt_seq_setval_is_called_false') AS b, nextval('dt_seq_setval_is_called_false') AS c;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_setval_is_called_false;

-- case: seq_setval_serial_column
CREATE TABLE dt_seq_setval_serial_column (id serial PRIMARY KEY, v text);
INSERT INTO dt_seq_setval_serial_column (v) VALUES ('a');
SELECT setval('dt_seq_setval_serial_column_id_seq', 100);
INSERT INTO dt_seq_setval_serial_column (v) VALUES ('b') RETURNING id;
SELECT lastval();
-- cleanup
DROP TABLE IF EXISTS dt_seq_setval_serial_column;

-- case: seq_setval_from_table_max
CREATE TABLE dt_seq_setval_from_table_max (id serial PRIMARY KEY, v text);
CREATE TABLE dt_seq_setval_from_table_max_empty (id serial PRIMARY KEY, v text);
INSERT INTO dt_seq_setval_from_table_max (id, v) VALUES (5, 'a'), (9, 'b');
SELECT setval(pg_get_serial_sequence('"dt_seq_setval_from_table_max"','id'), coalesce(max("id"), 1), max("id") IS NOT null) FROM "dt_seq_setval_from_table_max";
SELECT setval(pg_get_serial_sequence('"dt_seq_setval_from_table_max_empty"','id'), coalesce(max("id"), 1), max("id") IS NOT null) FROM "dt_seq_setval_from_table_max_empty";
INSERT INTO dt_seq_setval_from_table_max (v) VALUES ('c') RETURNING id;
INSERT INTO dt_seq_setval_from_table_max_empty (v) VALUES ('c') RETURNING id;
SELECT setval('dt_seq_setval_from_table_max_id_seq', (SELECT max(id) + 10 FROM dt_seq_setval_from_table_max)) AS s;
INSERT INTO dt_seq_setval_from_table_max (v) VALUES ('d') RETURNING id;
-- cleanup
DROP TABLE IF EXISTS dt_seq_setval_from_table_max;
DROP TABLE IF EXISTS dt_seq_setval_from_table_max_empty;

-- case: seq_setval_out_of_bounds
CREATE SEQUENCE dt_seq_setval_out_of_bounds MAXVALUE 10;
SELECT setval('dt_seq_setval_out_of_bounds', 0);
SELECT setval('dt_seq_setval_out_of_bounds', 11);
SELECT setval('dt_seq_setval_out_of_bounds', 10);
SELECT nextval('dt_seq_setval_out_of_bounds');
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_setval_out_of_bounds;

-- case: seq_setval_missing_sequence
SELECT setval('dt_seq_setval_missing_sequence', 1);
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_setval_missing_sequence;

-- case: seq_alter_increment
CREATE SEQUENCE dt_seq_alter_increment;
SELECT nextval('dt_seq_alter_increment') AS a;
ALTER SEQUENCE dt_seq_alter_increment INCREMENT BY 10;
SELECT nextval('dt_seq_alter_increment') AS b, nextval('dt_seq_alter_increment') AS c;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_alter_increment;

-- case: seq_alter_minvalue_restart
CREATE SEQUENCE dt_seq_alter_minvalue_restart;
SELECT nextval('dt_seq_alter_minvalue_restart') AS a;
ALTER SEQUENCE dt_seq_alter_minvalue_restart MINVALUE -5 RESTART WITH -5;
SELECT nextval('dt_seq_alter_minvalue_restart') AS b, nextval('dt_seq_alter_minvalue_restart') AS c;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_alter_minvalue_restart;

-- case: seq_alter_maxvalue_cycle
CREATE SEQUENCE dt_seq_alter_maxvalue_cycle;
ALTER SEQUENCE dt_seq_alter_maxvalue_cycle MAXVALUE 2 CYCLE;
SELECT nextval('dt_seq_alter_maxvalue_cycle') AS a, nextval('dt_seq_alter_maxvalue_cycle') AS b, nextval('dt_seq_alter_maxvalue_cycle') AS c;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_alter_maxvalue_cycle;

-- case: seq_alter_restart_out_of_bounds
CREATE SEQUENCE dt_seq_alter_restart_out_of_bounds MAXVALUE 10;
ALTER SEQUENCE dt_seq_alter_restart_out_of_bounds RESTART WITH 11;
ALTER SEQUENCE dt_seq_alter_restart_out_of_bounds INCREMENT BY 0;
SELECT nextval('dt_seq_alter_restart_out_of_bounds');
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_alter_restart_out_of_bounds;

-- case: seq_alter_if_exists_missing
ALTER SEQUENCE IF EXISTS dt_seq_alter_if_exists_missing RESTART;
ALTER SEQUENCE dt_seq_alter_if_exists_missing RESTART;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_alter_if_exists_missing;

-- case: seq_create_as_smallint
CREATE SEQUENCE dt_seq_create_as_smallint AS smallint START 32766;
SELECT nextval('dt_seq_create_as_smallint') AS a, nextval('dt_seq_create_as_smallint') AS b;
SELECT nextval('dt_seq_create_as_smallint');
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_create_as_smallint;

-- case: seq_create_bad_options
CREATE SEQUENCE dt_seq_create_bad_options INCREMENT 0;
CREATE SEQUENCE dt_seq_create_bad_options MINVALUE 10 MAXVALUE 5;
CREATE SEQUENCE dt_seq_create_bad_options AS integer MAXVALUE 3000000000;
CREATE SEQUENCE dt_seq_create_bad_options AS text;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_create_bad_options;

-- case: seq_lastval_not_yet_defined
SELECT lastval();
-- cleanup
SELECT 1;

-- case: seq_lastval_follows_nextval
CREATE SEQUENCE dt_seq_lastval_follows_nextval_a START 10;
CREATE SEQUENCE dt_seq_lastval_follows_nextval_b START 20;
SELECT nextval('dt_seq_lastval_follows_nextval_a') AS a;
SELECT nextval('dt_seq_lastval_follows_nextval_b') AS b;
SELECT lastval() AS l;
SELECT nextval('dt_seq_lastval_follows_nextval_a') AS a;
SELECT lastval() AS l;
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_lastval_follows_nextval_a;
DROP SEQUENCE IF EXISTS dt_seq_lastval_follows_nextval_b;

-- case: seq_truncate_restart_identity_bigserial
CREATE TABLE dt_seq_truncate_restart_identity_bigserial (id bigserial PRIMARY KEY, v text);
INSERT INTO dt_seq_truncate_restart_identity_bigserial (v) VALUES ('a'), ('b'), ('c');
TRUNCATE TABLE dt_seq_truncate_restart_identity_bigserial RESTART IDENTITY;
INSERT INTO dt_seq_truncate_restart_identity_bigserial (v) VALUES ('d') RETURNING id, v;
-- cleanup
DROP TABLE IF EXISTS dt_seq_truncate_restart_identity_bigserial;

-- case: seq_pg_sequences_row
CREATE SEQUENCE dt_seq_pg_sequences_row START 5 INCREMENT 2 MAXVALUE 100;
SELECT nextval('dt_seq_pg_sequences_row') AS n;
SELECT sequencename, start_value, min_value, max_value, increment_by, cycle, last_value FROM pg_sequences WHERE sequencename = 'dt_seq_pg_sequences_row';
SELECT s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname = 'dt_seq_pg_sequences_row';
-- cleanup
DROP SEQUENCE IF EXISTS dt_seq_pg_sequences_row;
