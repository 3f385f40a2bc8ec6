-- PostgreSQL's result types of numeric aggregates: each macro takes DuckDB's result and the aggregate's argument
-- (a type witness only: unused, so never evaluated;
-- a DECIMAL witness matches DECIMAL(38,16), whatever its own width) and overloads on the argument's type.

-- sum(int2/int4) is bigint, sum(int8) numeric, sum(real) real; DuckDB: HUGEINT, HUGEINT, DOUBLE.
CREATE MACRO duckgres_sum_result(arg_sum, arg_witness SMALLINT) AS CAST(arg_sum AS BIGINT),
    (arg_sum, arg_witness INTEGER) AS CAST(arg_sum AS BIGINT),
    (arg_sum, arg_witness BIGINT) AS CAST(arg_sum AS DECIMAL(38,0)),
    (arg_sum, arg_witness FLOAT) AS CAST(arg_sum AS FLOAT),
    (arg_sum, arg_witness DECIMAL(38,16)) AS arg_sum,
    (arg_sum, arg_witness) AS arg_sum;

-- An integer (HUGEINT) divided by a positive count, rounded half away from zero to 16 decimals, as numeric.
CREATE MACRO duckgres_scaled_quotient16(arg_scaled, arg_count) AS
    CAST(CAST(sign(arg_scaled) * ((abs(arg_scaled) * 2 + arg_count) // (2 * arg_count)) AS DECIMAL(38,0))
         * CAST(0.0000000000000001 AS DECIMAL(18,16)) AS DECIMAL(38,16));

-- avg() of integers and numeric is numeric (16 decimals for averages below 10000, as PostgreSQL's division
-- scale gives); DuckDB: DOUBLE. Takes avg(), sum() and count() of the argument and the witness.
CREATE MACRO duckgres_avg_result(arg_avg, arg_sum, arg_count, arg_witness SMALLINT) AS
        duckgres_catalog.main.duckgres_scaled_quotient16(CAST(arg_sum AS HUGEINT) * 10000000000000000::HUGEINT, arg_count),
    (arg_avg, arg_sum, arg_count, arg_witness INTEGER) AS
        duckgres_catalog.main.duckgres_scaled_quotient16(CAST(arg_sum AS HUGEINT) * 10000000000000000::HUGEINT, arg_count),
    (arg_avg, arg_sum, arg_count, arg_witness BIGINT) AS
        duckgres_catalog.main.duckgres_scaled_quotient16(CAST(arg_sum AS HUGEINT) * 10000000000000000::HUGEINT, arg_count),
    (arg_avg, arg_sum, arg_count, arg_witness FLOAT) AS arg_avg,
    (arg_avg, arg_sum, arg_count, arg_witness DOUBLE) AS arg_avg,
    (arg_avg, arg_sum, arg_count, arg_witness INTERVAL) AS arg_avg,
    (arg_avg, arg_sum, arg_count, arg_witness DECIMAL(38,16)) AS
        duckgres_catalog.main.duckgres_scaled_quotient16(
            CAST(replace(CAST(CAST(arg_sum AS DECIMAL(38,16)) AS VARCHAR), '.', '') AS HUGEINT), arg_count),
    (arg_avg, arg_sum, arg_count, arg_witness) AS arg_avg;

-- round(float8) rounds half to even (DuckDB's round: half away from zero); round() of real and integers is float8
-- as well (PostgreSQL picks round(float8), the preferred numeric type, for them).
CREATE MACRO duckgres_round_result(arg_round, arg_value DOUBLE) AS round_even(arg_value, 0),
    (arg_round, arg_value FLOAT) AS round_even(CAST(arg_value AS DOUBLE), 0),
    (arg_round, arg_value DECIMAL(38,16)) AS arg_round,
    (arg_round, arg_value) AS arg_round;

-- sign() has its argument's type: float8 or numeric (DuckDB: TINYINT).
CREATE MACRO duckgres_sign_result(arg_sign, arg_witness DOUBLE) AS CAST(arg_sign AS DOUBLE),
    (arg_sign, arg_witness FLOAT) AS CAST(arg_sign AS DOUBLE),
    (arg_sign, arg_witness DECIMAL(38,16)) AS CAST(arg_sign AS DECIMAL(38,0)),
    (arg_sign, arg_witness) AS arg_sign;

-- gcd() and lcm() of integers are integer (DuckDB: BIGINT).
CREATE MACRO duckgres_gcd_result(arg_result, arg_witness1 INTEGER, arg_witness2 INTEGER) AS CAST(arg_result AS INTEGER),
    (arg_result, arg_witness1, arg_witness2) AS arg_result;

-- numeric / numeric and numeric / integer are numeric, computed exactly to 16 decimals by duckgres_numeric_divide
-- (DuckDB: DOUBLE); interval / number divides as PostgreSQL (duckgres_interval_divide); other operands keep DuckDB's `/`
-- (integer division, double precision...).
-- Takes the operands and the operands again as type witnesses. DuckDB picks the overload of least cast cost and
-- refuses a tie: integer pairs match exactly (cost 0) so that they do not tie between the two numeric overloads
-- an integer could be cast to; HUGEINT (sum of bigint, numeric in PostgreSQL) divides as numeric.
CREATE MACRO duckgres_divide(arg_dividend, arg_divisor, arg_witness1 DECIMAL(38,16), arg_witness2 DECIMAL(38,16)) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 DECIMAL(38,16), arg_witness2 SMALLINT) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 DECIMAL(38,16), arg_witness2 INTEGER) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 DECIMAL(38,16), arg_witness2 BIGINT) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 SMALLINT, arg_witness2 DECIMAL(38,16)) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 INTEGER, arg_witness2 DECIMAL(38,16)) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 BIGINT, arg_witness2 DECIMAL(38,16)) AS
        duckgres_numeric_divide(arg_dividend, arg_divisor),
    (arg_dividend, arg_divisor, arg_witness1 SMALLINT, arg_witness2 SMALLINT) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 SMALLINT, arg_witness2 INTEGER) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 SMALLINT, arg_witness2 BIGINT) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 INTEGER, arg_witness2 SMALLINT) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 INTEGER, arg_witness2 INTEGER) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 INTEGER, arg_witness2 BIGINT) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 BIGINT, arg_witness2 SMALLINT) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 BIGINT, arg_witness2 INTEGER) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 BIGINT, arg_witness2 BIGINT) AS arg_dividend / arg_divisor,
    (arg_dividend, arg_divisor, arg_witness1 INTERVAL, arg_witness2 SMALLINT) AS
        duckgres_interval_divide(arg_dividend, CAST(arg_divisor AS DOUBLE)),
    (arg_dividend, arg_divisor, arg_witness1 INTERVAL, arg_witness2 INTEGER) AS
        duckgres_interval_divide(arg_dividend, CAST(arg_divisor AS DOUBLE)),
    (arg_dividend, arg_divisor, arg_witness1 INTERVAL, arg_witness2 BIGINT) AS
        duckgres_interval_divide(arg_dividend, CAST(arg_divisor AS DOUBLE)),
    (arg_dividend, arg_divisor, arg_witness1 INTERVAL, arg_witness2 DECIMAL(38,16)) AS
        duckgres_interval_divide(arg_dividend, CAST(arg_divisor AS DOUBLE)),
    (arg_dividend, arg_divisor, arg_witness1 INTERVAL, arg_witness2 DOUBLE) AS
        duckgres_interval_divide(arg_dividend, CAST(arg_divisor AS DOUBLE)),
    (arg_dividend, arg_divisor, arg_witness1, arg_witness2) AS arg_dividend / arg_divisor;

-- expr::numeric: an integer gets scale 0 and a numeric keeps its own DECIMAL, as in PostgreSQL; anything else
-- (float, text) is DECIMAL(38,16) (DuckDB's numeric: DECIMAL(18,3), which rounds to 3 decimals first).
CREATE MACRO duckgres_to_numeric(arg_value, arg_witness SMALLINT) AS CAST(arg_value AS DECIMAL(18,0)),
    (arg_value, arg_witness INTEGER) AS CAST(arg_value AS DECIMAL(18,0)),
    (arg_value, arg_witness BIGINT) AS CAST(arg_value AS DECIMAL(38,0)),
    (arg_value, arg_witness HUGEINT) AS CAST(arg_value AS DECIMAL(38,0)),
    (arg_value, arg_witness DECIMAL(38,16)) AS arg_value,
    (arg_value, arg_witness) AS CAST(arg_value AS DECIMAL(38,16));

-- (n * sum(x * x) - sum(x)^2) / (n * divisor_count), NULL without a positive divisor.
CREATE MACRO duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_divisor_count) AS
    CASE WHEN arg_divisor_count > 0 THEN duckgres_numeric_divide(
        CAST(arg_count AS HUGEINT) * arg_squares - CAST(arg_sum AS HUGEINT) * arg_sum,
        CAST(arg_count AS HUGEINT) * arg_divisor_count) END;

-- Variances of integers are numeric, exact from sum(x), sum(x * x) and count(x) (DuckDB: DOUBLE); PostgreSQL's
-- division scale for them is 16 when the variance is from 1 to 9999. Takes DuckDB's result, PostgreSQL's float8
-- recurrence (duckgres_float8_var_samp ..., the result for float arguments), the three sums and the witness; other
-- arguments keep DuckDB's result.
CREATE MACRO duckgres_var_samp_result(arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness SMALLINT) AS
        duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count - 1),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness INTEGER) AS
        duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count - 1),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness BIGINT) AS
        duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count - 1),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness FLOAT) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness DOUBLE) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness) AS arg_result;

CREATE MACRO duckgres_var_pop_result(arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness SMALLINT) AS
        duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness INTEGER) AS
        duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness BIGINT) AS
        duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness FLOAT) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness DOUBLE) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness) AS arg_result;

-- Standard deviations of integers: the exact square root of that variance, as numeric.
CREATE MACRO duckgres_stddev_samp_result(arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness SMALLINT) AS
        duckgres_deviation_sqrt(duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count - 1)),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness INTEGER) AS
        duckgres_deviation_sqrt(duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count - 1)),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness BIGINT) AS
        duckgres_deviation_sqrt(duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count - 1)),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness FLOAT) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness DOUBLE) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness) AS arg_result;

CREATE MACRO duckgres_stddev_pop_result(arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness SMALLINT) AS
        duckgres_deviation_sqrt(duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count)),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness INTEGER) AS
        duckgres_deviation_sqrt(duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count)),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness BIGINT) AS
        duckgres_deviation_sqrt(duckgres_catalog.main.duckgres_integer_variance(arg_sum, arg_squares, arg_count, arg_count)),
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness FLOAT) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness DOUBLE) AS arg_float,
    (arg_result, arg_float, arg_sum, arg_squares, arg_count, arg_witness) AS arg_result;

-- sqrt, exp, ln, log and log10 of numeric are numeric (DuckDB: DOUBLE): sqrt correctly rounded to 15 decimals,
-- the others to 16, PostgreSQL's scales for arguments (sqrt) or results (the others) from 1 to 9.99. Takes DuckDB's
-- call, the numeric function's call and the argument as type witness; integers and floats keep DuckDB's double
-- (an integer could be cast to the DECIMAL overload), as PostgreSQL picks its float8 overloads for them.
CREATE MACRO duckgres_numeric_result(arg_result, arg_numeric, arg_value DECIMAL(38,16)) AS arg_numeric,
    (arg_result, arg_numeric, arg_value SMALLINT) AS arg_result,
    (arg_result, arg_numeric, arg_value INTEGER) AS arg_result,
    (arg_result, arg_numeric, arg_value BIGINT) AS arg_result,
    (arg_result, arg_numeric, arg_value FLOAT) AS arg_result,
    (arg_result, arg_numeric, arg_value DOUBLE) AS arg_result,
    (arg_result, arg_numeric, arg_value) AS arg_result;

-- power(x, y) of floats and integers, double precision with PostgreSQL's errors where DuckDB gives inf or NaN.
CREATE MACRO duckgres_float_power(arg_result, arg_first, arg_second) AS
    CASE WHEN arg_first = 0 AND arg_second < 0 THEN
            error('SQLSTATE 2201F: zero raised to a negative power is undefined')
        WHEN arg_first < 0 AND arg_second <> floor(arg_second) THEN
            error('SQLSTATE 2201F: a negative number raised to a non-integer power yields a complex result')
        ELSE arg_result END;

-- power(x, y) is numeric (arg_numeric, the registered function's call) when one argument is numeric and the other
-- numeric or an integer, as PostgreSQL resolves it; two integers or floats keep DuckDB's double (integer pairs
-- match exactly so that they do not tie between the two numeric overloads, as in duckgres_divide).
CREATE MACRO duckgres_power_result(arg_result, arg_numeric, arg_first DECIMAL(38,16), arg_second DECIMAL(38,16)) AS arg_numeric,
    (arg_result, arg_numeric, arg_first DECIMAL(38,16), arg_second SMALLINT) AS arg_numeric,
    (arg_result, arg_numeric, arg_first DECIMAL(38,16), arg_second INTEGER) AS arg_numeric,
    (arg_result, arg_numeric, arg_first DECIMAL(38,16), arg_second BIGINT) AS arg_numeric,
    (arg_result, arg_numeric, arg_first SMALLINT, arg_second DECIMAL(38,16)) AS arg_numeric,
    (arg_result, arg_numeric, arg_first INTEGER, arg_second DECIMAL(38,16)) AS arg_numeric,
    (arg_result, arg_numeric, arg_first BIGINT, arg_second DECIMAL(38,16)) AS arg_numeric,
    (arg_result, arg_numeric, arg_first SMALLINT, arg_second SMALLINT) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first SMALLINT, arg_second INTEGER) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first SMALLINT, arg_second BIGINT) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first INTEGER, arg_second SMALLINT) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first INTEGER, arg_second INTEGER) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first INTEGER, arg_second BIGINT) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first BIGINT, arg_second SMALLINT) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first BIGINT, arg_second INTEGER) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first BIGINT, arg_second BIGINT) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first DOUBLE, arg_second DOUBLE) AS
        duckgres_catalog.main.duckgres_float_power(arg_result, arg_first, arg_second),
    (arg_result, arg_numeric, arg_first, arg_second) AS arg_result;

-- generate_series(numeric, numeric[, numeric]) in FROM: start + step * i for as many steps as fit, counted exactly.
CREATE MACRO duckgres_numeric_series(arg_start, arg_stop, arg_step := 1) AS TABLE
    SELECT arg_start + arg_step * i AS generate_series
    FROM range(0, CAST(floor(duckgres_numeric_divide(arg_stop - arg_start, arg_step)) AS BIGINT) + 1) AS steps(i);
