-- Subqueries and common table expressions.

-- case: subq_scalar
SELECT (SELECT max(v) FROM (VALUES (1), (5), (3)) AS t(v)) AS mx, (SELECT 1 WHERE false) AS empty_scalar;

-- case: subq_in_and_not_in
SELECT x FROM generate_series(1, 6) AS x WHERE x IN (SELECT v * 2 FROM generate_series(1, 3) AS v) ORDER BY x;
SELECT x FROM generate_series(1, 6) AS x WHERE x NOT IN (SELECT v * 2 FROM generate_series(1, 3) AS v) ORDER BY x;

-- case: subq_not_in_with_null_row
SELECT count(*) AS n FROM generate_series(1, 5) AS x WHERE x NOT IN (SELECT v FROM (VALUES (1), (NULL)) AS t(v));

-- case: subq_correlated
CREATE TABLE dt_subq_emp (dept text, name text, salary int);
INSERT INTO dt_subq_emp VALUES ('eng', 'a', 100), ('eng', 'b', 150), ('ops', 'c', 90), ('ops', 'd', 80), ('hr', 'e', 70);
SELECT dept, name, salary FROM dt_subq_emp e WHERE salary = (SELECT max(salary) FROM dt_subq_emp i WHERE i.dept = e.dept) ORDER BY dept;
SELECT name, (SELECT count(*) FROM dt_subq_emp i WHERE i.salary > e.salary) AS richer FROM dt_subq_emp e ORDER BY name;
-- cleanup
DROP TABLE IF EXISTS dt_subq_emp;

-- case: subq_any_all
SELECT x FROM generate_series(1, 5) AS x WHERE x > ANY (SELECT v FROM (VALUES (3), (4)) AS t(v)) ORDER BY x;
SELECT x FROM generate_series(1, 5) AS x WHERE x > ALL (SELECT v FROM (VALUES (2), (3)) AS t(v)) ORDER BY x;

-- case: subq_in_from_derived
SELECT d.bucket, d.n FROM (SELECT v % 2 AS bucket, count(*) AS n FROM generate_series(1, 7) AS v GROUP BY 1) AS d ORDER BY d.bucket;

-- case: subq_exists_empty
SELECT EXISTS (SELECT 1 WHERE false) AS e1, EXISTS (SELECT 1) AS e2, NOT EXISTS (SELECT NULL) AS e3;

-- case: cte_basic
WITH t AS (SELECT g AS v FROM generate_series(1, 5) AS g) SELECT sum(v) AS total, count(*) AS n FROM t;

-- case: cte_multiple
WITH a AS (SELECT 1 AS x UNION ALL SELECT 2), b AS (SELECT x * 10 AS y FROM a) SELECT a.x, b.y FROM a JOIN b ON b.y = a.x * 10 ORDER BY a.x;

-- case: cte_recursive_counter
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r ORDER BY n;

-- case: cte_recursive_tree
CREATE TABLE dt_cte_tree (id int, parent int, name text);
INSERT INTO dt_cte_tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x');
WITH RECURSIVE path(id, name, depth, route) AS (SELECT id, name, 0, name FROM dt_cte_tree WHERE parent IS NULL UNION ALL SELECT c.id, c.name, p.depth + 1, p.route || '/' || c.name FROM dt_cte_tree c JOIN path p ON c.parent = p.id) SELECT id, depth, route FROM path ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_cte_tree;

-- case: cte_recursive_fibonacci
WITH RECURSIVE fib(i, a, b) AS (SELECT 1, 0::bigint, 1::bigint UNION ALL SELECT i + 1, b, a + b FROM fib WHERE i < 50) SELECT i, a FROM fib WHERE i IN (1, 2, 10, 50) ORDER BY i;

-- case: cte_materialized_hint
WITH t AS MATERIALIZED (SELECT 42 AS v) SELECT v FROM t;
WITH t AS NOT MATERIALIZED (SELECT 43 AS v) SELECT v FROM t;

-- case: cte_with_dml_returning
CREATE TABLE dt_cte_dml (id int, v text);
WITH ins AS (INSERT INTO dt_cte_dml VALUES (1, 'a'), (2, 'b') RETURNING id) SELECT count(*) AS inserted FROM ins;
SELECT id, v FROM dt_cte_dml ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_cte_dml;

-- case: subq_values_list
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v(num, word) ORDER BY num DESC;

-- case: subq_scalar_in_select_list_with_nulls
SELECT x, (SELECT y FROM (VALUES (1, 'a'), (2, NULL)) AS t(k, y) WHERE t.k = x) AS y FROM generate_series(1, 3) AS x ORDER BY x;
