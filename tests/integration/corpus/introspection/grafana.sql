-- Catalog queries Grafana's PostgreSQL data source sends: its version and TimescaleDB checks, and the
-- table, column and column-type suggestions of its query editors (the schema list comes from the
-- search_path), written from its documented behaviour.

-- statement
-- params: []
SELECT current_setting('server_version_num')::int/100 as version

-- statement
-- params: []
SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'

-- statement
-- params: []
SELECT
        CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
      FROM
        generate_series(
          array_lower(string_to_array(current_setting('search_path'),','),1),
          array_upper(string_to_array(current_setting('search_path'),','),1)
        ) as i,
        string_to_array(current_setting('search_path'),',') s

-- statement
-- params: []
select quote_ident(table_name) as "table" from information_schema.tables
    where quote_ident(table_schema) not in ('information_schema',
                             'pg_catalog',
                             '_timescaledb_cache',
                             '_timescaledb_catalog',
                             '_timescaledb_internal',
                             '_timescaledb_config',
                             'timescaledb_information',
                             'timescaledb_experimental')
      and table_type = 'BASE TABLE' and quote_ident(table_schema) IN (
      SELECT
        CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
      FROM
        generate_series(
          array_lower(string_to_array(current_setting('search_path'),','),1),
          array_upper(string_to_array(current_setting('search_path'),','),1)
        ) as i,
        string_to_array(current_setting('search_path'),',') s
      )

-- statement
-- params: []
select quote_ident(column_name) as "column", data_type as "type"
    from information_schema.columns
    where quote_ident(table_name) = 'intro_parent'

-- statement
-- params: []
SELECT
  quote_ident(table_name) as table_name,
  ( SELECT
      quote_ident(column_name) as column_name
    FROM information_schema.columns c
    WHERE
      c.table_schema = t.table_schema AND
      c.table_name = t.table_name AND
      udt_name IN ('timestamptz','timestamp')
    ORDER BY ordinal_position LIMIT 1
  ) AS time_column,
  ( SELECT
      quote_ident(column_name) AS column_name
    FROM information_schema.columns c
    WHERE
      c.table_schema = t.table_schema AND
      c.table_name = t.table_name AND
      udt_name='float8'
    ORDER BY ordinal_position LIMIT 1
  ) AS value_column
FROM information_schema.tables t
WHERE
  t.table_schema IN (
    SELECT
      CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
    FROM
      generate_series(
        array_lower(string_to_array(current_setting('search_path'),','),1),
        array_upper(string_to_array(current_setting('search_path'),','),1)
      ) as i,
      string_to_array(current_setting('search_path'),',') s
  ) AND
  EXISTS
  ( SELECT 1
    FROM information_schema.columns c
    WHERE
      c.table_schema = t.table_schema AND
      c.table_name = t.table_name AND
      udt_name IN ('timestamptz','timestamp')
  ) AND
  EXISTS
  ( SELECT 1
    FROM information_schema.columns c
    WHERE
      c.table_schema = t.table_schema AND
      c.table_name = t.table_name AND
      udt_name='float8'
  )
LIMIT 1

-- statement
-- params: []
SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema IN (
  SELECT
    CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
  FROM
    generate_series(
      array_lower(string_to_array(current_setting('search_path'),','),1),
      array_upper(string_to_array(current_setting('search_path'),','),1)
    ) as i,
    string_to_array(current_setting('search_path'),',') s
) ORDER BY table_name

-- statement
-- params: []
SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema IN (
  SELECT
    CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
  FROM
    generate_series(
      array_lower(string_to_array(current_setting('search_path'),','),1),
      array_upper(string_to_array(current_setting('search_path'),','),1)
    ) as i,
    string_to_array(current_setting('search_path'),',') s
) AND table_name = 'intro_parent' AND data_type IN ('timestamp without time zone','timestamp with time zone','bigint','integer','double precision','real') ORDER BY column_name

-- statement
-- params: []
SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema IN (
  SELECT
    CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
  FROM
    generate_series(
      array_lower(string_to_array(current_setting('search_path'),','),1),
      array_upper(string_to_array(current_setting('search_path'),','),1)
    ) as i,
    string_to_array(current_setting('search_path'),',') s
) AND table_name = 'intro_parent' AND data_type IN ('text','character','character varying') ORDER BY column_name

-- statement
-- params: []
SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema IN (
  SELECT
    CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
  FROM
    generate_series(
      array_lower(string_to_array(current_setting('search_path'),','),1),
      array_upper(string_to_array(current_setting('search_path'),','),1)
    ) as i,
    string_to_array(current_setting('search_path'),',') s
) AND table_name = 'intro_parent' AND data_type IN ('bigint','integer','double precision','real','numeric') ORDER BY column_name

-- statement
-- params: []
SELECT data_type FROM information_schema.columns WHERE table_schema IN (
  SELECT
    CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
  FROM
    generate_series(
      array_lower(string_to_array(current_setting('search_path'),','),1),
      array_upper(string_to_array(current_setting('search_path'),','),1)
    ) as i,
    string_to_array(current_setting('search_path'),',') s
) AND table_name = 'intro_parent' AND column_name = 'amount'

-- statement
-- params: []
select quote_ident(table_name) as "table" from information_schema.tables
    where quote_ident(table_schema) = 'public' and table_type = 'VIEW' order by 1

-- statement
-- params: []
select quote_ident(column_name) as "column", data_type as "type"
    from information_schema.columns
    where quote_ident(table_schema) = 'public' and quote_ident(table_name) = 'intro_child'
    order by ordinal_position
