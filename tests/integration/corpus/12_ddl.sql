-- DDL: tables, views, schemas, sequences, ALTER TABLE, indexes.

-- case: ddl_create_drop_table
CREATE TABLE dt_ddl_t1 (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2), created date DEFAULT '2024-01-01');
INSERT INTO dt_ddl_t1 (id, name, price) VALUES (1, 'x', 9.999);
SELECT id, name, price, created FROM dt_ddl_t1;
DROP TABLE dt_ddl_t1;
SELECT count(*) FROM dt_ddl_t1;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_t1;

-- case: ddl_create_table_types_roundtrip
CREATE TABLE dt_ddl_types (a smallint, b integer, c bigint, d real, e double precision, f numeric(8,3), g varchar(20), h text, i boolean, j date, k timestamp, l interval, m bytea, n uuid);
INSERT INTO dt_ddl_types VALUES (1, 2, 3, 4.5, 6.25, 7.125, 'vc', 'txt', true, '2024-02-03', '2024-02-03 04:05:06', '1 day 2 hours', '\x0a0b', '123e4567-e89b-12d3-a456-426614174000');
SELECT * FROM dt_ddl_types;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_types;

-- case: ddl_create_table_if_not_exists
CREATE TABLE IF NOT EXISTS dt_ddl_ine (a int);
CREATE TABLE IF NOT EXISTS dt_ddl_ine (a int);
SELECT count(*) AS n FROM dt_ddl_ine;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_ine;

-- case: ddl_drop_if_exists_missing
DROP TABLE IF EXISTS dt_ddl_never_created;
DROP VIEW IF EXISTS dt_ddl_never_created_view;
DROP SEQUENCE IF EXISTS dt_ddl_never_created_seq;

-- case: ddl_create_table_as
CREATE TABLE dt_ddl_ctas AS SELECT g AS id, g * g AS sq FROM generate_series(1, 5) AS g;
SELECT id, sq FROM dt_ddl_ctas ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_ctas;

-- case: ddl_select_into
SELECT g AS id INTO dt_ddl_select_into FROM generate_series(1, 3) AS g;
SELECT id FROM dt_ddl_select_into ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_select_into;

-- case: ddl_view
CREATE TABLE dt_ddl_view_base (id int, v int);
INSERT INTO dt_ddl_view_base VALUES (1, 10), (2, 20), (3, 30);
CREATE VIEW dt_ddl_view AS SELECT id, v * 2 AS doubled FROM dt_ddl_view_base WHERE v > 10;
SELECT id, doubled FROM dt_ddl_view ORDER BY id;
INSERT INTO dt_ddl_view_base VALUES (4, 40);
SELECT count(*) AS n FROM dt_ddl_view;
DROP VIEW dt_ddl_view;
-- cleanup
DROP VIEW IF EXISTS dt_ddl_view;
DROP TABLE IF EXISTS dt_ddl_view_base;

-- case: ddl_create_or_replace_view
CREATE VIEW dt_ddl_repl_view AS SELECT 1 AS a;
CREATE OR REPLACE VIEW dt_ddl_repl_view AS SELECT 1 AS a, 2 AS b;
SELECT * FROM dt_ddl_repl_view;
-- cleanup
DROP VIEW IF EXISTS dt_ddl_repl_view;

-- case: ddl_schema
CREATE SCHEMA dt_ddl_schema;
CREATE TABLE dt_ddl_schema.items (id int);
INSERT INTO dt_ddl_schema.items VALUES (1), (2);
SELECT count(*) AS n FROM dt_ddl_schema.items;
DROP SCHEMA dt_ddl_schema CASCADE;
-- cleanup
DROP SCHEMA IF EXISTS dt_ddl_schema CASCADE;

-- case: ddl_schema_if_not_exists
CREATE SCHEMA IF NOT EXISTS dt_ddl_schema2;
CREATE SCHEMA IF NOT EXISTS dt_ddl_schema2;
DROP SCHEMA dt_ddl_schema2;
-- cleanup
DROP SCHEMA IF EXISTS dt_ddl_schema2 CASCADE;

-- case: ddl_sequence
CREATE SEQUENCE dt_ddl_seq;
SELECT nextval('dt_ddl_seq') AS a;
SELECT nextval('dt_ddl_seq') AS b;
SELECT currval('dt_ddl_seq') AS c;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl_seq;

-- case: ddl_sequence_options
CREATE SEQUENCE dt_ddl_seq2 START WITH 100 INCREMENT BY 10;
SELECT nextval('dt_ddl_seq2') AS a, nextval('dt_ddl_seq2') AS b;
SELECT setval('dt_ddl_seq2', 500) AS s;
SELECT nextval('dt_ddl_seq2') AS c;
DROP SEQUENCE dt_ddl_seq2;
-- cleanup
DROP SEQUENCE IF EXISTS dt_ddl_seq2;

-- case: ddl_serial_column
CREATE TABLE dt_ddl_serial (id serial PRIMARY KEY, v text);
INSERT INTO dt_ddl_serial (v) VALUES ('a'), ('b');
INSERT INTO dt_ddl_serial (v) VALUES ('c') RETURNING id;
SELECT id, v FROM dt_ddl_serial ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_serial;

-- case: ddl_identity_column
CREATE TABLE dt_ddl_identity (id bigint GENERATED ALWAYS AS IDENTITY, v text);
INSERT INTO dt_ddl_identity (v) VALUES ('a'), ('b');
SELECT id, v FROM dt_ddl_identity ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_identity;

-- case: ddl_alter_add_drop_column
CREATE TABLE dt_ddl_alter1 (id int);
INSERT INTO dt_ddl_alter1 VALUES (1), (2);
ALTER TABLE dt_ddl_alter1 ADD COLUMN name text DEFAULT 'none';
SELECT id, name FROM dt_ddl_alter1 ORDER BY id;
ALTER TABLE dt_ddl_alter1 DROP COLUMN name;
SELECT * FROM dt_ddl_alter1 ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_alter1;

-- case: ddl_alter_rename
CREATE TABLE dt_ddl_alter2 (a int);
INSERT INTO dt_ddl_alter2 VALUES (7);
ALTER TABLE dt_ddl_alter2 RENAME COLUMN a TO b;
SELECT b FROM dt_ddl_alter2;
ALTER TABLE dt_ddl_alter2 RENAME TO dt_ddl_alter2_renamed;
SELECT b FROM dt_ddl_alter2_renamed;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_alter2;
DROP TABLE IF EXISTS dt_ddl_alter2_renamed;

-- case: ddl_alter_column_type_and_default
CREATE TABLE dt_ddl_alter3 (a int, b text);
INSERT INTO dt_ddl_alter3 VALUES (1, 'x');
ALTER TABLE dt_ddl_alter3 ALTER COLUMN a TYPE bigint;
ALTER TABLE dt_ddl_alter3 ALTER COLUMN b SET DEFAULT 'dflt';
INSERT INTO dt_ddl_alter3 (a) VALUES (2);
SELECT a, b FROM dt_ddl_alter3 ORDER BY a;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_alter3;

-- case: ddl_alter_not_null
CREATE TABLE dt_ddl_alter4 (a int);
ALTER TABLE dt_ddl_alter4 ALTER COLUMN a SET NOT NULL;
INSERT INTO dt_ddl_alter4 VALUES (NULL);
ALTER TABLE dt_ddl_alter4 ALTER COLUMN a DROP NOT NULL;
INSERT INTO dt_ddl_alter4 VALUES (NULL);
SELECT count(*) AS n FROM dt_ddl_alter4;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_alter4;

-- case: ddl_index
CREATE TABLE dt_ddl_index (id int, email text);
CREATE INDEX dt_ddl_index_email ON dt_ddl_index (email);
CREATE UNIQUE INDEX dt_ddl_index_id ON dt_ddl_index (id);
INSERT INTO dt_ddl_index VALUES (1, 'a@x'), (2, 'b@x');
SELECT id FROM dt_ddl_index WHERE email = 'b@x';
DROP INDEX dt_ddl_index_email;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_index;

-- case: ddl_temp_table
CREATE TEMP TABLE dt_ddl_temp (v int);
INSERT INTO dt_ddl_temp VALUES (1), (2), (3);
SELECT sum(v) AS s FROM dt_ddl_temp;

-- case: ddl_truncate
CREATE TABLE dt_ddl_truncate (v int);
INSERT INTO dt_ddl_truncate SELECT generate_series(1, 10);
TRUNCATE dt_ddl_truncate;
SELECT count(*) AS n FROM dt_ddl_truncate;
TRUNCATE TABLE dt_ddl_truncate;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_truncate;

-- case: ddl_constraints_check
CREATE TABLE dt_ddl_check (v int CHECK (v > 0), w int, CONSTRAINT w_small CHECK (w < 100));
INSERT INTO dt_ddl_check VALUES (1, 1);
INSERT INTO dt_ddl_check VALUES (0, 1);
INSERT INTO dt_ddl_check VALUES (1, 100);
SELECT count(*) AS n FROM dt_ddl_check;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_check;

-- case: ddl_foreign_key
CREATE TABLE dt_ddl_parent (id int PRIMARY KEY);
CREATE TABLE dt_ddl_child (id int, parent_id int REFERENCES dt_ddl_parent (id));
INSERT INTO dt_ddl_parent VALUES (1);
INSERT INTO dt_ddl_child VALUES (1, 1);
INSERT INTO dt_ddl_child VALUES (2, 99);
SELECT count(*) AS n FROM dt_ddl_child;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_child;
DROP TABLE IF EXISTS dt_ddl_parent;

-- case: ddl_multi_statement_create_insert
CREATE TABLE dt_ddl_multi (a int); INSERT INTO dt_ddl_multi VALUES (1), (2); SELECT count(*) AS n FROM dt_ddl_multi;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_multi;

-- case: ddl_quoted_identifiers
CREATE TABLE "dt_ddl_Quoted" ("Mixed Case" int, "select" text);
INSERT INTO "dt_ddl_Quoted" VALUES (1, 'kw');
SELECT "Mixed Case", "select" FROM "dt_ddl_Quoted";
-- cleanup
DROP TABLE IF EXISTS "dt_ddl_Quoted";

-- case: ddl_comment_on
CREATE TABLE dt_ddl_comment (a int);
COMMENT ON TABLE dt_ddl_comment IS 'a table';
COMMENT ON COLUMN dt_ddl_comment.a IS 'a column';
-- cleanup
DROP TABLE IF EXISTS dt_ddl_comment;
