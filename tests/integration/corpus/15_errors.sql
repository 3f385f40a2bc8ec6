-- Errors: only the SQLSTATE is compared, not the message text.

-- case: err_syntax_error
SELEC 1;

-- case: err_syntax_error_trailing
SELECT 1 +;

-- case: err_syntax_unterminated_string
-- raw
SELECT 'abc;
SELECT "unterminated identifier;

-- case: err_undefined_table
SELECT * FROM dt_err_does_not_exist;

-- case: err_undefined_column
SELECT no_such_column FROM (VALUES (1)) AS t(a);

-- case: err_undefined_column_in_table
CREATE TABLE dt_err_cols (a int);
SELECT b FROM dt_err_cols;
INSERT INTO dt_err_cols (zzz) VALUES (1);
-- cleanup
DROP TABLE IF EXISTS dt_err_cols;

-- case: err_undefined_function
SELECT no_such_function(1);

-- case: err_function_wrong_argument_types
SELECT length(42, 43);

-- case: err_operator_does_not_exist
SELECT 'a'::text + 1;

-- case: err_division_by_zero_int
SELECT 1 / 0;

-- case: err_division_by_zero_bigint_modulo
SELECT 5::bigint % 0;

-- case: err_division_by_zero_numeric
SELECT 1.0 / 0;

-- case: err_division_by_zero_float
SELECT 1::float8 / 0;

-- case: err_division_by_zero_in_table
CREATE TABLE dt_err_div (a int, b int);
INSERT INTO dt_err_div VALUES (1, 1), (2, 0);
SELECT a / b FROM dt_err_div ORDER BY a;
-- cleanup
DROP TABLE IF EXISTS dt_err_div;

-- case: err_invalid_text_representation_int
SELECT 'abc'::int;

-- case: err_invalid_text_representation_others
SELECT '1.5'::int;
SELECT 'maybe'::boolean;
SELECT 'not-a-uuid'::uuid;
SELECT '12abc'::numeric;

-- case: err_invalid_datetime
SELECT 'not a date'::date;
SELECT '2024-13-01'::date;
SELECT '2024-02-30'::date;
SELECT '25:00:00'::time;

-- case: err_invalid_json
SELECT '{bad json'::json;

-- case: err_unique_violation
CREATE TABLE dt_err_unique (id int PRIMARY KEY);
INSERT INTO dt_err_unique VALUES (1);
INSERT INTO dt_err_unique VALUES (1);
INSERT INTO dt_err_unique VALUES (2), (2);
SELECT count(*) AS n FROM dt_err_unique;
-- cleanup
DROP TABLE IF EXISTS dt_err_unique;

-- case: err_unique_violation_update
CREATE TABLE dt_err_unique_upd (id int UNIQUE);
INSERT INTO dt_err_unique_upd VALUES (1), (2);
UPDATE dt_err_unique_upd SET id = 1 WHERE id = 2;
-- cleanup
DROP TABLE IF EXISTS dt_err_unique_upd;

-- case: err_not_null_violation
CREATE TABLE dt_err_notnull (id int NOT NULL, v text NOT NULL);
INSERT INTO dt_err_notnull VALUES (NULL, 'x');
INSERT INTO dt_err_notnull (id) VALUES (1);
INSERT INTO dt_err_notnull VALUES (1, 'ok');
UPDATE dt_err_notnull SET v = NULL;
SELECT count(*) AS n FROM dt_err_notnull;
-- cleanup
DROP TABLE IF EXISTS dt_err_notnull;

-- case: err_int4_out_of_range
SELECT 2147483647 + 1;

-- case: err_int2_int8_out_of_range
SELECT 32768::smallint;
SELECT 9223372036854775807 + 1;
SELECT (-2147483648) * -1;
SELECT 2147483648::int;

-- case: err_numeric_overflow
SELECT 12345.678::numeric(5,2);

-- case: err_out_of_range_insert
CREATE TABLE dt_err_range (s smallint);
INSERT INTO dt_err_range VALUES (40000);
-- cleanup
DROP TABLE IF EXISTS dt_err_range;

-- case: err_string_too_long
CREATE TABLE dt_err_varchar (v varchar(3));
INSERT INTO dt_err_varchar VALUES ('abcd');
INSERT INTO dt_err_varchar VALUES ('abc');
SELECT v FROM dt_err_varchar;
-- cleanup
DROP TABLE IF EXISTS dt_err_varchar;

-- case: err_duplicate_table
CREATE TABLE dt_err_dup (a int);
CREATE TABLE dt_err_dup (a int);
-- cleanup
DROP TABLE IF EXISTS dt_err_dup;

-- case: err_duplicate_schema
CREATE SCHEMA dt_err_dup_schema;
CREATE SCHEMA dt_err_dup_schema;
-- cleanup
DROP SCHEMA IF EXISTS dt_err_dup_schema CASCADE;

-- case: err_duplicate_column
CREATE TABLE dt_err_dupcol (a int, a text);
-- cleanup
DROP TABLE IF EXISTS dt_err_dupcol;

-- case: err_drop_missing_objects
DROP TABLE dt_err_never_existed;
DROP VIEW dt_err_never_existed_v;
DROP SCHEMA dt_err_never_existed_s;
DROP SEQUENCE dt_err_never_existed_q;

-- case: err_schema_does_not_exist
CREATE TABLE dt_err_nosuchschema.t (a int);
SELECT * FROM dt_err_nosuchschema.t;
-- cleanup
DROP SCHEMA IF EXISTS dt_err_nosuchschema CASCADE;

-- case: err_scalar_subquery_multiple_rows
SELECT (SELECT g FROM generate_series(1, 2) AS g);

-- case: err_ambiguous_column
SELECT a FROM (VALUES (1)) AS x(a), (VALUES (2)) AS y(a);

-- case: err_grouping_error
SELECT a, count(*) FROM (VALUES (1, 2)) AS t(a, b) GROUP BY b;

-- case: err_datatype_mismatch
SELECT CASE WHEN true THEN 1 ELSE 'x'::text END;
SELECT 1 UNION SELECT 'a'::text;

-- case: err_cannot_coerce
SELECT true::date;

-- case: err_wrong_column_count_insert
CREATE TABLE dt_err_colcount (a int);
INSERT INTO dt_err_colcount VALUES (1, 2);
-- cleanup
DROP TABLE IF EXISTS dt_err_colcount;

-- case: err_check_violation
CREATE TABLE dt_err_check (v int CHECK (v > 0));
INSERT INTO dt_err_check VALUES (-1);
-- cleanup
DROP TABLE IF EXISTS dt_err_check;

-- case: err_dependent_objects
CREATE TABLE dt_err_dep (a int);
CREATE VIEW dt_err_dep_view AS SELECT a FROM dt_err_dep;
DROP TABLE dt_err_dep;
DROP VIEW dt_err_dep_view;
DROP TABLE dt_err_dep;
-- cleanup
DROP VIEW IF EXISTS dt_err_dep_view;
DROP TABLE IF EXISTS dt_err_dep;

-- case: err_invalid_argument_values
SELECT sqrt(-1);
SELECT ln(0);
SELECT repeat('x', -1) AS empty_ok;
SELECT generate_series(1, 10, 0);

-- case: err_array_subscript_and_dims
SELECT ARRAY[[1, 2], [3]];
SELECT (ARRAY[1, 2, 3])[5] AS out_of_bounds_is_null;

-- case: err_error_then_connection_still_usable
SELECT 1 / 0;
SELECT 'still alive' AS status;

-- case: err_multi_statement_stops_at_first_error
SELECT 1 AS first; SELECT no_such_col_xyz; SELECT 3 AS never;

-- case: err_sequence_currval_before_nextval
CREATE SEQUENCE dt_err_seq;
SELECT currval('dt_err_seq');
-- cleanup
DROP SEQUENCE IF EXISTS dt_err_seq;

-- case: err_unknown_setting
SET dt_err_no_such_setting = 1;
SHOW dt_err_no_such_setting_either;
