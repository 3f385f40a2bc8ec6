-- pg_attrdef, pg_tables, pg_views, pg_matviews, pg_indexes, pg_sequence, pg_sequences, pg_stat_user_tables.

CREATE VIEW pg_attrdef AS
SELECT (3000000000 + 1000 * c.table_oid + c.column_index)::UINTEGER AS oid,
       duckgres_catalog.main.duckgres_object_oid(c.table_oid)::UINTEGER AS adrelid,
       c.column_index::SMALLINT AS adnum,
       -- A string literal default shows with its column's type, as PostgreSQL deparses it ('x'::text).
       (CASE WHEN regexp_full_match(c.column_default, '''([^'']|'''')*''')
             THEN c.column_default || '::' ||
                  CASE WHEN starts_with(c.data_type, 'pg_varchar_') THEN 'character varying'
                       WHEN starts_with(c.data_type, 'pg_bpchar_') THEN 'bpchar'
                       ELSE duckgres_catalog.main.format_type(duckgres_type_oid(c.data_type), NULL) END
             -- nextval('seq') as PostgreSQL shows a serial column's default: nextval('seq'::regclass).
             WHEN starts_with(c.column_default, 'nextval(''') AND ends_with(c.column_default, ''')')
             THEN c.column_default[1:-2] || '::regclass)'
             -- DuckDB keeps a boolean default as a cast of 't' / 'f'; PostgreSQL deparses it as true / false.
             WHEN c.column_default = 'CAST(''t'' AS BOOLEAN)' THEN 'true'
             WHEN c.column_default = 'CAST(''f'' AS BOOLEAN)' THEN 'false'
             ELSE duckgres_catalog.main.duckgres_pg_expression(c.column_default) END)::VARCHAR AS adbin
FROM duckdb_columns() c
WHERE c.database_name = current_database() AND c.column_default IS NOT NULL;

CREATE VIEW pg_tables AS
SELECT r.nspname::name AS schemaname, r.relname::name AS tablename,
       duckgres_session_user()::name AS tableowner, NULL::name AS tablespace, r.relhasindex AS hasindexes,
       false AS hasrules, false AS hastriggers, false AS rowsecurity
FROM duckgres_catalog.main.duckgres_relations r WHERE r.relkind = 'r';

CREATE VIEW pg_views AS
SELECT v.schema_name::name AS schemaname, v.view_name::name AS viewname,
       duckgres_session_user()::name AS viewowner,
       duckgres_catalog.main.pg_get_viewdef(duckgres_catalog.main.duckgres_object_oid(v.view_oid))::VARCHAR
           AS definition
FROM duckdb_views() v WHERE v.database_name = current_database() AND NOT v.internal;

CREATE VIEW pg_matviews AS
SELECT ''::name AS schemaname, ''::name AS matviewname, ''::name AS matviewowner,
       NULL::name AS tablespace, false AS hasindexes, false AS ispopulated, ''::VARCHAR AS definition
WHERE false;

CREATE VIEW pg_indexes AS
SELECT i.schema_name::name AS schemaname, i.table_name::name AS tablename,
       i.index_name::name AS indexname, NULL::name AS tablespace,
       duckgres_catalog.main.pg_get_indexdef(i.indexrelid)::VARCHAR AS indexdef
FROM duckgres_catalog.main.duckgres_indexes i;

CREATE VIEW pg_sequence AS
SELECT duckgres_catalog.main.duckgres_object_oid(sequence_oid)::UINTEGER AS seqrelid, 20::UINTEGER AS seqtypid,
       start_value AS seqstart, increment_by AS seqincrement, max_value AS seqmax, min_value AS seqmin,
       1::BIGINT AS seqcache, cycle AS seqcycle
FROM duckdb_sequences() WHERE database_name = current_database();

-- The privileges the system catalogs and schemas start with (pg_dump dumps only the changes from them).
CREATE VIEW pg_init_privs AS
SELECT oid AS objoid, 1259::UINTEGER AS classoid, 0 AS objsubid, 'i'::pg_char AS privtype, relacl::aclitem[] AS initprivs
FROM duckgres_catalog.static.pg_class WHERE relacl IS NOT NULL
UNION ALL
SELECT oid, 2615, 0, 'i', nspacl FROM duckgres_catalog.main.pg_namespace WHERE oid IN (11, 13207) AND nspacl IS NOT NULL;

-- The dependencies pg_dump orders a dump by, as PostgreSQL records them: a column default on the sequence it draws
-- from (normal) and that sequence on the column (auto: OWNED BY, as serial columns make it), a view on the relations
-- its query names (PostgreSQL records them for the view's rule; pg_dump reads either).
CREATE VIEW pg_depend AS
WITH defaults AS (
    SELECT table_oid, column_index, schema_name,
           regexp_extract(column_default, '^nextval\(''(([^''.]+)\.)?([^'']+)''', 2) AS sequence_schema,
           regexp_extract(column_default, '^nextval\(''(([^''.]+)\.)?([^'']+)''', 3) AS sequence_name
    FROM duckdb_columns()
    WHERE database_name = current_database() AND starts_with(column_default, 'nextval(''')
), drawn AS (
    SELECT d.table_oid, d.column_index, s.sequence_oid
    FROM defaults d
    JOIN duckdb_sequences() s
      ON s.database_name = current_database() AND s.sequence_name = d.sequence_name
     AND s.schema_name = coalesce(nullif(d.sequence_schema, ''), d.schema_name)
)
SELECT 2604::UINTEGER AS classid, (3000000000 + 1000 * table_oid + column_index)::UINTEGER AS objid, 0 AS objsubid,
       1259::UINTEGER AS refclassid, duckgres_catalog.main.duckgres_object_oid(sequence_oid) AS refobjid,
       0 AS refobjsubid, 'n'::pg_char AS deptype
FROM drawn
UNION ALL
SELECT 1259, duckgres_catalog.main.duckgres_object_oid(sequence_oid), 0, 1259,
       duckgres_catalog.main.duckgres_object_oid(table_oid), column_index::INTEGER, 'a'
FROM drawn
UNION ALL
SELECT 1259, v.oid, 0, 1259, r.oid, 0, 'n'
FROM duckgres_catalog.main.duckgres_relations v
JOIN duckgres_catalog.main.duckgres_relations r
  ON r.relkind IN ('r', 'v') AND r.oid <> v.oid
 AND regexp_full_match(lower(v.sql), '(?s).*(^|[^a-z0-9_$])"?' || regexp_escape(lower(r.relname)) || '"?($|[^a-z0-9_$]).*')
WHERE v.relkind = 'v';

CREATE VIEW pg_sequences AS
SELECT schema_name::name AS schemaname, sequence_name::name AS sequencename,
       duckgres_session_user()::name AS sequenceowner, 'bigint'::VARCHAR AS data_type, start_value, min_value,
       max_value, increment_by, cycle, 1::BIGINT AS cache_size,
       duckgres_catalog.main.duckgres_sequence_last(last_value, sql, increment_by) AS last_value
FROM duckdb_sequences() WHERE database_name = current_database();

CREATE VIEW pg_stat_user_tables AS
SELECT r.oid::UINTEGER AS relid, r.nspname::name AS schemaname, r.relname::name AS relname,
       0::BIGINT AS seq_scan, 0::BIGINT AS seq_tup_read, 0::BIGINT AS idx_scan, 0::BIGINT AS idx_tup_fetch,
       0::BIGINT AS n_tup_ins, 0::BIGINT AS n_tup_upd, 0::BIGINT AS n_tup_del, 0::BIGINT AS n_tup_hot_upd,
       r.reltuples::BIGINT AS n_live_tup, 0::BIGINT AS n_dead_tup, 0::BIGINT AS n_mod_since_analyze,
       0::BIGINT AS n_ins_since_vacuum, NULL::TIMESTAMPTZ AS last_vacuum, NULL::TIMESTAMPTZ AS last_autovacuum,
       NULL::TIMESTAMPTZ AS last_analyze, NULL::TIMESTAMPTZ AS last_autoanalyze, 0::BIGINT AS vacuum_count,
       0::BIGINT AS autovacuum_count, 0::BIGINT AS analyze_count, 0::BIGINT AS autoanalyze_count
FROM duckgres_catalog.main.duckgres_relations r WHERE r.relkind = 'r';

-- Index usage: DuckDB keeps no per-index counters, so the counts are 0.
CREATE VIEW pg_stat_user_indexes AS
SELECT i.indrelid::UINTEGER AS relid, i.indexrelid::UINTEGER AS indexrelid, i.schema_name::name AS schemaname,
       i.table_name::name AS relname, i.index_name::name AS indexrelname, 0::BIGINT AS idx_scan,
       0::BIGINT AS idx_tup_read, 0::BIGINT AS idx_tup_fetch
FROM duckgres_catalog.main.duckgres_indexes i;

CREATE VIEW pg_stat_all_indexes AS SELECT * FROM duckgres_catalog.main.pg_stat_user_indexes;

CREATE VIEW pg_cursors AS
SELECT name, statement, is_holdable, is_binary, is_scrollable, creation_time FROM duckgres_cursors();

-- The calling session's parameters (SET changes them), with PostgreSQL's columns.
CREATE VIEW pg_settings AS
SELECT name::VARCHAR AS name, setting::VARCHAR AS setting, nullif(unit, '')::VARCHAR AS unit,
       'Duckgres'::VARCHAR AS category, short_desc::VARCHAR AS short_desc, NULL::VARCHAR AS extra_desc,
       context::VARCHAR AS context, (CASE WHEN unit = 'ms' THEN 'integer' ELSE 'string' END)::VARCHAR AS vartype, 'default'::VARCHAR AS source, NULL::VARCHAR AS min_val, NULL::VARCHAR AS max_val,
       NULL::VARCHAR[] AS enumvals, setting::VARCHAR AS boot_val, setting::VARCHAR AS reset_val,
       NULL::VARCHAR AS sourcefile, NULL::INTEGER AS sourceline, false AS pending_restart
FROM duckgres_settings();

-- Every session of the server (one row each), as its session last reported itself.
CREATE VIEW pg_stat_activity AS
SELECT duckgres_catalog.main.duckgres_database_oid(datname) AS datid, datname::name AS datname,
       pid::INTEGER AS pid, NULL::INTEGER AS leader_pid, 10::UINTEGER AS usesysid, usename::name AS usename,
       application_name::VARCHAR AS application_name, nullif(client_addr, '')::VARCHAR AS client_addr,
       NULL::VARCHAR AS client_hostname, nullif(client_port, '')::INTEGER AS client_port,
       to_timestamp((backend_start::BIGINT)::DOUBLE / 1000000) AS backend_start,
       to_timestamp((nullif(xact_start, '')::BIGINT)::DOUBLE / 1000000) AS xact_start,
       to_timestamp((nullif(query_start, '')::BIGINT)::DOUBLE / 1000000) AS query_start,
       to_timestamp((nullif(query_start, '')::BIGINT)::DOUBLE / 1000000) AS state_change,
       CASE WHEN wait_event = 'transactionid' THEN 'Lock' WHEN wait_event <> '' THEN 'Extension' END::VARCHAR AS wait_event_type,
       nullif(wait_event, '')::VARCHAR AS wait_event, state::VARCHAR AS state,
       NULL::BIGINT AS backend_xid, NULL::BIGINT AS backend_xmin, NULL::BIGINT AS query_id, query::VARCHAR AS query,
       'client backend'::VARCHAR AS backend_type
FROM duckgres_activity();
