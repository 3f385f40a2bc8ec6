-- Conditional expressions: CASE, COALESCE, NULLIF, GREATEST/LEAST, IS DISTINCT FROM.

-- case: cond_case_without_else
SELECT v, CASE WHEN v > 1 THEN 'big' END AS label FROM (VALUES (1), (2)) AS t(v) ORDER BY v;

-- case: cond_case_simple_form_with_nulls
SELECT v, CASE v WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN NULL THEN 'null?' ELSE 'other' END AS name FROM (VALUES (1), (2), (3), (NULL)) AS t(v) ORDER BY v NULLS LAST;

-- case: cond_case_type_resolution
SELECT CASE WHEN true THEN 1 ELSE 2.5 END AS int_num, CASE WHEN false THEN 1 ELSE 2.5 END AS num, CASE WHEN true THEN 'a' ELSE NULL END AS text_null, CASE WHEN true THEN 1::bigint ELSE 2 END AS big;

-- case: cond_case_in_order_by
SELECT status FROM (VALUES ('open'), ('closed'), ('pending'), ('open')) AS t(status) ORDER BY CASE status WHEN 'pending' THEN 1 WHEN 'open' THEN 2 ELSE 3 END, status;

-- case: cond_case_in_aggregate_pivot
CREATE TABLE dt_cond_case_in_aggregate_pivot (y int, q int, amount int);
INSERT INTO dt_cond_case_in_aggregate_pivot VALUES (2023, 1, 10), (2023, 2, 20), (2023, 4, 5), (2024, 1, 30), (2024, 3, 15);
SELECT y, sum(CASE WHEN q = 1 THEN amount ELSE 0 END)::int AS q1, sum(CASE WHEN q = 2 THEN amount ELSE 0 END)::int AS q2, sum(CASE WHEN q = 3 THEN amount ELSE 0 END)::int AS q3, sum(CASE WHEN q = 4 THEN amount ELSE 0 END)::int AS q4 FROM dt_cond_case_in_aggregate_pivot GROUP BY y ORDER BY y;
-- cleanup
DROP TABLE IF EXISTS dt_cond_case_in_aggregate_pivot;

-- case: cond_nested_case
SELECT v, CASE WHEN v < 0 THEN 'neg' ELSE CASE WHEN v = 0 THEN 'zero' WHEN v < 10 THEN 'small' ELSE 'large' END END AS cls FROM (VALUES (-1), (0), (5), (50)) AS t(v) ORDER BY v;

-- case: cond_case_with_subquery
SELECT v, CASE WHEN v IN (SELECT 2 UNION SELECT 3) THEN 'listed' ELSE 'not' END AS l, CASE WHEN EXISTS (SELECT 1 WHERE v > 2) THEN 'gt2' END AS e FROM (VALUES (1), (2), (3)) AS t(v) ORDER BY v;

-- case: cond_case_short_circuit_division
SELECT v, CASE WHEN v = 0 THEN NULL ELSE 100 / v END AS safe FROM (VALUES (0), (4)) AS t(v) ORDER BY v;

-- case: cond_coalesce_types
SELECT coalesce(NULL, 1, 2) AS i, coalesce(NULL::text, 'x') AS t, coalesce(NULL, 1.5, 2) AS n, coalesce(NULL::int, NULL::int) AS all_null, coalesce(NULL::date, date '2024-01-01') AS d;

-- case: cond_coalesce_table_columns
CREATE TABLE dt_cond_coalesce_table_columns (id int, nickname text, first_name text, phone_mobile text, phone_home text);
INSERT INTO dt_cond_coalesce_table_columns VALUES (1, NULL, 'Ann', NULL, '555-1'), (2, 'Benny', 'Ben', '555-2', '555-3'), (3, NULL, NULL, NULL, NULL);
SELECT id, coalesce(nickname, first_name, 'anonymous') AS display, coalesce(phone_mobile, phone_home) AS phone FROM dt_cond_coalesce_table_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_cond_coalesce_table_columns;

-- case: cond_nullif_variants
SELECT nullif(1, 1) AS same, nullif(1, 2) AS diff, nullif('a', 'b') AS t, nullif(NULL::int, 1) AS n, nullif(0.0, 0) AS num_zero;

-- case: cond_greatest_least_nulls_and_types
SELECT greatest(NULL::int, NULL) AS all_null, least(5, NULL, 3) AS ignores_null, greatest(date '2024-01-01', date '2023-06-01') AS d, least('b'::text, 'a') AS t, greatest(1, 2::bigint) AS mixed;

-- case: cond_is_distinct_from_columns
CREATE TABLE dt_cond_is_distinct_from_columns (id int, old_v text, new_v text);
INSERT INTO dt_cond_is_distinct_from_columns VALUES (1, 'a', 'a'), (2, 'a', 'b'), (3, NULL, 'b'), (4, NULL, NULL);
SELECT id, old_v = new_v AS eq, old_v IS DISTINCT FROM new_v AS changed, old_v IS NOT DISTINCT FROM new_v AS same FROM dt_cond_is_distinct_from_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_cond_is_distinct_from_columns;

-- case: cond_boolean_tests
SELECT b, b IS TRUE AS t, b IS NOT TRUE AS nt, b IS FALSE AS f, b IS NOT FALSE AS nf, b IS UNKNOWN AS u, b IS NOT UNKNOWN AS nu FROM (VALUES (true), (false), (NULL::boolean)) AS v(b) ORDER BY b NULLS LAST;

-- case: cond_in_list_with_nulls
SELECT 1 IN (1, NULL) AS a, 2 IN (1, NULL) AS b, 2 NOT IN (1, NULL) AS c, NULL IN (1, 2) AS d, 1 NOT IN (2, 3) AS e;

-- case: cond_boolean_expressions_in_select
SELECT v, v > 2 AND v < 5 AS mid, v < 2 OR v > 5 AS outside, NOT (v = 3) AS not3 FROM generate_series(1, 6) AS v ORDER BY v;

-- case: cond_case_returning_mixed_null_column
CREATE TABLE dt_cond_case_returning_mixed_null_column (id int, score int);
INSERT INTO dt_cond_case_returning_mixed_null_column VALUES (1, 95), (2, 72), (3, NULL), (4, 50);
SELECT id, CASE WHEN score >= 90 THEN 'A' WHEN score >= 70 THEN 'B' WHEN score IS NULL THEN NULL ELSE 'F' END AS grade, coalesce(score, 0) AS score0 FROM dt_cond_case_returning_mixed_null_column ORDER BY id;
SELECT CASE WHEN score >= 70 THEN 'pass' ELSE 'fail' END AS result, count(*) AS n FROM dt_cond_case_returning_mixed_null_column GROUP BY 1 ORDER BY 1;
-- cleanup
DROP TABLE IF EXISTS dt_cond_case_returning_mixed_null_column;

-- case: cond_case_mismatched_types_error
SELECT CASE WHEN true THEN 1 ELSE 'x' END;
SELECT coalesce(1, 'x');

-- case: cond_where_with_case
SELECT v FROM generate_series(1, 6) AS v WHERE CASE WHEN v % 2 = 0 THEN v > 3 ELSE v < 3 END ORDER BY v;

-- case: cond_coalesce_in_group_by
SELECT coalesce(g, 'unknown') AS grp, count(*) AS n FROM (VALUES ('a'), (NULL), ('a'), (NULL), ('b')) AS t(g) GROUP BY coalesce(g, 'unknown') ORDER BY grp;

-- case: cond_unknown_literals_take_the_other_type
CREATE TABLE dt_cond_unknown_literals (id int, n numeric(6,2), d date, ok boolean);
INSERT INTO dt_cond_unknown_literals VALUES (1, 2.50, '2024-03-01', true), (2, NULL, NULL, NULL);
SELECT id, CASE WHEN id = 1 THEN 10 ELSE '20' END AS i, coalesce(n, '0.25') AS n0, coalesce(d, '2000-01-01') AS d0, coalesce(ok, 'false') AS b FROM dt_cond_unknown_literals ORDER BY id;
SELECT CASE WHEN id = 1 THEN 'a' ELSE 'b' END AS t, CASE id WHEN 1 THEN 3 ELSE '-2' END AS num FROM dt_cond_unknown_literals ORDER BY id;
SELECT coalesce(n, 'zero') FROM dt_cond_unknown_literals;
-- cleanup
DROP TABLE IF EXISTS dt_cond_unknown_literals;

-- case: cond_type_mismatches_refused
CREATE TABLE dt_cond_type_mismatches (code varchar(10), flag boolean, qty int);
INSERT INTO dt_cond_type_mismatches VALUES ('1', true, 1);
SELECT code FROM dt_cond_type_mismatches WHERE code = 1;
SELECT code FROM dt_cond_type_mismatches WHERE 1.5 < code;
SELECT code FROM dt_cond_type_mismatches WHERE code = '1' AND qty = 1;
INSERT INTO dt_cond_type_mismatches (code, flag, qty) VALUES ('2', 0, 2);
INSERT INTO dt_cond_type_mismatches VALUES ('3', false, true);
SELECT 1 AS a UNION ALL SELECT '2'::text;
SELECT 'x'::text EXCEPT SELECT 2.5;
SELECT 1 UNION SELECT '2' ORDER BY 1;
-- cleanup
DROP TABLE IF EXISTS dt_cond_type_mismatches;
