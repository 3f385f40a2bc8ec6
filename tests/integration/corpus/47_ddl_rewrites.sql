-- DDL and query clauses PostgreSQL users type that DuckDB's grammar lacks, which Duckgres rewrites: ALTER TABLE with
-- several actions, generated columns, index variants, CREATE TABLE (LIKE ...), SQL functions, domains, views
-- that depend on a dropped relation, SEARCH / CYCLE of recursive CTEs and an empty select list.

-- case: ddl_alter_actions_all_or_nothing
CREATE TABLE dt_ddl_alter_actions_all_or_nothing (id int);
ALTER TABLE dt_ddl_alter_actions_all_or_nothing ADD COLUMN a int, ALTER COLUMN missing SET NOT NULL;
SELECT * FROM dt_ddl_alter_actions_all_or_nothing;
ALTER TABLE dt_ddl_alter_actions_all_or_nothing ADD COLUMN a int, ADD COLUMN b text DEFAULT 'x', DROP COLUMN id;
INSERT INTO dt_ddl_alter_actions_all_or_nothing (a) VALUES (1);
SELECT * FROM dt_ddl_alter_actions_all_or_nothing;
BEGIN;
ALTER TABLE dt_ddl_alter_actions_all_or_nothing ADD COLUMN c int, ADD COLUMN d boolean DEFAULT true;
SELECT * FROM dt_ddl_alter_actions_all_or_nothing;
ROLLBACK;
SELECT * FROM dt_ddl_alter_actions_all_or_nothing;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_alter_actions_all_or_nothing;

-- case: ddl_generated_column_reads
CREATE TABLE dt_ddl_generated_column_reads (price numeric(8,2), qty int, total numeric(10,2) GENERATED ALWAYS AS (price * qty) STORED);
INSERT INTO dt_ddl_generated_column_reads (price, qty) VALUES (2.50, 4), (1.25, 2);
UPDATE dt_ddl_generated_column_reads SET qty = qty + 1 WHERE price = 1.25;
SELECT price, qty, total FROM dt_ddl_generated_column_reads ORDER BY price;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_generated_column_reads;

-- case: ddl_generated_column_writes
CREATE TABLE dt_ddl_generated_column_writes (price numeric(8,2), qty int, total numeric(10,2) GENERATED ALWAYS AS (price * qty) STORED);
INSERT INTO dt_ddl_generated_column_writes VALUES (1.25, 2, DEFAULT);
INSERT INTO dt_ddl_generated_column_writes (price, qty, total) VALUES (1, 1, 1);
UPDATE dt_ddl_generated_column_writes SET total = 0;
SELECT price, qty, total FROM dt_ddl_generated_column_writes ORDER BY price;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_generated_column_writes;

-- case: ddl_generated_column_middle_default
CREATE TABLE dt_ddl_generated_column_middle (a int, doubled int GENERATED ALWAYS AS (a * 2) STORED, note text);
INSERT INTO dt_ddl_generated_column_middle VALUES (1, DEFAULT, 'x'), (2, DEFAULT, 'y');
INSERT INTO dt_ddl_generated_column_middle VALUES (3, DEFAULT);
INSERT INTO dt_ddl_generated_column_middle VALUES (4, 8, 'z');
INSERT INTO dt_ddl_generated_column_middle VALUES (5, DEFAULT, 'w'), (6, 12, 'v');
INSERT INTO dt_ddl_generated_column_middle (a, doubled) VALUES (7, DEFAULT);
SELECT a, doubled, note FROM dt_ddl_generated_column_middle ORDER BY a;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_generated_column_middle;

-- case: ddl_index_more_variants
CREATE TABLE dt_ddl_index_more_variants (id int, name text, score int);
CREATE INDEX CONCURRENTLY dt_ddl_index_more_variants_c ON dt_ddl_index_more_variants (id);
CREATE INDEX dt_ddl_index_more_variants_i ON dt_ddl_index_more_variants (id) INCLUDE (name);
CREATE INDEX dt_ddl_index_more_variants_n ON dt_ddl_index_more_variants (score DESC NULLS LAST, id ASC NULLS FIRST);
CREATE INDEX dt_ddl_index_more_variants_p ON dt_ddl_index_more_variants (lower(name)) WHERE score > 10;
INSERT INTO dt_ddl_index_more_variants VALUES (1, 'Ann', 20), (2, 'Bob', 5), (3, 'ann', NULL);
SELECT id FROM dt_ddl_index_more_variants WHERE lower(name) = 'ann' ORDER BY id;
SELECT id FROM dt_ddl_index_more_variants WHERE score > 1 ORDER BY score DESC;
DROP INDEX dt_ddl_index_more_variants_p;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_index_more_variants;

-- case: ddl_index_partial_unique
CREATE TABLE dt_ddl_index_partial_unique (id int, active boolean);
CREATE UNIQUE INDEX dt_ddl_index_partial_unique_a ON dt_ddl_index_partial_unique (id) WHERE active;
INSERT INTO dt_ddl_index_partial_unique VALUES (1, true), (1, false);
INSERT INTO dt_ddl_index_partial_unique VALUES (1, true);
SELECT count(*) AS n FROM dt_ddl_index_partial_unique;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_index_partial_unique;

-- case: ddl_create_table_like_variants
CREATE TABLE dt_ddl_create_table_like_variants (id int NOT NULL, name varchar(5) DEFAULT 'n', amount numeric(8,2) DEFAULT 1.5);
CREATE TABLE dt_ddl_create_table_like_variants_plain (LIKE dt_ddl_create_table_like_variants);
INSERT INTO dt_ddl_create_table_like_variants_plain (id) VALUES (1);
SELECT id, name, amount FROM dt_ddl_create_table_like_variants_plain;
INSERT INTO dt_ddl_create_table_like_variants_plain (id, name) VALUES (2, 'toolong');
CREATE TABLE dt_ddl_create_table_like_variants_all (LIKE dt_ddl_create_table_like_variants INCLUDING ALL, extra text DEFAULT 'e');
INSERT INTO dt_ddl_create_table_like_variants_all (id) VALUES (1);
SELECT * FROM dt_ddl_create_table_like_variants_all;
SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'dt_ddl_create_table_like_variants_all' ORDER BY ordinal_position;
CREATE TABLE dt_ddl_create_table_like_variants_none (LIKE dt_ddl_create_table_like_variants_missing);
-- cleanup
DROP TABLE IF EXISTS dt_ddl_create_table_like_variants_none;
DROP TABLE IF EXISTS dt_ddl_create_table_like_variants_all;
DROP TABLE IF EXISTS dt_ddl_create_table_like_variants_plain;
DROP TABLE IF EXISTS dt_ddl_create_table_like_variants;

-- case: ddl_sql_function_forms
CREATE FUNCTION dt_ddl_sql_function_forms_sum(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2';
CREATE FUNCTION dt_ddl_sql_function_forms_inc(a int) RETURNS int LANGUAGE sql STRICT RETURN a + 1;
CREATE FUNCTION dt_ddl_sql_function_forms_half(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a / 2; END;
SELECT dt_ddl_sql_function_forms_sum(2, 3) AS s, dt_ddl_sql_function_forms_inc(NULL) AS n, dt_ddl_sql_function_forms_inc(4) AS i, dt_ddl_sql_function_forms_half(5) AS h;
CREATE TABLE dt_ddl_sql_function_forms (id int, name text);
INSERT INTO dt_ddl_sql_function_forms VALUES (1, 'one'), (2, 'two'), (3, 'three');
CREATE FUNCTION dt_ddl_sql_function_forms_name(x int) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM dt_ddl_sql_function_forms WHERE id = x $$;
SELECT dt_ddl_sql_function_forms_name(2) AS two, dt_ddl_sql_function_forms_name(9) AS none;
CREATE FUNCTION dt_ddl_sql_function_forms_above(x int) RETURNS TABLE (k int, v text) LANGUAGE sql AS 'SELECT id, name FROM dt_ddl_sql_function_forms WHERE id > x';
SELECT k, v FROM dt_ddl_sql_function_forms_above(1) ORDER BY k;
DROP FUNCTION dt_ddl_sql_function_forms_sum(int, int), dt_ddl_sql_function_forms_inc(int);
SELECT dt_ddl_sql_function_forms_sum(2, 3);
-- cleanup
DROP FUNCTION IF EXISTS dt_ddl_sql_function_forms_above(int);
DROP FUNCTION IF EXISTS dt_ddl_sql_function_forms_name(int);
DROP FUNCTION IF EXISTS dt_ddl_sql_function_forms_half(int);
DROP FUNCTION IF EXISTS dt_ddl_sql_function_forms_inc(int);
DROP FUNCTION IF EXISTS dt_ddl_sql_function_forms_sum(int, int);
DROP TABLE IF EXISTS dt_ddl_sql_function_forms;

-- case: ddl_drop_dependent_views
CREATE TABLE dt_ddl_drop_dependent_views (a int);
CREATE VIEW dt_ddl_drop_dependent_views_v1 AS SELECT a FROM dt_ddl_drop_dependent_views;
CREATE VIEW dt_ddl_drop_dependent_views_v2 AS SELECT a * 2 AS b FROM dt_ddl_drop_dependent_views_v1;
DROP VIEW dt_ddl_drop_dependent_views_v1;
DROP TABLE dt_ddl_drop_dependent_views;
DROP TABLE dt_ddl_drop_dependent_views CASCADE;
SELECT count(*) AS n FROM information_schema.views WHERE table_name LIKE 'dt_ddl_drop_dependent_views%';
-- cleanup
DROP VIEW IF EXISTS dt_ddl_drop_dependent_views_v2;
DROP VIEW IF EXISTS dt_ddl_drop_dependent_views_v1;
DROP TABLE IF EXISTS dt_ddl_drop_dependent_views;

-- case: rcte_search_breadth_first
CREATE TABLE dt_rcte_search_breadth_first (id int, parent int);
INSERT INTO dt_rcte_search_breadth_first VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 3), (6, 4);
WITH RECURSIVE t(id, depth) AS (SELECT id, 0 FROM dt_rcte_search_breadth_first WHERE parent IS NULL UNION ALL SELECT c.id, t.depth + 1 FROM dt_rcte_search_breadth_first c JOIN t ON c.parent = t.id) SEARCH BREADTH FIRST BY id SET ord SELECT id, depth FROM t ORDER BY ord;
WITH RECURSIVE t(id) AS (SELECT id FROM dt_rcte_search_breadth_first WHERE parent IS NULL UNION ALL SELECT c.id FROM dt_rcte_search_breadth_first c JOIN t AS p ON c.parent = p.id) SEARCH DEPTH FIRST BY id SET ord SELECT id FROM t ORDER BY ord;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_search_breadth_first;

-- case: rcte_cycle_two_columns
CREATE TABLE dt_rcte_cycle_two_columns (src text, dst text);
INSERT INTO dt_rcte_cycle_two_columns VALUES ('a', 'b'), ('b', 'c'), ('c', 'a'), ('c', 'd');
WITH RECURSIVE walk(src, dst, hops) AS (SELECT src, dst, 1 FROM dt_rcte_cycle_two_columns WHERE src = 'a' UNION ALL SELECT e.src, e.dst, w.hops + 1 FROM dt_rcte_cycle_two_columns e JOIN walk w ON e.src = w.dst) CYCLE src, dst SET looped TO 'Y' DEFAULT 'N' USING trail SELECT src, dst, hops, looped FROM walk ORDER BY hops, src, dst;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_cycle_two_columns;

-- case: misc_select_empty_list
CREATE TABLE dt_misc_select_empty_list (a int);
INSERT INTO dt_misc_select_empty_list VALUES (1), (2), (3);
SELECT FROM dt_misc_select_empty_list WHERE a > 1;
SELECT FROM dt_misc_select_empty_list WHERE a > 5;
SELECT EXISTS (SELECT FROM dt_misc_select_empty_list) AS e;
-- cleanup
DROP TABLE IF EXISTS dt_misc_select_empty_list;

-- case: ddl_domain_not_null_check
CREATE DOMAIN dt_ddl_domain_not_null_check_code AS text NOT NULL CHECK (length(VALUE) = 3);
CREATE TABLE dt_ddl_domain_not_null_check (id int, code dt_ddl_domain_not_null_check_code);
INSERT INTO dt_ddl_domain_not_null_check VALUES (1, 'abc');
INSERT INTO dt_ddl_domain_not_null_check VALUES (2, 'toolong');
INSERT INTO dt_ddl_domain_not_null_check VALUES (3, NULL);
SELECT id, code FROM dt_ddl_domain_not_null_check ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_ddl_domain_not_null_check;
DROP DOMAIN IF EXISTS dt_ddl_domain_not_null_check_code;
