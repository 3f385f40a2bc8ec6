-- Common table expressions: recursive queries, chained CTEs, CTEs around DML.

-- case: rcte_count_to_ten
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n ORDER BY i;

-- case: rcte_sum_of_series
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT count(*) AS cnt, max(i) AS mx FROM n;

-- case: rcte_fibonacci
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0::bigint, 1::bigint UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 20) SELECT n, a FROM fib ORDER BY n;

-- case: rcte_tree_paths
CREATE TABLE dt_rcte_tree_paths (id int PRIMARY KEY, parent_id int, name text);
INSERT INTO dt_rcte_tree_paths VALUES (1, NULL, 'root'), (2, 1, 'usr'), (3, 1, 'etc'), (4, 2, 'bin'), (5, 2, 'lib'), (6, 4, 'tool');
WITH RECURSIVE tree AS (SELECT id, name, name AS path, 0 AS depth FROM dt_rcte_tree_paths WHERE parent_id IS NULL UNION ALL SELECT c.id, c.name, tree.path || '/' || c.name, tree.depth + 1 FROM dt_rcte_tree_paths c JOIN tree ON c.parent_id = tree.id) SELECT id, path, depth FROM tree ORDER BY path;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_tree_paths;

-- case: rcte_org_chart_levels
CREATE TABLE dt_rcte_org_chart_levels (id int, manager_id int, name text);
INSERT INTO dt_rcte_org_chart_levels VALUES (1, NULL, 'ceo'), (2, 1, 'cto'), (3, 1, 'cfo'), (4, 2, 'dev1'), (5, 2, 'dev2'), (6, 4, 'intern');
WITH RECURSIVE chain AS (SELECT id, manager_id, name, 1 AS lvl FROM dt_rcte_org_chart_levels WHERE id = 6 UNION ALL SELECT e.id, e.manager_id, e.name, chain.lvl + 1 FROM dt_rcte_org_chart_levels e JOIN chain ON e.id = chain.manager_id) SELECT name, lvl FROM chain ORDER BY lvl;
WITH RECURSIVE reports AS (SELECT id FROM dt_rcte_org_chart_levels WHERE id = 2 UNION ALL SELECT e.id FROM dt_rcte_org_chart_levels e JOIN reports r ON e.manager_id = r.id) SELECT count(*) - 1 AS indirect_reports FROM reports;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_org_chart_levels;

-- case: rcte_graph_cycle_guard
CREATE TABLE dt_rcte_graph_cycle_guard (src int, dst int);
INSERT INTO dt_rcte_graph_cycle_guard VALUES (1, 2), (2, 3), (3, 1), (3, 4);
WITH RECURSIVE walk(node, path) AS (SELECT 1, ARRAY[1] UNION ALL SELECT g.dst, w.path || g.dst FROM walk w JOIN dt_rcte_graph_cycle_guard g ON g.src = w.node WHERE g.dst <> ALL (w.path)) SELECT node, path FROM walk ORDER BY node;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_graph_cycle_guard;

-- case: rcte_union_dedup
WITH RECURSIVE r(v) AS (SELECT 1 UNION SELECT (v % 3) + 1 FROM r) SELECT v FROM r ORDER BY v;

-- case: rcte_date_series
WITH RECURSIVE days(d) AS (SELECT date '2024-02-27' UNION ALL SELECT (d + 1)::date FROM days WHERE d < date '2024-03-02') SELECT d FROM days ORDER BY d;

-- case: rcte_string_building
WITH RECURSIVE s(n, str) AS (SELECT 1, 'a'::text UNION ALL SELECT n + 1, str || chr(ascii('a') + n) FROM s WHERE n < 5) SELECT n, str FROM s ORDER BY n;

-- case: rcte_search_depth_first
CREATE TABLE dt_rcte_search_depth_first (id int, parent int);
INSERT INTO dt_rcte_search_depth_first VALUES (1, NULL), (2, 1), (3, 1), (4, 2);
WITH RECURSIVE t(id) AS (SELECT id FROM dt_rcte_search_depth_first WHERE parent IS NULL UNION ALL SELECT c.id FROM dt_rcte_search_depth_first c JOIN t ON c.parent = t.id) SEARCH DEPTH FIRST BY id SET ord SELECT id FROM t ORDER BY ord;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_search_depth_first;

-- case: rcte_cycle_clause
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT (n % 3) + 1 FROM g) CYCLE n SET is_cycle USING path SELECT n, is_cycle FROM g ORDER BY n, is_cycle;

-- case: rcte_chained_ctes
WITH base AS (SELECT v FROM generate_series(1, 10) AS v), evens AS (SELECT v FROM base WHERE v % 2 = 0), stats AS (SELECT count(*) AS n, max(v) AS mx FROM evens) SELECT n, mx, (SELECT count(*) FROM base) AS total FROM stats;

-- case: rcte_cte_referenced_twice
WITH t AS (SELECT v FROM (VALUES (1), (2), (3)) AS x(v)) SELECT a.v AS a, b.v AS b FROM t a JOIN t b ON b.v = a.v + 1 ORDER BY a.v;

-- case: rcte_materialized_hints
WITH m AS MATERIALIZED (SELECT v * 2 AS d FROM generate_series(1, 3) AS v), n AS NOT MATERIALIZED (SELECT d + 1 AS e FROM m) SELECT e FROM n ORDER BY e;

-- case: rcte_cte_column_list
WITH t(a, b) AS (SELECT 1, 'x' UNION ALL SELECT 2, 'y') SELECT b, a FROM t ORDER BY a;

-- case: rcte_insert_from_cte
CREATE TABLE dt_rcte_insert_from_cte (n int, sq int);
WITH src AS (SELECT g AS n FROM generate_series(1, 4) AS g) INSERT INTO dt_rcte_insert_from_cte SELECT n, n * n FROM src;
SELECT n, sq FROM dt_rcte_insert_from_cte ORDER BY n;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_insert_from_cte;

-- case: rcte_update_with_cte
CREATE TABLE dt_rcte_update_with_cte (id int, score int);
INSERT INTO dt_rcte_update_with_cte VALUES (1, 10), (2, 20), (3, 30);
WITH top AS (SELECT id FROM dt_rcte_update_with_cte WHERE score >= 20) UPDATE dt_rcte_update_with_cte SET score = score + 1 WHERE id IN (SELECT id FROM top);
SELECT id, score FROM dt_rcte_update_with_cte ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_update_with_cte;

-- case: rcte_delete_with_cte
CREATE TABLE dt_rcte_delete_with_cte (id int, dup_of int);
INSERT INTO dt_rcte_delete_with_cte VALUES (1, NULL), (2, 1), (3, NULL), (4, 3), (5, 1);
WITH dups AS (SELECT id FROM dt_rcte_delete_with_cte WHERE dup_of IS NOT NULL) DELETE FROM dt_rcte_delete_with_cte WHERE id IN (SELECT id FROM dups);
SELECT id FROM dt_rcte_delete_with_cte ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_delete_with_cte;

-- case: rcte_delete_returning_into_insert
CREATE TABLE dt_rcte_delete_returning_into_insert_live (id int, v text);
CREATE TABLE dt_rcte_delete_returning_into_insert_arch (id int, v text);
INSERT INTO dt_rcte_delete_returning_into_insert_live VALUES (1, 'old'), (2, 'new'), (3, 'old');
WITH moved AS (DELETE FROM dt_rcte_delete_returning_into_insert_live WHERE v = 'old' RETURNING id, v) INSERT INTO dt_rcte_delete_returning_into_insert_arch SELECT id, v FROM moved;
SELECT id FROM dt_rcte_delete_returning_into_insert_live ORDER BY id;
SELECT id FROM dt_rcte_delete_returning_into_insert_arch ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_rcte_delete_returning_into_insert_live;
DROP TABLE IF EXISTS dt_rcte_delete_returning_into_insert_arch;

-- case: rcte_recursive_with_aggregate_outside
WITH RECURSIVE parts(part, sub, qty) AS (SELECT 'car', 'wheel', 4 UNION ALL SELECT 'car', 'engine', 1) , expanded AS (SELECT sub, qty FROM parts) SELECT sum(qty)::int AS total_parts, string_agg(sub, ',' ORDER BY sub) AS subs FROM expanded;

-- case: rcte_nested_cte_in_subquery
SELECT x FROM (WITH inner_cte AS (SELECT 5 AS x UNION ALL SELECT 6) SELECT x FROM inner_cte) AS s ORDER BY x DESC;

-- case: rcte_recursive_edge_cases
WITH RECURSIVE r AS (SELECT 1 AS v) SELECT v FROM r;
WITH RECURSIVE bad(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM bad WHERE v < 3 ORDER BY v) SELECT v FROM bad;
