-- JSON and JSONB: constructors, operators, processing functions, JSON columns.

-- case: json_build_object_array
SELECT json_build_object('a', 1, 'b', 'x', 'c', NULL) AS o, json_build_array(1, 'two', NULL, true) AS a;

-- case: jsonb_build_object_sorted_keys
SELECT jsonb_build_object('b', 2, 'a', 1, 'c', '{"x": 1}'::jsonb) AS o, jsonb_build_array(3, 'x', false) AS a;

-- case: jsonb_text_normalization
SELECT '{"b":1,   "a":[1,2,{"z":null}]}'::jsonb AS j, '{"a": 1, "a": 2}'::jsonb AS dup, '  [ ]  '::jsonb AS empty, '1.50'::jsonb AS num;

-- case: json_text_preserved
SELECT '{"b":1,   "a":[1,2]}'::json AS j, '{"a": 1, "a": 2}'::json AS dup;

-- case: jsonb_arrow_operators
SELECT '{"a": {"b": [10, 20, 30]}}'::jsonb -> 'a' -> 'b' ->> 2 AS third, '{"a": {"b": [10, 20, 30]}}'::jsonb -> 'a' -> 'b' -> -1 AS last, '{"a": 1}'::jsonb -> 'missing' AS missing, '[1, 2]'::jsonb ->> 5 AS out_of_range;

-- case: jsonb_path_operators
SELECT '{"a": {"b": [10, 20, 30]}}'::jsonb #> '{a,b}' AS arr, '{"a": {"b": [10, 20, 30]}}'::jsonb #>> '{a,b,1}' AS second, '{"a": {"b": "text"}}'::jsonb #>> '{a,b}' AS txt;

-- case: jsonb_containment_existence
SELECT '{"a": 1, "b": 2}'::jsonb @> '{"a": 1}' AS contains, '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}' AS contained, '{"a": 1, "b": 2}'::jsonb ? 'b' AS has_b, '{"a": 1}'::jsonb ?| ARRAY['x', 'a'] AS any_key, '{"a": 1}'::jsonb ?& ARRAY['x', 'a'] AS all_keys, '["x", "y"]'::jsonb ? 'y' AS array_elem;

-- case: jsonb_concat_and_delete
SELECT '{"a": 1}'::jsonb || '{"b": 2}'::jsonb AS merged, '{"a": 1, "b": 2}'::jsonb - 'a' AS minus_key, '[1, 2, 3]'::jsonb - 1 AS minus_index, '{"a": {"b": 1, "c": 2}}'::jsonb #- '{a,b}' AS minus_path, '[1]'::jsonb || '[2, 3]'::jsonb AS arr;

-- case: json_typeof_functions
SELECT json_typeof('{"a": 1}') AS obj, json_typeof('[1]') AS arr, jsonb_typeof('"s"') AS str, jsonb_typeof('1.5') AS num, jsonb_typeof('true') AS bool, jsonb_typeof('null') AS nul;

-- case: json_array_length_functions
SELECT json_array_length('[1, 2, 3]') AS a, jsonb_array_length('[]') AS b, jsonb_array_length('[[1, 2], 3]') AS c;

-- case: jsonb_each_rows
SELECT key, value FROM jsonb_each('{"b": [1, 2], "a": 1, "c": "x"}') ORDER BY key;
SELECT key, value FROM jsonb_each_text('{"b": [1, 2], "a": 1, "c": "x", "d": null}') ORDER BY key;

-- case: json_each_rows
SELECT key, value FROM json_each('{"b": [1, 2], "a": 1}') ORDER BY key;
SELECT key, value FROM json_each_text('{"b": "two", "a": 1}') ORDER BY key;

-- case: json_object_keys_rows
SELECT k FROM jsonb_object_keys('{"z": 1, "a": 2, "m": 3}') AS k ORDER BY k;
SELECT json_object_keys('{"y": 1, "x": 2}') AS k ORDER BY k;

-- case: jsonb_array_elements_rows
SELECT value FROM jsonb_array_elements('[1, "two", {"three": 3}, null]') WITH ORDINALITY AS e(value, n) ORDER BY n;
SELECT e, n FROM jsonb_array_elements_text('["b", "a", "c"]') WITH ORDINALITY AS t(e, n) ORDER BY n;

-- case: json_array_elements_rows
SELECT value FROM json_array_elements('[3, 1, 2]') WITH ORDINALITY AS e(value, n) ORDER BY n;
SELECT x FROM json_array_elements_text('["p", "q"]') AS x ORDER BY x;

-- case: json_agg_functions
SELECT json_agg(v ORDER BY v) AS ja, jsonb_agg(v ORDER BY v DESC) AS jba, json_agg(s ORDER BY v) AS strs FROM (VALUES (2, 'b'), (1, 'a'), (3, NULL)) AS t(v, s);

-- case: json_object_agg_functions
SELECT json_object_agg(k, v ORDER BY k) AS jo, jsonb_object_agg(k, v) AS jbo FROM (VALUES ('b', 2), ('a', 1)) AS t(k, v);

-- case: json_agg_of_rows
CREATE TABLE dt_json_agg_of_rows (id int, name text, active boolean);
INSERT INTO dt_json_agg_of_rows VALUES (1, 'ann', true), (2, 'ben', false);
SELECT json_agg(r ORDER BY r.id) AS rows FROM dt_json_agg_of_rows r;
SELECT row_to_json(r) AS j FROM dt_json_agg_of_rows r ORDER BY r.id;
SELECT to_jsonb(r) AS j FROM dt_json_agg_of_rows r ORDER BY r.id;
-- cleanup
DROP TABLE IF EXISTS dt_json_agg_of_rows;

-- case: json_to_json_scalars
SELECT to_json('text'::text) AS s, to_json(42) AS i, to_json(1.5) AS n, to_json(true) AS b, to_jsonb(ARRAY[1, 2]) AS arr, to_json(NULL::text) AS nul, to_json(date '2024-03-01') AS d;

-- case: jsonb_set_insert
SELECT jsonb_set('{"a": 1, "b": {"c": 2}}', '{b,c}', '3') AS set_nested, jsonb_set('{"a": 1}', '{z}', '"new"') AS set_new, jsonb_set('{"a": 1}', '{z}', '"new"', false) AS no_create, jsonb_insert('[1, 3]', '{1}', '2') AS ins;

-- case: jsonb_strip_nulls_pretty
SELECT jsonb_strip_nulls('{"a": 1, "b": null, "c": {"d": null}}') AS jb, json_strip_nulls('{"a":null,"b":2}') AS j, jsonb_pretty('{"a": [1, 2], "b": {"c": 3}}') AS pretty;

-- case: jsonb_extract_path_functions
SELECT jsonb_extract_path('{"a": {"b": 5}}', 'a', 'b') AS p, jsonb_extract_path_text('{"a": {"b": "x"}}', 'a', 'b') AS pt, json_extract_path_text('{"a": [1, 2]}', 'a', '1') AS jpt;

-- case: jsonb_null_vs_sql_null
SELECT '{"a": null}'::jsonb -> 'a' AS json_null, ('{"a": null}'::jsonb ->> 'a') IS NULL AS text_is_null, ('{"a": null}'::jsonb -> 'a') IS NULL AS jsonb_is_null, 'null'::jsonb = 'null'::jsonb AS eq;

-- case: jsonb_casts_to_sql_types
SELECT ('{"n": 42}'::jsonb ->> 'n')::int AS i, ('{"n": 1.25}'::jsonb ->> 'n')::numeric AS n, ('{"b": true}'::jsonb ->> 'b')::boolean AS b, ('{"n": 42}'::jsonb -> 'n')::int AS direct_int, '{"a": 1}'::jsonb::text AS as_text;

-- case: jsonb_equality_and_ordering
SELECT '{"a": 1, "b": 2}'::jsonb = '{"b": 2, "a": 1}'::jsonb AS eq, '[1, 2]'::jsonb = '[2, 1]'::jsonb AS arr_eq, '1'::jsonb < '2'::jsonb AS lt;

-- case: jsonb_column_queries
CREATE TABLE dt_jsonb_column_queries (id int PRIMARY KEY, doc jsonb NOT NULL);
INSERT INTO dt_jsonb_column_queries VALUES (1, '{"name": "ann", "tags": ["a", "b"], "active": true, "age": 31}'), (2, '{"name": "ben", "tags": [], "active": false, "age": 25}'), (3, '{"name": "cy", "active": true, "address": {"city": "Oslo"}}');
SELECT id, doc ->> 'name' AS name FROM dt_jsonb_column_queries WHERE doc @> '{"active": true}' ORDER BY id;
SELECT id, doc -> 'address' ->> 'city' AS city FROM dt_jsonb_column_queries WHERE doc ? 'address' ORDER BY id;
SELECT id, (doc ->> 'age')::int + 1 AS next_age FROM dt_jsonb_column_queries WHERE doc ->> 'age' IS NOT NULL ORDER BY id;
SELECT id, jsonb_array_length(coalesce(doc -> 'tags', '[]')) AS ntags FROM dt_jsonb_column_queries ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_jsonb_column_queries;

-- case: jsonb_column_update
CREATE TABLE dt_jsonb_column_update (id int, doc jsonb);
INSERT INTO dt_jsonb_column_update VALUES (1, '{"n": 1}'), (2, '{"n": 5}');
UPDATE dt_jsonb_column_update SET doc = doc || '{"seen": true}' WHERE id = 1;
UPDATE dt_jsonb_column_update SET doc = jsonb_set(doc, '{n}', to_jsonb((doc ->> 'n')::int * 10)) WHERE id = 2;
SELECT id, doc FROM dt_jsonb_column_update ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_jsonb_column_update;

-- case: json_column_group_by_key
CREATE TABLE dt_json_column_group_by_key (id int, payload json);
INSERT INTO dt_json_column_group_by_key VALUES (1, '{"kind": "click", "ms": 10}'), (2, '{"kind": "view", "ms": 30}'), (3, '{"kind": "click", "ms": 20}');
SELECT payload ->> 'kind' AS kind, count(*) AS n, max((payload ->> 'ms')::int) AS max_ms FROM dt_json_column_group_by_key GROUP BY payload ->> 'kind' ORDER BY kind;
-- cleanup
DROP TABLE IF EXISTS dt_json_column_group_by_key;

-- case: json_lateral_elements
CREATE TABLE dt_json_lateral_elements (id int, items jsonb);
INSERT INTO dt_json_lateral_elements VALUES (1, '[{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}]'), (2, '[{"sku": "a", "qty": 5}]');
SELECT o.id, i ->> 'sku' AS sku, (i ->> 'qty')::int AS qty FROM dt_json_lateral_elements o CROSS JOIN LATERAL jsonb_array_elements(o.items) AS i ORDER BY o.id, sku;
-- cleanup
DROP TABLE IF EXISTS dt_json_lateral_elements;

-- case: jsonb_to_record_functions
SELECT * FROM jsonb_to_record('{"a": 1, "b": "x", "c": true}') AS r(a int, b text, c boolean);
SELECT * FROM jsonb_to_recordset('[{"a": 1, "b": "x"}, {"a": 2}]') AS r(a int, b text) ORDER BY a;

-- case: jsonb_path_query_functions
SELECT jsonb_path_exists('{"a": [1, 2, 3]}', '$.a[*] ? (@ > 2)') AS ex, jsonb_path_query_array('{"a": [1, 2, 3]}', '$.a[*] ? (@ >= 2)') AS arr, jsonb_path_query_first('{"a": [1, 2, 3]}', '$.a[0]') AS first;

-- case: json_invalid_inputs
SELECT '{"a": }'::jsonb;
SELECT '[1, 2'::json;
SELECT '{"a": 1}'::jsonb ->> 'a' AS ok;
