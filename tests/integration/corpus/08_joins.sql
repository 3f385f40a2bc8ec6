-- Joins.

-- case: join_inner
CREATE TABLE dt_join_a (id int, name text);
CREATE TABLE dt_join_b (a_id int, val int);
INSERT INTO dt_join_a VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO dt_join_b VALUES (1, 100), (1, 101), (3, 300), (4, 400);
SELECT a.id, a.name, b.val FROM dt_join_a a JOIN dt_join_b b ON a.id = b.a_id ORDER BY a.id, b.val;
SELECT a.id, b.val FROM dt_join_a a LEFT JOIN dt_join_b b ON a.id = b.a_id ORDER BY a.id, b.val;
SELECT a.id, b.a_id, b.val FROM dt_join_a a RIGHT JOIN dt_join_b b ON a.id = b.a_id ORDER BY b.a_id, b.val;
SELECT a.id, b.a_id, b.val FROM dt_join_a a FULL JOIN dt_join_b b ON a.id = b.a_id ORDER BY a.id NULLS LAST, b.a_id, b.val;
-- cleanup
DROP TABLE IF EXISTS dt_join_a;
DROP TABLE IF EXISTS dt_join_b;

-- case: join_cross
SELECT x, y FROM (VALUES (1), (2)) AS a(x) CROSS JOIN (VALUES ('a'), ('b')) AS b(y) ORDER BY x, y;

-- case: join_using_natural
CREATE TABLE dt_join_u1 (k int, a text);
CREATE TABLE dt_join_u2 (k int, b text);
INSERT INTO dt_join_u1 VALUES (1, 'x'), (2, 'y');
INSERT INTO dt_join_u2 VALUES (2, 'p'), (3, 'q');
SELECT * FROM dt_join_u1 JOIN dt_join_u2 USING (k) ORDER BY k;
SELECT * FROM dt_join_u1 NATURAL JOIN dt_join_u2 ORDER BY k;
SELECT * FROM dt_join_u1 FULL JOIN dt_join_u2 USING (k) ORDER BY k;
-- cleanup
DROP TABLE IF EXISTS dt_join_u1;
DROP TABLE IF EXISTS dt_join_u2;

-- case: join_self
CREATE TABLE dt_join_emp (id int, name text, manager_id int);
INSERT INTO dt_join_emp VALUES (1, 'boss', NULL), (2, 'alice', 1), (3, 'bob', 1), (4, 'carol', 2);
SELECT e.name AS employee, m.name AS manager FROM dt_join_emp e LEFT JOIN dt_join_emp m ON e.manager_id = m.id ORDER BY e.id;
-- cleanup
DROP TABLE IF EXISTS dt_join_emp;

-- case: join_null_keys_do_not_match
SELECT a.k AS ak, b.k AS bk FROM (VALUES (1), (NULL)) AS a(k) JOIN (VALUES (1), (NULL)) AS b(k) ON a.k = b.k ORDER BY 1;

-- case: join_non_equi
SELECT a.x, b.y FROM (VALUES (1), (5), (10)) AS a(x) JOIN (VALUES (3), (7)) AS b(y) ON a.x < b.y ORDER BY a.x, b.y;

-- case: join_multiple_tables
SELECT o.id, c.name, p.title FROM (VALUES (1, 10, 100), (2, 20, 100), (3, 10, 200)) AS o(id, cust, prod) JOIN (VALUES (10, 'ann'), (20, 'ben')) AS c(id, name) ON c.id = o.cust JOIN (VALUES (100, 'pen'), (200, 'ink')) AS p(id, title) ON p.id = o.prod ORDER BY o.id;

-- case: join_lateral
SELECT t.n, s.v FROM (VALUES (1), (2), (3)) AS t(n), LATERAL (SELECT g * 10 AS v FROM generate_series(1, t.n) AS g) AS s ORDER BY t.n, s.v;

-- case: join_left_with_filter_in_on
SELECT a.x, b.y FROM (VALUES (1), (2), (3)) AS a(x) LEFT JOIN (VALUES (1), (2), (3)) AS b(y) ON a.x = b.y AND b.y > 1 ORDER BY a.x;

-- case: join_anti_and_semi
SELECT x FROM (VALUES (1), (2), (3)) AS a(x) WHERE NOT EXISTS (SELECT 1 FROM (VALUES (2)) AS b(y) WHERE b.y = a.x) ORDER BY x;
SELECT x FROM (VALUES (1), (2), (3)) AS a(x) WHERE EXISTS (SELECT 1 FROM (VALUES (2), (3)) AS b(y) WHERE b.y = a.x) ORDER BY x;

-- case: join_aggregate_after_join
SELECT c.name, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS total FROM (VALUES (1, 'ann'), (2, 'ben'), (3, 'cy')) AS c(id, name) LEFT JOIN (VALUES (1, 1, 5.5), (2, 1, 4.5), (3, 2, 10.0)) AS o(id, cust, amount) ON o.cust = c.id GROUP BY c.name ORDER BY c.name;

-- case: join_lateral_series_of_columns
CREATE TABLE dt_join_lateral_series_of_columns (id int, lo smallint, hi int, big bigint);
INSERT INTO dt_join_lateral_series_of_columns VALUES (1, 1, 2, 2), (2, 3, 4, 3);
SELECT d.id, g FROM dt_join_lateral_series_of_columns d, LATERAL generate_series(d.lo, d.hi) AS g ORDER BY d.id, g;
SELECT d.id, g.x FROM dt_join_lateral_series_of_columns d CROSS JOIN LATERAL generate_series(1, d.big) AS g(x) ORDER BY d.id, g.x;
SELECT d.id, s.v FROM dt_join_lateral_series_of_columns d, LATERAL (SELECT g + 1 AS v FROM generate_series(d.lo, d.hi, 1) AS g) AS s ORDER BY d.id, s.v;
-- cleanup
DROP TABLE IF EXISTS dt_join_lateral_series_of_columns;
