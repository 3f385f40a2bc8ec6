-- More joins: outer joins on tables, USING column output, anti/semi joins, LATERAL.

-- case: join2_full_outer_tables
CREATE TABLE dt_join2_full_outer_tables_l (k int, lv text);
CREATE TABLE dt_join2_full_outer_tables_r (k int, rv text);
INSERT INTO dt_join2_full_outer_tables_l VALUES (1, 'l1'), (2, 'l2'), (NULL, 'lnull');
INSERT INTO dt_join2_full_outer_tables_r VALUES (2, 'r2'), (3, 'r3'), (NULL, 'rnull');
SELECT l.k AS lk, l.lv, r.k AS rk, r.rv FROM dt_join2_full_outer_tables_l l FULL OUTER JOIN dt_join2_full_outer_tables_r r ON l.k = r.k ORDER BY coalesce(l.lv, r.rv);
-- cleanup
DROP TABLE IF EXISTS dt_join2_full_outer_tables_l;
DROP TABLE IF EXISTS dt_join2_full_outer_tables_r;

-- case: join2_using_star_column_order
CREATE TABLE dt_join2_using_star_column_order_a (x int, id int, a text);
CREATE TABLE dt_join2_using_star_column_order_b (b text, id int, y int);
INSERT INTO dt_join2_using_star_column_order_a VALUES (1, 10, 'a10'), (2, 20, 'a20');
INSERT INTO dt_join2_using_star_column_order_b VALUES ('b10', 10, 100), ('b30', 30, 300);
SELECT * FROM dt_join2_using_star_column_order_a JOIN dt_join2_using_star_column_order_b USING (id) ORDER BY id;
SELECT * FROM dt_join2_using_star_column_order_a LEFT JOIN dt_join2_using_star_column_order_b USING (id) ORDER BY id;
SELECT id FROM dt_join2_using_star_column_order_a RIGHT JOIN dt_join2_using_star_column_order_b USING (id) ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_join2_using_star_column_order_a;
DROP TABLE IF EXISTS dt_join2_using_star_column_order_b;

-- case: join2_star_with_duplicate_names
CREATE TABLE dt_join2_star_with_duplicate_names_p (id int, name text);
CREATE TABLE dt_join2_star_with_duplicate_names_c (id int, p_id int, name text);
INSERT INTO dt_join2_star_with_duplicate_names_p VALUES (1, 'parent');
INSERT INTO dt_join2_star_with_duplicate_names_c VALUES (10, 1, 'child');
SELECT * FROM dt_join2_star_with_duplicate_names_p p JOIN dt_join2_star_with_duplicate_names_c c ON c.p_id = p.id;
SELECT p.*, c.name FROM dt_join2_star_with_duplicate_names_p p JOIN dt_join2_star_with_duplicate_names_c c ON c.p_id = p.id;
-- cleanup
DROP TABLE IF EXISTS dt_join2_star_with_duplicate_names_p;
DROP TABLE IF EXISTS dt_join2_star_with_duplicate_names_c;

-- case: join2_anti_join_left_is_null
CREATE TABLE dt_join2_anti_join_left_is_null_users (id int, name text);
CREATE TABLE dt_join2_anti_join_left_is_null_orders (user_id int);
INSERT INTO dt_join2_anti_join_left_is_null_users VALUES (1, 'ann'), (2, 'ben'), (3, 'cy');
INSERT INTO dt_join2_anti_join_left_is_null_orders VALUES (1), (1), (3);
SELECT u.name FROM dt_join2_anti_join_left_is_null_users u LEFT JOIN dt_join2_anti_join_left_is_null_orders o ON o.user_id = u.id WHERE o.user_id IS NULL ORDER BY u.name;
SELECT u.name FROM dt_join2_anti_join_left_is_null_users u WHERE u.id NOT IN (SELECT user_id FROM dt_join2_anti_join_left_is_null_orders) ORDER BY u.name;
SELECT u.name FROM dt_join2_anti_join_left_is_null_users u WHERE EXISTS (SELECT FROM dt_join2_anti_join_left_is_null_orders o WHERE o.user_id = u.id) ORDER BY u.name;
-- cleanup
DROP TABLE IF EXISTS dt_join2_anti_join_left_is_null_users;
DROP TABLE IF EXISTS dt_join2_anti_join_left_is_null_orders;

-- case: join2_three_table_chain
CREATE TABLE dt_join2_three_table_chain_c (id int, name text);
CREATE TABLE dt_join2_three_table_chain_o (id int, cust_id int, placed date);
CREATE TABLE dt_join2_three_table_chain_i (order_id int, sku text, qty int);
INSERT INTO dt_join2_three_table_chain_c VALUES (1, 'ann'), (2, 'ben');
INSERT INTO dt_join2_three_table_chain_o VALUES (100, 1, '2024-01-01'), (101, 1, '2024-02-01'), (102, 2, '2024-02-15');
INSERT INTO dt_join2_three_table_chain_i VALUES (100, 'pen', 2), (100, 'ink', 1), (101, 'pen', 5), (102, 'pad', 3);
SELECT c.name, o.id AS order_id, o.placed, i.sku, i.qty FROM dt_join2_three_table_chain_c c JOIN dt_join2_three_table_chain_o o ON o.cust_id = c.id JOIN dt_join2_three_table_chain_i i ON i.order_id = o.id ORDER BY o.id, i.sku;
SELECT c.name, count(DISTINCT o.id) AS orders, sum(i.qty)::int AS items FROM dt_join2_three_table_chain_c c JOIN dt_join2_three_table_chain_o o ON o.cust_id = c.id JOIN dt_join2_three_table_chain_i i ON i.order_id = o.id GROUP BY c.name ORDER BY c.name;
-- cleanup
DROP TABLE IF EXISTS dt_join2_three_table_chain_c;
DROP TABLE IF EXISTS dt_join2_three_table_chain_o;
DROP TABLE IF EXISTS dt_join2_three_table_chain_i;

-- case: join2_left_join_where_vs_on
SELECT a.x, b.y FROM (VALUES (1), (2), (3)) AS a(x) LEFT JOIN (VALUES (1, 'keep'), (2, 'drop')) AS b(x, y) ON a.x = b.x WHERE b.y IS DISTINCT FROM 'drop' ORDER BY a.x;
SELECT a.x, b.y FROM (VALUES (1), (2), (3)) AS a(x) LEFT JOIN (VALUES (1, 'keep'), (2, 'drop')) AS b(x, y) ON a.x = b.x AND b.y <> 'drop' ORDER BY a.x;

-- case: join2_lateral_top_n
CREATE TABLE dt_join2_lateral_top_n_cat (id int, name text);
CREATE TABLE dt_join2_lateral_top_n_item (cat_id int, title text, score int);
INSERT INTO dt_join2_lateral_top_n_cat VALUES (1, 'books'), (2, 'games'), (3, 'empty');
INSERT INTO dt_join2_lateral_top_n_item VALUES (1, 'b1', 5), (1, 'b2', 9), (1, 'b3', 7), (2, 'g1', 3), (2, 'g2', 8);
SELECT c.name, t.title, t.score FROM dt_join2_lateral_top_n_cat c CROSS JOIN LATERAL (SELECT title, score FROM dt_join2_lateral_top_n_item i WHERE i.cat_id = c.id ORDER BY score DESC LIMIT 2) AS t ORDER BY c.name, t.score DESC;
SELECT c.name, t.title FROM dt_join2_lateral_top_n_cat c LEFT JOIN LATERAL (SELECT title FROM dt_join2_lateral_top_n_item i WHERE i.cat_id = c.id ORDER BY score DESC LIMIT 1) AS t ON true ORDER BY c.name;
-- cleanup
DROP TABLE IF EXISTS dt_join2_lateral_top_n_cat;
DROP TABLE IF EXISTS dt_join2_lateral_top_n_item;

-- case: join2_range_join_buckets
SELECT v, b.label FROM (VALUES (5), (15), (25), (100)) AS t(v) LEFT JOIN (VALUES (0, 10, 'low'), (10, 20, 'mid'), (20, 50, 'high')) AS b(lo, hi, label) ON v >= b.lo AND v < b.hi ORDER BY v;

-- case: join2_self_join_pairs
SELECT a.v AS a, b.v AS b FROM (VALUES (1), (2), (3)) AS a(v) JOIN (VALUES (1), (2), (3)) AS b(v) ON a.v < b.v ORDER BY a.v, b.v;

-- case: join2_natural_left_join
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS l(id, lv) NATURAL LEFT JOIN (VALUES (2, 'B'), (3, 'C')) AS r(id, rv) ORDER BY id;

-- case: join2_cross_join_comma_syntax
SELECT a.x, b.y FROM (VALUES (1), (2)) AS a(x), (VALUES ('p'), ('q')) AS b(y) WHERE a.x = 1 OR b.y = 'q' ORDER BY a.x, b.y;

-- case: join2_join_on_expression
SELECT l.s, r.s AS rs FROM (VALUES ('Abc'), ('def')) AS l(s) JOIN (VALUES ('ABC'), ('DEF'), ('ghi')) AS r(s) ON lower(l.s) = lower(r.s) ORDER BY l.s;

-- case: join2_join_with_aggregated_subquery
CREATE TABLE dt_join2_join_with_aggregated_subquery (id int, dept text, salary int);
INSERT INTO dt_join2_join_with_aggregated_subquery VALUES (1, 'a', 100), (2, 'a', 200), (3, 'b', 50), (4, 'b', 70);
SELECT e.id, e.salary, d.avg_sal::numeric(10,1) AS dept_avg FROM dt_join2_join_with_aggregated_subquery e JOIN (SELECT dept, avg(salary) AS avg_sal FROM dt_join2_join_with_aggregated_subquery GROUP BY dept) AS d ON d.dept = e.dept WHERE e.salary > d.avg_sal ORDER BY e.id;
-- cleanup
DROP TABLE IF EXISTS dt_join2_join_with_aggregated_subquery;

-- case: join2_right_join_multiple
SELECT a.k AS ak, b.k AS bk, c.k AS ck FROM (VALUES (1)) AS a(k) RIGHT JOIN (VALUES (1), (2)) AS b(k) ON a.k = b.k RIGHT JOIN (VALUES (2), (3)) AS c(k) ON c.k = b.k ORDER BY c.k;

-- case: join2_ambiguous_column_error
SELECT id FROM (VALUES (1)) AS a(id) JOIN (VALUES (1)) AS b(id) ON a.id = b.id;

-- case: join2_missing_from_entry_error
SELECT x.a FROM (VALUES (1)) AS t(a);

-- case: join2_unnest_join
SELECT t.id, u.tag FROM (VALUES (1, ARRAY['a', 'b']), (2, ARRAY['c'])) AS t(id, tags) CROSS JOIN LATERAL unnest(t.tags) AS u(tag) ORDER BY t.id, u.tag;

-- case: join2_exists_correlated_count
SELECT d.name, (SELECT count(*) FROM (VALUES (1, 'x'), (1, 'y'), (2, 'z')) AS e(dept_id, n) WHERE e.dept_id = d.id) AS members FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three')) AS d(id, name) ORDER BY d.id;
