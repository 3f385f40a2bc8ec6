-- Range types (PostgreSQL 15 docs 8.17 Range Types and 9.20 Range/Multirange Functions and Operators).

-- case: rng53_literals_int4
SELECT '[3,7)'::int4range AS a, '(3,7)'::int4range AS b, '[3,7]'::int4range AS c, '(3,7]'::int4range AS d;

-- case: rng53_empty_forms
SELECT '[4,4)'::int4range AS a, '(4,4]'::int4range AS b, '(3,4)'::int4range AS c, 'empty'::int4range AS d, '  EMPTY '::int4range AS e, '[4,4]'::int4range AS f;

-- case: rng53_infinite_bounds
SELECT '[,5)'::int4range AS a, '(,)'::int4range AS b, '[1,]'::int8range AS c, '(,)'::numrange AS d;

-- case: rng53_whitespace_and_quotes
SELECT '  [ 1 , 5 )  '::int4range AS a, '["1","5")'::int4range AS b, '[1,"5"]'::int8range AS c;

-- case: rng53_lower_greater_than_upper
SELECT '[7,3)'::int4range;

-- case: rng53_malformed_missing_bracket
SELECT '1,5)'::int4range;

-- case: rng53_malformed_unterminated
SELECT '[1,5'::int4range;

-- case: rng53_malformed_junk
SELECT '[1,5) x'::int4range;

-- case: rng53_malformed_too_many_commas
SELECT '[1,2,3)'::int4range;

-- case: rng53_bad_bound_value
SELECT '[a,5)'::int4range;

-- case: rng53_numrange_scale
SELECT '[1.50,2.0]'::numrange AS a, numrange(1.5, 2.25) AS b, numrange(NULL, 2.5) AS c, '(0,1e2)'::numrange AS d;

-- case: rng53_daterange_canonical
SELECT '[2024-01-01,2024-01-31]'::daterange AS a, '(2024-01-01,2024-02-01)'::daterange AS b, daterange('2024-03-01', NULL) AS c;

-- case: rng53_tsrange_output
SELECT '[2024-01-01 10:00,2024-01-01 12:30)'::tsrange AS a, tsrange('2024-01-01 10:00', NULL, '[]') AS b;

-- case: rng53_tstzrange_output
SET TimeZone = 'UTC';
SELECT '[2024-01-01 10:00+02,2024-01-02 00:00+00)'::tstzrange AS a;

-- case: rng53_constructors
SELECT int4range(1, 10) AS a, int4range(1, 10, '(]') AS b, int8range(5, 15, '()') AS c, int4range(NULL, NULL) AS d, int4range(5, 5) AS e;

-- case: rng53_constructor_bad_flags
SELECT int4range(1, 10, 'xy');

-- case: rng53_constructor_bounds_reversed
SELECT int4range(10, 1);

-- case: rng53_bound_functions
SELECT lower(int4range(1, 10)) AS lo, upper(int4range(1, 10)) AS hi, lower('(,5)'::int4range) AS lo_inf, upper('empty'::int4range) AS hi_empty;

-- case: rng53_bound_predicates
SELECT isempty('[1,1)'::int4range) AS e1, isempty('[1,2)'::int4range) AS e2, lower_inc('[1,5)'::int4range) AS li, upper_inc('[1,5]'::numrange) AS ui, lower_inf('(,5)'::int4range) AS linf, upper_inf('[1,)'::int4range) AS uinf, lower_inc('empty'::int4range) AS li_empty;

-- case: rng53_contains_range
SELECT int4range(2, 4) @> int4range(2, 3) AS a, '[2,4)'::int4range @> '[3,5)' AS b, int4range(2, 4) <@ int4range(1, 7) AS c, '[1,5)'::int4range @> 'empty'::int4range AS d;

-- case: rng53_contains_element
SELECT '[2011-01-01,2011-03-01)'::tsrange @> '2011-01-10'::timestamp AS a, int4range(1, 5) @> 5 AS b, 42 <@ int4range(1, 7) AS c, numrange(1.5, 2.5) @> 2.0 AS d, daterange('2024-01-01', '2024-02-01') @> '2024-01-15'::date AS e;

-- case: rng53_overlaps_and_position
SELECT int8range(3, 7) && int8range(4, 12) AS ov, int8range(1, 10) << int8range(100, 110) AS lt, int8range(50, 60) >> int8range(20, 30) AS gt, int8range(1, 20) &< int8range(18, 20) AS ol, int8range(7, 20) &> int8range(5, 10) AS orr;

-- case: rng53_adjacent
SELECT numrange(1.1, 2.2) -|- numrange(2.2, 3.3) AS a, int4range(1, 3) -|- int4range(4, 6) AS b, '[1,3]'::int4range -|- '[4,6]'::int4range AS c;

-- case: rng53_union_intersection_difference
SELECT numrange(5, 15) + numrange(10, 20) AS u, int8range(5, 15) * int8range(10, 20) AS i, int8range(5, 15) - int8range(10, 20) AS d, int4range(1, 3) * int4range(5, 7) AS none;

-- case: rng53_union_not_contiguous
SELECT int4range(1, 5) + int4range(10, 20);

-- case: rng53_difference_not_contiguous
SELECT int4range(5, 20) - int4range(10, 15);

-- case: rng53_range_merge
SELECT range_merge('[0,1)'::numrange, '[2,3)'::numrange) AS a, range_merge(int4range(1, 2), 'empty'::int4range) AS b;

-- case: rng53_comparison_order
SELECT r FROM (VALUES ('[2,3)'::int4range), ('empty'), ('(,5)'), ('[1,5)'), ('[1,)'), ('(,)'), ('[1,2)')) AS v(r) ORDER BY r;

-- case: rng53_numeric_order_inclusive
SELECT r FROM (VALUES ('(1,2]'::numrange), ('[1,2]'), ('[1,2)'), ('(1,2)'), ('empty')) AS v(r) ORDER BY r;

-- case: rng53_equality_and_compare
SELECT '[1,5]'::int4range = '[1,6)'::int4range AS eq, '[1,5)'::int4range < '[1,6)'::int4range AS lt, 'empty'::int4range < '(,1)'::int4range AS empty_first;

-- case: rng53_table_storage
CREATE TABLE dt_rng53_reservation (room int, during tsrange);
INSERT INTO dt_rng53_reservation VALUES (1108, '[2010-01-01 14:30, 2010-01-01 15:30)'), (1109, '[2010-01-01 10:00, 2010-01-01 11:00)'), (1110, NULL);
SELECT room, during FROM dt_rng53_reservation ORDER BY during;
SELECT room FROM dt_rng53_reservation WHERE during @> '2010-01-01 15:00'::timestamp;
SELECT room, lower(during), upper(during) FROM dt_rng53_reservation WHERE during && '[2010-01-01 10:30, 2010-01-01 14:45)' ORDER BY room;
-- cleanup
DROP TABLE IF EXISTS dt_rng53_reservation;

-- case: rng53_group_by_distinct
CREATE TABLE dt_rng53_bands (id int, band int4range);
INSERT INTO dt_rng53_bands VALUES (1, '[1,5)'), (2, '[1,4]'), (3, '(0,5)'), (4, '[5,10)'), (5, 'empty'), (6, '[3,3)');
SELECT band, count(*) FROM dt_rng53_bands GROUP BY band ORDER BY band;
SELECT count(DISTINCT band) FROM dt_rng53_bands;
SELECT id FROM dt_rng53_bands WHERE band = '[1,5)' ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_rng53_bands;

-- case: rng53_unique_constraint
CREATE TABLE dt_rng53_unique (period daterange UNIQUE);
INSERT INTO dt_rng53_unique VALUES ('[2024-01-01,2024-01-31]');
INSERT INTO dt_rng53_unique VALUES ('[2024-01-01,2024-02-01)');
SELECT period FROM dt_rng53_unique;
-- cleanup
DROP TABLE IF EXISTS dt_rng53_unique;

-- case: rng53_column_operators
CREATE TABLE dt_rng53_prices (id int, price numrange);
INSERT INTO dt_rng53_prices VALUES (1, '[10,20)'), (2, '[15,30]'), (3, '(,5)');
SELECT a.id, b.id, a.price && b.price AS ov, a.price * b.price AS i FROM dt_rng53_prices a, dt_rng53_prices b WHERE a.id < b.id ORDER BY 1, 2;
SELECT id, isempty(price), lower_inf(price), upper_inc(price) FROM dt_rng53_prices ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_rng53_prices;

-- case: rng53_cast_to_text
SELECT '[1,5]'::int4range::text AS a, 'empty'::daterange::text AS b, length(numrange(1.5, 2)::text) AS c;

-- case: rng53_null_range
SELECT NULL::int4range AS a, lower(NULL::int4range) AS b, int4range(1, 5) @> NULL::int4 AS c;

-- case: rng53_session_time_zone
SET TimeZone = 'America/New_York';
SELECT '[2024-01-05 10:00,2024-01-06 00:00)'::tstzrange AS a, tstzrange('2024-01-05 10:00', NULL) AS b;
SELECT x::tstzrange AS c, x::tstzrange::text AS d FROM (VALUES ('[2024-07-01 08:00,)')) AS v(x);

-- case: rng53_session_date_style
SET DateStyle = 'ISO, DMY';
SELECT '[05/01/2024,10/01/2024]'::daterange AS a, '[05/01/2024,10/01/2024]'::daterange @> '06/01/2024'::date AS b;

-- case: rng53_date_style_output
SET DateStyle = 'German';
SELECT '[2024-01-05,2024-02-01)'::daterange AS a, '[2024-01-05 10:00,)'::tsrange AS b, '[2024-01-05,2024-02-01)'::daterange::text AS c;

-- case: rng53_literal_beside_operator
SELECT int4range(1, 10) && '[5,20)' AS a, '[1,3)' -|- int4range(3, 5) AS b, int4range(1, 10) - '[5,)' AS c, int4range(1, 10) * '(,3]' AS d;

-- case: rng53_discrete_infinity_dates
SELECT '(-infinity,infinity]'::daterange AS a, daterange('2024-01-01', 'infinity', '[]') AS b, lower_inf('[-infinity,2024-01-01)'::daterange) AS c;

-- case: rng53_numrange_operators
SELECT numrange(1.5, 3.25) * numrange(2, 10) AS i, numrange(1.5, 3.25) + numrange(3.25, 4) AS u, numrange(1.5, 3.25, '[]') - numrange(3, 4) AS d, numrange(0, 1) << numrange(1, 2) AS lt;

-- case: rng53_tsrange_operators
SELECT tsrange('2024-01-01 08:00', '2024-01-01 12:00') * tsrange('2024-01-01 10:00', '2024-01-01 18:00') AS i, tsrange('2024-01-01 08:00', '2024-01-01 12:00') -|- tsrange('2024-01-01 12:00', '2024-01-01 13:00') AS adj;

-- case: rng53_int8_bounds
SELECT '[9000000000,9000000010]'::int8range AS a, upper('[9000000000,9000000010]'::int8range) AS b, int8range(1, 2) @> 1::bigint AS c;

-- case: rng53_int4_overflow
SELECT '[1,2147483647]'::int4range;

-- case: rng53_bound_quoting_output
SELECT '[" 1",5)'::int4range AS a, '[1,"5")'::numrange AS b;

-- case: rng53_empty_operators
SELECT 'empty'::int4range && int4range(1, 5) AS ov, 'empty'::int4range << int4range(1, 5) AS lt, 'empty'::int4range -|- int4range(1, 5) AS adj, int4range(1, 5) + 'empty'::int4range AS u, 'empty'::int4range - int4range(1, 5) AS d;

-- case: rng53_aggregate_and_order
CREATE TABLE dt_rng53_sched (id int, slot int4range);
INSERT INTO dt_rng53_sched VALUES (1, '[10,20)'), (2, '[1,5)'), (3, '[1,5)'), (4, NULL), (5, '(,3)');
SELECT count(slot) AS n, count(DISTINCT slot) AS distinct_slots FROM dt_rng53_sched;
SELECT id, slot FROM dt_rng53_sched ORDER BY slot DESC NULLS LAST, id;
-- cleanup
DROP TABLE IF EXISTS dt_rng53_sched;

-- case: rng53_range_arrays
SELECT '{"[1,2)","[3,4]",empty,NULL}'::int4range[] AS a, ARRAY[numrange(1.5, 2), 'empty'] AS b, ARRAY['[2024-01-01,2024-01-05]'::daterange] AS c;

-- case: rng53_pg_range_catalog
SELECT rngtypid::regtype::text AS range_type, rngsubtype::regtype::text AS subtype FROM pg_range ORDER BY 1;

-- case: rng53_insert_in_session_zone
SET TimeZone = 'Europe/Berlin';
CREATE TABLE dt_rng53_zone (id int, during tstzrange, days daterange);
INSERT INTO dt_rng53_zone VALUES (1, '[2024-01-05 10:00,2024-01-05 12:00)', '[2024-01-05,2024-01-07]');
INSERT INTO dt_rng53_zone (days, during, id) VALUES ('empty', '[2024-07-01 08:00,)', 2);
SELECT id, during, days, lower(during) FROM dt_rng53_zone ORDER BY id;
SET TimeZone = 'UTC';
SELECT id, during::text FROM dt_rng53_zone ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_rng53_zone;
