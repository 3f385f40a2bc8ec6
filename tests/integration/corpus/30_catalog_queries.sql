-- Catalog queries as clients, ORMs and admin tools send them, about objects the case creates.
-- Only deterministic columns: names, kinds, flags, positions, formatted types; never raw OIDs.

-- case: cat_information_schema_tables
CREATE TABLE dt_cat_information_schema_tables (id int);
CREATE VIEW dt_cat_information_schema_tables_v AS SELECT id FROM dt_cat_information_schema_tables;
SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'dt_cat_information_schema_tables%' ORDER BY table_name;
-- cleanup
DROP VIEW IF EXISTS dt_cat_information_schema_tables_v;
DROP TABLE IF EXISTS dt_cat_information_schema_tables;

-- case: cat_information_schema_columns
CREATE TABLE dt_cat_information_schema_columns (id integer NOT NULL, name varchar(40), price numeric(10,2), note text, created timestamp, flag boolean DEFAULT false, big bigint, r real);
SELECT column_name, ordinal_position, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'dt_cat_information_schema_columns' ORDER BY ordinal_position;
SELECT column_name, character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'dt_cat_information_schema_columns' ORDER BY ordinal_position;
SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'dt_cat_information_schema_columns' ORDER BY ordinal_position;
-- cleanup
DROP TABLE IF EXISTS dt_cat_information_schema_columns;

-- case: cat_information_schema_column_defaults
CREATE TABLE dt_cat_information_schema_column_defaults (a int DEFAULT 5, b text DEFAULT 'x', c boolean DEFAULT true, d int);
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'dt_cat_information_schema_column_defaults' ORDER BY ordinal_position;
-- cleanup
DROP TABLE IF EXISTS dt_cat_information_schema_column_defaults;

-- case: cat_information_schema_schemata
CREATE SCHEMA dt_cat_information_schema_schemata;
SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('dt_cat_information_schema_schemata', 'public') ORDER BY schema_name;
-- cleanup
DROP SCHEMA IF EXISTS dt_cat_information_schema_schemata CASCADE;

-- case: cat_information_schema_table_constraints
CREATE TABLE dt_cat_information_schema_table_constraints (id int PRIMARY KEY, code text UNIQUE, qty int CHECK (qty > 0));
SELECT constraint_type, count(*) AS n FROM information_schema.table_constraints WHERE table_name = 'dt_cat_information_schema_table_constraints' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE') GROUP BY constraint_type ORDER BY constraint_type;
-- cleanup
DROP TABLE IF EXISTS dt_cat_information_schema_table_constraints;

-- case: cat_information_schema_key_column_usage
CREATE TABLE dt_cat_information_schema_key_column_usage (a int, b int, c int, PRIMARY KEY (b, a));
SELECT column_name, ordinal_position FROM information_schema.key_column_usage WHERE table_name = 'dt_cat_information_schema_key_column_usage' ORDER BY ordinal_position;
-- cleanup
DROP TABLE IF EXISTS dt_cat_information_schema_key_column_usage;

-- case: cat_information_schema_views
CREATE VIEW dt_cat_information_schema_views AS SELECT 1 AS one;
SELECT table_schema, table_name FROM information_schema.views WHERE table_name = 'dt_cat_information_schema_views';
-- cleanup
DROP VIEW IF EXISTS dt_cat_information_schema_views;

-- case: cat_pg_class_relkinds
CREATE TABLE dt_cat_pg_class_relkinds (id int PRIMARY KEY);
CREATE VIEW dt_cat_pg_class_relkinds_v AS SELECT id FROM dt_cat_pg_class_relkinds;
CREATE SEQUENCE dt_cat_pg_class_relkinds_s;
CREATE INDEX dt_cat_pg_class_relkinds_i ON dt_cat_pg_class_relkinds (id);
SELECT relname, relkind FROM pg_class WHERE relname LIKE 'dt_cat_pg_class_relkinds%' ORDER BY relname;
-- cleanup
DROP VIEW IF EXISTS dt_cat_pg_class_relkinds_v;
DROP TABLE IF EXISTS dt_cat_pg_class_relkinds;
DROP SEQUENCE IF EXISTS dt_cat_pg_class_relkinds_s;

-- case: cat_pg_class_namespace_join
CREATE SCHEMA dt_cat_pg_class_namespace_join;
CREATE TABLE dt_cat_pg_class_namespace_join.items (id int);
SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'dt_cat_pg_class_namespace_join' ORDER BY c.relname;
-- cleanup
DROP SCHEMA IF EXISTS dt_cat_pg_class_namespace_join CASCADE;

-- case: cat_pg_attribute_format_type
CREATE TABLE dt_cat_pg_attribute_format_type (id bigint NOT NULL, name varchar(30), amount numeric(12,3), ts timestamp, tstz timestamptz, tags text[], doc jsonb, u uuid, b bytea, d date, f float8, s smallint);
SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull FROM pg_attribute a WHERE a.attrelid = 'dt_cat_pg_attribute_format_type'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_attribute_format_type;

-- case: cat_pg_attribute_after_drop_column
CREATE TABLE dt_cat_pg_attribute_after_drop_column (a int, b text, c int);
ALTER TABLE dt_cat_pg_attribute_after_drop_column DROP COLUMN b;
SELECT attname FROM pg_attribute WHERE attrelid = 'dt_cat_pg_attribute_after_drop_column'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_attribute_after_drop_column;

-- case: cat_pg_index_flags
CREATE TABLE dt_cat_pg_index_flags (id int PRIMARY KEY, email text, name text);
CREATE UNIQUE INDEX dt_cat_pg_index_flags_email ON dt_cat_pg_index_flags (email);
CREATE INDEX dt_cat_pg_index_flags_name ON dt_cat_pg_index_flags (name);
SELECT ic.relname AS index_name, i.indisunique, i.indisprimary, i.indnatts FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid WHERE tc.relname = 'dt_cat_pg_index_flags' ORDER BY ic.relname;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_index_flags;

-- case: cat_pg_indexes_view
CREATE TABLE dt_cat_pg_indexes_view (id int, email text);
CREATE INDEX dt_cat_pg_indexes_view_email ON dt_cat_pg_indexes_view (email);
SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE tablename = 'dt_cat_pg_indexes_view' ORDER BY indexname;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_indexes_view;

-- case: cat_pg_constraint_kinds
CREATE TABLE dt_cat_pg_constraint_kinds_p (id int PRIMARY KEY);
CREATE TABLE dt_cat_pg_constraint_kinds (id int CONSTRAINT dt_cat_pg_constraint_kinds_pk PRIMARY KEY, p_id int CONSTRAINT dt_cat_pg_constraint_kinds_fk REFERENCES dt_cat_pg_constraint_kinds_p (id), code text CONSTRAINT dt_cat_pg_constraint_kinds_uq UNIQUE, qty int CONSTRAINT dt_cat_pg_constraint_kinds_ck CHECK (qty > 0));
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dt_cat_pg_constraint_kinds'::regclass ORDER BY conname;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_constraint_kinds;
DROP TABLE IF EXISTS dt_cat_pg_constraint_kinds_p;

-- case: cat_pg_get_constraintdef
CREATE TABLE dt_cat_pg_get_constraintdef (id int CONSTRAINT dt_cat_pg_get_constraintdef_pk PRIMARY KEY, qty int CONSTRAINT dt_cat_pg_get_constraintdef_ck CHECK (qty > 0));
SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'dt_cat_pg_get_constraintdef'::regclass ORDER BY conname;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_get_constraintdef;

-- case: cat_pg_tables_and_views
CREATE TABLE dt_cat_pg_tables_and_views (id int);
CREATE VIEW dt_cat_pg_tables_and_views_v AS SELECT id FROM dt_cat_pg_tables_and_views;
SELECT schemaname, tablename FROM pg_tables WHERE tablename LIKE 'dt_cat_pg_tables_and_views%' ORDER BY tablename;
SELECT schemaname, viewname FROM pg_views WHERE viewname LIKE 'dt_cat_pg_tables_and_views%' ORDER BY viewname;
-- cleanup
DROP VIEW IF EXISTS dt_cat_pg_tables_and_views_v;
DROP TABLE IF EXISTS dt_cat_pg_tables_and_views;

-- case: cat_regclass_and_to_regclass
CREATE TABLE dt_cat_regclass_and_to_regclass (id int);
SELECT 'dt_cat_regclass_and_to_regclass'::regclass::text AS name, to_regclass('dt_cat_regclass_and_to_regclass') IS NOT NULL AS exists, to_regclass('dt_cat_regclass_missing') IS NULL AS missing;
SELECT 'dt_cat_regclass_missing'::regclass;
-- cleanup
DROP TABLE IF EXISTS dt_cat_regclass_and_to_regclass;

-- case: cat_obj_and_col_description
CREATE TABLE dt_cat_obj_and_col_description (id int, name text);
COMMENT ON TABLE dt_cat_obj_and_col_description IS 'people';
COMMENT ON COLUMN dt_cat_obj_and_col_description.name IS 'full name';
SELECT obj_description('dt_cat_obj_and_col_description'::regclass, 'pg_class') AS table_comment, col_description('dt_cat_obj_and_col_description'::regclass, 2) AS name_comment, col_description('dt_cat_obj_and_col_description'::regclass, 1) AS id_comment;
-- cleanup
DROP TABLE IF EXISTS dt_cat_obj_and_col_description;

-- case: cat_psql_describe_columns
CREATE TABLE dt_cat_psql_describe_columns (id serial PRIMARY KEY, title varchar(100) NOT NULL, body text, published boolean DEFAULT false);
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) FROM pg_catalog.pg_attrdef d WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef), a.attnotnull FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'dt_cat_psql_describe_columns'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
-- cleanup
DROP TABLE IF EXISTS dt_cat_psql_describe_columns;

-- case: cat_psql_list_tables
CREATE TABLE dt_cat_psql_list_tables (id int);
CREATE VIEW dt_cat_psql_list_tables_v AS SELECT id FROM dt_cat_psql_list_tables;
SELECT n.nspname AS "Schema", c.relname AS "Name", CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END AS "Type" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', '') AND n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema' AND c.relname LIKE 'dt_cat_psql_list_tables%' AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1, 2;
-- cleanup
DROP VIEW IF EXISTS dt_cat_psql_list_tables_v;
DROP TABLE IF EXISTS dt_cat_psql_list_tables;

-- case: cat_pg_sequences_view
CREATE SEQUENCE dt_cat_pg_sequences_view START 5 INCREMENT 2 MAXVALUE 100;
SELECT schemaname, sequencename, start_value, increment_by, max_value, cycle FROM pg_sequences WHERE sequencename = 'dt_cat_pg_sequences_view';
SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences WHERE sequence_name = 'dt_cat_pg_sequences_view';
-- cleanup
DROP SEQUENCE IF EXISTS dt_cat_pg_sequences_view;

-- case: cat_pg_type_enum_labels
CREATE TYPE dt_cat_pg_type_enum_labels AS ENUM ('low', 'mid', 'high');
SELECT t.typname, t.typtype, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typname = 'dt_cat_pg_type_enum_labels' ORDER BY e.enumsortorder;
-- cleanup
DROP TYPE IF EXISTS dt_cat_pg_type_enum_labels;

-- case: cat_has_privilege_functions
CREATE TABLE dt_cat_has_privilege_functions (id int);
SELECT has_table_privilege('dt_cat_has_privilege_functions', 'SELECT') AS can_select, has_table_privilege('dt_cat_has_privilege_functions', 'INSERT') AS can_insert, has_schema_privilege('public', 'USAGE') AS schema_usage;
-- cleanup
DROP TABLE IF EXISTS dt_cat_has_privilege_functions;

-- case: cat_has_privilege_arguments
CREATE TABLE dt_cat_has_privilege_arguments (id int);
SELECT has_table_privilege('dt_cat_has_privilege_arguments', 'select, INSERT WITH GRANT OPTION') AS list, has_table_privilege(current_user, 'public.dt_cat_has_privilege_arguments', 'UPDATE') AS with_user, has_schema_privilege('public', 'CREATE') AS schema_create, has_database_privilege(current_database(), 'CONNECT, TEMP') AS db, has_column_privilege('dt_cat_has_privilege_arguments', 'id', 'SELECT') AS col, has_any_column_privilege('dt_cat_has_privilege_arguments', 'REFERENCES') AS any_col;
SELECT has_table_privilege('dt_cat_has_privilege_arguments', 'bogus') AS bad_privilege;
SELECT has_schema_privilege('public', 'SELECT') AS schema_select;
SELECT has_database_privilege(current_database(), 'USAGE') AS db_usage;
SELECT has_schema_privilege('dt_no_such_schema', 'USAGE') AS missing_schema;
-- cleanup
DROP TABLE IF EXISTS dt_cat_has_privilege_arguments;

-- case: cat_column_count_per_table
CREATE TABLE dt_cat_column_count_per_table_a (x int, y int);
CREATE TABLE dt_cat_column_count_per_table_b (x int, y int, z int);
SELECT table_name, count(*) AS columns FROM information_schema.columns WHERE table_name LIKE 'dt_cat_column_count_per_table%' GROUP BY table_name ORDER BY table_name;
-- cleanup
DROP TABLE IF EXISTS dt_cat_column_count_per_table_a;
DROP TABLE IF EXISTS dt_cat_column_count_per_table_b;

-- case: cat_view_columns_in_information_schema
CREATE VIEW dt_cat_view_columns_in_information_schema AS SELECT 1::int AS n, 'x'::text AS s, 1.5::float8 AS f;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'dt_cat_view_columns_in_information_schema' ORDER BY ordinal_position;
-- cleanup
DROP VIEW IF EXISTS dt_cat_view_columns_in_information_schema;

-- case: cat_pg_get_indexdef_and_keys
CREATE TABLE dt_cat_pg_get_indexdef_and_keys (a int, b text);
CREATE UNIQUE INDEX dt_cat_pg_get_indexdef_and_keys_ab ON dt_cat_pg_get_indexdef_and_keys (a, b);
SELECT pg_get_indexdef(i.indexrelid) AS def, i.indnkeyatts FROM pg_index i WHERE i.indrelid = 'dt_cat_pg_get_indexdef_and_keys'::regclass;
-- cleanup
DROP TABLE IF EXISTS dt_cat_pg_get_indexdef_and_keys;

-- case: cat_temp_table_visibility
CREATE TEMP TABLE dt_cat_temp_table_visibility (id int);
SELECT relname, relpersistence FROM pg_class WHERE relname = 'dt_cat_temp_table_visibility';
SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'dt_cat_temp_table_visibility' AND table_type = 'LOCAL TEMPORARY';

-- case: cat_table_exists_check_orm
CREATE TABLE dt_cat_table_exists_check_orm (id int);
SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'dt_cat_table_exists_check_orm') AS present;
SELECT EXISTS (SELECT FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'dt_cat_table_exists_missing') AS absent;
-- cleanup
DROP TABLE IF EXISTS dt_cat_table_exists_check_orm;

-- case: cat_psql_regex_pattern_filter
CREATE TABLE dt_cat_psql_regex_pattern_filter (id int);
SELECT n.nspname, c.relname FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relname OPERATOR(pg_catalog.~) '^(dt_cat_psql_regex_pattern_filter)$' COLLATE pg_catalog.default AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 2;
-- cleanup
DROP TABLE IF EXISTS dt_cat_psql_regex_pattern_filter;
