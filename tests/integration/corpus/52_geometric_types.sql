-- The geometric types (PostgreSQL 15 documentation, 8.8 Geometric Types and 9.11 Geometric Functions and
-- Operators): every input spelling, output, functions, operators, errors, table columns.

-- case: geo_point_input_output
SELECT '(1,2)'::point AS a, point ' 1.5 , -2 ' AS b, '(1e3,0.1)'::point AS c, '(0.30000000000000004,1e-7)'::point AS d;

-- case: geo_point_invalid_input
SELECT '(1,x)'::point;

-- case: geo_lseg_spellings
SELECT lseg '[(0,0),(1,1)]' AS a, lseg '((0,0),(1,1))' AS b, lseg '(0,0),(1,1)' AS c, lseg '0,0,1,1' AS d;

-- case: geo_box_spellings_reorder_corners
SELECT box '(0,0),(1,1)' AS a, box '((1,0),(0,1))' AS b, box '0,0,2,3' AS c;

-- case: geo_box_invalid_input
SELECT box '[(0,0),(1,1)]';

-- case: geo_path_open_and_closed
SELECT path '[(0,0),(1,1),(2,0)]' AS open_path, path '((0,0),(1,1),(2,0))' AS closed_path, path '(0,0),(1,1),(2,0)' AS bare, path '0,0,1,1,2,0' AS flat;

-- case: geo_polygon_spellings
SELECT polygon '((0,0),(1,1),(2,0))' AS a, polygon '(0,0),(1,1)' AS b, polygon '(0,0,1,1,2,0)' AS c, polygon '0,0,1,1' AS d;

-- case: geo_line_spellings
SELECT line '{1,-1,0}' AS a, line '[(0,0),(1,1)]' AS b, line '(0,0),(0,1)' AS vertical, line '0,1,2,1' AS horizontal, line '((0,0),(2,3))' AS slope;

-- case: geo_line_invalid
SELECT line '{0,0,1}';

-- case: geo_circle_spellings
SELECT circle '<(1,2),3>' AS a, circle '((1,2),3)' AS b, circle '(1,2),3' AS c, circle '1,2,3' AS d;

-- case: geo_circle_negative_radius
SELECT circle '<(1,2),-3>';

-- case: geo_point_operators
SELECT point '(1,2)' + point '(3,4)' AS plus, point '(1,2)' - point '(3,5)' AS minus, point '(1,2)' * point '(3,4)' AS times, point '(1,2)' / point '(3,4)' AS divided, point '(1,1)' <-> point '(4,5)' AS dist;

-- case: geo_point_predicates
SELECT point '(0,0)' << point '(1,0)' AS l, point '(0,0)' <<| point '(0,1)' AS below, point '(1,0)' ?| point '(1,5)' AS vert, point '(0,2)' ?- point '(5,2)' AS horiz, point '(1,1)' ~= point '(1,1)' AS same, point '(1,1)' <> point '(1,2)' AS ne;

-- case: geo_box_functions
SELECT area(box '(0,0),(2,3)') AS area, center(box '(0,0),(1,3)') AS center, height(box '(0,0),(1,3)') AS h, width(box '(0,0),(1,3)') AS w, box(point '(0,0)', point '(1,1)') AS made, diagonal(box '(0,0),(1,1)') AS diag;

-- case: geo_box_operators
SELECT box '(0,0),(1,1)' + point '(2,2)' AS moved, box '(0,0),(1,1)' * point '(2,0)' AS scaled, box '(0,0),(2,2)' # box '(1,1),(3,3)' AS inter, @@ box '(0,0),(2,2)' AS center, box '(0,0),(1,1)' <-> box '(3,4),(3,4)' AS dist;

-- case: geo_box_comparisons_by_area
SELECT box '(0,0),(1,1)' = box '(5,5),(4,4)' AS eq, box '(0,0),(1,1)' ~= box '(5,5),(4,4)' AS same, box '(0,0),(1,1)' < box '(0,0),(2,2)' AS lt, box '(0,0),(3,3)' >= box '(0,0),(1,1)' AS ge;

-- case: geo_box_position_and_containment
SELECT box '(0,0),(1,1)' << box '(2,0),(3,1)' AS l, box '(2,0),(3,1)' >> box '(0,0),(1,1)' AS r, box '(0,0),(1,1)' <<| box '(0,2),(1,3)' AS b, box '(0,2),(1,3)' |>> box '(0,0),(1,1)' AS a, box '(0,0),(3,3)' @> box '(1,1),(2,2)' AS contains, box '(1,1),(2,2)' <@ box '(0,0),(3,3)' AS contained, box '(0,0),(2,2)' && box '(1,1),(3,3)' AS overlaps, box '(0,0),(2,2)' @> point '(1,1)' AS has_point;

-- case: geo_circle_functions
SELECT area(circle '<(0,0),1>') AS area, diameter(circle '<(0,0),3>') AS d, radius(circle '<(0,0),3>') AS r, center(circle '<(1,1),3>') AS c, circle(point '(0,0)', 2) AS made, box(circle '<(0,0),1>') AS inscribed, circle(box '(0,0),(2,2)') AS around;

-- case: geo_circle_operators
SELECT circle '<(0,0),2>' * point '(2,0)' AS scaled, circle '<(1,1),2>' + point '(1,1)' AS moved, circle '<(0,0),5>' @> circle '<(1,1),1>' AS contains, point '(3,4)' <@ circle '<(0,0),5>' AS on_edge, circle '<(0,0),1>' <-> circle '<(5,0),1>' AS dist, circle '<(0,0),2>' && circle '<(3,0),1.5>' AS overlaps, circle '<(0,0),1>' = circle '<(5,5),1>' AS same_area;

-- case: geo_path_functions
SELECT npoints(path '[(0,0),(1,1),(2,0)]') AS n, # path '((0,0),(1,1),(2,0))' AS n_op, isclosed(path '((0,0),(1,1))') AS closed, isopen(path '[(0,0),(1,1)]') AS open, popen(path '((0,0),(1,1))') AS popen, pclose(path '[(0,0),(1,1)]') AS pclose, length(path '((0,0),(4,0),(4,3))') AS len, area(path '((0,0),(4,0),(4,3))') AS area, area(path '[(0,0),(1,1),(1,0)]') AS open_area;

-- case: geo_path_operators
SELECT path '[(0,0),(1,1)]' + path '[(2,2),(3,3)]' AS joined, path '[(0,0),(1,1)]' + point '(1,1)' AS moved, path '[(0,0),(1,1)]' * point '(2,0)' AS scaled, path '[(0,0),(2,0)]' ?# path '[(1,-1),(1,1)]' AS crosses, point '(1,0)' <@ path '[(0,0),(2,0)]' AS on_path, point '(5,5)' <-> path '[(0,0),(2,0)]' AS dist;

-- case: geo_polygon_functions
SELECT npoints(polygon '((0,0),(1,1),(1,0))') AS n, polygon(box '(0,0),(1,2)') AS from_box, path(polygon '((0,0),(1,1),(1,0))') AS as_path, polygon(path '((0,0),(1,1),(1,0))') AS from_path, polygon(4, circle '<(0,0),1>') AS from_circle, @@ polygon '((0,0),(4,0),(4,4),(0,4))' AS center;

-- case: geo_polygon_operators
SELECT polygon '((0,0),(4,0),(4,4),(0,4))' @> point '(2,2)' AS inside, point '(5,5)' <@ polygon '((0,0),(4,0),(4,4),(0,4))' AS outside, polygon '((0,0),(4,0),(4,4),(0,4))' ~= polygon '((4,0),(4,4),(0,4),(0,0))' AS same, polygon '((0,0),(2,0),(2,2))' && polygon '((1,1),(3,1),(3,3))' AS overlaps, point '(2,2)' <-> polygon '((3,3),(4,3),(4,4))' AS dist;

-- case: geo_lseg_operators
SELECT lseg '[(0,0),(2,2)]' ?# lseg '[(0,2),(2,0)]' AS crosses, lseg '[(0,0),(2,2)]' # lseg '[(0,2),(2,0)]' AS at, @@ lseg '[(0,0),(2,2)]' AS mid, @-@ lseg '[(0,0),(3,4)]' AS len, ?| lseg '[(1,0),(1,5)]' AS vert, ?- lseg '[(0,1),(5,1)]' AS horiz, lseg '[(0,0),(1,1)]' ?|| lseg '[(1,0),(2,1)]' AS parallel, lseg '[(0,0),(1,1)]' ?-| lseg '[(0,1),(1,0)]' AS perp, point '(1,1)' <-> lseg '[(0,0),(2,0)]' AS dist, length(lseg '[(0,0),(3,4)]') AS length;

-- case: geo_line_operators
SELECT line '{1,-1,0}' # line '{1,1,-2}' AS at, line '{1,-1,0}' ?# line '{1,-1,5}' AS meets, point '(0,2)' <-> line '{1,-1,0}' AS dist, ?| line '{-1,0,3}' AS vert, ?- line '{0,-1,3}' AS horiz, line(point '(0,0)', point '(1,2)') AS through, point '(1,1)' <@ line '{1,-1,0}' AS on_line, line '{1,-1,0}' = line '{2,-2,0}' AS eq;

-- case: geo_table_columns
CREATE TABLE dt_geo_table_columns (id int, p point, b box, c circle, pg polygon);
INSERT INTO dt_geo_table_columns VALUES (1, '(1,1)', '(0,0),(2,2)', '<(0,0),1>', '((0,0),(3,0),(0,3))'), (2, '(5,5)', '(4,4),(6,7)', '<(5,5),2>', '((4,4),(6,4),(6,6))'), (3, NULL, NULL, NULL, NULL);
SELECT id, p, b, c, pg FROM dt_geo_table_columns ORDER BY id;
SELECT id, area(b) AS area, center(b) AS center, p <-> point '(0,0)' AS dist FROM dt_geo_table_columns ORDER BY id;
SELECT id FROM dt_geo_table_columns WHERE b @> p ORDER BY id;
SELECT id, pg @> p AS in_polygon, c @> p AS in_circle, b && box '(1,1),(5,5)' AS overlaps FROM dt_geo_table_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_geo_table_columns;

-- case: geo_table_path_and_lseg_columns
CREATE TABLE dt_geo_table_path_and_lseg_columns (id int, route path, seg lseg, l line);
INSERT INTO dt_geo_table_path_and_lseg_columns VALUES (1, '[(0,0),(3,4)]', '[(0,0),(1,1)]', '{1,-1,0}'), (2, '((0,0),(1,0),(1,1))', '[(2,2),(2,5)]', '[(0,0),(0,1)]');
SELECT id, route, seg, l, npoints(route) AS n, length(route) AS len, isopen(route) AS open, @-@ seg AS seg_len, ?| seg AS vertical FROM dt_geo_table_path_and_lseg_columns ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_geo_table_path_and_lseg_columns;
