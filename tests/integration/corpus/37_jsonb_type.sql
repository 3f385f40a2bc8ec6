-- jsonb as its own type (PostgreSQL 15 docs 8.14 and 9.16): canonical text, operators, functions.

-- case: jb37_key_order_by_length
SELECT '{"bbb": 1, "a": 2, "cc": 3, "ab": 4}'::jsonb AS j;

-- case: jb37_duplicate_keys_last_wins
SELECT '{"a": 1, "b": 2, "a": 3}'::jsonb AS j;

-- case: jb37_whitespace_removed
SELECT '  {  "a"  :  [ 1 ,2,   3 ] , "b":{"c":null}}  '::jsonb AS j;

-- case: jb37_numbers_as_numeric
SELECT '1.50'::jsonb AS a, '1e2'::jsonb AS b, '-0'::jsonb AS c, '[1.5e1, 0.10, 12E-2]'::jsonb AS d;

-- case: jb37_scalars
SELECT '"text"'::jsonb AS s, 'true'::jsonb AS t, 'false'::jsonb AS f, 'null'::jsonb AS n, '42'::jsonb AS i;

-- case: jb37_string_escapes
SELECT '"a\"b\\c\nd\u00e9"'::jsonb AS s, '{"tab\t": "x"}'::jsonb AS k;

-- case: jb37_empty_containers
SELECT '{}'::jsonb AS o, '[]'::jsonb AS a, '[[], {}]'::jsonb AS nested;

-- case: jb37_invalid_input
SELECT '{"a": }'::jsonb;

-- case: jb37_invalid_trailing
SELECT '[1, 2] x'::jsonb;

-- case: jb37_null_cast
SELECT NULL::jsonb AS j;

-- case: jb37_json_keeps_text
SELECT '{"b": 1,   "a": 2, "b": 3}'::json AS j;

-- case: jb37_arrow_field
SELECT '{"a": {"b": 1}}'::jsonb -> 'a' AS a, '{"a": {"b": 1}}'::jsonb ->> 'a' AS a_text;

-- case: jb37_arrow_index
SELECT '[10, "x", [1, 2]]'::jsonb -> 2 AS two, '[10, "x", [1, 2]]'::jsonb ->> 1 AS one, '[10, 20]'::jsonb -> -1 AS last;

-- case: jb37_arrow_missing
SELECT '{"a": 1}'::jsonb -> 'b' AS missing, '[1]'::jsonb -> 3 AS out_of_range, '{"a": null}'::jsonb ->> 'a' AS null_text;

-- case: jb37_path_get
SELECT '{"a": {"b": ["x", {"c": 5}]}}'::jsonb #> '{a,b,1}' AS p, '{"a": {"b": ["x", {"c": 5}]}}'::jsonb #>> '{a,b,0}' AS t;

-- case: jb37_json_arrow_keeps_spacing
SELECT '{"a": {"b":  [1,  2]}}'::json -> 'a' AS a, '{"a": {"b":  [1,  2]}}'::json #> '{a,b}' AS b;

-- case: jb37_contains
SELECT '{"a": 1, "b": {"c": 2}}'::jsonb @> '{"b": {"c": 2}}'::jsonb AS nested, '[1, 2, 3]'::jsonb @> '[3, 1]'::jsonb AS arr, '["a", "b"]'::jsonb @> '"a"'::jsonb AS scalar_in_array;

-- case: jb37_contained_by
SELECT '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}'::jsonb AS yes, '{"a": 2}'::jsonb <@ '{"a": 1, "b": 2}'::jsonb AS no;

-- case: jb37_contains_docs_examples
SELECT '"foo"'::jsonb @> '"foo"'::jsonb AS a, '[1, 2, [1, 3]]'::jsonb @> '[[1, 3]]'::jsonb AS b, '[1, 2, [1, 3]]'::jsonb @> '[1, 3]'::jsonb AS c, '{"foo": {"bar": "baz"}}'::jsonb @> '{"bar": "baz"}'::jsonb AS d;

-- case: jb37_exists
SELECT '{"a": 1, "b": 2}'::jsonb ? 'b' AS key, '["a", "b"]'::jsonb ? 'a' AS elem, '{"a": {"b": 1}}'::jsonb ? 'b' AS not_nested;

-- case: jb37_exists_any_all
SELECT '{"a": 1, "b": 2, "c": 3}'::jsonb ?| array['b', 'd'] AS any_key, '["a", "b", "c"]'::jsonb ?& array['a', 'b'] AS all_keys, '{"a": 1}'::jsonb ?& array['a', 'z'] AS not_all;

-- case: jb37_concat
SELECT '["a", "b"]'::jsonb || '["a", "d"]'::jsonb AS arrays, '{"a": "b"}'::jsonb || '{"c": "d"}'::jsonb AS objects, '[1, 2]'::jsonb || '3'::jsonb AS append, '{"a": 1}'::jsonb || '{"a": 2}'::jsonb AS overwrite;

-- case: jb37_concat_object_scalar
SELECT '{"a": "b"}'::jsonb || '42'::jsonb AS j;

-- case: jb37_delete_key
SELECT '{"a": "b", "c": "d"}'::jsonb - 'a' AS key, '["a", "b", "a"]'::jsonb - 'a' AS elems;

-- case: jb37_delete_keys_array
SELECT '{"a": "b", "c": "d", "e": 1}'::jsonb - '{a,c}'::text[] AS j;

-- case: jb37_delete_index
SELECT '["a", "b"]'::jsonb - 1 AS one, '["a", "b", "c"]'::jsonb - -1 AS last, '["a"]'::jsonb - 5 AS none;

-- case: jb37_delete_from_scalar
SELECT '42'::jsonb - 'a';

-- case: jb37_delete_path
SELECT '["a", {"b": 1, "c": 2}]'::jsonb #- '{1,b}' AS j, '{"a": [1, 2, 3]}'::jsonb #- '{a,0}' AS k;

-- case: jb37_jsonb_set
SELECT jsonb_set('[{"f1": 1, "f2": null}, 2, null, 3]', '{0,f1}', '[2, 3, 4]', false) AS a, jsonb_set('[{"f1": 1, "f2": null}, 2]', '{0,f3}', '[2, 3, 4]') AS b;

-- case: jb37_jsonb_set_array_ends
SELECT jsonb_set('[1, 2]', '{5}', '"x"') AS after, jsonb_set('[1, 2]', '{-5}', '"x"') AS before, jsonb_set('{"a": 1}', '{b}', '2', false) AS no_create;

-- case: jb37_jsonb_insert
SELECT jsonb_insert('{"a": [0, 1, 2]}', '{a,1}', '"new_value"') AS before, jsonb_insert('{"a": [0, 1, 2]}', '{a,1}', '"new_value"', true) AS after;

-- case: jb37_jsonb_insert_existing_key
SELECT jsonb_insert('{"a": 1}', '{a}', '2');

-- case: jb37_jsonb_pretty
SELECT jsonb_pretty('[{"f1": 1, "f2": null}, 2]') AS p;

-- case: jb37_jsonb_strip_nulls
SELECT jsonb_strip_nulls('[{"f1": 1, "f2": null}, 2, null, 3]') AS j, jsonb_strip_nulls('{"a": {"b": null, "c": 1}}') AS k;

-- case: jb37_jsonb_array_length
SELECT jsonb_array_length('[1, 2, 3, {"f1": 1, "f2": [5, 6]}, 4]') AS n, jsonb_array_length('[]') AS zero;

-- case: jb37_jsonb_array_length_scalar
SELECT jsonb_array_length('5');

-- case: jb37_jsonb_build_object
SELECT jsonb_build_object('foo', 1, 2, 'bar') AS o, jsonb_build_object('b', 1, 'a', 2) AS sorted;

-- case: jb37_jsonb_build_array
SELECT jsonb_build_array(1, 2, 'three', 4, 5) AS a;

-- case: jb37_to_jsonb
SELECT to_jsonb('Fred said "Hi."'::text) AS s, to_jsonb(42) AS n, to_jsonb(true) AS b;

-- case: jb37_jsonb_extract_path
SELECT jsonb_extract_path('{"f2": {"f3": 1}, "f4": {"f5": 99, "f6": "foo"}}', 'f4', 'f6') AS p, jsonb_extract_path_text('{"f2": {"f3": 1}, "f4": {"f5": 99, "f6": "foo"}}', 'f4', 'f6') AS t;

-- case: jb37_jsonb_each
SELECT key, value FROM jsonb_each('{"a": "foo", "b": "bar", "c": [1, 2]}') ORDER BY key;

-- case: jb37_jsonb_array_elements
SELECT value FROM jsonb_array_elements('[1, true, [2, false], {"x": 1}]') WITH ORDINALITY AS e(value, n) ORDER BY n;

-- case: jb37_jsonb_typeof
SELECT jsonb_typeof('-123.4') AS n, jsonb_typeof('null'::jsonb) AS nul, jsonb_typeof('{"a": 1}'::jsonb) AS o;

-- case: jb37_table_column
CREATE TABLE dt_jb37_table_column (id int, doc jsonb);
INSERT INTO dt_jb37_table_column VALUES (1, '{"name": "x", "tags": ["a", "b"]}'), (2, '{"tags": ["c"], "name": "y", "extra": 1}');
SELECT id, doc FROM dt_jb37_table_column ORDER BY id;
SELECT id, doc -> 'tags' AS tags, doc ->> 'name' AS name FROM dt_jb37_table_column ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_jb37_table_column;

-- case: jb37_table_containment_filter
CREATE TABLE dt_jb37_table_containment_filter (id int, doc jsonb);
INSERT INTO dt_jb37_table_containment_filter VALUES (1, '{"tags": ["a", "b"]}'), (2, '{"tags": ["c"]}'), (3, '{"other": 1}');
SELECT id FROM dt_jb37_table_containment_filter WHERE doc @> '{"tags": ["a"]}' ORDER BY id;
SELECT id FROM dt_jb37_table_containment_filter WHERE doc ? 'tags' ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_jb37_table_containment_filter;

-- case: jb37_table_equality
CREATE TABLE dt_jb37_table_equality (id int, doc jsonb);
INSERT INTO dt_jb37_table_equality VALUES (1, '{"a": 1, "b": 2}'), (2, '{"b": 2, "a": 1}'), (3, '{"a": 2}');
SELECT id FROM dt_jb37_table_equality WHERE doc = '{"b": 2,  "a": 1}' ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_jb37_table_equality;

-- case: jb37_column_type
CREATE TABLE dt_jb37_column_type (doc jsonb, j json);
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON a.attrelid = c.oid WHERE c.relname = 'dt_jb37_column_type' AND a.attnum > 0 ORDER BY a.attnum;
-- cleanup
DROP TABLE IF EXISTS dt_jb37_column_type;

-- case: jb37_cast_to_text
SELECT '{"b": 1, "a": 2}'::jsonb::text AS t, ('[1,2]'::jsonb)::text AS u;

-- case: jb37_json_to_jsonb
SELECT '{"b":  1, "a": 2}'::json::jsonb AS j;
