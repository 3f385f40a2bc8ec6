-- PostgreSQL's catalog functions, as DuckDB macros over the catalog views. Calls to these names (qualified
-- with pg_catalog or not) are sent here by the rewriter.

CREATE MACRO pg_get_userbyid(arg_role_oid) AS
    CASE arg_role_oid WHEN 10 THEN duckgres_session_user() WHEN 6171 THEN 'pg_database_owner'
                      ELSE coalesce((SELECT a.rolname FROM duckgres_catalog.main.pg_authid a WHERE a.oid = arg_role_oid),
                                    'unknown (OID=' || arg_role_oid || ')') END;

CREATE MACRO pg_encoding_to_char(arg_encoding) AS CASE arg_encoding WHEN 6 THEN 'UTF8' WHEN 0 THEN 'SQL_ASCII' ELSE '' END;

CREATE MACRO pg_char_to_encoding(name) AS CASE upper(name) WHEN 'UTF8' THEN 6 WHEN 'SQL_ASCII' THEN 0 ELSE -1 END;

-- Visible: in a schema of the session's search path (DuckDB's, set from it), in DuckDB's main or in pg_catalog.
CREATE MACRO duckgres_visible_namespace(arg_namespace_oid) AS
    coalesce((SELECT dvn_n.nspname IN ('main', 'pg_catalog')
                     OR list_contains(system.main.current_schemas(false), dvn_n.nspname)
              FROM duckgres_catalog.main.pg_namespace dvn_n WHERE dvn_n.oid = arg_namespace_oid), false);

CREATE MACRO pg_table_is_visible(arg_rel_oid) AS
    coalesce((SELECT duckgres_catalog.main.duckgres_visible_namespace(ptiv_c.relnamespace)
              FROM duckgres_catalog.main.pg_class ptiv_c WHERE ptiv_c.oid = arg_rel_oid), false);

CREATE MACRO pg_type_is_visible(arg_type_oid) AS
    coalesce((SELECT duckgres_catalog.main.duckgres_visible_namespace(ptiv_t.typnamespace)
              FROM duckgres_catalog.main.pg_type ptiv_t WHERE ptiv_t.oid = arg_type_oid), false);

CREATE MACRO pg_function_is_visible(arg_function_oid) AS true;
CREATE MACRO pg_collation_is_visible(arg_collation_oid) AS true;
CREATE MACRO pg_opclass_is_visible(arg_opclass_oid) AS true;
CREATE MACRO pg_operator_is_visible(arg_operator_oid) AS true;
CREATE MACRO pg_conversion_is_visible(arg_conversion_oid) AS true;
CREATE MACRO pg_ts_config_is_visible(arg_config_oid) AS true;
CREATE MACRO pg_statistics_obj_is_visible(arg_stat_oid) AS true;

-- An expression without the parentheses DuckDB puts around all of it: "(a > 0)" -> "a > 0".
-- An expression DuckDB keeps (a CHECK, a default) in PostgreSQL's spelling of its literals: CAST('0' AS DECIMAL(1,0))
-- as (0)::numeric, CAST('new' AS VARCHAR) as 'new'::text.
CREATE MACRO duckgres_pg_expression(arg_expression) AS
    regexp_replace(
        regexp_replace(regexp_replace(arg_expression, 'CAST\(''(-?[0-9]+(\.[0-9]+)?)'' AS DECIMAL\([0-9]+,[0-9]+\)\)',
                                      '(\1)::numeric', 'g'),
                       'CAST\(''((?:[^'']|'''')*)'' AS (?:VARCHAR|character_data)(\[\])?\)',
                       '''\1''::' || CASE WHEN contains(arg_expression, 'character_data') THEN 'character varying'
                                          ELSE 'text' END || '\2', 'g'),
        -- A literal of another type named as PostgreSQL names it (an enum, date, a qualified user type).
        'CAST\(''((?:[^'']|'''')*)'' AS ([A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?(\[\])?)\)', '''\1''::\2',
        'g');
CREATE MACRO duckgres_unwrap(arg_expression) AS
    CASE WHEN starts_with(arg_expression, '(') AND ends_with(arg_expression, ')')
              AND NOT contains(arg_expression[2:-2], ')') THEN arg_expression[2:-2]
         ELSE arg_expression END;

-- quote_ident: quoted unless a lower-case identifier that is not a reserved, type or column-name keyword of
-- PostgreSQL 15.
CREATE MACRO quote_ident(name) AS
    CASE WHEN regexp_full_match(name, '[a-z_][a-z0-9_$]*') AND NOT list_contains([
             'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between',
             'bigint', 'binary', 'bit', 'boolean', 'both', 'case', 'cast', 'char', 'character', 'check', 'coalesce',
             'collate', 'collation', 'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog',
             'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user',
             'dec', 'decimal', 'default', 'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'exists',
             'extract', 'false', 'fetch', 'float', 'for', 'foreign', 'freeze', 'from', 'full', 'grant', 'greatest',
             'group', 'grouping', 'having', 'ilike', 'in', 'initially', 'inner', 'inout', 'int', 'integer',
             'intersect', 'interval', 'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'least', 'left', 'like',
             'limit', 'localtime', 'localtimestamp', 'national', 'natural', 'nchar', 'none', 'normalize', 'not',
             'notnull', 'null', 'nullif', 'numeric', 'offset', 'on', 'only', 'or', 'order', 'out', 'outer',
             'overlaps', 'overlay', 'placing', 'position', 'precision', 'primary', 'real', 'references', 'returning',
             'right', 'row', 'select', 'session_user', 'setof', 'similar', 'smallint', 'some', 'substring',
             'symmetric', 'table', 'tablesample', 'then', 'time', 'timestamp', 'to', 'trailing', 'treat', 'trim',
             'true', 'union', 'unique', 'user', 'using', 'values', 'varchar', 'variadic', 'verbose', 'when', 'where',
             'window', 'with', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists', 'xmlforest', 'xmlnamespaces',
             'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable'], name)
         THEN name
         ELSE '"' || replace(name, '"', '""') || '"' END;

-- format_type: PostgreSQL's SQL spelling of a type and modifier.
CREATE MACRO duckgres_format_base(arg_type_oid, arg_type_name) AS
    CASE arg_type_oid
        WHEN 16 THEN 'boolean' WHEN 18 THEN '"char"' WHEN 20 THEN 'bigint' WHEN 21 THEN 'smallint'
        WHEN 23 THEN 'integer' WHEN 700 THEN 'real' WHEN 701 THEN 'double precision'
        WHEN 1042 THEN 'character' WHEN 1043 THEN 'character varying' WHEN 1083 THEN 'time without time zone'
        WHEN 1114 THEN 'timestamp without time zone' WHEN 1184 THEN 'timestamp with time zone'
        WHEN 1266 THEN 'time with time zone' WHEN 1560 THEN 'bit' WHEN 1562 THEN 'bit varying'
        WHEN 1700 THEN 'numeric'
        ELSE arg_type_name
    END;

CREATE MACRO duckgres_format_typmod(arg_type_oid, arg_typmod) AS
    CASE
        WHEN arg_typmod IS NULL OR arg_typmod < 0 THEN ''
        WHEN arg_type_oid = 1700 THEN '(' || ((arg_typmod - 4) >> 16) || ',' || ((arg_typmod - 4) & 65535) || ')'
        WHEN arg_type_oid IN (1042, 1043) THEN '(' || (arg_typmod - 4) || ')'
        WHEN arg_type_oid IN (1560, 1562) THEN '(' || arg_typmod || ')'
        WHEN arg_type_oid IN (1083, 1114, 1184, 1266) THEN '(' || arg_typmod || ')'
        WHEN arg_type_oid = 1186 THEN duckgres_interval_qualifier(arg_typmod::INTEGER)
        ELSE ''
    END;

CREATE MACRO duckgres_format_scalar(arg_type_oid, arg_typmod) AS
    (SELECT CASE
                WHEN dfs_t.oid IN (1083, 1114, 1184, 1266) AND arg_typmod >= 0 THEN
                    replace(duckgres_catalog.main.duckgres_format_base(dfs_t.oid, dfs_t.typname), ' with',
                            duckgres_catalog.main.duckgres_format_typmod(dfs_t.oid, arg_typmod) || ' with')
                -- A user's type outside the search path is qualified with its schema.
                WHEN dfs_t.oid >= 16384 THEN
                    (CASE WHEN duckgres_catalog.main.duckgres_visible_namespace(dfs_t.typnamespace) THEN ''
                          ELSE (SELECT duckgres_catalog.main.quote_ident(dfs_n.nspname) || '.'
                                FROM duckgres_catalog.main.pg_namespace dfs_n WHERE dfs_n.oid = dfs_t.typnamespace)
                     END) || duckgres_catalog.main.quote_ident(dfs_t.typname)
                ELSE duckgres_catalog.main.duckgres_format_base(dfs_t.oid, dfs_t.typname)
                     || duckgres_catalog.main.duckgres_format_typmod(dfs_t.oid, arg_typmod)
            END
     FROM duckgres_catalog.main.pg_type dfs_t WHERE dfs_t.oid = arg_type_oid);

CREATE MACRO format_type(arg_type_oid, arg_typmod) AS
    CASE
        WHEN arg_type_oid IS NULL THEN NULL
        WHEN arg_type_oid = 0 THEN '-'
        ELSE coalesce(
            (SELECT CASE WHEN ft_t.typcategory = 'A' AND ft_t.typelem <> 0
                         THEN duckgres_catalog.main.duckgres_format_scalar(ft_t.typelem, arg_typmod) || '[]'
                         ELSE duckgres_catalog.main.duckgres_format_scalar(ft_t.oid, arg_typmod) END
             FROM duckgres_catalog.main.pg_type ft_t WHERE ft_t.oid = arg_type_oid),
            '???')
    END;

CREATE MACRO pg_typeof(arg_value) AS
    CAST(duckgres_catalog.main.format_type(duckgres_type_oid(typeof(arg_value)), NULL) AS regtype);

-- Expressions are kept as text (DuckDB's), so pg_get_expr returns them as they are.
CREATE MACRO pg_get_expr(arg_expression, arg_relation) AS arg_expression,
    (arg_expression, arg_relation, arg_pretty) AS arg_expression;

-- The pretty form (psql's \d) drops the parentheses around a CHECK's whole expression, as PostgreSQL does.
-- A foreign key's action as pg_get_constraintdef prints it after `arg_clause`; nothing for NO ACTION.
CREATE MACRO duckgres_referential_action(arg_clause, arg_action) AS
    CASE arg_action WHEN 'r' THEN arg_clause || 'RESTRICT' WHEN 'c' THEN arg_clause || 'CASCADE'
                    WHEN 'n' THEN arg_clause || 'SET NULL' WHEN 'd' THEN arg_clause || 'SET DEFAULT' ELSE '' END;
CREATE MACRO duckgres_constraintdef(arg_constraint_oid, arg_pretty) AS
    (SELECT CASE dc_c.contype
                WHEN 'p' THEN 'PRIMARY KEY (' || array_to_string(dc_c.constraint_column_names, ', ') || ')'
                WHEN 'u' THEN 'UNIQUE (' || array_to_string(dc_c.constraint_column_names, ', ') || ')'
                WHEN 'f' THEN 'FOREIGN KEY (' || array_to_string(dc_c.constraint_column_names, ', ') || ') REFERENCES '
                              || CASE WHEN dc_c.referenced_schema = 'main'
                                           OR list_contains(system.main.current_schemas(false), dc_c.referenced_schema)
                                      THEN ''
                                      ELSE dc_c.referenced_schema || '.' END
                              || dc_c.referenced_table || '(' || array_to_string(dc_c.referenced_column_names, ', ') || ')'
                              || duckgres_catalog.main.duckgres_referential_action(' ON UPDATE ', dc_c.confupdtype)
                              || duckgres_catalog.main.duckgres_referential_action(' ON DELETE ', dc_c.confdeltype)
                -- DuckDB's expression in PostgreSQL's spelling; where that leaves DuckDB's own calls or casts, the
                -- expression as the client wrote it.
                WHEN 'c' THEN 'CHECK (' || (SELECT CASE WHEN arg_pretty THEN duckgres_catalog.main.duckgres_unwrap(dc_x.e)
                                                        ELSE dc_x.e END
                                            FROM (SELECT CASE WHEN dc_c.pg_check IS NOT NULL
                                                                   AND (contains(dc_y.e, 'duckgres_')
                                                                        OR contains(dc_y.e, 'CAST('))
                                                              THEN dc_c.pg_check ELSE dc_y.e END AS e
                                                  FROM (SELECT duckgres_catalog.main.duckgres_pg_expression(
                                                                   dc_c.expression) AS e) dc_y) dc_x)
                              || ')'
            END
     FROM duckgres_catalog.main.duckgres_constraints dc_c WHERE dc_c.oid = arg_constraint_oid);
CREATE MACRO pg_get_constraintdef(arg_constraint_oid) AS duckgres_catalog.main.duckgres_constraintdef(arg_constraint_oid, false),
    (arg_constraint_oid, arg_pretty) AS duckgres_catalog.main.duckgres_constraintdef(arg_constraint_oid, arg_pretty);

-- With arg_qualify the table is schema-qualified (pg_get_indexdef(oid)); the pretty form qualifies it only
-- outside the search path, as PostgreSQL does.
CREATE MACRO duckgres_indexdef(arg_index_oid, arg_qualify) AS
    (SELECT 'CREATE ' || CASE WHEN di_i.is_unique THEN 'UNIQUE ' ELSE '' END || 'INDEX ' || di_i.index_name || ' ON '
            || CASE WHEN arg_qualify OR di_i.schema_name NOT IN ('public', 'main') THEN di_i.schema_name || '.' ELSE '' END
            || di_i.table_name || ' USING btree (' || array_to_string(di_i.column_names, ', ') || ')'
     FROM duckgres_catalog.main.duckgres_indexes di_i WHERE di_i.indexrelid = arg_index_oid);
CREATE MACRO pg_get_indexdef(arg_index_oid) AS duckgres_catalog.main.duckgres_indexdef(arg_index_oid, true),
    (arg_index_oid, arg_column_number, arg_pretty) AS
    CASE WHEN arg_column_number = 0 THEN duckgres_catalog.main.duckgres_indexdef(arg_index_oid, NOT arg_pretty)
         ELSE (SELECT pgi_i.column_names[arg_column_number] FROM duckgres_catalog.main.duckgres_indexes pgi_i
               WHERE pgi_i.indexrelid = arg_index_oid) END;

-- A view's query: as PostgreSQL takes it, kept in the view's comment (entry V, sql/ddl_passes.hpp); for a view made
-- before Duckgres kept it, as DuckDB keeps it.
CREATE MACRO duckgres_viewdef(arg_view_oid) AS
    (SELECT coalesce(
         -- Relations in a schema of the search path unqualified, as PostgreSQL prints them.
         regexp_replace(
             (SELECT dv_e.e[3]
              FROM (SELECT string_split(unnest(string_split(split_part(dv_v.comment, chr(29), 2), chr(30))),
                                        chr(31)) AS e) dv_e
              WHERE dv_e.e[1] = 'V' LIMIT 1),
             '(^|[ (,])(' || array_to_string(list_transform(system.main.current_schemas(false),
                                                           dv_s -> regexp_escape(dv_s)), '|') || ')\.', '\1', 'g')
             || ';',
         regexp_replace(dv_v.sql, '^\s*CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+|TEMPORARY\s+)?VIEW\s+.*?\s+AS\s+', '', 'is'))
     FROM duckdb_views() dv_v
     WHERE dv_v.database_name = current_database() AND duckgres_catalog.main.duckgres_object_oid(dv_v.view_oid) = arg_view_oid);
CREATE MACRO pg_get_viewdef(arg_view_oid) AS duckgres_catalog.main.duckgres_viewdef(arg_view_oid),
    (arg_view_oid, arg_pretty) AS duckgres_catalog.main.duckgres_viewdef(arg_view_oid);

-- The catalog of a pg_description row as obj_description's second argument may name it: its OID (from a
-- 'pg_class'::regclass cast) or its name, with or without pg_catalog.
CREATE MACRO duckgres_names_catalog(arg_classoid, arg_catalog) AS
    replace(arg_catalog::VARCHAR, 'pg_catalog.', '') IN (
        arg_classoid::VARCHAR,
        CASE arg_classoid WHEN 1259 THEN 'pg_class' WHEN 2615 THEN 'pg_namespace' WHEN 1247 THEN 'pg_type'
                          WHEN 1255 THEN 'pg_proc' WHEN 2606 THEN 'pg_constraint' WHEN 1262 THEN 'pg_database' END);
CREATE MACRO obj_description(arg_object_oid) AS
    (SELECT first(od_d.description) FROM duckgres_catalog.main.pg_description od_d
     WHERE od_d.objoid = arg_object_oid AND od_d.objsubid = 0),
    (arg_object_oid, arg_catalog_name) AS
    (SELECT first(od_d.description) FROM duckgres_catalog.main.pg_description od_d
     WHERE od_d.objoid = arg_object_oid AND od_d.objsubid = 0
       AND duckgres_catalog.main.duckgres_names_catalog(od_d.classoid, arg_catalog_name));
CREATE MACRO col_description(arg_table_oid, arg_column_number) AS
    (SELECT first(cd_d.description) FROM duckgres_catalog.main.pg_description cd_d
     WHERE cd_d.objoid = arg_table_oid AND cd_d.classoid = 1259 AND cd_d.objsubid = arg_column_number);
CREATE MACRO shobj_description(arg_object_oid, arg_catalog_name) AS NULL::VARCHAR;

-- Sizes: DuckDB keeps no per-relation byte counts; its row estimate times the column count times 8.
CREATE MACRO duckgres_relation_size(arg_rel_oid) AS
    coalesce((SELECT (drs_r.reltuples * drs_r.relnatts * 8)::BIGINT FROM duckgres_catalog.main.duckgres_relations drs_r
              WHERE drs_r.oid = arg_rel_oid), 0::BIGINT);
CREATE MACRO pg_relation_size(arg_rel_oid) AS duckgres_catalog.main.duckgres_relation_size(arg_rel_oid),
    (arg_rel_oid, arg_fork) AS duckgres_catalog.main.duckgres_relation_size(arg_rel_oid);
CREATE MACRO pg_table_size(arg_rel_oid) AS duckgres_catalog.main.duckgres_relation_size(arg_rel_oid);
CREATE MACRO pg_total_relation_size(arg_rel_oid) AS duckgres_catalog.main.duckgres_relation_size(arg_rel_oid);
CREATE MACRO pg_indexes_size(arg_rel_oid) AS 0::BIGINT;
CREATE MACRO pg_database_size(name) AS
    (SELECT sum(estimated_size * column_count * 8)::BIGINT FROM duckdb_tables()
     WHERE database_name = current_database());
CREATE MACRO pg_size_pretty(arg_size) AS
    CASE
        WHEN arg_size IS NULL THEN NULL
        WHEN abs(arg_size) < 10240 THEN arg_size || ' bytes'
        WHEN abs(arg_size) < 10485760 THEN round(arg_size / 1024) || ' kB'
        WHEN abs(arg_size) < 10737418240 THEN round(arg_size / 1048576) || ' MB'
        WHEN abs(arg_size) < 10995116277760 THEN round(arg_size / 1073741824) || ' GB'
        ELSE round(arg_size / 1099511627776) || ' TB'
    END;

CREATE MACRO pg_relation_is_publishable(arg_rel_oid) AS false;
CREATE MACRO pg_get_statisticsobjdef_columns(arg_stat_oid) AS NULL::VARCHAR;
CREATE MACRO pg_is_in_recovery() AS false;
CREATE MACRO pg_client_encoding() AS 'UTF8';
-- Statistics counters: DuckDB keeps none per relation or index.
CREATE MACRO pg_stat_get_numscans(arg_rel_oid) AS 0::BIGINT;
CREATE MACRO pg_stat_get_tuples_returned(arg_rel_oid) AS 0::BIGINT;
CREATE MACRO pg_stat_get_tuples_fetched(arg_rel_oid) AS 0::BIGINT;
CREATE MACRO pg_stat_get_blocks_fetched(arg_rel_oid) AS 0::BIGINT;
CREATE MACRO pg_stat_get_blocks_hit(arg_rel_oid) AS 0::BIGINT;
CREATE MACRO pg_tablespace_location(arg_tablespace_oid) AS CASE WHEN arg_tablespace_oid IS NOT NULL THEN '' END;
CREATE MACRO pg_get_partkeydef(arg_rel_oid) AS NULL::VARCHAR;
CREATE MACRO pg_get_triggerdef(arg_trigger_oid) AS NULL::VARCHAR,
    (arg_trigger_oid, arg_pretty) AS NULL::VARCHAR;
CREATE MACRO pg_get_ruledef(arg_rule_oid) AS NULL::VARCHAR,
    (arg_rule_oid, arg_pretty) AS NULL::VARCHAR;
CREATE MACRO pg_get_function_identity_arguments(arg_function_oid) AS '';
CREATE MACRO pg_get_function_arguments(arg_function_oid) AS '';
CREATE MACRO pg_get_function_result(arg_function_oid) AS
    (SELECT duckgres_catalog.main.format_type(pgfr_p.prorettype, NULL) FROM duckgres_catalog.main.pg_proc pgfr_p
     WHERE pgfr_p.oid = arg_function_oid);

CREATE MACRO quote_literal(arg_value) AS
    CASE WHEN arg_value IS NULL THEN NULL
         WHEN contains(arg_value::VARCHAR, '\') THEN 'E''' || replace(replace(arg_value::VARCHAR, '\', '\\'), '''', '''''') || ''''
         ELSE '''' || replace(arg_value::VARCHAR, '''', '''''') || '''' END;
CREATE MACRO quote_nullable(arg_value) AS coalesce(duckgres_catalog.main.quote_literal(arg_value), 'NULL');

CREATE MACRO current_schemas(arg_include_implicit) AS
    CASE WHEN arg_include_implicit THEN ['pg_catalog', 'public'] ELSE ['public'] END;

-- reg* casts (see RewriteRegCasts in src/sql/catalog_passes.cpp): a name to its OID, an OID to its name.
CREATE MACRO duckgres_unquote(arg_name) AS
    CASE WHEN starts_with(arg_name, '"') THEN replace(arg_name[2:-2], '""', '"') ELSE lower(arg_name) END;

-- A relation's OID by its (possibly qualified) name, NULL when there is none: an unqualified name is looked up in
-- pg_catalog, then along the search path.
CREATE MACRO duckgres_regclass_lookup(arg_name) AS
    CASE WHEN regexp_full_match(arg_name, '[0-9]+') THEN arg_name::UINTEGER
    ELSE (SELECT drl_n.oid FROM duckgres_catalog.main.duckgres_relation_names drl_n
          WHERE drl_n.relname = duckgres_catalog.main.duckgres_unquote(string_split(arg_name, '.')[-1])
            AND CASE WHEN strpos(arg_name, '.') > 0
                     THEN drl_n.nspname = duckgres_catalog.main.duckgres_unquote(string_split(arg_name, '.')[-2])
                     ELSE drl_n.nspname = 'pg_catalog' OR list_contains(current_schemas(true), drl_n.nspname) END
          ORDER BY drl_n.nspname = 'pg_catalog' DESC, list_position(current_schemas(true), drl_n.nspname) LIMIT 1)
    END;
CREATE MACRO duckgres_regclass_oid(arg_name) AS
    coalesce(duckgres_catalog.main.duckgres_regclass_lookup(arg_name),
             error('relation "' || arg_name || '" does not exist'));
CREATE MACRO to_regclass(arg_name) AS duckgres_catalog.main.duckgres_regclass_lookup(arg_name::VARCHAR);
CREATE MACRO duckgres_regclass_name(arg_oid) AS
    coalesce((SELECT drn_c.relname FROM duckgres_catalog.main.duckgres_relation_names drn_c WHERE drn_c.oid = arg_oid),
             arg_oid::VARCHAR);

CREATE MACRO duckgres_regtype_oid(arg_name) AS
    CASE WHEN regexp_full_match(arg_name, '[0-9]+') THEN arg_name::UINTEGER
    ELSE coalesce(
        (SELECT dro_t.oid FROM duckgres_catalog.main.pg_type dro_t
         WHERE dro_t.typname = duckgres_catalog.main.duckgres_unquote(string_split(arg_name, '.')[-1])
            OR duckgres_catalog.main.format_type(dro_t.oid, NULL) = lower(string_split(arg_name, '.')[-1])
            OR (dro_t.oid, lower(arg_name)) IN ((23, 'int'), (1700, 'decimal'), (701, 'float'), (1042, 'char'))
         ORDER BY dro_t.oid LIMIT 1),
        error('type "' || arg_name || '" does not exist'))
    END;
CREATE MACRO duckgres_regtype_name(arg_oid) AS
    coalesce(duckgres_catalog.main.format_type(arg_oid, NULL), arg_oid::VARCHAR);

CREATE MACRO duckgres_regnamespace_oid(arg_name) AS
    coalesce((SELECT dro_n.oid FROM duckgres_catalog.main.pg_namespace dro_n
              WHERE dro_n.nspname = duckgres_catalog.main.duckgres_unquote(arg_name)),
             error('schema "' || arg_name || '" does not exist'));
CREATE MACRO duckgres_regnamespace_name(arg_oid) AS
    coalesce((SELECT drn_n.nspname::VARCHAR FROM duckgres_catalog.main.pg_namespace drn_n WHERE drn_n.oid = arg_oid), arg_oid::VARCHAR);

CREATE MACRO duckgres_regproc_oid(arg_name) AS
    coalesce((SELECT dro_p.oid FROM duckgres_catalog.main.pg_proc dro_p
              WHERE dro_p.proname = duckgres_catalog.main.duckgres_unquote(string_split(arg_name, '(')[1])
              ORDER BY dro_p.oid LIMIT 1),
             error('function "' || arg_name || '" does not exist'));
CREATE MACRO duckgres_regproc_name(arg_oid) AS
    coalesce((SELECT drn_p.proname::VARCHAR FROM duckgres_catalog.main.pg_proc drn_p WHERE drn_p.oid = arg_oid),
             CASE WHEN arg_oid = 0 THEN '-' ELSE arg_oid::VARCHAR END);

CREATE MACRO duckgres_regrole_oid(arg_name) AS
    coalesce((SELECT dro_a.oid FROM duckgres_catalog.main.pg_authid dro_a
              WHERE dro_a.rolname = duckgres_catalog.main.duckgres_unquote(arg_name)),
             error('role "' || arg_name || '" does not exist'));
CREATE MACRO duckgres_regrole_name(arg_oid) AS
    coalesce((SELECT drn_a.rolname::VARCHAR FROM duckgres_catalog.main.pg_authid drn_a WHERE drn_a.oid = arg_oid), arg_oid::VARCHAR);

-- Privileges come from each user's role: read_only users hold only the reading privileges (SELECT, USAGE,
-- CONNECT, EXECUTE...), the others every privilege on every object. The answer is true for an object that exists,
-- a valid privilege list ('SELECT, INSERT WITH GRANT OPTION') and a user holding any privilege of it; an unknown
-- privilege is 22023 and an unknown relation or schema (by name) an error, as in PostgreSQL.
CREATE MACRO duckgres_reads_only(arg_user, arg_privileges) AS
    coalesce(duckgres_catalog.main.duckgres_role_of(arg_user) = 'read_only', false)
    AND NOT list_bool_or(list_transform(string_split(arg_privileges, ','), drp_p ->
        list_contains(['select', 'usage', 'connect', 'execute', 'member'],
                      lower(regexp_replace(trim(drp_p), '\s+with\s+grant\s+option$', '', 'i')))));
CREATE MACRO duckgres_privileges_valid(arg_privileges, arg_allowed) AS
    list_bool_and(list_transform(string_split(arg_privileges, ','), dpv_p ->
        CASE WHEN list_contains(arg_allowed,
                                lower(regexp_replace(trim(dpv_p), '\s+with\s+grant\s+option$', '', 'i')))
             THEN true
             ELSE error('unrecognized privilege type: "' || trim(dpv_p) || '"') END));
CREATE MACRO duckgres_table_privilege(arg_table, arg_privileges, arg_allowed) AS
    duckgres_catalog.main.duckgres_privileges_valid(arg_privileges, arg_allowed)
    AND duckgres_catalog.main.duckgres_regclass_oid(arg_table::VARCHAR) IS NOT NULL;
CREATE MACRO duckgres_schema_privilege(arg_schema, arg_privileges) AS
    duckgres_catalog.main.duckgres_privileges_valid(arg_privileges, ['usage', 'create'])
    AND (regexp_full_match(arg_schema::VARCHAR, '[0-9]+')
         OR duckgres_catalog.main.duckgres_regnamespace_oid(arg_schema::VARCHAR) IS NOT NULL);
CREATE MACRO has_table_privilege(a, b) AS
        duckgres_catalog.main.duckgres_table_privilege(a, b, ['select', 'insert', 'update', 'delete', 'truncate',
                                                              'references', 'trigger'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(duckgres_session_user(), b),
    (u, a, b) AS
        duckgres_catalog.main.duckgres_table_privilege(a, b, ['select', 'insert', 'update', 'delete', 'truncate',
                                                              'references', 'trigger'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(u, b);
CREATE MACRO has_any_column_privilege(a, b) AS
        duckgres_catalog.main.duckgres_table_privilege(a, b, ['select', 'insert', 'update', 'references'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(duckgres_session_user(), b),
    (u, a, b) AS duckgres_catalog.main.duckgres_table_privilege(a, b, ['select', 'insert', 'update', 'references'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(u, b);
CREATE MACRO has_column_privilege(a, b, c) AS
        duckgres_catalog.main.duckgres_table_privilege(a, c, ['select', 'insert', 'update', 'references'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(duckgres_session_user(), c),
    (u, a, b, c) AS duckgres_catalog.main.duckgres_table_privilege(a, c, ['select', 'insert', 'update', 'references'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(u, c);
CREATE MACRO has_sequence_privilege(a, b) AS
        duckgres_catalog.main.duckgres_table_privilege(a, b, ['usage', 'select', 'update'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(duckgres_session_user(), b),
    (u, a, b) AS duckgres_catalog.main.duckgres_table_privilege(a, b, ['usage', 'select', 'update'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(u, b);
CREATE MACRO has_schema_privilege(a, b) AS duckgres_catalog.main.duckgres_schema_privilege(a, b)
        AND NOT duckgres_catalog.main.duckgres_reads_only(duckgres_session_user(), b),
    (u, a, b) AS duckgres_catalog.main.duckgres_schema_privilege(a, b)
        AND NOT duckgres_catalog.main.duckgres_reads_only(u, b);
CREATE MACRO has_database_privilege(a, b) AS
        duckgres_catalog.main.duckgres_privileges_valid(b, ['create', 'connect', 'temporary', 'temp'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(duckgres_session_user(), b),
    (u, a, b) AS duckgres_catalog.main.duckgres_privileges_valid(b, ['create', 'connect', 'temporary', 'temp'])
        AND NOT duckgres_catalog.main.duckgres_reads_only(u, b);
CREATE MACRO has_function_privilege(a, b) AS duckgres_catalog.main.duckgres_privileges_valid(b, ['execute']),
    (u, a, b) AS duckgres_catalog.main.duckgres_privileges_valid(b, ['execute']);
CREATE MACRO has_type_privilege(a, b) AS duckgres_catalog.main.duckgres_privileges_valid(b, ['usage']),
    (u, a, b) AS duckgres_catalog.main.duckgres_privileges_valid(b, ['usage']);
-- Roles are the server's users: a user is a member of its own role, an admin (a superuser) of every role; a role
-- given by name or OID must exist (42704, as in PostgreSQL).
-- (The argument stays outside the subqueries: an unqualified `oid` passed in must not bind to pg_authid's own.)
CREATE MACRO duckgres_role_name(arg_role) AS
    CASE WHEN regexp_full_match(arg_role::VARCHAR, '[0-9]+')
         THEN map_extract_value((SELECT map_from_entries(list({'k': a.oid::UBIGINT, 'v': a.rolname::VARCHAR}))
                                 FROM duckgres_catalog.main.pg_authid a), TRY_CAST(arg_role::VARCHAR AS UBIGINT))
         ELSE arg_role::VARCHAR END;
CREATE MACRO duckgres_role_exists(arg_name) AS
    coalesce(list_contains((SELECT list(a.rolname::VARCHAR) FROM duckgres_catalog.main.pg_authid a), arg_name), false);
CREATE MACRO duckgres_has_role(arg_user, arg_role, arg_privileges) AS
    duckgres_catalog.main.duckgres_privileges_valid(arg_privileges, ['member', 'usage', 'set'])
    AND CASE WHEN NOT duckgres_catalog.main.duckgres_role_exists(duckgres_catalog.main.duckgres_role_name(arg_role))
             THEN error('role "' || arg_role::VARCHAR || '" does not exist')
             ELSE duckgres_catalog.main.duckgres_role_name(arg_role) = duckgres_catalog.main.duckgres_role_name(arg_user)
                  OR coalesce(duckgres_catalog.main.duckgres_role_of(
                                  duckgres_catalog.main.duckgres_role_name(arg_user)) = 'admin', false) END;
CREATE MACRO pg_has_role(a, b) AS duckgres_catalog.main.duckgres_has_role(duckgres_session_user(), a, b),
    (u, a, b) AS duckgres_catalog.main.duckgres_has_role(u, a, b);

-- PostgreSQL 15's regexp_count / regexp_instr / regexp_substr / regexp_like over DuckDB's regexp functions: the
-- search starts at character `start`; the n-th match counts from 1. Of the flags, 'i' (case-insensitive) is
-- applied, as RE2's inline (?i) (DuckDB takes regexp options only as constants).
CREATE MACRO duckgres_regexp_pattern(rf_p, rf_flags) AS
    (CASE WHEN contains(rf_flags, 'i') THEN '(?i)' ELSE '' END) || rf_p;
CREATE MACRO regexp_like(rl_s, rl_p) AS regexp_matches(rl_s, rl_p),
    (rl_s, rl_p, rl_flags) AS regexp_matches(rl_s, duckgres_catalog.main.duckgres_regexp_pattern(rl_p, rl_flags));
CREATE MACRO regexp_count(rc_s, rc_p) AS len(regexp_extract_all(rc_s, rc_p))::INTEGER,
    (rc_s, rc_p, rc_start) AS len(regexp_extract_all(substr(rc_s, rc_start), rc_p))::INTEGER,
    (rc_s, rc_p, rc_start, rc_flags) AS
        len(regexp_extract_all(substr(rc_s, rc_start), duckgres_catalog.main.duckgres_regexp_pattern(rc_p, rc_flags)))
            ::INTEGER;
CREATE MACRO regexp_substr(rs_s, rs_p) AS regexp_extract_all(rs_s, rs_p)[1],
    (rs_s, rs_p, rs_start) AS regexp_extract_all(substr(rs_s, rs_start), rs_p)[1],
    (rs_s, rs_p, rs_start, rs_n) AS regexp_extract_all(substr(rs_s, rs_start), rs_p)[rs_n];
-- The position of the n-th match: the text before it (the pieces between matches and the earlier matches) plus one.
CREATE MACRO duckgres_regexp_position(rp_s, rp_p, rp_start, rp_n) AS
    CASE WHEN len(regexp_extract_all(substr(rp_s, rp_start), rp_p)) >= rp_n
         THEN (rp_start
               + coalesce(list_sum(list_transform(
                     string_split_regex(substr(rp_s, rp_start), rp_p)[1:rp_n], rp_e -> length(rp_e))), 0)
               + coalesce(list_sum(list_transform(
                     regexp_extract_all(substr(rp_s, rp_start), rp_p)[1:rp_n - 1], rp_m -> length(rp_m))), 0))::INTEGER
         ELSE 0 END;
CREATE MACRO regexp_instr(ri_s, ri_p) AS duckgres_catalog.main.duckgres_regexp_position(ri_s, ri_p, 1, 1),
    (ri_s, ri_p, ri_start) AS duckgres_catalog.main.duckgres_regexp_position(ri_s, ri_p, ri_start, 1),
    (ri_s, ri_p, ri_start, ri_n) AS duckgres_catalog.main.duckgres_regexp_position(ri_s, ri_p, ri_start, ri_n);

-- width_bucket(operand, low, high, count): the bucket (1..count, 0 below, count + 1 above) of an equi-width
-- histogram, low > high counting downwards, as in PostgreSQL.
CREATE MACRO width_bucket(wb_op, wb_low, wb_high, wb_count) AS
    (CASE WHEN wb_low < wb_high
          THEN CASE WHEN wb_op < wb_low THEN 0 WHEN wb_op >= wb_high THEN wb_count + 1
                    ELSE floor((wb_op - wb_low) * wb_count / (wb_high - wb_low)) + 1 END
          ELSE CASE WHEN wb_op > wb_low THEN 0 WHEN wb_op <= wb_high THEN wb_count + 1
                    ELSE floor((wb_low - wb_op) * wb_count / (wb_low - wb_high)) + 1 END END)::INTEGER;

-- Arrays: DuckDB lists, 1-based, nested for multidimensional arrays; the shape functions (duckgres_array_ndims,
-- duckgres_array_dims, duckgres_array_length, duckgres_cardinality) are C++ (engine/functions/array_functions.cpp).
-- array_remove(array, element): every element equal to it removed (NULL removes the NULLs).
CREATE MACRO array_remove(arg_array, arg_element) AS
    list_filter(arg_array, ar_x -> NOT (ar_x IS NOT DISTINCT FROM arg_element));
-- array_replace(array, from, to): every element equal to `from` (NULL matches NULL) replaced by `to`.
CREATE MACRO array_replace(arg_array, arg_from, arg_to) AS
    list_transform(arg_array, arp_x -> CASE WHEN arp_x IS NOT DISTINCT FROM arg_from THEN arg_to ELSE arp_x END);
CREATE MACRO array_ndims(arg_array) AS duckgres_array_ndims(arg_array);
CREATE MACRO array_dims(arg_array) AS duckgres_array_dims(arg_array);
CREATE MACRO array_length(arg_array, arg_dimension) AS duckgres_array_length(arg_array, arg_dimension);
CREATE MACRO array_upper(arg_array, arg_dimension) AS duckgres_array_length(arg_array, arg_dimension);
CREATE MACRO array_lower(arg_array, arg_dimension) AS
    CASE WHEN duckgres_array_length(arg_array, arg_dimension) IS NOT NULL THEN 1 END;
CREATE MACRO cardinality(arg_array) AS duckgres_cardinality(arg_array);
-- array_position(array, element[, start]) and array_positions(array, element): 1-based, NULL finds NULL.
CREATE MACRO array_position(arg_array, arg_element) AS list_position(arg_array, arg_element),
    (arg_array, arg_element, arg_start) AS
    CASE WHEN arg_start IS NOT NULL THEN
        list_position(list_slice(arg_array, greatest(arg_start, 1), len(arg_array)), arg_element)
            + greatest(arg_start, 1) - 1 END;
CREATE MACRO array_positions(arg_array, arg_element) AS
    CASE WHEN arg_array IS NOT NULL THEN list_filter(range(1, len(arg_array) + 1),
        aps_i -> arg_array[aps_i] IS NOT DISTINCT FROM arg_element)::INTEGER[] END;
-- array_fill(value, dimensions): one-dimensional arrays only (a list's nesting is part of its type).
CREATE MACRO array_fill(arg_value, arg_dimensions) AS
    CASE WHEN len(arg_dimensions) <> 1 THEN error('array_fill of more than one dimension is not supported')
         ELSE list_transform(range(arg_dimensions[1]), af_i -> arg_value) END;
-- array_to_string(array, delimiter[, null_string]): NULL elements skipped or replaced; '' for an empty array.
CREATE MACRO array_to_string(arg_array, arg_delimiter) AS
    CASE WHEN arg_array IS NOT NULL AND arg_delimiter IS NOT NULL THEN
        coalesce(list_aggregate(arg_array::VARCHAR[], 'string_agg', arg_delimiter), '') END,
    (arg_array, arg_delimiter, arg_null) AS
    CASE WHEN arg_array IS NOT NULL AND arg_delimiter IS NOT NULL THEN
        coalesce(list_aggregate(list_transform(arg_array::VARCHAR[], ats_x -> coalesce(ats_x, arg_null)),
                                'string_agg', arg_delimiter), '') END;
-- string_to_array(text, delimiter[, null_string]): a NULL delimiter splits into characters, '' keeps the text
-- whole, an empty text is an empty array, pieces equal to null_string are NULL.
CREATE MACRO string_to_array(arg_text, arg_delimiter) AS
    CASE WHEN arg_text = '' THEN []::VARCHAR[]
         WHEN arg_delimiter IS NULL THEN string_split(arg_text, '')
         WHEN arg_delimiter = '' THEN [arg_text]
         ELSE string_split(arg_text, arg_delimiter) END,
    (arg_text, arg_delimiter, arg_null) AS
    list_transform(CASE WHEN arg_text = '' THEN []::VARCHAR[]
                        WHEN arg_delimiter IS NULL THEN string_split(arg_text, '')
                        WHEN arg_delimiter = '' THEN [arg_text]
                        ELSE string_split(arg_text, arg_delimiter) END,
                   sta_x -> CASE WHEN sta_x IS NOT DISTINCT FROM arg_null THEN NULL ELSE sta_x END);
-- x = ANY(array) as PostgreSQL has it: NULL (not false) when nothing matches and the value or an element is NULL.
CREATE MACRO duckgres_any_equal(arg_array, arg_value) AS
    CASE WHEN list_contains(arg_array, arg_value) THEN true
         WHEN arg_array IS NULL THEN NULL
         WHEN len(arg_array) = 0 THEN false
         WHEN arg_value IS NULL THEN NULL
         WHEN list_position(arg_array, NULL) IS NOT NULL THEN NULL
         ELSE false END;

-- No partitioning: a relation is its own only ancestor and root.
CREATE MACRO pg_partition_ancestors(arg_rel) AS arg_rel::UINTEGER;
-- In FROM (psql writes it WITH ORDINALITY, which DuckDB's table macros ignore: the depth is a column).
CREATE MACRO pg_partition_ancestors(arg_rel) AS TABLE SELECT arg_rel::UINTEGER AS relid, 1::BIGINT AS depth;
CREATE MACRO pg_partition_root(arg_rel) AS arg_rel::UINTEGER;

-- information_schema._pg_expandarray(array): the elements with their positions, as records (x, n); in a
-- select list the rewriter unnests it into rows, as PostgreSQL's set-returning function gives them.
CREATE MACRO _pg_expandarray(arg_array) AS
    list_transform(range(1, len(arg_array) + 1), pea_i -> {'x': arg_array[pea_i], 'n': pea_i});

-- The sequence a column's DEFAULT nextval('name') draws from, schema-qualified.
CREATE MACRO pg_get_serial_sequence(arg_table_name, arg_column_name) AS
    (SELECT CASE WHEN contains(pgss_s.seq, '.') THEN pgss_s.seq ELSE pgss_s.schema_name || '.' || pgss_s.seq END
     FROM (SELECT pgss_c.schema_name, regexp_extract(pgss_c.column_default, 'nextval\(''([^'']+)''', 1) AS seq
           FROM duckdb_columns() pgss_c
           WHERE pgss_c.database_name = current_database()
             AND pgss_c.table_name = duckgres_catalog.main.duckgres_unquote(string_split(arg_table_name, '.')[-1])
             AND (strpos(arg_table_name, '.') = 0
                  OR pgss_c.schema_name = duckgres_catalog.main.duckgres_unquote(string_split(arg_table_name, '.')[1]))
             AND pgss_c.column_name = arg_column_name) pgss_s
     WHERE pgss_s.seq <> '');

-- set_config() with constant arguments changes the setting before the statement runs (sql/session_passes.cpp);
-- with arguments read from rows it cannot, and says so when a row reaches it.
CREATE MACRO set_config(arg_name, arg_value, arg_local) AS
    error('SQLSTATE 0A000: set_config() with arguments that are not constants is not supported (setting "' ||
          arg_name::VARCHAR || '")');

-- The privileges an object has before any GRANT or REVOKE (PostgreSQL's acldefault): its owner's, and for some kinds
-- everyone's; pg_dump prints the GRANTs and REVOKEs that lead from them to the object's ACL.
CREATE MACRO acldefault(arg_kind, arg_owner) AS
    CASE WHEN arg_kind::VARCHAR = 'c' THEN []::VARCHAR[]
         ELSE string_split(replace(CASE arg_kind::VARCHAR
                                       WHEN 'r' THEN '{o}=arwdDxt/{o}'
                                       WHEN 's' THEN '{o}=rwU/{o}'
                                       WHEN 'd' THEN '=Tc/{o},{o}=CTc/{o}'
                                       WHEN 'f' THEN '=X/{o},{o}=X/{o}'
                                       WHEN 'l' THEN '=U/{o},{o}=U/{o}'
                                       WHEN 'L' THEN '{o}=rw/{o}'
                                       WHEN 'n' THEN '{o}=UC/{o}'
                                       WHEN 't' THEN '{o}=C/{o}'
                                       WHEN 'F' THEN '{o}=U/{o}'
                                       WHEN 'S' THEN '{o}=U/{o}'
                                       WHEN 'T' THEN '=U/{o},{o}=U/{o}'
                                       ELSE error('SQLSTATE 22023: unrecognized object type abbreviation: '
                                                  || arg_kind::VARCHAR) END,
                                   '{o}', duckgres_catalog.main.pg_get_userbyid(arg_owner)), ',') END::aclitem[];

-- A snapshot's name for SET TRANSACTION SNAPSHOT in other sessions (pg_dump --jobs). DuckDB cannot share a snapshot:
-- each session that imports it reads what is committed when its transaction starts.
CREATE MACRO pg_export_snapshot() AS '00000003-00000001-1';

-- A reloptions-style list of name=value as rows (PostgreSQL's pg_options_to_table).
CREATE MACRO pg_options_to_table(arg_options) AS TABLE
SELECT split_part(pott_o, '=', 1)::VARCHAR AS option_name,
       substr(pott_o, strpos(pott_o, '=') + 1)::VARCHAR AS option_value
FROM (SELECT unnest(arg_options::VARCHAR[]) AS pott_o);

-- The SQL keywords (DuckDB's grammar is PostgreSQL's), with PostgreSQL's columns and category codes.
CREATE MACRO pg_get_keywords() AS TABLE
SELECT keyword_name::VARCHAR AS word,
       (CASE keyword_category WHEN 'unreserved' THEN 'U' WHEN 'column_name' THEN 'C'
                              WHEN 'type_function' THEN 'T' ELSE 'R' END)::VARCHAR AS catcode,
       true AS barelabel,
       (CASE keyword_category WHEN 'unreserved' THEN 'unreserved' WHEN 'column_name' THEN 'unreserved (cannot be function or type name)'
                              WHEN 'type_function' THEN 'reserved (can be function or type name)' ELSE 'reserved' END)::VARCHAR
           AS catdesc,
       'can be bare label'::VARCHAR AS baredesc
FROM duckdb_keywords();

-- to_char(timestamp/date, format): PostgreSQL's template patterns translated to strftime's, longest first.
-- Covered: YYYY YY MM Mon Month DD DDD Day Dy HH24 HH12 HH MI SS MS US AM PM IW TZ, FM (no zero padding;
-- strftime never pads names) and "quoted text". Other patterns pass through as text. The rewriter
-- writes to_char, to_date and to_timestamp with it into the statement (strftime needs a constant template).
CREATE MACRO duckgres_strftime_format(arg_format) AS
    arg_format.replace('%', '%%').replace('"', '')
              .replace('FMHH24', '%-H').replace('FMHH12', '%-I').replace('FMHH', '%-I').replace('FMMI', '%-M')
              .replace('FMSS', '%-S').replace('FMMM', '%-m').replace('FMDDD', '%-j').replace('FMDD', '%-d')
              .replace('FM', '').replace('HH24', '%H').replace('HH12', '%I').replace('HH', '%I')
              .replace('MI', '%M').replace('SS', '%S').replace('MS', '%g').replace('US', '%f')
              .replace('YYYY', '%Y').replace('YY', '%y').replace('Month', '%B').replace('Mon', '%b')
              .replace('MM', '%m').replace('DDD', '%j').replace('DD', '%d').replace('Day', '%A').replace('Dy', '%a')
              .replace('AM', '%p').replace('PM', '%p').replace('IW', '%V').replace('TZ', '%Z');

-- PostgreSQL's bytea functions where DuckDB has others of the same names (engine/functions/bytea_functions.cpp):
-- encode/decode with a format, sha256 returning bytea (DuckDB's returns hex text).
CREATE MACRO encode(arg_bytes, arg_format) AS duckgres_encode(arg_bytes, arg_format);
CREATE MACRO decode(arg_text, arg_format) AS duckgres_decode(arg_text, arg_format);
CREATE MACRO sha256(arg_bytes) AS duckgres_sha256(arg_bytes);

