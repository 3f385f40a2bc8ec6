-- Arrays written as PostgreSQL's array text: literal input in casts, columns, defaults and comparisons, array text
-- output inside SQL, and the shape functions over such arrays.

-- case: arrin_literal_casts
SELECT '{1,2,3}'::int[] AS ints, '{a,b}'::text[] AS texts, '{}'::int[] AS empty, '{1,NULL,3}'::bigint[] AS with_null, '{{1,2},{3,4}}'::int[] AS two_d;

-- case: arrin_quoting_and_nulls
SELECT '{"x y",z,"a\"b","NULL",NULL,""}'::text[] AS quoted, ('{"x y",z}'::text[])[1] AS first, ('{a,NULL}'::text[])[2] IS NULL AS null_elem, '{ spaced , out }'::text[] AS trimmed;

-- case: arrin_element_types
SELECT '{1,-2}'::smallint[] AS i2, '{9000000000}'::int8[] AS i8, '{1.5,2.25}'::numeric(5,2)[] AS num, '{0.5,-1e3}'::float8[] AS f8, '{t,false}'::bool[] AS b, '{2024-01-15,2024-12-31}'::date[] AS d, '{"2024-01-15 10:30:00"}'::timestamp[] AS ts, '{"12:30:00",23:59}'::time[] AS t, '{"1 day"}'::interval[] AS iv;

-- case: arrin_cast_function_syntax
SELECT CAST('{4,5}' AS integer[]) AS cast_ints, CAST('{}' AS text[]) AS cast_empty, cardinality(CAST('{x,y,z}' AS varchar[])) AS n;

-- case: arrin_insert_update_default
CREATE TABLE dt_arrin_insert_update_default (id int, tags text[] DEFAULT '{}', nums int[]);
INSERT INTO dt_arrin_insert_update_default VALUES (1, '{red,"dark blue"}', '{1,2,3}');
INSERT INTO dt_arrin_insert_update_default (id, nums) VALUES (2, '{}');
INSERT INTO dt_arrin_insert_update_default (id) VALUES (3);
UPDATE dt_arrin_insert_update_default SET nums = '{7,NULL}' WHERE id = 3;
UPDATE dt_arrin_insert_update_default SET tags = '{solo}' WHERE id = 2;
SELECT id, tags, nums, cardinality(tags) AS ntags FROM dt_arrin_insert_update_default ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_arrin_insert_update_default;

-- case: arrin_where_literal_compare
CREATE TABLE dt_arrin_where_literal_compare (id int, tags text[]);
INSERT INTO dt_arrin_where_literal_compare VALUES (1, '{a,b}'), (2, '{c}'), (3, '{}');
SELECT id FROM dt_arrin_where_literal_compare WHERE tags = '{a,b}' ORDER BY id;
SELECT id FROM dt_arrin_where_literal_compare WHERE tags = '{}' ORDER BY id;
SELECT id FROM dt_arrin_where_literal_compare WHERE 'c' = ANY (tags) ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_arrin_where_literal_compare;

-- case: arrin_any_all_literals
SELECT 1 = ANY('{}'::int[]) AS in_empty, 2 = ANY('{1,2}'::int[]) AS found, 'from' <> ALL ('{select,from}'::text[]) AS keyword, 'x' <> ALL ('{select,from}'::text[]) AS other, 1 = ANY('{NULL,2}'::int[]) AS unknown;

-- case: arrin_output_as_text
SELECT ARRAY[1, 2, 3]::text AS ints, ARRAY['a b', 'c', NULL]::text AS texts, ARRAY[[1, 2], [3, 4]]::text AS nested, ARRAY[]::int[]::text AS empty, ARRAY[true, false]::text AS bools, length(ARRAY[10, 20]::text) AS len;

-- case: arrin_output_in_strings
SELECT 'tags: ' || ARRAY['x', 'y z']::text AS labelled, CAST(ARRAY[1.5, 2.25]::numeric(4,2)[] AS text) AS nums, '{3,4}'::int[]::text AS round_trip;

-- case: arrin_multidim_literal
SELECT '{{1,2},{3,4}}'::int[] AS m, ('{{1,2},{3,4}}'::int[])[2][1] AS cell, array_ndims('{{1,2},{3,4}}'::int[]) AS nd, array_dims('{{1,2,3},{4,5,6}}'::int[]) AS dims, array_length('{{1,2,3},{4,5,6}}'::int[], 2) AS len2;

-- case: arrin_shape_functions
SELECT array_length('{}'::int[], 1) AS empty_len, cardinality('{}'::int[]) AS empty_card, cardinality('{{1,2},{3,4}}'::int[]) AS card2d, array_upper('{5,6,7}'::int[], 1) AS up, array_lower('{5,6,7}'::int[], 1) AS lo, array_ndims('{}'::int[]) AS empty_nd, array_length('{5,6}'::int[], 2) AS no_dim2;

-- case: arrin_errors
SELECT '{1,2'::int[];
SELECT '{x}'::int[];
SELECT '{{1,2},{3}}'::int[];
SELECT '{99999999999}'::int[];
