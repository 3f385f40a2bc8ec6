-- NULL handling and three-valued logic.

-- case: null_three_valued_and
SELECT a, b, a AND b AS a_and_b FROM (VALUES (true), (false), (NULL::boolean)) AS x(a) CROSS JOIN (VALUES (true), (false), (NULL::boolean)) AS y(b) ORDER BY a NULLS LAST, b NULLS LAST;

-- case: null_three_valued_or_not
SELECT a, b, a OR b AS a_or_b, NOT a AS not_a FROM (VALUES (true), (false), (NULL::boolean)) AS x(a) CROSS JOIN (VALUES (true), (false), (NULL::boolean)) AS y(b) ORDER BY a NULLS LAST, b NULLS LAST;

-- case: null_comparisons
SELECT NULL = NULL AS a, NULL <> 1 AS b, NULL IS NULL AS c, 1 IS NOT NULL AS d, NULL::int < 1 AS e;

-- case: null_arithmetic
SELECT 1 + NULL AS a, NULL * 0 AS b, NULL::int / 0 AS c, -NULL::int AS d, abs(NULL::int) AS e;

-- case: null_not_in_with_null
SELECT 1 NOT IN (2, NULL) AS a, 1 IN (1, NULL) AS b, 1 IN (2, NULL) AS c, NULL IN (1, 2) AS d;

-- case: null_in_where
CREATE TABLE dt_null_where (id int, v int);
INSERT INTO dt_null_where VALUES (1, 10), (2, NULL), (3, 30);
SELECT id FROM dt_null_where WHERE v > 5 ORDER BY id;
SELECT id FROM dt_null_where WHERE NOT (v > 15) ORDER BY id;
SELECT id FROM dt_null_where WHERE v IS NULL ORDER BY id;
SELECT id FROM dt_null_where WHERE v NOT IN (10) ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_null_where;

-- case: null_count_variants
CREATE TABLE dt_null_count (v int);
INSERT INTO dt_null_count VALUES (1), (NULL), (3), (NULL);
SELECT count(*) AS all_rows, count(v) AS non_null, count(DISTINCT v) AS distinct_v, sum(v) AS s, avg(v) AS a FROM dt_null_count;
-- cleanup
DROP TABLE IF EXISTS dt_null_count;

-- case: null_aggregates_all_null
SELECT sum(v) AS s, max(v) AS mx, min(v) AS mn, avg(v) AS a, count(v) AS c FROM (VALUES (NULL::int), (NULL::int)) AS t(v);

-- case: null_group_by_groups_nulls
SELECT g, count(*) AS n FROM (VALUES (1), (NULL), (1), (NULL), (2)) AS t(g) GROUP BY g ORDER BY g NULLS FIRST;

-- case: null_distinct
SELECT DISTINCT v FROM (VALUES (NULL::int), (1), (NULL), (1)) AS t(v) ORDER BY v;

-- case: null_coalesce_chain
SELECT id, COALESCE(a, b, c, -1) AS first_non_null FROM (VALUES (1, NULL, 2, 3), (2, NULL, NULL, 4), (3, NULL, NULL, NULL), (4, 5, 6, 7)) AS t(id, a, b, c) ORDER BY id;

-- case: null_case_when_null
SELECT CASE NULL WHEN NULL THEN 'matched' ELSE 'not matched' END AS a, CASE WHEN NULL THEN 'true' ELSE 'else' END AS b;

-- case: null_string_vs_empty
SELECT '' IS NULL AS empty_is_null, NULL::text IS NULL AS null_is_null, coalesce('', 'x') AS coalesce_empty, length('') AS len_empty;

-- case: null_in_unique_column
CREATE TABLE dt_null_unique (v int UNIQUE);
INSERT INTO dt_null_unique VALUES (NULL), (NULL), (1);
SELECT count(*) AS n, count(v) AS nn FROM dt_null_unique;
-- cleanup
DROP TABLE IF EXISTS dt_null_unique;
