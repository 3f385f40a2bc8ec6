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
