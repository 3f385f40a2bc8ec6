-- Arrays: constructors, subscripts and slices, functions, operators, array columns.

-- case: arr_subscripts_and_slices
SELECT (ARRAY[10, 20, 30, 40])[1] AS first, (ARRAY[10, 20, 30, 40])[2:3] AS mid, (ARRAY[10, 20, 30, 40])[:2] AS head, (ARRAY[10, 20, 30, 40])[3:] AS tail, (ARRAY[10, 20])[5] AS out_of_range, (ARRAY[10, 20])[0] AS zero;

-- case: arr_two_dimensional_access
SELECT (ARRAY[[1, 2, 3], [4, 5, 6]])[2][3] AS cell, array_ndims(ARRAY[[1, 2], [3, 4]]) AS ndims, array_dims(ARRAY[[1, 2, 3], [4, 5, 6]]) AS dims, array_length(ARRAY[[1, 2, 3], [4, 5, 6]], 2) AS len2;

-- case: arr_append_prepend_cat
SELECT array_append(ARRAY[1, 2], 3) AS app, array_prepend(0, ARRAY[1, 2]) AS pre, array_cat(ARRAY[1], ARRAY[2, 3]) AS cat, ARRAY[1, 2] || 3 AS op_app, 0 || ARRAY[1, 2] AS op_pre;

-- case: arr_remove_replace
SELECT array_remove(ARRAY[1, 2, 1, 3], 1) AS rem, array_replace(ARRAY[1, 2, 1], 1, 9) AS rep, array_remove(ARRAY['a', NULL, 'b'], NULL) AS rem_null;

-- case: arr_bounds_functions
SELECT array_lower(ARRAY[5, 6, 7], 1) AS lo, array_upper(ARRAY[5, 6, 7], 1) AS hi, array_length(ARRAY[]::int[], 1) AS empty_len, array_upper(ARRAY[]::int[], 1) AS empty_hi;

-- case: arr_position_functions
SELECT array_position(ARRAY['a', 'b', 'c', 'b'], 'b') AS pos, array_position(ARRAY['a', 'b', 'c', 'b'], 'b', 3) AS pos_from, array_positions(ARRAY[1, 2, 1, 3, 1], 1) AS all_pos, array_position(ARRAY[1, 2], 5) AS missing;

-- case: arr_containment_overlap_ops
SELECT ARRAY[1, 2, 3] @> ARRAY[2, 3] AS contains, ARRAY[2] <@ ARRAY[1, 2] AS contained, ARRAY[1, 2] && ARRAY[2, 5] AS overlaps, ARRAY[1, 2] && ARRAY[3] AS disjoint, ARRAY['a'] @> ARRAY[]::text[] AS empty_contained;

-- case: arr_equality_and_ordering
SELECT ARRAY[1, 2] = ARRAY[1, 2] AS eq, ARRAY[1, 2] <> ARRAY[2, 1] AS ne, ARRAY[1, 2] < ARRAY[1, 3] AS lt, ARRAY[1, 2] < ARRAY[1, 2, 0] AS shorter_lt, ARRAY[NULL::int] = ARRAY[NULL::int] AS null_eq;

-- case: arr_any_all_constructor
SELECT 3 = ANY (ARRAY[1, 2, 3]) AS any_eq, 5 > ALL (ARRAY[1, 2, 3]) AS all_gt, 'b' = ANY (ARRAY['a', 'b']) AS text_any, 1 = ANY (ARRAY[NULL, 2]) AS null_any, 1 <> ALL (ARRAY[2, 3]) AS ne_all;

-- case: arr_unnest_multiple
SELECT a, b FROM unnest(ARRAY[1, 2, 3], ARRAY['x', 'y']) AS t(a, b) ORDER BY a;

-- case: arr_unnest_2d_flattens
SELECT v FROM unnest(ARRAY[[1, 2], [3, 4]]) AS v ORDER BY v;

-- case: arr_array_subquery_constructor
SELECT ARRAY(SELECT v FROM generate_series(1, 5) AS v WHERE v % 2 = 1 ORDER BY v DESC) AS odds, ARRAY(SELECT 1 WHERE false) AS empty;

-- case: arr_generate_subscripts
SELECT s, (ARRAY['a', 'b', 'c'])[s] AS elem FROM generate_subscripts(ARRAY['a', 'b', 'c'], 1) AS s ORDER BY s;

-- case: arr_array_fill
SELECT array_fill(0, ARRAY[3]) AS zeros, array_fill('x'::text, ARRAY[2]) AS xs;

-- case: arr_array_to_string_column
SELECT array_to_string(ARRAY[1, 2, 3], ', ') AS ints, array_to_string(ARRAY['a', NULL, 'c'], '/') AS skips_null, array_to_string(ARRAY[]::text[], ',') AS empty;

-- case: arr_text_array_column_filters
CREATE TABLE dt_arr_text_array_column_filters (id int, tags text[]);
INSERT INTO dt_arr_text_array_column_filters VALUES (1, ARRAY['red', 'big']), (2, ARRAY['blue']), (3, ARRAY['red', 'small']), (4, ARRAY[]::text[]);
SELECT id FROM dt_arr_text_array_column_filters WHERE 'red' = ANY (tags) ORDER BY id;
SELECT id FROM dt_arr_text_array_column_filters WHERE tags @> ARRAY['red', 'small'] ORDER BY id;
SELECT id, array_length(tags, 1) AS n, tags[1] AS first_tag FROM dt_arr_text_array_column_filters ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_arr_text_array_column_filters;

-- case: arr_int_array_column_update
CREATE TABLE dt_arr_int_array_column_update (id int, scores int[]);
INSERT INTO dt_arr_int_array_column_update VALUES (1, ARRAY[1, 2]), (2, NULL);
UPDATE dt_arr_int_array_column_update SET scores = array_append(scores, 3) WHERE id = 1;
UPDATE dt_arr_int_array_column_update SET scores = coalesce(scores, ARRAY[]::int[]) || 7 WHERE id = 2;
SELECT id, scores FROM dt_arr_int_array_column_update ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_arr_int_array_column_update;

-- case: arr_literal_input_insert
CREATE TABLE dt_arr_literal_input_insert (id int, nums int[], words text[]);
INSERT INTO dt_arr_literal_input_insert VALUES (1, '{1,2,3}', '{"hello world",plain}');
INSERT INTO dt_arr_literal_input_insert VALUES (2, '{}', '{}');
SELECT id, nums, words FROM dt_arr_literal_input_insert ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_arr_literal_input_insert;

-- case: arr_unnest_aggregate_roundtrip
SELECT array_agg(x * 2 ORDER BY x) AS doubled FROM unnest(ARRAY[3, 1, 2]) AS x;

-- case: arr_array_of_dates_and_numeric
SELECT ARRAY[date '2024-01-01', date '2024-12-31'] AS dates, ARRAY[1.5, 2.5]::numeric(4,2)[] AS nums, ARRAY[interval '1 day'] AS ivs;

-- case: arr_array_length_of_null
SELECT array_length(NULL::int[], 1) AS a, array_append(NULL::int[], 1) AS b, array_cat(NULL::int[], ARRAY[2]) AS c;

-- case: arr_string_to_array_and_back
SELECT string_to_array('2024-01-15', '-') AS parts, (string_to_array('2024-01-15', '-'))[2]::int AS month, array_to_string(string_to_array('a b c', ' '), '+') AS rejoined;

-- case: arr_array_in_group_by
SELECT tags, count(*) AS n FROM (VALUES (ARRAY['a', 'b']), (ARRAY['a', 'b']), (ARRAY['c'])) AS t(tags) GROUP BY tags ORDER BY tags;

-- case: arr_cardinality_and_empty
SELECT cardinality(ARRAY[1, 2, 3]) AS c3, cardinality(ARRAY[]::int[]) AS c0, cardinality(ARRAY[[1, 2], [3, 4]]) AS c2d;

-- case: arr_array_type_errors
SELECT ARRAY[1, 'x'];
SELECT ARRAY[1, 2] || ARRAY['a'];
