-- information_schema views with PostgreSQL's columns and PostgreSQL's type names, for the objects of the
-- current database. A view named information_schema_<name> here answers information_schema.<name> (the
-- rewriter sends the reference); the others stay DuckDB's own.

CREATE VIEW information_schema_schemata AS
SELECT current_database()::name AS catalog_name, n.nspname::name AS schema_name,
       duckgres_catalog.main.pg_get_userbyid(n.nspowner)::name AS schema_owner,
       NULL::name AS default_character_set_catalog, NULL::name AS default_character_set_schema,
       NULL::name AS default_character_set_name, NULL::character_data AS sql_path
FROM duckgres_catalog.main.pg_namespace n;

CREATE VIEW information_schema_tables AS
SELECT current_database()::name AS table_catalog, r.nspname::name AS table_schema,
       r.relname::name AS table_name,
       (CASE WHEN r.relkind = 'v' THEN 'VIEW' WHEN starts_with(r.nspname, 'pg_temp_') THEN 'LOCAL TEMPORARY'
             ELSE 'BASE TABLE' END)::character_data AS table_type,
       NULL::name AS self_referencing_column_name, NULL::character_data AS reference_generation,
       NULL::name AS user_defined_type_catalog, NULL::name AS user_defined_type_schema,
       NULL::name AS user_defined_type_name,
       (CASE r.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END)::yes_or_no AS is_insertable_into,
       'NO'::yes_or_no AS is_typed, NULL::character_data AS commit_action
FROM duckgres_catalog.main.duckgres_relations r
WHERE r.relkind IN ('r', 'v');

-- information_schema.columns.data_type: PostgreSQL's name for the type; ARRAY and USER-DEFINED as there.
CREATE MACRO duckgres_sql_type_name(arg_type_oid) AS
    (SELECT CASE WHEN dstn_t.typcategory = 'A' THEN 'ARRAY'
                 WHEN dstn_t.typtype = 'e' THEN 'USER-DEFINED'
                 ELSE duckgres_catalog.main.format_type(dstn_t.oid, NULL) END
     FROM duckgres_catalog.main.pg_type dstn_t WHERE dstn_t.oid = arg_type_oid);

CREATE VIEW information_schema_columns AS
SELECT current_database()::name AS table_catalog, r.nspname::name AS table_schema,
       r.relname::name AS table_name, a.attname::name AS column_name, a.attnum::INTEGER AS ordinal_position,
       duckgres_catalog.main.pg_get_expr(d.adbin, d.adrelid)::character_data AS column_default,
       (CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END)::yes_or_no AS is_nullable,
       duckgres_catalog.main.duckgres_sql_type_name(a.atttypid)::character_data AS data_type,
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
       NULL::character_data AS interval_type, NULL::INTEGER AS interval_precision, NULL::name AS character_set_catalog,
       NULL::name AS character_set_schema, NULL::name AS character_set_name, NULL::name AS collation_catalog,
       NULL::name AS collation_schema, NULL::name AS collation_name, NULL::name AS domain_catalog,
       NULL::name AS domain_schema, NULL::name AS domain_name, current_database()::name AS udt_catalog,
       'pg_catalog'::name AS udt_schema, t.typname::name AS udt_name, NULL::name AS scope_catalog,
       NULL::name AS scope_schema, NULL::name AS scope_name, NULL::INTEGER AS maximum_cardinality,
       a.attnum::name AS dtd_identifier, 'NO'::yes_or_no AS is_self_referencing, 'NO'::yes_or_no AS is_identity,
       NULL::character_data AS identity_generation, NULL::character_data AS identity_start, NULL::character_data AS identity_increment,
       NULL::character_data AS identity_maximum, NULL::character_data AS identity_minimum, 'NO'::yes_or_no AS identity_cycle,
       'NEVER'::character_data AS is_generated, NULL::character_data AS generation_expression,
       (CASE r.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END)::yes_or_no AS is_updatable
FROM duckgres_catalog.main.pg_attribute a
JOIN duckgres_catalog.main.duckgres_relations r ON r.oid = a.attrelid AND r.relkind IN ('r', 'v')
LEFT JOIN duckgres_catalog.main.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN duckgres_catalog.main.pg_type t ON t.oid = a.atttypid
WHERE a.attnum > 0;

CREATE VIEW information_schema_views AS
SELECT current_database()::name AS table_catalog, v.schemaname::name AS table_schema,
       v.viewname::name AS table_name, v.definition::character_data AS view_definition, 'NONE'::character_data AS check_option,
       'NO'::yes_or_no AS is_updatable, 'NO'::yes_or_no AS is_insertable_into, 'NO'::yes_or_no AS is_trigger_updatable,
       'NO'::yes_or_no AS is_trigger_deletable, 'NO'::yes_or_no AS is_trigger_insertable_into
FROM duckgres_catalog.main.pg_views v;

CREATE VIEW information_schema_table_constraints AS
SELECT current_database()::name AS constraint_catalog, c.schema_name::name AS constraint_schema,
       c.conname::name AS constraint_name, current_database()::name AS table_catalog,
       c.schema_name::name AS table_schema, c.table_name::name AS table_name,
       (CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY'
                       ELSE 'CHECK' END)::character_data AS constraint_type,
       'NO'::yes_or_no AS is_deferrable, 'NO'::yes_or_no AS initially_deferred, 'YES'::yes_or_no AS enforced,
       (CASE WHEN c.contype IN ('p', 'u') THEN 'YES' END)::yes_or_no AS nulls_distinct
FROM duckgres_catalog.main.duckgres_constraints c;

CREATE VIEW information_schema_key_column_usage AS
SELECT current_database()::name AS constraint_catalog, c.schema_name::name AS constraint_schema,
       c.conname::name AS constraint_name, current_database()::name AS table_catalog,
       c.schema_name::name AS table_schema, c.table_name::name AS table_name,
       k.column_name::name AS column_name, k.position::INTEGER AS ordinal_position,
       (CASE WHEN c.contype = 'f' THEN k.position END)::INTEGER AS position_in_unique_constraint
FROM duckgres_catalog.main.duckgres_constraints c,
     (SELECT unnest(c.constraint_column_names) AS column_name,
             generate_subscripts(c.constraint_column_names, 1) AS position) k
WHERE c.contype IN ('p', 'u', 'f');

CREATE VIEW information_schema_referential_constraints AS
SELECT current_database()::name AS constraint_catalog, c.schema_name::name AS constraint_schema,
       c.conname::name AS constraint_name, current_database()::name AS unique_constraint_catalog,
       c.referenced_schema::name AS unique_constraint_schema, (c.referenced_table || '_pkey')::name AS unique_constraint_name,
       'NONE'::character_data AS match_option,
       (CASE c.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
                           WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END)::character_data AS update_rule,
       (CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
                           WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END)::character_data AS delete_rule
FROM duckgres_catalog.main.duckgres_constraints c
WHERE c.contype = 'f';

-- Every privilege on every table and view, granted by the owner (the session's user) to itself: roles are
-- not implemented yet, so that is everyone's view of them.
CREATE VIEW information_schema_table_privileges AS
SELECT duckgres_session_user()::name AS grantor, duckgres_session_user()::name AS grantee,
       current_database()::name AS table_catalog, r.nspname::name AS table_schema,
       r.relname::name AS table_name, p.privilege_type::character_data AS privilege_type, 'YES'::yes_or_no AS is_grantable,
       (CASE WHEN p.privilege_type = 'SELECT' THEN 'YES' ELSE 'NO' END)::yes_or_no AS with_hierarchy
FROM duckgres_catalog.main.duckgres_relations r,
     (VALUES ('INSERT'), ('SELECT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) p(privilege_type)
WHERE r.relkind IN ('r', 'v');

CREATE VIEW information_schema_role_table_grants AS
SELECT * FROM duckgres_catalog.main.information_schema_table_privileges;

-- The user's functions (DuckDB macros, which are how CREATE FUNCTION ... LANGUAGE sql lands); PostgreSQL's
-- built-in functions are in pg_proc, and clients reading this view filter them out anyway.
CREATE VIEW information_schema_routines AS
SELECT current_database()::name AS specific_catalog,
       f.schema_name::name AS specific_schema,
       (f.function_name || '_' || duckgres_catalog.main.duckgres_object_oid(f.function_oid)::VARCHAR)::name AS specific_name,
       current_database()::name AS routine_catalog,
       f.schema_name::name AS routine_schema,
       f.function_name::name AS routine_name,
       'FUNCTION'::character_data AS routine_type,
       NULL::name AS module_catalog,
       NULL::name AS module_schema,
       NULL::name AS module_name,
       NULL::name AS udt_catalog,
       NULL::name AS udt_schema,
       NULL::name AS udt_name,
       (CASE WHEN f.function_type = 'table_macro' THEN 'record' ELSE 'USER-DEFINED' END)::character_data AS data_type,
       NULL::INTEGER AS character_maximum_length,
       NULL::INTEGER AS character_octet_length,
       NULL::name AS character_set_catalog,
       NULL::name AS character_set_schema,
       NULL::name AS character_set_name,
       NULL::name AS collation_catalog,
       NULL::name AS collation_schema,
       NULL::name AS collation_name,
       NULL::INTEGER AS numeric_precision,
       NULL::INTEGER AS numeric_precision_radix,
       NULL::INTEGER AS numeric_scale,
       NULL::INTEGER AS datetime_precision,
       NULL::character_data AS interval_type,
       NULL::INTEGER AS interval_precision,
       current_database()::name AS type_udt_catalog,
       'pg_catalog'::name AS type_udt_schema,
       (CASE WHEN f.function_type = 'table_macro' THEN 'record' ELSE 'anyelement' END)::name AS type_udt_name,
       NULL::name AS scope_catalog,
       NULL::name AS scope_schema,
       NULL::name AS scope_name,
       NULL::INTEGER AS maximum_cardinality,
       '0'::name AS dtd_identifier,
       'SQL'::character_data AS routine_body,
       f.macro_definition::character_data AS routine_definition,
       NULL::character_data AS external_name,
       'SQL'::character_data AS external_language,
       'GENERAL'::character_data AS parameter_style,
       'NO'::yes_or_no AS is_deterministic,
       'MODIFIES'::character_data AS sql_data_access,
       'NO'::yes_or_no AS is_null_call,
       NULL::character_data AS sql_path,
       'YES'::yes_or_no AS schema_level_routine,
       0::INTEGER AS max_dynamic_result_sets,
       'NO'::yes_or_no AS is_user_defined_cast,
       'NO'::yes_or_no AS is_implicitly_invocable,
       'INVOKER'::character_data AS security_type,
       NULL::name AS to_sql_specific_catalog,
       NULL::name AS to_sql_specific_schema,
       NULL::name AS to_sql_specific_name,
       'NO'::yes_or_no AS as_locator,
       NULL::TIMESTAMPTZ AS created,
       NULL::TIMESTAMPTZ AS last_altered,
       'NO'::yes_or_no AS new_savepoint_level,
       'NO'::yes_or_no AS is_udt_dependent,
       NULL::character_data AS result_cast_from_data_type,
       'NO'::yes_or_no AS result_cast_as_locator,
       NULL::INTEGER AS result_cast_char_max_length,
       NULL::INTEGER AS result_cast_char_octet_length,
       NULL::name AS result_cast_char_set_catalog,
       NULL::name AS result_cast_char_set_schema,
       NULL::name AS result_cast_char_set_name,
       NULL::name AS result_cast_collation_catalog,
       NULL::name AS result_cast_collation_schema,
       NULL::name AS result_cast_collation_name,
       NULL::INTEGER AS result_cast_numeric_precision,
       NULL::INTEGER AS result_cast_numeric_precision_radix,
       NULL::INTEGER AS result_cast_numeric_scale,
       NULL::INTEGER AS result_cast_datetime_precision,
       NULL::character_data AS result_cast_interval_type,
       NULL::INTEGER AS result_cast_interval_precision,
       NULL::name AS result_cast_type_udt_catalog,
       NULL::name AS result_cast_type_udt_schema,
       NULL::name AS result_cast_type_udt_name,
       NULL::name AS result_cast_scope_catalog,
       NULL::name AS result_cast_scope_schema,
       NULL::name AS result_cast_scope_name,
       NULL::INTEGER AS result_cast_maximum_cardinality,
       NULL::name AS result_cast_dtd_identifier
FROM duckdb_functions() f
WHERE f.database_name = current_database() AND NOT f.internal AND f.function_type IN ('macro', 'table_macro');

CREATE VIEW information_schema_sequences AS
SELECT current_database()::name AS sequence_catalog, s.schema_name::name AS sequence_schema,
       s.sequence_name::name AS sequence_name, 'bigint'::character_data AS data_type, 64::INTEGER AS numeric_precision,
       2::INTEGER AS numeric_precision_radix, 0::INTEGER AS numeric_scale, s.start_value::character_data AS start_value,
       s.min_value::character_data AS minimum_value, s.max_value::character_data AS maximum_value,
       s.increment_by::character_data AS increment, (CASE WHEN s.cycle THEN 'YES' ELSE 'NO' END)::yes_or_no AS cycle_option
FROM duckdb_sequences() s
WHERE s.database_name = current_database() AND NOT s.temporary;

-- Every column a constraint uses: its own table's for primary keys, unique and check constraints, the
-- referenced table's for foreign keys (as PostgreSQL lists them).
CREATE VIEW information_schema_constraint_column_usage AS
SELECT current_database()::name AS table_catalog,
       (CASE WHEN c.contype = 'f' THEN c.referenced_schema ELSE c.schema_name END)::name AS table_schema,
       (CASE WHEN c.contype = 'f' THEN c.referenced_table ELSE c.table_name END)::name AS table_name,
       u.column_name::name AS column_name, current_database()::name AS constraint_catalog,
       c.schema_name::name AS constraint_schema, c.conname::name AS constraint_name
FROM duckgres_catalog.main.duckgres_constraints c,
     (SELECT unnest(CASE WHEN c.contype = 'f' THEN c.referenced_column_names ELSE c.constraint_column_names END)
             AS column_name) u;
