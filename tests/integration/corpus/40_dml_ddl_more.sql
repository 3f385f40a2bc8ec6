-- DML and DDL shorthand as PostgreSQL 15's docs (chapter 6) and ORMs (Django, Rails, Prisma, Hibernate,
-- SQLAlchemy) write it: DEFAULT, omitted columns, RETURNING, upserts, SELECT INTO, TRUNCATE, sequences, savepoints.

-- case: dmx_insert_default_keyword
CREATE TABLE dt_dmx_insert_default_keyword (id int, v text DEFAULT 'd', n int DEFAULT 7);
INSERT INTO dt_dmx_insert_default_keyword VALUES (1, DEFAULT, 3), (2, 'x', DEFAULT);
INSERT INTO dt_dmx_insert_default_keyword (id, n) VALUES (3, DEFAULT);
SELECT id, v, n FROM dt_dmx_insert_default_keyword ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_default_keyword;

-- case: dmx_insert_default_values
CREATE TABLE dt_dmx_insert_default_values (id serial PRIMARY KEY, v text DEFAULT 'none', n int DEFAULT 0);
INSERT INTO dt_dmx_insert_default_values DEFAULT VALUES;
INSERT INTO dt_dmx_insert_default_values DEFAULT VALUES;
SELECT id, v, n FROM dt_dmx_insert_default_values ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_default_values;

-- case: dmx_insert_default_values_returning
CREATE TABLE dt_dmx_insert_default_values_returning (id serial PRIMARY KEY, created text DEFAULT 'now');
INSERT INTO dt_dmx_insert_default_values_returning DEFAULT VALUES RETURNING id, created;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_default_values_returning;

-- case: dmx_insert_fewer_values_multirow
CREATE TABLE dt_dmx_insert_fewer_values_multirow (id int, v text DEFAULT 'dflt', n int);
INSERT INTO dt_dmx_insert_fewer_values_multirow VALUES (1), (2);
INSERT INTO dt_dmx_insert_fewer_values_multirow VALUES (3, 'c');
SELECT id, v, n FROM dt_dmx_insert_fewer_values_multirow ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_fewer_values_multirow;

-- case: dmx_insert_select_fewer_columns
CREATE TABLE dt_dmx_insert_select_fewer_columns (id int, v text DEFAULT 'gen');
INSERT INTO dt_dmx_insert_select_fewer_columns SELECT g FROM generate_series(1, 3) AS g;
SELECT id, v FROM dt_dmx_insert_select_fewer_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_select_fewer_columns;

-- case: dmx_insert_too_many_values
CREATE TABLE dt_dmx_insert_too_many_values (id int);
INSERT INTO dt_dmx_insert_too_many_values VALUES (1, 2);
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_too_many_values;

-- case: dmx_insert_column_list_reordered
CREATE TABLE dt_dmx_insert_column_list_reordered (id int, v text, n int DEFAULT 5);
INSERT INTO dt_dmx_insert_column_list_reordered (v, id) VALUES ('b', 2), ('a', 1);
SELECT id, v, n FROM dt_dmx_insert_column_list_reordered ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_column_list_reordered;

-- case: dmx_insert_returning_star
CREATE TABLE dt_dmx_insert_returning_star (id int, v text);
INSERT INTO dt_dmx_insert_returning_star VALUES (1, 'a'), (2, 'b') RETURNING *;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_returning_star;

-- case: dmx_insert_returning_expressions
CREATE TABLE dt_dmx_insert_returning_expressions (id int, v text);
INSERT INTO dt_dmx_insert_returning_expressions VALUES (4, 'abc') RETURNING id * 2 AS doubled, upper(v) AS up, length(v);
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_returning_expressions;

-- case: dmx_update_returning
CREATE TABLE dt_dmx_update_returning (id int, v text);
INSERT INTO dt_dmx_update_returning VALUES (1, 'a'), (2, 'b'), (3, 'c');
UPDATE dt_dmx_update_returning SET v = v || '!' WHERE id >= 2 RETURNING id, v;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_returning;

-- case: dmx_delete_returning_star
CREATE TABLE dt_dmx_delete_returning_star (id int, v text);
INSERT INTO dt_dmx_delete_returning_star VALUES (1, 'a'), (2, 'b');
DELETE FROM dt_dmx_delete_returning_star WHERE id = 2 RETURNING *;
SELECT id, v FROM dt_dmx_delete_returning_star ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_delete_returning_star;

-- case: dmx_update_from_join
CREATE TABLE dt_dmx_update_from_join_t (id int, price int);
CREATE TABLE dt_dmx_update_from_join_u (id int, delta int);
INSERT INTO dt_dmx_update_from_join_t VALUES (1, 10), (2, 20), (3, 30);
INSERT INTO dt_dmx_update_from_join_u VALUES (1, 5), (3, -5);
UPDATE dt_dmx_update_from_join_t t SET price = t.price + u.delta FROM dt_dmx_update_from_join_u u WHERE t.id = u.id;
SELECT id, price FROM dt_dmx_update_from_join_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_from_join_t;
DROP TABLE IF EXISTS dt_dmx_update_from_join_u;

-- case: dmx_update_from_returning_from_column
CREATE TABLE dt_dmx_update_from_returning_from_column_t (id int, price int);
CREATE TABLE dt_dmx_update_from_returning_from_column_u (id int, delta int);
INSERT INTO dt_dmx_update_from_returning_from_column_t VALUES (1, 10), (2, 20);
INSERT INTO dt_dmx_update_from_returning_from_column_u VALUES (2, 7);
UPDATE dt_dmx_update_from_returning_from_column_t t SET price = t.price + u.delta FROM dt_dmx_update_from_returning_from_column_u u WHERE t.id = u.id RETURNING t.id, t.price, u.delta;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_from_returning_from_column_t;
DROP TABLE IF EXISTS dt_dmx_update_from_returning_from_column_u;

-- case: dmx_delete_using
CREATE TABLE dt_dmx_delete_using_t (id int, v text);
CREATE TABLE dt_dmx_delete_using_u (id int);
INSERT INTO dt_dmx_delete_using_t VALUES (1, 'a'), (2, 'b'), (3, 'c');
INSERT INTO dt_dmx_delete_using_u VALUES (2), (3);
DELETE FROM dt_dmx_delete_using_t t USING dt_dmx_delete_using_u u WHERE t.id = u.id AND u.id > 2;
SELECT id, v FROM dt_dmx_delete_using_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_delete_using_t;
DROP TABLE IF EXISTS dt_dmx_delete_using_u;

-- case: dmx_update_set_default
CREATE TABLE dt_dmx_update_set_default (id int, n int DEFAULT 42, v text);
INSERT INTO dt_dmx_update_set_default VALUES (1, 1, 'a'), (2, 2, 'b');
UPDATE dt_dmx_update_set_default SET n = DEFAULT, v = upper(v) WHERE id = 2;
SELECT id, n, v FROM dt_dmx_update_set_default ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_set_default;

-- case: dmx_update_row_constructor_values
CREATE TABLE dt_dmx_update_row_constructor_values (id int, a int, b text);
INSERT INTO dt_dmx_update_row_constructor_values VALUES (1, 0, 'x');
UPDATE dt_dmx_update_row_constructor_values SET (a, b) = (5, 'y') WHERE id = 1;
SELECT id, a, b FROM dt_dmx_update_row_constructor_values ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_row_constructor_values;

-- case: dmx_update_row_constructor_subquery
CREATE TABLE dt_dmx_update_row_constructor_subquery_t (id int, a int, b text);
CREATE TABLE dt_dmx_update_row_constructor_subquery_s (id int, a int, b text);
INSERT INTO dt_dmx_update_row_constructor_subquery_t VALUES (1, 0, 'x'), (2, 0, 'y');
INSERT INTO dt_dmx_update_row_constructor_subquery_s VALUES (1, 9, 'nine');
UPDATE dt_dmx_update_row_constructor_subquery_t t SET (a, b) = (SELECT s.a, s.b FROM dt_dmx_update_row_constructor_subquery_s s WHERE s.id = t.id) WHERE t.id = 1;
SELECT id, a, b FROM dt_dmx_update_row_constructor_subquery_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_row_constructor_subquery_t;
DROP TABLE IF EXISTS dt_dmx_update_row_constructor_subquery_s;

-- case: dmx_upsert_do_nothing
CREATE TABLE dt_dmx_upsert_do_nothing (id int PRIMARY KEY, v text);
INSERT INTO dt_dmx_upsert_do_nothing VALUES (1, 'a');
INSERT INTO dt_dmx_upsert_do_nothing VALUES (1, 'b'), (2, 'c') ON CONFLICT (id) DO NOTHING;
SELECT id, v FROM dt_dmx_upsert_do_nothing ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_do_nothing;

-- case: dmx_upsert_do_nothing_returning
CREATE TABLE dt_dmx_upsert_do_nothing_returning (id int PRIMARY KEY, v text);
INSERT INTO dt_dmx_upsert_do_nothing_returning VALUES (1, 'a');
INSERT INTO dt_dmx_upsert_do_nothing_returning VALUES (1, 'b'), (2, 'c') ON CONFLICT DO NOTHING RETURNING id, v;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_do_nothing_returning;

-- case: dmx_upsert_excluded_returning
CREATE TABLE dt_dmx_upsert_excluded_returning (id int PRIMARY KEY, v text, hits int DEFAULT 0);
INSERT INTO dt_dmx_upsert_excluded_returning VALUES (1, 'a', 0);
INSERT INTO dt_dmx_upsert_excluded_returning AS t VALUES (1, 'b', 0) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v, hits = t.hits + 1 RETURNING id, v, hits;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_excluded_returning;

-- case: dmx_upsert_do_update_where
CREATE TABLE dt_dmx_upsert_do_update_where (id int PRIMARY KEY, v text);
INSERT INTO dt_dmx_upsert_do_update_where VALUES (1, 'a'), (2, 'b');
INSERT INTO dt_dmx_upsert_do_update_where VALUES (1, 'x'), (2, 'y') ON CONFLICT (id) DO UPDATE SET v = excluded.v WHERE dt_dmx_upsert_do_update_where.id = 2;
SELECT id, v FROM dt_dmx_upsert_do_update_where ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_do_update_where;

-- case: dmx_upsert_composite_key
CREATE TABLE dt_dmx_upsert_composite_key (a int, b int, v text, UNIQUE (a, b));
INSERT INTO dt_dmx_upsert_composite_key VALUES (1, 1, 'x'), (1, 2, 'y');
INSERT INTO dt_dmx_upsert_composite_key VALUES (1, 2, 'z'), (2, 2, 'w') ON CONFLICT (a, b) DO UPDATE SET v = excluded.v;
SELECT a, b, v FROM dt_dmx_upsert_composite_key ORDER BY a, b;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_composite_key;

-- case: dmx_upsert_on_constraint_pkey
CREATE TABLE dt_dmx_upsert_on_constraint_pkey (id int PRIMARY KEY, v text);
INSERT INTO dt_dmx_upsert_on_constraint_pkey VALUES (1, 'a');
INSERT INTO dt_dmx_upsert_on_constraint_pkey VALUES (1, 'b') ON CONFLICT ON CONSTRAINT dt_dmx_upsert_on_constraint_pkey_pkey DO UPDATE SET v = excluded.v;
SELECT id, v FROM dt_dmx_upsert_on_constraint_pkey ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_on_constraint_pkey;

-- case: dmx_sqlalchemy_bulk_upsert
CREATE TABLE dt_dmx_sqlalchemy_bulk_upsert (id integer NOT NULL, name varchar(50), qty integer, PRIMARY KEY (id));
INSERT INTO dt_dmx_sqlalchemy_bulk_upsert (id, name, qty) VALUES (1, 'apple', 3), (2, 'pear', 4);
INSERT INTO dt_dmx_sqlalchemy_bulk_upsert (id, name, qty) VALUES (2, 'pear', 10), (3, 'plum', 1) ON CONFLICT (id) DO UPDATE SET name = excluded.name, qty = excluded.qty;
SELECT id, name, qty FROM dt_dmx_sqlalchemy_bulk_upsert ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_sqlalchemy_bulk_upsert;

-- case: dmx_django_bulk_create_returning
CREATE TABLE "dt_dmx_django_bulk_create_returning" ("id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "name" varchar(100) NOT NULL, "age" integer NOT NULL);
INSERT INTO "dt_dmx_django_bulk_create_returning" ("name", "age") VALUES ('ann', 30), ('bob', 40) RETURNING "dt_dmx_django_bulk_create_returning"."id";
-- cleanup
DROP TABLE IF EXISTS dt_dmx_django_bulk_create_returning;

-- case: dmx_django_serial_insert_returning
CREATE TABLE "dt_dmx_django_serial_insert_returning" ("id" serial NOT NULL PRIMARY KEY, "title" varchar(200) NOT NULL, "done" boolean NOT NULL);
INSERT INTO "dt_dmx_django_serial_insert_returning" ("title", "done") VALUES ('write tests', false) RETURNING "dt_dmx_django_serial_insert_returning"."id";
INSERT INTO "dt_dmx_django_serial_insert_returning" ("title", "done") VALUES ('ship', true), ('rest', false) RETURNING "dt_dmx_django_serial_insert_returning"."id";
UPDATE "dt_dmx_django_serial_insert_returning" SET "done" = true WHERE "dt_dmx_django_serial_insert_returning"."id" = 1;
SELECT "id", "title", "done" FROM "dt_dmx_django_serial_insert_returning" ORDER BY "id";
-- cleanup
DROP TABLE IF EXISTS dt_dmx_django_serial_insert_returning;

-- case: dmx_django_bulk_update_case
CREATE TABLE dt_dmx_django_bulk_update_case (id int PRIMARY KEY, v text);
INSERT INTO dt_dmx_django_bulk_update_case VALUES (1, 'a'), (2, 'b'), (3, 'c');
UPDATE "dt_dmx_django_bulk_update_case" SET "v" = CASE WHEN ("dt_dmx_django_bulk_update_case"."id" = 1) THEN 'one' WHEN ("dt_dmx_django_bulk_update_case"."id" = 2) THEN 'two' ELSE NULL END WHERE "dt_dmx_django_bulk_update_case"."id" IN (1, 2);
SELECT id, v FROM dt_dmx_django_bulk_update_case ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_django_bulk_update_case;

-- case: dmx_rails_insert_returning_id
CREATE TABLE "dt_dmx_rails_insert_returning_id" ("id" bigserial primary key, "name" character varying, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
INSERT INTO "dt_dmx_rails_insert_returning_id" ("name", "created_at", "updated_at") VALUES ('widget', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.123456') RETURNING "id";
UPDATE "dt_dmx_rails_insert_returning_id" SET "name" = 'gadget', "updated_at" = '2024-01-03 00:00:00' WHERE "dt_dmx_rails_insert_returning_id"."id" = 1;
SELECT "id", "name", "created_at", "updated_at" FROM "dt_dmx_rails_insert_returning_id" ORDER BY "id";
-- cleanup
DROP TABLE IF EXISTS dt_dmx_rails_insert_returning_id;

-- case: dmx_rails_upsert_all
CREATE TABLE "dt_dmx_rails_upsert_all" ("id" bigserial primary key, "sku" character varying NOT NULL, "qty" integer);
CREATE UNIQUE INDEX "index_dt_dmx_rails_upsert_all_on_sku" ON "dt_dmx_rails_upsert_all" ("sku");
INSERT INTO "dt_dmx_rails_upsert_all" ("sku", "qty") VALUES ('a', 1), ('b', 2) ON CONFLICT ("sku") DO UPDATE SET "qty"=excluded."qty" RETURNING "id";
INSERT INTO "dt_dmx_rails_upsert_all" ("sku", "qty") VALUES ('b', 20) ON CONFLICT ("sku") DO UPDATE SET "qty"=excluded."qty" RETURNING "id";
SELECT "sku", "qty" FROM "dt_dmx_rails_upsert_all" ORDER BY "sku";
-- cleanup
DROP TABLE IF EXISTS dt_dmx_rails_upsert_all;

-- case: dmx_upsert_returning_values_order
CREATE TABLE dt_dmx_upsert_returning_order (id serial PRIMARY KEY, code text UNIQUE, n int);
INSERT INTO dt_dmx_upsert_returning_order (code, n) VALUES ('m', 1), ('k', 2) ON CONFLICT (code) DO UPDATE SET n = excluded.n RETURNING id, code;
INSERT INTO dt_dmx_upsert_returning_order (code, n) VALUES ('z', 3), ('k', 20), ('a', 4), ('m', 10) ON CONFLICT (code) DO UPDATE SET n = dt_dmx_upsert_returning_order.n + excluded.n RETURNING code, n, id AS row_id;
INSERT INTO dt_dmx_upsert_returning_order (code, n) VALUES ('q', 5), ('a', 40), ('b', 6) ON CONFLICT (code) DO NOTHING RETURNING code;
SELECT id, code, n FROM dt_dmx_upsert_returning_order ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_returning_order;

-- case: dmx_prisma_upsert_qualified_returning
CREATE TABLE "public"."dt_dmx_prisma_upsert_qualified_returning" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, CONSTRAINT "dt_dmx_prisma_upsert_qualified_returning_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "dt_dmx_prisma_upsert_qualified_returning_email_key" ON "public"."dt_dmx_prisma_upsert_qualified_returning"("email");
INSERT INTO "public"."dt_dmx_prisma_upsert_qualified_returning" ("email","name") VALUES ('a@x.io','Ann') ON CONFLICT ("email") DO UPDATE SET "name" = 'Ann' RETURNING "public"."dt_dmx_prisma_upsert_qualified_returning"."id", "public"."dt_dmx_prisma_upsert_qualified_returning"."email", "public"."dt_dmx_prisma_upsert_qualified_returning"."name";
INSERT INTO "public"."dt_dmx_prisma_upsert_qualified_returning" ("email","name") VALUES ('a@x.io','Annie') ON CONFLICT ("email") DO UPDATE SET "name" = 'Annie' RETURNING "public"."dt_dmx_prisma_upsert_qualified_returning"."id", "public"."dt_dmx_prisma_upsert_qualified_returning"."name";
-- cleanup
DROP TABLE IF EXISTS dt_dmx_prisma_upsert_qualified_returning;

-- case: dmx_hibernate_sequence_increment
CREATE SEQUENCE dt_dmx_hibernate_sequence_increment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE dt_dmx_hibernate_sequence_increment (id bigint NOT NULL, name varchar(255), PRIMARY KEY (id));
SELECT nextval('dt_dmx_hibernate_sequence_increment_seq');
SELECT nextval('dt_dmx_hibernate_sequence_increment_seq');
INSERT INTO dt_dmx_hibernate_sequence_increment (name, id) VALUES ('a', 1), ('b', 2);
SELECT id, name FROM dt_dmx_hibernate_sequence_increment ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_hibernate_sequence_increment;
DROP SEQUENCE IF EXISTS dt_dmx_hibernate_sequence_increment_seq;

-- case: dmx_select_into_where
CREATE TABLE dt_dmx_select_into_where_src (id int, v text);
INSERT INTO dt_dmx_select_into_where_src VALUES (1, 'a'), (2, 'b'), (3, 'c');
SELECT id, v INTO dt_dmx_select_into_where_dst FROM dt_dmx_select_into_where_src WHERE id > 1;
SELECT id, v FROM dt_dmx_select_into_where_dst ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_select_into_where_dst;
DROP TABLE IF EXISTS dt_dmx_select_into_where_src;

-- case: dmx_select_into_temp
SELECT g AS n, g * g AS sq INTO TEMP TABLE dt_dmx_select_into_temp FROM generate_series(1, 4) AS g;
SELECT n, sq FROM dt_dmx_select_into_temp ORDER BY n;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_select_into_temp;

-- case: dmx_select_into_existing_table
CREATE TABLE dt_dmx_select_into_existing_table (id int);
SELECT 1 AS id INTO dt_dmx_select_into_existing_table;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_select_into_existing_table;

-- case: dmx_create_table_as_aggregate
CREATE TABLE dt_dmx_create_table_as_aggregate_src (g text, n int);
INSERT INTO dt_dmx_create_table_as_aggregate_src VALUES ('a', 1), ('a', 2), ('b', 5);
CREATE TABLE dt_dmx_create_table_as_aggregate AS SELECT g, sum(n) AS total FROM dt_dmx_create_table_as_aggregate_src GROUP BY g;
SELECT g, total FROM dt_dmx_create_table_as_aggregate ORDER BY g;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_create_table_as_aggregate;
DROP TABLE IF EXISTS dt_dmx_create_table_as_aggregate_src;

-- case: dmx_truncate_and_reinsert
CREATE TABLE dt_dmx_truncate_and_reinsert (id int, v text);
INSERT INTO dt_dmx_truncate_and_reinsert VALUES (1, 'a'), (2, 'b');
TRUNCATE TABLE dt_dmx_truncate_and_reinsert;
SELECT count(*) FROM dt_dmx_truncate_and_reinsert;
INSERT INTO dt_dmx_truncate_and_reinsert VALUES (3, 'c');
SELECT id, v FROM dt_dmx_truncate_and_reinsert ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_truncate_and_reinsert;

-- case: dmx_truncate_continue_identity
CREATE TABLE dt_dmx_truncate_continue_identity (id serial, v text);
INSERT INTO dt_dmx_truncate_continue_identity (v) VALUES ('a'), ('b');
TRUNCATE dt_dmx_truncate_continue_identity CONTINUE IDENTITY;
INSERT INTO dt_dmx_truncate_continue_identity (v) VALUES ('c') RETURNING id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_truncate_continue_identity;

-- case: dmx_truncate_restart_identity_two_tables
CREATE TABLE dt_dmx_truncate_restart_identity_two_tables_a (id serial, v text);
CREATE TABLE dt_dmx_truncate_restart_identity_two_tables_b (id serial, v text);
INSERT INTO dt_dmx_truncate_restart_identity_two_tables_a (v) VALUES ('a'), ('b');
INSERT INTO dt_dmx_truncate_restart_identity_two_tables_b (v) VALUES ('c');
TRUNCATE dt_dmx_truncate_restart_identity_two_tables_a, dt_dmx_truncate_restart_identity_two_tables_b RESTART IDENTITY;
INSERT INTO dt_dmx_truncate_restart_identity_two_tables_a (v) VALUES ('x') RETURNING id;
INSERT INTO dt_dmx_truncate_restart_identity_two_tables_b (v) VALUES ('y') RETURNING id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_truncate_restart_identity_two_tables_a;
DROP TABLE IF EXISTS dt_dmx_truncate_restart_identity_two_tables_b;

-- case: dmx_sequence_currval
CREATE SEQUENCE dt_dmx_sequence_currval START 10;
SELECT nextval('dt_dmx_sequence_currval');
SELECT nextval('dt_dmx_sequence_currval');
SELECT currval('dt_dmx_sequence_currval');
-- cleanup
DROP SEQUENCE IF EXISTS dt_dmx_sequence_currval;

-- case: dmx_setval_then_nextval
CREATE SEQUENCE dt_dmx_setval_then_nextval;
SELECT setval('dt_dmx_setval_then_nextval', 100);
SELECT nextval('dt_dmx_setval_then_nextval');
-- cleanup
DROP SEQUENCE IF EXISTS dt_dmx_setval_then_nextval;

-- case: dmx_setval_not_called
CREATE SEQUENCE dt_dmx_setval_not_called;
SELECT setval('dt_dmx_setval_not_called', 7, false);
SELECT nextval('dt_dmx_setval_not_called');
-- cleanup
DROP SEQUENCE IF EXISTS dt_dmx_setval_not_called;

-- case: dmx_lastval_after_serial_insert
CREATE TABLE dt_dmx_lastval_after_serial_insert (id serial, v text);
INSERT INTO dt_dmx_lastval_after_serial_insert (v) VALUES ('a'), ('b');
SELECT lastval();
-- cleanup
DROP TABLE IF EXISTS dt_dmx_lastval_after_serial_insert;

-- case: dmx_alter_sequence_restart_plain
CREATE SEQUENCE dt_dmx_alter_sequence_restart_plain START 5;
SELECT nextval('dt_dmx_alter_sequence_restart_plain');
SELECT nextval('dt_dmx_alter_sequence_restart_plain');
ALTER SEQUENCE dt_dmx_alter_sequence_restart_plain RESTART;
SELECT nextval('dt_dmx_alter_sequence_restart_plain');
-- cleanup
DROP SEQUENCE IF EXISTS dt_dmx_alter_sequence_restart_plain;

-- case: dmx_savepoint_release
CREATE TABLE dt_dmx_savepoint_release (id int);
BEGIN;
INSERT INTO dt_dmx_savepoint_release VALUES (1);
SAVEPOINT s1;
INSERT INTO dt_dmx_savepoint_release VALUES (2);
RELEASE SAVEPOINT s1;
COMMIT;
SELECT id FROM dt_dmx_savepoint_release ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_savepoint_release;

-- case: dmx_savepoint_rollback_before_write
CREATE TABLE dt_dmx_savepoint_rollback_before_write (id int);
BEGIN;
SAVEPOINT s1;
SELECT count(*) FROM dt_dmx_savepoint_rollback_before_write;
ROLLBACK TO SAVEPOINT s1;
INSERT INTO dt_dmx_savepoint_rollback_before_write VALUES (1);
COMMIT;
SELECT id FROM dt_dmx_savepoint_rollback_before_write ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_savepoint_rollback_before_write;

-- case: dmx_savepoint_rollback_undoes_insert
CREATE TABLE dt_dmx_savepoint_rollback_undoes_insert (id int);
BEGIN;
INSERT INTO dt_dmx_savepoint_rollback_undoes_insert VALUES (1);
SAVEPOINT s1;
INSERT INTO dt_dmx_savepoint_rollback_undoes_insert VALUES (2);
ROLLBACK TO SAVEPOINT s1;
INSERT INTO dt_dmx_savepoint_rollback_undoes_insert VALUES (3);
COMMIT;
SELECT id FROM dt_dmx_savepoint_rollback_undoes_insert ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_savepoint_rollback_undoes_insert;

-- case: dmx_insert_select_returning
CREATE TABLE dt_dmx_insert_select_returning (id int, sq int);
INSERT INTO dt_dmx_insert_select_returning SELECT g, g * g FROM generate_series(1, 3) AS g RETURNING id, sq;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_select_returning;

-- case: dmx_insert_from_cte
CREATE TABLE dt_dmx_insert_from_cte (id int, label text);
WITH src(id, label) AS (VALUES (1, 'one'), (2, 'two')) INSERT INTO dt_dmx_insert_from_cte SELECT id, label FROM src;
SELECT id, label FROM dt_dmx_insert_from_cte ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_from_cte;

-- case: dmx_update_where_in_subquery
CREATE TABLE dt_dmx_update_where_in_subquery_t (id int, flagged boolean DEFAULT false);
CREATE TABLE dt_dmx_update_where_in_subquery_b (id int);
INSERT INTO dt_dmx_update_where_in_subquery_t (id) VALUES (1), (2), (3);
INSERT INTO dt_dmx_update_where_in_subquery_b VALUES (2), (3);
UPDATE dt_dmx_update_where_in_subquery_t SET flagged = true WHERE id IN (SELECT id FROM dt_dmx_update_where_in_subquery_b);
SELECT id, flagged FROM dt_dmx_update_where_in_subquery_t ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_where_in_subquery_t;
DROP TABLE IF EXISTS dt_dmx_update_where_in_subquery_b;

-- case: dmx_delete_where_exists
CREATE TABLE dt_dmx_delete_where_exists_o (id int, customer int);
CREATE TABLE dt_dmx_delete_where_exists_c (id int, banned boolean);
INSERT INTO dt_dmx_delete_where_exists_o VALUES (1, 10), (2, 20), (3, 10);
INSERT INTO dt_dmx_delete_where_exists_c VALUES (10, true), (20, false);
DELETE FROM dt_dmx_delete_where_exists_o o WHERE EXISTS (SELECT 1 FROM dt_dmx_delete_where_exists_c c WHERE c.id = o.customer AND c.banned);
SELECT id, customer FROM dt_dmx_delete_where_exists_o ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_delete_where_exists_o;
DROP TABLE IF EXISTS dt_dmx_delete_where_exists_c;

-- case: dmx_update_no_rows
CREATE TABLE dt_dmx_update_no_rows (id int);
INSERT INTO dt_dmx_update_no_rows VALUES (1);
UPDATE dt_dmx_update_no_rows SET id = 2 WHERE id = 99;
DELETE FROM dt_dmx_update_no_rows WHERE false;
DELETE FROM dt_dmx_update_no_rows;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_no_rows;

-- case: dmx_insert_typed_literals
CREATE TABLE dt_dmx_insert_typed_literals (d date, ts timestamp, amount numeric(8, 2), ok boolean);
INSERT INTO dt_dmx_insert_typed_literals VALUES ('2024-02-29', '2024-02-29 12:30:00', 12.345, 't'), (DATE '2023-01-01', TIMESTAMP '2023-01-01 00:00:01', '7', 'no');
SELECT d, ts, amount, ok FROM dt_dmx_insert_typed_literals ORDER BY d;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_insert_typed_literals;

-- case: dmx_identity_always
CREATE TABLE dt_dmx_identity_always (id int GENERATED ALWAYS AS IDENTITY, v text);
INSERT INTO dt_dmx_identity_always (v) VALUES ('a'), ('b') RETURNING id, v;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_identity_always;

-- case: dmx_docs_products_discount
CREATE TABLE dt_dmx_docs_products_discount (product_no integer, name text, price numeric);
INSERT INTO dt_dmx_docs_products_discount (product_no, name, price) VALUES (1, 'Cheese', 9.99), (2, 'Bread', 1.99), (3, 'Milk', 2.99);
UPDATE dt_dmx_docs_products_discount SET price = price * 1.10 WHERE price <= 2.99 RETURNING name, price AS new_price;
DELETE FROM dt_dmx_docs_products_discount WHERE price < 3 RETURNING product_no;
SELECT product_no, name, price FROM dt_dmx_docs_products_discount ORDER BY product_no;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_docs_products_discount;

-- case: dmx_docs_users_firstname
CREATE TABLE dt_dmx_docs_users_firstname (firstname text, lastname text, id serial primary key);
INSERT INTO dt_dmx_docs_users_firstname (firstname, lastname) VALUES ('Joe', 'Cool') RETURNING id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_docs_users_firstname;

-- case: dmx_upsert_conflict_twice
CREATE TABLE dt_dmx_upsert_conflict_twice (id int PRIMARY KEY, v text);
INSERT INTO dt_dmx_upsert_conflict_twice VALUES (1, 'a'), (1, 'b') ON CONFLICT (id) DO UPDATE SET v = excluded.v;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_conflict_twice;
-- case: dmx_upsert_on_constraint_unique_default_name
CREATE TABLE dt_dmx_upsert_on_constraint_unique_default_name (a int, b int, v text, UNIQUE (a, b));
INSERT INTO dt_dmx_upsert_on_constraint_unique_default_name VALUES (1, 1, 'x');
INSERT INTO dt_dmx_upsert_on_constraint_unique_default_name VALUES (1, 1, 'y'), (2, 1, 'z') ON CONFLICT ON CONSTRAINT dt_dmx_upsert_on_constraint_unique_default_name_a_b_key DO UPDATE SET v = excluded.v RETURNING a, b, v;
INSERT INTO dt_dmx_upsert_on_constraint_unique_default_name VALUES (1, 1, 'w') ON CONFLICT ON CONSTRAINT dt_dmx_no_such_constraint DO NOTHING;
SELECT a, b, v FROM dt_dmx_upsert_on_constraint_unique_default_name ORDER BY a, b;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_upsert_on_constraint_unique_default_name;

-- case: dmx_update_multi_assign_mixed
CREATE TABLE dt_dmx_update_multi_assign_mixed (id int, a int, b text, c int);
INSERT INTO dt_dmx_update_multi_assign_mixed VALUES (1, 1, 'p', 0), (2, 2, 'q', 0);
UPDATE dt_dmx_update_multi_assign_mixed SET c = 9, (a, b) = (SELECT max(a) + 10, 'm' FROM dt_dmx_update_multi_assign_mixed) WHERE id = 2 RETURNING id, a, b, c;
SELECT id, a, b, c FROM dt_dmx_update_multi_assign_mixed ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_dmx_update_multi_assign_mixed;
