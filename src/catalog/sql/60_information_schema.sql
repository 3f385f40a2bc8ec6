-- information_schema views with PostgreSQL's columns and PostgreSQL's type names, for the objects of the
-- current database. A view named information_schema_<name> here answers information_schema.<name> (the
-- rewriter sends the reference); the others stay DuckDB's own.

CREATE VIEW information_schema_schemata AS
SELECT current_database()::VARCHAR AS catalog_name, n.nspname::VARCHAR AS schema_name,
       duckgres_catalog.main.pg_get_userbyid(n.nspowner)::VARCHAR AS schema_owner,
       NULL::VARCHAR AS default_character_set_catalog, NULL::VARCHAR AS default_character_set_schema,
       NULL::VARCHAR AS default_character_set_name, NULL::VARCHAR AS sql_path
FROM duckgres_catalog.main.pg_namespace n;

CREATE VIEW information_schema_tables AS
SELECT current_database()::VARCHAR AS table_catalog, r.nspname::VARCHAR AS table_schema,
       r.relname::VARCHAR AS table_name,
       (CASE r.relkind WHEN 'r' THEN 'BASE TABLE' ELSE 'VIEW' END)::VARCHAR AS table_type,
       NULL::VARCHAR AS self_referencing_column_name, NULL::VARCHAR AS reference_generation,
       NULL::VARCHAR AS user_defined_type_catalog, NULL::VARCHAR AS user_defined_type_schema,
       NULL::VARCHAR AS user_defined_type_name,
       (CASE r.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END)::VARCHAR AS is_insertable_into,
       'NO'::VARCHAR AS is_typed, NULL::VARCHAR AS commit_action
FROM duckgres_catalog.main.duckgres_relations r
WHERE r.relkind IN ('r', 'v');

-- information_schema.columns.data_type: PostgreSQL's name for the type; ARRAY and USER-DEFINED as there.
CREATE MACRO duckgres_sql_type_name(arg_type_oid) AS
    (SELECT CASE WHEN dstn_t.typcategory = 'A' THEN 'ARRAY'
                 WHEN dstn_t.typtype = 'e' THEN 'USER-DEFINED'
                 ELSE duckgres_catalog.main.format_type(dstn_t.oid, NULL) END
     FROM duckgres_catalog.main.pg_type dstn_t WHERE dstn_t.oid = arg_type_oid);

CREATE VIEW information_schema_columns AS
SELECT current_database()::VARCHAR AS table_catalog, r.nspname::VARCHAR AS table_schema,
       r.relname::VARCHAR AS table_name, a.attname::VARCHAR AS column_name, a.attnum::INTEGER AS ordinal_position,
       duckgres_catalog.main.pg_get_expr(d.adbin, d.adrelid)::VARCHAR AS column_default,
       (CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END)::VARCHAR AS is_nullable,
       duckgres_catalog.main.duckgres_sql_type_name(a.atttypid)::VARCHAR AS data_type,
       (CASE WHEN a.atttypid IN (1042, 1043) AND a.atttypmod > 4 THEN a.atttypmod - 4 END)::INTEGER
           AS character_maximum_length,
       (CASE WHEN a.atttypid IN (25, 1042, 1043) THEN 1073741824 END)::INTEGER AS character_octet_length,
       (CASE a.atttypid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 700 THEN 24 WHEN 701 THEN 53
                        WHEN 1700 THEN CASE WHEN a.atttypmod > 4 THEN (a.atttypmod - 4) >> 16 END END)::INTEGER
           AS numeric_precision,
       (CASE WHEN a.atttypid IN (21, 23, 20, 700, 701) THEN 2 WHEN a.atttypid = 1700 THEN 10 END)::INTEGER
           AS numeric_precision_radix,
       (CASE WHEN a.atttypid IN (21, 23, 20) THEN 0
             WHEN a.atttypid = 1700 AND a.atttypmod > 4 THEN (a.atttypmod - 4) & 65535 END)::INTEGER AS numeric_scale,
       (CASE WHEN a.atttypid IN (1082) THEN 0 WHEN a.atttypid IN (1083, 1114, 1184, 1266, 1186) THEN 6 END)::INTEGER
           AS datetime_precision,
       NULL::VARCHAR AS interval_type, NULL::INTEGER AS interval_precision, NULL::VARCHAR AS character_set_catalog,
       NULL::VARCHAR AS character_set_schema, NULL::VARCHAR AS character_set_name, NULL::VARCHAR AS collation_catalog,
       NULL::VARCHAR AS collation_schema, NULL::VARCHAR AS collation_name, NULL::VARCHAR AS domain_catalog,
       NULL::VARCHAR AS domain_schema, NULL::VARCHAR AS domain_name, current_database()::VARCHAR AS udt_catalog,
       'pg_catalog'::VARCHAR AS udt_schema, t.typname::VARCHAR AS udt_name, NULL::VARCHAR AS scope_catalog,
       NULL::VARCHAR AS scope_schema, NULL::VARCHAR AS scope_name, NULL::INTEGER AS maximum_cardinality,
       a.attnum::VARCHAR AS dtd_identifier, 'NO'::VARCHAR AS is_self_referencing, 'NO'::VARCHAR AS is_identity,
       NULL::VARCHAR AS identity_generation, NULL::VARCHAR AS identity_start, NULL::VARCHAR AS identity_increment,
       NULL::VARCHAR AS identity_maximum, NULL::VARCHAR AS identity_minimum, 'NO'::VARCHAR AS identity_cycle,
       'NEVER'::VARCHAR AS is_generated, NULL::VARCHAR AS generation_expression,
       (CASE r.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END)::VARCHAR AS is_updatable
FROM duckgres_catalog.main.pg_attribute a
JOIN duckgres_catalog.main.duckgres_relations r ON r.oid = a.attrelid AND r.relkind IN ('r', 'v')
LEFT JOIN duckgres_catalog.main.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN duckgres_catalog.main.pg_type t ON t.oid = a.atttypid
WHERE a.attnum > 0;

CREATE VIEW information_schema_views AS
SELECT current_database()::VARCHAR AS table_catalog, v.schemaname::VARCHAR AS table_schema,
       v.viewname::VARCHAR AS table_name, v.definition::VARCHAR AS view_definition, 'NONE'::VARCHAR AS check_option,
       'NO'::VARCHAR AS is_updatable, 'NO'::VARCHAR AS is_insertable_into, 'NO'::VARCHAR AS is_trigger_updatable,
       'NO'::VARCHAR AS is_trigger_deletable, 'NO'::VARCHAR AS is_trigger_insertable_into
FROM duckgres_catalog.main.pg_views v;

CREATE VIEW information_schema_table_constraints AS
SELECT current_database()::VARCHAR AS constraint_catalog, c.schema_name::VARCHAR AS constraint_schema,
       c.conname::VARCHAR AS constraint_name, current_database()::VARCHAR AS table_catalog,
       c.schema_name::VARCHAR AS table_schema, c.table_name::VARCHAR AS table_name,
       (CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY'
                       ELSE 'CHECK' END)::VARCHAR AS constraint_type,
       'NO'::VARCHAR AS is_deferrable, 'NO'::VARCHAR AS initially_deferred, 'YES'::VARCHAR AS enforced,
       (CASE WHEN c.contype IN ('p', 'u') THEN 'YES' END)::VARCHAR AS nulls_distinct
FROM duckgres_catalog.main.duckgres_constraints c;

CREATE VIEW information_schema_key_column_usage AS
SELECT current_database()::VARCHAR AS constraint_catalog, c.schema_name::VARCHAR AS constraint_schema,
       c.conname::VARCHAR AS constraint_name, current_database()::VARCHAR AS table_catalog,
       c.schema_name::VARCHAR AS table_schema, c.table_name::VARCHAR AS table_name,
       k.column_name::VARCHAR AS column_name, k.position::INTEGER AS ordinal_position,
       (CASE WHEN c.contype = 'f' THEN k.position END)::INTEGER AS position_in_unique_constraint
FROM duckgres_catalog.main.duckgres_constraints c,
     (SELECT unnest(c.constraint_column_names) AS column_name,
             generate_subscripts(c.constraint_column_names, 1) AS position) k
WHERE c.contype IN ('p', 'u', 'f');

CREATE VIEW information_schema_referential_constraints AS
SELECT current_database()::VARCHAR AS constraint_catalog, c.schema_name::VARCHAR AS constraint_schema,
       c.conname::VARCHAR AS constraint_name, current_database()::VARCHAR AS unique_constraint_catalog,
       c.schema_name::VARCHAR AS unique_constraint_schema, (c.referenced_table || '_pkey')::VARCHAR AS unique_constraint_name,
       'NONE'::VARCHAR AS match_option, 'NO ACTION'::VARCHAR AS update_rule, 'NO ACTION'::VARCHAR AS delete_rule
FROM duckgres_catalog.main.duckgres_constraints c
WHERE c.contype = 'f';

-- Every privilege on every table and view, granted by the owner (the session's user) to itself: roles are
-- not implemented yet, so that is everyone's view of them.
CREATE VIEW information_schema_table_privileges AS
SELECT duckgres_session_user()::VARCHAR AS grantor, duckgres_session_user()::VARCHAR AS grantee,
       current_database()::VARCHAR AS table_catalog, r.nspname::VARCHAR AS table_schema,
       r.relname::VARCHAR AS table_name, p.privilege_type::VARCHAR AS privilege_type, 'YES'::VARCHAR AS is_grantable,
       (CASE WHEN p.privilege_type = 'SELECT' THEN 'YES' ELSE 'NO' END)::VARCHAR AS with_hierarchy
FROM duckgres_catalog.main.duckgres_relations r,
     (VALUES ('INSERT'), ('SELECT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) p(privilege_type)
WHERE r.relkind IN ('r', 'v');

CREATE VIEW information_schema_role_table_grants AS
SELECT * FROM duckgres_catalog.main.information_schema_table_privileges;

-- The user's functions (DuckDB macros, which are how CREATE FUNCTION ... LANGUAGE sql lands); PostgreSQL's
-- built-in functions are in pg_proc, and clients reading this view filter them out anyway.
CREATE VIEW information_schema_routines AS
SELECT current_database()::VARCHAR AS specific_catalog,
       f.schema_name::VARCHAR AS specific_schema,
       f.function_name || '_' || duckgres_catalog.main.duckgres_object_oid(f.function_oid)::VARCHAR AS specific_name,
       current_database()::VARCHAR AS routine_catalog,
       f.schema_name::VARCHAR AS routine_schema,
       f.function_name::VARCHAR AS routine_name,
       'FUNCTION'::VARCHAR AS routine_type,
       NULL::VARCHAR AS module_catalog,
       NULL::VARCHAR AS module_schema,
       NULL::VARCHAR AS module_name,
       NULL::VARCHAR AS udt_catalog,
       NULL::VARCHAR AS udt_schema,
       NULL::VARCHAR AS udt_name,
       (CASE WHEN f.function_type = 'table_macro' THEN 'record' ELSE 'USER-DEFINED' END)::VARCHAR AS data_type,
       NULL::INTEGER AS character_maximum_length,
       NULL::INTEGER AS character_octet_length,
       NULL::VARCHAR AS character_set_catalog,
       NULL::VARCHAR AS character_set_schema,
       NULL::VARCHAR AS character_set_name,
       NULL::VARCHAR AS collation_catalog,
       NULL::VARCHAR AS collation_schema,
       NULL::VARCHAR AS collation_name,
       NULL::INTEGER AS numeric_precision,
       NULL::INTEGER AS numeric_precision_radix,
       NULL::INTEGER AS numeric_scale,
       NULL::INTEGER AS datetime_precision,
       NULL::VARCHAR AS interval_type,
       NULL::INTEGER AS interval_precision,
       current_database()::VARCHAR AS type_udt_catalog,
       'pg_catalog'::VARCHAR AS type_udt_schema,
       (CASE WHEN f.function_type = 'table_macro' THEN 'record' ELSE 'anyelement' END)::VARCHAR AS type_udt_name,
       NULL::VARCHAR AS scope_catalog,
       NULL::VARCHAR AS scope_schema,
       NULL::VARCHAR AS scope_name,
       NULL::INTEGER AS maximum_cardinality,
       '0'::VARCHAR AS dtd_identifier,
       'SQL'::VARCHAR AS routine_body,
       f.macro_definition::VARCHAR AS routine_definition,
       NULL::VARCHAR AS external_name,
       'SQL'::VARCHAR AS external_language,
       'GENERAL'::VARCHAR AS parameter_style,
       'NO'::VARCHAR AS is_deterministic,
       'MODIFIES'::VARCHAR AS sql_data_access,
       'NO'::VARCHAR AS is_null_call,
       NULL::VARCHAR AS sql_path,
       'YES'::VARCHAR AS schema_level_routine,
       0::INTEGER AS max_dynamic_result_sets,
       'NO'::VARCHAR AS is_user_defined_cast,
       'NO'::VARCHAR AS is_implicitly_invocable,
       'INVOKER'::VARCHAR AS security_type,
       NULL::VARCHAR AS to_sql_specific_catalog,
       NULL::VARCHAR AS to_sql_specific_schema,
       NULL::VARCHAR AS to_sql_specific_name,
       'NO'::VARCHAR AS as_locator,
       NULL::TIMESTAMPTZ AS created,
       NULL::TIMESTAMPTZ AS last_altered,
       'NO'::VARCHAR AS new_savepoint_level,
       'NO'::VARCHAR AS is_udt_dependent,
       NULL::VARCHAR AS result_cast_from_data_type,
       'NO'::VARCHAR AS result_cast_as_locator,
       NULL::INTEGER AS result_cast_char_max_length,
       NULL::INTEGER AS result_cast_char_octet_length,
       NULL::VARCHAR AS result_cast_char_set_catalog,
       NULL::VARCHAR AS result_cast_char_set_schema,
       NULL::VARCHAR AS result_cast_char_set_name,
       NULL::VARCHAR AS result_cast_collation_catalog,
       NULL::VARCHAR AS result_cast_collation_schema,
       NULL::VARCHAR AS result_cast_collation_name,
       NULL::INTEGER AS result_cast_numeric_precision,
       NULL::INTEGER AS result_cast_numeric_precision_radix,
       NULL::INTEGER AS result_cast_numeric_scale,
       NULL::INTEGER AS result_cast_datetime_precision,
       NULL::VARCHAR AS result_cast_interval_type,
       NULL::INTEGER AS result_cast_interval_precision,
       NULL::VARCHAR AS result_cast_type_udt_catalog,
       NULL::VARCHAR AS result_cast_type_udt_schema,
       NULL::VARCHAR AS result_cast_type_udt_name,
       NULL::VARCHAR AS result_cast_scope_catalog,
       NULL::VARCHAR AS result_cast_scope_schema,
       NULL::VARCHAR AS result_cast_scope_name,
       NULL::INTEGER AS result_cast_maximum_cardinality,
       NULL::VARCHAR AS result_cast_dtd_identifier
FROM duckdb_functions() f
WHERE f.database_name = current_database() AND NOT f.internal AND f.function_type IN ('macro', 'table_macro');

CREATE VIEW information_schema_sequences AS
SELECT current_database()::VARCHAR AS sequence_catalog, s.schema_name::VARCHAR AS sequence_schema,
       s.sequence_name::VARCHAR AS sequence_name, 'bigint'::VARCHAR AS data_type, 64::INTEGER AS numeric_precision,
       2::INTEGER AS numeric_precision_radix, 0::INTEGER AS numeric_scale, s.start_value::VARCHAR AS start_value,
       s.min_value::VARCHAR AS minimum_value, s.max_value::VARCHAR AS maximum_value,
       s.increment_by::VARCHAR AS increment, (CASE WHEN s.cycle THEN 'YES' ELSE 'NO' END)::VARCHAR AS cycle_option
FROM duckdb_sequences() s
WHERE s.database_name = current_database() AND NOT s.temporary;

-- Every column a constraint uses: its own table's for primary keys, unique and check constraints, the
-- referenced table's for foreign keys (as PostgreSQL lists them).
CREATE VIEW information_schema_constraint_column_usage AS
SELECT current_database()::VARCHAR AS table_catalog, c.schema_name::VARCHAR AS table_schema,
       (CASE WHEN c.contype = 'f' THEN c.referenced_table ELSE c.table_name END)::VARCHAR AS table_name,
       u.column_name::VARCHAR AS column_name, current_database()::VARCHAR AS constraint_catalog,
       c.schema_name::VARCHAR AS constraint_schema, c.conname::VARCHAR AS constraint_name
FROM duckgres_catalog.main.duckgres_constraints c,
     (SELECT unnest(CASE WHEN c.contype = 'f' THEN c.referenced_column_names ELSE c.constraint_column_names END)
             AS column_name) u;
