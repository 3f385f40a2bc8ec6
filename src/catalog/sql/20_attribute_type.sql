-- pg_type (PostgreSQL's built-in types plus the database's ENUM types), pg_enum and pg_attribute.
-- Column types come from duckgres_type_oid/duckgres_type_typmod (C++): the type clients see on the wire.

CREATE VIEW duckgres_user_types AS
SELECT duckgres_catalog.main.duckgres_object_oid(type_oid) AS oid, type_name, schema_name,
       duckgres_catalog.main.duckgres_namespace_oid(schema_name, schema_oid) AS typnamespace, labels, comment,
       -- How duckdb_columns() shows a column of the type (it keeps the labels, not the type's name).
       'ENUM(' || array_to_string(list_transform(labels, dut_l -> '''' || replace(dut_l, '''', '''''') || ''''), ', ')
           || ')' AS definition
FROM duckdb_types()
WHERE database_name = current_database() AND logical_type = 'ENUM' AND NOT internal;

CREATE OR REPLACE VIEW pg_type AS
SELECT * REPLACE (typacl::aclitem[] AS typacl) FROM duckgres_catalog.static.pg_type
UNION ALL
SELECT oid::UINTEGER, type_name, typnamespace::UINTEGER, 10::UINTEGER, 4::SMALLINT, true, 'e', 'E', false, true, ',',
       0::UINTEGER, '-', 0::UINTEGER, 0::UINTEGER, 'enum_in', 'enum_out', 'enum_recv', 'enum_send', '-', '-', '-', 'i',
       'p', false, 0::UINTEGER, -1, 0, 0::UINTEGER, NULL, NULL, NULL
FROM duckgres_catalog.main.duckgres_user_types;

-- pg_proc with proargtypes (an oidvector) as a list of OIDs, as pg_index.indkey is one of attnums.
CREATE OR REPLACE VIEW pg_proc AS
SELECT * REPLACE (list_filter(string_split(proargtypes, ' '), ppa_x -> ppa_x <> '')::oidvector AS proargtypes,
                  proacl::aclitem[] AS proacl)
FROM duckgres_catalog.static.pg_proc;

CREATE OR REPLACE VIEW pg_tablespace AS
SELECT * REPLACE (spcacl::aclitem[] AS spcacl) FROM duckgres_catalog.static.pg_tablespace;

CREATE OR REPLACE VIEW pg_language AS
SELECT * REPLACE (lanacl::aclitem[] AS lanacl) FROM duckgres_catalog.static.pg_language;

CREATE VIEW pg_enum AS
SELECT ((1000 * t.oid + l.n) % 4294967295)::UINTEGER AS oid, t.oid::UINTEGER AS enumtypid, l.n::REAL AS enumsortorder,
       l.label::name AS enumlabel
FROM duckgres_catalog.main.duckgres_user_types t,
     (SELECT unnest(labels) AS label, generate_subscripts(labels, 1) AS n) l;

CREATE VIEW pg_attribute AS
SELECT duckgres_catalog.main.duckgres_object_oid(c.table_oid)::UINTEGER AS attrelid,
       c.column_name::name AS attname,
       c.type_oid::UINTEGER AS atttypid,
       -1::INTEGER AS attstattarget,
       (CASE WHEN c.enum_type THEN 4 ELSE coalesce(t.typlen, -1) END)::SMALLINT AS attlen,
       c.column_index::SMALLINT AS attnum,
       (CASE WHEN c.data_type LIKE '%]' THEN 1 ELSE 0 END)::INTEGER AS attndims,
       -1::INTEGER AS attcacheoff,
       c.type_modifier::INTEGER AS atttypmod,
       coalesce(t.typbyval, c.enum_type) AS attbyval,
       coalesce(t.typalign, 'i')::pg_char AS attalign,
       (CASE WHEN c.enum_type THEN 'p' ELSE coalesce(t.typstorage, 'x') END)::pg_char AS attstorage,
       ''::pg_char AS attcompression,
       NOT c.is_nullable AS attnotnull,
       c.column_default IS NOT NULL AS atthasdef,
       false AS atthasmissing,
       ''::pg_char AS attidentity,
       ''::pg_char AS attgenerated,
       false AS attisdropped,
       true AS attislocal,
       0::INTEGER AS attinhcount,
       (CASE WHEN coalesce(t.typcollation, 0) <> 0 THEN 100 ELSE 0 END)::UINTEGER AS attcollation,
       NULL::aclitem[] AS attacl,
       NULL::VARCHAR[] AS attoptions,
       NULL::VARCHAR[] AS attfdwoptions,
       NULL::anyarray AS attmissingval
FROM (SELECT d.*,
             -- varchar(n) / char(n): DuckDB's VARCHAR with the length CHECK Duckgres added
             CASE WHEN e.oid IS NOT NULL THEN e.oid
                  WHEN l.length IS NULL THEN duckgres_type_oid(d.data_type)
                  WHEN l.blank_padded THEN 1042 ELSE 1043 END AS type_oid,
             coalesce(l.length + 4, duckgres_type_typmod(d.data_type)) AS type_modifier,
             e.oid IS NOT NULL AS enum_type
      FROM duckdb_columns() d
      LEFT JOIN duckgres_catalog.main.duckgres_length_checks l
             ON l.table_oid = d.table_oid AND l.column_name = d.column_name
      -- An enum column: the type of its labels (the first made, should two types have the same).
      LEFT JOIN (SELECT definition, min(oid) AS oid FROM duckgres_catalog.main.duckgres_user_types GROUP BY definition) e
             ON d.data_type_id = 104 AND e.definition = d.data_type
      WHERE d.database_name = current_database()) c
LEFT JOIN duckgres_catalog.static.pg_type t ON t.oid = c.type_oid
UNION ALL
-- A table's system columns (ctid, xmin, cmin, xmax, cmax, tableoid), which PostgreSQL lists with attnum < 0.
SELECT duckgres_catalog.main.duckgres_object_oid(t.table_oid)::UINTEGER, s.attname::VARCHAR, s.atttypid::UINTEGER, 0,
       s.attlen::SMALLINT, s.attnum::SMALLINT, 0, -1, -1, s.attlen = 4, (CASE WHEN s.attlen = 4 THEN 'i' ELSE 's' END)::VARCHAR,
       'p', '', true, false, false, '', '', false, true, 0, 0::UINTEGER, NULL, NULL, NULL, NULL
FROM duckdb_tables() t,
     (VALUES ('ctid', 27, 6, -1), ('xmin', 28, 4, -2), ('cmin', 29, 4, -3), ('xmax', 28, 4, -4), ('cmax', 29, 4, -5),
             ('tableoid', 26, 4, -6)) s(attname, atttypid, attlen, attnum)
WHERE t.database_name = current_database()
UNION ALL
-- An index's own columns (PostgreSQL has pg_attribute rows for index relations too).
SELECT ic.indexrelid::UINTEGER, ic.column_name::VARCHAR, duckgres_type_oid(c.data_type)::UINTEGER, -1,
       coalesce(t.typlen, -1)::SMALLINT, ic.position::SMALLINT, 0, -1, -1, coalesce(t.typbyval, false),
       coalesce(t.typalign, 'i')::VARCHAR, coalesce(t.typstorage, 'x')::VARCHAR, '', false, false, false, '', '', false,
       true, 0, (CASE WHEN coalesce(t.typcollation, 0) <> 0 THEN 100 ELSE 0 END)::UINTEGER, NULL, NULL, NULL, NULL
FROM duckgres_catalog.main.duckgres_index_columns ic
JOIN duckdb_columns() c
  ON c.database_name = current_database() AND c.schema_name = ic.schema_name AND c.table_name = ic.table_name
     AND c.column_name = ic.column_name
LEFT JOIN duckgres_catalog.static.pg_type t ON t.oid = duckgres_type_oid(c.data_type);
