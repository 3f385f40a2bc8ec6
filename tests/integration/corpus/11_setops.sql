-- Set operations.

-- case: set_union
SELECT 1 AS x UNION SELECT 2 UNION SELECT 1 ORDER BY x;

-- case: set_union_all
SELECT v FROM (SELECT 1 AS v UNION ALL SELECT 1 UNION ALL SELECT 2) AS t ORDER BY v;

-- case: set_intersect
SELECT v FROM generate_series(1, 5) AS v INTERSECT SELECT v FROM generate_series(3, 8) AS v ORDER BY 1;

-- case: set_except
SELECT v FROM generate_series(1, 5) AS v EXCEPT SELECT v FROM generate_series(3, 8) AS v ORDER BY 1;

-- case: set_intersect_except_all
SELECT v FROM (VALUES (1), (1), (2), (3)) AS a(v) INTERSECT ALL SELECT v FROM (VALUES (1), (1), (1), (3)) AS b(v) ORDER BY 1;
SELECT v FROM (VALUES (1), (1), (2), (3)) AS a(v) EXCEPT ALL SELECT v FROM (VALUES (1), (3)) AS b(v) ORDER BY 1;

-- case: set_union_type_resolution
SELECT 1 AS v UNION ALL SELECT 2.5 ORDER BY v;
SELECT 'a'::text AS s UNION SELECT 'b'::varchar ORDER BY s;

-- case: set_union_with_nulls
SELECT v FROM (VALUES (NULL::int), (1)) AS a(v) UNION SELECT v FROM (VALUES (NULL::int), (2)) AS b(v) ORDER BY v;

-- case: set_union_limit
(SELECT v FROM generate_series(1, 3) AS v) UNION ALL (SELECT v FROM generate_series(10, 12) AS v) ORDER BY v DESC LIMIT 4;

-- case: set_operation_column_names
SELECT 1 AS first_name, 'x' AS second UNION ALL SELECT 2, 'y' ORDER BY first_name;

-- case: set_nested_precedence
SELECT 1 AS v UNION SELECT 2 INTERSECT SELECT 2 ORDER BY v;
