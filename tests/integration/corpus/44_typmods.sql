-- Types with modifiers: varchar(n), char(n), timestamp(p) and interval fields report their type and typmod in
-- results, casts apply the modifier, char(n) pads its values and compares without trailing blanks.

-- case: typmod_column_types_reported
CREATE TABLE dt_typmod_columns (id int, v varchar(20), c char(5), ts timestamp(3), tz timestamptz(0), i interval day to second, ym interval year to month);
INSERT INTO dt_typmod_columns VALUES (1, 'hello', 'ab', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05+00', '1 day 02:03:04', '1 year 2 months');
SET TimeZone = 'UTC';
SELECT id, v, c, ts, tz, i, ym FROM dt_typmod_columns;
SELECT d.v, d.c FROM dt_typmod_columns AS d WHERE d.id = 1;
-- cleanup
DROP TABLE IF EXISTS dt_typmod_columns;

-- case: typmod_char_blank_padding
CREATE TABLE dt_typmod_char (id int, c char(5), v varchar(5));
INSERT INTO dt_typmod_char VALUES (1, 'ab', 'ab'), (2, 'abc  ', 'abc  '), (3, 'b', 'b');
SELECT id, c, v, length(c) AS lc, length(v) AS lv, c || '|' AS cc, v || '|' AS vc FROM dt_typmod_char ORDER BY id;
SELECT id FROM dt_typmod_char WHERE c = 'ab   ' ORDER BY id;
SELECT id FROM dt_typmod_char WHERE c = 'abc' ORDER BY id;
SELECT c FROM dt_typmod_char ORDER BY c;
SELECT count(DISTINCT c) FROM dt_typmod_char;
-- cleanup
DROP TABLE IF EXISTS dt_typmod_char;

-- case: typmod_explicit_casts_truncate
SELECT 'abcdef'::varchar(3) AS v, 'abcdef'::char(2) AS c, 12345::varchar(3) AS n, 'ab'::char(4) || '|' AS padded, CAST('héllo wörld' AS varchar(7)) AS utf8;
SELECT 'abc  '::varchar(3) || '|' AS blanks, 'x'::char(3) AS c3, char(2) 'xyz' AS typed;

-- case: typmod_varchar_assignment_errors
CREATE TABLE dt_typmod_assign (id int, v varchar(3), c char(3));
INSERT INTO dt_typmod_assign VALUES (1, 'abcd', 'a');
INSERT INTO dt_typmod_assign VALUES (2, 'a', 'abcd');
INSERT INTO dt_typmod_assign VALUES (3, 'abc     ', 'ab      ');
UPDATE dt_typmod_assign SET v = 'toolong' WHERE id = 3;
SELECT id, v, c, v || '|' AS vb FROM dt_typmod_assign ORDER BY id;
SELECT id FROM dt_typmod_assign WHERE v = 'a much longer value than three';
-- cleanup
DROP TABLE IF EXISTS dt_typmod_assign;

-- case: typmod_views_ctas_union
CREATE TABLE dt_typmod_source (v varchar(10), c char(4));
INSERT INTO dt_typmod_source VALUES ('one', 'x'), ('two', 'yy');
CREATE VIEW dt_typmod_view AS SELECT v, c FROM dt_typmod_source;
CREATE TABLE dt_typmod_copy AS SELECT v, c FROM dt_typmod_source;
SELECT v, c FROM dt_typmod_view ORDER BY v;
SELECT v, c FROM dt_typmod_copy ORDER BY v;
SELECT v FROM dt_typmod_source UNION ALL SELECT v FROM dt_typmod_copy ORDER BY 1;
SELECT (SELECT v FROM dt_typmod_source WHERE c = 'x') AS s, coalesce(c, 'z') AS cz, CASE WHEN v = 'one' THEN v ELSE 'other' END AS cv FROM dt_typmod_source ORDER BY 2;
-- cleanup
DROP VIEW IF EXISTS dt_typmod_view;
DROP TABLE IF EXISTS dt_typmod_copy;
DROP TABLE IF EXISTS dt_typmod_source;

-- case: typmod_timestamp_precision_rounds
CREATE TABLE dt_typmod_ts (id int, t0 timestamp(0), t2 timestamp(2));
INSERT INTO dt_typmod_ts VALUES (1, '2024-01-02 03:04:05.5', '2024-01-02 03:04:05.125'), (2, '2024-01-02 03:04:05.4', '2024-01-02 03:04:05.994');
INSERT INTO dt_typmod_ts SELECT 3, timestamp '1999-12-31 23:59:59.9', timestamp '1999-12-31 23:59:59.999';
SELECT id, t0, t2, t2 + interval '1 day' AS later, extract(year FROM t0) AS y FROM dt_typmod_ts ORDER BY id;
SELECT '2024-01-02 03:04:05.123456'::timestamp(1) AS p1, timestamp(2) '2024-01-02 03:04:05.555' AS p2;
-- cleanup
DROP TABLE IF EXISTS dt_typmod_ts;

-- case: typmod_interval_qualifier_column
CREATE TABLE dt_typmod_iv (id int, d interval day, hm interval hour to minute, s interval second(2));
INSERT INTO dt_typmod_iv VALUES (1, '3 days', '04:05', '1.25 seconds');
SELECT id, d, hm, s, d + hm AS total FROM dt_typmod_iv;
SELECT interval '5' minute AS m, interval '1-6' year to month AS ym, '10:30'::interval hour to minute AS hm;
-- cleanup
DROP TABLE IF EXISTS dt_typmod_iv;

-- case: typmod_catalog_and_pg_typeof
CREATE TABLE dt_typmod_cat (v varchar(12), c char(3), ts timestamp(3), i interval year to month);
SELECT a.attname, a.atttypid::regtype::text AS type, a.atttypmod, format_type(a.atttypid, a.atttypmod) AS formatted FROM pg_attribute a WHERE a.attrelid = 'dt_typmod_cat'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 'dt_typmod_cat' ORDER BY ordinal_position;
INSERT INTO dt_typmod_cat VALUES ('v', 'c', '2024-01-01', '1 year');
SELECT pg_typeof(v)::text AS tv, pg_typeof(c)::text AS tc, pg_typeof(ts)::text AS tts, pg_typeof(i)::text AS ti, pg_typeof('x'::varchar(2))::text AS tcast FROM dt_typmod_cat;
-- cleanup
DROP TABLE IF EXISTS dt_typmod_cat;

-- case: typmod_returning_and_prepared
CREATE TABLE dt_typmod_ret (id int, name varchar(30), code char(2));
INSERT INTO dt_typmod_ret VALUES (1, 'alpha', 'a') RETURNING id, name, code;
UPDATE dt_typmod_ret SET name = 'beta' WHERE id = 1 RETURNING name, code;
PREPARE dt_typmod_p (varchar(5)) AS SELECT $1 || '!' AS greeting, name FROM dt_typmod_ret;
EXECUTE dt_typmod_p('hi');
DEALLOCATE dt_typmod_p;
-- cleanup
DEALLOCATE ALL;
DROP TABLE IF EXISTS dt_typmod_ret;
