-- pg_database, pg_roles/pg_user/pg_authid (the server's users and their roles),
-- pg_description and pg_extension.

-- A database's OID: 5 for postgres as in PostgreSQL, else a number derived from its name (the same in every
-- database and session).
CREATE MACRO duckgres_database_oid(name) AS
    (CASE WHEN name = 'postgres' THEN 5 ELSE 16384 + hash(name) % 1000000000 END)::UINTEGER;

-- Every database of the server (the data directory's files), not only the current one.
CREATE VIEW pg_database AS
SELECT duckgres_catalog.main.duckgres_database_oid(d.name) AS oid,
       d.name::name AS datname,
       10::UINTEGER AS datdba,
       6::INTEGER AS encoding,
       'c'::pg_char AS datlocprovider,
       false AS datistemplate,
       true AS datallowconn,
       -1::INTEGER AS datconnlimit,
       0::xid AS datfrozenxid,
       1::xid AS datminmxid,
       1663::UINTEGER AS dattablespace,
       'C.UTF-8'::VARCHAR AS datcollate,
       'C.UTF-8'::VARCHAR AS datctype,
       NULL::VARCHAR AS daticulocale,
       NULL::VARCHAR AS datcollversion,
       NULL::aclitem[] AS datacl
FROM (SELECT name FROM duckgres_databases() UNION SELECT current_database()) d(name);

-- The server's users with their roles (read_only, read_write, admin): admins are superusers. The session's own
-- user has OID 10, the owner every object shows; the others get a number derived from their name.
CREATE MACRO duckgres_role_of(arg_user) AS
    (SELECT r.role FROM duckgres_roles() r WHERE r.rolname = arg_user::VARCHAR);
CREATE VIEW pg_authid AS
SELECT (CASE WHEN r.rolname = duckgres_session_user() THEN 10 ELSE 16384 + hash(r.rolname) % 1000000000 END)::UINTEGER
           AS oid,
       r.rolname::name AS rolname, r.role = 'admin' AS rolsuper, true AS rolinherit, r.role = 'admin' AS rolcreaterole,
       r.role = 'admin' AS rolcreatedb, true AS rolcanlogin, r.role = 'admin' AS rolreplication,
       r.role = 'admin' AS rolbypassrls,
       -1::INTEGER AS rolconnlimit, NULL::VARCHAR AS rolpassword, NULL::TIMESTAMPTZ AS rolvaliduntil
FROM duckgres_roles() r
UNION ALL
-- PostgreSQL 15's predefined roles (they cannot log in; public's owner is pg_database_owner).
SELECT oid::UINTEGER, rolname::name, false, true, false, false, false, false, false, -1, NULL, NULL
FROM (VALUES (3373, 'pg_monitor'), (3374, 'pg_read_all_settings'), (3375, 'pg_read_all_stats'),
             (3377, 'pg_stat_scan_tables'), (4200, 'pg_signal_backend'), (4544, 'pg_checkpoint'),
             (4569, 'pg_read_server_files'), (4570, 'pg_write_server_files'), (4571, 'pg_execute_server_program'),
             (6171, 'pg_database_owner'), (6181, 'pg_read_all_data'), (6182, 'pg_write_all_data'))
     predefined(oid, rolname);

CREATE VIEW pg_roles AS
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolconnlimit,
       '********'::VARCHAR AS rolpassword, rolvaliduntil, rolbypassrls, NULL::VARCHAR[] AS rolconfig, oid
FROM duckgres_catalog.main.pg_authid;

CREATE VIEW pg_user AS
SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb, rolsuper AS usesuper,
       rolreplication AS userepl, rolbypassrls AS usebypassrls, '********'::VARCHAR AS passwd,
       rolvaliduntil AS valuntil, NULL::VARCHAR[] AS useconfig
FROM duckgres_catalog.main.pg_authid
WHERE rolcanlogin;

-- Comments (COMMENT ON) on tables, views, sequences, indexes, columns and schemas, and PostgreSQL's own on its
-- fixed schemas and on plpgsql.
CREATE VIEW pg_description AS
SELECT objoid::UINTEGER AS objoid, classoid::UINTEGER AS classoid, 0::INTEGER AS objsubid,
       description::VARCHAR AS description
FROM (VALUES (11, 2615, 'system catalog schema'), (99, 2615, 'reserved schema for TOAST tables'),
             (13559, 3079, 'PL/pgSQL procedural language'), (13563, 2612, 'PL/pgSQL procedural language'))
     fixed(objoid, classoid, description)
UNION ALL
SELECT 2200::UINTEGER, 2615::UINTEGER, 0::INTEGER, 'standard public schema'::VARCHAR
WHERE NOT EXISTS (SELECT 1 FROM duckdb_schemas() s WHERE s.database_name = current_database()
                  AND s.schema_name = 'public' AND s.comment IS NOT NULL AND s.comment <> '')
UNION ALL
SELECT r.oid::UINTEGER AS objoid, 1259::UINTEGER AS classoid, 0::INTEGER AS objsubid, r.comment::VARCHAR AS description
FROM duckgres_catalog.main.duckgres_relations r WHERE r.comment IS NOT NULL AND r.comment <> ''
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(c.table_oid), 1259, c.column_index, c.comment
FROM duckdb_columns() c
WHERE c.database_name = current_database() AND c.comment IS NOT NULL AND c.comment <> ''
UNION ALL
SELECT duckgres_catalog.main.duckgres_namespace_oid(s.schema_name, s.oid), 2615, 0, s.comment
FROM duckdb_schemas() s
WHERE s.database_name = current_database() AND s.comment IS NOT NULL AND s.comment <> ''
UNION ALL
SELECT t.oid, 1247, 0, t.comment
FROM duckgres_catalog.main.duckgres_user_types t WHERE t.comment IS NOT NULL AND t.comment <> '';

-- plpgsql, as PostgreSQL lists it (pg_language has it too); Duckgres has no other extension.
CREATE VIEW pg_extension AS
SELECT 13559::UINTEGER AS oid, 'plpgsql'::name AS extname, 10::UINTEGER AS extowner, 11::UINTEGER AS extnamespace,
       false AS extrelocatable, '1.0'::VARCHAR AS extversion, NULL::UINTEGER[] AS extconfig,
       NULL::VARCHAR[] AS extcondition;
