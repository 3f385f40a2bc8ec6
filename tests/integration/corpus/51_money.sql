-- money (PostgreSQL 15 documentation, 8.2 Monetary Types): input spellings, C-locale output, arithmetic, the
-- aggregates PostgreSQL has (sum, min, max), comparisons and ordering, casts to and from numeric and integers.

-- case: money_input_spellings
SELECT '12.34'::money AS a, '$1,234.56'::money AS b, '1234'::money AS c, '(1.00)'::money AS d, ' -$ 5 '::money AS e;

-- case: money_input_rounding_and_sign
SELECT '1.995'::money AS up, '1.994'::money AS down, '-0.005'::money AS neg, '12-'::money AS trailing, '$-7.5'::money AS sign;

-- case: money_output_extremes
SELECT '-92233720368547758.08'::money AS low, '92233720368547758.07'::money AS high, '0'::money AS zero;

-- case: money_invalid_input
SELECT 'abc'::money;

-- case: money_out_of_range_input
SELECT '92233720368547758.08'::money;

-- case: money_arithmetic
SELECT '12.34'::money + '1'::money AS sum, '10'::money - '$0.01'::money AS diff, '10'::money * 2 AS times_int, 2 * '1.01'::money AS int_times, '1'::money * 1.5 AS times_float;

-- case: money_division
SELECT '10'::money / 3 AS by_int, '10'::money / 4.0 AS by_float, '10'::money / '4'::money AS ratio;

-- case: money_division_by_zero
SELECT '1'::money / 0;

-- case: money_overflow
SELECT '92233720368547758.07'::money + '1'::money;

-- case: money_casts
SELECT 12::money AS from_int, 1.235::numeric::money AS from_numeric, 5000000000::bigint::money AS from_bigint, '$1,234.56'::money::numeric AS to_numeric, '-0.05'::money::numeric AS small;

-- case: money_column_aggregates
CREATE TABLE dt_money_column_aggregates (id int, amount money);
INSERT INTO dt_money_column_aggregates VALUES (1, '1.00'), (2, '$2.50'), (3, '-3'), (4, NULL);
SELECT sum(amount) AS total, min(amount) AS low, max(amount) AS high, count(amount) AS n FROM dt_money_column_aggregates;
SELECT id, amount FROM dt_money_column_aggregates ORDER BY amount DESC NULLS LAST, id;
-- cleanup
DROP TABLE IF EXISTS dt_money_column_aggregates;

-- case: money_column_arithmetic_and_compare
CREATE TABLE dt_money_column_arithmetic_and_compare (id int, price money, qty int);
INSERT INTO dt_money_column_arithmetic_and_compare VALUES (1, '19.99', 3), (2, '$5', 10), (3, '0.10', 7);
SELECT id, price * qty AS total, price / qty AS each_part, price + price AS doubled FROM dt_money_column_arithmetic_and_compare ORDER BY id;
SELECT id FROM dt_money_column_arithmetic_and_compare WHERE price > '$1.00' AND price <> '5' ORDER BY id;
SELECT id, price::numeric AS amount FROM dt_money_column_arithmetic_and_compare ORDER BY price;
-- cleanup
DROP TABLE IF EXISTS dt_money_column_arithmetic_and_compare;

-- case: money_equality_and_typeof
SELECT '1'::money = '$1.00'::money AS eq, '2'::money > '1'::money AS gt, pg_typeof('1'::money)::text AS t, '1'::money::text AS txt;
