-- PostgreSQL 15's string, number, date/time and JSON functions that DuckDB lacks or defines otherwise, as macros.
-- Calls to these names (qualified with pg_catalog or not) are sent here by the rewriter; inside a macro an
-- unqualified name is DuckDB's own function.

-- div(y, x): the integer quotient, truncated towards zero, as numeric.
CREATE MACRO div(arg_y, arg_x) AS
    CASE WHEN arg_x = 0 THEN error('division by zero') ELSE CAST(trunc(arg_y / arg_x) AS DECIMAL(38, 0)) END;

-- overlay(string PLACING replacement FROM start [FOR count]): count defaults to the replacement's length.
CREATE MACRO overlay(arg_string, arg_replacement, arg_start) AS
        substr(arg_string, 1, arg_start - 1) || arg_replacement || substr(arg_string, arg_start + length(arg_replacement)),
    (arg_string, arg_replacement, arg_start, arg_count) AS
        substr(arg_string, 1, arg_start - 1) || arg_replacement || substr(arg_string, arg_start + arg_count);

-- to_hex(integer) is 32-bit two's complement, to_hex(bigint) 64-bit; lower case.
CREATE MACRO to_hex(arg_number) AS
    lower(hex(CASE WHEN typeof(arg_number) IN ('INTEGER', 'SMALLINT', 'TINYINT') AND arg_number < 0
                   THEN arg_number::BIGINT + 4294967296 ELSE arg_number::BIGINT END));

-- octet_length(text): its bytes in UTF-8 (DuckDB's octet_length takes only blob and bit).
CREATE MACRO octet_length(arg_value) AS
    CASE WHEN typeof(arg_value) = 'BLOB' THEN octet_length(arg_value::BLOB)
         ELSE strlen(arg_value::VARCHAR) END;

-- scale(numeric): the digits after the decimal point as the value prints; min_scale(numeric): those needed.
CREATE MACRO scale(arg_number) AS
    length(CASE WHEN contains(arg_number::VARCHAR, '.') THEN split_part(arg_number::VARCHAR, '.', 2) ELSE '' END)
        ::INTEGER;
CREATE MACRO min_scale(arg_number) AS
    length(rtrim(CASE WHEN contains(arg_number::VARCHAR, '.') THEN split_part(arg_number::VARCHAR, '.', 2) ELSE '' END,
                 '0'))::INTEGER;

-- Intervals by their three parts, as PostgreSQL keeps them: months, days and microseconds.
CREATE MACRO duckgres_interval_months(arg_interval) AS
    (date_part('year', arg_interval) * 12 + date_part('month', arg_interval))::BIGINT;
CREATE MACRO duckgres_interval_days(arg_interval) AS date_part('day', arg_interval)::BIGINT;
CREATE MACRO duckgres_interval_micros(arg_interval) AS
    (date_part('hour', arg_interval)::BIGINT * 3600000000 + date_part('minute', arg_interval)::BIGINT * 60000000
     + date_part('microseconds', arg_interval)::BIGINT);
CREATE MACRO duckgres_interval_of(arg_months, arg_days, arg_micros) AS
    to_months(arg_months::INTEGER) + to_days(arg_days::INTEGER) + to_microseconds(arg_micros::BIGINT);
-- Truncating integer division whatever DuckDB's division mode.
CREATE MACRO duckgres_quotient(arg_y, arg_x) AS ((arg_y - arg_y % arg_x) // arg_x)::BIGINT;

-- justify_days: 30-day periods become months; justify_hours: 24-hour periods become days; each part then takes
-- the sign of the larger one, as in PostgreSQL.
CREATE MACRO duckgres_justify_day_signs(arg_months, arg_days, arg_micros) AS
    CASE WHEN arg_months > 0 AND arg_days < 0 THEN duckgres_catalog.main.duckgres_interval_of(arg_months - 1, arg_days + 30, arg_micros)
         WHEN arg_months < 0 AND arg_days > 0 THEN duckgres_catalog.main.duckgres_interval_of(arg_months + 1, arg_days - 30, arg_micros)
         ELSE duckgres_catalog.main.duckgres_interval_of(arg_months, arg_days, arg_micros) END;
CREATE MACRO duckgres_justify_time_signs(arg_months, arg_days, arg_micros) AS
    CASE WHEN arg_days > 0 AND arg_micros < 0 THEN duckgres_catalog.main.duckgres_interval_of(arg_months, arg_days - 1, arg_micros + 86400000000)
         WHEN arg_days < 0 AND arg_micros > 0 THEN duckgres_catalog.main.duckgres_interval_of(arg_months, arg_days + 1, arg_micros - 86400000000)
         ELSE duckgres_catalog.main.duckgres_interval_of(arg_months, arg_days, arg_micros) END;
CREATE MACRO duckgres_justify_days(arg_months, arg_days, arg_micros) AS
    duckgres_catalog.main.duckgres_justify_day_signs(
        arg_months + duckgres_catalog.main.duckgres_quotient(arg_days, 30), arg_days % 30, arg_micros);
CREATE MACRO justify_days(arg_interval) AS
    duckgres_catalog.main.duckgres_justify_days(duckgres_catalog.main.duckgres_interval_months(arg_interval),
                                                duckgres_catalog.main.duckgres_interval_days(arg_interval),
                                                duckgres_catalog.main.duckgres_interval_micros(arg_interval));
CREATE MACRO justify_hours(arg_interval) AS
    duckgres_catalog.main.duckgres_justify_time_signs(
        duckgres_catalog.main.duckgres_interval_months(arg_interval),
        duckgres_catalog.main.duckgres_interval_days(arg_interval)
            + duckgres_catalog.main.duckgres_quotient(duckgres_catalog.main.duckgres_interval_micros(arg_interval), 86400000000),
        duckgres_catalog.main.duckgres_interval_micros(arg_interval) % 86400000000);
-- justify_interval: hours into days, days into months, then the signs of months against days and time, and of
-- days against time.
CREATE MACRO duckgres_justify_month_signs(arg_months, arg_days, arg_micros) AS
    CASE WHEN arg_months > 0 AND (arg_days < 0 OR (arg_days = 0 AND arg_micros < 0))
             THEN duckgres_catalog.main.duckgres_justify_time_signs(arg_months - 1, arg_days + 30, arg_micros)
         WHEN arg_months < 0 AND (arg_days > 0 OR (arg_days = 0 AND arg_micros > 0))
             THEN duckgres_catalog.main.duckgres_justify_time_signs(arg_months + 1, arg_days - 30, arg_micros)
         ELSE duckgres_catalog.main.duckgres_justify_time_signs(arg_months, arg_days, arg_micros) END;
CREATE MACRO duckgres_justify_all(arg_months, arg_days, arg_micros) AS
    duckgres_catalog.main.duckgres_justify_month_signs(
        arg_months + duckgres_catalog.main.duckgres_quotient(arg_days, 30), arg_days % 30, arg_micros);
CREATE MACRO justify_interval(arg_interval) AS
    duckgres_catalog.main.duckgres_justify_all(
        duckgres_catalog.main.duckgres_interval_months(arg_interval),
        duckgres_catalog.main.duckgres_interval_days(arg_interval)
            + duckgres_catalog.main.duckgres_quotient(duckgres_catalog.main.duckgres_interval_micros(arg_interval), 86400000000),
        duckgres_catalog.main.duckgres_interval_micros(arg_interval) % 86400000000);

-- make_interval(years, months, weeks, days, hours, mins, secs), each optional and nameable (days => 3).
CREATE MACRO make_interval(years := 0, months := 0, weeks := 0, days := 0, hours := 0, mins := 0, secs := 0) AS
    to_months((years * 12 + months)::INTEGER) + to_days((weeks * 7 + days)::INTEGER)
    + to_microseconds(((hours::BIGINT * 3600 + mins::BIGINT * 60) * 1000000 + round(secs::DOUBLE * 1000000))::BIGINT);

-- (s1, e1) OVERLAPS (s2, e2): each period from its earlier to its later end, half-open unless both ends are one
-- instant; periods starting together always overlap.
CREATE MACRO duckgres_overlaps(arg_s1, arg_e1, arg_s2, arg_e2) AS
    CASE WHEN arg_s1 IS NULL OR arg_e1 IS NULL OR arg_s2 IS NULL OR arg_e2 IS NULL THEN NULL
         WHEN least(arg_s1, arg_e1) > least(arg_s2, arg_e2) THEN least(arg_s1, arg_e1) < greatest(arg_s2, arg_e2)
         WHEN least(arg_s1, arg_e1) < least(arg_s2, arg_e2) THEN least(arg_s2, arg_e2) < greatest(arg_s1, arg_e1)
         ELSE true END;

-- isfinite(): an interval is always finite; dates and timestamps are not when infinite.
CREATE MACRO isfinite(arg_value) AS
    CASE WHEN arg_value IS NULL THEN NULL WHEN typeof(arg_value) = 'INTERVAL' THEN true
         ELSE isfinite(TRY_CAST(arg_value::VARCHAR AS TIMESTAMPTZ)) END;

-- date_bin(stride, source, origin): the start of the stride-wide bin, counted from origin, that holds source.
CREATE MACRO duckgres_date_bin(arg_stride_micros, arg_months, arg_source, arg_origin) AS
    CASE WHEN arg_months <> 0 THEN error('timestamps cannot be binned into intervals containing months or years')
         WHEN arg_stride_micros <= 0 THEN error('stride must be greater than zero')
         ELSE arg_origin + to_microseconds((floor((epoch_us(arg_source) - epoch_us(arg_origin))::DOUBLE / arg_stride_micros)
                                            * arg_stride_micros)::BIGINT) END;
CREATE MACRO date_bin(arg_stride, arg_source, arg_origin) AS
    duckgres_catalog.main.duckgres_date_bin(
        duckgres_catalog.main.duckgres_interval_days(arg_stride::INTERVAL) * 86400000000
            + duckgres_catalog.main.duckgres_interval_micros(arg_stride::INTERVAL),
        duckgres_catalog.main.duckgres_interval_months(arg_stride::INTERVAL), arg_source, arg_origin);

-- json_typeof / jsonb_typeof: PostgreSQL's lower-case names of DuckDB's JSON types.
CREATE MACRO json_typeof(arg_json) AS
    CASE json_type(arg_json::JSON)
        WHEN 'OBJECT' THEN 'object' WHEN 'ARRAY' THEN 'array' WHEN 'VARCHAR' THEN 'string'
        WHEN 'BOOLEAN' THEN 'boolean' WHEN 'NULL' THEN 'null' ELSE 'number' END;
CREATE MACRO jsonb_typeof(arg_json) AS duckgres_catalog.main.json_typeof(arg_json);

-- The set-returning JSON functions in FROM: the elements of an array (value), the fields of an object (key,
-- value); the _text forms give strings unquoted and JSON null as NULL.
CREATE MACRO json_array_elements(arg_json) AS TABLE
    SELECT unnest(json_extract(arg_json::JSON, '$[*]')) AS value;
CREATE MACRO jsonb_array_elements(arg_json) AS TABLE
    SELECT unnest(json_extract(arg_json::JSON, '$[*]'))::jsonb AS value;
CREATE MACRO json_array_elements_text(arg_json) AS TABLE
    SELECT unnest(json_extract_string(arg_json::JSON, '$[*]')) AS value;
CREATE MACRO jsonb_array_elements_text(arg_json) AS TABLE
    SELECT unnest(json_extract_string(arg_json::JSON, '$[*]')) AS value;
CREATE MACRO jsonb_each(arg_json) AS TABLE
    SELECT unnest(json_keys(arg_json::JSON)) AS key,
           unnest(list_transform(json_keys(arg_json::JSON), je_k -> json_extract(arg_json::JSON, '/' || replace(replace(je_k, '~', '~0'), '/', '~1'))))::jsonb AS value;
CREATE MACRO jsonb_each_text(arg_json) AS TABLE
    SELECT unnest(json_keys(arg_json::JSON)) AS key,
           unnest(list_transform(json_keys(arg_json::JSON), je_k -> duckgres_json_get_text(arg_json::jsonb, je_k))) AS value;
CREATE MACRO json_each(arg_json) AS TABLE
    SELECT unnest(json_keys(arg_json::JSON)) AS key,
           unnest(list_transform(json_keys(arg_json::JSON), je_k -> duckgres_json_get(arg_json::JSON, je_k))) AS value;
CREATE MACRO json_each_text(arg_json) AS TABLE
    SELECT unnest(json_keys(arg_json::JSON)) AS key,
           unnest(list_transform(json_keys(arg_json::JSON), je_k -> json_extract_string(arg_json::JSON, '/' || replace(replace(je_k, '~', '~0'), '/', '~1')))) AS value;

-- The keys of an object, one a row (jsonb's in its key order); the items an SQL/JSON path selects, one a row.
CREATE MACRO json_object_keys(arg_json) AS TABLE
    SELECT unnest(json_keys(arg_json::JSON)) AS json_object_keys;
CREATE MACRO jsonb_object_keys(arg_json) AS TABLE
    SELECT unnest(json_keys(arg_json::jsonb::JSON)) AS jsonb_object_keys;
CREATE MACRO jsonb_path_query(arg_json, arg_path) AS TABLE
    SELECT unnest(json_extract(jsonb_path_query_array(arg_json, arg_path)::JSON, '$[*]'))::jsonb AS jsonb_path_query;

-- format()'s width: the value padded with spaces to that many characters, on the left unless left-justified ('-');
-- a NULL pads as an empty string (the rewrite of format() to concat() calls it).
CREATE MACRO duckgres_format_pad(arg_value, arg_width, arg_left) AS
    CASE WHEN length(coalesce(arg_value, '')) >= arg_width THEN coalesce(arg_value, '')
         WHEN arg_left = 1 THEN rpad(coalesce(arg_value, ''), arg_width, ' ')
         ELSE lpad(coalesce(arg_value, ''), arg_width, ' ') END;

-- to_number(text, template): numeric; the rewriter casts it to the template's scale when the template is constant.
CREATE MACRO to_number(arg_text, arg_format) AS CAST(duckgres_to_number(arg_text, arg_format) AS DECIMAL(38, 10));

-- regexp_match(string, pattern [, flags]): the first match's capture groups, or NULL; regexp_matches(...): every
-- match with flag 'g', one row each (the rewriter unnests it in a select list; in FROM it is a table).
CREATE MACRO regexp_match(arg_string, arg_pattern) AS duckgres_regexp_matches(arg_string, arg_pattern, '')[1],
    (arg_string, arg_pattern, arg_flags) AS duckgres_regexp_matches(arg_string, arg_pattern, arg_flags)[1];
CREATE MACRO regexp_matches(arg_string, arg_pattern) AS duckgres_regexp_matches(arg_string, arg_pattern, ''),
    (arg_string, arg_pattern, arg_flags) AS duckgres_regexp_matches(arg_string, arg_pattern, arg_flags);
CREATE MACRO regexp_matches(arg_string, arg_pattern, arg_flags := '') AS TABLE
    SELECT unnest(duckgres_regexp_matches(arg_string, arg_pattern, arg_flags)) AS regexp_matches;

-- generate_series()'s constant step, checked as PostgreSQL does (DuckDB returns no rows for a zero step): s - s is the
-- zero of the step's type, integer, numeric or interval (see GuardSeriesStep in src/sql/set_function_passes.cpp).
CREATE MACRO duckgres_series_step(arg_step) AS
    CASE WHEN arg_step = arg_step - arg_step THEN error('step size cannot equal zero') ELSE arg_step END;
