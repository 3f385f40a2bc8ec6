-- ORDER BY, NULL ordering, LIMIT/OFFSET, DISTINCT.

-- case: order_nulls_default_asc
SELECT v FROM (VALUES (3), (NULL), (1), (2)) AS t(v) ORDER BY v;

-- case: order_nulls_default_desc
SELECT v FROM (VALUES (3), (NULL), (1), (2)) AS t(v) ORDER BY v DESC;

-- case: order_nulls_explicit
SELECT v FROM (VALUES (3), (NULL), (1)) AS t(v) ORDER BY v ASC NULLS FIRST;
SELECT v FROM (VALUES (3), (NULL), (1)) AS t(v) ORDER BY v DESC NULLS LAST;

-- case: order_multiple_keys
SELECT a, b FROM (VALUES (1, 'b'), (2, 'a'), (1, 'a'), (2, NULL), (NULL, 'z')) AS t(a, b) ORDER BY a DESC, b;

-- case: order_by_ordinal_and_alias
SELECT v * 2 AS doubled, v FROM (VALUES (3), (1), (2)) AS t(v) ORDER BY 1 DESC;
SELECT v * -1 AS negated FROM (VALUES (3), (1), (2)) AS t(v) ORDER BY negated;

-- case: order_by_expression
SELECT s FROM (VALUES ('ccc'), ('a'), ('bb')) AS t(s) ORDER BY length(s) DESC;

-- case: order_limit_offset
SELECT g FROM generate_series(1, 20) AS g ORDER BY g DESC LIMIT 5 OFFSET 3;

-- case: order_fetch_first
SELECT g FROM generate_series(1, 10) AS g ORDER BY g FETCH FIRST 3 ROWS ONLY;

-- case: order_limit_zero_and_all
SELECT g FROM generate_series(1, 3) AS g ORDER BY g LIMIT 0;
SELECT g FROM generate_series(1, 3) AS g ORDER BY g LIMIT ALL;

-- case: order_distinct_on
SELECT DISTINCT ON (k) k, v FROM (VALUES ('a', 3), ('a', 1), ('b', 2), ('b', 5)) AS t(k, v) ORDER BY k, v DESC;

-- case: order_text_with_nulls_desc
SELECT s FROM (VALUES ('b'), (NULL), ('a'), ('C')) AS t(s) ORDER BY s DESC NULLS FIRST;

-- case: order_mixed_types_float
SELECT f FROM (VALUES ('NaN'::float8), (1.5), ('-Infinity'), ('Infinity'), (-0.5), (NULL)) AS t(f) ORDER BY f;

-- case: order_table_with_nulls
CREATE TABLE dt_order_nulls (id int, score int, name text);
INSERT INTO dt_order_nulls VALUES (1, 50, 'x'), (2, NULL, 'y'), (3, 70, NULL), (4, 50, 'a'), (5, NULL, NULL);
SELECT id, score, name FROM dt_order_nulls ORDER BY score DESC, name NULLS FIRST, id;
-- cleanup
DROP TABLE IF EXISTS dt_order_nulls;
