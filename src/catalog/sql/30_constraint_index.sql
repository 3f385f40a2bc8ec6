-- pg_constraint and pg_index (pg_attrdef, which needs format_type, is in 50_system_views.sql).

CREATE VIEW duckgres_indexes AS
SELECT ic.indexrelid, ic.indrelid, ic.index_name, ic.schema_name, ic.table_name, ic.is_unique, ic.is_primary,
       list(coalesce(a.attnum, 0) ORDER BY ic.position) AS attnums,
       list(ic.column_name ORDER BY ic.position) AS column_names,
       -- Each column's collation and the default B-tree operator class of its type, as PostgreSQL records them.
       list(coalesce(a.attcollation, 0) ORDER BY ic.position) AS collations,
       list(coalesce(o.oid, 0) ORDER BY ic.position) AS opclasses
FROM duckgres_catalog.main.duckgres_index_columns ic
LEFT JOIN duckgres_catalog.main.pg_attribute a ON a.attrelid = ic.indrelid AND a.attname = ic.column_name
LEFT JOIN duckgres_catalog.static.pg_opclass o  -- varchar has no operator class of its own: text_ops
       ON o.opcintype = (CASE a.atttypid WHEN 1043 THEN 25 ELSE a.atttypid END)
GROUP BY ALL;

CREATE VIEW pg_index AS
SELECT indexrelid::UINTEGER AS indexrelid,
       indrelid::UINTEGER AS indrelid,
       len(attnums)::SMALLINT AS indnatts,
       len(attnums)::SMALLINT AS indnkeyatts,
       is_unique AS indisunique,
       false AS indnullsnotdistinct,
       is_primary AS indisprimary,
       false AS indisexclusion,
       true AS indimmediate,
       false AS indisclustered,
       true AS indisvalid,
       false AS indcheckxmin,
       true AS indisready,
       true AS indislive,
       false AS indisreplident,
       attnums::INTEGER[]::int2vector AS indkey,  -- (from another type: a cast to the same one keeps no alias)
       collations::BIGINT[]::oidvector AS indcollation,
       opclasses::BIGINT[]::oidvector AS indclass,
       list_transform(attnums, x -> 0)::INTEGER[]::int2vector AS indoption,
       NULL::VARCHAR AS indexprs,
       NULL::VARCHAR AS indpred
FROM duckgres_catalog.main.duckgres_indexes;

CREATE VIEW pg_constraint AS
SELECT c.oid::UINTEGER AS oid,
       c.conname::name AS conname,
       duckgres_catalog.main.duckgres_namespace_oid(c.schema_name, c.schema_oid)::UINTEGER AS connamespace,
       c.contype::pg_char AS contype,
       false AS condeferrable,
       false AS condeferred,
       true AS convalidated,
       duckgres_catalog.main.duckgres_object_oid(c.table_oid)::UINTEGER AS conrelid,
       0::UINTEGER AS contypid,
       (CASE WHEN c.contype = 'f' THEN coalesce(ref_key.index_oid, 0) ELSE c.index_oid END)::UINTEGER AS conindid,
       0::UINTEGER AS conparentid,
       (CASE WHEN c.contype = 'f' THEN duckgres_catalog.main.duckgres_object_oid(ref.table_oid) ELSE 0 END)::UINTEGER
           AS confrelid,
       (CASE WHEN c.contype = 'f' THEN c.confupdtype ELSE ' ' END)::pg_char AS confupdtype,
       (CASE WHEN c.contype = 'f' THEN c.confdeltype ELSE ' ' END)::pg_char AS confdeltype,
       (CASE WHEN c.contype = 'f' THEN 's' ELSE ' ' END)::pg_char AS confmatchtype,
       true AS conislocal,
       0::INTEGER AS coninhcount,
       c.contype <> 'c' AS connoinherit,  -- PostgreSQL 15: keys are never inherited
       list_transform(c.constraint_column_indexes, x -> x + 1)::SMALLINT[] AS conkey,
       (CASE WHEN c.contype = 'f' THEN
            (SELECT list(a.attnum ORDER BY k.n)::SMALLINT[]
             FROM (SELECT unnest(c.referenced_column_names) AS name,
                          generate_subscripts(c.referenced_column_names, 1) AS n) k
             JOIN duckgres_catalog.main.pg_attribute a
               ON a.attrelid = duckgres_catalog.main.duckgres_object_oid(ref.table_oid) AND a.attname = k.name)
        END) AS confkey,
       NULL::UINTEGER[] AS conpfeqop,
       NULL::UINTEGER[] AS conppeqop,
       NULL::UINTEGER[] AS conffeqop,
       NULL::SMALLINT[] AS confdelsetcols,
       NULL::UINTEGER[] AS conexclop,
       c.expression::VARCHAR AS conbin
FROM duckgres_catalog.main.duckgres_constraints c
LEFT JOIN duckdb_tables() ref
  ON c.contype = 'f' AND ref.database_name = c.database_name AND ref.schema_name = c.referenced_schema
     AND ref.table_name = c.referenced_table
LEFT JOIN duckgres_catalog.main.duckgres_constraints ref_key
  ON c.contype = 'f' AND ref_key.contype = 'p' AND ref_key.table_oid = ref.table_oid;
