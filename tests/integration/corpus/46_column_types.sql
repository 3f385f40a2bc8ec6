-- Expressions over columns whose types decide what PostgreSQL does: jsonb columns with the jsonb operators, boolean
-- columns printed as text, array columns with ||, enum columns compared with literals, real arithmetic.

-- case: coltypes_jsonb_operators
CREATE TABLE dt_coltypes_jsonb_operators (id int, doc jsonb, other jsonb);
INSERT INTO dt_coltypes_jsonb_operators VALUES (1, '{"a": 1, "b": {"c": [1, 2]}}', '{"a": 1}'), (2, '{"a": 2, "tags": ["x", "y"]}', '{"z": true}');
SELECT id, doc -> 'a' AS a, doc ->> 'a' AS a_text, doc #> '{b,c}' AS bc, doc #>> '{b,c,0}' AS bc0 FROM dt_coltypes_jsonb_operators ORDER BY id;
SELECT id, doc ? 'tags' AS has_tags, doc ?| array['x', 'b'] AS any_key, doc ?& array['a', 'b'] AS all_keys FROM dt_coltypes_jsonb_operators ORDER BY id;
SELECT id, doc @> other AS contains, other <@ doc AS contained, doc @> '{"a": 2}' AS by_literal FROM dt_coltypes_jsonb_operators ORDER BY id;
SELECT id, doc || other AS merged, doc - 'a' AS without_a, doc #- '{b,c}' AS without_path FROM dt_coltypes_jsonb_operators ORDER BY id;
UPDATE dt_coltypes_jsonb_operators SET doc = doc || '{"seen": true}' WHERE id = 2;
UPDATE dt_coltypes_jsonb_operators SET doc = doc - 'b' WHERE id = 1;
SELECT id, doc FROM dt_coltypes_jsonb_operators ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_coltypes_jsonb_operators;

-- case: coltypes_boolean_as_text
CREATE TABLE dt_coltypes_boolean_as_text (id int, flag boolean, label text);
INSERT INTO dt_coltypes_boolean_as_text VALUES (1, true, 'one'), (2, false, 'two'), (3, NULL, 'three');
SELECT id, concat(label, ':', flag) AS c, concat_ws(',', id, flag) AS w FROM dt_coltypes_boolean_as_text ORDER BY id;
SELECT id, format('%s/%s', label, flag) AS f, format('%L', flag) AS l FROM dt_coltypes_boolean_as_text ORDER BY id;
SELECT t.id, 'flag=' || t.flag AS op, t.label || t.flag AS joined FROM dt_coltypes_boolean_as_text t ORDER BY t.id;
-- cleanup
DROP TABLE IF EXISTS dt_coltypes_boolean_as_text;

-- case: coltypes_array_concat
CREATE TABLE dt_coltypes_array_concat (id int, tags int[], names text[], extra int);
INSERT INTO dt_coltypes_array_concat VALUES (1, ARRAY[1, 2], ARRAY['a'], 3), (2, ARRAY[5], ARRAY['b', 'c'], 4);
SELECT id, tags || extra AS appended, extra || tags AS prepended, tags || tags AS doubled, names || 'z'::text AS named FROM dt_coltypes_array_concat ORDER BY id;
UPDATE dt_coltypes_array_concat SET tags = tags || extra;
SELECT id, tags FROM dt_coltypes_array_concat ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_coltypes_array_concat;

-- case: coltypes_enum_compare
CREATE TYPE dt_coltypes_enum_compare_size AS ENUM ('small', 'medium', 'large');
CREATE TABLE dt_coltypes_enum_compare (id int, size dt_coltypes_enum_compare_size);
INSERT INTO dt_coltypes_enum_compare VALUES (1, 'large'), (2, 'small'), (3, 'medium');
SELECT id FROM dt_coltypes_enum_compare WHERE size > 'small' ORDER BY id;
SELECT id FROM dt_coltypes_enum_compare WHERE 'medium' >= size ORDER BY id;
SELECT id, size::text AS s FROM dt_coltypes_enum_compare WHERE size <> 'medium' ORDER BY size;
-- cleanup
DROP TABLE IF EXISTS dt_coltypes_enum_compare;
DROP TYPE IF EXISTS dt_coltypes_enum_compare_size;

-- case: coltypes_real_arith
CREATE TABLE dt_coltypes_real_arith (id int, r real, n int);
INSERT INTO dt_coltypes_real_arith VALUES (1, 1.1, 3), (2, 0.5, 4);
SELECT id, r * n AS times, r / 2 AS half, r + 1 AS plus, r - n AS minus, r * r AS square FROM dt_coltypes_real_arith ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_coltypes_real_arith;

-- case: coltypes_view_cte_subquery
CREATE TABLE dt_coltypes_view_cte_subquery (id int, doc jsonb, flag boolean);
INSERT INTO dt_coltypes_view_cte_subquery VALUES (1, '{"a": 1}', true), (2, '{"a": 2}', false);
CREATE VIEW dt_coltypes_view_cte_subquery_v AS SELECT id, doc, flag FROM dt_coltypes_view_cte_subquery;
SELECT id, doc || '{"b": 0}' AS merged, concat(flag) AS f FROM dt_coltypes_view_cte_subquery_v ORDER BY id;
WITH c AS (SELECT id, doc, flag FROM dt_coltypes_view_cte_subquery) SELECT c.id, c.doc - 'a' AS emptied, 'x' || c.flag AS x FROM c ORDER BY c.id;
SELECT s.id, s.d || '{"c": 3}' AS merged FROM (SELECT id, doc AS d FROM dt_coltypes_view_cte_subquery) s ORDER BY s.id;
-- cleanup
DROP VIEW IF EXISTS dt_coltypes_view_cte_subquery_v;
DROP TABLE IF EXISTS dt_coltypes_view_cte_subquery;

-- case: coltypes_json_functions_on_columns
CREATE TABLE dt_coltypes_json_functions_on_columns (id int, doc jsonb);
INSERT INTO dt_coltypes_json_functions_on_columns VALUES (1, '{"a": [1, 2, 3], "b": {"c": "x"}}'), (2, '{"a": [], "b": {}}');
SELECT id, jsonb_path_query_array(doc, '$.a[*] ? (@ > 1)') AS big, jsonb_path_query_first(doc, '$.b.c') AS c, jsonb_path_exists(doc, '$.a[0]') AS has_first FROM dt_coltypes_json_functions_on_columns ORDER BY id;
SELECT id, jsonb_object_keys(doc) AS k FROM dt_coltypes_json_functions_on_columns ORDER BY id, k;
SELECT t.id, r.c FROM dt_coltypes_json_functions_on_columns t, jsonb_to_record(t.doc -> 'b') AS r(c text) ORDER BY t.id;
SELECT id, jsonb_path_query(doc, '$.a[*]') AS item FROM dt_coltypes_json_functions_on_columns ORDER BY id, item;
-- cleanup
DROP TABLE IF EXISTS dt_coltypes_json_functions_on_columns;
