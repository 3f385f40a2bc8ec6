-- pg_namespace and pg_class: schemas and relations of the current database (and PostgreSQL's system
-- catalogs, fixed rows), with PostgreSQL's columns.

CREATE VIEW pg_namespace AS
-- The fixed schemas carry PostgreSQL's initial privileges: their owner's USAGE and CREATE, everyone's USAGE.
SELECT oid::UINTEGER AS oid, nspname::name AS nspname, 10::UINTEGER AS nspowner,
       (CASE WHEN oid <> 99 THEN ['{0}=UC/{0}', '=U/{0}'] END).list_transform(a -> replace(a, '{0}',
           duckgres_session_user()))::aclitem[] AS nspacl
FROM (VALUES (11, 'pg_catalog'), (99, 'pg_toast'), (13207, 'information_schema')) fixed(oid, nspname)
UNION ALL
SELECT duckgres_catalog.main.duckgres_namespace_oid(s.schema_name, s.oid), s.schema_name,
       (CASE WHEN s.schema_name = 'public' THEN 6171 ELSE 10 END)::UINTEGER,
       (CASE WHEN s.schema_name = 'public'
             THEN ['pg_database_owner=UC/pg_database_owner', '=U/pg_database_owner'] END)::aclitem[]
FROM duckdb_schemas() s
WHERE s.database_name = current_database() AND s.schema_name NOT IN ('pg_catalog', 'information_schema')
  -- DuckDB's default schema "main" is shown only when something was created in it.
  AND (s.schema_name <> 'main'
       OR EXISTS (SELECT 1 FROM duckdb_tables() t WHERE t.database_name = s.database_name AND t.schema_name = 'main')
       OR EXISTS (SELECT 1 FROM duckdb_views() v
                  WHERE v.database_name = s.database_name AND v.schema_name = 'main' AND NOT v.internal));

-- relfrozenxid and relminmxid are xid, relacl aclitem[] (DuckDB types under those names, see catalog_builder).
CREATE OR REPLACE VIEW pg_class AS
SELECT * REPLACE (relfrozenxid::xid AS relfrozenxid, relminmxid::xid AS relminmxid, relacl::aclitem[] AS relacl)
FROM duckgres_catalog.static.pg_class
UNION ALL
SELECT r.oid::UINTEGER AS oid,
       r.relname::VARCHAR AS relname,
       r.relnamespace::UINTEGER AS relnamespace,
       0::UINTEGER AS reltype,
       0::UINTEGER AS reloftype,
       10::UINTEGER AS relowner,
       (CASE r.relkind WHEN 'r' THEN 2 WHEN 'i' THEN 403 ELSE 0 END)::UINTEGER AS relam,
       (CASE WHEN r.relkind = 'v' THEN 0 ELSE r.oid END)::UINTEGER AS relfilenode,  -- views have no storage
       0::UINTEGER AS reltablespace,
       (CASE WHEN r.relkind = 'S' THEN 1 ELSE 0 END)::INTEGER AS relpages,  -- a sequence is one page, one row
       (CASE r.relkind WHEN 'r' THEN r.reltuples WHEN 'S' THEN 1 ELSE -1 END)::REAL AS reltuples,
       0::INTEGER AS relallvisible,
       0::UINTEGER AS reltoastrelid,
       r.relhasindex::BOOLEAN AS relhasindex,
       false AS relisshared,
       (CASE WHEN starts_with(r.nspname, 'pg_temp_') THEN 't' ELSE 'p' END) AS relpersistence,
       r.relkind::VARCHAR AS relkind,
       r.relnatts::SMALLINT AS relnatts,
       r.relchecks::SMALLINT AS relchecks,
       r.relkind = 'v' AS relhasrules, -- a PostgreSQL view is a rule
       r.relhastriggers AS relhastriggers,
       false AS relhassubclass,
       false AS relrowsecurity,
       false AS relforcerowsecurity,
       true AS relispopulated,
       (CASE WHEN r.relkind = 'r' THEN 'd' ELSE 'n' END)::VARCHAR AS relreplident,
       false AS relispartition,
       0::UINTEGER AS relrewrite,
       0::xid AS relfrozenxid,
       0::xid AS relminmxid,
       NULL::aclitem[] AS relacl,
       NULL::VARCHAR[] AS reloptions,
       NULL::VARCHAR AS relpartbound
FROM duckgres_catalog.main.duckgres_relations r;
